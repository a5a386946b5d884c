"""A request for more on a bare "that"/"this" ("tell me more about that") asks the last question again, whose topic
the pointer stands for, the request kept in brackets; not the rarest words of what the last answer quoted
(``rag.moreabout``)."""

import pytest

from rag.followup import Turn, rewrite
from rag.moreabout import asks_more_about_pointer

LAST = Turn("what new safeguards did the ferry lease add?", shown=[["a", 10]],
            said="The amended lease, with added safeguards in place, leaves room for reciprocity and resisting pressure.")


@pytest.mark.parametrize("q", ["tell me more about that", "Tell me more about this?", "can you say a bit more on that?",
                               "ok, elaborate on that part please", "could you tell me more about that stuff"])
def test_more_about_a_bare_pointer_is_asked_with_the_last_question(q):
    assert asks_more_about_pointer(q)
    out = rewrite(q, [LAST], weight=lambda s: len(s))
    assert out.text == f"what new safeguards did the ferry lease add ({q.strip().rstrip('?')})?"
    assert "reciprocity" not in out.text and not out.more and out.shown == []


@pytest.mark.parametrize("q", ["tell me more", "tell me more about that clause", "tell me more about why that matters",
                               "more about the fares?", "what about that?"])
def test_a_pointer_with_a_topic_or_a_plain_request_is_not_this_rule(q):
    assert not asks_more_about_pointer(q)


def test_plain_tell_me_more_still_continues_the_last_answer():
    out = rewrite("tell me more", [LAST])
    assert out.more and out.shown == [["a", 10]]


def test_what_about_with_its_own_preposition_replaces_the_last_ones():
    from rag.followup import Turn, rewrite
    got = rewrite("what about on ferries?", [Turn("can the two towns still work together on farms", [])]).text
    assert got == "can the two towns still work together on ferries?"
