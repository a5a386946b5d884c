"""Comparison questions: candidates retrieved for each side on its own.

One retrieval for the whole question ("how is the 1979 deal different from the 2024 one?") ranks best the passages
restating what both sides share ("the deal"); the passage describing one side ("First signed in 1979, the pact's broad
mandate…") may not be among the candidates at all. Each side is searched once more, by its own words (its vector) and
those plus the shared frame (the question's words of no side, for BM25), and its few best passages join the pool;
``rag.sides.side_orders`` then picks per side from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.contrast import eras, version_words

SIDE_PASSAGES = 3  # passages each side's own search adds: one extra retrieval per side, only for comparisons
# ...and how far down its ranking it looks for one the pool lacks when the pool holds all of those: a passage much
# further down is no longer the side's own, and ranking deeper costs time on every comparison
SIDE_REACH = 8


def side_terms(query) -> list[list[str]]:
    """Each side's search words, or none when the question is no two-sided comparison. A side named by a word of
    its time ("the original", "the renewed one") is searched by the other words of that time too ("first", "new"):
    writers seldom repeat the question's word; a side named by its year is searched by the year alone.

    >>> from types import SimpleNamespace as S
    >>> q = S(intent="compare", about_articles=False, sides=[["origin"], ["2024"]], terms=["origin", "deal", "2024"])
    >>> ts = side_terms(q); ts[0][:2] + ts[0][-1:], ts[1]
    (['origin', 'earli', 'deal'], ['2024', 'deal'])
    >>> side_terms(S(intent="fact", about_articles=False, sides=[], terms=["deal"]))
    []
    """
    if query.intent != "compare" or query.about_articles or len(query.sides) != 2:
        return []
    times = [set() if any(re.fullmatch(r"\d{4}", t) for t in side) else (e or version_words(side))
             for e, side in zip(eras(query.sides), query.sides)]
    own = set().union(*map(set, query.sides), *eras(query.sides), *map(version_words, query.sides))
    frame = [t for t in query.terms if t not in own]  # "renewed" in "the 1979 deal vs the one renewed" is no frame
    return [list(dict.fromkeys([*side, *sorted(times[i]), *frame])) for i, side in enumerate(query.sides)]


def side_pool(retriever, embedder, query, pool: list) -> list:
    """The passages each side's own search ranks best that ``pool`` lacks (ranked without spreading over articles:
    the side's best passages may share one)."""
    seen, out = {p.chunk_id for p in pool}, []
    terms = side_terms(query)
    vecs = embedder.embed_queries([" ".join(side) for side in query.sides]) if terms else []  # one model call for both
    for ts, qvec in zip(terms, vecs):
        ranked = retriever.search(replace(query, terms=ts), SIDE_REACH, qvec=qvec, diversify=False)
        for p in side_additions(ranked, seen):
            seen.add(p.chunk_id)
            out.append(p)
    return out


def side_additions(ranked: list, seen: set) -> list:
    """What a side's own search (``ranked``, best first) adds to a pool holding ``seen``: those of its
    ``SIDE_PASSAGES`` best the pool lacks, or, when the pool already holds all of them, the best one it lacks (the
    search ranks ``SIDE_REACH`` passages).

    The whole question's retrieval often holds a side's best passages already, restating what both sides share
    ("over the initial four decades of the agreement…" for "old deal vs new deal, how's the scope different"); the
    passage describing that side ("first signed…, its broad mandate…") may rank just below them, and a side's search
    that adds nothing has not done what it is for. Only then does it reach further, so that the pool of a
    comparison whose sides' searches did add something stays as it was.

    >>> from types import SimpleNamespace as S
    >>> ranked = [S(chunk_id=c) for c in "abcde"]
    >>> [p.chunk_id for p in side_additions(ranked, {"a"})], [p.chunk_id for p in side_additions(ranked, {"a", "b", "c"})]
    (['b', 'c'], ['d'])
    >>> side_additions(ranked, set("abcde"))
    []
    """
    fresh = [p for p in ranked[:SIDE_PASSAGES] if p.chunk_id not in seen]
    return fresh or [p for p in ranked if p.chunk_id not in seen][:1]
