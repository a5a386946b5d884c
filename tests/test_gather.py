"""A list gathered across articles: another writer's examples of a chosen listing's kind join the answer
(``gather.same_list_elsewhere`` through ``spread.pick_spread``), and "what X do the articles say…" asks for a list."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.gather import listed_items, same_list_elsewhere
from rag.intent import intent_of
from rag.spread import pick_spread


def _harbour_cands(other_sim: float = 0.6) -> list[Candidate]:
    a = _cands("a", ["Issues like flood control and fish stocks need both towns.", "The towns met in May."], [0.7, 0.3])
    b = _cands("b", ["The harbour faces challenges such as flood control, silt and ferry fares."], [other_sim])
    b[0].score = 0.45  # below the spread's cut (0.8 of the best)
    return sorted(a + b, key=lambda c: -c.score)


def test_a_list_answer_gathers_another_articles_examples_of_the_same_list():
    got, why = pick_spread(_q("what problems need both towns", intent="list"), _harbour_cands())
    assert got[-1].doc_id == "b" and why[-1] == "same_list"


def test_another_list_far_from_the_question_in_meaning_is_not_gathered():
    got, why = pick_spread(_q("what problems need both towns", intent="list"), _harbour_cands(other_sim=0.3))
    assert "same_list" not in why


def test_an_overview_does_not_gather_lists():
    _, why = pick_spread(_q("what is the harbour story", intent="overview"), _harbour_cands())
    assert "same_list" not in why


def test_a_listing_sharing_no_item_is_another_list():
    a = _cands("a", ["Issues like flood control and fish stocks need both towns."], [0.7])
    b = _cands("b", ["Fields such as trade and tourism grew."], [0.7])
    assert same_list_elsewhere(a, a + b, 0.1) is None
    assert listed_items("It grew in fields such as trade and tourism.") == {frozenset({"trade"}), frozenset({"tourism"})}


def test_what_things_the_articles_say_is_a_list_question():
    assert intent_of("what problems do the articles say need both towns?") == "list"
    assert intent_of("which problem do the articles say is worst?") == "compare"  # one thing, set side by side
    assert intent_of("do the articles agree on which problems matter?") == "compare"
