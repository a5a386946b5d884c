"""A how-question asking where a thing sits in a larger matter ("how does this fit into the wider rivalry?") asks for
an overview of that matter, not how the thing works (``intent._PLACE_ASK``)."""

from rag.intent import intent_of


def test_fit_into_a_larger_matter_is_an_overview():
    assert intent_of("how does the ferry pact fit into the wider harbour dispute?") == "overview"
    assert intent_of("how does the new fee square with the port's budget fight?") == "overview"


def test_how_it_works_stays_an_explanation():
    assert intent_of("how does the ferry pact work?") == "why"
    assert intent_of("how did the fees change?") == "why"
