"""A question asking what each party gets is answered by the sentence giving each party its own clause, not by a
near leader speaking of both as one (``rag.members``)."""

from candkit import cands, query

from rag.members import each_party_first


def test_the_sentence_giving_each_party_its_clause_leads_a_leader_naming_both_as_one():
    both, each = cands("port", ["By working together, both towns can gain new ferry routes.",
                                "Norway gained access to the ports, while Sweden got the fares."], sims=[0.6, 0.4])
    q = query("what does each country gain from working together?", each_party=True)
    assert each_party_first(q, [both, each])[0] is each  # 0.4 is two thirds of 0.6: each party's clause answers
    each.score = 0.3  # far below the leader: the leader keeps its place
    assert each_party_first(q, [both, each])[0] is both
    assert each_party_first(query("what do they gain from working together?"), [both, each])[0] is both  # no "each" asked


def test_no_lead_when_the_question_names_its_sides():
    both, each = cands("port", ["By working together, both towns can gain new ferry routes.",
                                "Norway gained access to the ports, while Sweden got the fares."], sims=[0.6, 0.5])
    assert each_party_first(query("norway vs sweden: what does each side gain?", each_party=True,
                                           sides=[["norway"], ["sweden"]]), [both, each])[0] is both


def test_the_question_parse_reads_each_party():
    from rag.members import asks_each_party

    assert asks_each_party("what does each of the two nations get?") and not asks_each_party("do they need each other?")


def test_an_opening_aside_does_not_hide_the_idiom_of_gaining():
    from rag.text import plain_gain

    # "frankly, what have both sides gotten out of it?" asks what each side gained, as without the aside
    assert plain_gain("frankly, what have both sides gotten out of it?") == "frankly, what have both sides gained from it?"
    assert plain_gain("so, how did the port get out of the lease?") == "so, how did the port get out of the lease?"  # leaving it
