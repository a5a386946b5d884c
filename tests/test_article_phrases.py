"""A run of plain words the articles never use, put in their own phrase for the same thing (``rag.article_phrases``);
a made-up two-dimensional embedding stands in for the model."""

import numpy as np

from rag.article_words import unit
from rag import article_phrases as ap
from rag.article_phrases import ArticlePhrases, article_phrases, in_article_phrases, plain_runs

_VECS = {"ferry fares": (1.0, 0.0), "harbour dues": (0.0, 1.0), "boat ticket prices": (0.95, 0.2),
         "boat ticket": (0.6, 0.6), "ticket prices": (0.7, 0.5), "sea birds": (-1.0, 0.0)}


def _embed(texts):
    return np.array([_VECS.get(t, (0.0, -1.0)) for t in texts])  # other runs: far from every phrase here


def _phrases(phrases, embed=_embed):
    return ArticlePhrases(phrases, unit(_embed(phrases)), embed)


def test_the_nearest_article_phrase_above_the_bar_is_taken():
    phrases = _phrases(["ferry fares", "harbour dues"])
    near, far = phrases.phrases_for(["boat ticket prices", "sea birds"])
    assert near[0] == "ferry fares" and far is None  # "sea birds": near no phrase of theirs, asked as typed


def test_the_closest_run_is_put_in_their_phrase_and_runs_never_overlap():
    phrases = _phrases(["ferry fares", "harbour dues"])
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


def test_the_articles_phrases_are_capped_most_used_first(monkeypatch):
    monkeypatch.setattr(ap, "MOST_PHRASES", 2)
    got = article_phrases(["ferry fares rose.", "harbour dues, ferry fares.", "ferry fares fell.", "harbour dues rose."])
    assert got == ["ferry fares", "harbour dues"]  # used three and two times; the runs used once are left out


def test_a_later_ingest_embeds_only_the_phrases_the_previous_generation_lacks(tmp_path):
    ap.save(["Ferry fares rose.", "Harbour dues fell."], _embed, tmp_path)
    asked = []

    def embed(texts):
        asked.append(list(texts))
        return _embed(texts)
    got = ap.reusing(tmp_path, embed)(["ferry fares", "sea birds", "harbour dues"])
    assert asked == [["sea birds"]] and np.allclose(got[1], _embed(["sea birds"])[0])  # the saved ones as they are
    asked.clear()
    ap.reusing(None, embed)(["ferry fares"])  # a first build: nothing saved
    assert asked == [["ferry fares"]]


def test_saved_phrases_are_read_and_an_older_or_damaged_file_skips_the_mapping(tmp_path, monkeypatch):
    ap.save(["Ferry fares.", "Harbour dues."], _embed, tmp_path)
    asked = []
    got = ap.load(tmp_path, lambda ts: asked.append(list(ts)) or _embed(ts))
    assert got.phrases == ["ferry fares", "harbour dues"] and asked == []  # read, not embedded
    assert got.phrases_for(["boat ticket prices"])[0][0] == "ferry fares" and asked == [["boat ticket prices"]]
    assert ap.load(tmp_path / "none", _embed) is None  # an index from before: no phrases, no embedding
    monkeypatch.setattr(ap, "FORMAT", ap.FORMAT + 1)
    assert ap.load(tmp_path, _embed) is None
    monkeypatch.setattr(ap, "FORMAT", ap.FORMAT - 1)
    (tmp_path / "article_phrases.npy").write_bytes(b"damaged")
    assert ap.load(tmp_path, _embed) is None


def test_an_ingest_saves_the_phrases_and_a_question_embeds_only_its_own_runs(hash_cfg, tiny_corpus):
    from rag.ingest import ingest
    from rag.pipeline import Pipeline

    ingest(hash_cfg, progress=False)
    pipe = Pipeline(hash_cfg)
    calls = []
    embed = pipe.embedder.embed_documents
    pipe.embedder.embed_documents = lambda texts: calls.append(list(texts)) or embed(texts)
    phrases = pipe._article_phrases()
    assert phrases.phrases and calls == []  # saved with the generation, not embedded at question time
    (pipe.index.bm25_dir() / "article_phrases.json").unlink()
    pipe = Pipeline(hash_cfg)
    pipe.embedder.embed_documents = lambda texts: calls.append(list(texts)) or embed(texts)
    assert pipe._article_phrases() is None and calls == []  # a generation without them: the mapping is skipped
