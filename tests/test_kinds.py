"""A question asking for an institution by name ("which universities…", "the name of the ministry…") is answered
only by a sentence naming one; the topic told of in general is no answer (``rag.kinds``)."""

from rag.kinds import asked_kind, is_item, kind_named, names_item, names_kind, tells_of
from rag.query import Query
from rag.text import terms


def test_the_kind_asked_by_name_is_read_from_the_question_not_from_its_subject():
    assert asked_kind("which ferry colleges train pilots under the charter") == "college"
    assert asked_kind("name a few specific harbour academies in the scheme") == "academ"
    assert asked_kind("what's the name of the port ministry that runs it") == "ministr"
    assert asked_kind("what did the port ministry say about it?") == ""  # the ministry speaks; what it said is asked
    assert asked_kind("how do colleges train pilots?") == ""


def test_a_name_of_that_kind_is_one_built_on_its_noun_and_a_body_any_institutions_name():
    assert names_kind("Pilots train at Harbour Marine College.", "college")
    assert not names_kind("Pilots train at colleges across the coast.", "college")
    assert not names_kind("The Harbour Agency trains pilots.", "college")  # an agency is no college
    assert names_kind("The Harbour Agency trains pilots.", "agenc") and kind_named("", [])


def test_a_question_asking_a_college_by_name_is_refused_when_no_sentence_names_one():
    from rag.answering import select
    from rag.lexicon import Lexicon
    from rag.schema import Passage

    texts = ["Colleges along the coast train ferry pilots under the charter.", "The charter was signed in the harbour."]
    ps = [Passage(chunk_id=f"d{i}:0", doc_id=f"d{i}", text=t, start=0, end=len(t), sentences=[(0, len(t))], title="",
                  outlet="", authors=[], date="", url="", kind="body", score=1.0) for i, t in enumerate(texts)]
    lex = Lexicon.build(ps, [""] * len(ps))
    text = "which colleges train ferry pilots under the charter?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), kind=asked_kind(text))
    for p in ps:
        p.sims = {0: 0.6}
    assert select(q, ps, lex).reason == "no_name_given"  # colleges are told of, none by name
    q.kind = ""
    assert not select(q, ps, lex).abstained  # without the kind asked by name, the general sentence may answer


def test_a_committee_is_asked_by_name_and_named_by_one_built_on_its_noun():
    assert asked_kind("which harbour committee reviewed the charter?") == "committee"
    assert names_kind("The Harbour Select Committee reviewed it.", "committee")
    assert not names_kind("Lawmakers reviewed the charter in committee.", "committee")


def test_things_asked_one_by_one_are_read_from_the_questions_opening():
    assert asked_kind("which vaccines came out of the ferry research?") == "vaccine"
    assert asked_kind("who were the famous pilots who warned against it?") == ""  # pilots: no item kind
    assert asked_kind("who were the well-known economists who praised it?") == "economist"
    assert asked_kind("what did the economists say about the tolls?") == ""  # what they said is asked
    assert asked_kind("what did big-name economists say?") == ""  # "big-name" is no request to name
    assert asked_kind("what does the charter cover, which satellites?") == ""  # an afterthought, not the opening ask
    assert is_item("vaccine") and not is_item("universit") and not is_item("")


def test_an_item_is_named_at_its_noun_not_by_its_kind_or_its_nationality():
    assert names_item("The port banned metals such as cobalt and nickel.", "metal")
    assert names_item("The Gemini missions docked here.", "mission")
    assert not names_item("The port banned several critical metals.", "metal")
    assert not names_item("The port shipped Japanese vaccines.", "vaccine")  # whose, not which
    assert names_item("The port hired Japanese economists and analysts.", "analyst")  # for people, the nationality says which
    assert tells_of("Leading economists warned.", "economist") and not tells_of("The economy grew.", "economist")


def test_a_leader_telling_of_the_kind_answers_only_beside_a_sentence_naming_one():
    lead = "Leading economists warned that the tolls would hurt trade."
    assert not kind_named("economist", [lead], lead, [lead])
    assert kind_named("economist", [], lead, [lead, "Dr Ann Berg warned of it too."])
    assert kind_named("economist", [], "Tolls rose.", ["Tolls rose."])  # no close sentence says anything of economists
    assert not kind_named("economist", [], "Tolls rose.", ["Tolls rose.", lead])  # a close one tells of them, unnamed
    assert kind_named("", [lead], lead, [lead])
def test_a_committee_is_asked_by_name_and_named_only_by_one_built_on_its_noun():
    assert asked_kind("which harbour committee went after the lease?") == "committee"
    assert names_kind("The Harbour Oversight Committee opposed the lease.", "committee")
    assert not names_kind("A harbour committee opposed the lease.", "committee")
    assert not names_kind("The Harbour Agency opposed the lease.", "committee")  # an agency is no committee


def test_a_sanction_for_breaking_a_rule_is_asked_as_itself():
    from rag.kinds import is_sanction

    assert is_sanction("penalties") and is_sanction("penalty") and is_sanction("fines") and is_sanction("punishments")
    assert not is_sanction("problems") and not is_sanction("finest") and not is_sanction("rules")


def test_a_sanction_asked_after_what_is_the_is_the_asked_thing_when_a_condition_or_the_end_follows():
    from rag.answering import refused_unread
    from rag.query import asked_thing
    from lexkit import StemLexicon, query_of

    asked = "what are the penalties if a ferry breaks the harbour rules?"
    assert asked_thing(asked) == "penalti" and asked_thing("what's the fine when a ferry docks late") == "fine"
    assert asked_thing("so what's the actual fee?") == "fee"
    assert asked_thing("what's the fine print on ferries?") != "fine"  # "fine" describes "print"
    assert asked_thing("what are the problems if the pact lapses?") == ""  # no sanction: may be paraphrased
    q = query_of(asked, asked_thing=asked_thing(asked))
    assert refused_unread(q, StemLexicon({"ferri": 5.0, "harbour": 5.0})) == "asked_thing_unknown"
    assert refused_unread(q, StemLexicon({"ferri": 5.0, "penalti": 5.0})) == ""  # the articles tell of penalties


def test_a_sum_of_money_is_asked_as_itself_but_a_cost_may_be_a_harm():
    from rag.kinds import is_sum

    assert is_sum("budget") and is_sum("fees") and is_sum("salary") and is_sum("stipends")
    assert not is_sum("costs") and not is_sum("price") and not is_sum("feed") and not is_sum("problems")
