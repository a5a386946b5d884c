"""How a sentence stands to its neighbours: leaning on the one before ("This decision…", "such a change"), or
listing things ("agriculture, clean energy, and health"). Read by the spread and the neighbour rules, which decide
whether a sentence needs the one before it to make sense and whether it is a list.
"""

from __future__ import annotations

import re
from functools import lru_cache

OPENER = re.compile(r"^(?:This|These|That|Those|It|Its|They|Their|Such|He|She|His|Her|Companies like|"
                    r"Additionally|Furthermore|Moreover|However|But|Yet|Still|Also)\b")


_BACK_REF = re.compile(r"\b(?:these|those|such) (?:challenges|issues|problems|concerns|risks|areas|fields|efforts|measures|"
                       r"threats|goals|steps|changes|benefits|ties|tensions)\b", re.I)


# "…why such an update cannot occur": "such a/an X" stands for an X the sentence before described, as "such X" does
# in the plural; not before "that" or "as", where it points forward ("in such a way that…", "such a thing as…").
_SUCH_ONE = re.compile(r"\bsuch an? [a-z]+\b(?! (?:that|as)\b)", re.I)


# Openers that set a sentence against the one before it: "Instead, it is…" says what the other one denied.
_CONTRAST_OPENER = re.compile(r"^(?:Instead|Rather|By contrast|In contrast|On the contrary|Conversely)\b,?", re.I)


def leans_back(text: str) -> bool:
    """Does a sentence point back to what the one before it named ("…to address these challenges"),
    or answer it ("Instead, it is…")?

    >>> leans_back("Both must work together to address these challenges."), leans_back("It was signed in 1979.")
    (True, False)
    >>> leans_back("Instead, it is an umbrella agreement."), leans_back("It chose to act instead.")
    (True, False)
    >>> leans_back("There is no reason why such a change cannot occur."), leans_back("It was done in such a way that all agreed.")
    (True, False)
    """
    return bool(_BACK_REF.search(text) or _SUCH_ONE.search(text) or _CONTRAST_OPENER.match(text))


def continues(text: str) -> bool:
    """Does a sentence lean on the one before it ("This decision aims to…", "Companies like A, B…")?

    >>> continues("This decision aims to prevent transfers."), continues("The STA was signed in 1979.")
    (True, False)
    """
    return bool(OPENER.match(text))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def is_enumeration(text: str) -> bool:
    """A sentence listing things: "agriculture, clean energy, public health, and the environment".

    >>> is_enumeration("Areas like agriculture, energy, and health."), is_enumeration("It was signed in 1979.")
    (True, False)
    >>> is_enumeration("It excludes technologies such as AI and quantum computing.")
    True
    >>> is_enumeration("Work ranged from ferries to bridges to tunnels."), is_enumeration("It went from Oslo to Bergen.")
    (True, False)
    >>> is_enumeration("The new lease is a sign that, with care, the harbour can still thrive.")
    False
    """
    return (text.count(",") >= 2 and bool(_LAST_ITEMS.search(text)) or _joined_after_cue(text)
            or bool(re.search(r"\bfrom\b[^.,;]*\bto\b[^.,;]*\bto\b", text)))


def _joined_after_cue(text: str) -> bool:
    """Items after "such as / including / like" joined by "and" within their first two commas: "such as AI and
    quantum", "like ferries, tugs and barges". A comma alone may close one example ("such as the 1990 lease, has
    already…") and list nothing; "or" more often offers alternatives ("such as a lease or a permit") than a list.

    >>> _joined_after_cue("Areas like ports, docks and piers."), _joined_after_cue("Deals such as the 1990 lease, have lapsed.")
    (True, False)
    """
    m = re.search(r"\b(?:such as|including|like)\b([^.;]*)", text)
    return bool(m) and bool(re.search(r"\band\b", ",".join(m.group(1).split(",")[:2])))


# A list's last items are short and joined by "and"/"or" ("…, public health, and the environment"): two commas
# around an aside ("a reminder that, with controls in place, cooperation…") or before a clause ("In 2015, after
# talks, the two boards signed and…", whose "item" runs four words) make no list.
_LAST_ITEMS = re.compile(r",\s+(?:[^\s,.;:]+\s+){0,2}[^\s,.;:]+,?\s+(?:and|or)\s")
