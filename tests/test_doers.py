"""A "who <did it>?" question's act, which the sentence naming its doer must tell (``rag.doers``)."""

from rag.doers import asked_act, tells_act
from rag.heldfor import held_for_question
from rag.query import Query
from rag.text import terms


def test_the_person_asked_by_an_act_is_named_by_a_sentence_telling_it():
    """"The official who signed the lease": a sentence introducing some titled person ("Dr Lee is a professor…")
    names a person but not the signatory, so it holds no answer; one telling of the signing does."""
    text = "what's the name of the harbour official who signed the lease?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype="name", person=True)
    assert held_for_question(1.0, "Dr Ann Lee is a professor at the Harbour Institute.", q, set()) == 0.0
    assert held_for_question(0.0, "The lease was signed by Mayor Ann Berg.", q, set()) == 1.0


def test_only_a_verb_after_who_is_an_asked_act():
    assert asked_act("who signed the lease?") == "sign"
    assert asked_act("who is the harbour official?") == "" and asked_act("which official signed it?") == ""
    assert tells_act("who is the harbour official?", "Dr Ann Lee is a professor.")
