"""Two verdict shapes read right: "make changes to X" asks whether X was changed, no duty (``polarity._ASKED_DUTY``: a
denied duty, "does not mandate", answered it No), and "a shift away from X" leaves X (``polarity._NEG_PHRASES``)."""

from rag.polarity import duty_denied, negations, verdict


def test_make_with_its_object_and_a_preposition_asks_no_duty():
    denied = "The lease does not mandate any ferry service."
    assert not duty_denied("did the port make changes to the lease too?", denied)
    assert not duty_denied("did the council make changes in the ferry rules?", denied)
    assert duty_denied("does the lease make skippers carry a pilot?", denied)
    assert duty_denied("does the lease make the ports run ferries?", denied)


def test_a_turn_away_from_a_thing_denies_it():
    assert negations("A shift away from night ferries toward day runs.") == 1
    assert negations("The port is moving away from barges.") == 1
    assert negations("They moved the ferry away.") == 0
    assert verdict("does the port plan back night ferries?", "A shift away from night ferries toward day runs.") == "no"
    assert verdict("does the port plan back day runs?", "The port backs day runs.") == "yes"


def test_a_name_after_a_documents_noun_and_of_is_a_document_the_articles_never_mention():
    from rag.docnames import document_name, named_after

    known = {"ferri", "cooper", "lease", "sign"}.__contains__
    assert named_after("when was the treaty of versailles signed?", known) == {"versaill"}
    assert "versaill" in document_name("when was the treaty of versailles signed?", known)
    assert named_after("was the lease modeled on the treaty of rome?", known) == {"rome"}
    assert named_after("were protocols of cooperation signed?", known) == set()  # what it is about, a word they use
    assert named_after("is it a pact of friendship?", known) == set()  # an everyday word describes the pact
    assert named_after("the lease of 1990", known) == set()


def test_a_short_parenthesis_is_read_in_the_clause_it_glosses():
    from rag.polarity import focus_clause

    s = "Notes: a move away from split ports (full separation) toward links"
    assert focus_clause("do they back full separation?", s) == "a move away from split ports full separation toward links"
    assert verdict("do they back full separation?", s) == "no"
    assert verdict("does it cover barges (big boats)?", "It covers barges (big boats) and ferries.") == "yes"
