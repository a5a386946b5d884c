"""A sentence giving the asked speaker's say leads a claim of the writer's that outscores it a little
(``rag.leads``)."""

from candkit import cands, query

from rag.evidence import voiced
from rag.leads import voiced_first


def test_the_asked_speakers_say_leads_a_near_claim_that_names_no_speaker():
    claim, said, far = cands("port", ["Closing the port risks all of these ferry links.",
                                      "Captains warned that closing the port would strand the islands.",
                                      "The port opened in 1979."], sims=[0.5, 0.4, 0.2])
    q = query("what did the captains say would happen if the port closed?", speaker="captain")
    assert voiced_first(q, [claim, said, far], voiced)[0] is said  # 0.4 is near 0.5: the captains' say answers
    said.score = 0.3  # far below the claim: the claim keeps the lead (and the refusal judges the rest)
    assert voiced_first(q, [claim, said, far], voiced)[0] is claim
    assert voiced_first(query("what happened when the port closed?"), [claim, said], voiced)[0] is claim  # no speaker asked


def test_a_named_doer_leads_a_near_leader_telling_only_of_some_in_a_place():
    from rag.leads import named_doer_first

    some, named = cands("port", ["The lease is old, but some in Oslo want to end it.",
                                 "Harbour Councillors have made the lease a target."], sims=[0.5, 0.45])
    q = query("who in the council wanted to end the lease?", qtype="name")
    assert named_doer_first(q, [some, named])[0] is named  # "some in Oslo" names no one
    assert named_doer_first(query("why did some want to end it?"), [some, named])[0] is some  # no "who" asked


def test_a_named_claimant_leads_a_near_claim_of_the_writers():
    """"Who claimed the lease helps the rival port?": a leader reporting no one's words is the writers' own claim;
    a near sentence opening on a named doer and reporting what they said names the claimant."""
    from rag.evidence import asks_speaker
    from rag.leads import claimant_first
    from rag.persons import reports_words

    claim, named = cands("port", ["It would be a mistake to let the lease help the rival port.",
                                  "Harbour Councillors have castigated the lease as a gift to the rival port."],
                         sims=[0.5, 0.45])
    q = query("who claimed the lease helps the rival port?", qtype="name")
    assert claimant_first(q, [claim, named], asks_speaker, reports_words)[0] is named
    assert claimant_first(query("why is the lease a mistake?"), [claim, named], asks_speaker, reports_words)[0] is claim
    named.score = 0.3 * claim.score  # far below: the writers' claim keeps the lead
    assert claimant_first(q, [claim, named], asks_speaker, reports_words)[0] is claim


def test_a_named_claimant_after_the_leads_too_but_not_a_plain_noun_phrase():
    """"The Harbour Board stressed that…" names its doer after "The"; "The Harbour lease…" and "The board…" do not."""
    from rag.evidence import asks_speaker
    from rag.leads import claimant_first
    from rag.persons import reports_words

    claim, named, plain = cands("port", ["The renewed lease strengthens protections for the rival port.",
                                         "The Harbour Board stressed that the lease keeps protections for the port.",
                                         "The board said the lease keeps protections for the port."],
                                sims=[0.5, 0.45, 0.45])
    q = query("who made a point of saying the lease keeps protections?", qtype="name")
    assert claimant_first(q, [claim, named], asks_speaker, reports_words)[0] is named
    assert claimant_first(q, [claim, plain], asks_speaker, reports_words)[0] is claim  # "The board": no name
