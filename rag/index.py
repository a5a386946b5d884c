"""The Chroma adapter: one collection per (embedding model, chunking settings).

Embedded (``PersistentClient`` at ``index_dir``) by default, or a ``chroma run``
server when ``chroma_url`` is set. Collection metadata records the model id,
vector dimension, chunking settings, corpus hash and build time, so a query
with the wrong model fails with a one-line fix instead of a Chroma error.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from rag.config import Config
from rag.errors import ChromaUnavailable, IndexMissing, ModelMismatch, RagError

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CHUNKER_VERSION = 2  # bump when chunking or vector layout changes for the same settings
PREFIX = "sta"
GET_PAGE = 5000  # rows per Chroma get when reading a whole collection


def chunk_settings(cfg: Config) -> dict:
    return {"chunk_min_words": cfg.chunk_min_words, "chunk_max_words": cfg.chunk_max_words,
            "chunk_overlap_sentences": cfg.chunk_overlap_sentences, "chunker_version": CHUNKER_VERSION}


def collection_name(model_id: str, cfg: Config) -> str:
    """Chroma-safe name: 3-512 chars of [a-zA-Z0-9._-], alphanumeric at both ends.

    e.g. ``sta-minilm-c1a2b3c`` (the tag hashes the chunking settings).
    """
    s = chunk_settings(cfg)
    tag = hashlib.sha1(repr(sorted(s.items())).encode()).hexdigest()[:6]
    return f"{PREFIX}-{model_id}-c{tag}"[:500]


def connect(cfg: Config):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    if cfg.chroma_url:
        u = urlparse(cfg.chroma_url if "://" in cfg.chroma_url else "http://" + cfg.chroma_url)
        if not u.hostname:
            raise RagError(f"RAG_CHROMA_URL {cfg.chroma_url!r} is not a URL like http://127.0.0.1:8000")
        headers = {"Authorization": f"Bearer {cfg.chroma_token}"} if cfg.chroma_token else None
        try:
            client = chromadb.HttpClient(host=u.hostname, port=u.port or (443 if u.scheme == "https" else 8000),
                                         ssl=u.scheme == "https", headers=headers, settings=settings)
            client.heartbeat()
        except Exception as e:
            raise ChromaUnavailable(f"Cannot reach the Chroma server at {cfg.chroma_url} ({type(e).__name__}). "
                                    "Start it with: chroma run --path DIR --host 127.0.0.1 --port PORT") from None
        return client
    path = Path(cfg.index_dir)
    if path.exists() and not path.is_dir():
        raise RagError(f"Index path {path} is a file, not a directory. Move it away or set --index-dir")
    try:
        return _quiet_panics(lambda: chromadb.PersistentClient(path=str(path), settings=settings))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # Chroma's Rust core panics (pyo3 PanicException, a BaseException) on some bad files
        raise RagError(f"Cannot open the index at {path} ({_brief(e)}). "
                       f"It may be corrupted: move it away and run: rag ingest") from None


def _quiet_panics(fn):
    """Call ``fn`` with file descriptor 2 captured. A Rust panic prints a multi-line report (and a
    backtrace under RUST_BACKTRACE) straight to fd 2, which would bury our one-line error; on
    success whatever was captured is passed on to stderr unchanged."""
    import sys
    import tempfile

    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real fd 2 (embedded interpreters): just call it
        return fn()
    with tempfile.TemporaryFile() as cap:
        os.dup2(cap.fileno(), 2)
        ok = False
        try:
            out = fn()
            ok = True
            return out
        finally:
            try:
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
            os.dup2(saved, 2)
            os.close(saved)
            if ok:
                cap.seek(0)
                noise = cap.read()
                if noise:
                    os.write(2, noise)


# What Chroma's embedded store says when its files are damaged (SQLite codes 11 and 26, HNSW loads).
# ("Error executing plan" prefixes every failure of the Rust query engine, e.g. a log table it cannot replay.)
_CORRUPT = ("malformed", "not a database", "code: 11)", "code: 26)", "hnsw", "segment", "no such table",
            "error executing plan", "log store")


def _brief(e: BaseException) -> str:
    """``Type: first line of the message``, cut short: Chroma's messages can be pages long."""
    msg = (str(e).strip().splitlines() or [""])[0]
    return f"{type(e).__name__}: {msg[:120]}" if msg else type(e).__name__


def _fix(model_arg: str) -> str:
    return "rag ingest" + ("" if model_arg in ("", "minilm") else f" --model {model_arg}")


@dataclass
class IndexInfo:
    name: str
    model: str
    dim: int
    chunks: int
    corpus_hash: str
    built_at: str
    settings: dict
    build_seconds: float = 0.0  # time of the last ingest run that embedded anything


class _Guarded:
    """A Chroma collection whose method calls go through ``Index._wrap``, so callers that use it
    directly (``index.sentences().count()``) still get one-line errors, not Chroma's."""

    def __init__(self, index: "Index", col):
        self._index, self._c = index, col

    def __getattr__(self, name):
        attr = getattr(self._c, name)
        if not callable(attr):
            return attr
        return lambda *a, **kw: self._index._wrap(attr, *a, **kw)


class Index:
    """A handle on one model's collection."""

    def __init__(self, cfg: Config, model_id: str, client=None):
        self.cfg, self.model_id = cfg, model_id
        self.client = client or connect(cfg)
        self.name = collection_name(model_id, cfg)
        # Sentence vectors live beside the chunks: they give MaxSim retrieval and sentence-level scoring.
        self.sent_name = self.name + "-s"
        self._col = None
        self._sent = None

    def _wrap(self, fn, *a, **kw):
        try:
            return fn(*a, **kw)
        except (RagError, KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as e:
            if self.cfg.chroma_url and type(e).__name__ in ("ConnectError", "ConnectionError", "ReadTimeout",
                                                              "RemoteProtocolError", "ConnectTimeout", "ReadError"):
                raise ChromaUnavailable(f"Lost the Chroma server at {self.cfg.chroma_url} ({type(e).__name__}); "
                                        "check it is running, then retry") from None
            # A damaged embedded store fails only when a query reaches the bad page: say so in one line.
            if not self.cfg.chroma_url and (type(e).__name__ == "PanicException"
                                            or any(s in str(e).lower() for s in _CORRUPT)):
                raise RagError(f"Cannot read the index at {self.cfg.index_dir} ({_brief(e)}). "
                               "It may be corrupted: move it away and run: rag ingest") from None
            raise

    def exists(self) -> bool:
        names = [getattr(c, "name", c) for c in self._wrap(self.client.list_collections)]
        return self.name in names

    def collection(self, create: bool = False, dim: int | None = None):
        if self._col is not None:
            return self._col
        if create:
            meta = {"model": self.model_id, "dim": int(dim or 0), "corpus_hash": "", "built_at": "",
                    **chunk_settings(self.cfg)}
            self._col = _Guarded(self, self._wrap(self.client.get_or_create_collection, self.name, metadata=meta,
                                                  configuration={"hnsw": {"space": "cosine"}}, embedding_function=None))
        else:
            if not self.exists():
                others = self.other_models()
                hint = f" (indexes exist for: {', '.join(others)})" if others else ""
                raise IndexMissing(f"No index for model '{self.cfg.model}' in "
                                   f"{self.cfg.chroma_url or self.cfg.index_dir}{hint}. Run: {_fix(self.cfg.model)}")
            self._col = _Guarded(self, self._wrap(self.client.get_collection, self.name, embedding_function=None))
        return self._col

    def sentences(self, create: bool = False):
        if self._sent is None:
            if create:
                self._sent = _Guarded(self, self._wrap(self.client.get_or_create_collection, self.sent_name,
                                                       metadata={"model": self.model_id, "role": "sentences"},
                                                       configuration={"hnsw": {"space": "cosine"}},
                                                       embedding_function=None))
            else:
                if self.sent_name not in [getattr(c, "name", c) for c in self._wrap(self.client.list_collections)]:
                    raise IndexMissing(f"Index {self.name} has no sentence vectors (an interrupted first build, or "
                                       f"an older version). Run: {_fix(self.cfg.model)}")
                self._sent = _Guarded(self, self._wrap(self.client.get_collection, self.sent_name,
                                                       embedding_function=None))
        return self._sent

    def _get_all(self, col, include: list[str]) -> dict:
        """``col.get`` of every row, in pages: one unpaged get of 100k+ rows fails in Chroma's
        SQLite ("too many SQL variables"), measured with ``rag bench --sizes 100000``."""
        out: dict = {"ids": [], **{k: [] for k in include}}
        for off in range(0, self._wrap(col.count), GET_PAGE):
            got = self._wrap(col.get, include=include, limit=GET_PAGE, offset=off)
            out["ids"] += got["ids"]
            for k in include:
                out[k] += list(got[k])
        return out

    def sentence_ids(self) -> set[str]:
        return set(self._get_all(self.sentences(), [])["ids"])

    def sentence_count(self) -> int:
        return self._wrap(self.sentences().count)

    def sentence_vectors(self, ids: list[str]) -> dict:
        out = {}
        for i in range(0, len(ids), 2000):
            got = self._wrap(self.sentences().get, ids=ids[i:i + 2000], include=["embeddings"])
            out.update(zip(got["ids"], got["embeddings"]))
        return out

    def upsert_sentences(self, ids, embeddings, documents, metadatas):
        self._wrap(self.sentences().upsert, ids=ids, embeddings=embeddings, documents=documents, metadatas=metadatas)

    def delete_sentences(self, ids):
        if ids:
            self._wrap(self.sentences().delete, ids=list(ids))

    def query_sentences(self, embedding, n: int, with_vectors: bool = False) -> dict:
        # ids carry doc and offset (see retrieval.sentence_key): metadata would triple the cost
        include = ["distances"] + (["embeddings"] if with_vectors else [])
        return self._wrap(self.sentences().query, query_embeddings=[list(map(float, embedding))], n_results=n,
                          include=include)

    def info(self) -> IndexInfo:
        col = self.collection()
        m = col.metadata or {}
        return IndexInfo(self.name, m.get("model", ""), int(m.get("dim", 0)), self._wrap(col.count),
                         m.get("corpus_hash", ""), m.get("built_at", ""),
                         {k: m[k] for k in chunk_settings(self.cfg) if k in m}, float(m.get("build_seconds", 0.0)))

    def check(self, dim: int) -> IndexInfo:
        """Raise a one-line error if this index cannot serve queries of ``dim`` from this model."""
        info = self.info()
        if info.model != self.model_id or (info.dim and info.dim != dim):
            raise ModelMismatch(f"Index {self.name} was built with model {info.model!r} ({info.dim} dims), "
                                f"not {self.model_id!r} ({dim} dims). Run: {_fix(self.cfg.model)}")
        if info.chunks == 0 or not info.built_at:
            raise IndexMissing(f"Index {self.name} is empty or was never completed. Run: {_fix(self.cfg.model)}")
        return info

    def other_models(self) -> list[str]:
        out = []
        for c in self._wrap(self.client.list_collections):
            name = getattr(c, "name", c)
            if name.startswith(PREFIX + "-") and name not in (self.name, self.sent_name) and not name.endswith("-s"):
                out.append(name[len(PREFIX) + 1:].rsplit("-c", 1)[0])
        return sorted(set(out))

    def all_records(self) -> dict:
        return self._get_all(self.collection(), ["documents", "metadatas"])

    def article_chunks(self, doc_id: str) -> list[tuple[str, dict]]:
        """(text, metadata) of one article's chunks, byline card included: one filtered get, for the reader."""
        got = self._wrap(self.collection().get, where={"doc_id": doc_id}, include=["documents", "metadatas"])
        return list(zip(got["documents"], [m or {} for m in got["metadatas"]]))

    def existing(self) -> dict[str, dict]:
        got = self._get_all(self.collection(), ["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def upsert(self, ids, embeddings, documents, metadatas):
        self._wrap(self.collection().upsert, ids=ids, embeddings=embeddings, documents=documents, metadatas=metadatas)

    def delete(self, ids):
        if ids:
            self._wrap(self.collection().delete, ids=list(ids))

    def set_meta(self, **kv):
        col = self.collection()
        meta = dict(col.metadata or {})
        meta.update(kv)
        # hnsw settings live in the configuration; they must not be re-sent as metadata
        meta = {k: v for k, v in meta.items() if not k.startswith("hnsw:")}
        self._wrap(col.modify, metadata=meta)

    def query(self, embedding, n: int) -> dict:
        """Nearest chunks: ids and distances only (the retriever holds the texts in memory)."""
        col = self.collection()
        return self._wrap(col.query, query_embeddings=[list(map(float, embedding))], n_results=n,
                          include=["distances"])

    def drop(self) -> bool:
        if not self.exists():
            return False
        self._wrap(self.client.delete_collection, self.name)
        names = [getattr(c, "name", c) for c in self._wrap(self.client.list_collections)]
        if self.sent_name in names:
            self._wrap(self.client.delete_collection, self.sent_name)
        self._col = self._sent = None
        return True
