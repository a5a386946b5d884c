"""A yes/no question's hedge "anything like X" asks of X: "like" names no topic for its terms (``rag.text.said_plainly``)."""

from rag.text import said_plainly, terms


def test_the_hedge_names_no_term_in_a_yes_no_question():
    got = terms(said_plainly("did the pact help with anything like ferry fares?", "yes_no"))
    assert "like" not in got and {"ferri", "fare"} <= set(got)


def test_such_as_after_an_indefinite_is_a_hedge_too():
    assert said_plainly("was something such as ferry fares in it?", "yes_no") == "was something ferry fares in it?"


def test_like_elsewhere_is_kept():
    assert said_plainly("is the port like that?", "yes_no") == "is the port like that?"  # no hedge: a comparison
    assert said_plainly("why leave stuff like fares out?", "why").startswith("why leave stuff like fares out")
