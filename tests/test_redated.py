"""A yes/no question dating an act to a year no sentence writes (``rag.redated``): tiny hand-made candidates."""

from candkit import cands as _cands
from candkit import query as _q
from rag.abstain import Evidence, Unknown, abstain_reason
from rag.redated import redated
from rag.text import terms
from rag.yesno import pick_yes_no


def _ferry():
    return _cands("a", ["The lease will be effective as long as both ports agree.",
                        "On May 3 the ports renewed the lease, retroactively effective from March 1.",
                        "The ferries carry more freight than ever."], [0.9, 0.8, 0.7])


def _weights(q):
    return {t: (3.0 if t == "effect" else 1.0) for t in terms(q)}


def test_a_sentence_dating_the_asked_act_otherwise_answers_no():
    cands = _ferry()
    q = "did the renewed lease only take effect in 2031?"
    assert redated(q, cands, _weights(q)) is cands[1]  # the first holds "effective" but dates nothing and may be
    chosen, why, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands, _weights(q))
    assert lead == "No — " and chosen == [cands[1]] and why == ["redated"]


def test_an_act_no_sentence_dates_or_a_written_year_is_left_alone():
    cands = _ferry()
    q = "did they try to cancel the lease in 2031?"
    assert redated(q, cands, {"tri": 1.0, "cancel": 3.0, "leas": 1.0}) is None  # no sentence tells a cancelling
    q = "did the renewed lease take effect in 2031?"
    assert redated(q, _cands("a", ["It took effect in 2031, renewed."]), _weights(q)) is None  # the year is written
    assert redated("did the lease take effect?", cands, _weights("did the lease take effect?")) is None  # no year


def test_an_unwritten_year_is_no_refusal_when_the_act_is_dated_otherwise():
    assert abstain_reason(Evidence(Unknown(["2031"], [], []), 0.3, 0.5, 0.5, 0.6, redated=True)) == ""
    assert abstain_reason(Evidence(Unknown(["2031"], [], []), 0.3, 0.5, 0.5, 0.6)) == "unknown_entity"
    assert abstain_reason(Evidence(Unknown(["2031", "fbi"], [], []), 0.3, 0.5, 0.5, 0.6, redated=True)) == "unknown_entity"


def test_a_question_about_what_will_be_is_not_answered_by_a_past_date():
    # "No — renewed on May 3" tells nothing of whether it will be renewed again in 2031: the articles cannot know
    cands = _ferry()
    q = "will the lease be renewed again in 2031?"
    assert redated(q, cands, {"leas": 1.0, "renew": 3.0}) is None
    assert redated("was the lease renewed in 2031?", cands, {"leas": 1.0, "renew": 3.0}) is cands[1]
    assert redated("is the lease going to be renewed in 2031?", cands, {"leas": 1.0, "renew": 3.0}) is None
