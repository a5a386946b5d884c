"""A follow-up's "it" after a question whose subject was a bare "that" is asked with the question before
(``rag.chained``): the last question names no noun for it, and a clause is no antecedent."""

import re

from rag.chained import pronoun_subject, reach, through
from rag.followup import Turn, rewrite

EARLIER = Turn("why are the harbour pilots under more checks?")


def test_bare_that_before_a_participle_is_the_subject():
    assert pronoun_subject("has that made ferry permits harder?")
    assert pronoun_subject("had this changed the fares?")
    assert pronoun_subject("has that upset the pilots?")
    assert pronoun_subject("is that still true?")
    assert pronoun_subject("was that so")


def test_that_before_a_noun_or_it_they_names_a_thing():
    assert not pronoun_subject("has that lease ended?")
    assert not pronoun_subject("is this ferry still running?")
    assert not pronoun_subject("did they renew the lease?")
    assert not pronoun_subject("when was the lease renewed?")


def test_it_after_a_bare_that_is_asked_with_the_question_before():
    history = [EARLIER, Turn("has that made ferry permits harder?")]
    out = rewrite("and how has it affected the ferry lease?", history).text
    assert out == "and how has it affected the ferry lease (why are the harbour pilots under more checks)?"
    assert "the made" not in out


def test_a_named_subject_in_the_last_question_is_kept():
    history = [EARLIER, Turn("has the lease made ferry permits harder?")]
    assert "(why are the harbour pilots" not in rewrite("and how has it affected the fares?", history).text


def test_no_question_before_leaves_it_to_the_usual_rules():
    q = "and how has it affected the fares?"
    assert through(q, [Turn("has that made permits harder?")], re.search(r"\bit\b", q)) is None


def test_after_a_what_question_that_is_what_the_answer_listed():
    history = [Turn("what worries the harbour pilots?"), Turn("has that led to new rules?")]
    q = "what did it add to the lease?"
    assert through(q, history, re.search(r"\bit\b", q)) is None
    assert rewrite(q, history).text != q + " (what worries the harbour pilots)?"


# An antecedent is a noun phrase: a question that only points ("what led to that?") is passed over for the one before.

def test_a_question_that_only_points_names_nothing():
    from rag.chained import bare_pointer
    assert bare_pointer("what led to that?") and bare_pointer("when was that (who signed the lease)?")
    assert bare_pointer("has that happened before?") and bare_pointer("was that unusual?")
    assert bare_pointer("did that worry the pilots?") and bare_pointer("did that worry pilots?")
    assert not bare_pointer("did that lease lapse?") and not bare_pointer("what led to the strike?")


def test_a_clause_is_no_antecedent():
    from rag.chained import clause_like
    assert clause_like("the led") and clause_like("the still true") and clause_like("the happened")
    assert not clause_like("the renewed lease") and not clause_like("the ferry lease")


def test_it_reaches_through_questions_that_only_point():
    history = [Turn("did the ferry lease lapse?"), Turn("has that happened before?"), Turn("why was that?")]
    assert rewrite("when was it renewed?", history).text == "when was the ferry lease renewed?"
    assert rewrite("what was its term?", history[:2]).text == "what was the ferry lease's term?"


def test_reaching_through_needs_a_singular_noun_phrase():
    history = [Turn("why do the pilots object?"), Turn("what led to that?")]
    q = "when did it start?"
    assert reach(q, history, re.search(r"\bit\b", q)) is None
    assert reach(q, [Turn("did the lease lapse?"), Turn("did the lease end?")], re.search(r"\bit\b", q)) is None
