"""An untyped fact question whose best sentences tie hears the leading article's tied ones (``ties.near_ties``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.ties import near_ties


def _tied():
    a = _cands("a", ["The pact set up forty joint projects.", "The pact centres on basic science.",
                     "Gulls nest on the old pier."], [1.0, 0.96, 0.5])
    b = _cands("b", ["The pact was renewed in May."], [0.97])
    return sorted(a + b, key=lambda c: -c.score)


def test_a_tie_of_the_leading_article_joins_an_untyped_fact_answer():
    cands = _tied()
    got, why = near_ties(_q("what kind of research is the pact centred on"), cands, cands[:1], ["best"])
    assert [c.text for c in got] == ["The pact set up forty joint projects.", "The pact centres on basic science."]
    assert why == ["best", "tie"]  # not the other article's tie, nor the far weaker sentence


def test_a_typed_question_keeps_its_one_sentence():
    cands = _tied()
    got, _ = near_ties(_q("when was the pact renewed", qtype="date"), cands, cands[:1], ["best"])
    assert got == cands[:1]
