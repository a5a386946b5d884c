"""A singular thing asked with an adjective of generality before a preposition naming the matter ("what's the main
tension around the ferry fees?", "what's the big deal with the harbour pact?") asks for the matter's gist in that
aspect, an overview, not one fact of it (``intent._WHOLE_ASK``)."""

from rag.intent import intent_of


def test_general_aspect_of_a_matter_is_an_overview():
    assert intent_of("what's the main tension around running ferries with the port?") == "overview"
    assert intent_of("what's the big deal with this harbour pact anyway") == "overview"
    assert intent_of("whats the basic clash between open berths and customs checks?") == "overview"
    assert intent_of("what is the real problem with the new toll?") == "overview"
    assert intent_of("what's the whole fuss over the ferry pact about") == "overview"  # "fuss": no plural


def test_plain_fact_or_plural_is_not_read_as_a_whole():
    assert intent_of("what's the annual toll of the bridge?") == "fact"  # no adjective of generality
    assert intent_of("what's the main port?") == "fact"  # no matter named after it
    assert intent_of("what are the main risks of the fees?") == "list"  # several things: the list rules read it
    assert intent_of("what's the main reason for the fee?") == "why"  # a cause asked: the why rules read it
