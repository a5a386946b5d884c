"""Resolve follow-up questions against the conversation, without an LLM.

Only real anaphora or ellipsis is rewritten: a pronoun standing for the last
question's subject ("who signed it?"), a reference to the last cited article
("who wrote that one?"), "what about X?", or "tell me more". A question that
stands on its own is never merged with earlier words.

>>> rewrite("When was it renewed?", [Turn("What is the STA?", [])]).text
'When was the STA renewed?'
>>> rewrite("When was the STA signed?", [Turn("What is de-risking?", [])]).text
'When was the STA signed?'
>>> rewrite("who signed it?", [Turn("what is this agreement and why does it matter?", [])]).text
'who signed the agreement?'
>>> rewrite("what about quantum computing?", [Turn("Does the new deal cover AI?", [])]).text
'Does the new deal cover quantum computing?'
>>> rewrite("and how long is it good for", [Turn("when did they renew the pact?", [])]).text
'and how long is the pact good for'
>>> rewrite("what about the CSIS one", [Turn("how many protocols according to the SCMP piece?", [])]).text
'how many protocols according to the CSIS one?'
>>> rewrite("and when was that", [Turn("what did Trump change in the pact?", [])]).text
'and when was that (what did Trump change in the pact)?'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.query import is_more
from rag.text import STOPWORDS, tokens

_ARTICLE_REF = re.compile(r"\b(that|this|the same|the last|the first|the previous) (one|article|piece|story|op-ed|essay|source)\b"
                          r"|\bthat one\b", re.I)
# "the SCMP piece", "the responsible statecraft one": a mention of one article
_ARTICLE_MENTION = re.compile(r"\bthe\s+(?:[\w.\-&']+\s+){1,4}(?:piece|article|one|op-ed|story|report|essay|write-up|analysis)\b",
                              re.I)
_PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those)\b", re.I)
# "it" that refers to nothing: "is it true that…", "it seems", "what is it about…" keeps its subject later.
_DUMMY_IT = re.compile(r"\b(?:is it true|it seems|it is said|it's said|it appears|is it the case)\b"
                       r"|\b(?:true|say|said|says|mean|means|think|believe|claim|claims|argue|argues|suggest|suggests|"
                       r"report|reports|so|such|fact|now) that\b", re.I)  # "…true that AI…": a conjunction, not a pronoun
_ELLIPSIS = re.compile(r"^\s*(?:and\s+|but\s+|ok\s+)?(?:what|how)\s+about\s+(.+?)\s*\??\s*$|^\s*and\s+(.+?)\s*\?\s*$", re.I)
# A short question whose only reference is "that"/"this": it stands for the last question's event.
_EVENT_REF = re.compile(r"^\s*(?:and|so|but|ok)?\s*(?:when|where|why|how|who)\b[\w\s']{0,20}\b(?:that|this)\s*\??\s*$", re.I)
_WH = {"what", "when", "who", "why", "how", "where", "which", "whom", "whose", "does", "did", "is", "was", "were", "are",
       "do", "can", "could", "will", "would", "has", "have", "had"}


@dataclass
class Turn:
    question: str  # as asked (or as rewritten, for chains of follow-ups)
    cited: list[dict] = field(default_factory=list)  # citations of the answer: title, outlet, doc_id
    shown: list = field(default_factory=list)  # keys of the sentences the answer quoted


@dataclass
class Resolved:
    text: str
    more: bool = False  # "tell me more": continue the previous answer
    shown: list = field(default_factory=list)  # sentences already shown, not to repeat


def turn_of(ans) -> Turn:
    """What the follow-up rewriter needs from an answer: its question, what it cited and quoted."""
    cited = [{"title": c.title, "outlet": c.outlet, "doc_id": c.doc_id} for c in ans.citations]
    shown = [[c.doc_id, (c.start or 0) + s] for c in ans.citations for s, _ in c.quotes]
    return Turn(ans.rewritten_question or ans.question, cited, shown)


_NP = re.compile(r"\b(?:the|this|that|these|those)\s+([a-z][\w.\-']*(?:\s+[a-z][\w.\-']*){0,3})", re.I)
_NOT_NOUN = re.compile(r"^(?:first|last|ever|still|now|just|originally|also|really|actually|\w+ed|\w+ing|\w+ly)$", re.I)


def _noun_phrase(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w.lower() in STOPWORDS or w.lower() in _WH or _NOT_NOUN.match(w):
            break
        out.append(w)
    return out


def _subject(question: str) -> str:
    """The thing a question was about: an acronym, a capitalised name, a "the …" noun phrase, else its first content words."""
    q = question.strip().rstrip("?")
    acr = re.search(r"\b(?:the\s+)?[A-Z][A-Z&]{1,}\b", q)
    if acr:
        return acr.group(0) if acr.group(0).lower().startswith("the ") else "the " + acr.group(0)
    name = re.search(r"(?:\b[Tt]he\s+)?(?<!^)\b[A-Z][\w.\-]*(?:\s+(?:and\s+)?[A-Z][\w.\-]*)*", q[1:])
    if name:
        return name.group(0).strip()
    for m in _NP.finditer(q):  # "when did they renew the pact": the pact, not "renew"
        np_ = _noun_phrase(m.group(1).split())
        if np_:
            return "the " + " ".join(np_)
    run: list[str] = []
    for w in tokens(q):  # the first run of consecutive content words is the subject noun phrase
        if w in STOPWORDS or w in _WH:
            if run:
                break
            continue
        run.append(w)
    return ("the " + " ".join(run[:4])) if run else ""


def needs_context(question: str) -> bool:
    """A pronoun or article reference that the question itself does not resolve."""
    if _ARTICLE_REF.search(question):
        return True
    q = _DUMMY_IT.sub(" ", question)
    content = [w for w in tokens(q) if w not in STOPWORDS and w not in _WH]
    return bool(_PRONOUN.search(q)) and len(content) <= 3


def _ellipsis(question: str, last: str) -> str | None:
    """ "what about X?" after a question: the last question with its final content words replaced by X."""
    m = _ELLIPSIS.match(question)
    if not m:
        return None
    new = (m.group(1) or m.group(2)).strip()
    base = last.strip().rstrip("?")
    was, now = _ARTICLE_MENTION.search(base), _ARTICLE_MENTION.fullmatch(new)
    if was and now:  # "what about the CSIS one?" after "…according to the SCMP piece?": the same question, other article
        return base[:was.start()] + new + base[was.end():] + "?"
    words = list(re.finditer(r"[A-Za-z][\w.\-']*", base))
    # the thing the last question asked about is its final word, when that is a noun, not a verb ("renewed")
    last = words[-1] if words else None
    if last is None or last.group(0).lower() in STOPWORDS or re.search(r"(ed|ing)$", last.group(0)):
        return f"{base} ({new})?"
    return base[:last.start()] + new + "?"


def rewrite(question: str, history: list[Turn]) -> Resolved:
    if not history:
        return Resolved(question)
    last = history[-1]
    if is_more(question):
        shown = [s for t in history for s in t.shown]
        return Resolved(last.question, more=True, shown=shown)
    ell = _ellipsis(question, last.question)
    if ell:
        return Resolved(ell)
    if not needs_context(question):
        return Resolved(question)
    m = _ARTICLE_REF.search(question)
    if m and last.cited:
        c = last.cited[0]
        ref = f'the article "{c["title"]}"' if c.get("title") else (f"the {c['outlet']} article" if c.get("outlet") else "")
        if ref:
            return Resolved(question[:m.start()] + ref + question[m.end():])
    event = _EVENT_REF.match(question)
    if event:  # "and when was that?": "that" is the whole event the last question asked about
        return Resolved(f"{question.strip().rstrip('?')} ({last.question.strip().rstrip('?')})?")
    subj = _subject(last.question)
    p = _PRONOUN.search(_DUMMY_IT.sub(lambda x: " " * len(x.group(0)), question))
    if not subj or not p:
        return Resolved(question)
    word = p.group(0).lower()
    if word in ("its", "their"):
        return Resolved(question[:p.start()] + subj + "'s" + question[p.end():])
    return Resolved(question[:p.start()] + subj + question[p.end():])
