"""What a thing is instead: "so what is it then?" after an answer that denied something and said what it is instead.

``rag.followup.rewrite`` asks such a follow-up with the words of the last answer's "Instead, …" sentence: the
question names nothing of its own, and the thing it stands for ("the pact") is what every sentence is about.
"""

from __future__ import annotations

import re

# "so what is it then?", "what is it instead?", "ok, so what is it, then?": what the thing is, if not what was denied
_ASKS_INSTEAD = re.compile(r"^\W*(?:(?:and|so|but|ok|okay|well)\W+)*what(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s+"
                           r"(?:it|that|this|they)\W+(?:then|instead)\W*$", re.I)
# A sentence completing a denial with what is so instead: "It does not oblige anyone. Instead, it sets terms…"
_SAID_INSTEAD = re.compile(r"(?:^|(?<=[.!?])\s+)(?:Instead|Rather)\s*,\s*[^.!?]+", re.I)


def asks_instead(question: str) -> bool:
    """Does a follow-up ask what a thing is, if not what the last answer denied ("so what is it then?")?

    >>> asks_instead("so what is it then?"), asks_instead("ok, so what is it, then?"), asks_instead("what is it instead")
    (True, True, True)
    >>> asks_instead("what is it?"), asks_instead("what happened then?"), asks_instead("what does it do then?")
    (False, False, False)
    """
    return bool(_ASKS_INSTEAD.match(question.strip()))


def said_instead(said: str) -> str:
    """The part of an answer that says what is so instead, after a denial ("Instead, it sets terms…"), or "".

    WHY: "is the permit forcing ports to share boats?" answered "It does not oblige anyone. Instead, it sets terms
    for ports that share boats." leaves "so what is it then?" asking for the second sentence: what it is instead.

    >>> said_instead("It does not oblige anyone. Instead, it sets terms for ports.")
    'Instead, it sets terms for ports'
    >>> said_instead("It obliges every port to share boats.")
    ''
    """
    m = _SAID_INSTEAD.search(said)
    return m.group(0).strip() if m else ""
