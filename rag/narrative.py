"""A question asking for a course of events ("walk me through the lapse and renewal saga", "what's the story with
the deal lapsing and then getting renewed?") is answered by events in time: its answer holds a dated event.
"""

from __future__ import annotations

import re

from rag.between import adjacent
from rag.evidence import Candidate
from rag.neighbours import fresh
from rag.outcome import OUTCOME_OPENER

# General English for a sequence of events asked about (no topic words)
_NARRATIVE = re.compile(r"\b(?:saga|timeline|chronology|history of|walk (?:me|us) through|"
                        r"(?:the|a) story (?:with|of|behind))\b", re.I)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(r"\b(?:" + _MONTHS + r"\s+\d{1,2}\b|\d{1,2}\s+" + _MONTHS + r"|(?:19|20)\d\d\b)", re.I)
NARRATIVE_SHARE = 0.4  # the dated event is heard down to this share of the best sentence's score
NARRATIVE_LIMIT = 4
STEPS_BEFORE = 2  # the sentences before a story's closing one ("Finally, …") that tell its earlier steps, at most


def asks_narrative(q: str) -> bool:
    """Does the question ask how events went, one after another?

    >>> asks_narrative("walk me through the saga"), asks_narrative("what's the story with the deal lapsing?")
    (True, True)
    >>> asks_narrative("what does the update story say about AI?"), asks_narrative("why was it renewed?")
    (False, False)
    """
    return bool(_NARRATIVE.search(q))


def dates_in(text: str) -> int:
    """How many calendar dates (a month and day, or a year) ``text`` names.

    >>> dates_in("On December 13 it was renewed, effective from August 27."), dates_in("over the last year")
    (2, 0)
    """
    return len(_DATE.findall(text))


def dated_event(narrative: bool, cands: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """A narrative question's answer (``narrative``: ``Query.narrative``, set by ``asks_narrative``) with no date
    in it gets the best-scoring sentence that dates an event (down to ``NARRATIVE_SHARE`` of the best), the one
    naming most dates first: a story told without when things happened leaves out its turns
    ("…twice received temporary extensions…" is the lapse; "on December 13 … renewed…" is how it ended)."""
    if not chosen or len(chosen) >= NARRATIVE_LIMIT or not narrative \
            or any(dates_in(c.text) for c in chosen):
        return None
    floor = NARRATIVE_SHARE * cands[0].score
    dated = [c for c in cands if c.score >= floor and c.passage.kind == "body" and dates_in(c.text) and fresh(c, chosen)]
    return max(dated, key=lambda c: (dates_in(c.text), c.score), default=None)


def steps_before(narrative: bool, cands: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """The sentences right before a narrative answer's sentence that closes a story ("Finally, on May 3, the council
    renewed it"), up to ``STEPS_BEFORE``, in reading order. A writer opening with "finally" or "in the end" has just
    told the steps it ends ("its term expired in March. It got two short extensions."); the closing sentence alone
    tells how the story ended, not what happened on the way, which a question asking for the story wants."""
    if not narrative:
        return []
    out: list[Candidate] = []
    for end in [c for c in chosen if c.passage.kind == "body" and OUTCOME_OPENER.match(c.text)]:
        c = end
        for _ in range(STEPS_BEFORE):
            c = next((x for x in cands if adjacent(x, c)), None)
            if c is None or c in chosen or c in out or OUTCOME_OPENER.match(c.text):
                break
            out.insert(0, c)
    return out
