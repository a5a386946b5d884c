"""Articles set against each other by when they were written around one event (``rag.timesides``, ``rag.timing``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.schema import Passage
from rag.timesides import times_apart
from rag.timing import pick_timed, timed_of, timed_opening


def _card(doc: str, text: str) -> Passage:
    return Passage(chunk_id=f"{doc}:card", doc_id=doc, text=text, start=0, end=len(text), sentences=[(0, len(text))],
                   kind="metadata")


def _harbour(after_docs=("new",)):
    """Made-up articles on a ferry lease: one written before its renewal, one (or two) after it, one silent on it."""
    before = _cands("old", ["But today the ferry lease is due to lapse yet again.",
                            "Renewal of the lease could rebuild trust between the towns.",
                            "The ferry has run since 1962."], [0.5, 0.8, 0.4])
    after = [c for i, d in enumerate(after_docs) for c in _cands(d, [
        "Finally, on May 3, the two towns renewed the lease for ten years.", "The ferry carries cars too."],
        [0.6 - i / 10, 0.3])]
    silent = _cands("other", ["The ferry carries 400 people a day."], [0.95])
    cands = sorted(before + after + silent, key=lambda c: -c.score)
    cards = [_card(d, f'The article "{d}" was published by Harbour Weekly.') for d in ("old", *after_docs)]
    return cands, [c.passage for c in cands] + cards


def test_an_article_before_an_event_set_against_those_after_is_read_with_the_event():
    assert times_apart("how does the piece written before the vote differ from the ones written after?") == \
        ("both", "the vote differ from")
    assert times_apart("the mood of the pre-vote article vs the ones that came out after, how do they compare?") == \
        ("both", "the vote")
    assert times_apart("how do the post-merger articles compare with the one published before it?") == ("both", "the merger")


def test_one_time_alone_or_no_article_picked_by_its_time_is_not_read():
    assert times_apart("which piece was written before the vote?") == ()
    assert times_apart("how do the articles written after the vote differ?") == ()
    assert times_apart("what happened before the vote and what after?") == ()
    assert times_apart("how does the old lease differ from the new one?") == ()


def test_timed_of_reads_both_times_named_articles_or_not():
    assert timed_of("how does the piece written before the renewal differ from the ones written after?", set()) == \
        ("both", "the renewal differ from")
    assert timed_of("how does the piece written before the renewal differ from the A one written after?", {"a"}) == \
        ("both", "the renewal differ from")
    # "what does the piece written before X say…" asks for one article by its time, unless the other time is set against it
    assert timed_of("what does the piece written before the renewal say vs the ones written after?", set())[0] == "both"
    assert timed_of("what does the piece written before the renewal say?", set())[0] == "before"


def test_both_times_answer_with_the_before_article_first_then_the_after_one():
    cands, passages = _harbour()
    q = _q("how does the piece written before the renewal differ from the ones written after?",
           timed=("both", "the renewal differ"))
    got, why = pick_timed(q, cands, passages)
    assert [c.doc_id for c in got] == ["old", "old", "old", "new", "new"]
    assert got[1].text.startswith("But today") and got[4].text.startswith("Finally, on May 3")
    assert why == ["card", "timed", "timed", "card", "timed"]
    assert timed_opening(q) == ""  # neither "Written before it" nor "after it": both are shown


def test_a_side_naming_its_article_is_that_article_alone():
    cands, passages = _harbour(("new", "newer"))
    q = _q("x", timed=("both", "the renewal"), named_docs={"newer"})
    assert [c.doc_id for c in pick_timed(q, cands, passages)[0]] == ["old"] * 3 + ["newer"] * 2
    assert [c.doc_id for c in pick_timed(_q("x", timed=("both", "the renewal")), cands, passages)[0]][3:] == \
        ["new", "new", "newer", "newer"]


def test_one_time_unplaced_leaves_the_question_to_the_usual_answer():
    cands, passages = _harbour(())
    assert pick_timed(_q("x", timed=("both", "the renewal")), cands, passages) is None  # no article after it
    assert pick_timed(_q("x", timed=("both", "the vote")), *_harbour()) is None  # no article speaks of a vote
