""""What about Y?" after a yes/no question "is X allowed / covered…?" asks the same claim of Y
(``followup.subject_swapped``); a verb of forbidding is asked as the word writers of a scope use
(``text.plain_excluded``)."""

from rag.followup import Turn, rewrite, subject_swapped
from rag.text import plain_excluded


def test_the_claim_is_asked_of_the_new_thing():
    assert rewrite("what about ferries?", [Turn("is freight allowed under the new lease?")]).text == \
        "is ferries allowed under the new lease?"
    assert rewrite("and barges?", [Turn("are tankers covered?")]).text == "are barges covered?"
    assert subject_swapped("night runs", "was freight still part of the lease") == "was night runs still part of the lease?"


def test_a_time_a_pronoun_or_another_shape_is_not_swapped():
    assert subject_swapped("2019", "was the lease renewed in 2024") is None
    assert subject_swapped("it", "is freight allowed") is None
    assert subject_swapped("ferries", "what did the port ban") is None
    assert subject_swapped("ferries", "does the lease cover freight") is None


def test_forbidding_is_asked_as_excluding():
    assert plain_excluded("which boats are banned now?") == "which boats are excluded now?"
    assert plain_excluded("what is not allowed at the port?") == "what is excluded at the port?"
    assert plain_excluded("is fishing prohibited or forbidden?") == "is fishing excluded or excluded?"
    assert plain_excluded("which boats are allowed?") == "which boats are allowed?"
