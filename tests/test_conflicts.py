"""Conflicting details: a yes/no question's asserted detail of an act against a sentence about that act."""

from types import SimpleNamespace

import pytest

from rag.conflicts import act_conflict, conflict, conflicting_value
from rag.polarity import denial, verdict


@pytest.mark.parametrize("q,sentence,kind", [
    # value: another year or number
    ("Was the bridge opened in 1988?", "The bridge was opened in 1971.", "value"),
    ("Was the bridge opened in 1971?", "The bridge was opened in 1971.", ""),
    # agent: the sentence about the act names other people, not the asked one
    ("was the charter signed by olga brandt", "The charter was signed by Governor Pia Holm in 1931.", "agent"),
    ("was the charter signed by pia holm", "The charter was signed by Governor Pia Holm in 1931.", ""),
    ("Was the charter signed by Olga Brandt?", "Its signing by Mayor Ivo Sand drew crowds.", "agent"),  # signing / signed
    ("Was the charter signed by Olga Brandt?", "Governor Pia Holm praised the charter.", ""),  # another act
    ("Was the charter signed by officials?", "The charter was signed by Governor Pia Holm.", ""),  # a role, no name
    ("Was the charter signed by Olga Brandt?", "The charter was signed by the two towns.", ""),  # no one named
    # agent asked as who did it: "was X the one who signed it?" names the signer as "signed by X?" does
    ("was olga brandt the one who signed it", "The charter was signed by Governor Pia Holm in 1931.", "agent"),
    ("was it olga brandt who signed the charter?", "The charter was signed by Governor Pia Holm in 1931.", "agent"),
    ("was pia holm the one who signed it", "The charter was signed by Governor Pia Holm in 1931.", ""),
    ("was it the governor who signed it", "The charter was signed by Governor Pia Holm in 1931.", ""),  # a role
    # order: the other side of the same event
    ("Was the dam built before the town was founded?", "The dam was built after the founding of the town.", "order"),
    ("Was the dam built after the town was founded?", "The dam was built after the founding of the town.", ""),
    ("Was the dam built before the flood?", "The dam, built after the election, held in the flood.", ""),  # another event
    ("Was the dam built before the flood?", "After the flood, the dam was praised.", ""),  # another act
    # onset: only from a time, where the act reached back
    ("Did the raise only apply from the day it was agreed?", "The raise applied retroactively from March.", "onset"),
    ("Did the raise apply from March?", "The raise applied retroactively from March.", ""),  # no exclusivity asserted
    ("Did the raise only apply from the day it was agreed?", "The raise applied from the day it was agreed.", ""),
])
def test_conflict_kinds(q, sentence, kind):
    assert conflict(q, sentence) == kind


def test_a_value_is_left_to_the_best_evidence():
    # A near sentence giving another number is often about another event: only act-bound details are scanned.
    assert conflict("Were the two clubs still talking?", "Over four decades the clubs grew.") == "value"
    assert act_conflict("Were the two clubs still talking?", "Over four decades the clubs grew.") == ""


@pytest.mark.parametrize("q,sentence,expected", [
    ("Was the mill closed before 1950?", "The mill closed in 1938.", False),
    ("Was the mill closed after 1950?", "The mill closed in 1938.", True),
    ("Was the mill closed since 1950?", "The mill has been closed since 1950.", False),
    ("Was the mill closed by 1938?", "The mill closed in 1938.", False),
])
def test_a_year_set_as_a_bound_is_kept_by_any_year_within_it(q, sentence, expected):
    assert conflicting_value(q, sentence) is expected


@pytest.mark.parametrize("q,sentence,expected", [
    ("Was the lease extended for a whole decade?", "The lease was extended for another five years.", True),
    ("Was the lease extended for a decade?", "The lease was extended for ten years.", False),
    ("Has the mill stood for four decades?", "The mill has stood for 40 years.", False),
    ("Was the lease renewed for a decade?", "Over the first four decades the lease grew.", True),
])
def test_a_count_of_decades_is_compared_as_years(q, sentence, expected):
    assert conflicting_value(q, sentence) is expected


@pytest.mark.parametrize("q,sentence,expected", [
    ("was the mill first opened in the 90s", "The mill was first opened in 1962.", True),
    ("was the mill first opened in the late '60s?", "The mill was first opened in 1962.", False),
    ("was the mill opened in the sixties?", "The mill was opened in 1974.", True),
    ("was the mill run by a man in his 90s?", "The mill was opened in 1962.", False),  # an age, not a decade
])
def test_a_decade_said_without_its_century_is_compared_as_a_decade(q, sentence, expected):
    assert conflicting_value(q, sentence) is expected


def test_verdict_reads_the_conflict():
    assert verdict("Was the dam built before the town was founded?", "It was built after the town was founded.") == "no"
    assert verdict("Was the dam built before the town was founded?", "It was built before the town was founded.") == "yes"


def _cand(text, score):
    return SimpleNamespace(text=text, score=score, overlap=1, passage=SimpleNamespace(kind="body"))


def test_a_near_sentence_naming_other_signers_is_the_denial():
    q = "was the charter signed by olga brandt"
    cands = [_cand("The charter shaped the town for a century.", 1.0),
             _cand("The charter was signed by Governor Pia Holm in 1931.", 0.8),
             _cand("The charter was signed by Mayor Ivo Sand.", 0.3)]
    terms_of = lambda t: set(t.lower().split())  # noqa: E731
    assert denial(q, {"charter": 1.0}, cands, 0.5, terms_of) is cands[1]
    assert denial(q, {"charter": 1.0}, cands[:1] + cands[2:], 0.5, terms_of) is None  # below the floor


def test_a_yes_no_asserting_where_an_act_was_done_is_denied_by_the_act_told_in_another_named_place():
    told = "The ferry pact, finalized in Oslo after long talks, narrows the routes."
    assert conflict("was the ferry pact finalized in bergen?", told) == "place"
    assert verdict("was the ferry pact finalized in bergen?", told) == "no"
    assert verdict("was the ferry pact finalized in oslo?", told) == "yes"
    assert conflict("was the ferry pact finalized in secret?", told) == ""  # a manner, not a place
    assert conflict("was the ferry pact finalized in december?", told) == ""  # a time, not a place
    assert conflict("does it allow cooperation in barges?", "The Agreement on Cooperation in Harbours holds.") == ""


def test_an_asked_act_of_concluding_put_as_a_phrasal_verb_is_the_told_act_of_concluding():
    # "wrapped up in X?" asks where the deal was concluded, as "finalized in Y" tells it
    told = "The ferry pact, finalized in Oslo after long talks, narrows the routes."
    assert conflict("was the ferry pact wrapped up in bergen?", told) == "place"
    assert verdict("was the ferry pact wrapped up in oslo?", told) == "yes"
    assert conflict("was the ferry pact discussed in bergen?", told) == ""  # another act


def test_an_onset_asked_with_a_phrasal_verb_is_denied_by_the_sentence_telling_the_act_reached_back():
    # "kick in" is no word of the sentence; "renewal" / "renewed" tells it is the same act
    told = "The lease was renewed on May 3, retroactively effective from March 1."
    assert conflict("did the renewal only kick in starting may 3", told) == "onset"
    assert conflict("did the renewal kick in starting may 3", told) == ""  # no "only": nothing asserted against
    assert conflict("did the fee only kick in starting may 3", "The fee rose in May, effective at once.") == ""


def test_an_onset_put_as_the_acts_own_day_is_denied_by_the_sentence_telling_the_act_reached_back():
    # "starting that day" (the day of the renewal just asked about) asserts no reach back, as "only from" does
    told = "The lease was renewed on May 3, retroactively effective from March 1."
    assert conflict("did the lease take effect starting that day?", told) == "onset"
    assert conflict("did the renewal kick in from the day it was signed?", told) == "onset"
    assert verdict("did the lease take effect starting that day?", told) == "no"
    assert conflict("did the lease take effect starting that day?", "The lease was renewed on May 3.") == ""


def test_another_month_denies_the_asked_month():
    # "backdated to January?" against a sentence dating it "from August 27": the month asked is not the one told
    assert verdict("was the ferry lease backdated to january?", "The lease was renewed, backdated to August 27.") == "no"
    assert verdict("was the ferry lease backdated to august?", "The lease was renewed, backdated to August 27.") == "yes"
    assert verdict("may the lease be renewed?", "The lease was renewed in June.") == "yes"  # "may" is no month here


def test_a_thing_counted_otherwise_denies_the_asked_count():
    # the shared "two" of the ports does not make five years ten
    s = "The two ports have renewed the ferry lease every five years."
    assert verdict("did the two ports renew the ferry lease every ten years?", s) == "no"
    assert verdict("did the two ports renew the ferry lease every five years?", s) == "yes"
