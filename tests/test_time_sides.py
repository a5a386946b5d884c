"""'How is the new deal different from the old one?': each time side is heard by a sentence describing that version
(rag.contrast.of_its_time, of_extent, in_time), picked by rag.sides.pick_sides; and the sides a question names
(rag.sides.sides_of)."""

from candkit import cands, query

from rag.contrast import in_time
from rag.sides import pick_sides

NEW_OLD = dict(sides=[["new"], ["old"]], intent="compare")


def _picks(question, sentences, sims, **kw):
    return [c.text for c in pick_sides(query(question, **{**NEW_OLD, **kw}), cands("a", sentences, sims))]


def test_a_sentence_naming_both_times_answers_for_neither():
    got = _picks("how is the new pact different from the old one?",
                 ["Since its first signing, the port renewed the pact every five years.",
                  "The revised pact covers ferries.", "The old pact covered every boat."], [0.6, 0.45, 0.3])
    assert got == ["The revised pact covers ferries.", "The old pact covered every boat."]


def test_an_age_or_another_word_of_the_stem_names_no_time():
    got = _picks("how is the new pact different from the old one?",
                 ["The pact is a 45-year-old cornerstone.", "Renewable energy is among its fields.",
                  "The renewed pact covers ferries.", "The old pact covered every boat."], [0.7, 0.7, 0.4, 0.3])
    assert got == ["The renewed pact covers ferries.", "The old pact covered every boat."]


def test_a_sentence_saying_how_far_a_version_reaches_wins_a_near_tie_unless_the_past_is_asked():
    sentences = ["The revised pact seeks a calmer channel.", "The revised pact narrows the scope of ferries.",
                 "The old pact covered every boat."]
    got = _picks("how is the new pact different from the old one?", sentences, [0.5, 0.45, 0.3])
    assert got[0] == "The revised pact narrows the scope of ferries."
    got = _picks("what was the new pact about, vs the old one?", sentences, [0.5, 0.45, 0.3])
    assert got[0] == "The revised pact seeks a calmer channel."


def test_a_version_named_by_its_renewal_or_origin_is_a_time():
    assert in_time([["renew", "agreement"], ["origin"]]) and not in_time([["port"], ["council"]])


def test_a_wh_clause_subject_is_the_side_its_predicate_asks_about_and_vice_versa_names_no_side():
    from rag.sides import sides_of
    assert sides_of("what is the port better at in fares compared to the council and vice versa") == ["port", "the council"]
    assert sides_of("how long were the stopgap waits vs the actual crossing?")[0] == "stopgap waits"


def test_a_bare_new_or_old_introduces_another_thing_not_a_version():
    # "new guardrails", "a new phase": no definite determiner, so no version of the pact (rag.versionwords.pointed_ages)
    got = _picks("how is the new pact different from the old one?",
                 ["The port added new guardrails.", "The revised pact covers ferries.", "The old pact covered every boat."],
                 [0.7, 0.45, 0.3])
    assert got == ["The revised pact covers ferries.", "The old pact covered every boat."]


def test_a_past_tense_difference_asks_how_versions_differ_not_their_story():
    # "how was the old pact different…": the tense places the old version in time (rag.versionwords.asks_story)
    got = _picks("how was the old pact different from the new one?",
                 ["Since its first signing, the port renewed the pact every five years.",
                  "The revised pact covers ferries.", "The original pact covered every boat."], [0.6, 0.45, 0.3],
                 sides=[["old"], ["new"]])
    assert got == ["The original pact covered every boat.", "The revised pact covers ferries."]
