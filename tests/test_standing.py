"""How a matter stands, now or from here on, is asked as an overview (``rag.standing``): "where do things stand with
X?", "what's the outlook for X?" get several sentences, and an outlook hears first the sentence telling X's future."""

from candkit import cands as _cands
from candkit import query as _q
from rag.intent import intent_of
from rag.spread import pick_spread
from rag.standing import asks_outlook, asks_standing, future_told, tells_future
from rag.text import plain_outlook


def test_where_a_matter_stands_or_is_headed_is_an_overview():
    assert intent_of("so where do things stand between the two ports these days?") == "overview"
    assert intent_of("what's the future of the ferry pact?") == "overview"
    assert intent_of("what does the future hold for the lease?") == "overview"
    assert intent_of("where does the port stand on the lease?") == "fact"  # a party's position: one fact
    assert intent_of("how are things looking for the lease going forward?") == "why"  # "how…?" keeps its explanation


def test_standing_and_outlook_frames_are_recognised():
    assert asks_standing("what's the status of the ferry lease?") and asks_standing("what's next for the pier plan?")
    assert asks_outlook("the lease going forward?") and not asks_outlook("what does the lease cover?")
    assert not asks_outlook("will it help future harbours?")  # "future" as an adjective asks nothing ahead


def test_words_for_what_lies_ahead_are_said_as_the_future():
    assert plain_outlook("what's the outlook for the ferry pact?") == "what's the future for the ferry pact?"
    assert plain_outlook("what are the prospects for the lease?") == "what are the future for the lease?"
    assert plain_outlook("how does the port piece's outlook differ?") == "how does the port piece's outlook differ?"


def test_a_sentence_telling_a_matters_future_is_recognised():
    assert tells_future("The future of the ferry ties hangs in the balance.")
    assert tells_future("Against this backdrop, the lease's future became uncertain.")
    assert not tells_future("Joint drills can prevent future floods.")


def _ferry_cands():
    a = _cands("a", ["The ferry pact links the islands.", "The ferry pact helps both towns."], [0.9, 0.88])
    b = _cands("b", ["Joint drills can prevent future floods.", "The future of the ferry pact hangs in the balance."],
               [0.6, 0.58])
    return sorted(a + b, key=lambda c: -c.score)


def test_an_outlook_hears_the_matters_future_first():
    q = _q("what's the future for the ferry pact going forward?", intent="overview")
    assert future_told(q, _ferry_cands()).text.startswith("The future of the ferry pact")
    got, _ = pick_spread(q, _ferry_cands(), limit=2)
    assert got[1].text.startswith("The future of the ferry pact")


def test_a_plain_overview_hears_no_future_first():
    q = _q("tell me about the ferry pact", intent="overview")
    assert future_told(q, _ferry_cands()) is None
    got, _ = pick_spread(q, _ferry_cands(), limit=2)
    assert got[1].text.startswith("The ferry pact helps")


def test_what_the_future_looks_like_asks_an_outlook():
    assert asks_outlook("what does the future look like for the ferry pact?")
    assert asks_outlook("how does the future look for the lease?")
    assert intent_of("what does the future look like for the ferry ties?") == "overview"


def test_a_future_being_shaped_is_not_told():
    # "shaping the future of X" says who will make it, not what it will be
    assert not tells_future("The two towns will play a key role in shaping the future of ferry ties.")
    assert not tells_future("The vote may determine the future of the lease.")
    assert tells_future("Shaping the harbour took years, and the future of the ferry ties hangs in the balance.")


def test_an_outlook_led_by_a_sentence_shaping_the_future_hears_the_one_telling_it():
    a = _cands("a", ["The towns will play a key role in shaping the future of ferry ties.",
                     "The ferry pact helps both towns."], [0.9, 0.88])
    b = _cands("b", ["The future of the ferry ties hangs in the balance."], [0.6])
    q = _q("what does the future look like for ferry ties?", intent="overview")
    assert future_told(q, sorted(a + b, key=lambda c: -c.score)).text.startswith("The future of the ferry ties")
