"""rag.outlook: a comparison of named articles asking where the thing is headed hears each one's forecasts."""
from types import SimpleNamespace as S

from rag.evidence import Candidate
from rag.outlook import asks_heading, outlook_first, prospective
from rag.text import terms


def _c(text, score, doc="a", kind="body", at=0):
    return Candidate(0, S(kind=kind, doc_id=doc), at, at + len(text), text, set(terms(text)), score=score)


def _q(text, docs=("a", "b"), sides=()):
    return S(named_docs=set(docs), sides=list(sides), text=text)


def test_outlook_questions_are_told_from_others():
    for q in ("how does the A piece's take on the plan's future compare with B's?",
              "where are the port and the council pieces saying the ferry is headed?",
              "compare the outlook of the A article with the B one", "what are the prospects for the pier per A and B?"):
        assert asks_heading(q), q
    for q in ("how do A and B describe the new fares?", "where was the deal signed?", "which article came first?"):
        assert not asks_heading(q), q


def test_forecast_markers_are_counted_by_kind():
    assert prospective("The plan risks splitting the towns, potentially ending the route.") == 2
    assert prospective("Its success will depend on trust.") == 1
    assert prospective("The pier is evolving from a dock into a market.") == 1
    assert prospective("The ferry's fate hangs in the balance as its lease remains uncertain.") == 1


def test_past_reported_and_described_modals_forecast_nothing():
    assert prospective("A lapse might have had little effect.") == 0  # a past counterfactual
    assert prospective("The fear is that the ferry could sink.") == 0  # a fear reported
    assert prospective("It bans boats that could carry cars.") == 0  # a modal describing a noun
    assert prospective("Do they have the political will to sign?") == 0  # "will" the noun
    assert prospective("The plan's future became uncertain in May.") == 0  # a past state


def test_forecast_takes_the_articles_ranks_and_its_best_keeps_the_lead():
    best, topic = _c("The ferry's future became uncertain in May.", 0.8, at=0), _c("The ferry got two extensions.", 0.7, at=50)
    fore = _c("It risks splitting the towns, potentially ending the route.", 0.3, at=100)
    other = _c("The council runs the pier.", 0.6, doc="b")
    out = outlook_first(_q("how do A and B see the ferry's future?"), [best, topic, other, fore])
    mine = [c for c in out if c.doc_id == "a"]
    assert [c.text for c in mine] == [best.text, fore.text, topic.text]
    assert [c.score for c in mine] == [0.8, 0.7, 0.3]  # scores unchanged: the bars set by the best stay put
    assert [c for c in out if c.doc_id == "b"] == [other]


def test_other_questions_keep_their_order():
    cands = [_c("The ferry got two extensions.", 0.7), _c("It risks splitting the towns.", 0.3)]
    assert outlook_first(_q("how do A and B see the ferry's future?", docs=("a",)), cands) is cands  # one article
    assert outlook_first(_q("how do A and B see the ferry's future?", sides=(["port"], ["council"])), cands) is cands
    assert outlook_first(_q("how do A and B describe the new fares?"), cands) is cands  # no outlook asked
