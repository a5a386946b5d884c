"""A vague whole-topic phrase ("this whole thing") is asked as the bare pointer it stands for (``rag.vague``)."""

from rag.followup import rewrite
from rag.vague import pointer_for_vague


def test_this_whole_thing_is_this():
    assert pointer_for_vague("when did this whole thing begin?") == "when did this begin?"
    assert pointer_for_vague("how old is that thing") == "how old is that"


def test_a_defined_or_particular_thing_stays():
    assert pointer_for_vague("why scrap the whole thing?") == "why scrap the whole thing?"
    assert pointer_for_vague("is this thing about ferries?") == "is this thing about ferries?"
    assert pointer_for_vague("what's that thing that changed?") == "what's that thing that changed?"


def test_a_first_question_is_asked_with_the_pointer():
    assert rewrite("what year did this whole thing start", []).text == "what year did this start"


def test_an_opening_pointer_reads_as_the_collection_subject():
    from rag.vague import about_subject

    subject = "the harbour lease (HL)"
    assert about_subject("why does it matter?", subject) == "why does the harbour lease matter?"
    assert about_subject("who is behind it?", subject) == "who is behind the harbour lease?"
    assert about_subject("what's the catch?", subject) == "what's the catch of the harbour lease?"
    assert about_subject("any downsides?", subject) == "any downsides of the harbour lease?"
    # a determiner names its own thing; a dummy "it" points at nothing; a complement is there already
    assert about_subject("why did that vote matter?", subject) == "why did that vote matter?"
    assert about_subject("is it true that fees rose?", subject) == "is it true that fees rose?"
    assert about_subject("what's the catch with the ferry?", subject) == "what's the catch with the ferry?"
    assert about_subject("hello there", subject) == "hello there"


def test_a_refusal_names_the_configured_subject():
    from rag.composing import abstention_message

    text = abstention_message([{"doc_id": "a", "title": "Fees rise", "outlet": "Port News"}], "the harbour lease")
    assert "They are about the harbour lease;" in text and "- Fees rise (Port News)" in text
