"""What each of the parties gets or does: a sentence giving each its own clause answers, not one naming both as one.

"What does each country get out of working together?" asks the same thing of every party in turn, without naming
them. The sentence scoring best holds the question's words and speaks of the parties together ("by working
together, both countries can…"); the one answering gives each party its own clause ("the port gained berths,
while the council got fares"). Such a sentence names two different places with a marker of contrast between them,
and it leads when it scores near the leader. General English: the group nouns for parties and the contrast markers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.leads import lead_if_near
from rag.places import is_place
from rag.text import PLACE_NAMES, terms

if TYPE_CHECKING:
    from rag.evidence import Candidate

# a sentence setting each party apart leads down to this share of the leader's score (the leader holding the
# question's "working together" outscores it by a third: d16-061's 0.37 against 0.60)
EACH_SHARE = 0.6

# "each country", "each side", "each of the two nations": a question asking of every party in turn (not "each
# other", which asks what binds them); general English nouns for a party to a deal or a dispute
_EACH_PARTY = re.compile(r"\beach(?:\s+of\s+the(?:\s+two)?)?\s+(?:country|countries|nation|nations|side|sides|"
                         r"government|governments|partner|partners|power|powers)\b", re.I)
# general English markers by which a sentence turns from one party to the next ("X gained…, while Y…")
_TURN = re.compile(r"\b(?:while|whereas|in turn|meanwhile|by contrast|in contrast|on the other hand)\b", re.I)


def asks_each_party(text: str) -> bool:
    """Does the question ask what each of the parties gets or does, without naming them?

    >>> asks_each_party("what does each country get out of it?"), asks_each_party("what has each side gotten?")
    (True, True)
    >>> asks_each_party("do they need each other?"), asks_each_party("what does each article say?")
    (False, False)
    """
    return bool(_EACH_PARTY.search(text))


def _place(word: str) -> str:
    """The place a capitalised word names ("U.S.": "us", "China's": "china"), else ""."""
    if not word[:1].isupper():
        return ""  # "us" the pronoun
    for t in terms(word):
        if t in PLACE_NAMES or is_place(t):
            return PLACE_NAMES.get(t, t)
    return ""


def gives_each_party(text: str) -> bool:
    """Does a sentence give each of two places its own clause: two different places named with a marker of
    contrast between them ("Norway gained access to its ports, while Sweden got the fares")?

    >>> gives_each_party("Norway gained access to its ports, while Sweden got the fares.")
    True
    >>> gives_each_party("By working together, Norway and Sweden can gain."), gives_each_party("Norway gained, while it lost.")
    (False, False)
    """
    words = text.split()
    named = [(i, p) for i, w in enumerate(words) if (p := _place(w))]
    return any(p != q and _TURN.search(" ".join(words[i + 1:j])) for i, p in named for j, q in named if j > i)


def each_party_first(query, cands: list[Candidate]) -> list[Candidate]:
    """ "What does each country get?" (``Query.each_party``, no sides named): the best sentence giving each party its own
    clause leads, when it scores ``EACH_SHARE`` of a leader that does not."""
    if not query.each_party or query.sides or not cands or gives_each_party(cands[0].text):
        return cands
    i = next((i for i, c in enumerate(cands) if c.passage.kind == "body" and gives_each_party(c.text)), None)
    return lead_if_near(cands, i, EACH_SHARE)
