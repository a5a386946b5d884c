"""``rag bench`` results: one row per corpus size, the Markdown table, the plot, and the files."""

from __future__ import annotations

import json
from pathlib import Path

from rag.bench_util import ratio


def rows(report: dict) -> list[dict]:
    """One row per corpus size, the columns of the table and the plot."""
    out = []
    real = report["real"]
    sets = [("real corpus", real["chunks"], real.get("ours", {}), real.get("recipe", {}),
             real.get("chunks_per_s"), real.get("interleaved", {}).get("recipe_fresh", {}).get("p95_ms"),
             real.get("interleaved", {}).get("recipe_cached", {}).get("p95_ms"))]
    for s in report.get("sizes", []):
        if "ours" not in s:
            continue
        ing = next((v for k, v in s.items() if k.startswith("projected_chunks_per_s_")), None)
        r = s.get("recipe", {})  # {"not_run": why} above RECIPE_LIMIT
        name = f"synthetic {s['target_chunks']}" + (" (server)" if s.get("store") == "chroma server" else "")
        sets.append((name, s["chunks"], s["ours"], r, ing, r.get("search_fresh", {}).get("p95_ms"),
                     r.get("search_cached", {}).get("p95_ms")))
    for name, chunks, o, r, ing, rf95, rc95 in sets:
        if not o:
            continue
        out.append({"set": name, "chunks": chunks, "load_s": o["pipeline_load_s"],
                    "retrieval_p50": o["retrieval_cached"]["p50_ms"], "retrieval_p95": o["retrieval_cached"]["p95_ms"],
                    "answer_p50": o["answer_cached"]["p50_ms"], "answer_p95": o["answer_cached"]["p95_ms"],
                    "fresh_p50": o["answer_fresh"]["p50_ms"], "fresh_p95": o["answer_fresh"]["p95_ms"],
                    "recipe_fresh_p95": rf95, "recipe_cached_p95": rc95,
                    "ratio_fresh_p95": ratio(o["answer_fresh"]["p95_ms"], rf95), "rss_mb": o["peak_rss_mb"],
                    "ingest_chunks_per_s": ing})
    return out


def format_table(report: dict) -> str:
    head = ["set", "chunks", "load s", "retrieval p50/p95 ms", "answer p50/p95 ms (cached q)",
            "answer p50/p95 ms (new q)", "recipe p95 ms (new q)", "ours/recipe p95", "peak RSS MB", "ingest chunks/s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows(report):
        lines.append(f"| {r['set']} | {r['chunks']} | {r['load_s']} | {r['retrieval_p50']}/{r['retrieval_p95']} | "
                     f"{r['answer_p50']}/{r['answer_p95']} | {r['fresh_p50']}/{r['fresh_p95']} | {r['recipe_fresh_p95']} | "
                     f"{r['ratio_fresh_p95']} | {r['rss_mb']} | {r['ingest_chunks_per_s']} |")
    real, thr, cold = report["real"], report.get("model_throughput", {}), report.get("cold", {})
    notes = _server_notes(report)
    notes += [f"Real corpus ingest: {real['chunks']} chunks in {real['ingest_s']} s = {real['chunks_per_s']} chunks/s "
             f"({real['chunk_tokens_per_s']} chunk tokens/s, ~{real['mean_chunk_tokens']} tokens a chunk; "
             f"recipe {real['recipe']['chunks_per_s']} chunks/s of ~{real['recipe']['mean_chunk_tokens']} tokens; "
             f"ours/recipe tokens/s {real['ingest_ratio_tokens_per_s']}). "
             f"Unchanged re-ingest: {real['reingest']['embedded']} embedded in {real['reingest']['seconds']} s.",
             "Real corpus, interleaved with the recipe: " + ", ".join(f"{k} {v}" for k, v in real["ratios"].items())]
    for b, t in thr.items():
        extra = f", cosine to torch ≥ {t['cosine_to_torch_min']}" if "cosine_to_torch_min" in t else ""
        notes.append(f"Model ({b}): {t['texts_per_s']} sentences/s, {t['tokens_per_s']:.0f} tokens/s "
                     f"→ model-bound {t['model_bound_chunks_per_s']} chunks/s{extra}")
    if cold:
        s = cold.get("serve", {})
        notes.append(f"Cold `rag ask`: {', '.join(str(x['seconds']) for x in cold['ask'])} s"
                     + (f"; ONNX backend first answer {cold['ask_onnx_first_answer_s']} s" if "ask_onnx_first_answer_s" in cold else "")
                     + f"; `rag ingest` unchanged (process) {cold['reingest_cli']['process_seconds']} s"
                     + (f"; `rag serve` page ready {s.get('ready_s')} s, peak RSS {s.get('peak_rss_mb')} MB" if s else ""))
    if "ours_onnx" in real:
        o = real["ours_onnx"]
        notes.append(f"Real corpus with the ONNX backend: answer p95 {o['answer_cached']['p95_ms']} ms cached / "
                     f"{o['answer_fresh']['p95_ms']} ms new question, peak RSS {o['peak_rss_mb']} MB")
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def _server_notes(report: dict) -> list[str]:
    """One line per size built on a Chroma server or by copies: write rate, where the sentence vectors are,
    the server's memory, ours and the recipe interleaved, and a recipe that was not run."""
    out = []
    for s in report.get("sizes", []):
        bits = []
        if "chunk_rows_per_s" in s:
            bits.append(f"built in {s.get('build_s')} s, chunk rows written at {s['chunk_rows_per_s']} rows/s, "
                        f"sentence vectors: {s.get('sentence_vectors')}")
        if s.get("base_chunks"):
            bits.append(f"copied from a base of {s['base_chunks']} chunks ingested in {s['base_ingest_s']} s")
        for when in ("server_after_build", "server_after_queries"):
            if s.get(when):
                bits.append(f"{when.replace('_', ' ')}: RSS {s[when]['rss_mb']} MB (peak {s[when]['peak_rss_mb']} MB)")
        if s.get("interleaved"):
            bits.append("interleaved with the recipe: " + ", ".join(f"{k[12:]} {v}" for k, v in s["ratios"].items()
                                                                    if k.startswith("interleaved ")))
        if "not_run" in s.get("recipe", {}):
            bits.append(f"recipe not run: {s['recipe']['not_run']}")
        if s.get("error"):
            bits.append(f"error: {s['error']}")
        if bits:
            out.append(f"Synthetic {s['target_chunks']} ({s.get('store', 'embedded')}): " + "; ".join(bits))
    return out


def plot(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rs = rows(report)
    x = [r["chunks"] for r in rs]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label, style in (("answer_p95", "answer p95, cached question", "o-"),
                              ("fresh_p95", "answer p95, new question", "s-"),
                              ("retrieval_p95", "retrieval p95, cached", "^-"),
                              ("recipe_fresh_p95", "LangChain recipe p95, new question", "x--")):
        a.plot(x, [r[key] for r in rs], style, label=label)
    a.set_xscale("log")
    a.set_xlabel("chunks in the index")
    a.set_ylabel("ms")
    a.set_title("warm query latency")
    a.legend(fontsize=8)
    ing = [(r["chunks"], r["ingest_chunks_per_s"]) for r in rs if r["ingest_chunks_per_s"]]
    if ing:
        b.plot([c for c, _ in ing], [v for _, v in ing], "o-", label=f"ours ({report.get('backend', 'default backend')}; synthetic: projected)")
    rr = report["real"]["recipe"]
    b.plot([report["real"]["chunks"]], [rr["chunks_per_s"]], "x", markersize=10, label="recipe (real corpus)")
    b.set_xscale("log")
    b.set_xlabel("chunks")
    b.set_ylabel("chunks / s")
    b.set_title("ingest rate")
    b.legend(fontsize=8)
    fig.suptitle(f"rag bench on {report['machine']['cpus']} CPUs, model {report['model']}")
    fig.tight_layout()
    from rag.evalreport import save_figure

    save_figure(fig, path)
    plt.close(fig)


def write(report: dict, out: Path, name: str = "bench", table: str | None = None) -> dict[str, Path]:
    """``NAME.json`` and ``NAME.md`` (and, for the full bench, ``NAME.png``) in ``out``, each written atomically."""
    from rag.corpus import atomic_write

    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / f"{name}.json", "md": out / f"{name}.md"}
    atomic_write(paths["json"], json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    atomic_write(paths["md"], f"# rag bench\n\n{table if table is not None else format_table(report)}\n")
    if table is None:
        paths["plot"] = out / f"{name}.png"
        plot(report, paths["plot"])
    return paths
