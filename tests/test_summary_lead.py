"""A summary word leading a question frames it; the question's own words say what is asked; a request to walk
through a matter or to name the role a thing plays asks for it as a whole (an overview), not one fact."""

from rag.intent import intent_of, own_shape_after_summary


def test_summary_lead_keeps_the_cause_asked():
    assert intent_of("big picture, what's driving the changes to the ferry permits?") == "why"
    assert own_shape_after_summary("big picture, why did the port raise fees?") == "why"


def test_summary_lead_without_a_cause_stays_an_overview():
    assert intent_of("big picture, how are the ferry ties these days?") == "overview"
    assert intent_of("big picture on the harbour rivalry?") == "overview"
    assert own_shape_after_summary("what's driving the fee changes?") == ""  # no leading summary word


def test_walk_through_and_role_are_overviews():
    assert intent_of("walk me through the permit dispute") == "overview"
    assert intent_of("what role does the ferry pact play for the harbour board?") == "overview"


def test_benefits_and_bearing_asked_as_a_whole_are_overviews():
    assert intent_of("what good has the ferry pact done?") == "overview"
    assert intent_of("what does the ferry pact mean for fishing towns?") == "overview"
    assert intent_of("what does the ferry pact say about fees?") == "fact"  # one point of it
