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

LATEST_SHARE = 0.35  # the sentence telling the latest dated act leads down to this share of the best
# "the new version", "its latest form", "the current deal", "the update": a version pointed at as the present one, by
# an adjective of recency or a noun of revising (general English)
_NEW_POINTED = re.compile(r"\b(?:the|this|its|their)\s+(?:new|newer|newest|latest|current|updated|revised|renewed|"
                          r"update|renewal|revision|amendment)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def asks_latest(text: str) -> bool:
    """Does the question ask of the present or of the new version ("what did the new version change?", "what does
    it cover these days?"), not of a version in general ("what is a new rule?")?

    >>> asks_latest("what did the new version change?"), asks_latest("what does it cover now?"), asks_latest("what is a new rule?")
    (True, True, False)
    """
    return bool(_NEW_POINTED.search(text)) or asks_now(text)


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
    if not cands or query.intent not in ("fact", "overview", "compare") or not asks_latest(query.text):
        return cands
    best_year = newest_year(cands[0].text)
    near = [c for c in cands[1:] if c.score >= LATEST_SHARE * cands[0].score and c.passage.kind == "body"]
    newest = max((newest_year(c.text) for c in near), default=0)
    if not best_year or newest <= best_year:
        return cands
    lead = next(c for c in near if newest_year(c.text) == newest)
    return [lead] + [c for c in cands if c is not lead]
