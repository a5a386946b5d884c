"""A lives-on question that is not a yes/no one: its answer carries the renewal told to the day beside the standing."""

from dataclasses import dataclass, field
from types import SimpleNamespace as N

from candkit import RecordingRetriever
from rag.livesonpool import RENEWAL_WORDS, renewal_pool, tells_dated_renewal, with_dated_renewal

BODY = N(kind="body", date="")
NEW = N(kind="body", date="2024-05-20")
FLUX = N(text="The lease is not obsolete but in flux.", score=0.5, passage=BODY)
PORT = N(text="The ferry lease links the two ports.", score=0.45, passage=BODY)
OLD_DONE = N(text="On May 3, 2018 the towns renewed the lease.", score=0.3, passage=BODY)
DONE = N(text="Finally, on May 3 the towns renewed the lease for ten more years.", score=0.2, passage=NEW)
FAR = N(text="On May 3 the towns renewed the lease.", score=0.1, passage=NEW)


def _q(text, intent="overview", more=False):
    return N(text=text, intent=intent, more=more)


def test_a_renewal_done_dated_to_the_day_not_wished_nor_undated():
    assert tells_dated_renewal(DONE.text) and tells_dated_renewal("The pact was extended on 3 May.")
    assert not tells_dated_renewal("The lease was renewed twice.") and not tells_dated_renewal("A renewal came May 3.")
    assert not tells_dated_renewal("Was it renewed on May 3?")


def test_the_newest_dated_renewal_is_heard_second_down_to_a_share_of_the_best():
    q = _q("is the lease dead or alive?")
    cands = [FLUX, PORT, OLD_DONE, DONE]
    assert with_dated_renewal(q, cands, ([FLUX, PORT], ["a", "b"], "", False)) == \
        ([FLUX, DONE, PORT], ["a", "renewal_done", "b"], "", False)  # the newest article's; the rest passed on
    assert with_dated_renewal(q, [FLUX, PORT, FAR], ([FLUX], ["a"])) == ([FLUX], ["a"])  # too far down
    assert with_dated_renewal(q, cands, ([OLD_DONE], ["a"])) == ([OLD_DONE], ["a"])  # the answer tells one already
    assert with_dated_renewal(_q("who signed the lease?"), cands, ([FLUX], ["a"])) == ([FLUX], ["a"])  # not asked
    # a yes/no question is answered by ``renewed_lives_on``; a follow-up continues its own answer
    assert with_dated_renewal(_q("is it dead or alive?", "yes_no"), cands, ([FLUX], ["a"])) == ([FLUX], ["a"])
    assert with_dated_renewal(_q("dead or alive?", more=True), cands, ([FLUX], ["a"])) == ([FLUX], ["a"])
    assert with_dated_renewal(q, cands, ([], [])) == ([], [])


def test_the_renewal_search_adds_one_passage_telling_a_dated_renewal_when_the_pool_has_none():
    @dataclass
    class Q:
        text: str
        intent: str = "overview"
        meant: str = ""
        more: bool = False
        terms: list = field(default_factory=list)

    held = N(chunk_id="a:0", text="The lease is not obsolete. It links two ports.")
    other = N(chunk_id="a:1", text="The ports grew. Trade rose.")
    dated = N(chunk_id="b:0", text="Talks were long. On May 3 the towns renewed the lease. Trade rose.")
    r = RecordingRetriever([held, other, dated])
    assert renewal_pool(r, Q("is the lease dead or alive?", terms=["leas", "dead"]), [held]) == [dated]
    terms, qvec, diversify = r.asked[0]
    assert terms[:2] == ["leas", "dead"] and set(RENEWAL_WORDS) <= set(terms) and "renewed" in qvec and not diversify
    assert renewal_pool(r, Q("is the lease dead or alive?"), [held, dated]) == []  # the pool tells it already
    assert renewal_pool(r, Q("who signed the lease?"), [held]) == []
    assert renewal_pool(r, Q("is it dead or alive?", intent="yes_no"), [held]) == [] and len(r.asked) == 1
    assert renewal_pool(RecordingRetriever([other]), Q("is the lease dead or alive?"), [held]) == []  # none found
