"""Phrases that frame how a question is asked ("big picture", "broadly speaking", "at this point", "day to day") carry
no topic: a sentence saying "pointed to" or "a day" is no closer to it (``text.topic_text``)."""

from rag.text import terms, topic_text


def test_frame_phrases_leave_no_terms():
    assert terms(topic_text("big picture, how is the ferry doing?")) == terms("how is the ferry doing?")
    assert terms(topic_text("broadly speaking, what do the ports gain?")) == terms("what do the ports gain?")
    assert terms(topic_text("is the ferry dead at this point?")) == terms("is the ferry dead?")
    assert terms(topic_text("how has the port changed over time?")) == terms("how has the port changed?")
    assert terms(topic_text("how does the lease work day to day?")) == terms("how does the lease work?")
    assert terms(topic_text("how many berths so far?")) == terms("how many berths?")
    assert terms(topic_text("what is the lease, in a nutshell?")) == terms("what is the lease?")
    assert terms(topic_text("what is the lease in plain english?")) == terms("what is the lease?")
    assert terms(topic_text("roughly when did the port open, generally?")) == terms("when did the port open?")


def test_the_point_of_a_purpose_is_no_topic_but_other_points_stay():
    assert "point" not in terms(topic_text("what's the point of keeping the lease?"))
    assert "point" in terms(topic_text("what is the main point of the harbour piece?"))  # a gist ask: left as it is
    assert "point" in terms(topic_text("who made a point of saying it?"))
    assert "point" in terms(topic_text("the point of sale moved"))


def test_the_same_words_outside_a_frame_stay():
    assert "pictur" in terms(topic_text("which picture shows the ferry?"))
    assert "time" in terms(topic_text("what time does the ferry leave?"))
    assert "day" in terms(topic_text("which day did the ferry sail?"))
    assert "far" in terms(topic_text("how far is the port?"))
    assert "whole" in terms(topic_text("did it buy a whole fleet?"))
