"""Resolve follow-up questions against the conversation, without an LLM.

"When was it renewed?" after "What is the STA?" becomes "When was the STA
renewed?"; "Who wrote that one?" after an answer citing the SCMP article
becomes 'Who wrote the article "Renewed US-China science pact…"?'. A question
that stands on its own is returned unchanged.

>>> rewrite("When was it renewed?", [Turn("What is the STA?", [])])
'When was the STA renewed?'
>>> rewrite("When was the STA signed?", [Turn("What is de-risking?", [])])
'When was the STA signed?'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.text import STOPWORDS, tokens

_ARTICLE_REF = re.compile(r"\b(that|this|the same|the last|the first) (one|article|piece|story|op-ed|essay)\b|\bthat one\b", re.I)
_PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those|he|she|him|her)\b", re.I)
_WH = {"what", "when", "who", "why", "how", "where", "which", "whom", "whose", "does", "did", "is", "was", "were", "are", "do"}


@dataclass
class Turn:
    question: str  # as asked (or as rewritten, for chains of follow-ups)
    cited: list[dict] = field(default_factory=list)  # citations of the answer: title, outlet, doc_id


def _subject(question: str) -> str:
    """The thing a question was about: an acronym or a capitalised name, else its content words."""
    q = question.strip().rstrip("?")
    acr = re.search(r"\b(?:the\s+)?[A-Z][A-Z&]{1,}\b", q)
    if acr:
        return acr.group(0) if acr.group(0).lower().startswith("the ") else "the " + acr.group(0)
    name = re.search(r"(?:\b[Tt]he\s+)?(?<!^)\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*", q[1:])
    if name:
        return name.group(0).strip()
    words = [w for w in tokens(q) if w not in STOPWORDS and w not in _WH]
    return " ".join(words[:5])


def needs_context(question: str) -> bool:
    words = tokens(question)
    content = [w for w in words if w not in STOPWORDS and w not in _WH]
    return bool(_ARTICLE_REF.search(question)) or (bool(_PRONOUN.search(question)) and len(content) <= 3)


def rewrite(question: str, history: list[Turn]) -> str:
    if not history or not needs_context(question):
        return question
    last = history[-1]
    m = _ARTICLE_REF.search(question)
    if m and last.cited:
        c = last.cited[0]
        ref = f'the article "{c["title"]}"' if c.get("title") else (f"the {c['outlet']} article" if c.get("outlet") else "")
        if ref:
            return question[:m.start()] + ref + question[m.end():]
    subj = _subject(last.question)
    if not subj:
        return question
    p = _PRONOUN.search(question)
    if p and p.group(0).lower() in ("it", "they", "them", "this", "that", "these", "those"):
        return question[:p.start()] + subj + question[p.end():]
    if p and p.group(0).lower() in ("its", "their"):
        return question[:p.start()] + subj + "'s" + question[p.end():]
    return f"{question.rstrip()} ({subj})"
