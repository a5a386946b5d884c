"""rag.status: asked where the thing is headed, a named article's words of the moment join its forecasts, never
take their place."""
from types import SimpleNamespace as S

from rag.evidence import Candidate
from rag.status import forecasts_kept, with_status
from rag.text import terms


def _c(doc, text, score, at):
    return Candidate(0, S(kind="body", doc_id=doc, start=0), at, at + len(text), text, set(terms(text)), score=score)


def _q(text):
    return S(text=text, intent="compare", named_docs={"a", "b"}, state=True)


A = [_c("a", "The ferry plan brought many benefits.", 0.6, 0),
     _c("a", "It risks splitting the towns, potentially ending the route.", 0.5, 100),
     _c("a", "Finally, on May 3, the council renewed the ferry plan.", 0.1, 200)]
B = [_c("b", "The dock plan is popular.", 0.55, 1000)]


def test_an_outlook_question_keeps_each_articles_forecast_beside_its_status():
    chosen, why = with_status(_q("how does the harbor piece's outlook compare with the dock one's?"), A + B,
                              [A[0], A[1], B[0]], ["side", "side", "side"])
    texts = [c.text for c in chosen]
    assert "It risks splitting the towns, potentially ending the route." in texts  # the forecast stays
    assert "The ferry plan brought many benefits." not in texts  # the topic sentence gives way, as before
    assert why[-1] == "status" and texts[-1].startswith("Finally")


def test_a_question_of_where_things_stood_still_puts_the_status_in_the_last_topic_sentences_place():
    q = _q("the harbor piece and the dock one were written at different times: where did the plan stand in each?")
    chosen, _ = with_status(q, A + B, [A[0], A[1], B[0]], ["side", "side", "side"])
    assert [c.text for c in chosen] == ["The ferry plan brought many benefits.", "The dock plan is popular.",
                                        "Finally, on May 3, the council renewed the ferry plan."]


def test_only_sentences_saying_what_may_come_are_kept_and_only_for_an_outlook_question():
    q = _q("what's the outlook for the ferry per the harbor and dock pieces?")
    assert forecasts_kept(q, A) == {id(A[1])}
    assert forecasts_kept(_q("how did the harbor and dock pieces describe the ferry?"), A) == set()


def test_only_named_articles_compared_on_how_things_stand_are_vouched_for_by_their_names():
    from rag.status import standing_compared

    def q(text, docs=("a", "b"), state=False):
        return S(text=text, intent="compare", named_docs=set(docs), state=state)
    assert standing_compared(q("how does the harbor piece's outlook compare with the dock one's?", state=True))
    assert standing_compared(q("where is the ferry plan heading per the harbor and dock pieces?"))
    assert not standing_compared(q("how do the harbor and dock pieces differ on basketball?"))
    assert not standing_compared(q("how does the harbor piece's outlook compare with the deal?", docs="a", state=True))
