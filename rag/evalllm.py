"""``rag eval --llm SPEC``: the generative mode measured next to the extractive one.

Same index, same questions, same metrics (``rag.metrics``), plus what only a
generative answer has: how many sentences the model wrote, the share that
verification dropped (and why), and how often nothing survived so the extractive
answer was shown instead (with its notice).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace


def run_generative(mcfg, emb, llm: str, questions, k: int, progress: bool, label: str):
    """(outcomes, summary row) of the pipeline with ``RAG_LLM=llm``; a ``local:`` model's server is started here."""
    from rag.evaluation import run_pipeline
    from rag.generation import Generator
    from rag.metrics import summarize
    from rag.pipeline import Pipeline

    gcfg = replace(mcfg, llm=llm)
    gen = Generator.from_config(gcfg)
    seen: list[tuple[str, dict | None]] = []
    try:
        pipe = Pipeline(gcfg, embedder=emb, generator=gen)
        outs = run_pipeline(pipe, questions, k, progress, label,
                            on_answer=lambda q, a: seen.append((a.mode, a.debug.get("generation"))))
    finally:
        gen.close()
    return outs, {**summarize(questions, outs, k), "system": "generative", **generation_stats(seen)}


def generation_stats(seen: list[tuple[str, dict | None]]) -> dict:
    """Totals over the answers the model was asked for (abstentions never reach it).

    >>> s = generation_stats([("generative", {"generated": 3, "dropped": 1, "reasons": ["no citation"]}),
    ...                       ("extractive", {"generated": 2, "dropped": 2, "reasons": ["no citation"] * 2}),
    ...                       ("extractive", {"generated": 0, "dropped": 0, "reasons": []}), ("extractive", None)])
    >>> s["asked"], s["no_reply"], s["dropped_share"], s["generative_share"], s["drop_reasons"]
    (3, 1, 0.6, 0.333, {'no citation': 3})
    """
    asked = [(mode, g) for mode, g in seen if g is not None]
    gen = sum(g["generated"] for _, g in asked)
    dropped = sum(g["dropped"] for _, g in asked)
    reasons = Counter(r for _, g in asked for r in g["reasons"])
    return {"asked": len(asked), "generated_sentences": gen, "dropped_sentences": dropped,
            "dropped_share": round(dropped / gen, 3) if gen else None,
            "generative_share": round(sum(m == "generative" for m, _ in asked) / len(asked), 3) if asked else None,
            "no_reply": sum(1 for _, g in asked if g["generated"] == 0), "drop_reasons": dict(reasons.most_common())}


def format_generation(report: dict) -> str:
    """What verification did to each generative system's answers."""
    rows = ["| system | asked | answers kept generative | no usable reply | sentences written | dropped by verification "
            "| why dropped |", "|---|---|---|---|---|---|---|"]
    for name, s in report["summary"].items():
        if s.get("system") != "generative":
            continue
        share = "–" if s["generative_share"] is None else f"{s['generative_share']:.0%}"
        drop = "–" if s["dropped_share"] is None else f"{s['dropped_sentences']} ({s['dropped_share']:.0%})"
        why = ", ".join(f"{r} {n}" for r, n in s["drop_reasons"].items()) or "–"
        rows.append(f"| {name} | {s['asked']} | {share} | {s['no_reply']} | {s['generated_sentences']} | {drop} | {why} |")
    return "\n".join(rows)


def add_generation_section(report: dict, md_path) -> str:
    """Append the verification table to ``report.md`` (atomically); returns it."""
    from pathlib import Path

    from rag.corpus import atomic_write

    table = format_generation(report)
    md = Path(md_path)
    atomic_write(md, md.read_text(encoding="utf-8") + "\n## Generative mode: what verification did\n\n" + table + "\n")
    return table
