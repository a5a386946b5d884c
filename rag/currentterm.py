"""A question about the term of the version in force ("how long does the new deal last?", "when does the renewed
pact expire?") is not answered by the term that ran out before it, nor by the custom of renewing every few years.

WHY: the words of such a question ("last", "term", "expire") are the words of a sentence telling how the previous
term ended ("its last five-year term expired in August"), and "how many years is the new deal for?" shares "years"
with a sentence on the custom ("renewed it roughly every five years"); both state a span or a date, so both read as
answers, and each tells of other versions than the one asked about. A question in the past tense ("how long was the
old deal extended?", "when did it lapse?") asks of what was done, and keeps them. General English: no topic word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.latest import asks_latest
from rag.reasons import states_rate
from rag.scope import era_of, tells_age

# A custom of renewing ("renewed roughly every five years") implies how long each term runs, but less surely than a
# sentence telling the term in force ("renewed for another five years"), which leads from within the typed window
CUSTOM_TYPED = 0.55

# Verbs telling that a term came to its end, in the past ("expired", "lapsed", "ran out", "had run out"; not "ended up"
# nor "is due to lapse", which tells what will be): general English
_ENDED = re.compile(r"\b(?:expired|lapsed|elapsed|ran\s+out|run\s+out|ended(?!\s+up\b))\b", re.I)
# A span said up to now ("now, after 45 years", "for six decades now"): the thing's age, over all its versions (general
# English; "after five years it must be renewed" is a term, and names no "now")
_SPAN_TO_NOW = re.compile(r"\bnow,?\s+after\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|over\s+|some\s+)?[\w-]+\s+"
                          r"(?:years|decades)\b|\b(?:for|after)\s+(?:[\w-]+\s+){1,3}(?:years|decades)\s+now\b", re.I)
# A question asking of the past ("when did it expire?", "how long was it extended?", "what had it covered?")
_PAST_ASK = re.compile(r"\b(?:was|were|did|didn't|had|hadn't|used\s+to)\b", re.I)


@lru_cache(maxsize=4096)  # read once per candidate sentence of one question
def asks_current_term(question: str) -> bool:
    """Does a question ask of the version in force ("the new deal", "the renewed pact", "now"), in the present or
    the future, rather than of the past?

    >>> asks_current_term("how long does the new term last?"), asks_current_term("when does the renewed pact expire?")
    (True, True)
    >>> asks_current_term("how long was the new deal extended?"), asks_current_term("how long does the deal last?")
    (False, False)
    >>> asks_current_term("when did the old pact expire?"), asks_current_term("how many years is it good for now?")
    (False, True)
    """
    q = question.replace("’", "'")
    return asks_latest(q) and not _PAST_ASK.search(q)


def tells_ended_term(text: str) -> bool:
    """Does a sentence tell that a term came to its end, and of no later version ("renewed", "revised")?

    >>> tells_ended_term("The port's last five-year lease expired in May."), tells_ended_term("The lease ran out in May.")
    (True, True)
    >>> tells_ended_term("The lease expired in May and was renewed for five years."), tells_ended_term("It is due to lapse.")
    (False, False)
    >>> tells_ended_term("The talks ended up in a draw.")
    False
    """
    return bool(_ENDED.search(text)) and era_of(text) != "later"


def term_typed(question: str, text: str, typed: float) -> float:
    """How surely a sentence holding a span or a date (``typed``) holds the term in force a question asks of
    (``asks_current_term``): not at all when it tells of another version (the term that ran out, the original one,
    the thing's age over all its versions), less surely when it tells the custom of renewing every few years
    (``reasons.states_rate``), which says how often rather than how long this one runs.

    >>> term_typed("how long does the new lease last?", "Its last five-year lease expired in May.", 1.0)
    0.0
    >>> term_typed("how many years is the new lease for?", "The city has renewed it roughly every five years.", 1.0)
    0.55
    >>> term_typed("how long does the new lease last?", "Over the initial four decades of the lease, trade grew.", 1.0)
    0.0
    >>> term_typed("how many years is the new lease for?", "The lease is a 45-year-old cornerstone.", 1.0)
    0.0
    >>> term_typed("how many years is the new lease for?", "But now, after 45 years, it is at risk.", 1.0)
    0.0
    >>> term_typed("how many years is the new lease for?", "After five years it must be renewed.", 1.0)
    1.0
    >>> term_typed("how long does the new lease last?", "On May 3 the city renewed the lease for another five years.", 1.0)
    1.0
    >>> term_typed("how long was the old lease?", "Its last five-year lease expired in May.", 1.0)
    1.0
    """
    if not typed or not asks_current_term(question):
        return typed
    if tells_ended_term(text) or era_of(text) == "earlier" or tells_age(text) or _SPAN_TO_NOW.search(text):
        return 0.0
    if asks_end(question) and not tells_span(text):
        return min(typed, DATE_OF_OTHER_ACT)
    return min(typed, CUSTOM_TYPED) if states_rate(text) else typed


# A date of another act ("In May the port updated the lease") does not tell when the term in force ends, which a
# sentence stating the term's length or its bound does ("renewed for another five years", "until 2030")
DATE_OF_OTHER_ACT = 0.5
# A question asking when a term ends ("when does it run out?", "when will the new lease expire?"): general English
_ASKS_END = re.compile(r"\b(?:expire[sd]?|run\s+out|runs\s+out|lapse[sd]?|end|ends|finish(?:es)?|be\s+over|"
                       r"come\s+up\s+for\s+renewal|need\s+(?:to\s+be\s+)?renew(?:ing|ed|al)?)\b", re.I)
_SPAN = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)[\s\-]+(?:years?|months?|decades?)\b|"
                   r"\b(?:until|till|through|expires?|lapses?|ends?)\b", re.I)


def asks_end(question: str) -> bool:
    """Does a question ask when a term ends?

    >>> asks_end("when does the new lease run out?"), asks_end("when was the new lease signed?")
    (True, False)
    """
    return bool(_ASKS_END.search(question))


def tells_span(text: str) -> bool:
    """Does a sentence state a term's length or its bound ("for another five years", "until 2030")?

    >>> tells_span("The city renewed the lease for another five years."), tells_span("In May the city updated the lease.")
    (True, False)
    """
    return bool(_SPAN.search(text))


# The kinds of thing a term is asked by: its length, its end, its count of years
SPANS = ("duration", "date", "number")


def asks_term(query) -> bool:
    """Does a question ask the length, the end or the years of the term in force (not an age: "how old is the new
    pact?" spans every version)?"""
    return query.qtype in SPANS and not (query.age or query.age_now) and asks_current_term(query.text)
