"""Comparisons telling of one article's account and another's ("one piece wants X, others say X is out") hear a
second article as far down as a named one (rag.compare.other_article_share)."""

from dataclasses import replace

from candkit import cands, query

from rag.compare import NAMED_SHARE, SECOND_SOURCE, _pick_compare, other_article_share


def _cs():
    return (cands("dock", ["The dock column wants night ferries to the island."], sims=[0.6])
            + cands("harbour", ["The revised charter leaves night sailings out."], sims=[0.3]))


def test_one_article_and_the_others_ask_for_both_accounts():
    assert other_article_share("one piece wants night ferries, others say they are out - how do they differ?") == NAMED_SHARE
    assert other_article_share("one of the articles counts 40 berths, another 100; why?") == NAMED_SHARE
    assert other_article_share("some writers praise the fares, the rest complain. how so?") == NAMED_SHARE


def test_a_thing_set_against_another_thing_is_no_telling_of_articles():
    assert other_article_share("one pier is old and another is new, how do they differ?") == SECOND_SOURCE
    assert other_article_share("how do the night ferries differ from the day ones?") == SECOND_SOURCE


def test_the_other_article_s_account_is_heard_below_the_usual_bar():
    q = replace(query("one piece wants night ferries, others say night ferries are out - how do they differ?"),
                intent="compare")
    chosen, why = _pick_compare(q, _cs())
    assert [c.doc_id for c in chosen] == ["dock", "harbour"] and why[-1] == "second_source"


def test_without_that_telling_the_usual_bar_holds():
    q = replace(query("how do night ferries differ?"), intent="compare")
    chosen, _ = _pick_compare(q, _cs())
    assert [c.doc_id for c in chosen] == ["dock"]
