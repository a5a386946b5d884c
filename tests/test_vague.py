"""A vague whole-topic phrase ("this whole thing") is asked as the bare pointer it stands for (``rag.vague``)."""

from rag.followup import rewrite
from rag.vague import pointer_for_vague


def test_this_whole_thing_is_this():
    assert pointer_for_vague("when did this whole thing begin?") == "when did this begin?"
    assert pointer_for_vague("how old is that thing") == "how old is that"


def test_a_defined_or_particular_thing_stays():
    assert pointer_for_vague("why scrap the whole thing?") == "why scrap the whole thing?"
    assert pointer_for_vague("is this thing about ferries?") == "is this thing about ferries?"
    assert pointer_for_vague("what's that thing that changed?") == "what's that thing that changed?"


def test_a_first_question_is_asked_with_the_pointer():
    assert rewrite("what year did this whole thing start", []).text == "what year did this start"
