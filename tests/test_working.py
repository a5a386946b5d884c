"""'How does X work (if Y is denied)?': "work" is the question's frame, and a correction stating the arrangement answers."""

from candkit import cands as _cands
from candkit import query as _q
from rag.answering import _prefer_typed
from rag.heldfor import shape_typed
from rag.reasons import CORRECTION_TYPED
from rag.whyask import asks_means_despite, asks_working, without_working


def test_work_is_the_frame_of_a_how_does_it_work_question_not_a_topic():
    assert asks_working("how does the ferry pact actually work day to day?")
    assert asks_working("how is the harbour levy supposed to work?")
    assert not asks_working("how can the ports keep working with each other?")  # "working with": a topic
    assert not asks_working("how does the pact let crews work together?")  # collaboration is asked about
    assert not asks_working("how will we know if the levy is working?")  # a sign, not a working
    assert without_working(["ferri", "pact", "work"], "why", "how does the ferry pact work?") == ["ferri", "pact"]
    assert without_working(["ferri", "work"], "fact", "how does the ferry pact work?") == ["ferri", "work"]  # not a how-question


def test_a_how_question_under_a_denied_premise_is_read_as_such():
    assert asks_means_despite("how does the pact work if nobody has to sail?")
    assert asks_means_despite("if the pact doesn't make anyone sail, how does it work?")
    assert not asks_means_despite("how does the pact work in winter?")
    assert not asks_means_despite("why did the pact fail if nobody objected?")  # a cause, not a working


def test_a_correction_stating_the_arrangement_answers_how_it_works_most_surely():
    q = _q("how does the pact work if nobody is forced to sail?", intent="why")
    fixed = "Instead, it is a framework that sets common fees for the ports that choose to join."
    assert shape_typed(q, fixed, 0.0) == CORRECTION_TYPED
    assert shape_typed(q, "The pact sets common fees.", 0.0) == 1.0  # a means, stated plainly
    assert shape_typed(q, "Sailing is not a duty but a choice.", 0.0) == 0.0  # a correction telling no arrangement
    assert shape_typed(_q("how does the pact actually work?", intent="why"), fixed, 0.0) == CORRECTION_TYPED  # its working
    assert shape_typed(_q("how could the pact help the ports?", intent="why"), fixed, 0.0) == 1.0  # a help: any means alike


def test_a_how_does_it_work_answer_leads_with_a_close_sentence_stating_the_arrangement():
    forced, frame = _cands("a", ["Forced sailing was banned in 1990.", "Instead, it is a framework that sets common fees."])
    forced.score, forced.typed, frame.score, frame.typed = 0.57, 0.0, 0.52, 1.5
    q = _q("how does the pact work if nobody is forced to sail?", intent="why", means=True)
    assert _prefer_typed([forced, frame], q) is frame
    far_frame = _cands("a", ["Forced sailing was banned in 1990.", "It sets fees."])
    far_frame[0].score, far_frame[1].score, far_frame[1].typed = 0.57, 0.3, 1.0
    assert _prefer_typed(far_frame, q) is far_frame[0]  # too far below to lead
    assert _prefer_typed([forced, frame], _q("how does the pact work?", intent="why")) is forced  # not a means question
