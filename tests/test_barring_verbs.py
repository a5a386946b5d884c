"""Verbs of barring with "out" ("rule out", "shut out", "freeze out", "take out") and "off-limits" ask whether a thing
is excluded: a sentence excluding it answers yes, one affirming it answers no (``rag.text.OUT_BARRING``,
``rag.polarity``)."""

from rag.polarity import negations, verdict
from rag.text import left_out_plain, said_plainly

S = "The new permit focuses exclusively on day routes, explicitly excluding night ferries and barges."


def test_a_verb_of_barring_with_out_is_a_denial_in_the_question():
    assert negations("was the night ferry ruled out of the permit?", verbs_only=True) == 1
    assert negations("did the permit shut barges out?", verbs_only=True) == 1
    assert negations("were barges frozen out of the new permit?", verbs_only=True) == 1
    assert negations("did they take barges out of the permit?", verbs_only=True) == 1
    assert negations("did the board rule on the permit?", verbs_only=True) == 0  # no "out": a ruling, no barring
    assert negations("did they take the ferry?", verbs_only=True) == 0


def test_the_thing_barred_is_affirmed_and_the_thing_kept_denied():
    assert verdict("did the permit rule out night ferries?", S) == "yes"
    assert verdict("did the new permit shut out barges?", S) == "yes"
    assert verdict("did the permit rule out day routes?", S) == "no"
    assert verdict("did the port rule out renewing the permit?", "The port renewed the permit in May.") == "no"


def test_off_limits_is_a_denial_in_a_question_and_in_a_sentence():
    assert verdict("under the permit, are barges off-limits?", S) == "yes"
    assert verdict("under the permit, are day routes off limits?", S) == "no"
    assert verdict("are barges allowed?", "Barges remain off-limits.") == "no"


def test_the_plain_word_joins_the_terms():
    assert left_out_plain("was the night ferry ruled out of it?") == "was the night ferry ruled out excluded of it?"
    assert said_plainly("are barges off-limits now?", "yes_no") == "are barges off-limits excluded now?"
    assert said_plainly("what's off-limits now?", "list") == "what's off-limits now?"  # a wh-question keeps its words
