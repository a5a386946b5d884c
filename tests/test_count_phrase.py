"""What a number counts (``rag.rules.has_count_of``): the noun phrase it heads, not a noun further on in the
clause; and a hedged "roughly how many…" still asks a count (``rag.asked.question_type``). Invented sentences."""

import pytest

from rag.asked import question_type
from rag.rules import has_count_of


@pytest.mark.parametrize("text,targets,expected", [
    ("The port has opened nearly 30 ferry routes.", {"rout"}, True),
    ("Some 30 routes between the two towns.", {"town"}, True),  # a prepositional phrase qualifies the routes
    ("Over three decades of the ferry pact, trade grew.", {"pact"}, False),  # decades are counted, not pacts
    ("The two towns have renewed the lease.", {"leas"}, False),  # a clause after the count
    ("The two towns have renewed the lease.", {"town"}, True),
    ("Two of the routes closed.", {"rout"}, True),  # a partitive "of the"
    ("It was signed 40 years ago by the port.", {"port"}, False),
])
def test_a_number_counts_its_own_phrase(text, targets, expected):
    assert has_count_of(text, targets) is expected


@pytest.mark.parametrize("q", ["roughly how many ferries sail?", "about how many routes are there",
                               "so approximately how many berths were built?"])
def test_a_hedged_count_asks_a_number(q):
    assert question_type(q) == "number"
