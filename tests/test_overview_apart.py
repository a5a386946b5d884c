"""An overview of a thing as a whole hears the sentence saying what sets it apart (``spread.sets_apart``);
"what should I know about X?" asks for that overview (``intent._KNOW_ASK``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.intent import intent_of, main_clause
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry pact links the two islands daily.", "The ferry pact was the first accord of its kind."],
               [0.9, 0.82])
    b = _cands("b", ["Ferry pact fares rose for students last spring."], [0.86])
    return sorted(a + b, key=lambda c: -c.score)


def test_an_overview_of_a_thing_hears_what_sets_it_apart():
    got, _ = pick_spread(_q("tell me about the ferry pact", intent="overview"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("The ferry pact was the first")


def test_other_shapes_and_kinds_keep_the_usual_order():
    got, _ = pick_spread(_q("why does the ferry pact matter", intent="why"), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry pact fares")
    got, _ = pick_spread(_q("where is the ferry pact heading", intent="overview", trend=True), _ferry_cands(), limit=2)
    assert got[1].text.startswith("Ferry pact fares")


def test_what_should_i_know_about_a_thing_asks_for_its_overview():
    assert intent_of(main_clause("what should i know about the ferry pact?")) == "overview"
    assert intent_of(main_clause("what do we need to know about the fees")) == "overview"
    assert intent_of(main_clause("what do i know about ferries?")) == "fact"  # no modal: not asking what matters


def test_an_overview_of_worries_hears_the_sentence_naming_what_is_feared():
    a = _cands("a", ["The ferry pact is under review.", "The ferry pact talks resumed in May."], [0.9, 0.85])
    b = _cands("b", ["Officials grew wary of smuggling, fraud and theft on the crossing."], [0.7])
    cands = sorted(a + b, key=lambda c: -c.score)
    q = _q("what are the big worries about the ferry pact", intent="overview", listed="worri")
    got, _ = pick_spread(q, cands, limit=2)
    assert got[1].text.startswith("Officials grew wary")
    got, _ = pick_spread(_q("what are the main points on the ferry pact", intent="overview", listed="point"), cands, limit=2)
    assert got[1].text.startswith("The ferry pact talks")  # no worries asked: the usual order


def test_a_word_of_worry_before_several_things_names_worries():
    from rag.reasons import names_worries
    assert names_worries("Critics voiced concerns about leaks and theft.")
    assert not names_worries("Concerns grew that it could fail.") and not names_worries("Ferries carry cars and bikes.")


def test_a_history_of_a_thing_asks_for_its_overview():
    assert intent_of(main_clause("can you give me a quick history of the ferry pact since it started")) == "overview"
    assert intent_of(main_clause("why does the harbour's history matter to the fees?")) == "why"  # a why-question still


def test_worries_asked_for_are_heard_from_a_second_article_too():
    a = _cands("a", ["The ferry pact is under review.", "The ferry pact talks resumed in May."], [0.9, 0.85])
    b = _cands("b", ["Officials grew wary of smuggling, fraud and theft on the crossing."], [0.7])
    c = _cands("c", ["Critics voiced concerns about leaks and piracy on the route."], [0.5])
    cands = sorted(a + b + c, key=lambda x: -x.score)
    q = _q("what are the big worries about the ferry pact", intent="overview", listed="worri")
    got, _ = pick_spread(q, cands)
    assert [x.doc_id for x in got][:3] == ["a", "b", "c"]
    got, _ = pick_spread(_q("what are the main points on the ferry pact", intent="overview", listed="point"), cands)
    assert "c" not in [x.doc_id for x in got]  # no worries asked: below the spread's share, not heard


def test_what_could_still_go_wrong_asks_for_a_feared_outcome():
    from rag.wants import asks_feared
    assert asks_feared("even with the new lease, what could still go wrong") and asks_feared("what might backfire?")
    assert not asks_feared("what went wrong with the lease?")


def test_a_feared_outcome_asked_for_leads_when_close_to_the_best():
    from rag.answering import _prefer_typed
    cands = _cands("a", ["The lease was renewed for the harbour.", "It risks splitting the port into rival camps."],
                   [0.9, 0.8])
    cands[1].typed = 1.0
    q = _q("what could still go wrong with the lease", feared=True)
    assert _prefer_typed(list(cands), q).text.startswith("It risks")
    assert _prefer_typed(list(cands), _q("what happened to the lease")).text.startswith("The lease")


def test_a_condition_asked_for_leads_when_close_to_the_best():
    from rag.answering import _prefer_typed
    # "how will anyone know if the new timetable works?": the sentence saying what its success depends on leads
    cands = _cands("a", ["The new timetable was updated in May.", "Its effect will depend on steady crews."], [0.9, 0.75])
    cands[1].typed = 1.0
    q = _q("how will anyone know if the new timetable works", intent="why", condition=True)
    assert _prefer_typed(list(cands), q).text.startswith("Its effect")
    assert _prefer_typed(list(cands), _q("why was the timetable updated", intent="why")).text.startswith("The new")


def test_tensions_asked_hear_the_sentence_naming_what_is_feared_down_to_worry_share():
    a = _cands("a", ["The ferry pact faces tensions.", "Ferry pact tensions rose in May.",
                     "Officials grew wary of smuggling, fraud and theft on the crossing."], [0.9, 0.85, 0.56])
    cands = sorted(a, key=lambda c: -c.score)
    got, _ = pick_spread(_q("what tensions does the ferry piece describe", intent="list", listed="tension"), cands, limit=2)
    assert got[1].text.startswith("Officials grew wary")
    got, _ = pick_spread(_q("what events does the ferry piece describe", intent="list", listed="event"), cands, limit=2)
    assert got[1].text.startswith("Ferry pact tensions")  # no worries asked: the usual order
