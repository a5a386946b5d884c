"""Words that only frame a question (whose view is asked, a pointer at the topic) do not count in the shares of it
the articles know (``rag.framewords``)."""

from rag.abstain import Unknown
from rag.framewords import frame_words, known_share
from rag.text import stem


def test_a_view_asked_and_a_pointer_are_frame_words():
    frame = frame_words("why does the author think closing the whole thing would hurt the ferry?")
    assert {stem("author"), stem("think"), stem("whole"), stem("thing")} <= frame
    assert stem("ferry") not in frame and stem("hurt") not in frame


def test_a_vague_noun_after_a_content_word_names_a_topic():
    # "the harbour fee stuff" is about harbour fees: "stuff" is part of naming it, no pointer
    assert stem("stuff") not in frame_words("what does the writer think of the harbour fee stuff?")
    assert stem("stuff") in frame_words("is all this stuff about fees?")


def test_frame_words_the_articles_never_use_leave_the_known_share():
    full = {"ferri": 2.0, "toll": 2.0, "writer": 4.0, "think": 4.0}
    assert known_share({"ferri": 2.0, "toll": 2.0}, full) == 2.0 / 6.0  # no frame given: as before
    assert known_share({"ferri": 2.0, "toll": 2.0}, full, frame_words("why does the writer think so?")) == 1.0
    # a frame word the articles do use counts as any known word
    assert known_share({"ferri": 2.0, "writer": 4.0}, {"ferri": 2.0, "writer": 4.0, "cup": 4.0}, frozenset({"writer"})) == 0.6


def test_frame_words_leave_the_unknown_share_but_topic_words_stay():
    idf = {"writer": 4.0, "think": 4.0, "scrap": 4.0, "mistak": 3.0}
    framed = Unknown([], ["scrap"], ["writer", "think"], idf, frame=frozenset({"writer", "think"}))
    assert framed.share == 4.0 / 7.0
    assert Unknown([], ["scrap"], ["writer", "think"], idf).share == 12.0 / 15.0
    cup = Unknown([], [], ["cup", "stuff"], {"world": 2.0, "cup": 4.0, "stuff": 4.0}, frame=frame_words("the world cup stuff"))
    assert cup.share == 0.8
