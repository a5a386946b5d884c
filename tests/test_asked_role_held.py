"""A person question asking the holder of a role ("who was the port's lead negotiator?") is answered only by a sentence
naming someone in that role; a titled name in another role ("signed by Mayor Ann Berg") is no holder of it
(``persons.holds_asked_role``, read in ``heldfor.held_for_question``), though any titled person holds a generic role
("which official signed it?")."""

from types import SimpleNamespace

from rag.heldfor import held_for_question
from rag.persons import holds_asked_role


def test_a_specific_role_must_be_named_with_the_person():
    assert not holds_asked_role("who was the port's lead negotiator?", "It was signed by Mayor Ann Berg.")
    assert not holds_asked_role("who was the ferry minister when it opened?", "Signed by President Lee Park.")
    assert holds_asked_role("who was the port's lead negotiator?", "Its chief negotiator, Dr Ann Berg, agreed.")
    assert holds_asked_role("which ferry ministers signed it?", "Ferry minister Ann Berg signed it.")
    assert holds_asked_role("which mayor signed the lease?", "It was signed by Mayor Ann Berg.")


def test_a_generic_role_or_no_role_asks_for_any_titled_person():
    assert holds_asked_role("which official signed the lease?", "It was signed by Mayor Ann Berg.")
    assert holds_asked_role("which two leaders signed it?", "Signed by President Lee Park and Mayor Ann Berg.")
    assert holds_asked_role("who signed it?", "It was signed by Mayor Ann Berg.")


def _query(text):
    return SimpleNamespace(text=text, person=True, qtype="name", day=False, measure="", era="")


def test_a_person_in_another_role_does_not_hold_the_asked_thing():
    sentence = "The lease was signed in 1990 by Mayor Ann Berg."
    assert held_for_question(1.0, sentence, _query("who was the port's lead negotiator?"), set()) == 0.0
    assert held_for_question(1.0, sentence, _query("which official signed the lease?"), set()) == 1.0
