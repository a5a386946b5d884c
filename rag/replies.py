"""Two parties set against each other, one asked for its reply ("what did the port do and how did the council answer?").

The replying side is heard by a sentence telling a reply ("In response to the port's fees, the council…"), which
seldom repeats the question's verb, over one that only names that side ("the port and the council signed the deal").
General English, no topic.
"""

from __future__ import annotations

import re

from rag.text import terms

# Verbs by which a question asks how a party replied, and the words by which a sentence tells a reply
_ASKS_REPLY = re.compile(r"\b(?:answer(?:s|ed)?|respond(?:s|ed)?|react(?:s|ed)?|retaliat\w*|repl(?:y|ies|ied)|"
                         r"counter(?:s|ed)?|(?:hit|hits|push|pushed|pushes|fight|fought|fire|fired|strike|struck)\s+back)\b",
                         re.I)
_TELLS_REPLY = re.compile(r"\b(?:in response|in reply|in return|in retaliation|respond(?:s|ed)?|retaliat\w*|"
                          r"counter(?:s|ed)|(?:hit|hits|pushed|pushes|fought|fired|struck)\s+back)\b", re.I)
REPLY_REACH = 4  # words before the verb of reply in which the replying side is named ("how did the council answer")


def replying_side(question: str, sides: list[list[str]]) -> int | None:
    """Which side a question asks for its reply: the one named last within ``REPLY_REACH`` words before a verb of
    reply; None when no side is.

    >>> replying_side("what did the port do and how did the council answer?", [["port"], ["council"]])
    1
    >>> replying_side("how did the port hit back at the council?", [["port"], ["council"]]), replying_side("what did they do?", [["port"]])
    (0, None)
    """
    for m in _ASKS_REPLY.finditer(question):
        before = re.findall(r"[\w'\-.]+", question[:m.start()])[-REPLY_REACH:]
        for w in reversed(before):
            found = [i for i, side in enumerate(sides) if set(terms(w)) & set(side)]
            if found:
                return found[0]
    return None


def tells_reply(text: str) -> bool:
    """Does a sentence tell a reply ("In response to the port's fees, the council…", "the council hit back")?

    >>> tells_reply("In response to the port's fees, the council raised its own."), tells_reply("The council met.")
    (True, False)
    """
    return bool(_TELLS_REPLY.search(text))


REPLY_BONUS = 0.3  # compare: what a sentence telling a reply gains for the side asked for its reply (as ``sides.SIDE_BONUS``)


def reply_bonus(replying: bool, text: str) -> float:
    """What a sentence gains for a side: ``REPLY_BONUS`` when the side is the one asked for its reply and the sentence
    tells a reply, else nothing.

    >>> reply_bonus(True, "In response, the council cut fares."), reply_bonus(False, "In response, the council cut fares.")
    (0.3, 0.0)
    """
    return REPLY_BONUS if replying and tells_reply(text) else 0.0
