"""After "what happened when…?", a "that" which happened ("how many times did that happen?") is the event the answer
told, so the follow-up is asked with that answer's words, not with the last question's noun phrase (``pointing``)."""

from rag.followup import Turn, rewrite
from rag.pointing import happened_as_told

LAST = Turn("what happened when the lease's term ran out?",
            said="Its term expired in May. The lease received two short extensions before the renewal.")


def test_that_which_happened_is_what_the_answer_told():
    assert happened_as_told("how many times did that happen?", LAST.question)
    out = rewrite("how many times did that happen?", [LAST], weight=lambda s: len(s)).text
    assert out.startswith("how many times did that happen (") and "extensions" in out
    assert "term ran happen" not in out


def test_other_last_questions_or_other_verbs_are_not_this_rule():
    assert not happened_as_told("how many times did that happen?", "when did the lease's term run out?")
    assert not happened_as_told("who said that?", LAST.question)
    assert not happened_as_told("how often did the lease lapse?", LAST.question)
    assert happened_as_told("why did this occur?", "so what went on with the lease?")


def test_a_question_of_time_keeps_the_last_questions_event():
    assert not happened_as_told("when did that happen?", "what happened to the lease in 2024?")
    assert not happened_as_told("and what year did that happen?", LAST.question)
