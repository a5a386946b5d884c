"""Comparisons: a sentence far closer in meaning to the question than every one chosen is heard first.

The counterpart, for ``rag.compare``, of ``spread.closest_in_meaning``: a comparison put in general words ("how are
the two good at different things?") is answered by a sentence naming the contrast in its own words ("The two have
complementary strengths."), which shares few of the question's words; sentences restating the topic outrank it,
and a per-article quota already full of them shuts it out, though the embedding sees plainly that it answers.
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh

# compare: a sentence this much closer in meaning than every chosen one is heard first (the spread's margin,
# ``spread.CLOSEST_MARGIN`` 0.15, is for a pool of up to four reasons; a comparison's picks are fewer and chosen by
# article, so a smaller lead already sets a sentence apart)
COMPARE_CLOSEST = 0.1
CLOSEST_SHARE = 0.9  # ...when its score is within this share of the best: one the comparison would hear but for its quota


def closest_first(cands: list[Candidate], chosen: list[Candidate], why: list[str], limit: int
                  ) -> tuple[list[Candidate], list[str]]:
    """The body sentence scoring within ``CLOSEST_SHARE`` of the best whose closeness in meaning (``sim``) beats every
    chosen sentence's by ``COMPARE_CLOSEST``: it leads, the last chosen giving way when the limit is reached."""
    if not cands or not chosen:
        return chosen, why
    bar = CLOSEST_SHARE * cands[0].score
    pool = [c for c in cands if c.passage.kind == "body" and c.score >= bar and fresh(c, chosen)]
    top = max(pool, key=lambda c: c.sim, default=None)
    if top is None or top.sim < max(c.sim for c in chosen) + COMPARE_CLOSEST:
        return chosen, why
    return ([top] + chosen)[:limit], (["closest"] + why)[:limit]
