"""Words for an argument ("the case for X", "the rationale for X") name the kind of answer, as "argument" does, not a
thing the articles must mention: the question is not refused when no article writes "case" (``query.KIND_WORDS``)."""

from rag.query import asked_thing


def test_case_for_asks_an_argument_not_a_thing():
    assert asked_thing("what's the basic case for keeping the ferry pact alive") == ""
    assert asked_thing("what is the rationale for the new harbour fee?") == ""


def test_other_things_are_still_asked_things():
    assert asked_thing("what is the annual toll of the bridge?") == "toll"
