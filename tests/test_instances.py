"""rag.instances: a named article's closest sentence holding none of the question's words joins a comparison."""

from types import SimpleNamespace as S

from rag.evidence import Candidate
from rag.instances import named_instances, unworded_closest


def _c(doc, text, score, overlap, sim, start):
    return Candidate(0, S(kind="body", doc_id=doc, authors=["Ann Lee"]), start, start + 1, text, set(), score=score, overlap=overlap, sim=sim)


A1 = _c("a", "The port faces serious risks.", 0.8, 1.0, 0.5, 0)
A2 = _c("a", "Storms and silting threaten it.", 0.3, 0.0, 0.4, 2)
B1 = _c("b", "Risks at the dock are many.", 0.7, 1.0, 0.5, 0)
B2 = _c("b", "It sells fish.", 0.2, 0.0, 0.1, 2)


def test_each_named_article_gives_its_unworded_sentence():
    q = S(intent="compare", named_docs={"a", "b"}, sides=[], within=False, about_articles=False, more=False)
    chosen, why = named_instances(q, [A1, B1, A2, B2], [A1, B1], ["side", "side"])
    assert [c.text for c in chosen] == [A1.text, B1.text, A2.text]  # b's only unworded sentence is far in meaning
    assert why[-1] == "unworded"


def test_not_for_one_article_sides_or_within():
    base = dict(intent="compare", named_docs={"a", "b"}, sides=[], within=False, about_articles=False, more=False)
    for change in (dict(named_docs={"a"}), dict(sides=[["x"], ["y"]]), dict(within=True), dict(intent="fact"), dict(more=True)):
        q = S(**{**base, **change})
        assert named_instances(q, [A1, B1, A2], [A1, B1], ["side", "side"])[0] == [A1, B1]


def test_none_when_a_chosen_sentence_already_holds_none_of_the_words():
    assert unworded_closest("a", [A1, A2], [A1, A2]) is None


def test_not_a_note_naming_the_writer():
    note = _c("a", "The following is an excerpt from Ann Lee's essay.", 0.3, 0.0, 0.45, 4)
    assert unworded_closest("a", [A1, note, A2], [A1]) is A2
