"""Fact answers whose best sentences tie: an untyped question ("what kind of research is it centred on?", "what does
it do?") sharing only the topic's words with most sentences ranks several of them within a hair of each other, and
which one leads is chance. Quoting the leader alone answers by the toss; the sentences of its article tied with it
hold the asked point as often as it does.

Only the leading article's: it is the account the fact answer cites, and another article's tied sentence would be a
second source the question did not ask for (from any article, at 0.95: dev the same +1, citation precision -0.003).
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh

TIE_SHARE = 0.9  # fact: a sentence scoring this close to the best is tied with it (dev: 0.95 +1, 0.9 +2, 0.85 +2 and
# 15 more answers changed)
TIE_LIMIT = 3  # fact answers quote at most three sentences (``answering.MAX_SENTENCES``)


def near_ties(query, cands: list[Candidate], chosen: list[Candidate],
              why: list[str]) -> tuple[list[Candidate], list[str]]:
    """Untyped fact questions: body sentences of the leader's article scoring within ``TIE_SHARE`` of the best join
    the chosen ones, best first, up to ``TIE_LIMIT`` sentences in all. A question asking for a date, a number or a
    name is left alone: holding that thing decides, not the tie.

    >>> from types import SimpleNamespace as S
    >>> P = S(kind="body")
    >>> a, b, c = (S(score=s, passage=P, terms={t}, doc_id="d") for s, t in ((1.0, "x"), (0.96, "y"), (0.8, "z")))
    >>> q = S(qtype=None, about_articles=False, more=False)
    >>> [x.score for x in near_ties(q, [a, b, c], [a], ["best"])[0]]
    [1.0, 0.96]
    >>> near_ties(S(qtype="date", about_articles=False, more=False), [a, b, c], [a], ["best"])[1]
    ['best']
    """
    if not chosen or query.qtype or query.about_articles or query.more:
        return chosen, why
    lead = cands[0]
    tied = [c for c in cands[1:] if c.score >= TIE_SHARE * lead.score and c.doc_id == lead.doc_id
            and c.passage.kind == "body" and c not in chosen]
    chosen, why = list(chosen), list(why)
    for c in tied:
        if len(chosen) >= TIE_LIMIT:
            break
        if fresh(c, chosen):
            chosen.append(c)
            why.append("tie")
    return chosen, why
