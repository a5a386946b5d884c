""""Why should I care?" hears the sentence naming the shared problems at stake (``rag.stakes``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.lexicon import Lexicon
from rag.query import understand
from rag.schema import Passage
from rag.spread import pick_spread
from rag.stakes import asks_stakes, states_stakes


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry deal between the islands was renewed in May.", "The ferry deal sets fares."], [0.9, 0.88])
    b = _cands("b", ["It helps with global challenges such as floods and storms."], [0.5])
    return sorted(a + b, key=lambda c: -c.score)


def test_why_should_i_care_hears_the_stakes():
    got, _ = pick_spread(_q("why should i care about the ferry deal", intent="why", stakes=True), _ferry_cands(), limit=2)
    assert got[1].text.startswith("It helps with global challenges")


def test_a_cause_asked_keeps_the_usual_order():
    got, _ = pick_spread(_q("why was the ferry deal renewed", intent="why"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("The ferry deal sets fares")


def test_the_stakes_asked_and_named():
    assert asks_stakes("why should anyone care whether the ferry deal survives?")
    assert asks_stakes("why does this ferry deal between the islands even matter")
    assert not asks_stakes("why does the harbour master care?")  # one party's motive
    assert not asks_stakes("why does the closed port matter for fishing?")  # what it does for one field
    assert states_stakes("Issues like floods and global trade are transnational.")
    assert not states_stakes("Renewing the deal with a focus on these global challenges could help.")  # none named


def test_the_question_is_read_once_with_its_stakes():
    text = "The ferry deal was renewed in May."
    p = Passage(chunk_id="d:0", doc_id="d", text=text, start=0, end=len(text), sentences=[(0, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body")
    q = "why should a regular person like me care about the ferry deal"
    assert understand(q, q, Lexicon.build([p], [""])).stakes


def test_a_stakes_question_searches_once_more_by_the_words_of_shared_problems():
    """"Why should I care about the lease?": the sentence naming the shared problems is often not in the pool at all."""
    from dataclasses import dataclass, field
    from types import SimpleNamespace as N

    from candkit import RecordingRetriever
    from rag.stakes import STAKES_WORDS, stakes_pool

    @dataclass
    class Q:
        text: str
        stakes: bool = True
        meant: str = ""
        more: bool = False
        terms: list = field(default_factory=list)

    held, new = N(chunk_id="a:0"), N(chunk_id="a:1")
    r = RecordingRetriever([held, new])
    assert stakes_pool(r, Q("why should I care about the lease?", terms=["leas", "care"]), [held]) == [new]
    terms, qvec, diversify = r.asked[0]
    assert terms[:2] == ["leas", "care"] and set(STAKES_WORDS) <= set(terms) and "global" in qvec and not diversify
    assert stakes_pool(r, Q("who signed the lease?", stakes=False), [held]) == []
    assert stakes_pool(r, Q("why should I care?", more=True), [held]) == [] and len(r.asked) == 1


def test_what_is_it_and_why_care_keeps_the_pool_its_words_draw():
    from types import SimpleNamespace as N

    from candkit import RecordingRetriever
    from rag.stakes import stakes_pool

    r = RecordingRetriever([N(chunk_id="a:1")])
    q = N(text="what is this lease thing and why should i care", stakes=True, more=False, meant="", terms=["leas"])
    assert stakes_pool(r, q, [N(chunk_id="a:0")]) == [] and r.asked == []
