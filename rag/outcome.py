"""Comparisons: a chosen sentence telling that a thing's fate was in doubt brings the sentence telling how it ended.

A writer sets up the doubt ("the plan's future became uncertain when its term ran out") and tells the outcome a
sentence or two later, opening with a word that closes a story ("Finally, on May 3, the council renewed it"). A
comparison of how two accounts see a thing's future hears the doubt, which shares the question's words ("future"),
and not the outcome, which shares none; read alone, the doubt misstates where the writer left things.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate
from rag.neighbours import fresh, next_of

# General English for a fate not yet settled, and for the opening of the sentence that settles it
_IN_DOUBT = re.compile(r"\b(?:uncertain|unclear|in doubt|in the balance|in limbo|up in the air|undecided)\b", re.I)
OUTCOME_OPENER = re.compile(r"^\W*(?:finally|eventually|ultimately|in the end|at last)\b", re.I)
OUTCOME_REACH = 2  # the outcome is looked for this many sentences after the doubt, at most


def settles(c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence within ``OUTCOME_REACH`` after ``c`` in its article that opens by telling an outcome, if ``c``
    tells a doubt and that sentence is among ``cands``."""
    if not _IN_DOUBT.search(c.text):
        return None
    nxt = c
    for _ in range(OUTCOME_REACH):
        nxt = next_of(nxt, cands)
        if nxt is None or _IN_DOUBT.search(nxt.text):
            return None
        if OUTCOME_OPENER.match(nxt.text):
            return nxt
    return None


def outcome_after(cands: list[Candidate], chosen: list[Candidate], why: list[str], limit: int
                  ) -> tuple[list[Candidate], list[str]]:
    """The first chosen sentence telling a doubt whose outcome follows (``settles``): the outcome joins right after
    it, in place of the last other sentence when ``limit`` is reached."""
    for i, c in enumerate(chosen):
        end = settles(c, cands)
        if end is None or not fresh(end, chosen):
            continue
        new, ways = chosen[:i + 1] + [end] + chosen[i + 1:], why[:i + 1] + ["outcome"] + why[i + 1:]
        if len(new) > limit:  # the last sentence other than these two gives way
            drop = max(x for x in range(len(new)) if x not in (i, i + 1))
            new, ways = new[:drop] + new[drop + 1:], ways[:drop] + ways[drop + 1:]
        return new, ways
    return chosen, why
