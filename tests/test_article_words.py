"""An everyday word the articles never use, in the thing a yes/no question asks them to tell of, put in their own word
(``rag.article_words``); a made-up two-dimensional embedding stands in for the model."""

import numpy as np

from rag.article_words import ArticleWords, in_article_words
from rag.scope import asked_mention

_VECS = {"agriculture": (1.0, 0.0), "farming": (0.9, 0.3), "fishing": (0.5, -0.85), "ferries": (0.0, 1.0)}


def _embed(words):
    return np.array([_VECS[w] for w in words])


def test_the_nearest_article_word_above_the_bar_is_taken():
    words = ArticleWords({"agriculture", "ferries", "the"}, _embed)
    assert words.word_for("farming") == "agriculture"
    assert words.word_for("fishing") is None  # near no article word: asked as typed


def test_only_the_asked_thing_is_put_in_the_articles_word():
    known = {"pact", "agricultur", "cover"}.__contains__
    near = {"farming": "agriculture", "whole": "entire"}.get
    q = "did the pact ever cover farming stuff?"
    assert in_article_words(q, known, near, asked_mention(q)) == "did the pact ever cover agriculture stuff?"
    q = "was the pact extended for a whole decade?"  # no thing asked to be told of: nothing changes
    assert in_article_words(q, known, near, asked_mention(q)) == q


def test_a_place_is_never_another_place():
    q = "does the pact cover japan?"
    assert in_article_words(q, set().__contains__, {"japan": "china"}.get, asked_mention(q)) == q


def test_a_vague_noun_closing_the_asked_thing_names_nothing():
    assert asked_mention("did the pact ever cover ferry stuff") == "ferry"
    assert asked_mention("does it mention fares and so on?") == "fares"
    assert asked_mention("does it mention night ferries?") == "night ferries"
