"""How a matter stands as a whole, now or from here on, asked for as an overview of it.

"Where do things stand between the two ports these days?", "what's the status of the lease?", "what's the outlook
for the ferry pact going forward?": the asker wants the present state of the matter or where it is headed, which
several sentences from several articles tell (its latest act, what marks the present, its uncertain future), not the
one sentence sharing most of the question's words. Read as facts, such questions got one sentence restating the topic.
General English only: the frames of asking how a matter stands and what lies ahead.
"""

from __future__ import annotations

import re

from rag.latest import asks_status
from rag.nearness import near_best

# "what's the outlook for X", "X's prospects", "going forward", "from here on", "what's next for X", "the future of X",
# "what does the future hold": what lies ahead for a matter, asked as a whole (general English)
_OUTLOOK = re.compile(r"\b(?:outlook|prospects?)\b|\bgoing\s+forward\b|\bfrom\s+here\s+on\b|"
                      r"\bwhat(?:'s|’s|\s+is|\s+comes)\s+next\s+for\b|\bthe\s+future\s+(?:of|for|hold|looks?)\b|"
                      r"\bwhat(?:'s|’s|\s+is)\s+(?:the|its|their)\s+future\b|\bfuture\s+holds?\b", re.I)


def asks_outlook(text: str) -> bool:
    """Does the question ask what lies ahead for a matter ("what's the outlook for the lease going forward?")?

    >>> asks_outlook("what's the outlook for the ferry pact?"), asks_outlook("what's next for the lease?")
    (True, True)
    >>> asks_outlook("what does the pact cover?"), asks_outlook("will it help future harbours?")
    (False, False)
    """
    return bool(_OUTLOOK.search(text))


def asks_standing(text: str) -> bool:
    """Does the question ask how a matter stands as a whole, now (``latest.asks_status``) or from here on
    (``asks_outlook``)? Such a question is an overview, whatever its question word.

    >>> asks_standing("so where do things stand with the ferry pact these days?"), asks_standing("the lease's prospects?")
    (True, True)
    >>> asks_standing("where does the port stand on the lease?"), asks_standing("when was the lease signed?")
    (False, False)
    """
    return asks_status(text) or asks_outlook(text)


FUTURE_SHARE = 0.6  # "what's the outlook for X?": the sentence telling X's future, down to this share of the best
# "the future of X", "its future became uncertain", "the pact's future": the future named as a thing a matter has (a
# determiner or a possessive before the noun), not as an adjective ("future floods", "in future talks")
_FUTURE = re.compile(r"\b(?:the|its|their|[\w.-]+['’]s?)\s+future\b(?!\s+(?!of\b|for\b|is\b|was\b|will\b|remains?\b|"
                     r"looks?\b|hangs?\b|became\b|depends?\b)[a-z]+\b)", re.I)


# "…will play a role in shaping the future of X", "to determine its future": the future as the object of a verb of
# influence (general English) says who or what will make it, not what it looks like
_SHAPED = re.compile(r"\b(?:shap|determin|decid|defin|influenc|affect|steer|mould|mold)\w*\s+$", re.I)


def tells_future(text: str) -> bool:
    """Does a sentence tell a matter's future ("the future of the ferry pact hangs in the balance", "its future became
    uncertain")? It answers an outlook question, though it shares few of its words ("outlook", "going forward").

    >>> tells_future("The future of ferry ties hangs in the balance."), tells_future("The pact's future became uncertain.")
    (True, True)
    >>> tells_future("Joint drills can prevent future floods."), tells_future("The future talks were cancelled.")
    (False, False)
    >>> tells_future("The two ports will play a key role in shaping the future of ferry ties.")
    False
    """
    return any(not _SHAPED.search(text[:m.start()]) for m in _FUTURE.finditer(text))


def future_told(query, cands: list) -> object | None:
    """An outlook question (``asks_outlook``): the sentence, down to ``FUTURE_SHARE`` of the best, telling the
    matter's future (``tells_future``), unless the best does. The sentences sharing the question's words restate the
    matter; the one naming its future says where it is headed."""
    if not asks_outlook(query.text) or tells_future(cands[0].text):
        return None
    return near_best(cands, FUTURE_SHARE, lambda c: tells_future(c.text))
