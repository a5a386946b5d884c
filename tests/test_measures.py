"""A number question asking for a sum of money or a share is answered only by a sentence stating one; a sentence
holding some other number ("the two towns", "over 40 berths") leaves it open (``rag.measures``). A question asking
how long a thing took is not answered by the length of another thing (``heldfor.other_duration``)."""

from types import SimpleNamespace

from rag.asked import question_type
from rag.heldfor import other_duration
from rag.measures import asked_measure, states_measure
from rag.query import Query
from rag.text import terms


def test_the_measure_is_read_from_the_words_asking_for_money_or_a_share():
    assert asked_measure("how much did the new bridge cost the harbour town?") == "money"
    assert asked_measure("how much money did the port spend on berths?") == "money"
    assert asked_measure("what is the lease worth in dollars?") == "money"
    assert asked_measure("what percentage of ferries sail at night?") == "share"
    assert asked_measure("what share of pilots are trained abroad?") == "share"
    assert asked_measure("how much do the two ports rely on each other?") == ""  # any amount, or none
    assert asked_measure("what data do the ports share?") == ""  # a verb, not a proportion


def test_a_share_is_a_number_question():
    assert question_type("what share of pilots are trained abroad?") == "number"
    assert question_type("what proportion of berths closed?") == "number"


def test_a_sentence_states_the_measure_only_in_the_ways_english_writes_it():
    assert states_measure("The bridge cost the town $40 million.", "money")
    assert states_measure("It was worth 3 billion yuan.", "money")
    assert not states_measure("Tension grew between the two towns over the bridge.", "money")
    assert states_measure("Roughly 30 percent of ferries sail at night.", "share")
    assert states_measure("Two-thirds of the pilots trained abroad.", "share")
    assert not states_measure("Over 40 pilots trained abroad.", "share")


def test_only_a_length_of_the_asked_thing_answers_how_long():
    assert other_duration(SimpleNamespace(qtype="duration", age=False)) == 0.5
    assert other_duration(SimpleNamespace(qtype="duration", age=True)) == 0.0
    assert other_duration(SimpleNamespace(qtype="number", age=False)) == 0.0


def _select(text: str, sentences: list[str]):
    from rag.answering import select
    from rag.lexicon import Lexicon
    from rag.schema import Passage

    ps = [Passage(chunk_id=f"d{i}:0", doc_id=f"d{i}", text=t, start=0, end=len(t), sentences=[(0, len(t))], title="",
                  outlet="", authors=[], date="", url="", kind="body", score=1.0) for i, t in enumerate(sentences)]
    lex = Lexicon.build(ps, [""] * len(ps))
    for p in ps:
        p.sims = {0: 0.6}
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype=question_type(text), measure=asked_measure(text))
    return select(q, ps, lex)


def test_a_cost_question_is_refused_when_no_close_sentence_states_a_sum():
    told = ["The new bridge between the two towns cost the harbour a great deal of goodwill.", "The bridge opened in 2019."]
    assert _select("how much did the new bridge cost the harbour?", told).reason == "no_typed_answer"
    priced = ["The new bridge cost the harbour $40 million.", "The bridge opened in 2019."]
    assert not _select("how much did the new bridge cost the harbour?", priced).abstained
