"""Comparison questions: each side is searched on its own and its passages join the pool (rag.sidepool)."""

from dataclasses import replace
from types import SimpleNamespace as S

from candkit import query

from rag.contrast import version_words
from rag.sidepool import SIDE_PASSAGES, side_pool, side_terms


def _q(**kw):
    base = dict(intent="compare", about_articles=False, sides=[["1979"], ["2024"]], terms=["1979", "deal", "2024"])
    return replace(query("the 1979 deal vs the 2024 one"), **{**base, **kw})


class _Retriever:
    """Returns, for a side's search, the passage named by that search's first term; records each call."""

    def __init__(self):
        self.calls = []

    def search(self, query, k, qvec=None, diversify=True, extra=0):
        self.calls.append((list(query.terms), qvec, diversify))
        return [S(chunk_id=f"c-{query.terms[0]}"), S(chunk_id="shared")][:k]


class _Embedder:
    def embed_query(self, text):
        return text


def test_year_sides_search_the_year_and_the_shared_frame():
    assert side_terms(_q()) == [["1979", "deal"], ["2024", "deal"]]


def test_a_side_named_by_its_time_is_searched_by_that_time_s_other_words():
    ts = side_terms(_q(sides=[["origin"], ["renew", "agreement"]], terms=["renew", "agreement", "scope", "origin"]))
    assert "first" in ts[0] and "scope" in ts[0] and "renew" not in ts[0]
    assert version_words(["renew"]) <= set(ts[1]) and "origin" not in ts[1]


def test_side_passages_join_the_pool_once_and_only_for_comparisons():
    r = _Retriever()
    out = side_pool(r, _Embedder(), _q(), [S(chunk_id="shared")])
    assert [p.chunk_id for p in out] == ["c-1979", "c-2024"]
    assert [c[1] for c in r.calls] == ["1979", "2024"] and not any(c[2] for c in r.calls)
    assert len(r.calls) == 2 and SIDE_PASSAGES >= 1
    r2 = _Retriever()
    assert side_pool(r2, _Embedder(), _q(intent="fact"), []) == [] and r2.calls == []
