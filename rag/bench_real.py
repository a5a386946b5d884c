"""``rag bench`` on the real corpus: ingest (from scratch and unchanged), the recipe side by side,
model throughput per backend, serving probes and cold start.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace

import numpy as np

from rag.bench_util import BenchRun, MeteredEmbedder, clear_query_cache, lat, ratio, token_counter
from rag.config import Config
from rag.errors import RagError


def recipe_latency(recipe, embedder, questions: list[str]) -> dict:
    for q in questions:
        recipe.search(q, k=4)
    cached, fresh = [], []
    for q in questions:
        t = time.perf_counter()
        recipe.search(q, k=4)
        cached.append((time.perf_counter() - t) * 1000)
    for q in questions:
        clear_query_cache(embedder)
        t = time.perf_counter()
        recipe.search(q, k=4)
        fresh.append((time.perf_counter() - t) * 1000)
    return {"search_cached": lat(cached), "search_fresh": lat(fresh)}


def interleaved(pipe, recipe, embedder, questions: list[str], k: int) -> dict:
    """Ours and the recipe on the same question, alternating, so load spikes hit both."""
    for q in questions:
        pipe.ask(q), recipe.search(q, k=4)
    out: dict[str, list[float]] = {"answer_cached": [], "retrieval_cached": [], "recipe_cached": [],
                                   "answer_fresh": [], "recipe_fresh": []}
    for q in questions:
        for name, fn in (("answer_cached", lambda: pipe.ask(q)), ("retrieval_cached", lambda: pipe.retriever.search(pipe.understand(q), k)),
                         ("recipe_cached", lambda: recipe.search(q, k=4))):
            t = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - t) * 1000)
    for q in questions:
        for name, fn in (("answer_fresh", lambda: pipe.ask(q)), ("recipe_fresh", lambda: recipe.search(q, k=4))):
            clear_query_cache(embedder)
            t = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - t) * 1000)
    return {k_: lat(v) for k_, v in out.items()}


def _onnx_embedder(cfg: Config, inner):
    """The ONNX twin of ``inner`` when it can be built here, else None (with the reason)."""
    from rag.models import load_embedder

    try:
        e = load_embedder(replace(cfg, backend="onnx"))
    except (ImportError, RagError) as err:
        return None, str(err)
    if type(e).__name__ != "OnnxEmbedder":
        return None, f"{cfg.model} runs on its own engine, not ONNX Runtime"
    return e, ""


def model_throughput(embedders: dict, texts: list[str], step: int, progress: bool) -> dict:
    """Texts and tokens per second of each embedder, batches alternating so load spikes hit all alike."""
    from tqdm import tqdm

    res = {}
    for name, emb in embedders.items():
        emb.embed_documents(texts[:8])  # warm-up
        res[name] = {"count": token_counter(emb), "seconds": 0.0, "vecs": []}
    for i in tqdm(range(0, len(texts), step), desc="model throughput", leave=False, disable=not progress or None):
        for name, emb in embedders.items():
            t = time.perf_counter()
            res[name]["vecs"].append(emb.embed_documents(texts[i:i + step]))
            res[name]["seconds"] += time.perf_counter() - t
    out = {}
    for name, r in res.items():
        tokens, secs = r["count"](texts), r["seconds"]
        out[name] = {"texts": len(texts), "tokens": tokens, "seconds": round(secs, 2),
                     "texts_per_s": round(len(texts) / secs, 1), "tokens_per_s": round(tokens / secs),
                     "_vecs": np.concatenate(r["vecs"])}
    return out



def _chunk_texts(cfg: Config, model_id: str) -> list[str]:
    """Chunk texts as stored (no header): the unit "chunks of ~200 tokens" refers to."""
    from rag.index import Index

    return [t or "" for t in Index(cfg, model_id).all_records()["documents"]]


def real_ingest(run: BenchRun) -> Config:
    """Ingest the real corpus from scratch into the work dir, then again unchanged; returns its config."""
    from rag.ingest import ingest

    real_cfg = replace(run.cfg, index_dir=run.work / "real-index", chroma_url="")
    metered = MeteredEmbedder(run.inner, memo=run.memo)
    rep = ingest(real_cfg, embedder=metered, progress=False)
    chunk_tokens = metered.count_tokens(_chunk_texts(real_cfg, run.inner.id))
    again = ingest(real_cfg, embedder=MeteredEmbedder(run.inner), progress=False)
    run.report["real"] = {
        "chunks": rep.chunks, "documents": len(run.docs), "ingest_s": round(rep.seconds, 2),
        "chunks_per_s": round(rep.chunks / rep.seconds, 1), "chunk_tokens_per_s": round(chunk_tokens / rep.seconds),
        "mean_chunk_tokens": round(chunk_tokens / max(1, rep.chunks), 1),
        "texts_embedded": metered.texts, "model_s": round(metered.seconds, 2),
        # sentences per chunk, not every text the model saw: an ingest also embeds the articles' words once
        "texts_per_chunk": round(rep.embedded_sentences / max(1, rep.chunks), 2),
        "reingest": {"embedded": again.embedded, "seconds": round(again.seconds, 2)}}
    return real_cfg


def real_recipe(run: BenchRun, real_cfg: Config) -> None:
    """The recipe's ingest of the same corpus, then ours and the recipe interleaved question by question."""
    from rag.lc import Recipe
    from rag.pipeline import Pipeline

    real = run.report["real"]
    rmeter = MeteredEmbedder(run.inner)
    t = time.perf_counter()
    recipe = Recipe(run.docs, rmeter, name="bench-recipe-real")
    rbuild = time.perf_counter() - t
    real["recipe"] = {"chunks": len(recipe.chunks), "ingest_s": round(rbuild, 2),
                      "chunks_per_s": round(len(recipe.chunks) / rbuild, 1),
                      "chunk_tokens_per_s": round(rmeter.tokens / rbuild),
                      "mean_chunk_tokens": round(rmeter.tokens / max(1, len(recipe.chunks)), 1)}
    real["ingest_ratio_tokens_per_s"] = ratio(real["chunk_tokens_per_s"], real["recipe"]["chunk_tokens_per_s"])
    pipe = Pipeline(real_cfg, embedder=run.inner, check_stale=False)
    real["interleaved"] = il = interleaved(pipe, recipe, run.inner, run.questions, run.cfg.k)
    real["ratios"] = {
        "answer_cached/recipe_cached_p50": ratio(il["answer_cached"]["p50_ms"], il["recipe_cached"]["p50_ms"]),
        "answer_cached/recipe_cached_p95": ratio(il["answer_cached"]["p95_ms"], il["recipe_cached"]["p95_ms"]),
        "answer_fresh/recipe_fresh_p50": ratio(il["answer_fresh"]["p50_ms"], il["recipe_fresh"]["p50_ms"]),
        "answer_fresh/recipe_fresh_p95": ratio(il["answer_fresh"]["p95_ms"], il["recipe_fresh"]["p95_ms"])}


def _torch_twin(run: BenchRun):
    """The torch embedder to compare with, whichever backend the configuration picks by default."""
    from rag.models import load_embedder

    if type(run.inner).__name__ == "SentenceTransformerEmbedder":
        return run.inner
    try:
        return load_embedder(replace(run.cfg, backend="torch"))
    except RagError:
        return run.inner


def throughput(run: BenchRun, sample: int, onnx: bool):
    """Model throughput per backend on corpus sentences; returns the ONNX embedder (or None) for the probes."""
    from rag.bench_synth import corpus_sentences

    rng = random.Random(11)
    sents = corpus_sentences(run.docs)
    sample_texts = [rng.choice(sents) for _ in range(max(8, sample))]
    torch_emb = _torch_twin(run)
    primary = "torch" if type(torch_emb).__name__ == "SentenceTransformerEmbedder" else torch_emb.id
    onnx_emb, why = _onnx_embedder(run.cfg, torch_emb) if onnx and torch_emb is not None else (None, "disabled")
    embedders = {primary: torch_emb, **({"onnx": onnx_emb} if onnx_emb is not None else {})}
    thr = model_throughput(embedders, sample_texts, max(run.cfg.batch_size * 8, 64), run.progress.enabled)
    if onnx_emb is not None:
        a, b = thr[primary]["_vecs"], thr["onnx"]["_vecs"]
        cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        thr["onnx"]["cosine_to_torch_min"] = round(float(cos.min()), 6)
    tpc = run.report["real"]["texts_per_chunk"] or 1.0
    for b in list(thr):
        thr[b].pop("_vecs")
        # what the model alone allows, in chunks of this corpus per second
        thr[b]["model_bound_chunks_per_s"] = round(thr[b]["texts_per_s"] / tpc, 1)
    run.report["model_throughput"] = thr
    if "onnx" in thr:
        run.report["onnx/torch_model_throughput"] = ratio(thr["onnx"]["texts_per_s"], thr[primary]["texts_per_s"])
    else:
        run.report["onnx_skipped"] = why
    return onnx_emb


def serving(run: BenchRun, real_cfg: Config, with_onnx: bool) -> dict:
    """Probes of the real corpus in fresh processes (configured backend, and ONNX when available)."""
    from rag.bench_probe import run_probe

    env = {**run.env, "RAG_INDEX_DIR": str(real_cfg.index_dir)}
    spec = {"index_dir": str(real_cfg.index_dir), "corpus_dir": str(run.cfg.corpus_dir), "model": run.cfg.model,
            "models_dir": str(run.cfg.models_dir), "questions": run.questions}
    run.report["real"]["ours"] = run_probe(spec, env, run.progress)
    if with_onnx:
        run.report["real"]["ours_onnx"] = run_probe({**spec, "backend": "onnx"}, env, run.progress)
    return env


def cold_start(run: BenchRun, env: dict, cold_runs: int) -> None:
    from rag.bench_probe import cold_ask, cold_ingest

    cold = {"ask": [], "reingest_cli": None}
    for i in range(max(1, cold_runs)):
        run.progress.note(f"rag ask {i + 1}/{max(1, cold_runs)}")
        cold["ask"].append(cold_ask(env, run.questions[0]))
    run.progress.note("rag ingest (unchanged)")
    cold["reingest_cli"] = cold_ingest(env)
    cold["ask_best_s"] = min(x["seconds"] for x in cold["ask"])
    if "ours_onnx" in run.report["real"]:
        cold["ask_onnx_first_answer_s"] = run.report["real"]["ours_onnx"]["first_answer_s"]
    run.report["cold"] = cold
