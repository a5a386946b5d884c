"""Months a question or sentence names: a yes/no question dating an act to one month is denied by the sentence
dating it to another ("renewed in March?" / "renewed on December 13")."""

from __future__ import annotations

import re

_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
# A month by name or short form ("Dec."); "may" and "march" only capitalised or after a word of dating ("in may"):
# lower case they are a verb
_MONTH = re.compile(r"\b(?:(?:in|on|from|since|to|until|by|of|early|late|mid)\s+(may|march)|((?-i:May|March))|"
                    r"(january|february|april|june|july|august|september|october|november|december|"
                    r"jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\b|\.))", re.I)


def months_in(text: str) -> set[int]:
    """The months (1-12) a text names.

    >>> sorted(months_in("renewed on Dec. 13, effective from August 27")), months_in("It may lapse in march"), months_in("they may march")
    ([8, 12], {3}, set())
    """
    out = set()
    for m in _MONTH.finditer(text):
        word = next(g for g in m.groups() if g).lower()
        out.add(next(i for i, n in enumerate(_NAMES, 1) if n.startswith(word[:3])))
    return out


def other_month(question: str, sentence: str) -> bool:
    """Does the sentence date things only to other months than the one the question names?

    WHY: "was the renewal backdated to January?" is answered no by "renewed …, retroactively effective from August
    27": the sentence holds every word of the claim but its month, as "built in 1962" denies "built in 1985?".

    >>> other_month("was it renewed in March?", "It was renewed on Dec. 13."), other_month("renewed in december?", "on December 13")
    (True, False)
    >>> other_month("was it renewed?", "It was renewed on Dec. 13."), other_month("was it renewed in May?", "It was renewed.")
    (False, False)
    """
    asked, told = months_in(question), months_in(sentence)
    return bool(asked) and bool(told) and not asked & told
