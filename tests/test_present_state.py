"""An overview of how things stand now, with no sentence naming the present period, hears the sentence saying what
the matter has become (``course.present_state``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["Port fears over smuggling have sharpened the harbour board's view.",
                     "Ferry ties were renewed in May."], [0.9, 0.85])
    b = _cands("b", ["Amid a fare dispute, crossings between the islands have become increasingly rare."], [0.6])
    return sorted(a + b, key=lambda c: -c.score)


def test_an_overview_of_the_present_hears_what_the_matter_has_become():
    got, _ = pick_spread(_q("how are the ferry ties doing these days", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Amid a fare dispute")


def test_not_asked_about_now_keeps_the_usual_order():
    got, _ = pick_spread(_q("how are the ferry ties doing", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry ties were renewed")
