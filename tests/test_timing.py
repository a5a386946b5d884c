"""Which article was written before or after an event, read from how each speaks of it (``rag.timing``)."""

from types import SimpleNamespace as S

from candkit import cands as _cands
from candkit import query as _q
from rag.schema import Passage
from rag.timing import act_stems, pick_timed, placed, tells_done, tells_pending, time_asked, timed_of, timed_opening, timed_pool


def _card(doc: str, text: str) -> Passage:
    return Passage(chunk_id=f"{doc}:card", doc_id=doc, text=text, start=0, end=len(text), sentences=[(0, len(text))],
                   kind="metadata")


def _harbour():
    """Three made-up articles on a ferry lease: one before its renewal, one after it, one that never speaks of it."""
    before = _cands("old", ["But today the ferry lease is due to lapse yet again.",
                            "Renewal of the lease could rebuild trust between the towns.",
                            "The ferry has run since 1962."], [0.5, 0.8, 0.4])
    after = _cands("new", ["Since 1962 the towns have renewed the lease every five years.",
                           "Finally, on May 3, the two towns renewed the lease for ten years.",
                           "A renewed lease could still be cancelled."], [0.9, 0.6, 0.7])
    silent = _cands("other", ["The ferry carries 400 people a day."], [0.95])
    cands = sorted(before + after + silent, key=lambda c: -c.score)
    cards = [_card("old", 'The article "Let the ferry sail" was published by Harbour Weekly.'),
             _card("new", 'The article "Lease renewed" was written by Ann Lee.')]
    return cands, [c.passage for c in cands] + cards


def test_which_article_by_its_time_is_read_with_the_event():
    assert time_asked("which of the articles was written before the lease was renewed?") == ("before", "the lease was renewed")
    assert time_asked("which one came out after the renewal?") == ("after", "the renewal")
    assert time_asked("which piece is from before the vote") == ("before", "the vote")


def test_a_question_not_picking_an_article_by_its_time_is_not_read():
    assert time_asked("when was the piece written?") == ()
    assert time_asked("who wrote the piece published after the vote?") == ()
    assert time_asked("which ferries were renewed after the storm?") == ()


def test_the_event_is_named_by_its_act_not_by_a_light_verb():
    assert act_stems("the lease was renewed") == {"renew"}
    assert act_stems("the renewal actually happened") == {"renew"}
    assert act_stems("the talks") == set()


def test_a_past_act_is_done_a_modal_or_a_describing_participle_is_not():
    assert tells_done("Finally, on May 3, the two towns renewed the lease for ten years.", {"renew"})
    assert tells_done("The renewal on Dec. 13 was an important step.", {"renew"})
    assert not tells_done("A renewed lease could still be cancelled.", {"renew"})
    assert not tells_done("Since 1962 the towns have renewed the lease every five years.", {"renew"})  # earlier rounds
    assert tells_pending("Renewal of the lease could rebuild trust between the towns.", {"renew"})
    assert not tells_pending("But today the ferry lease is due to lapse yet again.", {"renew"})  # no word of the act


def test_each_article_is_placed_by_all_it_says_of_the_event():
    cands, _ = _harbour()
    assert placed(cands, {"renew"}) == {"old": "before", "new": "after"}  # "other" never speaks of it


def test_before_answers_with_the_card_where_things_stood_and_the_pending_act():
    cands, passages = _harbour()
    got, why = pick_timed(_q("which article was written before the renewal?", timed=("before", "the renewal")),
                          cands, passages)
    assert [c.text for c in got] == ['The article "Let the ferry sail" was published by Harbour Weekly.',
                                     "But today the ferry lease is due to lapse yet again.",
                                     "Renewal of the lease could rebuild trust between the towns."]
    assert why == ["card", "timed", "timed"]


def test_after_answers_with_the_card_and_the_dated_act_done():
    cands, passages = _harbour()
    got, _ = pick_timed(_q("which piece came out after the renewal?", timed=("after", "the renewal")), cands, passages)
    assert [c.doc_id for c in got] == ["new", "new"]
    assert got[1].text.startswith("Finally, on May 3")


def test_no_article_placed_leaves_the_question_to_the_usual_answer():
    cands, passages = _harbour()
    assert pick_timed(_q("which one was written before the vote?", timed=("before", "the vote")), cands, passages) is None
    assert pick_timed(_q("which one was written before the renewal?"), cands, passages) is None


def test_the_pool_gets_every_passage_and_card_of_its_articles():
    p1, p2, card = S(chunk_id="a:0", doc_id="a"), S(chunk_id="a:1", doc_id="a"), S(chunk_id="a:card", doc_id="a")
    retriever = S(bodies=lambda docs: [p1, p2] if docs == ["a"] else [], cards_for=lambda docs: [card])
    got = timed_pool(retriever, S(timed=("before", "the renewal")), [p1])
    assert [p.chunk_id for p in got] == ["a:1", "a:card"]
    assert timed_pool(retriever, S(timed=()), [p1]) == []


def test_an_articles_timing_set_against_the_others_is_read_apart():
    assert timed_of("how is the timing of the A piece different from the others?", {"a"}) == ("apart", "")
    assert timed_of("was A written at a different time from the rest?", {"a"}) == ("apart", "")
    assert timed_of("what was the timing of the vote?", set()) == ()  # no article set against another
    assert timed_of("was A written before the vote and B after?", {"a", "b"}) == ()  # ``status.written_apart``
    assert timed_of("which one came out after the renewal?", set()) == ("after", "the renewal")


def test_timings_apart_give_each_articles_card_and_where_things_stood_named_first():
    cands, passages = _harbour()
    q = _q("how is the timing of the new piece different from the others?", timed=("apart", ""), named_docs={"new"})
    got, why = pick_timed(q, cands, passages)
    assert [c.doc_id for c in got] == ["new", "new", "old", "old"]
    assert got[1].text.startswith("Finally, on May 3") and got[3].text.startswith("But today")
    assert why == ["card", "status", "card", "status"]
    assert timed_opening(q) == ""
    assert timed_opening(_q("x", timed=("before", "the vote"))) == "Written before it — "


def test_timings_apart_without_the_named_articles_own_time_are_left_to_the_usual_answer():
    cands, passages = _harbour()
    q = _q("how does the timing of the other piece compare?", timed=("apart", ""), named_docs={"other"})
    assert pick_timed(q, cands, passages) is None
