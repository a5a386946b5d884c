"""Counts set side by side: a comparison asking how many of a thing ("the articles give different counts of
protocols, what are they?") is answered by each article's sentence counting that thing, every count shown.

``rag.compare.pick_compare`` calls ``counts_lead`` last. A candidate is ``typed`` for a count question when a number
in it counts the asked thing (``rag.rules.has_count_of``).
"""

from __future__ import annotations

# compare asking a count: an article's best sentence counting the asked thing leads down to this share of the best
COUNT_SHARE = 0.5


def counts_lead(query, cands: list, chosen: list, why: list[str]) -> tuple[list, list]:
    """Each article's best body sentence counting the asked thing, when two or more articles count it, answers
    the comparison alone (best first): the counts are what was asked, side by side.

    WHY: ranked by words alone, one article's count came first and the other's fell behind sentences that restate
    the topic, or out of the answer ("nearly 100 protocols" then "two six-month extensions", no "over 40").

    >>> from types import SimpleNamespace as S
    >>> q = S(count_target={"protocol"}, qtype="number")
    >>> p = S(kind="body")
    >>> a, b, c = S(doc_id="x", score=1.0, typed=0.0, passage=p), S(doc_id="x", score=0.9, typed=1.0, passage=p), \
            S(doc_id="y", score=0.6, typed=1.0, passage=p)
    >>> [x.doc_id + str(x.score) for x in counts_lead(q, [a, b, c], [a], ["side"])[0]]
    ['x0.9', 'y0.6']
    >>> counts_lead(q, [a, b], [a], ["side"])[0] == [a]  # one article counts: nothing to set side by side
    True
    """
    if not getattr(query, "count_target", None) or getattr(query, "qtype", None) != "number" or not cands:
        return chosen, why
    bar = COUNT_SHARE * cands[0].score
    firsts: dict[str, object] = {}
    for c in cands:
        if c.passage.kind == "body" and c.typed and c.score >= bar:
            firsts.setdefault(c.doc_id, c)
    if len(firsts) < 2:
        return chosen, why
    return list(firsts.values()), ["count"] * len(firsts)
