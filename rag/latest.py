"""A question about the present or the new version is answered by the sentence telling the latest dated act.

"What did the new version change?", "what does it cover these days?" ask of the thing as it stands after its latest
turn. A sentence dated to an older turn ("the 2018 renegotiation added…") can outscore the sentences telling the
latest one on the question's words ("version", "change"), yet it answers of an older version. So when the best
sentence names only years older than the newest year among the sentences near it, the best sentence naming that
newest year is heard first, down to a share of the best. General English only: years and words of the present.
"""

from __future__ import annotations

import re

from rag.period import asks_now
from rag.rules import MONTH

LATEST_SHARE = 0.35  # the sentence telling the latest dated act leads down to this share of the best
# "the new version", "its latest form", "the current deal", "the update": a version pointed at as the present one, by
# an adjective of recency or a noun of revising (general English)
_NEW_POINTED = re.compile(r"\b(?:the|this|its|their)\s+(?:new|newer|newest|latest|current|updated|revised|renewed|"
                          r"update|renewal|revision|amendment)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
STATUS_SHARE = 0.65  # "what's going on with the pact?": the sentence telling a dated act leads down to this share
# How a matter stands as a whole: "what's going on / happening with X", "where does X stand", "the status of X",
# "at this point", "the latest on X" (general English); "where does X stand on Y" asks X's position instead. It asks for the latest event, which a sentence dates to
# the day ("on March 3, the two towns signed…"), while sentences sharing the question's words only restate the topic.
_STATUS = re.compile(r"\bwhat(?:'s|’s|\s+is)\s+(?:going\s+on|happening|up|new)\s+with\b|\bwhere\s+(?:does|do|is|are)\b"
                     r".{0,50}\bstand\b(?!\s+on\b)|\bstatus\s+of\b|\bat\s+this\s+point\b|\bthe\s+latest\s+(?:on|with)\b", re.I)
DAY = re.compile(rf"{MONTH}\.?\s+\d{{1,2}}\b(?!\s*(?:%|percent))|\b\d{{1,2}}\s+{MONTH}")


def asks_latest(text: str) -> bool:
    """Does the question ask of the present or of the new version ("what did the new version change?", "what does
    it cover these days?"), not of a version in general ("what is a new rule?")?

    >>> asks_latest("what did the new version change?"), asks_latest("what does it cover now?"), asks_latest("what is a new rule?")
    (True, True, False)
    """
    return bool(_NEW_POINTED.search(text)) or asks_now(text)


def asks_status(text: str) -> bool:
    """Does the question ask how a matter stands as a whole ("what's going on with the pact?", "where does it stand")?

    >>> asks_status("what's going on with the ferry pact?"), asks_status("where does the lease stand now"), asks_status("what is the pact?")
    (True, True, False)
    >>> asks_status("where does the port stand on the lease?")  # a party's position, not how the matter stands
    False
    """
    return bool(_STATUS.search(text))


def newest_year(text: str) -> int:
    """The latest year a sentence names, 0 for none.

    >>> newest_year("Signed in 1979, renewed in 2024."), newest_year("It was renewed.")
    (2024, 0)
    """
    return max((int(y) for y in _YEAR.findall(text)), default=0)


def latest_first(query, cands: list) -> list:
    """``cands`` with the best sentence naming the newest year among those down to ``LATEST_SHARE`` of the best put
    first, when the question asks of the present or the new version (``asks_latest``) and the best sentence names
    only older years. A sentence naming no year is left in place: it may tell the latest act in other words."""
    if not cands or query.intent not in ("fact", "overview", "compare"):
        return cands
    if asks_status(query.text):
        return day_dated_first(cands)
    if not asks_latest(query.text):
        return cands
    best_year = newest_year(cands[0].text)
    near = [c for c in cands[1:] if c.score >= LATEST_SHARE * cands[0].score and c.passage.kind == "body"]
    newest = max((newest_year(c.text) for c in near), default=0)
    if not best_year or newest <= best_year:
        return cands
    lead = next(c for c in near if newest_year(c.text) == newest)
    return [lead] + [c for c in cands if c is not lead]


def day_dated_first(cands: list) -> list:
    """``cands`` with the best sentence dating an act to the day ("on March 3, the towns renewed the lease") put
    first, down to ``STATUS_SHARE`` of the best, when the best dates nothing to the day and the dated sentence names
    no year older than the best does. Asked how a matter stands, the latest event is the answer; a sentence dated to
    the day reports an event, and the sentences restating the matter's words (its worth, its stakes) tell none.
    """
    if DAY.search(cands[0].text):
        return cands
    floor, best_year = STATUS_SHARE * cands[0].score, newest_year(cands[0].text)
    lead = next((c for c in cands[1:] if c.score >= floor and c.passage.kind == "body" and DAY.search(c.text)
                 and (not best_year or newest_year(c.text) in (0, best_year) or newest_year(c.text) > best_year)), None)
    return cands if lead is None else [lead] + [c for c in cands if c is not lead]
