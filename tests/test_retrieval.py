"""Retrieval's speed helpers: they change how fast a question is answered, never the answer."""

import numpy as np
import pytest

from rag.retrieval import one_blas_thread


def _numpy_blas_threads(threadpoolctl) -> list[int]:
    # numpy's own BLAS, the one retrieval's products run on; another library's (scipy's, loaded later by
    # other code in the same process) is not what the limit is for
    return [i["num_threads"] for i in threadpoolctl.threadpool_info()
            if i["user_api"] == "blas" and "numpy" in i["filepath"]]


def test_one_blas_thread_limits_numpys_blas_inside_and_restores_it_after():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    with one_blas_thread():  # the first use finds the BLAS libraries loaded so far
        pass
    import scipy.linalg  # noqa: F401 - a second BLAS, loaded later, as other code does in a full test run
    before = _numpy_blas_threads(threadpoolctl)
    if not before:
        pytest.skip("this numpy does not bundle its own BLAS")
    with one_blas_thread():
        assert _numpy_blas_threads(threadpoolctl) == [1] * len(before)
    assert _numpy_blas_threads(threadpoolctl) == before


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
