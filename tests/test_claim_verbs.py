"""A claim asked for in everyday words ("who made the argument that…", "who has been pushing for…", "who keeps
pointing to…") is a "who said X?" question: the sentence stating the claim decides and its writers are credited."""

import pytest

from candkit import cands as _cands
from candkit import query as _q
from rag.bylines import attribution
from rag.evidence import asks_speaker
from rag.neighbours import typed_follower
from rag.persons import asks_person
from rag.rules import SAID


@pytest.mark.parametrize("question", [
    "who made the argument that the ferry pays for itself?",
    "who makes the case for a second pier?",
    "who has been pushing for a toll on the bridge?",
    "who pushed to close the old harbour?",
    "who has been pointing to the silt as a problem?",
    "who is urging the two towns to share the port?",
    "who has been advocating tighter rules?",
    "who keeps calling for lower fares?",
    "who campaigned for the new ferry line?",
    "who lobbied for the tunnel?",
])
def test_a_claim_or_a_stance_voiced_in_everyday_words_is_a_verb_of_saying(question):
    assert SAID.search(question)
    assert asks_speaker(_q(question, qtype="name"))
    assert not asks_person(question)  # whoever voiced it, not someone holding a role


@pytest.mark.parametrize("question", [
    "which harbour senator led the push to cancel the toll?",  # "the push": a noun, whose leader is a doer
    "who led the push for a second pier?",
    "who signed the ferry pact?",
    "who made the new pier?",  # made, but no argument, case or point
])
def test_a_push_named_as_a_noun_or_a_plain_act_is_no_claim(question):
    assert not asks_speaker(_q(question, qtype="name"))


def test_who_argued_reads_the_claim_not_a_follower_that_names_someone():
    a = _cands("a", ["Studies show the ferry is not a loss but a gain for both towns.",
                     "Mayor Ann Berg opened the pier in Oslo."], sims=[0.8, 0.3])
    a[1].typed = 1.0
    a[0].passage.authors, a[0].passage.outlet = ["Bo Park"], "Daily Ledger"
    said = _q("who made the argument that the ferry isn't a loss?", qtype="name")
    assert typed_follower(said, a, a[0]) is None  # the claim answers; its writer is credited
    assert attribution(said, [a[0]]) == "Bo Park (Daily Ledger) — "
    done = _q("who opened the ferry pier?", qtype="name")
    assert typed_follower(done, a, a[0]) == (a[0], a[1])  # a doer asked for: the follower naming one still counts
