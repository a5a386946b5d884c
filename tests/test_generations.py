"""Index generations, the ingest lock, live reload, the saved BM25 and input limits (hash model, tiny corpus).

The kill-at-20-moments, disk-full, read-only and serve-over-HTTP tests are in
``test_ingest_faults.py`` (slow).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from rag import lexicon, sparse
from rag.cli import main
from rag.config import load_config
from rag.corpus import dump, load_corpus, parse, save
from rag.embedding import HashEmbedder
from rag.generations import EmbeddedStore, Manifest
from rag.index import Index, collection_name
from rag.ingest import ingest
from rag.layout import bulleted_sections, subheadings
from rag.live import LivePipeline
from rag.pipeline import Pipeline, clean_question
from rag.retrieval import build_lexicon, passages_from
from rag.schema import Document
from rag.text import terms

ROOT = Path(__file__).resolve().parent.parent
Q = "When was the Pact first signed?"
NEW_Q = "What did the Quellmar observatory open?"
NEW_DOC = Document("observatory", "Observatory", "Star News", [], "2024-03-01", "",
                   "The Quellmar observatory opened a joint telescope in 2021. It studies distant galaxies.")


def store_of(cfg) -> EmbeddedStore:
    return EmbeddedStore(cfg.index_dir, collection_name("hash", cfg))


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("error: "), err
    return err


# --- generations --------------------------------------------------------------------------

def test_each_change_is_a_new_generation_and_the_previous_one_is_kept(hash_cfg, tiny_corpus):
    first = ingest(hash_cfg, progress=False)
    store = store_of(hash_cfg)
    assert first.generation == 1 and store.generations() == [1]
    reader = Pipeline(hash_cfg)  # a chat server on generation 1
    before = reader.ask(Q)

    assert ingest(hash_cfg, progress=False).generation == 1  # unchanged corpus: no new generation
    save(NEW_DOC, tiny_corpus)
    second = ingest(hash_cfg, progress=False)
    assert second.generation == 2 and second.added == ["observatory"] and store.generations() == [1, 2]
    m = store.manifest()
    assert (m.generation, m.chunks, m.sentences) == (2, Index(hash_cfg, "hash").collection().count(),
                                                      Index(hash_cfg, "hash").sentence_count())
    assert set(m.docs) == {"labs", "pact-history", "observatory"} and m.docs["observatory"]["file"] == "observatory.md"
    assert reader.ask(Q).answer == before.answer  # the old reader still reads its own generation

    (tiny_corpus / "observatory.md").unlink()
    third = ingest(hash_cfg, progress=False)
    assert third.deleted == ["observatory"] and store.generations() == [2, 3]  # 1 collected, 2 kept
    assert not any(p.name.startswith(".CURRENT") for p in store.root.iterdir())  # no temp manifest left


def test_unfinished_generation_is_never_read_and_the_next_ingest_removes_it(hash_cfg, tiny_corpus, capsys):
    ingest(hash_cfg, progress=False)
    store = store_of(hash_cfg)
    before = Pipeline(hash_cfg).ask(Q)
    gen = store.begin(store.manifest())  # as a killed ingest leaves it: a copy no manifest names
    Index(hash_cfg, "hash", generation=gen, store=store).delete(list(Index(hash_cfg, "hash").existing()))
    store.close(gen)
    assert store.generations() == [1, 2] and store.manifest().generation == 1
    assert Pipeline(hash_cfg).ask(Q).answer == before.answer

    save(NEW_DOC, tiny_corpus)
    rep = ingest(hash_cfg, progress=True)
    assert "removed unfinished generation(s) 2" in capsys.readouterr().err
    assert rep.generation == 2 and store.generations() == [1, 2]  # a number never published is used again


def test_a_live_ingest_holds_the_lock_and_a_dead_ones_lock_is_cleared(hash_cfg, tiny_corpus, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    ingest(hash_cfg, progress=False)
    save(NEW_DOC, tiny_corpus)
    env = {**os.environ, "RAG_DEBUG_PAUSE": "embed=60", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ingest", "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # wait until it is embedding (and pausing there)
            if line.startswith("{") and json.loads(line).get("step") == "embed":
                break
        else:
            pytest.fail(f"rag ingest ended (status {proc.wait()}) before it started embedding")
        assert main(["ingest"]) == 2
        assert f"Another ingest is running on this index (pid {proc.pid})" in one_error_line(capsys)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert main(["ingest"]) == 0
    err = capsys.readouterr().err
    assert f"cleared the lock of an earlier ingest (pid {proc.pid}, no longer running)" in err
    assert "removed unfinished generation(s) 2" in err
    assert store_of(hash_cfg).manifest().generation == 2


def test_ingest_json_reports_progress_as_json_lines_on_stderr(hash_cfg, tiny_corpus, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ingest", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["generation"] == 1
    events = [json.loads(line) for line in err.splitlines()]
    steps = [e["step"] for e in events if e["event"] == "step"]
    assert steps == ["load", "copy", "split", "embed", "write", "verify", "bm25", "flip", "flip:before-rename",
                     "flip:after-rename", "gc", "done"]
    embed = [e for e in events if e["event"] == "progress" and e["step"] == "embed"]
    assert embed and embed[-1]["done"] == embed[-1]["total"] > 0


def test_older_layout_gives_one_line_then_is_migrated_reusing_its_vectors(hash_cfg, tiny_corpus, tmp_path, capsys,
                                                                         monkeypatch):
    import shutil

    ingest(hash_cfg, progress=False)
    old = tmp_path / "old-index"  # one Chroma store right in index_dir, as before generations
    store = store_of(hash_cfg)
    shutil.copytree(store.path(store.manifest().generation) / "chroma", old)
    cfg = load_config(model="hash", index_dir=old)
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ask", "--index-dir", str(old), Q]) == 2
    assert "layout of an older version" in one_error_line(capsys)
    rep = ingest(cfg, progress=False)
    assert rep.embedded_sentences == 0 and rep.chunks == store.manifest().chunks  # vectors reused, none embedded
    assert Pipeline(cfg).ask(Q).answer == Pipeline(hash_cfg).ask(Q).answer


# --- the saved BM25 ---------------------------------------------------------------------

def test_saved_generation_loads_its_bm25_without_rebuilding_it(hash_cfg, tiny_corpus, monkeypatch):
    ingest(hash_cfg, progress=False)
    ix = Index(hash_cfg, "hash")
    fresh = sparse.build(ix.all_records())
    assert (ix.bm25_dir() / sparse.IDS).is_file()

    def no_rebuild(records):
        raise AssertionError("BM25 was rebuilt instead of loaded from the generation")

    monkeypatch.setattr(sparse, "build", no_rebuild)
    pipe = Pipeline(hash_cfg)
    assert pipe.retriever.bm25_loaded
    q = terms("first signed Pact 1979 labs ocean")
    assert list(pipe.retriever.bm25.get_scores(q)) == pytest.approx(list(fresh.get_scores(q)))
    assert "1979" in pipe.ask(Q).answer
    # built over other chunks (here: a subset) it is not used
    recs = ix.all_records()
    sub = {k: v[:-1] for k, v in recs.items()}
    assert sparse.load(ix.bm25_dir(), sub["ids"]) is None


def test_saved_generation_loads_its_lexicon_without_rebuilding_it(hash_cfg, tiny_corpus, monkeypatch):
    ingest(hash_cfg, progress=False)
    ix = Index(hash_cfg, "hash")
    recs = ix.all_records()
    assert (ix.bm25_dir() / lexicon.FILE).is_file()
    built = build_lexicon(passages_from(recs), [m.get("header", "") for m in recs["metadatas"]]).to_json()

    def no_rebuild(*a, **k):
        raise AssertionError("the Lexicon was rebuilt instead of loaded from the generation")

    monkeypatch.setattr(lexicon.Lexicon, "build", no_rebuild)
    pipe = Pipeline(hash_cfg)
    assert pipe.retriever.lexicon_loaded and pipe.retriever.lexicon.to_json() == built
    assert "1979" in pipe.ask(Q).answer
    # saved over other chunks (a subset), by another format or damaged, it is not used
    assert lexicon.load(ix.bm25_dir(), recs["ids"][:-1]) is None
    monkeypatch.setattr(lexicon, "FORMAT", lexicon.FORMAT + 1)  # saved by an older version of the code
    assert lexicon.load(ix.bm25_dir(), recs["ids"]) is None
    monkeypatch.setattr(lexicon, "FORMAT", lexicon.FORMAT - 1)
    (ix.bm25_dir() / lexicon.FILE).write_text("{not json", encoding="utf-8")
    assert lexicon.load(ix.bm25_dir(), recs["ids"]) is None


def test_saved_generation_starts_from_its_sidecar_without_reading_chroma(hash_cfg, tiny_corpus, monkeypatch):
    ingest(hash_cfg, progress=False)
    ix = Index(hash_cfg, "hash")
    recs = ix.all_records()
    from_chroma = passages_from(recs)
    vectors = ix.sentence_vectors(ix.all_sentence_vectors()["ids"])
    small = Pipeline(hash_cfg).retriever
    questions = [Q, "ocean labs", "who signed it and when", "telescope galaxies"]
    expected = [[(p.chunk_id, round(p.score, 9)) for p in small.search(small_q, 3)]
                for small_q in map(Pipeline(hash_cfg).understand, questions)]

    def no_read(self):
        raise AssertionError("the passages were read from Chroma instead of the sidecar")

    monkeypatch.setattr(Index, "all_records", no_read)
    monkeypatch.setattr(Index, "all_sentence_vectors", no_read)
    pipe = Pipeline(hash_cfg)
    r = pipe.retriever
    # a start builds no passage but the opening of each article without a title (the page lists it by its words),
    # and finds the bulleted subheadings saved with the generation, not by reading the texts
    assert r.side is not None and r.passages._get.cache_info().currsize <= sum(not d["title"] for d in pipe.documents)
    assert r.passages.sections == bulleted_sections(from_chroma) and r.passages.heads == subheadings(from_chroma)
    assert list(r.passages) == from_chroma and r.passages[-1] == from_chroma[-1] and r.passages[1:3] == from_chroma[1:3]
    for i, p in enumerate(r.passages):  # each passage's rows hold its own sentences' vectors
        want = [vectors[sid] for sid in sentence_ids_of(p, vectors)]
        assert np.allclose(r.side.vectors[r.side.rows_of(i)], np.asarray(want, dtype=np.float32))
    # a large index searches candidates' sentences from the sidecar, and ranks as the all-in-memory search does
    monkeypatch.setattr("rag.retrieval.IN_MEMORY_SENTENCES", 0)
    pipe = Pipeline(hash_cfg)
    assert pipe.retriever._svecs is None and pipe.retriever.side is not None
    got = [[(p.chunk_id, round(p.score, 9)) for p in pipe.retriever.search(pipe.understand(q), 3)] for q in questions]
    assert got == expected
    assert "1979" in pipe.ask(Q).answer


def test_a_start_reads_the_saved_subheadings_and_only_the_openings_of_untitled_articles(tmp_path, monkeypatch):
    from conftest import TINY, write_tiny_corpus

    from rag import sidecar

    ports = ("", "", [], "", "Ports charge by the day.\n\n## Port Fees\n\n- Berths: by the day.\n- Cranes: by the hour.")
    monkeypatch.setenv("RAG_CORPUS_DIR", str(write_tiny_corpus(tmp_path / "c2", {**TINY, "ports": ports})))
    cfg = load_config(model="hash")
    ingest(cfg, progress=False)
    read = []
    real_text = sidecar.Passages.text
    monkeypatch.setattr(sidecar.Passages, "text", lambda self, i: read.append(i) or real_text(self, i))
    pipe = Pipeline(cfg)
    r = pipe.retriever
    assert r.side is not None and [r.passages.doc_id(i) for i in read] == ["ports"]  # its opening, listed by its words
    assert [d["opening"] for d in pipe.documents if d["doc_id"] == "ports"] == ["Ports charge by the day."]
    assert [(name, r.passages.doc_id(i)) for name, i in r._sections] == [("Port Fees", "ports")]
    assert r._heads == {"ports": [(26, "Port Fees")]}


def test_a_large_index_finds_its_candidates_by_the_saved_chunk_vectors_without_asking_chroma(hash_cfg, tiny_corpus,
                                                                                            monkeypatch):
    from rag import sidecar

    ingest(hash_cfg, progress=False)
    ix = Index(hash_cfg, "hash")
    got = ix.collection().get(include=["embeddings"])
    stored = dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
    monkeypatch.setattr("rag.retrieval.IN_MEMORY_SENTENCES", 0)
    questions = [Q, "ocean labs", "who signed it and when", "telescope galaxies"]
    monkeypatch.setattr(sidecar, "LOCAL_CHUNKS", 0)  # read as too large to hold them: Chroma's HNSW, as before
    pipe = Pipeline(hash_cfg)
    assert pipe.retriever.side.chunk_vectors is None
    expected = [[(p.chunk_id, round(p.score, 9)) for p in pipe.retriever.search(pipe.understand(q), 3)] for q in questions]
    monkeypatch.undo()
    monkeypatch.setattr("rag.retrieval.IN_MEMORY_SENTENCES", 0)
    monkeypatch.setattr(Index, "query", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked Chroma")))
    pipe = Pipeline(hash_cfg)
    side = pipe.retriever.side
    assert side.chunk_vectors is not None and side.chunk_vectors.shape == (len(stored), side.vectors.shape[1])
    for i, cid in enumerate(side.passages.ids):  # the same vectors ingest wrote to Chroma
        assert np.allclose(side.chunk_vectors[i], stored[cid], atol=1e-5), cid
    got = [[(p.chunk_id, round(p.score, 9)) for p in pipe.retriever.search(pipe.understand(q), 3)] for q in questions]
    assert got == expected


def sentence_ids_of(p, vectors: dict) -> list[str]:
    from rag.sidecar import passage_keys, sentence_key

    by_key = {sentence_key(sid): sid for sid in vectors}
    return [by_key[k] for k in passage_keys(p)]


def test_an_index_updated_in_place_holds_the_same_sidecar_as_a_clean_build(hash_cfg, tiny_corpus, tmp_path):
    from rag import sidecar

    ingest(hash_cfg, progress=False)
    save(NEW_DOC, tiny_corpus)
    ingest(hash_cfg, progress=False)  # in place: the new article's rows land after the old ones in Chroma
    clean = load_config(model="hash", index_dir=str(tmp_path / "clean"))
    ingest(clean, progress=False)
    a, b = Index(hash_cfg, "hash").bm25_dir(), Index(clean, "hash").bm25_dir()
    for name in (sidecar.VECTORS, sidecar.SENTENCE_IDS, sidecar.PASSAGES, sidecar.COLUMNS, sidecar.TEXTS,
                 sidecar.CHUNK_VECTORS):  # same rows, same order: ties break alike
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("damage", ["format", "counts", "json", "texts", "columns", "vectors", "sections"])
def test_a_sidecar_of_another_format_count_or_damaged_is_ignored(hash_cfg, tiny_corpus, monkeypatch, damage):
    from rag import sidecar

    ingest(hash_cfg, progress=False)
    folder = Index(hash_cfg, "hash").bm25_dir()
    m = store_of(hash_cfg).manifest()
    assert sidecar.load(folder, m.chunks, m.sentences, m.dim) is not None
    if damage == "format":
        monkeypatch.setattr(sidecar, "FORMAT", sidecar.FORMAT + 1)  # written by an older version of the code
    elif damage == "counts":
        assert sidecar.load(folder, m.chunks + 1, m.sentences, m.dim) is None
        np.save(folder / sidecar.VECTORS, np.load(folder / sidecar.VECTORS)[:-1])  # one sentence short
    elif damage == "json":
        (folder / sidecar.PASSAGES).write_text('{"format": 3, "ids": [', encoding="utf-8")
    elif damage == "texts":  # a line short
        lines = (folder / sidecar.TEXTS).read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / sidecar.TEXTS).write_text("".join(lines[:-1]), encoding="utf-8")
    elif damage == "columns":
        (folder / sidecar.COLUMNS).write_bytes((folder / sidecar.COLUMNS).read_bytes()[:100])
    elif damage == "sections":  # a subheading said to be in a passage the index lacks
        head = json.loads((folder / sidecar.PASSAGES).read_text(encoding="utf-8"))
        head["sections"].append(["Port Fees", m.chunks])
        (folder / sidecar.PASSAGES).write_text(json.dumps(head), encoding="utf-8")
    else:
        (folder / sidecar.VECTORS).write_bytes(b"\x93NUMPY broken")
    assert sidecar.load(folder, m.chunks, m.sentences, m.dim) is None
    pipe = Pipeline(hash_cfg)  # read from Chroma instead, and answers as before
    assert pipe.retriever.side is None and "1979" in pipe.ask(Q).answer


# --- live reload ----------------------------------------------------------------------

class GatedEmbedder(HashEmbedder):
    """The hash embedder, but a question can be held inside ``embed_query`` (an answer in progress)."""

    def __init__(self):
        super().__init__()
        self.entered, self.release, self.hold = threading.Event(), threading.Event(), False

    def embed_query(self, text):
        if self.hold:
            self.entered.set()
            self.release.wait(30)
        return super().embed_query(text)


def test_live_pipeline_switches_between_questions_and_finishes_answers_in_progress(hash_cfg, tiny_corpus):
    ingest(hash_cfg, progress=False)
    emb = GatedEmbedder()
    live = LivePipeline(hash_cfg, embedder=emb)
    assert "observatory" not in live.ask(NEW_Q).retrieved_doc_ids
    first = live.current
    first.index.collection()  # its Chroma client is open (a small index answers from its sidecar without one)

    emb.hold = True
    got = {}
    t = threading.Thread(target=lambda: got.update(a=live.ask(Q)))
    t.start()
    assert emb.entered.wait(30)  # an answer is in progress on generation 1
    emb.hold = False
    save(NEW_DOC, tiny_corpus)
    ingest(hash_cfg, progress=False)
    a = live.ask(NEW_Q)  # the next question switches to generation 2
    assert live.reloads == 1 and live.current.info.generation == 2 and a.citations[0].doc_id == "observatory"
    assert first.index.store._clients  # still open for the answer in progress
    emb.release.set()
    t.join(30)
    assert "1979" in got["a"].answer and not first.index.store._clients  # finished, then closed


def test_stale_notice_clears_once_the_new_generation_is_live(hash_cfg, tiny_corpus):
    import ui

    ingest(hash_cfg, progress=False)
    save(NEW_DOC, tiny_corpus)
    svc = ui.ChatService(hash_cfg)
    assert "older than the articles" in svc.status()[0]
    ingest(hash_cfg, progress=False)
    assert svc.status() == ("", "") and svc.ask(NEW_Q).citations[0].doc_id == "observatory"


# --- input limits -----------------------------------------------------------------------

def test_skip_rule_is_keyed_by_document_id_not_file_name(hash_cfg, tiny_corpus):
    notes = tiny_corpus / "notes.md"  # a file whose name is not its document's id
    save(NEW_DOC, tiny_corpus)
    (tiny_corpus / "observatory.md").rename(notes)
    ingest(hash_cfg, progress=False)
    notes.write_text("---\nid: [broken\n---\n")  # fails to load: its document stays
    rep = ingest(hash_cfg, progress=False)
    assert rep.deleted == [] and any(m["doc_id"] == "observatory" for m in Index(hash_cfg, "hash").existing().values())
    notes.unlink()  # now really gone; a broken file named after the id does not keep it
    (tiny_corpus / "observatory.md").write_text("---\nid: [broken\n---\n")
    rep = ingest(hash_cfg, progress=False)
    assert rep.deleted == ["observatory"]
    assert not any(m["doc_id"] == "observatory" for m in Index(hash_cfg, "hash").existing().values())


def test_links_out_of_the_corpus_folder_are_refused(hash_cfg, tiny_corpus, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text(dump(NEW_DOC))
    (tiny_corpus / "linked.md").symlink_to(outside)
    inside = tiny_corpus / "sub"
    inside.mkdir()
    (inside / "real.md").write_text(dump(Document("inner", "Inner", body="The inner article mentions Quellmar.")))
    (tiny_corpus / "inner-link.md").symlink_to(inside / "real.md")
    res = load_corpus(tiny_corpus)
    assert [d.id for d in res.documents] == ["inner", "labs", "pact-history"]
    assert res.skipped == [f"linked.md: a link to {outside}, outside the corpus folder; copy the article in instead"]
    assert "observatory" not in ingest(hash_cfg, progress=False).added


def test_articles_over_the_size_limit_are_skipped_with_the_fix(tiny_corpus, capsys, monkeypatch):
    big = Document("big", "Big", body=" ".join(["The Pact covers many fields of research."] * 200))
    save(big, tiny_corpus)
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    monkeypatch.setenv("RAG_MAX_ARTICLE_BYTES", "5000")
    assert main(["ingest"]) == 1
    out, err = capsys.readouterr()
    size = (tiny_corpus / "big.md").stat().st_size
    assert (f"skipped big.md: {size:,} bytes, over the 5,000-byte article limit; split it, or raise "
            "RAG_MAX_ARTICLE_BYTES") in err and "2 added" in out


def test_zero_width_and_format_characters_are_removed_not_spaced(hash_cfg, tiny_corpus):
    from rag.cleaning import clean_article

    q = "When was the Pact first sig\u200bned\u200d?\u2060"
    assert clean_question(q, 1000).text == "When was the Pact first signed?"
    assert terms("sig\u200bned Pa\u00adct") == terms("signed Pact")
    ingest(hash_cfg, progress=False)
    a = Pipeline(hash_cfg).ask(q)
    assert not a.abstained and "1979" in a.answer
    raw = "Pact news\n\n" + " ".join(["The Pa\u200bct was fi\ufeffrst signed in 19\u200c79 by both sides."] * 5)
    body = clean_article(raw, {"id": "x"}).body
    assert "Pact was first signed in 1979" in body and not any(c in body for c in "\u200b\u200c\ufeff")


def test_manifest_round_trips_and_a_damaged_one_is_one_line(tmp_path):
    m = Manifest(3, "hash", 64, 10, 40, "abc", "2025-01-01T00:00:00+00:00", docs={"a": {"hash": "h", "file": "a.md"}})
    assert Manifest.from_json(m.to_json(), "x") == m
    with pytest.raises(Exception, match="unreadable .* Run: rag ingest"):
        Manifest.from_json("{not json", "x")
