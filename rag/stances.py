"""A side of a comparison named by a clause rather than a noun: "the folks who back the plan" are its supporters,
"those who want it gone" its critics (``rag.sides.stance_side`` then reads the words that take that stance)."""

from __future__ import annotations

import re

# "the folks who back the ferry plan", "those opposed to it": a stance named by a clause, not a noun.
_BACKERS = re.compile(r"\b(?:people|folks|those|ones|groups?|anyone|everyone)\s+(?:who|that)\s+(?:\w+\s+)?"
                      r"(?:back|backs|support|supports|favou?rs?|defend|defends|endorse|endorses|champion|like|likes)\b")
_OPPOSERS = re.compile(r"\b(?:people|folks|those|ones|groups?|anyone|everyone)\s+(?:who|that)\s+(?:\w+\s+)?"
                       r"(?:oppose|opposes|object|objects|criticize|criticizes|criticise|criticises|attack|attacks|"
                       r"dislike|dislikes|(?:wants?|wanted)\s+(?:it|them|this|that|the\s+\w+)\s+(?:gone|dead|scrapped|"
                       r"killed|ended|cancell?ed|dropped)|(?:wants?|wanted)\s+to\s+(?:scrap|kill|end|cancel|drop|ditch))\b"
                       r"|\b(?:those|people)\s+opposed\b")


def stance_of_clause(phrase: str) -> str:
    """The stance noun a side names by a relative clause ("the folks who back the ferry plan" are its
    supporters), or "".

    >>> stance_of_clause("folks who back the plan"), stance_of_clause("those who oppose it"), stance_of_clause("the port")
    ('supporters', 'critics', '')
    >>> stance_of_clause("those who want it gone"), stance_of_clause("people who want to scrap the plan")
    ('critics', 'critics')
    """
    p = phrase.lower()
    return "supporters" if _BACKERS.search(p) else "critics" if _OPPOSERS.search(p) else ""


# Verbs by which a question asks for a party's view of the thing ("how do the pilots see the fee", "what do critics
# in the harbour piece say about it"): general English for regarding, saying and wanting.
_REGARDING = frozenset("see sees view views regard regards say says think thinks describe describes feel feels "
                       "consider considers want wants".split())
# ...and the words that end the party's noun phrase before such a verb ("critics in the harbour piece")
_COMPLEMENT = frozenset({"in", "of", "at", "from", "on", "for", "with", "about", "by"})


def regarding_subject(clause: str) -> str:
    """The party whose view a clause asks for, when a verb of regarding follows it ("harbour pilots see the fee":
    "harbour pilots"), up to its first preposition ("critics in the harbour piece say": "critics"); else "".

    >>> regarding_subject("harbour pilots see the fee"), regarding_subject("critics in the harbour piece say about it")
    ('harbour pilots', 'critics')
    >>> regarding_subject("port charges"), regarding_subject("see the fee")
    ('', '')
    """
    words = re.findall(r"[\w.\-']+", clause)
    verb = next((i for i, w in enumerate(words) if w.lower() in _REGARDING), 0)
    party = []
    for w in words[:verb]:
        if w.lower() in _COMPLEMENT:
            break
        party.append(w)
    return " ".join(party)
