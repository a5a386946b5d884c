"""A yes/no claim dated by an article's own writing ("had it been renewed when the harbour piece was written?") is
answered by what that article says of its own present, not by what it tells of the past or wishes.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate

# "when the harbour piece was written", "at the time of writing": a claim dated by an article's own writing
_AS_WRITTEN = re.compile(r"\bwhen\s+(?:the|that|this|her|his|their|its)\s+[^?]*?\b(?:was|were)\s+(?:written|published|"
                         r"penned|posted)\b|\bat\s+the\s+time\s+of\s+(?:writing|publication)\b", re.I)
# Words by which a text speaks of its own present: general English
_NOW = re.compile(r"\b(?:today|now|currently|presently|at present|at the moment|these days|still|yet)\b", re.I)
WRITTEN_NEAR = 0.7  # yes/no dated by an article's writing: a sentence of its present is heard down to this share


def as_written(question: str) -> bool:
    """Does a yes/no question date its claim by when an article was written ("had it been renewed when the harbour
    piece was written?")?

    >>> as_written("had the pact been renewed when the harbour piece was written?"), as_written("when was it written?")
    (True, False)
    """
    return bool(_AS_WRITTEN.search(question))


def of_its_day(best: Candidate, cands: list[Candidate]) -> Candidate:
    """A yes/no question dated by an article's writing: the near sentence of that article that speaks of its own
    present ("today the pact is due to lapse"), when the evidence does not.

    WHY: what held when the piece was written is what the piece says holds now; a sentence of it about the past
    ("earlier versions had already added rules") or a wish says nothing of that day, however many words it shares.
    """
    if _NOW.search(best.text):
        return best
    now = [c for c in cands if c.doc_id == best.doc_id and c.passage.kind == "body" and c.overlap > 0
           and c.score >= WRITTEN_NEAR * best.score and _NOW.search(c.text)]
    return now[0] if now else best
