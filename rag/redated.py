"""A yes/no question dating an act to a year no sentence writes ("did it only take effect in 2030?").

WHY: a year the articles never write is an unknown name, and such a question is refused before its sentences are
read; but when a close sentence tells the very act asked about with its own date ("renewed on May 3, retroactively
effective from March 1"), the articles do answer: no, it was then. The act must be one the articles date: the
sentence holds the question's most specific known word and another of its words, and states a month or a year;
a question about an act no sentence dates ("did they try to cancel it in 2030?") stays unanswered.
"""

from __future__ import annotations

import re

from rag.conflicts import years_in
from rag.evidence import Candidate
from rag.months import months_in

REDATED_NEAR = 0.7  # the dating sentence is heard down to this share of the best sentence's score
REDATED_TOP = 5  # ...among this many of the best sentences
# Words by which a sentence speaks of what will or may be, not of an act done (general English; "may" in lower case
# only: "on May 3" is a date)
_NOT_DONE = re.compile(r"\b(?:will|shall|must|might|could|can|would|should|(?-i:may))\b", re.I)


# A question asking what will be ("will it be renewed again in 2029?", "is it going to lapse in 2030?"): general
# English auxiliaries of the future
_FUTURE_ASK = re.compile(r"\b(?:will|won't|wont|shall|going\s+to|gonna)\b", re.I)


def asks_future(question: str) -> bool:
    """Does a question ask what will be? An act the articles date in their past does not answer it: "No — it was
    renewed in 2024" is no answer to whether it will be renewed in 2029, which they cannot know.

    >>> asks_future("will the pact get renewed again in 2029?"), asks_future("is it going to lapse in 2030?")
    (True, True)
    >>> asks_future("did it only take effect in 2030?"), asks_future("was it renewed in 2023?")
    (False, False)
    """
    return bool(_FUTURE_ASK.search(question.replace("’", "'")))


def dated(text: str) -> bool:
    """Does a sentence state a date (a year or a month)?

    >>> dated("It was renewed on May 3."), dated("It was renewed in 2024."), dated("It was renewed again.")
    (True, True, False)
    """
    return bool(years_in(text) or months_in(text))


def redated(question: str, cands: list[Candidate], weights: dict[str, float], skip=frozenset()) -> Candidate | None:
    """The close sentence dating the act a yes/no question dates to a year no close sentence writes, or None.

    The question's own words (not its years) are weighed by ``weights``: the sentence must hold the most specific
    of them and one more, state a date, and speak of what was done (not of what may be); words in ``skip`` (those
    the articles never use) count for nothing.
    """
    asked = years_in(question)
    if asks_future(question):
        return None  # the articles date acts done; what will be in a year they never write they cannot tell
    words = {t: w for t, w in weights.items() if not t.isdigit() and t not in skip}
    if not asked or len(words) < 2 or not cands or any(asked & years_in(c.text) for c in cands):
        return None
    key = max(words, key=words.get)
    for c in cands[:REDATED_TOP]:
        if c.score >= REDATED_NEAR * cands[0].score and key in c.terms and len(set(words) & c.terms) >= 2 \
                and dated(c.text) and not _NOT_DONE.search(c.text):
            return c
    return None
