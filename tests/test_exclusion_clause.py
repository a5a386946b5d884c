"""A sentence "X, excluding Y" affirms X and denies Y (``rag.polarity.focus_clause``); "limited to X" binds to X, it
denies nothing; "is it just / only X?" is affirmed by a sentence confining it to X."""

from rag.polarity import focus_clause, negations, verdict
from rag.text import said_plainly

S = "The new permit focuses exclusively on day routes, explicitly excluding night ferries and barges."


def test_the_thing_before_the_exclusion_is_affirmed():
    assert verdict("does the new permit still cover day routes?", S) == "yes"
    assert verdict("is the permit just about day routes now?", S) == "yes"
    assert verdict("is the permit mainly about day routes?", S) == "yes"


def test_the_thing_left_out_is_denied():
    assert verdict("does the new permit cover night ferries?", S) == "no"
    assert verdict("is the permit only about barges?", S) == "no"
    assert verdict("does the permit leave out barges?", S) == "yes"


def test_an_unseen_thing_reads_the_clause_whole():
    # a thing neither part names: the whole clause, exclusion and all, is read
    s = "The pact covers day routes, excluding night ferries."
    assert focus_clause("is qx left out of the pact?", s) == s
    assert verdict("is qx left out of the pact?", s) == "yes"


def test_an_acronym_written_out_is_seen_in_its_part():
    # "AI" written out in plain words ("artificial intelligence") is held by the exclusion (``rag.modifiers``)
    s = "The pact covers day routes, excluding artificial intelligence."
    assert focus_clause("is ai left out of the pact?", s) == "excluding artificial intelligence."
    assert verdict("is ai left out of the pact?", s) == "yes"


def test_limited_to_binds_and_denies_nothing():
    assert negations("is the permit restricted to day routes?", verbs_only=True) == 0
    assert negations("They restrict barges.") == 1
    assert verdict("is the new permit restricted to day routes?", S) == "yes"


def test_the_frame_of_confinement_is_no_topic_word():
    assert said_plainly("is it limited to day routes?", "yes_no") == "is it only to day routes?"
    assert said_plainly("is it limited to day routes?", "fact") == "is it limited to day routes?"


def test_kept_out_is_a_verb_of_removal():
    assert negations("are barges kept out of the permit?", verbs_only=True) == 1
