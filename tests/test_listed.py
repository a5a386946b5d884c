"""The things an answer listed of the asked kind (``rag.listed``), kept with the turn from all it quoted, and a short
"why" follow-up pointing at them asked with the last question and those things (``rag.followup``)."""

from types import SimpleNamespace

from rag.followup import SAID_CHARS, Turn, rewrite, turn_of
from rag.listed import asked_kind, asks_why_listed, listed_things

LEAD = "In May the harbour board met in the old town hall after a long and stormy winter of talks. " * 6
LISTING = "The new plan bans fishing gear such as drift nets and lobster traps."


def test_the_asked_kind_is_a_singular_or_plural_noun_before_the_verb():
    assert asked_kind("what gear was left out of the new plan?") == "gear"
    assert asked_kind("which ports were closed?") == "ports"
    assert asked_kind("what gear does the plan ban?") == "gear"
    assert asked_kind("what of the plan was changed?") == ""
    assert asked_kind("why was the plan changed?") == ""


def test_a_list_of_the_asked_kind_is_found_whatever_its_noun_form():
    assert listed_things("what gear got banned?", LISTING) == "drift nets and lobster traps"
    assert listed_things("which techs were cut?", "It cut technologies such as radar and sonar.") == "radar and sonar"
    assert listed_things("what boats were banned?", LISTING) == ""


def test_a_modifier_of_the_asked_noun_must_be_carried_by_the_list():
    said = "It keeps safe areas such as the bay. It closes fishing areas such as the reef and the shoal."
    assert listed_things("which fishing areas were closed?", said) == "the reef and the shoal"
    assert listed_things("which fishing areas were closed?", "It keeps safe areas such as the bay.") == ""


def test_a_short_why_follow_up_pointing_at_the_things_asks_about_them():
    assert asks_why_listed("why did they drop it?", "nets")
    assert asks_why_listed("so why leave that stuff out?", "nets")
    assert asks_why_listed("how come they banned them?", "nets")
    assert not asks_why_listed("why did they drop it?", "")  # the answer listed nothing of the kind
    assert not asks_why_listed("when did they drop it?", "nets")  # not a reason
    assert not asks_why_listed("why did they leave those out?", "nets")  # "those" is replaced by the things instead
    assert not asks_why_listed("why did the board drop it after the long winter talks in the town hall?", "nets")


def _answer(question, text):
    cite = SimpleNamespace(title="T", outlet="O", doc_id="d", authors=[], start=0, kind="body", text=text,
                           quotes=[(0, len(text))])
    return SimpleNamespace(citations=[cite], rewritten_question=None, question=question)


def test_the_turn_keeps_a_list_quoted_after_the_kept_text():
    text = LEAD + LISTING
    assert len(LEAD) > SAID_CHARS  # the listing sentence is past what the turn keeps of the answer's words
    t = turn_of(_answer("what gear was left out of the new plan?", text))
    assert LISTING not in t.said
    assert t.listed == "drift nets and lobster traps"


def test_why_did_they_drop_it_is_asked_with_the_question_and_the_things_listed():
    last = Turn("what gear was left out of the new plan?", said=LEAD[:SAID_CHARS], listed="drift nets and lobster traps")
    assert rewrite("why did they drop it?", [last]).text == \
        "why did they drop it (what gear was left out of the new plan: drift nets and lobster traps)?"


def test_without_a_list_the_follow_up_keeps_its_old_reading():
    last = Turn("what gear was left out of the new plan?", said=LEAD[:SAID_CHARS])
    assert "drift nets" not in rewrite("why did they drop it?", [last]).text
