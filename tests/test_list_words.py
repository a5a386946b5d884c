"""A list asked for in everyday words ("list the worldwide problems the articles say need both towns…"): a request
to list is a list, not a comparison of the articles, and the kind's modifiers are put in the articles' own words."""

from rag.intent import intent_of, kind_modifiers
from rag.query import asked_in_their_words
from rag.text import stem

_NEAR = {"worldwide": "global", "problems": "issues", "farming": "agriculture"}.get
_KNOWN = {stem(w) for w in ("global", "issues", "agriculture", "port", "towns", "need", "work", "together")}.__contains__


def test_a_request_to_list_things_the_articles_say_is_a_list():
    assert intent_of("list the worldwide problems the articles say need both towns working together") == "list"
    assert intent_of("name the risks the articles say the port faces") == "list"
    assert intent_of("what dangers do the articles say face both ports?") == "list"  # as before
    assert intent_of("which danger do the articles say is worst?") == "compare"  # one thing: their views, set apart


def test_a_list_question_asks_its_kind_in_the_articles_words_but_keeps_its_noun():
    q = "list the worldwide problems the articles say need both towns working together"
    assert kind_modifiers(q) == "worldwide"
    assert asked_in_their_words(q, _KNOWN, _NEAR) == q.replace("worldwide", "global")
    # the noun stays as typed: a near word ("issues") is often the same word in another sense
    assert "problems" in asked_in_their_words(q, _KNOWN, _NEAR)
    assert asked_in_their_words(q, _KNOWN, None) == q  # without the embedder's words, as typed
    assert asked_in_their_words("what worldwide problems does the port piece name?", _KNOWN, _NEAR) \
        == "what global problems does the port piece name?"
    assert asked_in_their_words("why do worldwide problems need both towns?", _KNOWN, _NEAR) \
        == "why do worldwide problems need both towns?"  # not a list: as typed
    assert asked_in_their_words("did the deal cover farming?", _KNOWN, _NEAR) == "did the deal cover agriculture?"
