"""Yes/no questions claiming an act came smoothly or on time (``rag.smoothness``): tiny hand-made candidates."""

from candkit import cands as _cands
from candkit import query as _q
from rag.smoothness import asks_prompt, delay_denies, tells_delay
from rag.yesno import pick_yes_no


def _lease():
    return _cands("a", ["The lease's future became uncertain when its term expired in May.",
                        "The lease received two short extensions.",
                        "Finally, on May 3, the port renewed the lease for five years.",
                        "The renewed lease covers barges."], [0.5, 0.3, 0.6, 0.4])


def test_claims_of_promptness_or_ease_are_read_not_other_times():
    assert asks_prompt("was the lease renewed smoothly and on time?")
    assert asks_prompt("did it get renewed the moment it ran out?")
    assert asks_prompt("did the renewal go through without a hitch?")
    assert not asks_prompt("did the renewal apply backwards in time?")  # a direction in time, no deadline met
    assert not asks_prompt("will it be renewed on time?")  # what will be: a past delay does not answer it
    assert not asks_prompt("was the lease renewed in May?")


def test_a_delay_told_as_done_not_supposed_nor_denied():
    assert tells_delay("Talks dragged on for a year.") and tells_delay("It was signed after months of talks.")
    assert not tells_delay("It may get another extension.")
    assert not tells_delay("It was renewed without any delay.")
    assert not tells_delay("The pact extended cooperation to new fields.")  # a reach, not a stopgap


def test_a_stopgap_beside_the_evidence_answers_no_with_the_act():
    cands = sorted(_lease(), key=lambda c: -c.score)
    q = "was the lease renewed smoothly and on time?"
    chosen, why, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert lead == "No — " and why == ["delay", "delay"]
    assert [c.text for c in chosen] == ["The lease received two short extensions.",
                                        "Finally, on May 3, the port renewed the lease for five years."]


def test_no_claim_of_promptness_or_no_delay_heard_leaves_the_answer():
    cands = sorted(_lease(), key=lambda c: -c.score)
    assert delay_denies("was the lease renewed in May?", cands[0], cands) is None
    quiet = _cands("a", ["Finally, on May 3, the port renewed the lease for five years.",
                         "The renewed lease covers barges."], [0.6, 0.4])
    assert delay_denies("was the lease renewed on time?", quiet[0], quiet) is None
    far = _cands("a", ["Finally, on May 3, the port renewed the lease.", "It got an extension."], [0.6, 0.2])
    assert delay_denies("was the lease renewed on time?", far[0], far) is None  # below half the best: not heard


def test_a_delay_of_another_article_sharing_no_word_is_not_heard():
    lease = _cands("a", ["Finally, on May 3, the port renewed the lease."], [0.6])
    other = _cands("b", ["Fishery talks stalled for a year."], [0.5])
    for c in other:
        c.overlap = 0.0
    cands = lease + other
    assert delay_denies("was the lease renewed on time?", cands[0], cands) is None


def test_a_state_that_holds_is_no_act_asked_as_done():
    cands = sorted(_lease(), key=lambda c: -c.score)
    assert delay_denies("does work under the lease run smoothly?", cands[0], cands) is None
