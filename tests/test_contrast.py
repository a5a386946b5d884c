from types import SimpleNamespace as S

from rag.contrast import COMPARE_THESIS, thesis_first
from rag.evidence import Candidate
from rag.text import terms, topic_text


def _c(text, score, doc="a"):
    return Candidate(0, S(kind="body", doc_id=doc), 0, len(text), text, set(terms(text)), score=score)


def test_correcting_sentence_wins_a_near_tie_in_a_named_comparison():
    plain, thesis = _c("The ferry remains a part of harbour life.", 0.52), _c("The ferry is not a luxury but a lifeline.", 0.50)
    out = thesis_first(S(named_docs={"a", "b"}, sides=[]), [plain, thesis])
    assert out[0].text == thesis.text and abs(out[0].score - (0.50 + COMPARE_THESIS)) < 1e-9


def test_far_better_sentence_and_sided_comparisons_are_left_alone():
    plain, thesis = _c("The ferry remains a part of harbour life.", 0.70), _c("The ferry is not a luxury but a lifeline.", 0.50)
    assert thesis_first(S(named_docs={"a", "b"}, sides=[]), [plain, thesis])[0] is plain
    assert thesis_first(S(named_docs={"a", "b"}, sides=[["port"], ["council"]]), [plain, thesis])[0] is plain


def test_framing_and_habitual_words_carry_no_topic():
    assert terms(topic_text("per the dock column, how is it different from how it used to be?")) == ["dock", "column", "differ"]
    assert "use" in terms(topic_text("what boats are used to carry cars?"))
