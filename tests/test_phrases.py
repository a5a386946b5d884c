"""The asked phrase kept whole (``rag.phrases``): a sentence writing two adjacent question words together ("basic
research") leads a near leader that lacks one of them, and decides a yes/no question's near-tied evidence."""

from candkit import cands as _cands
from rag.phrases import adjacent_pairs, asked_phrases, misses_phrase, phrase_first, written_whole
from rag.yesno import claim_evidence

W = {"new": 2.0, "ferri": 0.0, "night": 1.5, "rout": 1.0}  # "ferry": an everyday word the articles never use


def _ranked():
    return _cands("a", ["New rules protect the routes of the harbour.", "The pact now covers night routes only.",
                        "Night crews keep the old routes open."], [0.5, 0.48, 0.46])


def test_adjacent_words_only_make_a_phrase():
    assert ("night", "rout") in adjacent_pairs("It covers night routes.")
    assert ("night", "rout") not in adjacent_pairs("Night crews keep the routes.")
    assert not adjacent_pairs("the 1990 routes")  # a year dates a thing, it names no phrase


def test_a_phrase_needs_two_weighted_words():
    assert asked_phrases("is the new ferry only for night routes", W) == frozenset({("night", "rout")})


def test_the_sentence_writing_the_phrase_leads_a_near_leader_lacking_a_word():
    got = phrase_first(asked_phrases("are night routes new", W), _ranked())
    assert got[0].text == "The pact now covers night routes only."


def test_a_leader_holding_both_words_keeps_its_place():
    ranked = _cands("a", ["Night crews keep the new routes open.", "The pact now covers night routes only."], [0.5, 0.47])
    assert phrase_first(asked_phrases("are night routes new", W), ranked)[0] is ranked[0]


def test_a_far_sentence_does_not_lead():
    ranked = _cands("a", ["New rules protect the routes of the harbour.", "The pact covers night routes."], [0.5, 0.3])
    assert phrase_first(asked_phrases("are night routes new", W), ranked)[0] is ranked[0]


def test_no_phrase_leaves_the_ranking():
    ranked = _ranked()
    assert phrase_first(asked_phrases("is the ferry new", W), ranked) == ranked


def test_yes_no_evidence_lacking_a_phrase_word_gives_way():
    ranked = _ranked()
    for c, o in zip(ranked, (0.6, 0.5, 0.5)):  # the leader covers more: "new" and "routes"
        c.overlap = o
    best = claim_evidence(ranked, "is the new pact only for night routes", weights=W)
    assert best.text == "The pact now covers night routes only."


def test_the_words_apart_still_count_as_held():
    phrases = written_whole(frozenset({("night", "rout")}), _ranked())
    assert not misses_phrase(phrases, {"night", "crew", "rout"}) and misses_phrase(phrases, {"new", "rout"})
