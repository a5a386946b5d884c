"""A question for a thing's drawback ("what's the catch with X?", "the downside of X") asks what X risks bringing
about: said plainly as its risk (``text.plain_drawback``), it asks for the bad outcome risked (``wants.asks_feared``)."""

from rag.text import plain_drawback
from rag.wants import asks_feared


def test_words_for_a_drawback_are_said_as_the_risk():
    assert plain_drawback("what's the catch with the new ferry plan?") == "what's the risk of the new ferry plan?"
    assert plain_drawback("so what are the main drawbacks of the toll?") == "so what are the main risk of the toll?"
    assert plain_drawback("What is the downside to ending the lease?") == "What is the risk of ending the lease?"
    assert plain_drawback("what's the big snag with the pier deal?") == "what's the big risk of the pier deal?"


def test_other_senses_and_bare_frames_stay():
    for q in ("did the ferry catch fire?", "what's the catch?", "is there a catch with the lease?",
              "what did the catch of the day fetch at the harbour?"):
        assert plain_drawback(q) == q


def test_the_risk_a_thing_runs_asks_for_the_outcome_risked():
    assert asks_feared(plain_drawback("what's the catch with the new ferry plan?"))
    assert asks_feared("what are the risks of the toll?") and asks_feared("so what's the real risk with the pier deal?")
    assert not asks_feared("how did the port reduce the risk?") and not asks_feared("what risk assessment was done?")
