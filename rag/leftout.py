"""A question asking what was left out is answered by a sentence naming something as left out.

"What tech was left out of the new agreement?" asks for the things the agreement excludes. Sentences holding the
question's other words ("the new agreement", "tech") can outscore the one that names the exclusion ("…, explicitly
excluding critical and emerging technologies"), and quoting them answers what the agreement is, not what it leaves
out. So when a wh-question asks what was excluded (``query.terms`` hold "exclud": "left out", "off the table" and
"excluded" are all read so, ``rag.text.left_out_plain``) and the best sentence names nothing as excluded, the best
sentence that does is heard first, down to a share of the best. General English only: the verbs of leaving out.
"""

from __future__ import annotations

import re

from rag.text import stem

EXCLUDED_SHARE = 0.8  # the sentence naming something as left out leads down to this share of the best (dev)
_EXCLUDED = stem("excluded")
# "excluding X", "excludes X", "the exclusion of X", "leaves X out", "X was left out", "kept out", "omits X"
_LEAVES_OUT = re.compile(r"\b(?:exclud\w*|exclusions?|omit\w*|(?:leav(?:e|es|ing)|left|kept|keep(?:s|ing)?)"
                         r"(?:\s+[\w\-']+){0,4}?\s+out)\b", re.I)


def names_excluded(text: str) -> bool:
    """Does the sentence name something as left out?

    >>> names_excluded("It covers day ferries, excluding night runs."), names_excluded("Night runs were left out.")
    (True, True)
    >>> names_excluded("It focuses exclusively on day ferries."), names_excluded("The new plan covers ferries.")
    (False, False)
    """
    return bool(_LEAVES_OUT.search(text))


def asks_excluded(query) -> bool:
    """A question for what was left out: a wh-question (not yes/no, not why) whose terms hold "excluded"."""
    return query.intent in ("fact", "list") and _EXCLUDED in query.terms


def excluded_first(query, cands: list) -> list:
    """``cands`` with the best sentence naming something as left out first, when the question asks what was left
    out, the best sentence names nothing so, and that sentence scores at least ``EXCLUDED_SHARE`` of the best."""
    if not cands or not asks_excluded(query) or names_excluded(cands[0].text):
        return cands
    lead = next((c for c in cands[1:] if names_excluded(c.text) and c.passage.kind == "body"), None)
    if lead is None or lead.score < EXCLUDED_SHARE * cands[0].score:
        return cands
    return [lead] + [c for c in cands if c is not lead]
