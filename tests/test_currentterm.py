"""A question about the term in force is not answered by the term that ran out, the original version, the thing's
age, nor (as surely) by the custom of renewing every few years (``rag.currentterm``)."""

from rag.currentterm import CUSTOM_TYPED, asks_current_term, term_typed, tells_ended_term
from rag.heldfor import held_for_question
from rag.query import Query

ENDED = "The port's last ten-year lease expired in May last year."
CUSTOM = "Since its signing, the city has renewed the lease roughly every ten years."
RENEWED = "On June 3, the city renewed the lease for another ten years, effective from May 1."
ORIGINAL = "Over the initial four decades of the lease, the port grew."
AGE = "The lease is a 40-year-old cornerstone of the port."


def _q(text, qtype="duration", **kw):
    return Query(asked=text, resolved=text, text=text, terms=[], qtype=qtype, **kw)


def test_the_term_in_force_is_not_the_one_that_ran_out():
    q = _q("how long does the new lease last?")
    assert held_for_question(1.0, ENDED, q, set()) == 0.0
    assert held_for_question(1.0, RENEWED, q, set()) == 1.0
    assert held_for_question(1.0, ORIGINAL, q, set()) == 0.0
    assert held_for_question(1.0, AGE, _q("how many years is the renewed lease for?", "number"), set()) == 0.0


def test_the_custom_answers_less_surely():
    q = _q("how many years is the renewed lease for?", "number")
    assert held_for_question(1.0, CUSTOM, q, set()) == CUSTOM_TYPED < 1.0


def test_its_end_is_not_the_old_term_ending():
    assert held_for_question(1.0, ENDED, _q("when does the current lease expire?", "date"), set()) == 0.0


def test_past_questions_and_unversioned_ones_keep_every_sentence():
    for text in ("how long was the new lease extended?", "when did the old lease expire?", "how long does the lease last?"):
        assert held_for_question(1.0, ENDED, _q(text), set()) == 1.0, text
        assert held_for_question(1.0, CUSTOM, _q(text), set()) == 1.0, text


def test_an_age_question_spans_every_version():
    q = _q("how old is the new lease?", age=True)
    assert held_for_question(1.0, AGE, q, set()) == 1.0


def test_the_words():
    assert asks_current_term("how long is the renewed lease good for?")
    assert asks_current_term("how many years does it run now?")
    assert not asks_current_term("how long did the renewed lease run?")
    assert tells_ended_term("The lease lapsed in May.") and tells_ended_term("Its term had run out.")
    assert not tells_ended_term("The lease is due to lapse.")
    assert not tells_ended_term("The lease expired and was renewed for ten years.")
    assert term_typed("how long does the new lease last?", RENEWED, 0.5) == 0.5  # what held less surely stays so


def test_a_new_thing_is_not_the_asked_new_version():
    from rag.versionwords import asked_ages, unpointed
    ages = asked_ages("how long does the new lease last?")
    assert ages == {"new"} and not asked_ages("what new berths did the lease add?")
    assert unpointed(ages, "It added a new section on berths.") == {"new"}
    assert not unpointed(ages, "The new lease runs for ten years.")


def test_only_a_term_question_reads_new_as_a_version():
    from rag.currentterm import asks_term
    assert asks_term(_q("how long does the new lease last?"))
    assert not asks_term(_q("who signed the new lease?", "name"))
    assert not asks_term(_q("how old is the new lease?", age=True))


def test_when_the_term_in_force_ends_is_told_by_its_length_not_by_another_acts_date():
    """"When does the new lease run out?": "in May the city updated the lease" dates another act; the renewal for ten
    more years tells when this one ends."""
    from rag.currentterm import DATE_OF_OTHER_ACT, asks_end, tells_span
    q = _q("when does the new lease run out?", "date")
    assert asks_end(q.text) and not asks_end("when was the new lease signed?")
    assert held_for_question(1.0, "In May 2024, the city updated its lease with the port.", q, set()) == DATE_OF_OTHER_ACT
    assert held_for_question(1.0, RENEWED, q, set()) == 1.0 and tells_span(RENEWED)
    # a date question not asking the end keeps the other act's date
    assert held_for_question(1.0, "In May 2024, the city updated its lease with the port.",
                             _q("when was the new lease updated?", "date"), set()) == 1.0
