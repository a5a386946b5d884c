"""A question word the articles only write in another, irregular inflection is met in their form (``rag.forms``)."""

from collections import Counter

from rag.forms import in_corpus_forms, known_form, other_forms
from rag.lexicon import Lexicon
from rag.query import understand
from rag.spelling import Speller
from rag.text import stem, terms


def test_an_irregular_verb_form_is_met_in_the_form_the_articles_write():
    known = {stem("sent"), stem("wrote"), stem("ferry")}.__contains__
    assert known_form("send", known) == stem("sent")
    assert known_form("written", known) == stem("wrote")


def test_an_irregular_plural_is_met_in_the_singular():
    assert known_form("children", {stem("child")}.__contains__) == stem("child")


def test_a_word_the_articles_use_is_never_replaced():
    assert known_form("sends", {stem("sends"), stem("sent")}.__contains__) is None
    assert in_corpus_forms(["send", "ferri"], "did they send the ferry?", {"send", "sent", "ferri"}.__contains__) \
        == ["send", "ferri"]


def test_light_verbs_and_adjectives_are_not_joined_to_their_other_forms():
    # "came out of it", "why did they think…", "where it stood": the frame of the question, not its topic;
    # "best" is no form of "good" for a question's topic
    assert other_forms("came") == ()
    assert "thought" not in other_forms("think") and "stand" not in other_forms("stood")
    assert "good" not in other_forms("best")


def test_a_part_of_a_hyphenated_compound_is_not_a_verb():
    assert in_corpus_forms(["write", "up"], "what did the write-ups cover?", {"wrote"}.__contains__) == ["write", "up"]


def test_understanding_puts_the_question_term_in_the_articles_form():
    lex = Lexicon(df=Counter({stem("sent"): 1, stem("ferry"): 2, stem("signal"): 1}), n=3, vocab=set(),
                  lower_words=set(), expansions={}, names={}, titles={},
                  speller=Speller({"sent", "ferry", "signal"}))
    q = understand("who said closing the ferry would send a signal?", "who said closing the ferry would send a signal?", lex)
    assert stem("sent") in q.terms and stem("send") not in q.terms
    assert terms("would send a signal") == ["send", "signal"]  # the tokenizer itself is unchanged


def test_the_tables_can_be_loaded_in_the_background():
    from rag.forms import warm

    t = warm()
    t.join(timeout=30)
    assert not t.is_alive() and other_forms("sent")


def test_a_noun_or_verb_is_met_in_its_adjective_in_ary():
    # "how do the two ports complement each other?" over "the ports have complementary roles"
    known = {stem("complementary"), stem("harbor")}.__contains__
    assert known_form("complement", known) == stem("complementary")
    assert known_form("complements", known) == stem("complementary")  # its lemma's adjective
    assert known_form("discipline", {stem("disciplinary")}.__contains__) == stem("disciplinary")


def test_other_derivations_are_not_joined():
    # a verb's noun is not the verb ("do they agree?" is no question about an agreement), nor "fine" "final"
    assert known_form("agree", {stem("agreement")}.__contains__) is None
    assert known_form("fine", {stem("final")}.__contains__) is None
    assert known_form("complement", {stem("complement"), stem("complementary")}.__contains__) is None  # used: kept
