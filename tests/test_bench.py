"""``rag bench`` smoke test (hash model, tiny sizes) and the ONNX backend's agreement with torch."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from rag.bench import parse_sizes, run_bench
from rag.bench_report import format_table, write
from rag.bench_replicate import index_manifests, replicate_store
from rag.bench_synth import synth_documents
from rag.bench_util import MeteredEmbedder
from rag.config import load_config
from rag.embedding import HashEmbedder
from rag.errors import RagError


def test_parse_sizes():
    assert parse_sizes("10000, 100k") == [10000, 100000]
    assert parse_sizes("") == []
    with pytest.raises(RagError, match="--sizes"):
        parse_sizes("lots")


def test_synthetic_documents_recombine_corpus_sentences():
    sents = [f"Sentence number {i} is about the science agreement." for i in range(30)]
    docs = synth_documents(sents, n_chunks=40, chunks_per_word=1 / 100)
    assert docs and all(d.id.startswith("synth-") and not (d.outlet or d.authors or d.date) for d in docs)
    body = " ".join(d.body for d in docs)
    assert sum(len(d.body.split()) for d in docs) >= 4000
    assert all(s in sents for d in docs for p in d.body.split("\n\n") for s in _sentences(p))
    assert "Sentence number" in body


def _sentences(para: str) -> list[str]:
    return [s.strip() + "." for s in para.split(".") if s.strip()]


def test_reused_vectors_are_perturbed_copies_and_misses_approximated():
    inner = HashEmbedder(dim=32)
    m = MeteredEmbedder(inner)
    a = "The agreement was first signed in 1979 by Carter and Deng."
    b = "It was renewed in December 2024 for five more years."
    m.embed_documents([a, b])
    assert m.texts == 2 and set(m.memo) == {a, b}
    r = MeteredEmbedder(inner, memo=m.memo, reuse=True)
    v1, v2, w = r.embed_documents([a, a, a + " " + b])
    assert r.reused == 2 and r.approximated == 1
    assert 0.95 < float(v1 @ m.memo[a]) < 1.0 and not np.allclose(v1, v2)  # close to the original, not a duplicate
    assert float(w @ (m.memo[a] + m.memo[b])) > 0.9 * np.linalg.norm(m.memo[a] + m.memo[b])


def test_bench_smoke(hash_cfg, tmp_path, capsys):
    """Every stage runs: real corpus, one ingested and one replicated size, probes, cold ask, files."""
    qs = tmp_path / "q.jsonl"
    qs.write_text("\n".join(json.dumps({"question": q}) for q in
                            ["When was the Pact first signed?", "Who leads the ocean program?"]))
    report = run_bench(hash_cfg, [60, 150], n_queries=3, progress=False, work_dir=tmp_path / "work", sample=20,
                       cold_runs=1, serve=False, onnx=False, questions_file=qs, ingest_limit=100)
    real = report["real"]
    assert real["chunks"] > 0 and real["reingest"]["embedded"] == 0
    assert real["recipe"]["chunks"] > 0 and real["ratios"]["answer_cached/recipe_cached_p95"]
    small, big = report["sizes"]
    assert small["built_by"].startswith("ingest") and small["chunks"] >= 50
    assert small["texts_reused"] > 0
    assert big["built_by"].startswith("2 copies") and big["chunks"] == 2 * small["chunks"]
    for row in report["sizes"]:
        assert row["ours"]["chunks"] == row["chunks"]  # the probe served the whole synthetic index
        assert row["ours"]["answer_cached"]["n"] == 3 and row["recipe"]["search_fresh"]["p95_ms"] > 0
        # and ours timed beside the recipe, question by question, in the bench's own process
        assert row["interleaved"]["answer_fresh"]["n"] == row["interleaved"]["recipe_fresh"]["n"] == 3
        assert row["ratios"]["interleaved answer_fresh/recipe_fresh_p95"] > 0
    assert report["cold"]["ask"][0]["answered"]
    assert not (hash_cfg.index_dir).exists()  # the real index dir is never touched

    paths = write(report, tmp_path / "out")
    assert json.loads(paths["json"].read_text())["sizes"][1]["chunks"] == big["chunks"]
    assert paths["plot"].stat().st_size > 1000 and "| synthetic 150 |" in paths["md"].read_text()


def _replicate(hash_cfg, tmp_path, copies: int, sidecar_only: bool):
    from rag.index import Index
    from rag.ingest import ingest
    from rag.reader_files import save_readers

    ingest(hash_cfg, progress=False)
    cfg = load_config(model="hash", index_dir=str(tmp_path / "copy"))

    def finish(store, gen, m, records, sentences):
        save_readers(Index(cfg, m.model, generation=gen, store=store), m, records, sentences)

    rep = replicate_store(hash_cfg, index_manifests(hash_cfg), cfg, copies, progress=False, finish=finish,
                          sidecar_only=sidecar_only)
    return cfg, rep


def test_replicated_store_renames_doc_ids(hash_cfg, tmp_path):
    from rag.index import Index
    from rag.pipeline import Pipeline

    cfg, rep = _replicate(hash_cfg, tmp_path, 3, sidecar_only=False)
    got = Index(cfg, "hash").existing()
    docs = {m["doc_id"] for m in got.values()}
    assert docs == {f"{d}-r{r}" for d in ("labs", "pact-history") for r in range(3)}
    assert all(cid.startswith(m["doc_id"] + ":") for cid, m in got.items())
    assert rep["chunk_rows"] == len(got) and rep["sentence_rows_in_store"] > 0
    r = Pipeline(cfg, check_stale=False).retriever  # the copy starts as a real generation does: nothing rebuilt
    assert r.bm25_loaded and r.lexicon_loaded and r.side is not None and r.n == len(got)


def test_a_sidecar_only_copy_answers_as_one_with_sentence_rows(hash_cfg, tmp_path):
    """Large copies leave the sentence rows out of the store: the sidecar holds the same vectors, and
    the search (which reads only the sidecar) returns the same passages with the same sentence cosines."""
    from rag.index import Index
    from rag.pipeline import Pipeline

    both, _ = _replicate(hash_cfg, tmp_path / "a", 2, sidecar_only=False)
    only, rep = _replicate(hash_cfg, tmp_path / "b", 2, sidecar_only=True)
    assert rep["sentence_rows_in_store"] == 0 and Index(only, "hash").sentence_count() == 0
    pa, pb = Pipeline(both, check_stale=False), Pipeline(only, check_stale=False)
    assert pb.retriever.side is not None and pb.retriever.n_sentences == pa.retriever.n_sentences > 0
    assert np.array_equal(np.asarray(pa.retriever.side.vectors), np.asarray(pb.retriever.side.vectors))
    for q in ("When was the Pact first signed?", "Who leads the ocean program?"):
        a, b = pa.retriever.search(pa.understand(q), 3), pb.retriever.search(pb.understand(q), 3)
        assert [(p.chunk_id, p.sims) for p in a] == [(p.chunk_id, p.sims) for p in b] and a


def test_a_first_size_above_the_ingest_limit_is_copied_from_a_base(hash_cfg, tmp_path):
    """`--sizes 100000` alone copies a base store of half the ingest limit: ingesting every chunk
    of a big size for real is what made such runs take over 20 minutes."""
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"question": "When was the Pact first signed?"}))
    report = run_bench(hash_cfg, [150], n_queries=2, progress=False, work_dir=tmp_path / "work", sample=20,
                       cold_runs=1, serve=False, onnx=False, questions_file=qs, ingest_limit=100)
    (row,) = report["sizes"]
    assert row["target_chunks"] == 150 and "copies of the" in row["built_by"]
    assert 0 < row["base_chunks"] <= 100 and row["base_ingest_s"] > 0
    assert row["chunks"] == row["base_chunks"] * round(150 / row["base_chunks"])
    assert row["ours"]["chunks"] == row["chunks"]
    assert f"copied from a base of {row['base_chunks']} chunks" in format_table(report)


@pytest.mark.slow
def test_bench_builds_synthetic_sizes_on_a_chroma_server(hash_cfg, tmp_path, monkeypatch):
    """With a server configured, both sizes are built and served there; the copy keeps its sentence vectors
    in the sidecar only, the recipe is skipped above its limit, and the server's memory is recorded."""
    from dataclasses import replace

    from rag import bench_replicate
    from test_server_mode import ChromaServer

    monkeypatch.setattr(bench_replicate, "SIDECAR_ONLY_ABOVE", 100)
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"question": "When was the Pact first signed?"}))
    srv = ChromaServer(tmp_path / "chroma-data").start()
    try:
        report = run_bench(replace(hash_cfg, chroma_url=srv.url), [60, 150], n_queries=2, progress=False,
                           work_dir=tmp_path / "work", sample=20, cold_runs=1, serve=False, onnx=False,
                           questions_file=qs, ingest_limit=100, recipe_limit=100)
        from rag.index import connect
        from rag.server_store import server_indexes

        on_server = server_indexes(connect(replace(hash_cfg, chroma_url=srv.url)))
    finally:
        srv.stop()
    small, big = report["sizes"]
    assert small["store"] == big["store"] == "chroma server"
    assert big["ours"]["chunks"] == big["chunks"] == 2 * small["chunks"]  # served from the server's copy
    assert big["sentence_vectors"] == "sidecar only" and big["chunk_rows_per_s"] > 0
    assert small["recipe"]["search_fresh"]["p95_ms"] > 0 and "not_run" in big["recipe"]
    assert big["server_after_queries"]["peak_rss_mb"] > 0
    assert [m.chunks for m in on_server.values()] == [big["chunks"]]
    assert small["interleaved"]["answer_fresh"]["n"] == 2 and "interleaved" not in big  # no recipe above its limit
    assert "| synthetic 150 (server) |" in format_table(report) and "interleaved with the recipe:" in format_table(report)


# --- the ONNX Runtime backend ---------------------------------------------------

@pytest.fixture(scope="session")
def onnx_embedder(tmp_path_factory, real_embedder):
    pytest.importorskip("onnx", reason="exporting needs the onnx package (pip install onnx)")
    from rag.embedding import OnnxEmbedder
    from rag.models import REGISTRY, installed_dir

    from rag.config import Config

    d = installed_dir("minilm", Config())
    return OnnxEmbedder("minilm", str(d), tmp_path_factory.mktemp("onnx-cache"),
                        max_seq_length=REGISTRY["minilm"].max_seq_length)


@pytest.mark.slow
def test_onnx_vectors_match_torch(onnx_embedder, real_embedder):
    from rag.corpus import load_corpus

    from conftest import CORPUS

    texts = [p for d in load_corpus(CORPUS).documents for p in d.body.split("\n\n") if p.strip()][:60]
    texts += ["short", "When was the STA first signed?", "word " * 400]  # tiny, question, truncated
    a, b = real_embedder.embed_documents(texts), onnx_embedder.embed_documents(texts)
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cos.min() > 0.999
    q = "What changed in the 2024 renewal?"
    assert float(real_embedder.embed_query(q) @ onnx_embedder.embed_query(q)) > 0.999
    assert onnx_embedder.id == real_embedder.id and onnx_embedder.dim == real_embedder.dim == 384


@pytest.mark.slow
def test_a_few_question_texts_are_tokenized_one_by_one_into_the_same_vectors(onnx_embedder, monkeypatch):
    from rag import embedding

    texts = ["When did the tram to the old harbour open?", "the tram to the old harbour"]
    one_by_one = onnx_embedder._encode(texts)
    monkeypatch.setattr(embedding, "FEW_TEXTS", 0)  # every batch through the tokenizer's thread pool
    assert np.array_equal(one_by_one, onnx_embedder._encode(texts))


@pytest.mark.slow
def test_batches_run_side_by_side_give_the_vectors_of_one_session(onnx_embedder, monkeypatch):
    from rag.corpus import load_corpus

    from conftest import CORPUS

    texts = [p for d in load_corpus(CORPUS).documents for p in d.body.split("\n\n") if p.strip()][:50]
    side_by_side = onnx_embedder.embed_documents(texts)
    assert onnx_embedder._workers is not None  # the pool ran (a 1-core box has none and runs one session)
    monkeypatch.setattr(onnx_embedder, "_batches_side_by_side", lambda: None)
    assert np.array_equal(side_by_side, onnx_embedder.embed_documents(texts))


@pytest.mark.slow
def test_onnx_backend_gives_the_same_answers(onnx_embedder, real_pipeline, real_index_dir):
    """Same index, queries embedded by ONNX: the eval questions get the same answers."""
    from pathlib import Path

    from rag.evalset import SPLIT_FILES, load_many
    from rag.pipeline import Pipeline

    root = Path(__file__).resolve().parent.parent
    questions = load_many([root / f for f in SPLIT_FILES.values()], None)
    onnx_pipe = Pipeline(real_index_dir, embedder=onnx_embedder)
    same = sum(real_pipeline.ask(q.question).answer == onnx_pipe.ask(q.question).answer for q in questions)
    assert same >= 0.97 * len(questions)


def test_progress_prints_stage_lines_in_a_log(capsys):
    """Not a terminal (CI, a file): one line per stage start and end, so a long run is never silent."""
    from rag.bench_util import Progress

    p = Progress(2, enabled=True)
    with p.stage("real corpus ingest"):
        p.note("loading the index")
    p.skip()
    p.close()
    err = capsys.readouterr().err
    assert "bench [0/2] real corpus ingest …" in err and "bench [1/2] real corpus ingest: done in" in err
    assert "real corpus ingest: loading the index" in err and p.seconds["real corpus ingest"] >= 0
    quiet = Progress(1, enabled=False)
    with quiet.stage("x"):
        quiet.note("y")
    assert capsys.readouterr().err == ""


def test_a_failed_batch_is_raised_only_once_the_batches_beside_it_have_stopped():
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from rag.embedding import _all_or_none

    finished, started = [], threading.Event()

    def slow():
        started.set()
        time.sleep(0.3)
        finished.append("slow")
        return 1

    def fails():
        started.wait(5)
        raise MemoryError("out of memory in one batch")

    later = [lambda: finished.append("later")] * 5  # cancelled unless a worker took them already
    with ThreadPoolExecutor(2) as pool:
        with pytest.raises(MemoryError):
            _all_or_none(pool, [slow, fails, *later])
        assert "slow" in finished  # the batch running beside it had ended before the error reached the caller
    assert _all_or_none(ThreadPoolExecutor(2), [lambda: 1, lambda: 2]) == [1, 2]


def test_no_thread_to_start_is_raised_once_the_batches_already_submitted_have_stopped():
    """Under a memory limit, starting a worker thread fails before any allocation does (CI saw it)."""
    from concurrent.futures import ThreadPoolExecutor

    from rag.embedding import _all_or_none
    from rag.resources import classify

    finished = []

    class NoSecondThread(ThreadPoolExecutor):
        def submit(self, fn, *a, **k):
            if finished or self._threads:
                raise RuntimeError("can't start new thread")
            return super().submit(fn, *a, **k)

    def slow():
        time.sleep(0.3)
        finished.append("slow")

    with NoSecondThread(2) as pool:
        with pytest.raises(RuntimeError) as e:
            _all_or_none(pool, [slow, slow])
        assert finished == ["slow"]  # the first batch ended before the error reached the caller
    assert classify(e.value) == "memory"
