"""How typical of the whole collection a sentence is: its cosine to the centre of every sentence vector.

A sentence near that centre says what all the articles say (the agreement, cooperation, tensions in general):
it is close in meaning to every question about the collection, so it ranks high for any overview, and an
overview made of such sentences states nothing in particular (the hubness of nearest-neighbour search).
``rag.evidence`` discounts an overview's sentences by how typical they are (``TYPICAL_DISCOUNT``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from rag.schema import Passage

CENTRE_SAMPLE = 20000  # sentence vectors averaged for the centre: all of a small collection, an even sample of a large one


def sample_rows(n: int, cap: int = CENTRE_SAMPLE) -> np.ndarray:
    """Up to ``cap`` row numbers spread evenly over ``n`` rows, sorted and distinct.

    >>> sample_rows(4).tolist(), sample_rows(10, cap=3).tolist()
    ([0, 1, 2, 3], [0, 4, 9])
    """
    return np.unique(np.linspace(0, n - 1, min(n, cap)).astype(np.int64)) if n else np.zeros(0, dtype=np.int64)


def centre_of(vectors: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The unit mean of ``vectors`` and their mean cosine to it (None for no vectors).

    >>> c, m = centre_of(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    >>> [round(float(x), 3) for x in c], round(m, 3)
    ([0.707, 0.707], 0.707)
    """
    if not len(vectors):
        return None
    c = vectors.mean(axis=0)
    c = c / (np.linalg.norm(c) or 1.0)
    return c, float((vectors @ c).mean())


def with_typicality(pool: list[Passage], centre: tuple[np.ndarray, float] | None, vectors_of) -> list[Passage]:
    """``pool`` with each body passage's ``typical``: for each sentence (by its start inside the passage), its
    cosine to the centre less the collection's mean cosine (above 0: more typical than most). A passage whose
    vectors are not at hand (``vectors_of`` gives None) is left as it is, and so is every passage without a centre."""
    if centre is None:
        return pool
    unit, mean = centre
    out = []
    for p in pool:
        vecs = vectors_of(p) if p.kind == "body" else None
        if vecs is None or len(vecs) != len(p.sentences):
            out.append(p)
            continue
        cos = vecs @ unit - mean
        out.append(replace(p, typical={s: float(v) for (s, _), v in zip(p.sentences, cos)}))
    return out
