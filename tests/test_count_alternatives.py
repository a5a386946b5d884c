"""A count question naming its thing as alternatives ("how many X or Y"), or asking for "counts of X", counts each
named thing (``rag.asked.count_target``); invented questions only."""

import pytest

from rag.asked import count_alternatives, count_target, counted_things, question_type


@pytest.mark.parametrize("q,expected", [
    ("how many ferries or barges crossed?", {"ferri", "barg"}),
    ("how many barges and ferries crossed the bay?", {"barg", "ferri"}),
    ("how many piers, docks or slips were built?", {"pier", "dock", "slip"}),
    ("how many ferries sailed?", {"ferri", "sail"}),  # no alternatives: as before, the first two words
    ("how many ferries and/or other barges?", {"ferri", "barg"}),
])
def test_each_alternative_is_counted(q, expected):
    assert count_target(q) == expected


def test_alternatives_only_after_the_counted_noun():
    assert count_alternatives("how many ferries sailed and when?") == []
    assert count_alternatives("what did the port and the city agree?") == []


@pytest.mark.parametrize("q,expected", [
    ("the two papers give different counts of ferries, what are they?", {"ferri"}),
    ("the pieces give a count of ferries sold to the city, how do they differ?", {"ferri"}),  # not "sold"
    ("what are the numbers of berths each report gives?", {"berth"}),
    ("the reports give different numbers for how many berths came", {"berth", "came"}),  # "how many" asks
])
def test_counts_of_a_noun_count_it(q, expected):
    assert count_target(q) == expected
    assert question_type(q) == "number" or "how many" in q


def test_counted_things_keep_their_alternative():
    assert counted_things("how many ferries or barges crossed?") == {"ferri", "barg"}
    assert counted_things("the papers give different counts of ferries") == {"ferri"}
