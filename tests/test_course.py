"""An overview of a matter's course hears first the sentence of the asked kind (``rag.course``): the turn it took for
"how have ties changed / where are they heading?", the year it began for "a quick history of the pact"."""

from candkit import RecordingRetriever, cands as _cands
from candkit import query as _q
from rag.course import asks_course_change, asks_history
from rag.evidence import Candidate
from rag.lexicon import Lexicon
from rag.query import understand
from rag.schema import Passage
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry ties between the islands remain vital.", "Ferry ties matter to both towns."], [0.9, 0.88])
    b = _cands("b", ["Ferry ties have shifted toward guarded crossings.", "The ferry pact was first signed in 1951."],
               [0.62, 0.6])
    return sorted(a + b, key=lambda c: -c.score)


def test_an_overview_of_a_course_hears_the_turn_it_took():
    got, _ = pick_spread(_q("how have the ferry ties changed over the years", intent="overview", trend=True),
                         _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry ties have shifted")


def test_a_history_asked_for_hears_the_year_it_began():
    got, _ = pick_spread(_q("quick history of the ferry pact", intent="overview", history=True), _ferry_cands(), limit=2)
    assert got[1].text.startswith("The ferry pact was first signed")


def test_a_plain_overview_keeps_the_usual_order():
    got, _ = pick_spread(_q("tell me about the ferry ties", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry ties matter")


def test_a_course_or_a_history_asked_for_is_recognised():
    assert asks_course_change("how has ferry cooperation changed since the early days")
    assert asks_course_change("how have port ties evolved over the years?")
    assert not asks_course_change("what did the new version of the pact change?")  # one act's effect
    assert asks_history("give me a quick history of the ferry pact") and asks_history("what's the background here?")
    assert not asks_history("what does the ferry pact cover?")


def test_how_has_it_changed_is_read_as_a_course_asked_for_and_a_history_as_one_too():
    text = "The ferry pact was first signed in 1951. Ferry ties have shifted toward guarded crossings."
    p = Passage(chunk_id="d:0", doc_id="d", text=text, start=0, end=len(text), sentences=[(0, 39), (40, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body")
    lex = Lexicon.build([p], [""])
    q = "how has ferry cooperation changed since the early days"
    got = understand(q, q, lex)
    assert got.intent == "overview" and got.trend
    q = "quick history of the ferry pact pls"
    assert understand(q, q, lex).history


def test_how_ties_changed_hears_that_they_were_narrowed_though_it_scores_half_the_best():
    a = _cands("a", ["The ferry ties between the islands remain vital.", "Ferry ties matter to both towns."], [0.9, 0.88])
    b = _cands("b", ["The new pact narrows the crossings to cargo runs.", "Ferries are painted blue."], [0.5, 0.49])
    cands = sorted(a + b, key=lambda c: -c.score)
    got, _ = pick_spread(_q("how have the ferry ties changed over the years", intent="overview", trend=True), cands,
                         limit=2)
    assert got[1].text.startswith("The new pact narrows")
    got, _ = pick_spread(_q("tell me about the ferry ties", intent="overview"), cands, limit=2)
    assert got[1].text.startswith("Ferry ties matter")  # not asked how they changed: the usual order


def test_a_narrowing_that_tells_the_turn_too_is_heard_before_one_that_does_not():
    from rag.narrowing import narrowing_told

    a = _cands("a", ["The ferry ties between the islands remain vital."], [0.9])
    b = _cands("b", ["Selective crossings protect the port.", "Ties shifted toward targeted crossings."], [0.7, 0.6])
    cands = sorted(a + b, key=lambda c: -c.score)
    q = _q("how have the ferry ties changed over the years", intent="overview", trend=True)
    assert narrowing_told(q, cands).text.startswith("Ties shifted toward targeted")


def test_a_course_question_searches_once_more_by_the_words_of_a_narrowing_when_its_pool_tells_none():
    from types import SimpleNamespace as N

    from rag.narrowing import NARROW_WORDS, course_pool

    held = N(chunk_id="a:0", text="Ferry ties remain vital.", sentences=[(0, 24)])
    new = N(chunk_id="a:1", text="The pact narrows crossings.", sentences=[(0, 27)])
    r = RecordingRetriever([held, new])
    q = _q("how have the ferry ties changed over the years", intent="overview", trend=True)
    assert course_pool(r, q, [held]) == [new]
    terms, qvec, diversify = r.asked[0]
    assert set(NARROW_WORDS) <= set(terms) and "narrowed" in qvec and not diversify
    assert course_pool(r, q, [held, new]) == []  # the pool tells a narrowing already
    assert course_pool(r, _q("tell me about the ferry ties", intent="overview"), [held]) == []
