"""A why/how-question asking what a party gains is answered by the sentence telling the gain (``rag.gains``)."""

from types import SimpleNamespace

from rag.gains import asks_gain, tells_gain
from rag.heldfor import shape_typed


def _q(text: str) -> SimpleNamespace:
    return SimpleNamespace(intent="why", qtype=None, text=text, feared=False, why_not=False, condition=False, limit=False,
                           distinction=False, rate=False, word_used=False, worth=False, trend=False, done=False)


def test_a_gain_is_asked_by_a_verb_of_gaining_after_why_or_how():
    assert asks_gain("how does the port actually benefit from the ferry deal?")
    assert asks_gain("why do people say both towns gain from it?")
    assert asks_gain("why is the lease a win-win?")
    assert not asks_gain("how does the ferry deal work?") and not asks_gain("who benefits from the lease?")
    assert not asks_gain("why did the port close?")


def test_a_gain_told_is_one_had_or_given_not_named_in_passing_or_feared():
    assert tells_gain("The port has gained access to the island's fleet and its crews.")
    assert tells_gain("The island, in turn, benefited from cheaper fares.")
    assert tells_gain("For the town, the lease has provided access to a deep-water berth.")
    assert tells_gain("Over the years the lease yielded significant benefits to both towns.")
    assert not tells_gain("Despite the benefits of the lease, it was ended.")
    assert not tells_gain("Critics fear the lease could possibly benefit rival ports.")
    assert not tells_gain("By sharing the pier, both towns can cut costs.")


def test_the_gain_told_is_what_a_gain_question_asks_for_beside_a_means():
    q = _q("how does the port actually benefit from working with the island?")
    gain = "The port has gained access to the island's fleet."
    assert shape_typed(q, gain, 0.0) >= 1.0
    assert shape_typed(q, "By working together, both towns can cut costs.", 0.0) >= 1.0  # a means still answers
    assert shape_typed(_q("how does the ferry deal work?"), gain, 0.0) == 0.0  # no gain asked: no credit for one



def test_why_two_parties_suit_each_other_is_answered_by_the_sentence_saying_they_complement_each_other():
    from rag.gains import asks_fit, tells_complement
    assert asks_fit("why are the two ports a good fit for each other?") and asks_fit("why do the towns work so well together?")
    assert asks_fit("why are the island and the mainland natural ferry partners?") and asks_fit("why are they well-suited?")
    assert not asks_fit("why is the lease a good deal?") and not asks_fit("are the towns good partners?")  # no why
    assert tells_complement("The two ports have complementary strengths.")
    assert tells_complement("Their fleets complement each other.") and not tells_complement("The ports compete for fish.")
    q = _q("why are the two ports a good fit for each other?")
    assert shape_typed(q, "The two ports have complementary strengths.", 0.0) >= 1.0
    assert shape_typed(_q("why did the port close?"), "The two ports have complementary strengths.", 0.0) == 0.0
