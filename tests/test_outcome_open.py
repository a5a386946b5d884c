"""Yes/no questions asking how something came out: a statement before a dash only sets the scene, "in the end" dates
the asked act, and a sentence telling the outcome open gives way to one telling it done. Invented sentences only."""

from candkit import cands as _cands
from candkit import query as _q
from rag.asked import question_sentence
from rag.intent import intent_of, main_clause
from rag.polarity import negations, verdict
from rag.settles import open_then, outcome_told
from rag.yesno import pick_yes_no


def test_a_statement_before_a_dash_leaves_a_yes_no_question():
    q = "my son works on ferries — was ferry work ever part of the harbour plan?"
    assert intent_of(main_clause(question_sentence(q))) == "yes_no"
    assert question_sentence("the fee – what is it?") == "the fee – what is it?"  # a wh-question is scene_of's


def test_a_question_pointing_back_at_the_statement_keeps_it():
    q = "the port piece wanted ferries — does the plan line up with that?"
    assert question_sentence(q) == q


def test_in_the_end_dates_the_act_and_ends_nothing():
    assert negations("did the lease get renewed in the end?", verbs_only=True) == 0
    assert verdict("did the lease get renewed in the end?", "In May the port renewed the lease.") == "yes"
    assert negations("The lease ended in May.", verbs_only=True) == 1  # the verb still ends it


def test_a_doubt_told_in_the_present_is_open_one_told_in_the_past_is_not():
    assert open_then("was the lease renewed?", "Renewal of the lease remains uncertain.")
    assert open_then("was the lease renewed?", "Its fate hangs in the balance.")
    assert not open_then("was the lease renewed?", "Its future became uncertain when it expired.")
    assert not open_then("was the renewal uncertain?", "Renewal of the lease remains uncertain.")


def test_an_open_outcome_gives_way_to_the_sentence_telling_it_done():
    q = "did the harbour lease get renewed in the end?"
    cs = _cands("a", ["The future of the harbour lease hangs in the balance as its renewal remains uncertain.",
                      "A renewed lease could cover barges.",
                      "The renewed lease covers ferries.",
                      "Finally, in May, the port renewed the harbour lease for five years."], [0.9, 0.85, 0.8, 0.7])
    assert outcome_told(q, cs[0], cs) is cs[3]  # not "could", not "the renewed lease" taking it for granted
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cs)
    assert chosen[0] is cs[3] and lead == "Yes — "


def test_a_far_or_settled_evidence_stays():
    q = "did the harbour lease get renewed in the end?"
    far = _cands("a", ["The lease's renewal remains uncertain.", "In May the port renewed the lease."], [0.9, 0.5])
    assert outcome_told(q, far[0], far) is far[0]  # too far down to be heard
    told = _cands("a", ["The port renewed the lease in May.", "Later the port renewed the ferry permit."], [0.9, 0.8])
    assert outcome_told(q, told[0], told) is told[0]
