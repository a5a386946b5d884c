"""Eval metrics, each tested on hand-computed cases: alias matching, rank metrics, judging, summaries.

No LLM judge: every number comes from the gold article ids and answer alias groups.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rag.evalset import Question
from rag.text import normalize


def contains_alias(text: str, alias: str) -> bool:
    """Whole-word, case- and punctuation-insensitive match.

    >>> contains_alias("Signed in 1979 by Carter.", "1979"), contains_alias("maintain", "AI")
    (True, False)
    """
    a = normalize(alias).split()
    if not a:
        return False
    return re.search(r"(?:^|\s)" + r"\s+".join(map(re.escape, a)) + r"(?:\s|$)", normalize(text)) is not None


def matched_groups(text: str, groups: list[list[str]]) -> list[bool]:
    return [any(contains_alias(text, a) for a in g) for g in groups]


def dead_groups(questions: list[Question], texts: list[str]) -> list[tuple[str, list[str]]]:
    """Answer groups no answer drawn from ``texts`` can meet: no alias occurs there whole-word, nor is a yes/no word.

    WHY: answers are matched whole-word, so a key written as a stem ("renew" for "renewal") silently scores
    every answer wrong; an evaluator's own questions file is checked before it is trusted.

    >>> q = Question("q1", "Renewed?", [["renew"], ["renewal"], ["Yes"]], ["d"], True)
    >>> dead_groups([q], ["The renewal came late."])
    [('q1', ['renew'])]
    """
    return [(q.id, g) for q in questions for g in q.answers
            if not any(normalize(a) in ("yes", "no") or any(contains_alias(t, a) for t in texts) for a in g)]


def dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def hit_at_k(ranked: list[str], gold: list[str], k: int) -> float:
    return 1.0 if set(dedupe(ranked)[:k]) & set(gold) else 0.0


def recall_at_k(ranked: list[str], gold: list[str], k: int) -> float:
    return len(set(dedupe(ranked)[:k]) & set(gold)) / len(set(gold)) if gold else 0.0


def mrr(ranked: list[str], gold: list[str]) -> float:
    for i, d in enumerate(dedupe(ranked), 1):
        if d in gold:
            return 1.0 / i
    return 0.0


def ndcg_at_k(ranked: list[str], gold: list[str], k: int = 10) -> float:
    """Binary-relevance nDCG.

    >>> round(ndcg_at_k(["a", "b", "g"], ["g"]), 4)  # one gold at rank 3: 1/log2(4)
    0.5
    """
    ranked = dedupe(ranked)[:k]
    dcg = sum(1.0 / math.log2(i + 2) for i, d in enumerate(ranked) if d in gold)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(set(gold)), k)))
    return dcg / ideal if ideal else 0.0


def percentile(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    i = (len(xs) - 1) * p / 100
    lo, hi = math.floor(i), math.ceil(i)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


@dataclass
class Outcome:
    """One question answered by one system."""

    id: str
    question: str
    answer: str
    abstained: bool
    citations: list[dict]
    retrieved_doc_ids: list[str]
    latency_ms: float
    correct: bool = False
    failure: str = ""
    groups_matched: list[bool] = field(default_factory=list)
    rewritten_question: str | None = None


def judge(q: Question, o: Outcome) -> None:
    """Fill ``correct``/``failure`` for an outcome (a feedback line without a key is left unjudged)."""
    if q.answerable is None or (q.answerable and not q.answers and not o.abstained):
        o.failure = "not judged: no answer key yet (feedback line)"
        return
    if not q.answerable:
        o.correct = o.abstained
        o.failure = "" if o.abstained else "answered_unanswerable"
        return
    if o.abstained:
        o.failure = "abstained"
        return
    o.groups_matched = matched_groups(o.answer, q.answers)
    o.correct = all(o.groups_matched)
    if q.polarity and not starts_with_polarity(o.answer, q.polarity):
        o.correct = False
        o.failure = f"wrong or missing '{q.polarity.capitalize()}'"
        return
    if not o.correct:
        miss = [q.answers[i][0] for i, ok in enumerate(o.groups_matched) if not ok]
        retrieved = not q.sources or set(q.sources) & set(o.retrieved_doc_ids)
        o.failure = ("retrieval_miss; " if not retrieved else "") + "missing " + ", ".join(repr(m) for m in miss)


def starts_with_polarity(answer: str, polarity: str) -> bool:
    """A yes/no answer opens with its verdict.

    >>> starts_with_polarity("No — it excludes AI [1]", "no"), starts_with_polarity("Not stated", "no")
    (True, False)
    """
    first = re.findall(r"[a-z]+", answer.lower()[:20])
    return bool(first) and first[0] == polarity


def citation_good(q: Question, c: dict) -> bool:
    aliases = [a for g in q.answers for a in g]
    return c.get("doc_id") in q.sources or any(contains_alias(c.get("text", ""), a) for a in aliases)


def summarize(questions: list[Question], outcomes: list[Outcome], k: int) -> dict:
    by_id = {o.id: o for o in outcomes}
    ans = [q for q in questions if q.answerable]
    unans = [q for q in questions if q.answerable is False]
    keyed = [q for q in ans if q.answers]  # feedback lines may have no answer key yet
    with_src = [q for q in questions if q.sources]
    s: dict = {"n": len(questions), "n_answerable": len(ans), "n_unanswerable": len(unans),
               "n_no_answer_key": sum(1 for q in questions if q.answerable is None or (q.answerable and not q.answers))}
    s[f"hit@{k}"] = _mean(hit_at_k(by_id[q.id].retrieved_doc_ids, q.sources, k) for q in with_src)
    s[f"recall@{k}"] = _mean(recall_at_k(by_id[q.id].retrieved_doc_ids, q.sources, k) for q in with_src)
    s["mrr"] = _mean(mrr(by_id[q.id].retrieved_doc_ids, q.sources) for q in with_src)
    s["ndcg@10"] = _mean(ndcg_at_k(by_id[q.id].retrieved_doc_ids, q.sources, 10) for q in with_src)
    s["answer_accuracy"] = _mean(1.0 if by_id[q.id].correct else 0.0 for q in keyed)
    judged = [q for q in questions if q.answerable is False or q.answers or q.sources]
    cits = [(q, c) for q in judged for c in by_id[q.id].citations if not by_id[q.id].abstained]
    s["citation_precision"] = _mean(1.0 if citation_good(q, c) else 0.0 for q, c in cits)
    backed, total = 0, 0
    for q in ans:
        o = by_id[q.id]
        if o.abstained:
            continue
        for gi, ok in enumerate(o.groups_matched):
            if ok:
                total += 1
                backed += any(any(contains_alias(c.get("quote") or c.get("text", ""), a) for a in q.answers[gi])
                              for c in o.citations)
    s["citation_recall"] = backed / total if total else None
    s["abstention_recall"] = _mean(1.0 if by_id[q.id].abstained else 0.0 for q in unans)
    s["false_abstention"] = _mean(1.0 if by_id[q.id].abstained else 0.0 for q in ans)
    lat = [o.latency_ms for o in outcomes]
    s["latency_p50_ms"] = round(percentile(lat, 50), 2)
    s["latency_p95_ms"] = round(percentile(lat, 95), 2)
    return s


def _mean(xs) -> float | None:
    """Mean, or None when there is nothing to average (shown as "–", never as a misleading 0)."""
    xs = list(xs)
    return sum(xs) / len(xs) if xs else None


def breakdown(questions: list[Question], outcomes: list[Outcome], k: int) -> dict:
    """Summaries per split, and per category within each split: ``{split: {"all": {...}, category: {...}}}``."""
    out: dict = {}
    for split in sorted({q.split for q in questions}):
        qs = [q for q in questions if q.split == split]
        ids = {q.id for q in qs}
        os_ = [o for o in outcomes if o.id in ids]
        out[split] = {"all": summarize(qs, os_, k)}
        for cat in sorted({q.kind for q in qs}):
            cq = [q for q in qs if q.kind == cat]
            cids = {q.id for q in cq}
            out[split][cat or "-"] = summarize(cq, [o for o in os_ if o.id in cids], k)
    return out
