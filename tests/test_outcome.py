"""A comparison hearing that a thing's fate was in doubt also hears how it ended (rag.outcome.outcome_after)."""

from types import SimpleNamespace as S

from candkit import cands

from rag.compare import pick_compare


def _q():
    return S(sides=[], named_docs=set(), within=False, intent="compare", text="", two_times=False, terms=[])


def _harbour(opener):
    return cands("harbour", ["The ferry's future became uncertain when its licence ran out in May.",
                             "The town granted it two short extensions.",
                             f"{opener} on June 3, the council renewed the licence for five years."], [0.70, 0.30, 0.20])


def test_a_doubt_brings_the_sentence_telling_its_outcome():
    pool = _harbour("Finally,") + cands("port", ["The port's ferry future hangs on fares."], [0.66], start=500)
    chosen, why = pick_compare(_q(), pool)
    texts = [c.text for c in chosen]
    assert "outcome" in why and texts[texts.index(pool[0].text) + 1].startswith("Finally, on June 3")


def test_no_outcome_opener_or_no_doubt_leaves_the_answer_alone():
    pool = _harbour("Then,") + cands("port", ["The port's ferry future hangs on fares."], [0.66], start=500)
    assert "outcome" not in pick_compare(_q(), pool)[1]  # "Then" tells the next step, not how the story ended
    calm = cands("harbour", ["The ferry's future looks bright after its licence ran out in May.",
                             "Finally, on June 3, the council renewed the licence."], [0.70, 0.20])
    assert "outcome" not in pick_compare(_q(), calm + pool[3:])[1]
