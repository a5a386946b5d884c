"""Verbs a question asks *with* ("sum up", "seem to"), which no sentence holds for it.

WHY: "how would you sum up the new approach?" asks for a summary; its "sum" names no topic, but the articles write the
word in another sense ("a zero-sum game"), and sentences holding it led the summary for their share of the question's
words. "where does cooperation seem to be heading?" drew "critics seem to see…" the same way. These are phrasal frames
of asking (general English): the request to summarise, the hedge "seem/appear to" before a verb. ("look like" is not
one of them: "what does cooperation look like now?" is answered by a sentence listing "areas like X and Y" as often as
misled by one; measured on our own probe questions, one answer worse.)

A sentence's word holds them in another sense, or in the same frame about something else, never as the thing asked,
so no sentence is credited with them (``unheld``). Their weight stays in the question's: the share of it a sentence
holds, which the abstention rules read, is measured as before (measured: dropping the words instead reordered near-tied
sentences of a summary, "sum up X's take and the wider context", one dev answer worse).
"""

from __future__ import annotations

import re

from rag.text import stem

# "sum up X", "sum it all up", "summing things up", "to sum up", "in sum" (not "the sum of", "a sum paid")
_SUM_UP = re.compile(r"\bsum(?:s|ming)?\s+(?:(?:it|this|that|them|these|those|everything|things|all)\s+){0,2}up\b"
                     r"|\b(?:to|in)\s+sum\b(?!\s+of\b)", re.I)
# "seems to be heading", "appear to agree": a hedge before a verb, not a thing seen or shown
_HEDGE = re.compile(r"\b(seem|appear)(?:s|ed|ing)?\s+to\s+(?!the\b|a\b|an\b|me\b|us\b|them\b|him\b|her\b)[a-z]", re.I)


def unheld(question: str) -> frozenset[str]:
    """The stems of the question's asking verbs (``_SUM_UP``, ``_HEDGE``) that no sentence holds.

    >>> sorted(unheld("how would you sum up the new approach?")), sorted(unheld("where does it seem to be heading?"))
    (['sum'], ['seem'])
    >>> sorted(unheld("to sum up, is it dead?")), unheld("what does the future look like for the ferry?")
    (['sum'], frozenset())
    >>> unheld("what sum of fees is paid?"), unheld("does it seem to the writers fair?"), unheld("areas like ports?")
    (frozenset(), frozenset(), frozenset())
    """
    out = set()
    if _SUM_UP.search(question):
        out.add(stem("sum"))
    out |= {stem(m.group(1).lower()) for m in _HEDGE.finditer(question)}
    return frozenset(out)
