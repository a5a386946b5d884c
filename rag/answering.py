"""Extractive answers: pick the sentences that answer, cite each, or abstain.

1. Every citable sentence of the retrieved passages is a candidate (sentences
   repeated by chunk overlap are considered once).
2. Each is scored by how much of the question's *weighted* content it covers
   (rare terms weigh more: "budget" matters, "China" barely), by its passage's
   retrieval rank, and by whether it holds what the question asks for (a date
   for "when", a number for "how many", a name for "who", a place for "where").
3. The best sentence is kept, plus at most one or two more that add missing
   question terms, or that come from another article and give a different
   number or date (the articles disagree: show both).
4. Abstain when the question's key terms are absent from the corpus, or when
   even the best sentence covers too little of the question.

Each answer sentence is followed by ``[n]``; citation ``n`` carries the passage,
its offsets in the article body and the sentence offsets inside the passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.schema import Citation, Passage
from rag.text import terms

META_WORDS = {"wrote", "write", "written", "writer", "author", "authors", "byline", "publish", "published",
              "outlet", "publication", "appear", "appeared", "date", "dated", "co", "newspaper"}
_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
_MONTH = r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\b"
_NUMWORDS = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|twice|dozens?|decades?)\b"
TYPE_PATTERNS = {
    "date": re.compile(f"{_YEAR}|{_MONTH}"),
    "number": re.compile(rf"\d|{_NUMWORDS}", re.I),
    "name": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"),
    "place": re.compile(r"\b(?:in|at|from)\s+[A-Z][a-z]+"),
}


def question_type(q: str) -> str | None:
    """What kind of thing the question asks for.

    >>> question_type("When was it signed?"), question_type("how many protocols?"), question_type("What is de-risking?")
    ('date', 'number', None)
    """
    ql = q.lower()
    if re.search(r"\b(when|what year|which year|what date|what day|what month)\b", ql):
        return "date"
    if re.search(r"\b(how many|how much|how long|what number|how old|what percentage)\b", ql):
        return "number"
    if re.search(r"\b(who|whom|whose|which (?:companies|company|firms|person|people|president|leader|administration))\b", ql):
        return "name"
    if re.search(r"\b(where|which city|what city|which country|what country)\b", ql):
        return "place"
    return None


def is_meta_question(q: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", q.lower())) & META_WORDS)


@dataclass
class Candidate:
    passage_rank: int
    passage: Passage
    start: int  # offsets inside passage.text
    end: int
    text: str
    terms: set[str]
    score: float = 0.0
    overlap: float = 0.0

    @property
    def abs_key(self):
        if self.passage.kind != "body":
            return (self.passage.doc_id, "meta", self.start)
        return (self.passage.doc_id, self.passage.start + self.start)


@dataclass
class Decision:
    sentences: list[Candidate]
    abstained: bool
    reason: str = ""
    signals: dict = field(default_factory=dict)


# Calibrated on the shipped eval set's unanswerable questions (see README, "How answers are made").
MIN_BEST_OVERLAP = 0.34  # share of the question's weighted terms the best sentence must hold
MAX_UNKNOWN_SHARE = 0.30  # share of the question's weight carried by words the corpus never uses
ADD_RATIO = 0.80  # an extra sentence must score at least this share of the best one
MAX_SENTENCES = 2
MAX_SENTENCES_DISAGREE = 3


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\b(?:nearly |over |more than |about |around |roughly )?\d[\d,.]*\b", text.lower()))


def select(question: str, qterms: list[str], passages: list[Passage], idf, known) -> Decision:
    """Choose answer sentences from ``passages`` (best first), or decide to abstain.

    ``idf(term)`` weighs a term; ``known(term)`` says whether the corpus uses it at all.
    """
    qset = list(dict.fromkeys(qterms))
    weights = {t: idf(t) for t in qset}
    total = sum(weights.values())
    signals: dict = {"qterms": qset}
    if not qset or total <= 0:
        return Decision([], True, "no_content_terms", signals)
    unknown = [t for t in qset if not known(t)]
    unknown_share = sum(weights[t] for t in unknown) / total
    signals.update(unknown=unknown, unknown_share=round(unknown_share, 3))

    qtype = question_type(question)
    meta = is_meta_question(question)
    top_score = max((p.score for p in passages), default=1.0) or 1.0
    seen = set()
    cands: list[Candidate] = []
    for rank, p in enumerate(passages):
        hdr_terms = set(terms(" ".join([p.title, p.outlet, " ".join(p.authors)])))
        for s, e in p.sentences:
            text = p.text[s:e]
            c = Candidate(rank, p, s, e, text, set(terms(text)))
            if c.abs_key in seen:
                continue
            seen.add(c.abs_key)
            # Terms naming the article (outlet, title) count half: they pick the article, not the sentence.
            hit = sum(weights[t] for t in qset if t in c.terms)
            hit += 0.5 * sum(weights[t] for t in qset if t not in c.terms and t in hdr_terms)
            c.overlap = hit / total
            type_ok = 1.0 if qtype and TYPE_PATTERNS[qtype].search(text) else 0.0
            if meta and p.kind == "metadata":
                type_ok, c.overlap = 1.0, max(c.overlap, 0.5 + 0.5 * c.overlap)
            elif p.kind == "metadata":
                c.overlap *= 0.5  # a byline rarely answers a question about the agreement itself
            c.score = 0.6 * c.overlap + 0.25 * (p.score / top_score) + 0.15 * type_ok
            if len(c.terms) < 3 and p.kind == "body":
                c.score *= 0.5  # fragments ("Conclusion") are poor answers
            cands.append(c)
    if not cands:
        return Decision([], True, "no_passages", signals)
    cands.sort(key=lambda c: -c.score)
    best = cands[0]
    signals.update(best_overlap=round(best.overlap, 3), best_score=round(best.score, 3),
                   dense_top=max((p.dense or 0.0 for p in passages), default=0.0))
    if unknown_share > MAX_UNKNOWN_SHARE:
        return Decision([], True, "terms_not_in_corpus", signals)
    if best.overlap < MIN_BEST_OVERLAP:
        return Decision([], True, "weak_evidence", signals)

    chosen = [best]
    covered = set(best.terms)
    nums = {best.passage.doc_id: _numbers(best.text)}
    limit = MAX_SENTENCES
    for c in cands[1:]:
        if len(chosen) >= limit or c.score < ADD_RATIO * best.score:
            break
        if any(_jaccard(c.terms, x.terms) > 0.5 for x in chosen):
            continue  # near-duplicate of a sentence already in the answer
        adds_terms = any(t in c.terms and t not in covered for t in qset)
        c_nums = _numbers(c.text)
        disagrees = (qtype in ("number", "date") and c.passage.doc_id not in nums and c_nums
                     and all(c_nums.isdisjoint(v) for v in nums.values()))
        if disagrees:
            limit = MAX_SENTENCES_DISAGREE
        if adds_terms or disagrees or (qtype is None and c.overlap >= best.overlap * 0.9):
            chosen.append(c)
            covered |= c.terms
            nums.setdefault(c.passage.doc_id, set()).update(c_nums)
    return Decision(chosen, False, "", signals)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


def compose(decision: Decision) -> tuple[str, list[Citation]]:
    """Answer text with ``[n]`` after each sentence, and the numbered citations."""
    # Keep sentences of one article together and in reading order.
    order: dict[str, int] = {}
    for c in decision.sentences:
        order.setdefault(c.passage.doc_id, len(order))
    sents = sorted(decision.sentences, key=lambda c: (order[c.passage.doc_id], c.abs_key[-1] if isinstance(c.abs_key[-1], int) else 0))
    cites: dict[str, Citation] = {}
    parts = []
    for c in sents:
        p = c.passage
        if p.chunk_id not in cites:
            cites[p.chunk_id] = Citation(
                n=len(cites) + 1, doc_id=p.doc_id, title=p.title, outlet=p.outlet, date=p.date, url=p.url,
                text=p.text, start=p.start if p.kind == "body" else None, end=p.end if p.kind == "body" else None,
                quotes=[], authors=list(p.authors), kind=p.kind)
        cit = cites[p.chunk_id]
        cit.quotes.append((c.start, c.end))
        parts.append(f"{c.text} [{cit.n}]")
    return " ".join(parts), list(cites.values())


def abstention_message(documents: list[dict]) -> str:
    """What to say when the articles do not answer: say so, and what they do cover."""
    lines = ["The articles don't say. I answer only from the articles in this collection, and none of them answers that.",
             "They are about the U.S.–China Science and Technology Agreement (STA); try asking about what they cover:"]
    for d in documents:
        title = d.get("title") or "(untitled article)"
        extra = ", ".join(x for x in (d.get("outlet"), d.get("date")) if x)
        lines.append(f"- {title}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines)
