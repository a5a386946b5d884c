"""A time follow-up ("and what year was that?") that the last answer already dated.

``rag.followup`` asks a follow-up pointing at "that" with the last answer's words when it asks about what the
answer said; a question of time usually asks about the last question's event instead. But when the last answer's
first sentence (its evidence for the last question) states the asked time, the event it told is the one "that"
stands for, and its date is what is asked.
"""

from __future__ import annotations

import re

from rag.rules import MONTH, TYPE_PATTERNS
from rag.text import STOPWORDS, stem, tokens

# "and what year was that?", "when was this?": a short question of time whose only reference is "that"/"this"
_TIME_OF_THAT = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(when|(?:what|which)\s+(?:year|day|date|month))\b"
                           r"[\w\s']{0,20}\b(?:that|this)\W*$", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_DAY = re.compile(rf"{MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}")
# The precision each question of time asks: a day needs its month and day, a year a year ("in December" is no year)
_PRECISION = {"year": _YEAR, "day": _DAY, "date": _DAY, "month": re.compile(MONTH), "when": re.compile(
    rf"{_YEAR.pattern}|{MONTH}")}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def dated_in_answer(question: str, said: str) -> bool:
    """Does the question ask the time of "that", and does the last answer's first sentence state it as precisely?

    WHY: after "who first signed the ferry pact?" answered "First signed in 1962 by the two mayors…", "and what
    year was that?" asks the year of that signing, which only the answer's words find; the last question's words
    ("signed", "pact") find every later signing and renewal as well. A date in a later sentence of the answer, or
    a month for "what day?", dates something else or not enough.

    >>> dated_in_answer("and what year was that?", "First signed in 1962 by the two mayors. Renewed in 2020.")
    True
    >>> dated_in_answer("and what year was that?", "It was signed by the two mayors. It was renewed in 2020.")
    False
    >>> dated_in_answer("what day was that?", "In May 2020 the mayors renewed it."), dated_in_answer("what day was that?", "On May 3 they met.")
    (False, True)
    >>> dated_in_answer("what year was the pact signed?", "First signed in 1962.")
    False
    >>> dated_in_answer("what day was that?", "It was renewed on Dec. 13, after two extensions.")  # an abbreviated month
    True
    """
    m = _TIME_OF_THAT.match(question)
    if not m or not said.strip():
        return False
    first = _SENTENCE_END.split(said.strip(), maxsplit=1)[0]
    return bool(_PRECISION[m.group(1).split()[-1].lower()].search(first))


def dated_said(question: str, said: str) -> str:
    """The last answer's words with their dates taken out, for a time follow-up it already dated (else "").

    WHY: the answer's words find the event "that" stands for; its date must not be among them, since an answer to
    a question of time has to state a date the question does not (a question naming "1962" is not answered by "1962").

    >>> dated_said("and what year was that?", "First signed in 1962 by the two mayors.")
    'First signed in  by the two mayors.'
    >>> dated_said("why was that?", "First signed in 1962 by the two mayors.")
    ''
    """
    return TYPE_PATTERNS["date"].sub("", said) if dated_in_answer(question, said) else ""


def with_dated_event(rewritten: str, question: str, last_question: str) -> str:
    """A time follow-up whose "that" was read as the last question's subject, asked with that question as well.

    WHY: "what year was that?" after "was the harbor board about fares?" asks when that event happened; the subject
    put for "that" ("what year was the harbor board?") names no event, and the sentences about the subject alone may
    date nothing. The last question's words name the event. Not when that question names a time itself ("was it
    renewed in 2020?"): its time words would find sentences of that coarser time, not the day or year asked.

    >>> with_dated_event("what year was the board?", "what year was that?", "was the board about fares?")
    'what year was the board (was the board about fares)?'
    >>> with_dated_event("what day was the pact?", "what day was that?", "was the pact renewed in 2020?")
    'what day was the pact?'
    >>> with_dated_event("what year was the pact made retroactive?", "what year was that?", "was the pact made retroactive?")
    'what year was the pact made retroactive?'
    >>> with_dated_event("who ran the board?", "who ran it?", "was the board about fares?")
    'who ran the board?'
    """
    if not _TIME_OF_THAT.match(question) or _YEAR.search(last_question) or TYPE_PATTERNS["date"].search(last_question):
        return rewritten
    have = {stem(w) for w in tokens(rewritten)}
    if all(stem(w) in have for w in tokens(last_question) if w not in STOPWORDS):
        return rewritten  # "what year was the pact made retroactive?" already names the whole event
    return f"{rewritten.strip().rstrip('?')} ({last_question.strip().rstrip('?')})?"
