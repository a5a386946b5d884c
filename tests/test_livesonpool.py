"""A question whether a thing lives on: searched once more by the words of an end or survival; the answer leads."""

from dataclasses import dataclass, field
from types import SimpleNamespace as N

from candkit import RecordingRetriever
from rag.livesonpool import (LIVES_ON_WORDS, asks_lives_on, lives_on_first, lives_on_pool, lives_on_told, tells_renewal,
                             tells_lives_on)

BODY = N(kind="body")
TOPIC = N(text="Will the ferry lease hold in the years ahead?", score=0.5, passage=BODY)
PORT = N(text="The ferry lease links the two ports.", score=0.45, passage=BODY)
FLUX = N(text="The lease is not obsolete but in flux.", score=0.3, passage=BODY)
FAR = N(text="The old pier is outdated.", score=0.1, passage=BODY)
RENEWED = N(text="The lease was renewed in May.", score=0.5, passage=BODY)


def _q(text, more=False):
    return N(text=text, more=more)


def test_either_or_of_an_end_asks_the_standing():
    assert asks_lives_on("is the lease dead or alive?") and asks_lives_on("is it over or is it just changing?")
    assert asks_lives_on("did the lease die or does it live on?") and asks_lives_on("is the lease still in force?")
    assert asks_lives_on("so the lease, dead or alive?") and asks_lives_on("is it gone or did they keep it?")
    assert not asks_lives_on("did the work come in over or under budget?")
    assert not asks_lives_on("why did the lease die?") and not asks_lives_on("who signed the lease?")


def test_a_sentence_tells_the_standing_or_a_renewal_not_a_question_of_it():
    assert tells_lives_on("The lease is not obsolete but in flux.") and tells_lives_on("The lease survived the vote.")
    assert not tells_lives_on("Will the lease survive?") and not tells_lives_on("The lease links two ports.")
    assert tells_renewal("The lease was renewed in May.") and not tells_renewal("Will its renewal come?")


def test_the_sentence_telling_the_standing_leads_down_to_a_share_of_the_best():
    cands = [TOPIC, PORT, FLUX, FAR]
    assert lives_on_first(_q("is the lease dead or alive?"), cands)[0] is FLUX
    assert lives_on_first(_q("is the lease dead or alive?"), cands)[1:] == [TOPIC, PORT, FAR]
    assert lives_on_first(_q("who signed the lease?"), cands) == cands  # not asked
    assert lives_on_first(_q("dead or alive?", more=True), cands) == cands  # a follow-up continues its answer
    assert lives_on_first(_q("is the lease dead or alive?"), [TOPIC, PORT, FAR]) == [TOPIC, PORT, FAR]  # too far down
    assert lives_on_first(_q("is the lease dead or alive?"), [RENEWED, FLUX]) == [RENEWED, FLUX]  # a renewal tells it


def test_a_lives_on_question_searches_once_more_by_the_words_of_an_end_or_survival():
    @dataclass
    class Q:
        text: str
        meant: str = ""
        more: bool = False
        terms: list = field(default_factory=list)

    held, new = N(chunk_id="a:0"), N(chunk_id="a:1")
    r = RecordingRetriever([held, new])
    assert lives_on_pool(r, Q("is the lease dead or alive?", terms=["leas", "dead"]), [held]) == [new]
    terms, qvec, diversify = r.asked[0]
    assert terms[:2] == ["leas", "dead"] and set(LIVES_ON_WORDS) <= set(terms) and "obsolete" in qvec and not diversify
    assert lives_on_pool(r, Q("who signed the lease?"), [held]) == []
    assert lives_on_pool(r, Q("dead or alive?", more=True), [held]) == [] and len(r.asked) == 1


def test_still_in_force_is_answered_yes_by_the_newest_renewal_done():
    """"Is the lease still in force?": an undated piece's "it is due to lapse" is no answer next to a dated article's
    renewal; a wished renewal ("will require another renewal") is none, and "…or did it die?" is not this rule."""
    from candkit import cands, query
    from rag.livesonpool import renewed_lives_on
    old = cands("old-piece", ["Today the lease is due to lapse yet again.", "Keeping it will require another renewal."],
                [0.6, 0.5])
    new = cands("new-piece", ["On May 3 the towns renewed the lease for five more years."], [0.4])
    new[0].passage.date = "2024-05-20"
    q = query("is the ferry lease still in force today?", intent="yes_no")
    assert renewed_lives_on(q, old + new) is new[0]
    assert renewed_lives_on(q, old) is None
    assert renewed_lives_on(query("is the lease still in force or did it die?", intent="yes_no"), old + new) is None
    assert renewed_lives_on(query("is the ferry lease still in force today?", intent="fact"), old + new) is None


def test_past_its_use_asks_the_standing():
    assert asks_lives_on("has the lease outlived its usefulness?") and asks_lives_on("is the lease still useful?")
    assert asks_lives_on("is the lease still needed?") and asks_lives_on("should the lease be scrapped?")
    assert not asks_lives_on("is the lease useful for ferries?") and not asks_lives_on("why was the lease scrapped?")


def test_a_yes_no_answer_takes_the_sentence_telling_the_standing():
    using = N(text="Using the lease as a guardrail keeps ports talking.", score=0.55, passage=BODY)
    q = _q("has the lease outlived its usefulness?")
    assert lives_on_told(q, using, [FLUX, using]) is FLUX
    assert lives_on_told(_q("who signed the lease?"), using, [FLUX, using]) is using  # not asked
    assert lives_on_told(q, RENEWED, [FLUX, RENEWED]) is RENEWED  # a renewal tells it already
    assert lives_on_told(q, using, [PORT, using]) is using  # the first tells nothing of it
