"""A noun phrase whose head and modifier fall on two sides of "X, excluding Y" (``rag.modifiers``): tiny sentences."""

from rag.modifiers import held_by, modifier_part, other_kind, writes_initials
from rag.polarity import bound_or_left_out, verdict

_SENT = "It covers only passenger transport, explicitly excluding heavy goods vehicles and tankers."


def test_an_acronym_written_out_in_plain_words_is_held():
    assert writes_initials("hgv", _SENT) and writes_initials("pt", _SENT)
    assert not writes_initials("ab", "and by the way")  # words of function spell nothing
    assert not writes_initials("transport", _SENT)  # no acronym


def test_the_modifier_names_the_kind_the_question_asks_of():
    # "HGV transport": "transport" is held before the exclusion ("passenger transport"), "HGV" after it, written out:
    # HGVs are what is asked
    assert verdict("is hgv transport left out of the new lease?", _SENT) == "yes"
    assert verdict("does the new lease cover hgv transport?", _SENT) == "no"
    assert verdict("does the new lease cover passenger transport?", _SENT) == "yes"  # the head's own kind


def test_no_kind_when_the_words_are_not_a_modifier_and_its_head():
    parts = ["It covers passenger transport", "excluding HGVs"]
    held = [{"cover", "passeng", "transport"}, {"exclud", "hgv"}]
    # "transport of hgvs": not written as a modifier before its head
    assert modifier_part("is transport of hgv left out?", ["transport", "hgv", "left"], "hgv", parts, held) is None
    # the verb of leaving out is no head ("transport excluded")
    assert modifier_part("is hgv transport excluded?", ["hgv", "transport", "exclud"], "exclud", parts, held) is None
    assert not other_kind("explicitly excluding HGVs", "exclud", "transport")
    # without the question, the last term held by one part decides, as before
    assert bound_or_left_out(["hgv", "transport"], "It covers passenger transport, excluding HGV") == \
        "It covers passenger transport"


def test_a_no_read_from_the_modifier_is_completed_by_the_sentence_leaning_on_it():
    from candkit import cands as _cands
    from candkit import query as _q
    from rag.yesno import pick_yes_no
    cands = _cands("a", [_SENT, "This decision aims to keep the roads safe.", "Fees rose."], [0.9, 0.5, 0.2])
    q = _q("does the new lease cover hgv transport?", intent="yes_no")
    w = {"new": 1.0, "leas": 1.0, "cover": 0.5, "hgv": 2.0, "transport": 1.0}
    chosen, _, lead, _ = pick_yes_no(q, cands, w, lambda t: held_by(t, ["hgv"]))
    assert lead == "No — " and chosen == cands[:2]
    chosen, _, lead, _ = pick_yes_no(q, cands)  # without the terms to read the exclusion by: the evidence alone
    assert lead == "No — " and chosen == cands[:1]


def test_a_word_naming_which_version_of_the_document_decides_no_part():
    # "updated" of "the updated agreement" says which agreement is meant; the sentence holds it before its exclusion
    s = "The updated agreement covers only passenger transport, explicitly excluding heavy goods vehicles."
    assert verdict("is hgv transport left out of the updated agreement?", s) == "yes"
    assert verdict("does the updated agreement cover hgv transport?", s) == "no"
    assert verdict("does the updated agreement cover passenger transport?", s) == "yes"
