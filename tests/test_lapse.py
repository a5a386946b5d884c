"""A question about a thing's interim (in limbo, ran out, a stopgap) hears the sentence telling the lapse first, with
the sentence next to it that tells the rest of the lapse (``rag.lapse``)."""

from types import SimpleNamespace as N

from rag.lapse import asks_interim, lapse_first, lapse_told_with, tells_lapse
from candkit import RecordingRetriever

BODY = N(kind="body", start=0)
TALKS = N(text="The ferry lease was finally renewed after long talks in Oslo.", score=0.5, doc_id="a", passage=BODY,
          start=200, end=262)
EXPIRED = N(text="Its last ten-year term expired in May.", score=0.3, doc_id="a", passage=BODY, start=0, end=38)
EXTENDED = N(text="The lease received two three-month extensions.", score=0.2, doc_id="a", passage=BODY, start=39, end=85)
OTHER = N(text="The pier was rebuilt in stone.", score=0.45, doc_id="b", passage=BODY, start=0, end=30)


def _q(text, intent="why", qtype=None):
    return N(text=text, intent=intent, qtype=qtype)


def test_interim_question_hears_the_lapse_first():
    cands = [TALKS, OTHER, EXPIRED, EXTENDED]
    assert lapse_first(_q("how did the lease end up in limbo?"), cands)[0] is EXPIRED
    assert lapse_first(_q("what short-term fix did the lease get?", "fact"), cands)[0] is EXPIRED


def test_the_next_sentence_telling_the_lapse_joins_it():
    q = _q("how did the lease end up in limbo?")
    assert lapse_told_with(q, [EXPIRED], [TALKS, EXPIRED, EXTENDED]) is EXTENDED
    assert lapse_told_with(q, [EXTENDED], [TALKS, EXPIRED, EXTENDED]) is EXPIRED
    assert lapse_told_with(q, [TALKS], [TALKS, EXPIRED, EXTENDED]) is None


def test_other_and_typed_questions_keep_the_order():
    cands = [TALKS, OTHER, EXPIRED, EXTENDED]
    assert lapse_first(_q("why was the lease renewed?"), cands)[0] is TALKS
    assert lapse_first(_q("why not just let the lease lapse?"), cands)[0] is TALKS  # a lapse that might be
    assert lapse_first(_q("when did the lease run out?", "fact", "date"), cands)[0] is TALKS
    far = N(text="Its term expired in May.", score=0.1, doc_id="a", passage=BODY, start=0, end=24)
    assert lapse_first(_q("how did the lease end up in limbo?"), [TALKS, OTHER, far])[0] is TALKS


def test_asks_interim_and_tells_lapse():
    assert asks_interim("why was the deal left up in the air?") and not asks_interim("why keep the deal alive?")
    assert tells_lapse("It got a stopgap extension.") and not tells_lapse("It needs more than a temporary renewal.")


def test_a_lapse_that_may_come_is_not_told():
    assert not tells_lapse("It may receive another short extension.") and tells_lapse("Its term expired in May.")
    maybe = N(text="It may receive another short extension.", score=0.4, doc_id="c", passage=BODY, start=0, end=39)
    cands = [TALKS, maybe, EXPIRED, EXTENDED]
    assert lapse_first(_q("how did the lease end up in limbo?"), cands)[0] is EXPIRED


def test_an_interim_question_searches_once_more_by_the_words_of_a_lapse():
    from dataclasses import dataclass, field

    from rag.lapse import LAPSE_WORDS, interim_pool

    @dataclass
    class Q:
        text: str
        intent: str = "why"
        qtype: str = None
        meant: str = ""
        terms: list = field(default_factory=list)
        narrative: bool = False

    held, new = N(chunk_id="a:0"), N(chunk_id="a:1")
    r = RecordingRetriever([held, new])
    q = Q("how come the lease was up in the air?", terms=["leas", "air"])
    assert interim_pool(r, q, [held]) == [new]
    terms, qvec, diversify = r.asked[0]
    assert terms[:2] == ["leas", "air"] and set(LAPSE_WORDS) <= set(terms) and "expired" in qvec and not diversify
    assert interim_pool(r, Q("why was the lease renewed?"), [held]) == []
    assert len(r.asked) == 1  # no second search for other questions
    story = Q("walk me through the lease's lapse and renewal saga", intent="overview", terms=["leas", "laps"], narrative=True)
    assert interim_pool(r, story, [held]) == [new] and len(r.asked) == 2  # a story of a lapse: searched too
    assert interim_pool(r, Q("walk me through the renewal saga", narrative=True), [held]) == []


def test_a_story_names_a_lapse_in_any_form_of_the_word():
    from rag.lapse import story_of_lapse
    assert story_of_lapse(N(narrative=True, text="what's the story with the lease expiring and the extensions?"))
    assert not story_of_lapse(N(narrative=False, text="why did the lease lapse?"))  # no story asked: asks_interim decides
    assert not story_of_lapse(N(narrative=True, text="walk me through the history of the lease"))


def test_a_wait_asked_about_is_an_interim():
    assert asks_interim("why did it take so long to get the lease renewed?")
    assert asks_interim("how come the council took this long to sign?") and asks_interim("why is it taking so long?")
    assert not asks_interim("how long did the lease take to draft?") and not asks_interim("why did it take years?")


def test_a_yes_no_claim_of_promptness_searches_by_the_words_of_a_lapse_too():
    from dataclasses import dataclass, field

    from rag.lapse import interim_pool

    @dataclass
    class Q:
        text: str
        intent: str = "yes_no"
        qtype: str = None
        meant: str = ""
        terms: list = field(default_factory=list)
        narrative: bool = False

    held, new = N(chunk_id="a:0"), N(chunk_id="a:1")
    r = RecordingRetriever([held, new])
    # "two extensions" shares no word with "renewed right away"
    assert interim_pool(r, Q("was the lease renewed right away?", terms=["leas", "renew"]), [held]) == [new]
    assert interim_pool(r, Q("was the lease renewed in May?", terms=["leas"]), [held]) == []
    assert len(r.asked) == 1  # no claim of promptness: no second search
