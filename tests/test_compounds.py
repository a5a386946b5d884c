"""A two-word name a definition question asks about that no passage writes (``rag.compounds``)."""

from types import SimpleNamespace

from rag.abstain import Evidence, Unknown, abstain_reason
from rag.compounds import defined_compound, unwritten_compound


def _passage(text):
    return SimpleNamespace(text=text)


def _query(text, about=False, naming=()):
    return SimpleNamespace(text=text, about_articles=about, naming=set(naming))


def test_a_two_word_name_no_passage_writes_is_an_unknown_name():
    """"What was the harbour initiative?" over passages using "harbour" and "initiative" apart: no passage says what
    that initiative was, so the question is about a name the articles never mention, and is refused."""
    passages = [_passage("The harbour reopened in May."), _passage("A regional initiative funds new ferries.")]
    unknown = unwritten_compound(Unknown([], [], []), _query("what was the harbour initiative and when did it end?"),
                                 passages, lambda t: True)
    assert unknown.entities == ["harbour initi"]
    assert abstain_reason(Evidence(unknown, 0.0, 1.0, 1.0, 0.6)) == "unknown_entity"


def test_a_two_word_name_a_passage_writes_is_answered():
    kept = Unknown([], [], [])
    written = [_passage("The Harbour Initiative, launched in 2019, funds new ferries.")]
    assert unwritten_compound(kept, _query("what was the harbour initiative?"), written, lambda t: True) is kept
    apart = [_passage("The harbour reopened in May.")]
    # a word the articles never use is judged by the unknown words already; an article's own name is no unknown thing
    assert unwritten_compound(kept, _query("what was the harbour initiative?"), apart, lambda t: t != "initi") is kept
    assert unwritten_compound(kept, _query("what is the harbour piece?", naming={"harbour"}), apart,
                              lambda t: True) is kept


def test_only_a_bare_definition_question_names_a_compound():
    assert defined_compound("what's the harbour initiative?") == ("harbour", "initi")
    assert defined_compound("what is the harbour initiative for?") == ()
    assert defined_compound("what's the worry exactly?") == ()
    assert defined_compound("what is this harbour thing?") == ()
    assert defined_compound("what is the harbour and ferry deal about?") == ()
