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
    def embed_queries(self, texts):
        return list(texts)


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


def test_a_thing_set_against_how_it_used_to_be_has_its_past_as_the_other_side():
    from rag.sides import sides_of

    assert sides_of("how is the new charter different from how it used to be?") == ["new", "old"]
    assert sides_of("how is it different from what it was?") == []


def test_a_sentence_narrating_a_version_s_history_is_no_description_of_it():
    from rag.contrast import tells_history

    assert tells_history("Since its signing, the two ports have renewed it every five years.")
    assert tells_history("The harbour charter, signed in 1979, was the first such charter.")
    assert not tells_history("First signed in 1979, the charter's broad mandate provides a stable framework.")
    assert not tells_history("The revised charter, finalized in Oslo, narrows the scope and introduces enhanced checks.")


def test_a_time_side_is_heard_by_its_description_unless_the_question_asks_the_past():
    from candkit import cands

    from rag.sides import side_orders

    cs = cands("a", ["The harbour charter, signed in 1979, was the first such charter.",
                     "First signed in 1979, the charter's broad mandate provides a stable framework.",
                     "The 2024 charter narrows the scope of the fares."], sims=[0.52, 0.5, 0.5])
    now = replace(query("how is the 1979 charter different from the 2024 one?"), sides=[["1979"], ["2024"]])
    assert "broad mandate" in side_orders(now, cs)[0][0][1].text
    then = replace(query("what was the 1979 charter compared to the 2024 one?"), sides=[["1979"], ["2024"]])
    assert "was the first" in side_orders(then, cs)[0][0][1].text


class _DeepRetriever:
    """Ranks, for every side's search, the same passages: the shared ones first, a side's own one below them."""

    def search(self, query, k, qvec=None, diversify=True, extra=0):
        return [S(chunk_id=c) for c in ("s1", "s2", "s3", f"own-{query.terms[0]}", "s4")][:k]


def test_a_side_whose_best_passages_the_pool_holds_still_adds_the_best_one_it_lacks():
    pool = [S(chunk_id=c) for c in ("s1", "s2", "s3")]
    out = side_pool(_DeepRetriever(), _Embedder(), _q(), pool)
    assert [p.chunk_id for p in out] == ["own-1979", "own-2024"]


def test_a_side_that_adds_passages_among_its_best_reaches_no_further():
    from rag.sidepool import side_additions

    ranked = [S(chunk_id=c) for c in ("s1", "own", "s2", "deeper")]
    assert [p.chunk_id for p in side_additions(ranked, {"s1", "s2"})] == ["own"]
    assert side_additions(ranked, {"s1", "own", "s2", "deeper"}) == []
