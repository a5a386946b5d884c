"""A summary asked with any adjective of generality before a word for a view ("the basic take", "the core message"),
as "the overall take" and "the main point" ask it (``rag.intent._SUMMARY_ASK``)."""

import pytest

from rag.intent import asks_summary, intent_of


@pytest.mark.parametrize("q,summary", [
    ("what's the harbour times column's basic take on the new fees?", True),
    ("what's the core message of the dock weekly report?", True),
    ("what's the general point of the harbour piece?", True),
    ("in plain words, what's the broad takeaway of the dock column?", True),
    ("does the permit cover basic research?", False),  # "basic" naming a thing, no word for a view after it
    ("what's the general manager's view of the fees?", False),  # "general" naming a role
    ("what's the core of the dock plan?", False),  # no word for a view: one thing of the plan
])
def test_an_adjective_of_generality_before_a_word_for_a_view_asks_a_summary(q, summary):
    assert asks_summary(q) is summary


def test_a_basic_take_on_a_named_piece_is_asked_as_an_overview():
    assert intent_of("what's the harbour times column's basic take on the new fees?") == "overview"
