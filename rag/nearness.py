"""The sentence of an asked kind that is heard first when it scores near the best one.

Several answering rules hear a sentence of a kind (one naming the present period, the stakes, the asked kind of
list item) ahead of the best-scoring sentence, which restates the question's words, as long as it scores within a
share of the best: further down, the kind alone no longer says it is about the asked matter.
"""

from __future__ import annotations

from typing import Callable


def near_best(cands: list, share: float, told: Callable[[object], bool]) -> object | None:
    """The first body candidate after the best (``cands[0]``) scoring at least ``share`` of it for which ``told``
    holds, or None.

    >>> from types import SimpleNamespace as N
    >>> c = [N(score=1.0, text="a", passage=N(kind="body")), N(score=0.5, text="b", passage=N(kind="body")),
    ...      N(score=0.8, text="c", passage=N(kind="heading")), N(score=0.7, text="d", passage=N(kind="body"))]
    >>> near_best(c, 0.6, lambda x: x.text in "bcd").text
    'd'
    """
    floor = share * cands[0].score
    return next((c for c in cands[1:] if c.score >= floor and c.passage.kind == "body" and told(c)), None)
