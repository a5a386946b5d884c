"""An overview hears the sentence holding far more of the question's words than any chosen one, even when its
article was heard twice already (``wording.richer_in_words``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry pact shapes island life.", "Island schools rely on daily sailings.",
                     "The pact now limits crossings to daytime."], [0.9, 0.88, 0.8])
    b = _cands("b", ["Ferry travel shapes the islands."], [0.85])
    for c, overlap in zip(a + b, (0.3, 0.3, 0.6, 0.3)):
        c.overlap = overlap
    return sorted(a + b, key=lambda c: -c.score)


def test_an_overview_hears_the_sentence_richest_in_the_question_words_past_the_article_cap():
    got, why = pick_spread(_q("big picture on ferry crossings", intent="overview"), _ferry_cands(), limit=3)
    assert got[-1].text.startswith("The pact now limits") and why[-1] == "richer_in_words"
    assert len(got) == 3


def test_other_shapes_keep_the_usual_choice():
    got, why = pick_spread(_q("why do ferry crossings matter", intent="why"), _ferry_cands(), limit=3)
    assert not any(c.text.startswith("The pact now limits") for c in got) and "richer_in_words" not in why
