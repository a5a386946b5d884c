"""rag.instances: a named article's closest sentence holding none of the question's words joins a comparison."""

from types import SimpleNamespace as S

from rag.evidence import Candidate
from rag.instances import named_instances, unworded_closest


def _c(doc, text, score, overlap, sim, start):
    return Candidate(0, S(kind="body", doc_id=doc), start, start + 1, text, set(), score=score, overlap=overlap, sim=sim)


A1 = _c("a", "The port faces serious risks.", 0.8, 1.0, 0.5, 0)
A2 = _c("a", "Storms and silting threaten it.", 0.3, 0.0, 0.4, 2)
B1 = _c("b", "Risks at the dock are many.", 0.7, 1.0, 0.5, 0)
B2 = _c("b", "It sells fish.", 0.2, 0.0, 0.1, 2)


def test_each_named_article_gives_its_unworded_sentence():
    q = S(named_docs={"a", "b"}, sides=[], within=False)
    chosen, why = named_instances(q, [A1, B1, A2, B2], [A1, B1], ["side", "side"])
    assert [c.text for c in chosen] == [A1.text, B1.text, A2.text]  # b's only unworded sentence is far in meaning
    assert why[-1] == "unworded"


def test_not_for_one_article_sides_or_within():
    for q in (S(named_docs={"a"}, sides=[], within=False), S(named_docs={"a", "b"}, sides=[["x"], ["y"]], within=False),
              S(named_docs={"a", "b"}, sides=[], within=True)):
        assert named_instances(q, [A1, B1, A2], [A1, B1], ["side", "side"])[0] == [A1, B1]


def test_none_when_a_chosen_sentence_already_holds_none_of_the_words():
    assert unworded_closest("a", [A1, A2], [A1, A2]) is None
