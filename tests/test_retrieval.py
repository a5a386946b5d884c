"""Retrieval's speed helpers: they change how fast a question is answered, never the answer."""

import numpy as np
import pytest

from rag.retrieval import one_blas_thread


def _blas_threads(threadpoolctl) -> list[int]:
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def test_one_blas_thread_limits_blas_inside_and_restores_it_after():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    before = _blas_threads(threadpoolctl)
    with one_blas_thread():
        assert all(n == 1 for n in _blas_threads(threadpoolctl))
    assert _blas_threads(threadpoolctl) == before


def test_products_under_one_blas_thread_are_bit_identical():
    rng = np.random.default_rng(3)
    m, q = rng.standard_normal((5000, 384), dtype=np.float32), rng.standard_normal(384, dtype=np.float32)
    with one_blas_thread():
        single = m @ q
    assert np.array_equal(single, m @ q)


def test_top_stable_is_the_sorted_ranking_cut_with_ties_by_index():
    from rag.retrieval import top_stable

    rng = np.random.default_rng(5)
    for _ in range(200):
        scores = rng.integers(0, 4, size=int(rng.integers(1, 30))).astype(np.float32)  # many ties
        n = int(rng.integers(1, 35))
        assert top_stable(scores, n).tolist() == sorted(range(len(scores)), key=lambda i: -scores[i])[:n]
