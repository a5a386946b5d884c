"""A question of time pointing with "that" ("what year was that?") whose "that" is read as the last question's
subject is asked with that question too, which names the event; not when that question names a time itself."""

import pytest

from rag.dated import with_dated_event
from rag.followup import Turn, rewrite


@pytest.mark.parametrize("q", ["what year was that?", "and what year was that", "which day was that?",
                               "so what month was that?"])
def test_a_question_of_time_about_that_is_asked_with_the_last_question(q):
    out = rewrite(q, [Turn("was the harbor board about ferry fares?")]).text
    assert out.endswith("(was the harbor board about ferry fares)?")


def test_a_last_question_naming_a_time_is_not_added():
    assert with_dated_event("what day was the pact?", "what day was that?", "was the pact renewed in May 2020?") == \
        "what day was the pact?"


def test_a_question_of_another_kind_or_naming_its_own_thing_is_left_alone():
    assert with_dated_event("who ran the board?", "who ran that?", "was the board about fares?") == "who ran the board?"
    assert rewrite("what year was the ferry pact signed?", [Turn("who signed it?")]).text == \
        "what year was the ferry pact signed?"


def test_a_time_question_the_last_answer_dated_is_still_asked_with_that_answer():
    last = Turn("who first signed the ferry pact?", said="First signed in 1962 by the two mayors.")
    assert "two mayors" in rewrite("and what year was that?", [last]).text
