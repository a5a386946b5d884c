"""An everyday word the articles never use, in the thing a yes/no question asks them to tell of, put in their own word
(``rag.article_words``); a made-up two-dimensional embedding stands in for the model."""

import numpy as np

from rag.article_words import ArticleWords, in_article_words
from rag.scope import asked_mention

_VECS = {"agriculture": (1.0, 0.0), "farming": (0.9, 0.3), "fishing": (0.5, -0.85), "ferries": (0.0, 1.0)}


def _embed(words):
    return np.array([_VECS.get(w, (-0.7, -0.7)) for w in words])  # a word it does not know is near none of them


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


def test_a_large_vocabulary_keeps_its_most_widely_used_words():
    from rag import article_words

    seen = []

    def embed(words):
        seen.append(len(words))
        return [[1.0, 0.0] for _ in words]

    vocab = {f"word{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(article_words.MOST_WORDS + 50)}
    common = sorted(vocab)[-1]
    aw = article_words.ArticleWords(vocab, embed, spread=lambda w: 9 if w == common else 1)
    assert len(aw.vocab) == article_words.MOST_WORDS and common in aw.vocab
    aw.word_for("farming")
    assert seen[0] == article_words.MOST_WORDS  # the first lookup embeds no more than the cap


def test_an_ingest_saves_the_article_words_vectors_and_a_start_reads_them_without_embedding(hash_cfg, tiny_corpus):
    from rag import article_words
    from rag.ingest import ingest
    from rag.pipeline import Pipeline

    ingest(hash_cfg, progress=False)
    pipe = Pipeline(hash_cfg)
    calls = []
    embed = pipe.embedder.embed_documents
    pipe.embedder.embed_documents = lambda words: calls.append(list(words)) or embed(words)
    words = pipe._article_words()
    assert words.vocab and len(words.vectors()) == len(words.vocab) and calls == []  # read, not embedded
    fresh = ArticleWords(words.vocab, embed)
    assert np.allclose(words.vectors(), fresh.vectors())  # the same vectors a first use would embed
    assert words.word_for(words.vocab[0]) == words.vocab[0] and calls == [[words.vocab[0]]]  # only the asked word
    # saved for other words or by another format, they are not used
    folder = pipe.index.bm25_dir()
    assert article_words._load(folder, words.vocab[:-1]) is None
    article_words.FORMAT += 1
    try:
        assert article_words._load(folder, words.vocab) is None
    finally:
        article_words.FORMAT -= 1
    (folder / "article_words.npy").write_bytes(b"damaged")
    assert article_words._load(folder, words.vocab) is None


def test_a_later_ingest_embeds_only_the_words_the_previous_generation_lacks(tmp_path):
    from rag import article_words

    folder = tmp_path / "gen-1"
    folder.mkdir()
    article_words.save(ArticleWords({"agriculture", "ferries"}, _embed), folder)
    asked = []

    def embed(words):
        asked.append(list(words))
        return _embed(words)
    got = article_words.reusing(folder, embed)(["agriculture", "farming", "ferries"])
    assert asked == [["farming"]]  # the saved two are taken as they are
    assert np.allclose(got, _embed(["agriculture", "farming", "ferries"]))
    asked.clear()
    article_words.reusing(None, embed)(["agriculture"])  # a first build: nothing saved
    assert asked == [["agriculture"]]


def test_an_inflected_word_falls_back_to_its_base_form():
    """"farmed" lies farther from the articles' word than "farm" does; its base form is asked when it is not near."""
    vecs = {**_VECS, "farm": (0.95, 0.2), "farmed": (-0.6, -0.8)}
    words = ArticleWords({"agriculture", "ferries"}, lambda ws: np.array([vecs[w] for w in ws]))
    assert words.word_for("farmed") == "agriculture"


def test_a_words_lemmas_are_its_base_forms():
    from rag.forms import lemmas_of
    assert lemmas_of("steals") == ("steal",) and lemmas_of("worries") == ("worry",)
    assert lemmas_of("steal") == ()
