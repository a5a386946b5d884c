"""Opposite claims: a sentence stating the opposite of what a yes/no question asks ("it narrowed the scope" for "did it
widen the scope?") answers it, and answers no.

``rag.polarity.verdict`` reads an opposite word like a negation; ``rag.settles.opposite_told`` prefers, as evidence, a
near sentence stating the opposite over one that only shares the question's topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import stem

# Pairs of general English words of change that state each other's opposite: of scope, amount, strength, pace, ease
# and mood. Words that deny by themselves ("restrict", "end", "drop", "ban") are counted by ``rag.polarity.negations``
# and are no opposite here, or the two readings would cancel out. Irregular past forms are listed: they stem apart.
_OPPOSITES = (
    ("widen broaden expand enlarge", "narrow shrink shrank shrunk curtail"),
    ("increase raise boost grow grew grown rise rose risen", "decrease reduce lower decline shrink shrank shrunk"),
    ("strengthen tighten harden toughen stiffen", "weaken loosen relax soften"),
    ("add", "remove"),
    ("accelerate hasten", "slow delay"),
    ("improve", "worsen deteriorate"),  # not warm/cool: "a warming planet", "is it cool to…"
    ("easier", "harder"),
)
_PAIRS = tuple((frozenset(map(stem, a.split())), frozenset(map(stem, b.split()))) for a, b in _OPPOSITES)
OPPOSABLE = frozenset().union(*(a | b for a, b in _PAIRS))  # every stem that has an opposite


@lru_cache(maxsize=8192)  # the same question is read against each of its candidate sentences
def _stems(text: str) -> frozenset:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()))


def opposed(question: str, text: str) -> bool:
    """Does the text state the opposite of a word of change in the question, without that word itself?

    WHY: "did the new permit widen the routes?" is answered by "the permit narrowed the routes", which shares no
    word of the claim; read plainly it affirms (no negation), though it says the opposite happened.

    >>> opposed("did the new permit widen the routes?", "The permit narrowed the routes to two.")
    True
    >>> opposed("did the permit narrow the routes?", "The permit narrowed the routes."), opposed("did it widen?", "It widened.")
    (False, False)
    >>> opposed("did fares rise?", "Fares declined in May."), opposed("did fares rise?", "Fares rose, then declined.")
    (True, False)
    """
    q, t = _stems(question), _stems(text)
    return any(q & x and t & y and not t & x for a, b in _PAIRS for x, y in ((a, b), (b, a)))


def opposable(question: str) -> bool:
    """Does a question hold a word of change that has an opposite ("did it widen…?", "did fares rise?")?

    >>> opposable("did the permit widen the routes?"), opposable("was the permit signed?")
    (True, False)
    """
    return bool(_stems(question) & OPPOSABLE)


def tells_change(question: str, text: str) -> bool:
    """Does the text name the very change the question asks about ("did it widen…?" / "it widened…")?

    >>> tells_change("did the permit widen the routes?", "The permit widened the routes."), tells_change("did it widen?", "It ran.")
    (True, False)
    """
    return bool(_stems(question) & OPPOSABLE & _stems(text))


def speaks_to_change(question: str, text: str) -> bool:
    """Does the text say whether the asked change came about: it names the change or its opposite (true for a
    question asking of no change)?

    WHY: a sentence that only shares the question's topic ("the pact marks a shift") says neither that the routes
    widened nor that they narrowed: it is no other view of a sentence saying they narrowed.

    >>> speaks_to_change("did it widen the routes?", "The routes narrowed."), speaks_to_change("did it widen the routes?", "A shift.")
    (True, False)
    >>> speaks_to_change("was it signed?", "A shift.")
    True
    """
    return not opposable(question) or opposed(question, text) or tells_change(question, text)
