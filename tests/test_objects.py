"""A do-support subject's run ends at its verb when only a preposition and one-noun phrases follow
(``rag.objects.no_later_verb``), and an ordinal before a noun is an adjective (``rag.antecedents.noun_phrase``)."""

from rag.antecedents import noun_phrase, subject
from rag.objects import no_later_verb


def test_only_prepositional_phrases_after_the_run_hold_no_verb():
    assert no_later_verb("in the lease") and no_later_verb("to the port and the town") and no_later_verb("in 2023")
    assert not no_later_verb("with the town lapse") and not no_later_verb("with Oslo lapse")
    assert not no_later_verb("") and not no_later_verb("the lease")


def test_the_verb_after_do_support_is_not_part_of_the_subject():
    assert subject("what did the harbour board change in the lease?", plural=False) == "the harbour board"
    assert subject("did the ferry lease with the town lapse?", plural=False) == "the ferry lease"
    assert subject("did the ferry lease lapse in 2023?", plural=False) == "the ferry lease"


def test_an_ordinal_before_a_noun_opens_the_noun_phrase():
    assert noun_phrase("first harbour board".split()) == ["first", "harbour", "board"]
    assert noun_phrase("first signed".split()) == []
    assert subject("what did the first harbour board change in the lease?", plural=False) == "the first harbour board"
