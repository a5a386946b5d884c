"""Abstention inputs on an invented vocabulary: which question words are unknown, and when the question is
embedded a second time without them."""

from rag.abstain import Evidence, Unknown, abstain_reason, rest_of_question, unknown_terms
from rag.query import Query
from rag.text import terms


class _Lexicon:
    """Knows a few stems; unknown words weigh the most, as in the real Lexicon (idf of an unseen term)."""
    KNOWN = {"treati": 10.0, "sign": 10.0, "year": 1.0}

    def known(self, t: str) -> bool:
        return t in self.KNOWN

    def idf(self, t: str) -> float:
        return self.KNOWN.get(t, 5.0)


def _q(text: str) -> Query:
    return Query(asked=text, resolved=text, text=text, terms=terms(text))


def test_unknown_words_are_split_by_kind_and_carry_their_share_of_the_question():
    u = unknown_terms(_q("when was the treaty signed in 2031 with zorblat"), _Lexicon())
    assert u.entities == ["2031"] and u.rare == ["zorblat"] and u.everyday == []
    assert abs(u.share - 1 / 3) < 1e-9  # (5 + 5) / (10 + 10 + 5 + 5)


def test_the_question_is_embedded_again_without_its_unknown_words_only_when_they_weigh_enough():
    lex = _Lexicon()
    heavy = _q("the zorblat treaty")
    assert rest_of_question(heavy, unknown_terms(heavy, lex)) == "the treaty"
    light = _q("was the treaty signed by zorblat")
    u = unknown_terms(light, lex)
    assert u.rare == ["zorblat"] and u.share <= 0.2  # too light for the abstention test to read a difference
    assert rest_of_question(light, u) is None
    known = _q("when was the treaty signed")
    assert rest_of_question(known, unknown_terms(known, lex)) is None


def test_an_ordinal_the_articles_never_use_is_a_number_they_never_mention():
    u = unknown_terms(_q("was the treaty signed in its third year"), _Lexicon())
    assert u.entities == ["third"] and u.everyday == []
    assert unknown_terms(_q("was the treaty signed"), _Lexicon()).entities == []


def test_a_paraphrase_sharing_few_words_with_a_close_sentence_is_answered_but_one_sharing_none_is_weak():
    # "when did the harbour accord come into force?" against "the pact took effect in May": 'harbour' alone is shared
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.15, 0.15, 0.4)) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.05, 0.05, 0.4)) == "weak_evidence"
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.05, 0.05, 0.5)) == ""  # close in meaning


def test_far_in_meaning_is_off_topic_unless_a_fifth_of_the_question_is_held_by_a_close_sentence():
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.3, 0.22, 0.27)) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.3, 0.15, 0.27)) == "off_topic"
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, None, 0.9, 0.9, 0.15)) == "off_topic"  # below the hard floor
