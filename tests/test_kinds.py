"""A question asking for an institution by name ("which universities…", "the name of the ministry…") is answered
only by a sentence naming one; the topic told of in general is no answer (``rag.kinds``)."""

from rag.kinds import asked_kind, kind_named, names_kind
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


def test_a_committee_is_asked_by_name_and_named_only_by_one_built_on_its_noun():
    assert asked_kind("which harbour committee went after the lease?") == "committee"
    assert names_kind("The Harbour Oversight Committee opposed the lease.", "committee")
    assert not names_kind("A harbour committee opposed the lease.", "committee")
    assert not names_kind("The Harbour Agency opposed the lease.", "committee")  # an agency is no committee
