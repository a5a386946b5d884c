"""The one configuration object, filled from ``RAG_*`` env vars and CLI flags.

``load_config`` is the only place that reads the environment; every other
module receives a ``Config``. The README's config table mirrors ``FIELDS``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class Config:
    # Cleaned articles, one Markdown file with front matter each.
    corpus_dir: Path = Path("corpus")
    # Embedded Chroma store (ignored when chroma_url is set).
    index_dir: Path = Path("index")
    # Registered name (minilm, mpnet), a sentence-transformers directory, or a hub name.
    model: str = "minilm"
    # "onnx" (onnxruntime: same vectors, ~2x faster, starts without importing torch; the model is exported
    # once into models_dir), "torch" (sentence-transformers), or "auto": onnx where it can, else torch.
    backend: str = "auto"
    # Where `rag models install` assembles models that do not ship in a package.
    models_dir: Path = Path.home() / ".cache" / "sta-rag" / "models"
    # http://host:port of a `chroma run` server; empty = embedded store in index_dir.
    chroma_url: str = ""
    # Sent as "Authorization: Bearer <token>" to the Chroma server, if set.
    chroma_token: str = ""
    # Passages retrieved per question (the answer cites a subset of them).
    k: int = 5
    # Chunks are whole sentences of about this many words; 160 keeps them under MiniLM's 256-token window.
    chunk_min_words: int = 80
    chunk_max_words: int = 160
    # Sentences repeated at the start of the next chunk so no fact is split.
    chunk_overlap_sentences: int = 1
    # Embedding batch size; 16 is the measured sweet spot for MiniLM on 2 cores.
    batch_size: int = 16
    # Longer questions are truncated (with a notice) to keep latency bounded.
    max_question_chars: int = 1000
    # Larger article files are skipped with a reason: ~150,000 words, 100x the longest shipped article,
    # already about a minute to split and embed on 2 cores.
    max_article_bytes: int = 1_000_000
    # Thumbs up/down from the chat page are appended here as JSON lines.
    feedback_path: Path = Path("feedback") / "feedback.jsonl"
    # What the collection is about: named in a refusal, and read for a bare "it" / "this" in a conversation's first
    # question ("why does it matter?"); the part in brackets is left out of the question.
    subject: str = "the U.S.–China Science and Technology Agreement (STA)"
    # The chat binds loopback unless told otherwise.
    host: str = "127.0.0.1"
    port: int = 7860
    # "user:password" or a file of such lines: turns on the page's login.
    auth: str = ""
    # Optional generative mode: "ollama:llama3.2", "openai:gpt-4o-mini", or "local:gemma3-270m" (a small
    # model from PyPI, served by llama.cpp that this process starts); empty = extractive.
    llm: str = ""
    # Base URL for an OpenAI-compatible server in LLM mode.
    llm_base_url: str = ""
    # Test hook: "STEP=SECONDS" makes an ingest sleep at that step (e.g. "flip:before-rename=30"),
    # so fault tests can kill it exactly there. Empty in normal use.
    debug_pause: str = ""
    # The most tokens a reply may have: sent with the request, so the server stops there (answers are
    # one to three sentences, ~60-120 tokens; without a limit a small model writes until its context is full).
    llm_max_tokens: int = 200
    # Seconds to wait for the whole reply; 0 = fit the token budget: 30 s + max_tokens / 8 tokens a second.
    llm_timeout: int = 0
    # "chat" (instructions as a system message), "completion" (one plain prompt on /v1/completions, for base
    # models served without a chat template) or "auto" (completion for local base models, else chat).
    llm_prompt: str = "auto"


# env var -> field name; the README table is generated from the same list.
ENV = {
    "RAG_CORPUS_DIR": "corpus_dir",
    "RAG_INDEX_DIR": "index_dir",
    "RAG_EMBEDDING_MODEL": "model",
    "RAG_EMBEDDING_BACKEND": "backend",
    "RAG_MODELS_DIR": "models_dir",
    "RAG_CHROMA_URL": "chroma_url",
    "RAG_CHROMA_TOKEN": "chroma_token",
    "RAG_TOP_K": "k",
    "RAG_CHUNK_MIN_WORDS": "chunk_min_words",
    "RAG_CHUNK_MAX_WORDS": "chunk_max_words",
    "RAG_CHUNK_OVERLAP": "chunk_overlap_sentences",
    "RAG_BATCH_SIZE": "batch_size",
    "RAG_MAX_QUESTION_CHARS": "max_question_chars",
    "RAG_MAX_ARTICLE_BYTES": "max_article_bytes",
    "RAG_FEEDBACK_PATH": "feedback_path",
    "RAG_SUBJECT": "subject",
    "RAG_HOST": "host",
    "RAG_PORT": "port",
    "RAG_AUTH": "auth",
    "RAG_LLM": "llm",
    "RAG_LLM_BASE_URL": "llm_base_url",
    "RAG_DEBUG_PAUSE": "debug_pause",
    "RAG_LLM_MAX_TOKENS": "llm_max_tokens",
    "RAG_LLM_TIMEOUT": "llm_timeout",
    "RAG_LLM_PROMPT": "llm_prompt",
}


def _coerce(name: str, raw):
    typ = {f.name: f.type for f in fields(Config)}[name]
    if typ == "Path":
        return Path(raw).expanduser()
    if typ == "int":
        try:
            return int(raw)
        except ValueError:
            from rag.errors import RagError

            env = next(k for k, v in ENV.items() if v == name)
            raise RagError(f"{env} / --{name.replace('_', '-')} must be an integer, got {raw!r}") from None
    return str(raw)


def load_config(env: dict | None = None, **overrides) -> Config:
    """Defaults, then ``RAG_*`` env vars, then explicit (non-None) overrides.

    >>> load_config({"RAG_TOP_K": "3"}, k=None).k
    3
    """
    env = os.environ if env is None else env
    values = {}
    for var, name in ENV.items():
        if env.get(var, "") != "":
            values[name] = _coerce(name, env[var])
    for name, value in overrides.items():
        if value is not None:
            values[name] = _coerce(name, value) if isinstance(value, str) else value
    cfg = replace(Config(), **values)
    if cfg.backend not in ("auto", "torch", "onnx"):
        from rag.errors import RagError

        raise RagError(f"RAG_EMBEDDING_BACKEND / --backend must be auto, onnx or torch, got {cfg.backend!r}")
    if cfg.k < 1:
        from rag.errors import RagError

        raise RagError(f"k must be at least 1, got {cfg.k}")
    if cfg.llm_prompt not in ("auto", "chat", "completion") or cfg.llm_max_tokens < 1 or cfg.llm_timeout < 0:
        from rag.errors import RagError

        raise RagError("RAG_LLM_PROMPT must be auto, chat or completion, RAG_LLM_MAX_TOKENS at least 1 and "
                       f"RAG_LLM_TIMEOUT 0 (auto) or more; got {cfg.llm_prompt!r}, {cfg.llm_max_tokens}, {cfg.llm_timeout}")
    return cfg
