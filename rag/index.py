"""The Chroma adapter: one index per (embedding model, chunking settings), in generations.

Each index is a chunk collection and a sentence collection, in the generation its manifest
names (``rag.generations``): an embedded ``PersistentClient`` folder per generation under
``index_dir`` by default, or collections on a ``chroma run`` server when ``chroma_url`` is set.
The manifest records the model id, vector dimension, chunking settings, corpus hash and build
time, so a query with the wrong model fails with a one-line fix instead of a Chroma error.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from rag.config import Config
from rag.errors import ChromaUnavailable, IndexMissing, ModelMismatch, RagError
from rag.resources import quiet_stderr

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
    """A client for the ``chroma run`` server at ``cfg.chroma_url``."""
    import chromadb
    from chromadb.config import Settings

    u = urlparse(cfg.chroma_url if "://" in cfg.chroma_url else "http://" + cfg.chroma_url)
    if not u.hostname:
        raise RagError(f"RAG_CHROMA_URL {cfg.chroma_url!r} is not a URL like http://127.0.0.1:8000")
    headers = {"Authorization": f"Bearer {cfg.chroma_token}"} if cfg.chroma_token else None
    try:
        client = chromadb.HttpClient(host=u.hostname, port=u.port or (443 if u.scheme == "https" else 8000),
                                     ssl=u.scheme == "https", headers=headers,
                                     settings=Settings(anonymized_telemetry=False, allow_reset=False))
        client.heartbeat()
    except Exception as e:
        raise ChromaUnavailable(f"Cannot reach the Chroma server at {cfg.chroma_url} ({type(e).__name__}). "
                                "Start it with: chroma run --path DIR --host 127.0.0.1 --port PORT") from None
    return client


def chroma_client(path: Path, where: Path | None = None):
    """An embedded Chroma store at ``path`` (one index generation), with one-line errors naming ``where``."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    try:
        return quiet_stderr(lambda: chromadb.PersistentClient(path=str(path), settings=settings))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # Chroma's Rust core panics (pyo3 PanicException, a BaseException) on some bad files
        from rag.resources import resource_error

        raise (resource_error(e, where or path, writing=False)
               or RagError(f"Cannot open the index at {path} ({_brief(e)}). "
                           "It may be corrupted: move it away and run: rag ingest")) from None


def open_store(cfg: Config, name: str, client=None):
    """Where the generations of index ``name`` live: folders under ``index_dir``, or a Chroma server."""
    from rag.generations import EmbeddedStore
    from rag.server_store import ServerStore, readers_root

    if cfg.chroma_url:
        readers = readers_root(cfg.index_dir, cfg.chroma_url, name)
        return ServerStore(client or connect(cfg), name, cfg.chroma_url, readers)
    path = Path(cfg.index_dir)
    if path.exists() and not path.is_dir():
        raise RagError(f"Index path {path} is a file, not a directory. Move it away or set --index-dir")
    return EmbeddedStore(path, name)


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
    build_seconds: float = 0.0  # time of the last full build
    generation: int = 0


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
    """One model's index: by default the generation its manifest names (read it), or, with
    ``generation=N``, a generation an ingest is building (write it; nothing reads it yet)."""

    def __init__(self, cfg: Config, model_id: str, client=None, generation: int | None = None, store=None):
        self.cfg, self.model_id = cfg, model_id
        self.name = collection_name(model_id, cfg)
        self.store = store or open_store(cfg, self.name, client)
        self.manifest = None if generation is not None else self._wrap(self.store.manifest)
        self.generation = generation if generation is not None else (self.manifest.generation if self.manifest else None)
        self._col = None
        self._sent = None

    @property
    def client(self):
        return self._wrap(self.store.client, self.generation)

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
            if not self.cfg.chroma_url:
                from rag.resources import resource_error

                r = resource_error(e, Path(self.cfg.index_dir), self.cfg.batch_size, writing=self.manifest is None)
                if r is not None:
                    raise r from None
            # A damaged embedded store fails only when a query reaches the bad page: say so in one line.
            if not self.cfg.chroma_url and (type(e).__name__ == "PanicException"
                                            or any(s in str(e).lower() for s in _CORRUPT)):
                raise RagError(f"Cannot read the index at {self.cfg.index_dir} ({_brief(e)}). "
                               "It may be corrupted: move it away and run: rag ingest") from None
            raise

    def exists(self) -> bool:
        return self.generation is not None

    def _missing(self) -> IndexMissing:
        from rag.generations import legacy_layout

        where = self.cfg.chroma_url or self.cfg.index_dir
        if self._wrap(self.store.generations):
            return IndexMissing(f"Index {self.name} in {where} was never completed (an interrupted first build). "
                                f"Run: {_fix(self.cfg.model)}")
        if not self.cfg.chroma_url and legacy_layout(self.cfg.index_dir):
            return IndexMissing(f"The index in {where} has the layout of an older version (one store for all models). "
                                f"Run: {_fix(self.cfg.model)} (it reuses the stored vectors)")
        others = self.other_models()
        hint = f" (indexes exist for: {', '.join(others)})" if others else ""
        return IndexMissing(f"No index for model '{self.cfg.model}' in {where}{hint}. Run: {_fix(self.cfg.model)}")

    def _open(self, which: int, create: bool, meta: dict):
        if self.generation is None:
            raise self._missing()
        name = self.store.collection_names(self.generation)[which]
        if create:
            col = self._wrap(self.client.get_or_create_collection, name, metadata=meta,
                             configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        else:
            try:
                col = self._wrap(self.client.get_collection, name, embedding_function=None)
            except RagError:
                raise
            except Exception as e:  # noqa: BLE001 - the manifest names a generation whose collection is gone
                raise IndexMissing(f"Generation {self.generation} of index {self.name} is damaged ({_brief(e)}). "
                                   f"Run: {_fix(self.cfg.model)}") from None
        return _Guarded(self, col)

    def collection(self, create: bool = False, dim: int | None = None):
        if self._col is None:
            self._col = self._open(0, create, {"model": self.model_id, "dim": int(dim or 0), **chunk_settings(self.cfg)})
        return self._col

    def sentences(self, create: bool = False):
        if self._sent is None:
            self._sent = self._open(1, create, {"model": self.model_id, "role": "sentences"})
        return self._sent

    # --- reading ------------------------------------------------------------------------

    def _get_all(self, col, include: list[str], where: dict | None = None) -> dict:
        """``col.get`` of every row, in pages: one unpaged get of 100k+ rows fails in Chroma's
        SQLite ("too many SQL variables"), measured with ``rag bench --sizes 100000``."""
        out: dict = {"ids": [], **{k: [] for k in include}}
        total = self._wrap(col.count)
        for off in range(0, total, GET_PAGE):
            got = self._wrap(col.get, include=include, limit=GET_PAGE, offset=off, where=where)
            out["ids"] += got["ids"]
            for k in include:
                out[k] += list(got[k])
            if where is not None and len(got["ids"]) < GET_PAGE:
                break
        return out

    def all_records(self) -> dict:
        """Every chunk: ``{"ids", "documents", "metadatas"}``, in id order (see ``_in_id_order``)."""
        return _in_id_order(self._get_all(self.collection(), ["documents", "metadatas"]))

    def all_sentence_vectors(self) -> dict:
        """Every sentence vector: ``{"ids", "embeddings"}``, in id order."""
        return _in_id_order(self._get_all(self.sentences(), ["embeddings"]))

    def sentence_pages(self):
        """Every sentence vector, a page at a time: ``(ids, vectors)`` (for the sidecar, without holding all)."""
        col = self.sentences()
        for off in range(0, self._wrap(col.count), GET_PAGE):
            got = self._wrap(col.get, include=["embeddings"], limit=GET_PAGE, offset=off)
            yield list(got["ids"]), got["embeddings"]

    def existing(self) -> dict[str, dict]:
        got = self._get_all(self.collection(), ["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def ids_of_docs(self, doc_ids: list[str]) -> tuple[set[str], set[str]]:
        """(chunk ids, sentence ids) stored for these documents."""
        if not doc_ids:
            return set(), set()
        where = {"doc_id": {"$in": list(doc_ids)}}
        return (set(self._get_all(self.collection(), [], where)["ids"]),
                set(self._get_all(self.sentences(), [], where)["ids"]))

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

    def query_sentences(self, embedding, n: int) -> dict:
        # ids carry doc and offset (see retrieval.sentence_key): metadata would triple the cost
        return self._wrap(self.sentences().query, query_embeddings=[list(map(float, embedding))], n_results=n,
                          include=["distances"])

    def query(self, embedding, n: int) -> dict:
        """Nearest chunks: ids and distances only (the retriever holds the texts in memory)."""
        return self._wrap(self.collection().query, query_embeddings=[list(map(float, embedding))], n_results=n,
                          include=["distances"])

    def bm25_dir(self) -> Path | None:
        """Where this generation's BM25 index, Lexicon and sidecar are saved (on a Chroma server: a local
        folder, None if this machine has none for this generation)."""
        return self.store.bm25_dir(self.generation) if self.generation is not None else None

    # --- metadata ---------------------------------------------------------------------------

    def info(self) -> IndexInfo:
        m = self.manifest
        if m is None:
            raise self._missing()
        return IndexInfo(self.name, m.model, int(m.dim), int(m.chunks), m.corpus_hash, m.built_at,
                         dict(m.settings), float(m.build_seconds), m.generation)

    def check(self, dim: int) -> IndexInfo:
        """Raise a one-line error if this index cannot serve queries of ``dim`` from this model."""
        info = self.info()
        if info.model != self.model_id or (info.dim and info.dim != dim):
            raise ModelMismatch(f"Index {self.name} was built with model {info.model!r} ({info.dim} dims), "
                                f"not {self.model_id!r} ({dim} dims). Run: {_fix(self.cfg.model)}")
        if info.chunks == 0 or not info.built_at:
            raise IndexMissing(f"Index {self.name} is empty or was never completed. Run: {_fix(self.cfg.model)}")
        return info

    def set_meta(self, **kv):
        """Change fields of the published manifest (a new manifest, replaced atomically)."""
        from dataclasses import replace

        if self.manifest is None:
            raise self._missing()
        self.manifest = replace(self.manifest, **kv)
        self._wrap(self.store.publish, self.manifest)

    def other_models(self) -> list[str]:
        names = self._wrap(self.store.indexes)
        return sorted({n[len(PREFIX) + 1:].rsplit("-c", 1)[0] for n in names
                       if n.startswith(PREFIX + "-") and n != self.name})

    def article_chunks(self, doc_id: str) -> list[tuple[str, dict]]:
        """(text, metadata) of one article's chunks, byline card included: one filtered get, for the reader."""
        got = self._wrap(self.collection().get, where={"doc_id": doc_id}, include=["documents", "metadatas"])
        return list(zip(got["documents"], [m or {} for m in got["metadatas"]]))

    # --- writing (a generation being built) ---------------------------------------------------

    def upsert(self, ids, embeddings, documents, metadatas):
        self._wrap(self.collection().upsert, ids=ids, embeddings=embeddings, documents=documents, metadatas=metadatas)

    def upsert_sentences(self, ids, embeddings, documents, metadatas):
        self._wrap(self.sentences().upsert, ids=ids, embeddings=embeddings, documents=documents, metadatas=metadatas)

    def delete(self, ids):
        if ids:
            self._wrap(self.collection().delete, ids=list(ids))

    def delete_sentences(self, ids):
        if ids:
            self._wrap(self.sentences().delete, ids=list(ids))

    def drop(self) -> bool:
        """Delete every generation of this index (other models' indexes are untouched)."""
        self._col = self._sent = None
        return self._wrap(self.store.drop)


def _id_key(rid: str) -> tuple:
    """Article, then position: ``doc:3:…`` (chunk 3), ``doc:s120:…`` (sentence at 120), ``doc:meta:…``."""
    doc, _, rest = rid.partition(":")
    part = rest.split(":", 1)[0]
    num = part[1:] if part[:1] == "s" else part
    return (doc, int(num) if num.isdigit() else -1, rid)


def id_order(ids: list[str]) -> list[int]:
    """Positions of ``ids`` in one canonical order, whatever order Chroma stores them in: an index updated
    in place and a clean build of the same corpus then break score ties the same way, and answer alike."""
    return sorted(range(len(ids)), key=lambda i: _id_key(ids[i]))


def _in_id_order(got: dict) -> dict:
    order = id_order(got["ids"])
    return {k: [v[i] for i in order] for k, v in got.items()}


def legacy_vectors(cfg: Config, name: str, ids: list[str]) -> dict:
    """Sentence vectors of ``ids`` from an index of the older single-store layout, if it has them."""
    from rag.generations import legacy_layout

    if cfg.chroma_url or not ids or not legacy_layout(cfg.index_dir):
        return {}
    client = chroma_client(Path(cfg.index_dir))
    try:
        col = client.get_collection(name + "-s", embedding_function=None)
    except Exception:  # noqa: BLE001 - that older store has no index for this model
        return {}
    out = {}
    for i in range(0, len(ids), 2000):
        got = col.get(ids=ids[i:i + 2000], include=["embeddings"])
        out.update(zip(got["ids"], got["embeddings"]))
    return out
