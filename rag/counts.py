"""Counts of a thing: a yes/no question counting a thing one way is denied by a sentence counting the same thing
another way ("renewed every ten years?" / "renewed every five years"), whatever other counts the two share."""

from __future__ import annotations

import re

from rag.conflicts import stated_values, years_in
from rag.text import stem

# A count and the noun after it: "ten years", "five-year", "40 protocols" (a lookahead: each word may be either)
_COUNTED = re.compile(r"\b(\d+|[a-z]+)(?=[\s-]+([a-z]{3,})\b)", re.I)


def counted(text: str) -> dict[str, set[str]]:
    """The counts a text gives of each thing it counts, by the thing's stem ("every five years" -> {"year": {"5"}}).

    >>> counted("renewed every five years by the two countries") == {"year": {"5"}, "countri": {"2"}}
    True
    """
    out: dict[str, set[str]] = {}
    for m in _COUNTED.finditer(text):
        nums = stated_values(m.group(1)) - years_in(m.group(1))
        if nums:
            out.setdefault(stem(m.group(2).lower()), set()).update(nums)
    return out


def counted_otherwise(question: str, text: str) -> bool:
    """Does the sentence count the very thing the question counts, and never by the question's count?

    WHY: "renewed every ten years by the two countries?" against "the two countries renewed it every five years":
    the shared count of countries does not make five years ten.

    >>> counted_otherwise("renewed every ten years by two countries?", "the two countries renewed it every five years")
    True
    >>> counted_otherwise("renewed every five years?", "renewed every five years"), counted_otherwise("ten years?", "two sides")
    (False, False)
    """
    told = counted(text)
    return any(unit in told and not (nums & told[unit]) for unit, nums in counted(question).items())
