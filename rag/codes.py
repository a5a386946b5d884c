"""A code name a question writes: letters joined to a number ("j-1", "h-1b", "f-35", "g7").

English names visas, forms, models and groups by such codes ("my J-1 visa", "the H-1B program", "the G7"). The
tokenizer splits one into a letter and a number too short to be terms, so without this the question keeps only
"visa" and any sentence on visas answers "does my j-1 visa depend on the agreement?". A code is a name as surely
as a capitalised word: when no passage writes it, the articles never mention what it names.
"""

from __future__ import annotations

import re

# one to three letters, a hyphen, a number (and a letter: "h-1b"); or one or two letters fused to a number ("g7",
# "h1b"); not a number with a unit or an ordinal suffix ("5g", "2nd"), which start with the digit
_CODE = re.compile(r"\b(?:[a-z]{1,3}-\d{1,4}[a-z]?|[a-z]{1,2}\d{1,3}[a-z]?)\b")


def codes(text: str) -> list[str]:
    """The code names a text writes, lower case, without hyphens ("j1").

    >>> codes("does my husband's J-1 visa depend on it?"), codes("is the H1B or the g7 in it?")
    (['j1'], ['h1b', 'g7'])
    >>> codes("was it renewed in 2024 for 5 years?"), codes("does 5g count?"), codes("the us-china deal")
    ([], [], [])
    """
    return [c.replace("-", "") for c in _CODE.findall(text.lower())]


def unwritten_codes(unknown, question: str, passages):
    """The unknown terms plus each code name the question writes and no passage writes (hyphen or not): a name the
    articles never mention, as decisive as a year they never write (``abstain.Unknown.entities``)."""
    asked = codes(question)
    if not asked:  # most questions write no code: the passages need no reading
        return unknown
    written = {c for p in passages for c in codes(p.text)}
    return unknown.naming([c for c in asked if c not in written])
