"""Offline evaluation: known-answer questions → retrieval, answer, citation, abstention metrics.

No LLM judge: every metric is computed from the gold article ids (``sources``)
and the answer keyword groups (``answers``) of each question. The shipped
pipeline is always compared with two baselines computed in the same run:
BM25 alone, and the standard LangChain recipe (both answer with their top chunk).
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag.errors import BadQuestionsFile, RagError
from rag.text import normalize

KINDS_UNANSWERABLE = ("unanswerable_on_topic", "unanswerable_off_topic")


@dataclass
class Question:
    id: str
    question: str
    answers: list[list[str]]
    sources: list[str]
    answerable: bool
    kind: str = ""


def load_questions(path: Path) -> list[Question]:
    """Parse a JSONL questions file; a malformed line raises an error naming it."""
    path = Path(path)
    if not path.is_file():
        raise BadQuestionsFile(f"Questions file {path} not found. Pass --questions FILE (JSON lines, see README 'Evaluating')")
    out, ids = [], set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise BadQuestionsFile(f"{path} is not UTF-8 text") from None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadQuestionsFile(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(obj, dict):
            raise BadQuestionsFile(f"{where}: each line must be a JSON object")
        missing = [k for k in ("id", "question", "answers", "sources", "answerable") if k not in obj]
        if missing:
            raise BadQuestionsFile(f"{where}: missing field(s) {', '.join(missing)}")
        answers = obj["answers"]
        if not (isinstance(answers, list) and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g) for g in answers)):
            raise BadQuestionsFile(f'{where}: "answers" must be a list of non-empty lists of strings, e.g. [["1979"], ["Carter"]]')
        if not isinstance(obj["sources"], list) or not all(isinstance(s, str) for s in obj["sources"]):
            raise BadQuestionsFile(f'{where}: "sources" must be a list of document ids')
        if not isinstance(obj["answerable"], bool):
            raise BadQuestionsFile(f'{where}: "answerable" must be true or false')
        if not isinstance(obj["question"], str) or not obj["question"].strip():
            raise BadQuestionsFile(f'{where}: "question" must be a non-empty string')
        if obj["answerable"] and not answers:
            raise BadQuestionsFile(f'{where}: an answerable question needs at least one answer group')
        qid = str(obj["id"])
        if qid in ids:
            raise BadQuestionsFile(f"{where}: duplicate id {qid!r}")
        ids.add(qid)
        out.append(Question(qid, obj["question"], answers, obj["sources"], obj["answerable"], str(obj.get("kind", ""))))
    if not out:
        raise BadQuestionsFile(f"{path} has no questions")
    return out


# --- metric functions (each tested on hand-computed cases) -----------------

def contains_alias(text: str, alias: str) -> bool:
    """Whole-word, case- and punctuation-insensitive match.

    >>> contains_alias("Signed in 1979 by Carter.", "1979"), contains_alias("maintain", "AI")
    (True, False)
    """
    a = normalize(alias).split()
    if not a:
        return False
    return re.search(r"(?:^|\s)" + r"\s+".join(map(re.escape, a)) + r"(?:\s|$)", normalize(text)) is not None


def matched_groups(text: str, groups: list[list[str]]) -> list[bool]:
    return [any(contains_alias(text, a) for a in g) for g in groups]


def dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def hit_at_k(ranked: list[str], gold: list[str], k: int) -> float:
    return 1.0 if set(dedupe(ranked)[:k]) & set(gold) else 0.0


def recall_at_k(ranked: list[str], gold: list[str], k: int) -> float:
    return len(set(dedupe(ranked)[:k]) & set(gold)) / len(set(gold)) if gold else 0.0


def mrr(ranked: list[str], gold: list[str]) -> float:
    for i, d in enumerate(dedupe(ranked), 1):
        if d in gold:
            return 1.0 / i
    return 0.0


def ndcg_at_k(ranked: list[str], gold: list[str], k: int = 10) -> float:
    """Binary-relevance nDCG.

    >>> round(ndcg_at_k(["a", "b", "g"], ["g"]), 4)  # one gold at rank 3: 1/log2(4)
    0.5
    """
    ranked = dedupe(ranked)[:k]
    dcg = sum(1.0 / math.log2(i + 2) for i, d in enumerate(ranked) if d in gold)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(set(gold)), k)))
    return dcg / ideal if ideal else 0.0


def percentile(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    i = (len(xs) - 1) * p / 100
    lo, hi = math.floor(i), math.ceil(i)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


@dataclass
class Outcome:
    """One question answered by one system."""

    id: str
    question: str
    answer: str
    abstained: bool
    citations: list[dict]
    retrieved_doc_ids: list[str]
    latency_ms: float
    correct: bool = False
    failure: str = ""
    groups_matched: list[bool] = field(default_factory=list)
    rewritten_question: str | None = None


def judge(q: Question, o: Outcome) -> None:
    """Fill ``correct``/``failure`` for an outcome."""
    if not q.answerable:
        o.correct = o.abstained
        o.failure = "" if o.abstained else "answered_unanswerable"
        return
    if o.abstained:
        o.failure = "abstained"
        return
    o.groups_matched = matched_groups(o.answer, q.answers)
    o.correct = all(o.groups_matched)
    if not o.correct:
        miss = [q.answers[i][0] for i, ok in enumerate(o.groups_matched) if not ok]
        retrieved = not q.sources or set(q.sources) & set(o.retrieved_doc_ids)
        o.failure = ("retrieval_miss; " if not retrieved else "") + "missing " + ", ".join(repr(m) for m in miss)


def citation_good(q: Question, c: dict) -> bool:
    aliases = [a for g in q.answers for a in g]
    return c.get("doc_id") in q.sources or any(contains_alias(c.get("text", ""), a) for a in aliases)


def summarize(questions: list[Question], outcomes: list[Outcome], k: int) -> dict:
    by_id = {o.id: o for o in outcomes}
    ans = [q for q in questions if q.answerable]
    unans = [q for q in questions if not q.answerable]
    with_src = [q for q in questions if q.sources]
    s: dict = {"n": len(questions), "n_answerable": len(ans), "n_unanswerable": len(unans)}
    s[f"hit@{k}"] = _mean(hit_at_k(by_id[q.id].retrieved_doc_ids, q.sources, k) for q in with_src)
    s[f"recall@{k}"] = _mean(recall_at_k(by_id[q.id].retrieved_doc_ids, q.sources, k) for q in with_src)
    s["mrr"] = _mean(mrr(by_id[q.id].retrieved_doc_ids, q.sources) for q in with_src)
    s["ndcg@10"] = _mean(ndcg_at_k(by_id[q.id].retrieved_doc_ids, q.sources, 10) for q in with_src)
    s["answer_accuracy"] = _mean(1.0 if by_id[q.id].correct else 0.0 for q in ans)
    cits = [(q, c) for q in questions for c in by_id[q.id].citations if not by_id[q.id].abstained]
    s["citation_precision"] = _mean(1.0 if citation_good(q, c) else 0.0 for q, c in cits)
    backed, total = 0, 0
    for q in ans:
        o = by_id[q.id]
        if o.abstained:
            continue
        for gi, ok in enumerate(o.groups_matched):
            if ok:
                total += 1
                backed += any(any(contains_alias(c.get("quote") or c.get("text", ""), a) for a in q.answers[gi])
                              for c in o.citations)
    s["citation_recall"] = backed / total if total else 0.0
    s["abstention_recall"] = _mean(1.0 if by_id[q.id].abstained else 0.0 for q in unans)
    s["false_abstention"] = _mean(1.0 if by_id[q.id].abstained else 0.0 for q in ans)
    lat = [o.latency_ms for o in outcomes]
    s["latency_p50_ms"] = round(percentile(lat, 50), 2)
    s["latency_p95_ms"] = round(percentile(lat, 95), 2)
    return s


def _mean(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else 0.0


# --- systems ----------------------------------------------------------------

def run_pipeline(pipe, questions: list[Question], k: int, progress: bool = True, label: str = "") -> list[Outcome]:
    from tqdm import tqdm

    outs = []
    for q in tqdm(questions, desc=f"eval {label}", unit="q", disable=not progress or None, leave=False):
        t0 = time.perf_counter()
        try:
            a = pipe.ask(q.question, k=k)
        except RagError as e:
            outs.append(Outcome(q.id, q.question, f"error: {e}", True, [], [], 0.0, failure="error"))
            continue
        dt = (time.perf_counter() - t0) * 1000
        cits = []
        for c in a.to_dict()["citations"]:
            c["quote"] = " ".join(c["text"][s:e] for s, e in c["quotes"])
            cits.append(c)
        # Ranking metrics look deeper than the k passages the answer uses.
        ranked = [p.doc_id for p in pipe.retriever.search(a.rewritten_question or a.question, max(k, 10))]
        o = Outcome(q.id, q.question, a.answer, a.abstained, cits, dedupe(ranked), dt,
                    rewritten_question=a.rewritten_question)
        judge(q, o)
        outs.append(o)
    return outs


def _top_chunk_outcome(q: Question, hits: list[tuple[str, str, int]], dt: float) -> Outcome:
    if not hits:
        return Outcome(q.id, q.question, "", True, [], [], dt)
    doc_id, text, start = hits[0]
    cit = {"n": 1, "doc_id": doc_id, "text": text, "quote": text, "start": start, "end": start + len(text) if start >= 0 else None}
    o = Outcome(q.id, q.question, text, False, [cit], dedupe([h[0] for h in hits]), dt)
    judge(q, o)
    return o


def run_bm25(retriever, questions: list[Question], k: int) -> list[Outcome]:
    """BM25 alone over our chunks; answer = the top chunk; never abstains."""
    import numpy as np

    body = [i for i, p in enumerate(retriever.passages) if p.kind == "body"]
    outs = []
    for q in questions:
        t0 = time.perf_counter()
        qterms, _ = retriever.correct(q.question)
        scores = retriever.bm25.get_scores(qterms) if qterms else np.zeros(len(retriever.passages))
        order = sorted(body, key=lambda i: -scores[i])[:max(k, 10)]
        hits = [(retriever.passages[i].doc_id, retriever.passages[i].text, retriever.passages[i].start) for i in order]
        outs.append(_top_chunk_outcome(q, hits, (time.perf_counter() - t0) * 1000))
    return outs


def run_recipe(recipe, questions: list[Question], k: int) -> list[Outcome]:
    outs = []
    for q in questions:
        t0 = time.perf_counter()
        hits = recipe.search(q.question, k=4)
        dt = (time.perf_counter() - t0) * 1000
        o = _top_chunk_outcome(q, [(h.doc_id, h.text, h.start) for h in hits], dt)
        outs.append(o)
    return outs


# --- the command -------------------------------------------------------------

MAIN_METRICS = ("hit@{k}", "recall@{k}", "mrr", "ndcg@10", "answer_accuracy", "citation_precision",
                "citation_recall", "abstention_recall", "false_abstention", "latency_p50_ms", "latency_p95_ms")


def evaluate(cfg, questions: list[Question], models: list[str], k: int, baselines: bool = True,
             progress: bool = True) -> dict:
    from dataclasses import asdict, replace

    from rag.corpus import load_corpus
    from rag.ingest import ingest
    from rag.models import load_embedder
    from rag.pipeline import Pipeline

    summary: dict[str, dict] = {}
    per_q: dict[str, list[Outcome]] = {}
    docs = load_corpus(cfg.corpus_dir).documents
    models = list(dict.fromkeys(models))
    from rag.models import resolve

    for m in models:  # fail before minutes of work if any model is missing
        resolve(replace(cfg, model=m))
    for m in models:
        mcfg = replace(cfg, model=m)
        emb = load_embedder(mcfg)
        rep = ingest(mcfg, embedder=emb, progress=progress)
        pipe = Pipeline(mcfg, embedder=emb)
        # Warm lazy imports so latency is the steady state; not with eval questions, whose
        # query vectors would then come from the cache and understate latency.
        for w in ("What does the agreement cover?", "Who signed it?", "warm up"):
            pipe.ask(w, k=k)
        outs = run_pipeline(pipe, questions, k, progress, m)
        name = m
        summary[name] = summarize(questions, outs, k)
        summary[name]["index_build_s"] = round(pipe.index.info().build_seconds, 2)
        summary[name]["chunks"] = rep.chunks
        summary[name]["system"] = "pipeline"
        per_q[name] = outs
        if baselines:
            if m == models[0]:  # BM25 does not depend on the embedding model: one row
                bo = run_bm25(pipe.retriever, questions, k)
                summary["bm25"] = {**summarize(questions, bo, k), "system": "baseline"}
                per_q["bm25"] = bo
            from rag.lc import Recipe

            if hasattr(emb, "_cache"):  # the pipeline's cached query vectors would hide the recipe's embedding time
                emb._cache = type(emb._cache)()
            t0 = time.perf_counter()
            recipe = Recipe(docs, emb, name=f"recipe-{abs(hash(m)) % 10**6}")
            build = time.perf_counter() - t0
            ro = run_recipe(recipe, questions, k)
            rname = f"langchain-recipe ({m})"
            summary[rname] = {**summarize(questions, ro, k), "system": "baseline", "index_build_s": round(build, 2),
                              "chunks": len(recipe.chunks)}
            per_q[rname] = ro
    report = {"k": k, "summary": summary, "questions": []}
    for q in questions:
        row = {"id": q.id, "question": q.question, "kind": q.kind, "answerable": q.answerable, "sources": q.sources,
               "results": {}}
        for name, outs in per_q.items():
            o = next(x for x in outs if x.id == q.id)
            d = asdict(o)
            d.pop("id"), d.pop("question")
            row["results"][name] = d
        report["questions"].append(row)
    systems = [m for m in models]
    report["flips"] = [r["id"] for r in report["questions"]
                       if len({r["results"][s]["correct"] for s in systems}) > 1] if len(systems) > 1 else []
    return report


def format_table(report: dict) -> str:
    k = report["k"]
    cols = [c.format(k=k) for c in MAIN_METRICS]
    extra = ["index_build_s"]
    head = "| system | n | " + " | ".join(cols + extra) + " |"
    sep = "|" + "---|" * (len(cols) + len(extra) + 2)
    rows = [head, sep]
    for name, s in report["summary"].items():
        vals = []
        for c in cols + extra:
            v = s.get(c)
            if v is None:
                vals.append("–")
            elif c.endswith("_ms") or c.endswith("_s"):
                vals.append(f"{v:.1f}")
            else:
                vals.append(f"{v:.3f}")
        rows.append(f"| {name} | {s['n']} | " + " | ".join(vals) + " |")
    return "\n".join(rows)


def write_report(report: dict, out: Path) -> dict[str, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "chart": out / "chart.png"}
    from rag.corpus import atomic_write

    atomic_write(paths["json"], json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    md = ["# Evaluation report", "", f"k = {report['k']}; {next(iter(report['summary'].values()))['n']} questions.", "",
          format_table(report), ""]
    systems = [n for n, s in report["summary"].items() if s.get("system") == "pipeline"]
    for name in systems:
        fails = [(r["id"], r["question"], r["results"][name]["failure"]) for r in report["questions"]
                 if not r["results"][name]["correct"]]
        md += [f"## Failures: {name} ({len(fails)})", ""]
        md += [f"- `{i}` {q} — {f}" for i, q, f in fails] or ["none"]
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
    metrics = [f"hit@{k}", "answer_accuracy", "citation_precision", "citation_recall", "abstention_recall"]
    # The models' pipelines side by side first, then the baselines.
    names = sorted(report["summary"], key=lambda n: report["summary"][n].get("system") != "pipeline")
    x = np.arange(len(metrics))
    w = 0.8 / max(1, len(names))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for i, n in enumerate(names):
        vals = [report["summary"][n].get(m, 0) for m in metrics]
        ax.bar(x + i * w - 0.4 + w / 2, vals, w, label=n)
    ax.set_xticks(x, [m.replace("_", " ") for m in metrics])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (higher is better)")
    ax.set_title(f"STA chatbot: pipeline vs baselines ({report['summary'][names[0]]['n']} questions)")
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


def run_eval_cli(args, cfg) -> int:
    questions = load_questions(Path(args.questions))
    models = [m.strip() for m in (args.models or cfg.model).split(",") if m.strip()]
    report = evaluate(cfg, questions, models, cfg.k, baselines=not args.no_baselines)
    paths = write_report(report, Path(args.out))
    print(format_table(report))
    if report.get("flips"):
        print(f"\n{len(report['flips'])} question(s) differ between models: {', '.join(report['flips'])}")
    print(f"\nWrote {paths['json']}, {paths['md']} and {paths['chart']}")
    return 0
