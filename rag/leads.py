"""Which sentence leads when the best-scoring one does not answer the asked "who".

A sentence's score counts the question's words and its closeness in meaning; a question about a speaker or a
doer is answered only by a sentence naming one, which a claim holding more of the other words can outscore a
little. Such a sentence leads when it scores near the leader and the leader names no one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.evidence import Candidate

VOICED_SHARE = 0.75  # a sentence giving the asked speaker's say leads when it scores this share of a leader that does not


def voiced_first(query, cands: list[Candidate], voiced) -> list[Candidate]:
    """ "What did the captains say would happen if…?": a sentence giving the captains' say (``voiced``) answers it,
    though a claim of the writer's holding more of the question's other words outscores it; without it the
    question is refused as one whose speaker no close sentence names. It leads when it scores near the leader
    and the leader names no such speaker (a leader that does keeps its place and its companions). ``voiced``
    is ``rag.evidence.voiced``, passed in: that module orders its candidates with this one."""
    if not query.speaker or query.qtype or not cands or voiced(query, cands[0]):
        return cands
    return lead_if_near(cands, next((i for i, c in enumerate(cands) if voiced(query, c)), None))


def lead_if_near(cands: list[Candidate], i: int | None, share: float = VOICED_SHARE) -> list[Candidate]:
    """``cands`` with candidate ``i`` moved to the front when it scores ``share`` of the leader, else as is."""
    if i is None or cands[i].score < share * cands[0].score:
        return cands
    return [cands[i], *cands[:i], *cands[i + 1:]]


# "some in Washington want to kill it", "many on Capitol Hill": a doer told only as an indefinite part of a place
_INDEFINITE_DOER = re.compile(r"\b(?:some|many|others|several)\s+(?:in|on|at|within|across)\s+[A-Z]")
# "House Republicans have…", "The U.S. State Department emphasized…": a sentence opening on a capitalised name of two
# words or more (after "The" too, when two capitalised words follow it), its doer
_NAMED_OPENING = re.compile(r"^(?:The\s+(?=[A-Z][\w.-]*\s+[A-Z]))?"
                            r"(?!(?:The|This|That|These|Those|It|But|And|In|On|At|As|If|While|Since|For)\b)"
                            r"[A-Z][\w.-]*\s+[A-Z][\w.-]*")


def named_doer_first(query, cands: list[Candidate]) -> list[Candidate]:
    """ "Who in congress wanted to kill it?": a leader telling that "some in Washington want to kill it" names no
    one; a near-scoring sentence opening on a named doer ("House Republicans have made it a target") answers the
    "who", and leads it (at ``VOICED_SHARE`` of its score, as for an asked speaker's say)."""
    if query.qtype != "name" or not re.match(r"^\W*who\b", query.text.lower()) or not cands \
            or not _INDEFINITE_DOER.search(cands[0].text):
        return cands
    return lead_if_near(cands, next((i for i, c in enumerate(cands[1:], 1) if _NAMED_OPENING.match(c.text)), None))


def claimant_first(query, cands: list[Candidate], asks_speaker, reports_words) -> list[Candidate]:
    """ "Who claimed the pact helps its rival?": whoever voiced the claim. A leader reporting no one's words is the
    writers' own claim; a near-scoring sentence opening on a named doer and reporting what they said ("House
    Republicans have castigated it as…") names the claimant, and leads it (at ``VOICED_SHARE`` of its score).
    ``asks_speaker`` (``rag.evidence``) and ``reports_words`` (``rag.persons``) are passed in, as ``voiced`` is."""
    if not cands or not asks_speaker(query) or reports_words(cands[0].text) or _NAMED_OPENING.match(cands[0].text):
        return cands
    i = next((i for i, c in enumerate(cands[1:], 1) if _NAMED_OPENING.match(c.text) and reports_words(c.text)), None)
    return lead_if_near(cands, i)
