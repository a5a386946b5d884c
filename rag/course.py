"""What an overview of a matter's course asks to hear first: how it stands now, which way it has turned, where it began.

An overview question put in general words ("how have the ferry ties changed over the years?", "a quick history of
the pact", "how are ties these days?") is answered by a sentence of a kind, not of its words: the turn the matter
took ("a shift toward guarded ties"), the year it began ("first signed in 1979"), what defines the present ("an era
marked by rivalry"). Sentences restating the question's topic ("ferry ties between the islands remain important")
outscore them on the question's words and on closeness in meaning, so the spread (``rag.spread``) hears the sentence
of the asked kind first, down to a share of the best.
"""

from __future__ import annotations

import re

from rag.narrowing import narrowing_told
from rag.nearness import near_best
from rag.period import asks_now, characterises_period
from rag.reasons import states_shift
from rag.rules import dates_start
from rag.standing import future_told

PERIOD_SHARE = 0.65  # "how are ties now?": the sentence characterising the present, down to this share of the best
COURSE_SHARE = 0.6  # "how have ties changed?": the sentence stating a change of course, down to this share of the best
BECOME_SHARE = 0.6  # "how are ties these days?": the sentence saying what they have become, down to this share of the best
ORIGIN_SHARE = 0.65  # "a quick history of the pact": the sentence dating its start, down to this share of the best

# "how has X changed (since…)", "how have ties evolved over the years": a matter's course up to now (general English);
# "what has X changed?" asks what it brought about instead (``query.asks_done``), and "how did the update change it?"
# one act's effect
_CHANGED = re.compile(r"\bhow\s+(?:has|have)\b.{0,60}\b(?:changed|evolved|shifted)\b|"
                      r"\b(?:changed|evolved|shifted)\s+(?:over|through)\s+(?:the\s+)?(?:years|decades|time)\b", re.I)
# "a quick history of the pact", "what's the background", "the backstory": its record from its start
# "…has become increasingly difficult", "ties have become guarded": the state a matter has come to (general English)
_BECOME = re.compile(r"\b(?:has|have)\s+(?:now\s+)?become\b", re.I)
_HISTORY = re.compile(r"\b(?:history|background|backstory|origins?)\b", re.I)


def asks_course_change(q: str) -> bool:
    """Does the question ask how a matter has changed over time (its course), not what one act changed?

    >>> asks_course_change("how have the ferry ties changed over the years?"), asks_course_change("what has the pact changed?")
    (True, False)
    """
    return bool(_CHANGED.search(q))


def asks_history(q: str) -> bool:
    """Does an overview question ask for a thing's history or background ("a quick history of the pact pls")?

    >>> asks_history("quick history of the ferry pact"), asks_history("what's the ferry pact about?")
    (True, False)
    """
    return bool(_HISTORY.search(q))


def present_period(query, cands: list) -> object | None:
    """An overview of how things stand now ("what's the relationship like now?"): the sentence, down to
    ``PERIOD_SHARE`` of the best, naming the present period and what defines it (``period.characterises_period``).
    It answers what the present is like, while sentences restating the question's topic outscore it on its words."""
    if not asks_now(query.text):
        return None
    return near_best(cands, PERIOD_SHARE, lambda c: characterises_period(c.text)) or present_state(cands)


def present_state(cands: list) -> object | None:
    """How things stand now, when no sentence names the present period: the sentence, down to ``BECOME_SHARE`` of
    the best, saying what the matter has become ("collaboration has become increasingly difficult"), unless the
    best says so. It tells the state reached; the sentences sharing the question's words tell one of its causes."""
    if _BECOME.search(cands[0].text):
        return None
    return near_best(cands, BECOME_SHARE, lambda c: bool(_BECOME.search(c.text)))


def course_told(query, cands: list) -> object | None:
    """An overview of a matter's course ("where are ties heading?", "how have they changed?", ``query.trend``): the
    sentence, down to ``COURSE_SHARE`` of the best, saying it changed course (``reasons.states_shift``), unless the
    best says so already. "A shift toward targeted ties" tells the course; "ties remain vital" only restates them."""
    if not query.trend or states_shift(cands[0].text):
        return None
    return near_best(cands, COURSE_SHARE, lambda c: states_shift(c.text))


def origin_told(query, cands: list) -> object | None:
    """An overview asking for a thing's history ("a quick history of the pact", ``query.history``): the sentence,
    down to ``ORIGIN_SHARE`` of the best, giving the year it began (``rules.dates_start``), unless the best does. A
    history starts at the start; the sentences that share the question's words tell of the latest turn."""
    if not query.history or dates_start(cands[0].text):
        return None
    return near_best(cands, ORIGIN_SHARE, lambda c: dates_start(c.text))


def course_point(query, cands: list) -> object | None:
    """The sentence of the kind an overview of a matter's course asks for, heard first in the spread: the present
    (``present_period``), its future (``standing.future_told``), the turn it took (``narrowing.narrowing_told``,
    ``course_told``) or its start (``origin_told``); None for other questions and for summaries of named articles,
    lists of an asked kind and "tell me more"."""
    if query.intent != "overview" or query.listed or query.more or query.gist or not cands:
        return None
    return (present_period(query, cands) or future_told(query, cands) or narrowing_told(query, cands)
            or course_told(query, cands) or origin_told(query, cands))
