"""Retrieval's speed helpers: they change how fast a question is answered, never the answer."""

import numpy as np
import pytest

from rag.topk import one_blas_thread


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
    from rag.topk import top_stable

    rng = np.random.default_rng(5)
    for _ in range(200):
        scores = rng.integers(0, 4, size=int(rng.integers(1, 30))).astype(np.float32)  # many ties
        n = int(rng.integers(1, 35))
        assert top_stable(scores, n).tolist() == sorted(range(len(scores)), key=lambda i: -scores[i])[:n]


def _sidecar_of(tmp_path, matrix):
    from rag.sidecar import VECTORS, Sidecar

    np.save(tmp_path / VECTORS, matrix)
    vectors = np.load(tmp_path / VECTORS, mmap_mode="r")
    return Sidecar([], [], vectors, np.zeros(0, np.int64), np.zeros(1, np.int64), tmp_path)


def test_sidecar_reads_the_rows_the_matrix_holds_at_both_ends_in_runs_and_alone(tmp_path):
    matrix = np.random.default_rng(7).standard_normal((50, 8), dtype=np.float32)
    side = _sidecar_of(tmp_path, matrix)
    for rows in ([0], [49], [0, 49], [0, 1, 2, 47, 48, 49], [3, 5, 6, 7, 20], list(range(50)), []):
        assert np.array_equal(side.read(rows), matrix[rows].reshape(len(rows), 8)), rows
    # one descriptor for the sidecar's life, whatever the number of reads; closed when it is collected
    fd = side._fd
    side.read([1, 2])
    assert side._fd == fd
    del side
    import gc
    import os

    gc.collect()
    with pytest.raises(OSError):
        os.fstat(fd)


def test_sidecar_read_of_a_file_cut_short_says_so(tmp_path):
    side = _sidecar_of(tmp_path, np.ones((10, 4), dtype=np.float32))
    side.read([0])
    with open(side.folder / "sentence_vectors.npy", "r+b") as f:
        f.truncate(side.vectors.offset + 5 * 16)  # rewritten under a live index
    with pytest.raises(OSError, match="short read"):
        side.read([4, 5, 6])


def test_diversify_takes_what_scoring_every_candidate_at_every_pick_takes():
    from collections import Counter
    from types import SimpleNamespace as S

    from rag.retrieval import SAME_DOC_PENALTY, Retriever

    def every_pick(passages, fused, k, extra, diversify):  # the plain loop _diversify stands for
        chosen, per_doc, cands = [], Counter(), dict(fused)
        while cands and len(chosen) < k:
            best = max(cands, key=lambda i: cands[i] * (SAME_DOC_PENALTY ** per_doc[passages[i].doc_id]
                                                         if diversify else 1.0))
            chosen.append(best)
            per_doc[passages[best].doc_id] += 1
            del cands[best]
        return chosen + sorted(cands, key=lambda i: -cands[i])[:extra]

    rng = np.random.default_rng(11)
    for _ in range(300):
        n = int(rng.integers(1, 40))
        r = Retriever.__new__(Retriever)
        r.passages = [S(doc_id=f"d{int(rng.integers(0, 5))}") for _ in range(n)]
        r._doc_of = [p.doc_id for p in r.passages]
        ids = rng.permutation(n)[:int(rng.integers(1, n + 1))].tolist()
        fused = {i: float(rng.integers(1, 6)) / 60 for i in ids}  # few values: many ties
        k, extra, div = int(rng.integers(1, 12)), int(rng.integers(0, 6)), bool(rng.integers(0, 2))
        assert r._diversify(fused, k, extra, div) == every_pick(r.passages, fused, k, extra, div)


def test_a_terms_variant_is_the_first_sorted_stem_one_or_two_letters_off():
    from collections import Counter

    from rag.lexicon import Lexicon

    stems = ["americ", "america", "american", "americana", "europ", "european", "renew", "renewal", "renewe",
             "intern", "internat", "internation", "internship", "nation", "nationa", "nations", "aaaaa", "zzzzzz"]
    lex = Lexicon(df=Counter({s: 1 for s in stems}), n=1, vocab=set(), lower_words=set(), expansions={}, names={})
    for term in stems + ["americ", "ameri", "americans", "euro", "renewed", "internationa", "nationalism", "zzzzzzzz", "12345"]:
        want = None if len(term) < 5 or term.isdigit() else next(
            (t for t in sorted(lex.df) if t != term and len(t) >= 5 and (t.startswith(term) or term.startswith(t))
             and abs(len(t) - len(term)) <= 2), None)
        assert lex.variant(term) == want, term


def test_as_named_skips_only_terms_no_name_can_match():
    from rag.places import as_named, demonym_of, same_place
    from rag.text import PLACE_NAMES

    names = [{"china"}, {"america", "china"}, {"canada", "us"}, {"port", "council"}, {"japan", "europ"}]
    words = ["chines", "chinatown", "chin", "canadian", "us", "usa", "america", "american", "japanes", "european",
             "europ", "port", "porter", "firm", "ch", "", "prc", *PLACE_NAMES]
    for ns in names:
        want = {next((n for n in ns if demonym_of(t, n) or same_place(t, n)), t) for t in words}
        assert as_named(set(words), ns) == want, ns
