"""Eval reports: tables per system, split and category, ``report.json``/``report.md`` and a chart."""

from __future__ import annotations

import json
from pathlib import Path

MAIN_METRICS = ("hit@{k}", "recall@{k}", "mrr", "ndcg@10", "answer_accuracy", "citation_precision",
                "citation_recall", "abstention_recall", "false_abstention", "latency_p50_ms", "latency_p95_ms")
# Per category: what a reader of the table needs (accuracy for answerable kinds, abstention for the others).
CATEGORY_METRICS = ("n", "answer_accuracy", "citation_precision", "abstention_recall", "false_abstention")


def _fmt(c: str, v) -> str:
    if v is None:
        return "–"
    if c == "n":
        return str(v)
    return f"{v:.1f}" if c.endswith("_ms") or c.endswith("_s") else f"{v:.3f}"


def _rows(summaries: dict[str, dict], cols: list[str]) -> list[str]:
    rows = ["| system | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for name, s in summaries.items():
        rows.append(f"| {name} | " + " | ".join(_fmt(c, s.get(c)) for c in cols) + " |")
    return rows


def _breakdown(report: dict) -> dict:
    """Per system, split and category; a report without one (older, or made by hand) is one split, "all"."""
    return report.get("breakdown") or {n: {"all": {"all": s}} for n, s in report["summary"].items()}


def format_table(report: dict) -> str:
    """One row per system and split (``test`` first: it is the number to believe)."""
    k = report["k"]
    cols = ["n"] + [c.format(k=k) for c in MAIN_METRICS] + ["index_build_s"]
    bd = _breakdown(report)
    splits = sorted({sp for b in bd.values() for sp in b}, key=lambda s: (s != "test", s))
    rows: dict[str, dict] = {}
    for sp in splits:
        for name, b in bd.items():
            if sp in b:
                rows[f"{name} [{sp}]"] = {**b[sp]["all"], "index_build_s": report["summary"][name].get("index_build_s")}
    return "\n".join(_rows(rows, cols))


def format_breakdown(report: dict, split: str | None = None) -> str:
    """Per category, one table per split: accuracy (answerable kinds) or abstention (the others), per system."""
    out = []
    bd = _breakdown(report)
    splits = sorted({sp for b in bd.values() for sp in b}, key=lambda s: (s != "test", s))
    for sp in [split] if split else splits:
        names = [n for n, b in bd.items() if sp in b]
        cats = sorted({c for n in names for c in bd[n][sp] if c != "all"})
        if not cats:
            continue
        head = "| category | n | " + " | ".join(f"{n} acc / abst" for n in names) + " |"
        lines = [f"**{sp}** (accuracy on answerable questions / correct abstention on unanswerable ones)", "",
                 head, "|" + "---|" * (len(names) + 2)]
        for c in cats:
            first = bd[names[0]][sp][c]
            cells = []
            for n in names:
                s = bd[n][sp][c]
                cells.append(f"{_fmt('x', s.get('answer_accuracy'))} / {_fmt('x', s.get('abstention_recall'))}")
            lines.append(f"| {c} | {first['n']} | " + " | ".join(cells) + " |")
        out.append("\n".join(lines))
    return "\n\n".join(out)


def write_report(report: dict, out: Path) -> dict[str, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "chart": out / "chart.png"}
    from rag.corpus import atomic_write

    atomic_write(paths["json"], json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    md = ["# Evaluation report", "", f"k = {report['k']}; {next(iter(report['summary'].values()))['n']} questions.", "",
          format_table(report), "", format_breakdown(report), ""]
    systems = [n for n, s in report["summary"].items() if s.get("system") == "pipeline"]
    for name in systems:
        fails = [(r["id"], r.get("split", "all"), r.get("kind", ""), r["question"], r["results"][name]["failure"])
                 for r in report["questions"] if not r["results"][name]["correct"]]
        md += [f"## Failures: {name} ({len(fails)})", ""]
        md += [f"- `{i}` [{sp}, {c}] {q} — {f}" for i, sp, c, q, f in fails] or ["none"]
        md.append("")
    if report.get("flips"):
        md += ["## Questions whose outcome differs between models", ""]
        for r in report["questions"]:
            if r["id"] in report["flips"]:
                res = ", ".join(f"{s}: {'✓' if r['results'][s]['correct'] else '✗'}" for s in systems)
                md.append(f"- `{r['id']}` {r['question']} — {res}")
        md.append("")
    atomic_write(paths["md"], "\n".join(md))
    chart(report, paths["chart"])
    return paths


def chart(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    k = report["k"]
    metrics = [f"hit@{k}", "answer_accuracy", "citation_precision", "abstention_recall", "false_abstention"]
    # The models' pipelines side by side first, then the baselines; the held-out split when there is one.
    names = sorted(report["summary"], key=lambda n: report["summary"][n].get("system") != "pipeline")
    bd = _breakdown(report)
    split = "test" if all("test" in bd.get(n, {}) for n in names) else None
    data = {n: bd[n]["test"]["all"] if split else report["summary"][n] for n in names}
    x = np.arange(len(metrics))
    w = 0.8 / max(1, len(names))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for i, n in enumerate(names):
        vals = [data[n].get(m) or 0 for m in metrics]
        ax.bar(x + i * w - 0.4 + w / 2, vals, w, label=n)
    ax.set_xticks(x, [m.replace("_", " ") for m in metrics])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (higher is better)")
    where = f"held-out test split, {data[names[0]]['n']} questions" if split else f"{data[names[0]]['n']} questions"
    ax.set_title(f"STA chatbot: pipeline vs baselines ({where})")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=min(len(names), 3))  # not over bars
    fig.tight_layout()
    save_figure(fig, path)
    plt.close(fig)


def save_figure(fig, path: Path) -> None:
    """Save via a temp file + rename, so a crash or a parallel run never leaves half a PNG."""
    import os
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".png")
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=110)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
