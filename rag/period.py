"""The present as asked for and as characterised: "what are ties like now?" asks how the current period stands, and
the sentence that answers it names the period and what defines it ("in an era defined by A and B"), whatever other
words of the question it shares. General English only: time adverbs and the nouns and verbs of characterising a period.
"""

from __future__ import annotations

import re

# "now", "these days", "right now", "today", "currently", "at present", "nowadays"; not "now that" (a reason clause)
_NOW_ASK = re.compile(r"\b(?:(?:right )?now(?! that\b)|nowadays|these days|today|currently|at present|"
                      r"at the moment|presently)\b", re.I)
# "an era defined by…", "this age marked by…", "a period shaped by…": the period named with what defines it
_PERIOD = re.compile(r"\b(?:an?|this|the|our)\s+(?:[\w-]+\s+)?(?:era|age|period|moment|time|decade)\s+"
                     r"(?:defined|marked|shaped|characteri[sz]ed|dominated)\s+by\b", re.I)


def asks_now(text: str) -> bool:
    """Does the question ask how things stand at present ("what's it like now?", "how are ties these days?")?

    >>> asks_now("what's the relationship like now?"), asks_now("how are ties these days"), asks_now("now that it ended, why?")
    (True, True, False)
    """
    return bool(_NOW_ASK.search(text))


def characterises_period(text: str) -> bool:
    """Does a sentence name a period and what defines it ("…, in an era defined by fierce rivalry")? It tells what
    the present is like in a few words, while sentences restating the question's topic outscore it on shared words.

    >>> characterises_period("The deal comes in an era defined by rivalry."), characterises_period("The era ended.")
    (True, False)
    """
    return bool(_PERIOD.search(text))
