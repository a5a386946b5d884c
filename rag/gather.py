"""A list gathered across articles: the items one article names beside another's of the same list.

Writers name the members of a kind of thing by example ("issues such as A, B and C"), and each article names its
own few: one says "A and D", another "A, E and F". A list question ("what global problems need both countries?")
is answered by them all, but the second article's listing shares few of the question's words, so it scores below
the spread's cut. The item it shares with a listing already chosen shows it lists the same kind; the items it adds
are what the answer lacked. General English only: the cues that open examples and the words that join items.
"""

from __future__ import annotations

import re

from rag.neighbours import fresh
from rag.text import terms

# The cue that opens a list's examples ("issues such as…", "fields including…", "areas like…", "(e.g., …")
_CUE = re.compile(r"\b(?:such as|including|like|e\.g\.,?)\s+", re.I)
# The list ends where its clause does: a dash, a semicolon, a colon or a bracket
_CLAUSE_END = re.compile(r"\s*(?:--|—|–|;|:|\(|\)|\s-\s)")
_JOIN = re.compile(r",|\band\b|\bor\b|\bas well as\b", re.I)
MAX_ITEM_TERMS = 3  # an item is a short noun phrase ("pandemic prevention"); a longer piece is the clause that follows


def listed_items(text: str) -> set[frozenset[str]]:
    """The items a sentence names after a cue of examples, each as its set of content terms.

    >>> sorted(sorted(i) for i in listed_items("It faces issues such as flood control, fish stocks and ferry fares."))
    [['control', 'flood'], ['fare', 'ferri'], ['fish', 'stock']]
    >>> listed_items("The port was busy.")
    set()
    """
    items: set[frozenset[str]] = set()
    for m in _CUE.finditer(text):
        span = _CLAUSE_END.split(text[m.end():], maxsplit=1)[0]
        for part in _JOIN.split(span):
            item = frozenset(terms(part))
            if 0 < len(item) <= MAX_ITEM_TERMS:
                items.add(item)
    return items


# ...and it must come about as close in meaning to the question as the closest sentence does: one item shared by
# two lists of other kinds ("areas such as A and B" kept out, "areas like A and C" once covered) joins what is
# excluded to what is allowed, and such a listing is far from the question's meaning (dev: 0.6 let those in)
GATHER_SIM = 0.75


def same_list_elsewhere(heard: list, cands: list, floor: float):
    """The best sentence of an article not yet quoted for a listing, scoring at least ``floor`` and close in meaning
    (``GATHER_SIM``), that names one item of a listing ``heard`` (the chosen sentences and those they point back to)
    and at least one more: the same list as told by another writer, or None.

    >>> from types import SimpleNamespace as S
    >>> mk = lambda d, t, s: S(doc_id=d, text=t, score=s, sim=s, terms=set(t.split()), passage=S(kind="body"))
    >>> a = mk("a", "Issues like flood control and fish stocks need both towns.", 1.0)
    >>> b = mk("b", "Challenges such as flood control, ferry fares, and silt are shared.", 0.76)
    >>> c = mk("c", "Fields such as trade and tourism grew.", 0.9)
    >>> same_list_elsewhere([a], [a, c, b], 0.5).doc_id, same_list_elsewhere([a], [a, c, b], 0.8)
    ('b', None)
    """
    listed = [c for c in heard if listed_items(c.text)]
    have = set().union(*(listed_items(c.text) for c in listed)) if listed else set()
    quoted = {c.doc_id for c in listed}
    near = GATHER_SIM * max((c.sim for c in cands), default=0.0)
    for c in cands:
        if c.score < floor or c.sim < near or c.doc_id in quoted or c.passage.kind != "body" or not fresh(c, heard):
            continue
        items = listed_items(c.text)
        if items & have and items - have:
            return c
    return None
