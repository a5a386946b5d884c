"""A party set against an article's writer: "how do house pilots see the fee vs the writer of the harbour piece?".

One side is a party the articles report on, the other an article, which is heard in its own voice: its sentences
that do not report the party (``rag.compare.party_and_writer``).
"""

from __future__ import annotations


def party_side(sides: list[list[str]], naming: set[str]) -> list[str]:
    """Of two sides, when exactly one is named by an article (its terms hold one of ``naming``), the other's terms;
    else []. Such a comparison is not read article by article, as two named articles are: the party is heard
    where it is named, the article where its writer speaks.

    >>> party_side([["pilot"], ["writer", "harbour"]], {"harbour"}), party_side([["port"], ["council"]], set())
    (['pilot'], [])
    >>> party_side([["harbour"], ["dock"]], {"harbour", "dock"})  # two articles: read article by article
    []
    """
    if len(sides) != 2:
        return []
    named = [bool(set(s) & naming) for s in sides]
    return sides[named.index(False)] if named.count(True) == 1 else []
