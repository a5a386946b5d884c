"""'Why did both sides X?': "both sides" the subject of one act asks the reason for it, not their views compared."""

from rag.intent import intent_of, joint_why


def test_both_sides_doing_one_act_asks_its_reason_not_their_views():
    assert intent_of("why did both sides keep extending the lease instead of letting it end?") == "why"
    assert intent_of("how come both sides signed the ferry deal?") == "why"
    assert intent_of("how do both sides see the ferry deal?") == "compare"  # their views, set against each other
    assert intent_of("why do both sides disagree on the fees?") == "compare"  # a disagreement is a comparison
    assert not joint_why("why did the port raise fees?", [])
