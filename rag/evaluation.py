"""Offline evaluation: known-answer questions → retrieval, answer, citation, abstention metrics.

No LLM judge: every metric is computed from the gold article ids (``sources``)
and the answer alias groups (``answers``) of each question (``rag.metrics``). The
shipped pipeline is always compared with two baselines computed in the same run:
BM25 alone, and the standard LangChain recipe (both answer with their top chunk).
Results are reported per split (``dev``: tuned on; ``test``: held out) and per category.
"""

from __future__ import annotations

import time
from dataclasses import asdict, replace
from pathlib import Path

from rag.errors import RagError
from rag.evalset import SPLIT_FILES, Question, load_many, load_questions  # noqa: F401 (re-exported)
from rag.evalreport import write_report  # noqa: F401 (re-exported)
from rag.metrics import Outcome, breakdown, dedupe, judge, summarize  # noqa: F401 (re-exported)


def _cites(ans) -> list[dict]:
    out = []
    for c in ans.to_dict()["citations"]:
        c["quote"] = " ".join(c["text"][s:e] for s, e in c["quotes"])
        out.append(c)
    return out


def ask_in_context(pipe, q: Question, k: int):
    """Ask ``q`` after its conversation history, as the chat page would."""
    from rag.followup import turn_of

    turns = []
    for h in q.history:
        try:
            turns.append(turn_of(pipe.ask(h, history=list(turns), k=k)))
        except RagError:
            continue
    return pipe.ask(q.question, history=turns, k=k)


def run_pipeline(pipe, questions: list[Question], k: int, progress: bool = True, label: str = "",
                 on_answer=None) -> list[Outcome]:
    from tqdm import tqdm

    outs = []
    for q in tqdm(questions, desc=f"eval {label}", unit="q", disable=not progress or None, leave=False):
        t0 = time.perf_counter()
        try:
            a = ask_in_context(pipe, q, k)
            if on_answer is not None:  # the generative rows also count what verification dropped
                on_answer(q, a)
        except RagError as e:
            outs.append(Outcome(q.id, q.question, f"error: {e}", True, [], [], 0.0, failure="error"))
            continue
        dt = (time.perf_counter() - t0) * 1000
        # Ranking metrics look deeper than the k passages the answer uses.
        ranked = [p.doc_id for p in pipe.retriever.search(pipe.understand(a.rewritten_question or a.question), max(k, 10))]
        o = Outcome(q.id, q.question, a.answer, a.abstained, _cites(a), dedupe(ranked), dt,
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


def _with_history(q: Question) -> str:
    # The baselines have no conversation memory: they search the follow-up with the earlier questions.
    return " ".join([*q.history, q.question])


def run_bm25(retriever, questions: list[Question], k: int) -> list[Outcome]:
    """BM25 alone over our chunks; answer = the top chunk; never abstains."""
    outs = []
    for q in questions:
        t0 = time.perf_counter()
        hits = retriever.bm25_only(_with_history(q), max(k, 10))
        outs.append(_top_chunk_outcome(q, [(p.doc_id, p.text, p.start) for p in hits], (time.perf_counter() - t0) * 1000))
    return outs


def run_recipe(recipe, questions: list[Question], k: int) -> list[Outcome]:
    outs = []
    for q in questions:
        t0 = time.perf_counter()
        hits = recipe.search(_with_history(q), k=4)
        dt = (time.perf_counter() - t0) * 1000
        outs.append(_top_chunk_outcome(q, [(h.doc_id, h.text, h.start) for h in hits], dt))
    return outs


def _warm(pipe, k: int) -> None:
    # Warm lazy imports so latency is the steady state; not with eval questions, whose
    # query vectors would then come from the cache and understate latency.
    for w in ("What does the agreement cover?", "Who signed it?", "warm up"):
        pipe.ask(w, k=k)


def _baselines(cfg, pipe, emb, m: str, first: bool, questions, k, summary, per_q) -> None:
    from rag.corpus import load_corpus
    from rag.lc import Recipe

    if first:  # BM25 does not depend on the embedding model: one row
        per_q["bm25"] = run_bm25(pipe.retriever, questions, k)
        summary["bm25"] = {**summarize(questions, per_q["bm25"], k), "system": "baseline"}
    if hasattr(emb, "_cache"):  # the pipeline's cached query vectors would hide the recipe's embedding time
        emb._cache = type(emb._cache)()
    t0 = time.perf_counter()
    recipe = Recipe(load_corpus(cfg.corpus_dir).documents, emb, name=f"recipe-{abs(hash(m)) % 10**6}")
    build = time.perf_counter() - t0
    rname = f"langchain-recipe ({m})"
    per_q[rname] = run_recipe(recipe, questions, k)
    summary[rname] = {**summarize(questions, per_q[rname], k), "system": "baseline", "index_build_s": round(build, 2),
                      "chunks": len(recipe.chunks)}


def evaluate(cfg, questions: list[Question], models: list[str], k: int, baselines: bool = True,
             progress: bool = True, llms: tuple[str, ...] = (), slips: int | None = None) -> dict:
    from rag.ingest import ingest
    from rag.models import load_embedder, resolve
    from rag.pipeline import Pipeline

    summary: dict[str, dict] = {}
    per_q: dict[str, list[Outcome]] = {}
    models = list(dict.fromkeys(models))
    for m in models:  # fail before minutes of work if any model is missing
        resolve(replace(cfg, model=m))
    for m in models:
        mcfg = replace(cfg, model=m)
        emb = load_embedder(mcfg)
        rep = ingest(mcfg, embedder=emb, progress=progress)
        pipe = Pipeline(mcfg, embedder=emb)
        _warm(pipe, k)
        per_q[m] = run_pipeline(pipe, questions, k, progress, m)
        summary[m] = {**summarize(questions, per_q[m], k), "system": "pipeline", "chunks": rep.chunks,
                      "index_build_s": round(pipe.index.info().build_seconds, 2)}
        if slips is not None:  # the same questions, each with one typing slip (rag.slips)
            from rag.slips import with_slips

            name = f"{m}, one slip (seed {slips})"
            per_q[name] = run_pipeline(pipe, with_slips(questions, slips), k, progress, name)
            summary[name] = {**summarize(questions, per_q[name], k), "system": "pipeline, typing slips"}
        if baselines:
            _baselines(cfg, pipe, emb, m, m == models[0], questions, k, summary, per_q)
        for llm in llms:  # the generative mode on the same index and questions (rag.evalllm)
            from rag.evalllm import run_generative

            name = f"{m} + {llm}"
            per_q[name], summary[name] = run_generative(mcfg, emb, llm, questions, k, progress, name)
    return _assemble(questions, models, k, summary, per_q)


def _assemble(questions, models, k, summary, per_q) -> dict:
    report = {"k": k, "summary": summary, "questions": [],
              "breakdown": {name: breakdown(questions, outs, k) for name, outs in per_q.items()}}
    by = {name: {o.id: o for o in outs} for name, outs in per_q.items()}
    for q in questions:
        row = {"id": q.id, "question": q.question, "kind": q.kind, "split": q.split, "history": q.history,
               "polarity": q.polarity, "answerable": q.answerable, "sources": q.sources, "results": {}}
        for name in per_q:
            d = asdict(by[name][q.id])
            d.pop("id")
            if d.pop("question") != q.question:  # the typing-slip row keeps what it asked
                d["asked"] = by[name][q.id].question
            row["results"][name] = d
        report["questions"].append(row)
    report["flips"] = [r["id"] for r in report["questions"]
                       if len({r["results"][s]["correct"] for s in models}) > 1] if len(models) > 1 else []
    return report


def _unmatchable(cfg, questions: list[Question]) -> list[tuple[str, list[str]]]:
    from rag.corpus import load_corpus
    from rag.metrics import dead_groups

    docs = load_corpus(cfg.corpus_dir).documents
    # quotes dropped: a title is quoted in the front matter but an answer shows it bare
    texts = [" ".join([d.body, *map(str, d.meta().values())]).replace("'", " ").replace('"', " ") for d in docs]
    return dead_groups(questions, texts)


def questions_for(args) -> list[Question]:
    """``--questions FILE`` (repeatable), else the shipped dev and test files; ``--split`` filters."""
    paths = [Path(p) for p in (args.questions or [])] or list(SPLIT_FILES.values())
    return load_many(paths, getattr(args, "split", None))


def run_eval_cli(args, cfg) -> int:
    from rag.evalreport import format_breakdown, format_table, write_report

    questions = questions_for(args)
    for qid, group in _unmatchable(cfg, questions):
        print(f"warning: {qid}: no alias of {group} occurs whole-word in any article, so no answer can match it "
              "(answers are matched whole-word: write the word the article uses, e.g. 'renewal' not 'renew')")
    models = [m.strip() for m in (args.models or cfg.model).split(",") if m.strip()]
    llms = [x.strip() for x in (getattr(args, "llm", None) or "").split(",") if x.strip()]
    report = evaluate(cfg, questions, models, cfg.k, baselines=not args.no_baselines, llms=tuple(llms),
                      slips=getattr(args, "slips", None))
    paths = write_report(report, Path(args.out))
    print(format_table(report))
    print()
    print(format_breakdown(report))
    if llms:
        from rag.evalllm import add_generation_section

        print("\n" + add_generation_section(report, paths["md"]))
    if report.get("flips"):
        print(f"\n{len(report['flips'])} question(s) differ between models: {', '.join(report['flips'])}")
    print(f"\nWrote {paths['json']}, {paths['md']} and {paths['chart']}")
    return 0
