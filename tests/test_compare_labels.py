"""A comparison's answer names each article before its sentences (``composing.source_label``): the reader sees which
side is whose without opening the citations; other answers read as before."""

from rag.answering import Decision
from rag.composing import compose
from rag.evidence import Candidate
from rag.schema import Passage


def _cand(doc: str, outlet: str, title: str, text: str) -> Candidate:
    p = Passage(f"{doc}:0", doc, text, 0, len(text), [(0, len(text))], title=title, outlet=outlet)
    return Candidate(0, p, 0, len(text), text, set())


def test_each_article_of_a_comparison_is_named_once_before_its_sentences():
    a = _cand("a", "Port News", "Fees rise", "Fees rose by a tenth.")
    b = _cand("b", "", "", "Fees held steady.")
    text, cites = compose(Decision([a, b], False, signals={"intent": "compare"}))
    assert text == "Port News: Fees rose by a tenth. [1] An article with no headline or outlet: Fees held steady. [2]"
    assert [c.doc_id for c in cites] == ["a", "b"]


def test_a_comparison_from_one_article_and_other_answers_are_not_labelled():
    a = _cand("a", "Port News", "Fees rise", "Fees rose by a tenth.")
    b = _cand("b", "", "Harbour Notes", "Fees held steady.")
    assert compose(Decision([a], False, signals={"intent": "compare"}))[0] == "Fees rose by a tenth. [1]"
    assert compose(Decision([a, b], False, signals={"intent": "overview"}))[0] == \
        "Fees rose by a tenth. [1] Fees held steady. [2]"
