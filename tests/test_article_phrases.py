"""A run of plain words the articles never use, put in their own phrase for the same thing (``rag.article_phrases``);
a made-up two-dimensional embedding stands in for the model."""

import numpy as np

from rag.article_phrases import ArticlePhrases, article_phrases, in_article_phrases, plain_runs

_VECS = {"ferry fares": (1.0, 0.0), "harbour dues": (0.0, 1.0), "boat ticket prices": (0.95, 0.2),
         "boat ticket": (0.6, 0.6), "ticket prices": (0.7, 0.5), "sea birds": (-1.0, 0.0)}


def _embed(texts):
    return np.array([_VECS[t] for t in texts])


def test_the_nearest_article_phrase_above_the_bar_is_taken():
    phrases = ArticlePhrases(["ferry fares", "harbour dues"], _embed)
    near, far = phrases.phrases_for(["boat ticket prices", "sea birds"])
    assert near[0] == "ferry fares" and far is None  # "sea birds": near no phrase of theirs, asked as typed


def test_the_closest_run_is_put_in_their_phrase_and_runs_never_overlap():
    phrases = ArticlePhrases(["ferry fares", "harbour dues"], _embed)
    known = {"pact", "cover"}.__contains__
    got = in_article_phrases("did the pact cover boat ticket prices?", known, phrases.phrases_for)
    assert got == "did the pact cover ferry fares?"
    closer = lambda runs: [{"boat ticket prices": ("ferry fares", 0.7), "boat ticket": ("ferry", 0.9)}.get(r) for r in runs]
    assert in_article_phrases("did the pact cover boat ticket prices?", known, closer) == "did the pact cover ferry prices?"


def test_a_run_with_a_word_the_articles_use_is_asked_as_written():
    known = {"pact", "cover", "ticket"}.__contains__  # "ticket" is theirs: the reader asks in their words already
    assert plain_runs("did the pact cover boat ticket prices?", known) == []


def test_names_places_and_hedges_never_make_a_run():
    assert plain_runs("did the pact cover paris london?", {"pact", "cover"}.__contains__) == []  # places
    assert plain_runs("did they supposedly cover fares", {"cover"}.__contains__) == []  # an adverb opens no phrase
    t = "did they say something about fares?"  # an indefinite pronoun stands in for the thing, it names none
    assert [t[a:b] for a, b in plain_runs(t, {"say"}.__contains__)] == []


def test_the_articles_phrases_leave_out_names_and_function_words():
    got = article_phrases(["Ferry fares rose.", "Ferry fares fell.", "The fares rose under Jimmy Carter, and ferry fares fell."])
    assert got[0] == "ferry fares"  # most used first; a clause's capitalised first word is no name
    assert not any("carter" in p or p.startswith("the ") for p in got)


def test_without_phrases_the_question_is_unchanged():
    assert in_article_phrases("did the pact cover boat ticket prices?", set().__contains__, None) == \
        "did the pact cover boat ticket prices?"
