"""Yes/no questions asserting the leader under whom an act was done (``rag.leaders``): tiny hand-made candidates."""

from candkit import cands as _cands
from candkit import query as _q
from rag.leaders import asserted_leader, leader_denied
from rag.yesno import pick_yes_no


def _ferry():
    return _cands("a", ["In 2031 the port signed a new ferry lease.",
                        "The 2019 renegotiation under Berg already raised the fees.",
                        "The new lease embodies the outgoing Lund administration's caution.",
                        "The Berg administration later praised the port."], [0.9, 0.7, 0.4, 0.3])


def test_a_leader_tied_to_another_year_did_not_do_the_asked_act():
    # the evidence names no leader; Berg's act is dated 2019, so the 2031 signing was not under Berg
    cands = _ferry()
    q = "was the 2031 lease signed under berg?"
    assert asserted_leader(q, cands) == "berg"
    assert leader_denied(q, cands[0], cands) == [cands[2], cands[1]]
    chosen, why, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert lead == "No — " and chosen == [cands[2], cands[1]] and why == ["leader", "leader"]


def test_a_named_leader_or_no_leader_word_leaves_the_answer():
    cands = _ferry()
    assert leader_denied("was the 2031 lease signed under lund?", cands[0], cands) is None  # Lund's act: no other year
    assert leader_denied("was the 2031 lease signed under pressure?", cands[0], cands) is None  # no leader asserted
    assert leader_denied("was the lease signed under berg?", cands[0], cands) is None  # no year to tell acts apart
    assert leader_denied("was the 2019 renegotiation done under berg?", cands[1], cands) is None  # evidence names Berg


def test_evidence_naming_another_leader_of_the_act_says_no():
    # "the 2019 renegotiation under Berg" answers "was the 2019 renegotiation done under lund?": no, it was Berg's
    cands = _ferry()
    q = "was the 2019 renegotiation done under lund?"
    assert leader_denied(q, cands[1], cands) == [cands[1]]
    ranked = _cands("a", ["The 2019 renegotiation under Berg already raised the fees.",
                          "The Berg administration later praised the port."], [0.9, 0.3])
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), ranked)
    assert lead == "Yes — " and chosen[0] is ranked[0]  # no other leader is named anywhere: "lund" is no leader
    ranked += _cands("b", ["The Lund administration came later."], [0.2])
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), ranked)
    assert lead == "No — " and chosen[0] is ranked[0]
