"""A change asked and a change stated (``rag.change``): "did X make things more tense?" is answered by the sentence's
"increasing tensions", whatever else the sentence denies on the way."""

from rag.change import asked_change, same_root, stated_change
from rag.polarity import verdict

Q = "did the new fees make the harbour more tense?"
S = "Fees and other measures to restrict barges are increasing tensions in the harbour."


def test_the_asked_change_and_its_thing():
    assert asked_change(Q) == ("up", "tens")
    assert asked_change("did the fees lower costs for skippers?") == ("down", "cost")
    assert asked_change("did the rules make the checks stricter?") == ("up", "strict")
    assert asked_change("did the fees make a difference?") is None  # no comparative, no verb of change


def test_roots_need_four_letters():
    assert same_root("tens", "tension") and not same_root("ten", "tension") and not same_root("cost", "coast")


def test_a_stated_increase_affirms_despite_another_negation():
    assert stated_change(Q, S) == "yes"
    assert verdict(Q, S) == "yes"  # read whole, "restrict" was a negation: "No"


def test_the_other_way_or_a_negated_increase_denies():
    assert verdict(Q, "The new fees eased tensions in the harbour.") == "no"
    assert verdict(Q, "The fees did not increase tensions.") == "no"
    assert verdict("did the fees reduce tensions?", S) == "no"


def test_a_change_of_another_thing_falls_back_to_polarity():
    assert stated_change(Q, "Fees are increasing costs for skippers.") is None
    assert verdict(Q, "The fees were cancelled.") == "no"  # no change stated: the plain negation reads
