"""The sentence of an asked kind that is heard first when it scores near the best one.

Several answering rules hear a sentence of a kind (one naming the present period, the stakes, the asked kind of
list item) ahead of the best-scoring sentence, which restates the question's words, as long as it scores within a
share of the best: further down, the kind alone no longer says it is about the asked matter.
"""

from __future__ import annotations

from typing import Callable

from rag.reasons import names_difficulty
from rag.whyask import asks_difficulty


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


def difficulty_first(query, cands: list, share: float) -> object | None:
    """ "Why is it so hard…?", "why did it take so long?" (``whyask.asks_difficulty``): the first body sentence after the
    best scoring at least ``share`` of it that names the difficulty (``reasons.names_difficulty``) and is typed above
    the best and above a plain reason (``heldfor.DIFFICULTY_NAMED``), or None. It is heard first: chosen last, it
    was the one a later addition (a fact's reason, ``reason_for_chosen``) pushed out of the answer. Not for other
    why-questions, nor for a sentence typed as surely for naming itself "the argument for keeping X": heard first, it
    led answers to "why was X cut?" and "why did it take so long?" that it does not answer.

    >>> from types import SimpleNamespace as N
    >>> q, b = N(intent="why", qtype=None, text="why did the lease talks drag on?"), N(kind="body")
    >>> hard = "The obstacles to a new lease are large given the port's debts."
    >>> c = [N(score=1.0, typed=1.0, passage=b, text="The lease expired."), N(score=0.9, typed=1.0, passage=b, text="x"),
    ...      N(score=0.85, typed=1.5, passage=b, text=hard)]
    >>> difficulty_first(q, c, 0.8) is c[2], difficulty_first(N(intent="why", qtype=None, text="why was it cut?"), c, 0.8)
    (True, None)
    >>> c[2].text = "The case for the lease is rooted in trade."  # typed as surely, but no difficulty named
    >>> difficulty_first(q, c, 0.8)
    """
    if query.intent != "why" or query.qtype or not asks_difficulty(query.text):
        return None
    return near_best(cands, share, lambda c: c.typed > max(cands[0].typed, 1.0) and names_difficulty(c.text))
