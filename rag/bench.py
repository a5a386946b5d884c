"""``rag bench``: ingest throughput, warm latency, cold start and memory, against the LangChain recipe.

Everything runs on this machine in one go, in a temp work dir: the real index
(``index/``) is never touched. Stages:

1. the real corpus, ingested from scratch and then again unchanged (re-ingest);
2. model throughput on a sample of synthetic sentences, per backend (torch, ONNX);
3. synthetic corpora of about N chunks: corpus sentences sampled and recombined into
   synthetic articles (``synth-*``), ingested into their own Chroma store. Their
   sentences are the corpus's own, so their vectors are the real model's vectors of
   those texts, reused (the first embedding of a text is memoized, and each copy gets
   a small perturbation so HNSW is not fed exact duplicates); the model's cost is
   measured separately in stage 2. Sizes above ``INGEST_LIMIT`` chunks are built by
   replicating the largest ingested store (vectors perturbed again), so their
   retrieval latency is real while pysbd and the model are not run 100k times. With a Chroma
   server configured (``RAG_CHROMA_URL``) the synthetic stores are built on it, and copies above
   ``SIDECAR_ONLY_ABOVE`` chunks keep their sentence vectors in the local sidecar only;
4. at each size, a fresh child process loads the Pipeline and answers the questions:
   load time, first answer, warm p50/p95 (repeated question: cached query vector),
   fresh-question p50/p95 (cache cleared), retrieval alone, peak RSS;
5. the standard recipe (``rag.lc.Recipe``) over the same documents and questions, up to
   ``RECIPE_LIMIT`` chunks;
6. cold start: ``rag ask`` from process start to answer, ``rag serve`` to page ready.

Ratios are ours/recipe, so a noisy machine moves both sides alike. ``rag bench --models a,b,c``
instead compares embedding models on the real corpus (``rag.bench_models``).

Modules: ``bench_real`` (stages 1, 2, 5 and 6 on the real corpus), ``bench_synth`` (3-5 at each
size), ``bench_probe`` (the child processes), ``bench_models``, ``bench_report`` (table, plot,
files), ``bench_util`` (shared pieces, the progress bar).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

from rag.bench_synth import INGEST_LIMIT, RECIPE_LIMIT
from rag.bench_util import BenchRun, Progress, load_questions
from rag.bench_work import exit_on_term, make_work_dir
from rag.config import Config
from rag.errors import RagError


def _start(cfg: Config, n_queries: int, progress: bool, stages: int, work_dir: Path | None,
           questions_file: Path | None) -> BenchRun:
    from rag.corpus import load_corpus

    docs = load_corpus(cfg.corpus_dir).documents
    if not docs:
        raise RagError(f"No articles in {cfg.corpus_dir} to benchmark. Add one with: rag corpus add FILE")
    questions = load_questions(questions_file, n_queries)
    work = Path(work_dir) if work_dir else make_work_dir()
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "RAG_CORPUS_DIR": str(Path(cfg.corpus_dir).resolve()), "RAG_EMBEDDING_MODEL": cfg.model,
           "RAG_MODELS_DIR": str(Path(cfg.models_dir).resolve()), "HF_HUB_OFFLINE": "1"}
    env.pop("RAG_CHROMA_URL", None)  # the real corpus uses its own embedded store; synthetic probes set it back
    run = BenchRun(cfg, docs, questions, work, env, Progress(stages, progress))
    run.report = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                              "load_avg_start": [round(x, 2) for x in os.getloadavg()]},
                  "model": cfg.model, "synthetic_store": cfg.chroma_url or "embedded", "questions": len(questions), "k": cfg.k, "work_dir": str(work),
                  "method": __doc__.split("\n\n", 2)[2].strip()}
    return run


def _finish(run: BenchRun, own: bool, t0: float) -> dict:
    run.progress.close()
    if own:
        shutil.rmtree(run.work, ignore_errors=True)
    run.report["machine"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    run.report["stage_seconds"] = dict(run.progress.seconds)
    run.report["total_s"] = round(time.perf_counter() - t0, 1)
    return run.report


def _load_model(run: BenchRun) -> None:
    from rag.models import load_embedder

    t = time.perf_counter()
    run.inner = load_embedder(run.cfg)
    name = type(run.inner).__name__
    run.report["backend"] = {"OnnxEmbedder": "onnx", "SentenceTransformerEmbedder": "torch"}.get(name, run.inner.id)
    run.report["model_load_s"] = round(time.perf_counter() - t, 2)


def _stages(run: BenchRun, sizes: list[int], sample: int, cold_runs: int, serve: bool, onnx: bool,
            ingest_limit: int, recipe_limit: int) -> None:
    from rag import bench_probe, bench_real, bench_synth

    p = run.progress
    with p.stage("model load"):
        _load_model(run)
    with p.stage("real corpus ingest"):
        real_cfg = bench_real.real_ingest(run)
    with p.stage("recipe on the real corpus"):
        bench_real.real_recipe(run, real_cfg)
    with p.stage("model throughput"):
        onnx_emb = bench_real.throughput(run, sample, onnx)
    thr = run.report["model_throughput"]
    run.report["sizes"] = bench_synth.synthetic_sizes(run, sizes, thr, ingest_limit, recipe_limit)
    with p.stage("serving probes"):
        env = bench_real.serving(run, real_cfg, onnx_emb is not None)
    with p.stage("cold start"):
        bench_real.cold_start(run, env, cold_runs)
    if serve:
        with p.stage("rag serve"):
            run.report["cold"]["serve"] = bench_probe.cold_serve(env, run.questions[0])


def run_bench(cfg: Config, sizes: list[int], n_queries: int = 50, progress: bool = True, work_dir: Path | None = None,
              sample: int = 2000, cold_runs: int = 2, serve: bool = True, onnx: bool = True,
              questions_file: Path | None = None, ingest_limit: int = INGEST_LIMIT,
              recipe_limit: int = RECIPE_LIMIT) -> dict:
    """The whole bench (see the module docstring); the report is a JSON-able dict."""
    sizes = sorted(set(sizes))
    t0 = time.perf_counter()
    stages = 6 + 2 * len(sizes) + (1 if serve else 0)
    with exit_on_term():
        run = _start(cfg, n_queries, progress, stages, work_dir, questions_file)
        try:
            _stages(run, sizes, sample, cold_runs, serve, onnx, ingest_limit, recipe_limit)
        finally:
            report = _finish(run, work_dir is None, t0)
    return report


def run_models_bench(cfg: Config, models: list[str], n_queries: int = 50, progress: bool = True,
                     work_dir: Path | None = None, questions_file: Path | None = None) -> dict:
    """``rag bench --models``: each embedding model's ingest rate, serving latency and memory."""
    from dataclasses import replace

    from rag.bench_models import compare_models
    from rag.models import resolve

    for m in models:  # fail in a second, not after minutes, when a model is missing
        resolve(replace(cfg, model=m))
    t0 = time.perf_counter()
    with exit_on_term():
        run = _start(cfg, n_queries, progress, 2 * len(models), work_dir, questions_file)
        try:
            run.report["models"] = compare_models(run, models)
        finally:
            report = _finish(run, work_dir is None, t0)
    return report


def parse_sizes(text: str) -> list[int]:
    """``"10000,100k"`` → ``[10000, 100000]``; an empty string means the real corpus only."""
    out = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        mult = 1000 if part.lower().endswith("k") else 1
        try:
            v = int(part[:-1] if mult > 1 else part) * mult
        except ValueError:
            raise RagError(f"--sizes takes comma-separated chunk counts like 10000,100000; got {part!r}") from None
        if v < 10:
            raise RagError(f"--sizes: a synthetic corpus needs at least 10 chunks, got {v}")
        out.append(v)
    return out



def run_bench_cli(args, cfg) -> int:
    from rag.bench_report import write

    work = Path(args.work_dir) if getattr(args, "work_dir", None) else None
    models = [m.strip() for m in (getattr(args, "models", None) or "").split(",") if m.strip()]
    if models:
        from rag.bench_models import format_models

        report = run_models_bench(cfg, models, n_queries=args.queries, progress=not args.json, work_dir=work)
        table = format_models(report["models"])
        paths = write(report, Path(args.out), name="bench-models", table=table)
    else:
        report = run_bench(cfg, parse_sizes(args.sizes), n_queries=args.queries, progress=not args.json,
                           sample=args.sample, cold_runs=args.cold_runs, serve=not args.no_serve,
                           onnx=not args.no_onnx, work_dir=work)
        paths = write(report, Path(args.out))
        from rag.bench_report import format_table

        table = format_table(report)
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        print(table)
        print(f"\nWrote {', '.join(str(p) for p in paths.values())} ({report['total_s']} s)")
    return 0
