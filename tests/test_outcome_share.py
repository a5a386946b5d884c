"""A comparison setting one named article's hopes against the outcome ("the A writer wanted X: how does that compare
with what the final deal did?") hears another article as far down as a named one (rag.compare.outcome_share)."""

from dataclasses import replace

from candkit import cands, query

from rag.compare import NAMED_SHARE, _pick_compare, outcome_share


def _cs():
    return (cands("dock", ["The dock column wants night ferries to the island."], sims=[0.6])
            + cands("harbour", ["The revised charter leaves night sailings out."], sims=[0.3]))


def _q(text: str, named=("dock",)):
    return replace(query(text), intent="compare", named_docs=set(named))


def test_one_named_article_set_against_what_came_of_it_asks_for_the_outcome():
    assert outcome_share(_q("the dock writer wanted night ferries - how does that compare with what the final charter did?")) == NAMED_SHARE
    assert outcome_share(_q("how does what the dock column hoped for compare with what the charter ended up with?")) == NAMED_SHARE
    assert outcome_share(_q("the dock piece wanted ferries; how does that square with what actually happened?")) == NAMED_SHARE
    assert outcome_share(_q("how do the dock column's hopes compare with how the charter turned out?")) == NAMED_SHARE


def test_no_outcome_or_not_one_named_article_keeps_the_usual_share():
    assert outcome_share(_q("how does the dock column's view compare with the charter?")) is None
    assert outcome_share(_q("what did the dock and harbour pieces end up saying?", named=("dock", "harbour"))) is None
    assert outcome_share(_q("how did the charter turn out in the end?", named=())) is None


def test_the_outcome_told_by_another_article_is_heard_below_the_usual_bar():
    chosen, why = _pick_compare(_q("the dock writer wanted night ferries - how does that compare with what the final "
                                   "charter did?"), _cs())
    assert [c.doc_id for c in chosen] == ["dock", "harbour"] and why[-1] == "second_source"


def test_without_an_outcome_asked_the_usual_bar_holds():
    chosen, _ = _pick_compare(_q("the dock writer wanted night ferries - how does that compare with the charter?"), _cs())
    assert [c.doc_id for c in chosen] == ["dock"]
