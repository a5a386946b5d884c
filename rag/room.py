"""An overview whose spread left room: the next sentences a little further down, from articles not heard twice.

The spread hears sentences down to ``spread.SPREAD_RATIO`` of the best score. When the best one or two sentences
far outscore the rest (a question repeating the words of one article's lead), the spread stops at one or two
sentences of that article, and the main point another article makes ("renewed roughly every five years") sits just
below the line; an overview has room for it, and a two-sentence overview seldom holds the big picture.
"""

from __future__ import annotations

from typing import Callable

from rag.evidence import Candidate
from rag.neighbours import fresh

ROOM_SHARE = 0.7  # an overview with room left hears sentences down to this share of the best (dev: 0.7 +1, cp -0.0005;
# the same for why-questions: cp -0.014; 0.75 with fewer than three chosen: +0)


def fill_room(cands: list[Candidate], chosen: list[Candidate], per_doc: dict[str, int], limit: int,
              line: float, cap: Callable[[str], int]) -> list[Candidate]:
    """Sentences of ``cands`` (best first) scoring from ``ROOM_SHARE`` of the best up to ``line`` (the spread's
    own floor), body sentences not repeating a chosen one, at most ``cap(doc)`` of an article counting those
    chosen, until ``limit`` sentences in all; ``per_doc`` (sentences heard of each article) counts them too.

    >>> from types import SimpleNamespace as S
    >>> P = S(kind="body")
    >>> best, a2, b1, c1 = (S(doc_id=d, score=s, passage=P, terms={t}) for d, s, t in
    ...                     (("a", 1.0, "w"), ("a", 0.75, "x"), ("b", 0.72, "y"), ("c", 0.5, "z")))
    >>> heard = {"a": 1}
    >>> [c.doc_id for c in fill_room([best, a2, b1, c1], [best], heard, 4, 0.8, lambda d: 1)], heard
    (['b'], {'a': 1, 'b': 1})
    """
    floor = ROOM_SHARE * cands[0].score
    more: list[Candidate] = []
    for c in cands[1:]:
        if len(chosen) + len(more) >= limit:
            break
        if floor <= c.score < line and c.passage.kind == "body" and fresh(c, chosen + more) \
                and per_doc.get(c.doc_id, 0) < cap(c.doc_id):
            more.append(c)
            per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    return more
