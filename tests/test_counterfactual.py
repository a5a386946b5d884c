"""A question asking what would come of an event is answered by a consequence told as possible (``rag.counterfactual``)."""

from candkit import query

from rag.counterfactual import asks_outcome, tells_outcome
from rag.heldfor import shape_typed


def test_what_would_happen_if_asks_a_consequence():
    for q in ("what would happen if the lease ended?", "what if the lease had lapsed?",
              "what would it mean if the port pulled out?", "what happens if the lease is not renewed?"):
        assert asks_outcome(q), q
    for q in ("what happened when the lease ended?", "what, if any, fees apply?", "what if any fees apply?"):
        assert not asks_outcome(q), q


def test_a_consequence_told_as_possible_is_typed_and_the_events_story_is_not():
    q = query("what would happen if the lease ended?", intent="fact", outcome=True)
    assert shape_typed(q, "Cancelling the lease would have sent a damaging signal.", 0.0) == 1.0
    assert shape_typed(q, "The lease received two six-month extensions.", 0.0) == 0.0
    assert tells_outcome("Its lapse might have had a modest impact.")
