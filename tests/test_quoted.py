"""A question asking for a text's own words ("the exact wording of…") or for a procedure step by step is answered only
by a sentence quoting several words or ordering steps; a sentence that only names the clause or the procedure leaves it
open (``rag.quoted``). An example asked for after "like" ("…, like a specific discovery") asks for one named instance
(``asksfor.asks_specifics``)."""

from rag.abstain import Evidence, Unknown, abstain_reason
from rag.asksfor import asks_specifics
from rag.quoted import asked_form, form_shown


def test_the_form_asked_is_read_from_words_asking_for_wording_or_steps():
    assert asked_form("what's the exact wording of the berth clause?") == "wording"
    assert asked_form("can you quote the ferry rule word for word?") == "wording"
    assert asked_form("give me the verbatim text of the fare clause") == "wording"
    assert asked_form("explain step by step how a ferry licence is granted") == "steps"
    assert asked_form("walk me through each step of an appeal") == "steps"
    assert asked_form("what does the berth clause say?") == ""  # what it says, in any words
    assert asked_form("what steps did the port take to cut fares?") == ""  # measures taken, not a procedure


def test_only_a_quotation_of_several_words_or_ordered_steps_gives_the_form():
    assert form_shown("wording", ["The clause bars “any vessel over forty tonnes” from the inner harbour."])
    assert not form_shown("wording", ["The port calls it “de-risking”."])  # one term in quotes is no wording of a clause
    assert not form_shown("wording", ["The clause keeps large ships out of the inner harbour."])
    assert form_shown("steps", ["A claim is filed with the board, then a panel hears it."])
    assert not form_shown("steps", ["The revision includes provisions on appeals."])
    assert form_shown("", [])


def test_a_close_sentence_without_the_form_asked_is_a_refusal():
    kept = Evidence(Unknown([], [], []), 0.1, 0.6, 0.6, 0.6)
    assert abstain_reason(kept) == ""
    kept.formed = False
    assert abstain_reason(kept) == "form_not_given"


def test_an_example_asked_after_like_is_one_specific_instance():
    assert asks_specifics("what did the ferry deal bring, like a specific new route?")
    assert not asks_specifics("what did the ferry deal bring, like new routes?")
