"""The sentence between two quoted sentences of one article.

An answer quoting two sentences of an article that stand one sentence apart ("its term expired in August." …
"Finally, in December, it was renewed.") leaves out the sentence linking them ("It received two extensions."):
the writer told one course of events in three steps, and the quoted two read as if one followed the other. The
middle sentence joins them; ``compose`` puts the three back in reading order.
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh

GAP = 3  # characters of space and punctuation between adjacent sentences of an article
MAX_WITH_MIDDLE = 4  # the middle sentence joins an answer of at most this many sentences with it


def _span(c: Candidate) -> tuple[int, int]:
    return c.passage.start + c.start, c.passage.start + c.end


def adjacent(a: Candidate, b: Candidate) -> bool:
    """Does ``b`` follow right after ``a`` in the same article's body?

    >>> from types import SimpleNamespace as S
    >>> p = S(start=0, kind="body", doc_id="d")
    >>> a, b, c = S(passage=p, start=0, end=10), S(passage=p, start=11, end=20), S(passage=p, start=40, end=50)
    >>> adjacent(a, b), adjacent(a, c), adjacent(b, a)
    (True, False, False)
    """
    return a.passage.doc_id == b.passage.doc_id and a.passage.kind == b.passage.kind == "body" \
        and 0 <= _span(b)[0] - _span(a)[1] <= GAP


def middle_sentence(cands: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """The candidate standing alone between two chosen sentences of one article (each adjacent to it), when the
    answer has room for it (``MAX_WITH_MIDDLE``), or None. The ends may be any chosen sentences, a listing joined
    a sentence past its point (``neighbours.listing_within``) too: what the writer put between them is read with them
    ("its term expired in August." / "It got two extensions." / "Finally, on December 13, it was renewed.")."""
    if len(chosen) >= MAX_WITH_MIDDLE:
        return None
    for c in cands:
        if c.passage.kind != "body":
            continue
        # adjacency first: it is cheap and rarely holds, and ``fresh`` compares the terms of every chosen sentence
        if any(adjacent(a, c) for a in chosen) and any(adjacent(c, b) for b in chosen) and fresh(c, chosen):
            return c
    return None
