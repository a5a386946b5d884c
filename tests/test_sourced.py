"""``rag.sourced.names_source``: a question citing its one named article as the source keeps its evidence there."""

from rag.sourced import names_source


def test_source_cues_name_the_source():
    assert names_source("how many ferries run according to the harbour article?")
    assert names_source("per HT, which ports matter most?")
    assert names_source("in the harbour piece, who keeps pointing at the levy?")
    assert names_source("what fields did the pact cover, from the harbour op-ed?")


def test_rates_and_bylines_are_no_source():
    assert not names_source("how much is the fee per year?")
    assert not names_source("what is the levy per cent of the fare?")
    assert not names_source("who wrote the harbour piece?")
    assert not names_source("how many ferries run in the harbour?")


def test_account_set_against_another_act_is_left_open():
    # "…that the final plan left out": what the plan did is told elsewhere, so every article is heard
    assert not names_source("according to HT, what did the mayor hope for that the final plan left out?")
