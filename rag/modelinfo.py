"""What ``rag models`` reports: each model, whether it is installed, and its index.

Reads only metadata: no model is loaded and no index is created, so it is fast
and safe to run next to a serving chat. One row per registered model, one for
the configured model when it is a directory or hub name, and one for every
other index found in the store (e.g. a directory model built earlier, or a
model indexed with other chunking settings).
"""

from __future__ import annotations

import re

from rag.config import Config
from rag.errors import CorpusError, RagError
from rag.index import PREFIX, collection_name, connect
from rag.models import REGISTRY, install_hint, installed_dir, model_id, registered, resolve


_CHUNK_COLLECTION = re.compile(r"-c[0-9a-f]{6}$")  # see rag.index.collection_name


def _indexes(cfg: Config) -> dict:
    """Published indexes: name -> manifest (no store is created here)."""
    from rag.generations import embedded_indexes
    from rag.server_store import server_indexes

    if cfg.chroma_url:
        return server_indexes(connect(cfg))
    return embedded_indexes(cfg.index_dir)


def _current_corpus_hash(cfg: Config) -> str | None:
    from rag.corpus import corpus_hash, load_corpus

    try:
        docs = load_corpus(cfg.corpus_dir, cfg.max_article_bytes).documents
    except CorpusError:
        return None
    return corpus_hash(docs) if docs else None


def _fix(name: str) -> str:
    return "rag ingest" + ("" if name == "minilm" else f" --model {name}")


def index_row(m, collection: str, corpus: str | None, expected_dim: int | None = None) -> dict:
    """Summarise one index's manifest. ``status`` is what a query with it would meet.

    >>> from rag.generations import Manifest
    >>> index_row(Manifest(1, "x", 384, 40, 90, "ab", "2025-01-01T00:00:00+00:00"), "sta-x", "cd")["status"]
    'stale'
    """
    if m.chunks == 0 or not m.built_at:
        status = "incomplete"  # never finished: queries fail with "Run: rag ingest"
    elif expected_dim and m.dim != expected_dim:
        status = "wrong dimension"
    elif corpus is None:
        status = "unknown (no corpus to compare)"
    elif m.corpus_hash == corpus:
        status = "up to date"
    else:
        status = "stale"  # still answers, with a notice, until re-ingested
    return {"collection": collection, "model_id": m.model, "chunks": m.chunks, "dim": m.dim,
            "built_at": m.built_at, "build_seconds": float(m.build_seconds or 0.0),
            "corpus_hash": m.corpus_hash, "generation": m.generation, "status": status}


def list_models(cfg: Config) -> list[dict]:
    """One dict per model, e.g. ``{"name": "mpnet", "installed": False, "index": None, ...}``."""
    corpus = _current_corpus_hash(cfg)
    try:
        configured = model_id(cfg.model)
    except RagError:
        configured = None

    rows: list[dict] = []
    for name in registered():
        spec = REGISTRY[name]
        d = installed_dir(name, cfg)
        rows.append({"name": name, "id": name, "hf_id": spec.hf_id, "dim": spec.dim, "installed": d is not None,
                     "location": str(d) if d else "", "install_hint": "" if d else install_hint(name, cfg),
                     "configured": configured == name})
    if configured and configured not in registered():  # a directory, a hub name (or the test-only hash model)
        try:
            rm = resolve(cfg)
            installed, location = True, rm.location  # for a hub name: resolvable, not known to be downloadable
        except RagError as e:
            installed, location = False, str(e)
        spec = REGISTRY.get(configured)
        rows.append({"name": cfg.model, "id": configured, "hf_id": "", "dim": spec.dim if spec else None,
                     "installed": installed, "location": location, "install_hint": "", "configured": True})

    indexes = _indexes(cfg)
    for r in rows:
        r["index"] = None
        r["fix"] = ""
        col = collection_name(r["id"], cfg)
        if col in indexes:
            r["index"] = index_row(indexes.pop(col), col, corpus, r["dim"])
        if r["index"] is None or r["index"]["status"] != "up to date":
            r["fix"] = _fix(r["name"]) if r["installed"] else (r["install_hint"] or "")
    # Indexes no row above covers: other chunking settings, or directory/hub models not configured now.
    for col, m in sorted(indexes.items()):
        if not (col.startswith(PREFIX + "-") and _CHUNK_COLLECTION.search(col)):
            continue
        mid = m.model or col
        same_settings = col == collection_name(mid, cfg)
        rows.append({"name": mid, "id": mid, "hf_id": REGISTRY[mid].hf_id if mid in REGISTRY else "",
                     "dim": REGISTRY[mid].dim if mid in REGISTRY else None, "installed": None, "location": "",
                     "install_hint": "", "configured": False,
                     "index": index_row(m, col, corpus if same_settings else None),
                     "note": "" if same_settings else "built with other chunking settings", "fix": ""})
    return rows


def format_rows(rows: list[dict]) -> str:
    """Human-readable lines for ``rag models``; ``*`` marks the configured model."""
    out = []
    for r in rows:
        mark = "*" if r["configured"] else " "
        dim = f"{r['dim']} dims" if r["dim"] else "? dims"
        if r["installed"] is None:
            inst = "index only" + (f" ({r['note']})" if r.get("note") else "")
        elif r["installed"]:
            inst = "installed"
        else:
            inst = "not installed"
        idx = r["index"]
        if not idx:
            state = "no index"
        else:
            took = f" in {idx['build_seconds']:.1f}s" if idx["build_seconds"] else ""
            state = (f"index {idx['collection']}: {idx['chunks']} chunks, {idx['dim']} dims, "
                     f"built {idx['built_at'] or '?'}{took}, {idx['status']}")
        what = r["hf_id"] or r["location"] or r["id"]
        out.append(f"{mark} {r['name']:8} {dim:9} {inst}; {state}  ({what})")
        if r.get("fix"):
            out.append(f"           run: {r['fix']}")
    return "\n".join(out)
