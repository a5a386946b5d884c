"""An overview of how things stand now hears the sentence naming the present period and what defines it
(``spread.present_period``, ``period.asks_now``, ``period.characterises_period``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.period import asks_now, characterises_period
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry ties between the islands are old.", "Ferry ties were renewed in May."], [0.9, 0.85])
    b = _cands("b", ["The renewal comes in an era defined by rivalry over the crossing."], [0.7])
    return sorted(a + b, key=lambda c: -c.score)


def test_an_overview_of_the_present_hears_the_sentence_characterising_it():
    got, _ = pick_spread(_q("what are the ferry ties like now", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("The renewal comes in an era")


def test_an_overview_not_asking_about_now_keeps_the_usual_order():
    got, _ = pick_spread(_q("what are the ferry ties like", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry ties were renewed")


def test_the_present_asked_and_characterised():
    assert asks_now("how are ties these days?") and asks_now("what's it like right now")
    assert not asks_now("now that it lapsed, what next?")
    assert characterises_period("It came at a moment marked by distrust.")
    assert not characterises_period("The moment passed quickly.")
