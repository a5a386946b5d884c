"""What a sentence names without asserting it of the asked claim (``rag.unasserted``), as ``rag.polarity.verdict`` reads it."""

from rag.polarity import left_out, verdict
from rag.unasserted import asserted, bears_on, left_object, without_unasked_exclusions, without_wishes


def test_a_call_for_an_act_does_not_affirm_the_act():
    """"Was it ever cancelled?" is not a yes for "lawmakers called for its cancellation": the act is only wanted."""
    s = "Some lawmakers have attacked the ferry pact, calling for its cancellation."
    assert verdict("was the ferry pact ever cancelled?", s) == "no"
    assert verdict("was the pact scrapped?", "Critics pushed to scrap it.") == "no"
    assert verdict("was the pact ended?", "The mayor threatened to end the pact.") == "no"


def test_a_wish_still_answers_a_question_about_the_wish_or_against_the_plain_claim():
    """A question asking the wish is answered by it; one asking the plain, positive claim is denied by a call to end."""
    s = "Some lawmakers have attacked the ferry pact, calling for its cancellation."
    assert verdict("did lawmakers want the ferry pact gone?", s) == "yes"
    assert verdict("were lawmakers in favour of keeping the ferry pact?", s) == "no"
    assert without_wishes("did they call for its end?", "They called for its end.") == "They called for its end."
    assert without_wishes("was it ended?", "They called for its end.", asks_act=False) == "They called for its end."


def test_an_act_done_is_still_read():
    assert verdict("was the ferry pact cancelled?", "The council cancelled the ferry pact in May.") == "yes"


def test_an_exclusion_of_another_thing_is_no_denial():
    """"Is the port worried about theft?" is not denied by a sentence whose exclusion is of another thing."""
    s = "By excluding sensitive fields, the port aims to limit risks of theft."
    assert verdict("is the port worried about theft?", s) == "yes"
    assert "excluding" not in without_unasked_exclusions("is the port worried about theft?", s)


def test_an_exclusion_of_the_asked_thing_still_denies_it():
    s = "The new permit covers day ferries, explicitly excluding night and cargo runs such as heavy barges."
    assert verdict("does the new permit cover barges?", s) == "no"
    assert verdict("does the new permit leave out barges?", s) == "yes"
    # initials: "AI" asked, "artificial intelligence" excluded
    t = "The new pact covers basic research, excluding critical fields such as artificial intelligence."
    assert without_unasked_exclusions("does the new pact cover ai?", t) == t
    assert bears_on("does it cover ai?", "artificial intelligence")


def test_what_is_left_out_ends_where_a_clause_of_its_own_begins():
    assert left_object(" sensitive fields, the port aims to limit risks") == " sensitive fields"
    words = lambda t: set(t.lower().replace(",", " ").replace(".", " ").split())
    w = {"port": 2.0, "worried": 2.0}
    assert left_out(w, "By excluding sensitive fields, the port aims to limit risks.", words) == set()
    assert left_out({"barges": 2.0}, "It covers ferries, excluding barges.", words) == {"barges"}


def test_asserted_leaves_a_plain_sentence_whole():
    s = "The ferry pact was not renewed."
    assert asserted("was the ferry pact renewed?", s) == s
