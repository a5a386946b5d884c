"""The thing a "what is the X of Y?" question asks for, which articles never naming X cannot state (``rag.askedthing``)."""

from rag.askedthing import asked_thing


def test_a_concrete_thing_is_asked_for():
    assert asked_thing("what is the annual toll of the bridge?") == "toll"
    assert asked_thing("what's the budget for the harbour lease?") == "budget"


def test_a_stance_or_judgement_is_asked_in_the_articles_own_words():
    """"The main worry of…", "the mood in…": the articles tell a worry or a mood without the noun ("concerns",
    "fearing"), so a question asking for one is not refused for the noun alone."""
    for q in ("what's the main worry of people who want to end the lease?", "what's the mood in the harbour town?",
              "what is the biggest downside of the new lease?", "what's the lesson of the ferry dispute?"):
        assert asked_thing(q) == "", q


def test_a_passive_question_asks_of_the_thing_before_its_verb():
    """"Is ferry work covered by the pact?" asks of ferry work, not of "the pact" that does the covering."""
    from rag.scope import asked_mention
    assert asked_mention("is ferry work covered by the new pact?") == "ferry work"
    assert asked_mention("does the new pact cover ferry work?") == "ferry work"
    assert asked_mention("was it covered by the mayor?") == ""
