"""How far below the best score a sentence of the asked type is still heard.

A question asking for a kind of thing (a person, a place) is answered by a sentence that holds one, which may
share fewer of the question's words than one restating the topic; such a sentence leads, or vouches for an
answer, from a little further down. The shares are calibrated on the dev split.
"""

from __future__ import annotations

# A person's name is asked for ("which official…", "who signed…"): only a titled name counts as one, so a
# sentence holding it is rarer and tells more, and is heard from a little further down (calibrated on dev)
PERSON_WINDOW = 0.75
# A place asked for ("in which city did they wrap up the new version?") is named in two words ("finalized in Beijing")
# of a sentence that tells the act in its own words, sharing none with the question, while one restating the topic
# ("recent versions of the pact…") leads on them: the place is heard from further down (dev: 0.75 gains nothing)
PLACE_WINDOW = 0.7


def typed_window(query, share: float) -> float:
    """How close to the best score a sentence of the asked type must come to lead or to vouch for an answer.

    >>> from types import SimpleNamespace as Q
    >>> typed_window(Q(person=True), 0.8), typed_window(Q(person=False, qtype="date"), 0.8)
    (0.75, 0.8)
    >>> typed_window(Q(person=False, qtype="place"), 0.8)
    0.7
    """
    return min(share, PERSON_WINDOW) if query.person else min(share, PLACE_WINDOW) if query.qtype == "place" else share
