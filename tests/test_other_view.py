"""Another article's sentence pointing the other way makes the articles "differ" only when it speaks of the asked
thing (``rag.yesno``): it holds every question term the evidence holds, and writes an asked phrase the evidence writes
whole; a sentence pointing back ("this trend") may name the phrase by its pointer (``rag.phrases.points_back``)."""

from candkit import cands, query
from rag.phrases import points_back
from rag.yesno import phrase_lost, pick_yes_no, same_asked

W = {"new": 2.0, "day": 1.5, "rout": 1.0}
Q = "does the new permit cover day routes now?"


def _terms_of(text):
    from rag.text import terms
    return set(terms(text))


def _pair(other: str):
    a = cands("a", ["The new permit covers day routes only."], [0.6])
    b = cands("b", [other], [0.6])
    for c in a + b:
        c.overlap = sum(w for t, w in W.items() if t in c.terms) / sum(W.values())
    return a + b


def test_a_sentence_on_the_phrase_words_apart_is_no_other_view():
    got = pick_yes_no(query(Q), _pair("Critics say it has not kept the new day and night routes."), W, _terms_of)
    assert got[2] == "Yes — "


def test_a_sentence_on_the_asked_phrase_still_differs():
    got = pick_yes_no(query(Q), _pair("Harbour officials told reporters in March that the new permit does not cover day "
                                            "routes at all."), W, _terms_of)
    assert got[2] == "The articles differ — "


def test_the_other_must_hold_what_the_evidence_holds():
    a, b = _pair("x")[0], cands("b", ["New fees were never paid."])[0]
    assert not same_asked(W, a, b) and same_asked(W, b, a)


def test_phrase_lost_and_points_back():
    p = frozenset({("day", "rout")})
    assert phrase_lost(p, "It covers day routes.", "It covers the day and night routes.")
    assert not phrase_lost(p, "It covers routes.", "It covers no day routes.")
    assert points_back("Storms deepened this trend.") and not points_back("This is new.")
