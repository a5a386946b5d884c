from types import SimpleNamespace as S

from rag.evidence import Candidate
from rag.narrative import asks_narrative, dated_event, dates_in, steps_before
from rag.text import terms


def _c(text, score, doc="a"):
    return Candidate(0, S(kind="body", doc_id=doc), 0, len(text), text, set(terms(text)), score=score)


def test_a_story_asked_for_brings_the_best_dated_event():
    lapse = _c("The ferry licence twice got short extensions and is due to lapse again.", 1.0)
    other = _c("Harbour traffic keeps growing every season on the north side.", 0.9)
    renewed = _c("On March 3 the council renewed the licence, effective from January 9.", 0.6)
    year = _c("The licence was first granted in 1950.", 0.7)
    cands = [lapse, other, year, renewed]
    assert dated_event(asks_narrative("walk me through the licence saga"), cands, [lapse]) is renewed
    assert dated_event(asks_narrative("what's the story with the licence lapsing?"), cands, [lapse]) is renewed


def test_no_dated_event_without_a_story_asked_or_with_a_date_heard_or_too_weak():
    lapse = _c("The ferry licence twice got short extensions and is due to lapse again.", 1.0)
    weak = _c("On March 3 the council renewed the licence.", 0.3)
    dated = _c("In 1950 the licence was first granted to the ferry.", 0.9)
    assert dated_event(asks_narrative("why did the licence lapse?"), [lapse, dated], [lapse]) is None
    assert dated_event(asks_narrative("walk me through the licence saga"), [dated, lapse], [dated]) is None
    assert dated_event(asks_narrative("walk me through the licence saga"), [lapse, weak], [lapse]) is None


def test_narrative_cues_and_dates_are_general_english():
    assert asks_narrative("quick history of how it was renewed?") and not asks_narrative("what's the update story say?")
    assert dates_in("over the last year") == 0 and dates_in("on Dec. 13, and in 2024") == 2


def _at(text, start, doc="a"):
    return Candidate(0, S(kind="body", doc_id=doc, start=0), start, start + len(text), text, set(terms(text)), score=0.5)


def test_a_story_closed_by_finally_brings_the_steps_told_before_it():
    prior = _at("Harbour traffic grew all through the decade.", 0)            # 0..44
    expired = _at("Its ten-year term expired in May.", 46)                     # 46..79, a paragraph break before
    extended = _at("The licence got two short extensions.", 80)                # 80..117
    ended = _at("Finally, on March 3, the council renewed the licence.", 119)  # a paragraph break before
    cands = [ended, prior, expired, extended]
    assert steps_before(True, cands, [ended]) == [expired, extended]
    assert steps_before(False, cands, [ended]) == []  # no story asked: the outcome alone answers
    assert steps_before(True, cands, [extended]) == []  # no closing sentence chosen
    assert steps_before(True, cands, [extended, ended]) == []  # the step before is already told


def test_a_closing_sentence_heard_alone_or_after_another_ending_brings_nothing_more():
    first = _at("Eventually the pier reopened.", 0)
    ended = _at("In the end, the council renewed the licence.", 30)
    assert steps_before(True, [first, ended], [ended]) == []  # the one before closes a story of its own
    assert steps_before(True, [ended], [ended]) == []
