"""The top of a ranking without sorting all of it, and numpy products on one BLAS thread.

At 100k chunks a full argsort of every chunk's score was most of a question's time; a partial sort keeps the
best ``n`` in order. Ties are broken by index so two runs, and two stores, rank alike.
"""

from __future__ import annotations

from contextlib import nullcontext

import numpy as np


def top_indices(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, best first (ties by index): a partial sort, since a full
    argsort of every chunk's BM25 score was most of a query's time at 100k chunks.

    >>> top_indices(np.array([0.1, 3.0, 2.0, 3.0, 0.5]), 3).tolist()
    [1, 3, 2]
    """
    if n >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, n - 1)[:n]
    return part[np.lexsort((part, -scores[part]))]


_BLAS = []  # the threadpoolctl controller, made on first use (it lists the loaded libraries once)


def one_blas_thread():
    """A context in which numpy's BLAS runs on one thread (a no-op without threadpoolctl; BLAS libraries
    loaded after the first call, such as scipy's, are left alone: the products here are numpy's).

    A question's products are small (5k sentences × 384 dims is ~1 ms on one core). Right after the
    model has run, OpenBLAS's second thread often waits for a core another process holds: on two busy
    cores the product took 5.1 ms at the median and 18 ms at p95 with two threads, 0.9 and 9 ms with one.
    Each output is one dot product summed by one thread either way, so the scores are bit-identical.
    """
    if not _BLAS:
        try:
            from threadpoolctl import ThreadpoolController  # installed with sentence-transformers' scikit-learn

            _BLAS.append(ThreadpoolController())
        except ImportError:
            _BLAS.append(None)
    return nullcontext() if _BLAS[0] is None else _BLAS[0].limit(limits=1, user_api="blas")


def top_stable(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, best first, ties by index, also at the cut: what
    ``sorted(range(len(scores)), key=lambda i: -scores[i])[:n]`` gives, without sorting every chunk.
    (``top_indices`` may keep any of the scores tied at the cut; sentences shared by overlapping chunks
    give their chunks equal dense scores, so there the choice matters.)

    >>> top_stable(np.array([0.5, 2.0, 0.5, 0.5, 3.0]), 3).tolist()
    [4, 1, 0]
    """
    if n >= len(scores):
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, len(scores) - n)[len(scores) - n]  # the n-th highest
    above = np.flatnonzero(scores > kth)
    keep = np.concatenate([above, np.flatnonzero(scores == kth)[:n - len(above)]])
    return keep[np.lexsort((keep, -scores[keep]))]
