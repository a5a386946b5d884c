"""``rag bench --models a,b,c``: the embedding models side by side on the real corpus.

For each model, in the bench's own work dir: load time, an ingest of the real corpus from
scratch (chunks/s, and sentences/s in the model alone), then a serving probe in a fresh
process (answer latency for new questions, peak memory). Retrieval and answer quality
come from ``rag eval --models a,b,c`` on the same questions; the README joins the two.
"""

from __future__ import annotations

import time
from dataclasses import replace

from rag.bench_util import BenchRun, MeteredEmbedder


def _ingest_model(run: BenchRun, model: str) -> tuple[dict, object]:
    from rag.ingest import ingest
    from rag.models import load_embedder

    mcfg = replace(run.cfg, model=model, index_dir=run.work / f"model-{model}", chroma_url="")
    t = time.perf_counter()
    emb = load_embedder(mcfg)
    load_s = time.perf_counter() - t
    metered = MeteredEmbedder(emb)
    rep = ingest(mcfg, embedder=metered, progress=False)
    row = {"model": model, "id": emb.id, "dim": emb.dim, "backend": type(emb).__name__, "model_load_s": round(load_s, 2),
           "chunks": rep.chunks, "ingest_s": round(rep.seconds, 2), "chunks_per_s": round(rep.chunks / rep.seconds, 1),
           "model_texts_per_s": round(metered.texts / max(metered.seconds, 1e-9), 1)}
    return row, mcfg


def compare_models(run: BenchRun, models: list[str]) -> list[dict]:
    """One row per model; a model that fails to load or serve gets its error in its row."""
    from rag.bench_probe import run_probe
    from rag.errors import RagError

    rows = []
    for m in models:
        with run.progress.stage(f"{m}: load and ingest"):
            try:
                row, mcfg = _ingest_model(run, m)
            except RagError as e:
                row, mcfg = {"model": m, "error": str(e)}, None
        if mcfg is None:
            rows.append(row)
            run.progress.skip()
            continue
        with run.progress.stage(f"{m}: serving probe"):
            spec = {"index_dir": str(mcfg.index_dir), "corpus_dir": str(mcfg.corpus_dir), "model": m,
                    "models_dir": str(mcfg.models_dir), "questions": run.questions}
            env = {**run.env, "RAG_INDEX_DIR": str(mcfg.index_dir), "RAG_EMBEDDING_MODEL": m}
            try:
                row["serve"] = run_probe(spec, env, run.progress)
            except RagError as e:
                row["error"] = str(e)
        rows.append(row)
    return rows


def format_models(rows: list[dict]) -> str:
    head = ["model", "dims", "engine", "load s", "ingest chunks/s", "model sentences/s",
            "answer p50/p95 ms (new q)", "retrieval p95 ms (new q)", "serving load s", "peak RSS MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if "chunks" not in r:
            lines.append(f"| {r['model']} | " + " | ".join(["–"] * (len(head) - 1)) + " |")
            continue
        s = r.get("serve", {})
        fresh, retr = s.get("answer_fresh", {}), s.get("retrieval_fresh", {})
        lines.append(f"| {r['model']} | {r['dim']} | {r['backend'].replace('Embedder', '')} | {r['model_load_s']} | "
                     f"{r['chunks_per_s']} | {r['model_texts_per_s']} | {fresh.get('p50_ms', '–')}/{fresh.get('p95_ms', '–')} | "
                     f"{retr.get('p95_ms', '–')} | {s.get('pipeline_load_s', '–')} | {s.get('peak_rss_mb', '–')} |")
    errors = [f"- {r['model']}: {r['error']}" for r in rows if r.get("error")]
    return "\n".join(lines + ([""] + errors if errors else []))
