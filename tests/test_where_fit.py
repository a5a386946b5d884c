"""``asked.question_type``: "where" before a word of fit asks in what field, not in what place (``_WHERE_FIT``)."""

from rag.asked import question_type


def test_where_with_a_word_of_fit_asks_no_place():
    assert question_type("where does cooperation make the most sense?") is None
    assert question_type("where does the harbour writer think working together still makes sense?") is None
    assert question_type("where is joint work still viable?") is None
    assert question_type("where is a levy useful?") is None


def test_where_of_a_place_still_asks_a_place():
    assert question_type("where was the deal signed?") == "place"
    assert question_type("where were the ferry talks held?") == "place"
    assert question_type("where does the mayor live?") == "place"
