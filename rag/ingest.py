"""Corpus → sentences → vectors → a new index generation, published atomically.

An ingest never writes the generation readers use (see ``rag.generations``). Under the index's
lock it compares each article's hash with the live manifest, and if anything changed it copies
the live generation, replaces only the changed articles' chunks and sentences in the copy
(sentence ids are deterministic, so unchanged sentences keep their vectors), verifies the copy,
saves its BM25 index, and flips the manifest. A run killed at any moment leaves the previous
generation answering; the next run removes the unfinished one and does the work again.

Steps (each a function below): ``plan_changes`` → ``_start_generation`` → ``_split`` →
``_remove_stale`` → ``_embed_sentences`` → ``_write_chunks`` → ``_verify`` → ``_finish``.
"""

from __future__ import annotations

import json
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from rag import lexicon, sidecar, sparse
from rag.config import Config
from rag.corpus import LoadResult, corpus_hash, doc_hash, load_corpus
from rag.errors import CorpusError, ModelMismatch, RagError
from rag.generations import Manifest
from rag.index import Index, chunk_settings, collection_name, legacy_vectors, open_store
from rag.progress import Progress
from rag.records import acronym, card_text, doc_metadata, header, human_date, records, sentence_id  # noqa: F401
from rag.resources import resource_errors
from rag.retrieval import build_lexicon, passages_from
from rag.schema import Document


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    embedded: int = 0  # chunks whose vectors were written in this run
    embedded_sentences: int = 0  # sentences run through the model in this run
    removed_chunks: int = 0
    chunks: int = 0
    seconds: float = 0.0
    collection: str = ""
    model: str = ""
    generation: int = 0  # the generation live after this run

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "deleted": self.deleted, "unchanged": self.unchanged,
                "skipped": self.skipped, "embedded": self.embedded, "embedded_sentences": self.embedded_sentences,
                "removed_chunks": self.removed_chunks,
                "chunks": self.chunks, "seconds": round(self.seconds, 3), "collection": self.collection,
                "model": self.model, "generation": self.generation}


@dataclass
class Plan:
    """What changes between the live generation (``base``) and the corpus on disk."""

    added: list[str]
    updated: list[str]
    unchanged: list[str]
    deleted: list[str]
    kept: list[str]  # in the index, but their file failed to load this time: not a deletion
    changed: list[Document]  # added + updated, to split and write
    docs: dict[str, dict]  # the new manifest's doc entries (kept and unchanged ones copied from base)

    @property
    def nothing(self) -> bool:
        return not (self.added or self.updated or self.deleted)


def plan_changes(loaded: LoadResult, base: Manifest | None) -> Plan:
    """Compare article hashes with the live manifest. A file that failed to load is not a
    deletion: the documents it held last time (by id, from the manifest) are kept.

    >>> plan_changes(LoadResult([Document("a", body="x")], files={"a": "a.md"}), None).added
    ['a']
    """
    old = base.docs if base else {}
    p = Plan([], [], [], [], [], [], {})
    for d in loaded.documents:
        h = doc_hash(d)
        if d.id not in old:
            p.added.append(d.id)
        elif old[d.id].get("hash") != h:
            p.updated.append(d.id)
        else:
            p.unchanged.append(d.id)
            p.docs[d.id] = {**old[d.id], "file": loaded.files.get(d.id, old[d.id].get("file", ""))}
            continue
        p.changed.append(d)
        p.docs[d.id] = {"hash": h, "file": loaded.files.get(d.id, "")}
    failed = set(loaded.skipped_files)
    for doc_id, entry in sorted(old.items()):
        if doc_id in p.docs:
            continue
        if entry.get("file") in failed:
            p.kept.append(doc_id)
            p.docs[doc_id] = entry
        else:
            p.deleted.append(doc_id)
    p.added.sort(), p.updated.sort(), p.unchanged.sort()
    return p


def _embedder_source(cfg: Config, embedder):
    """(model id, a function that loads the embedder): loading costs seconds, skipped when nothing is new."""
    if embedder is not None:
        return embedder.id, lambda: embedder
    from rag.models import load_embedder, resolve

    return resolve(cfg).id, lambda: load_embedder(cfg)


def ingest(cfg: Config, embedder=None, progress=True, client=None) -> IngestReport:
    """Bring the index of ``cfg.model`` up to date with ``cfg.corpus_dir``; see the module doc."""
    t0 = time.perf_counter()
    prog = Progress.of(progress, cfg)
    prog.step("load")
    loaded = load_corpus(cfg.corpus_dir, cfg.max_article_bytes)
    if not loaded.documents:
        why = f" ({len(loaded.skipped)} skipped: {loaded.skipped[0]})" if loaded.skipped else ""
        raise CorpusError(f"No articles to ingest in {cfg.corpus_dir}{why}. Add one with: rag corpus add FILE")
    model_id, load = _embedder_source(cfg, embedder)
    name = collection_name(model_id, cfg)
    guard = nullcontext() if cfg.chroma_url else resource_errors(Path(cfg.index_dir), cfg.batch_size)
    with guard:
        store = open_store(cfg, name, client)
        with store.lock(notice=prog.notice):
            base = _live_base(cfg, model_id, store, prog)
            plan = plan_changes(loaded, base)
            rep = IngestReport(added=plan.added, updated=plan.updated, deleted=plan.deleted, unchanged=plan.unchanged,
                               skipped=loaded.skipped, collection=name, model=model_id)
            if base is not None and plan.nothing and (store.server or readers_current(store.bm25_dir(base.generation))):
                _refresh_server_readers(cfg, model_id, store, base)
                rep.chunks, rep.generation = base.chunks, base.generation
            else:
                _build(cfg, model_id, load, store, base, plan, loaded, rep, prog, t0)
    rep.seconds = time.perf_counter() - t0
    prog.step("done", generation=rep.generation, chunks=rep.chunks)
    return rep


def _live_base(cfg: Config, model_id: str, store, prog: Progress) -> Manifest | None:
    """The live generation's manifest, if it can be read and holds what it says; else None (build
    afresh). Generations newer than it are unfinished (a killed ingest) and removed here, with a
    notice; so are those older than the previous one (an ingest killed before its clean-up)."""
    try:
        m = store.manifest()
    except RagError as e:
        prog.notice(f"{e} Building a fresh generation.")
        m = None
    gens = store.generations()
    live = m.generation if m else 0
    keep = {live, max([g for g in gens if g < live], default=0)} if m else set()
    if set(gens) - keep:
        unfinished = [g for g in store.gc(keep) if m is None or g > live]
        if unfinished:
            prog.notice(f"removed unfinished generation(s) {', '.join(map(str, unfinished))} of {store.name}")
    if m is None:
        return None
    live = Index(cfg, model_id, store=store)
    try:
        counts = (live.collection().count(), live.sentence_count())
    except RagError as e:
        prog.notice(f"generation {m.generation} of {store.name} cannot be read ({e}); building a fresh one")
        return None
    finally:
        store.close(m.generation)
    if counts != (m.chunks, m.sentences):
        prog.notice(f"generation {m.generation} of {store.name} holds {counts[0]} chunks / {counts[1]} sentences, "
                    f"not the {m.chunks} / {m.sentences} its manifest lists; building a fresh one")
        return None
    return m


def _build(cfg, model_id, load, store, base, plan, loaded, rep, prog, t0) -> None:
    """Build the next generation from ``base`` and publish it; on any failure, remove it."""
    gen = _start_generation(store, base, prog)
    try:
        w = Index(cfg, model_id, generation=gen, store=store)
        w.collection(create=True, dim=base.dim if base else 0)
        w.sentences(create=True)
        chunks, sents = _split(cfg, plan, prog)
        have = _remove_stale(w, plan, chunks, sents, rep)
        emb = {"embedder": None, "load": load, "dim": base.dim if base else 0}
        vecs = _embed_sentences(cfg, w, sents, have, emb, base is None, rep, prog)
        _write_chunks(w, chunks, vecs, have, rep, prog)
        m = _manifest(cfg, gen, model_id, emb["dim"], base, plan, loaded, chunks, sents, t0)
        _finish(store, _verify(w, m, prog), m, prog)
    except BaseException:
        store.discard(gen)  # free its space now; a kill leaves it for the next run to remove
        raise
    prog.step("gc")
    store.gc({gen} | ({base.generation} if base else set()))  # keep the previous one for readers still on it
    rep.generation, rep.chunks = gen, m.chunks


def _start_generation(store, base: Manifest | None, prog: Progress) -> int:
    prog.step("copy", base=base.generation if base else None)
    try:
        return store.begin(base)
    except RagError:
        raise
    except Exception as e:  # noqa: BLE001 - e.g. the live SQLite file is damaged: build afresh instead
        from rag.resources import classify, free_bytes

        if base is None or classify(e, free_bytes(getattr(store, "root", Path(".")))):
            raise
        prog.notice(f"cannot copy generation {base.generation} ({type(e).__name__}: {str(e)[:80]}); building afresh")
        for g in store.generations():
            if g > base.generation:
                store.discard(g)
        return store.begin(None)


def _split(cfg: Config, plan: Plan, prog: Progress):
    """Chunk and sentence records of the changed articles: ``{id: (text, meta, sentence ids)}``, ``{id: (text, meta)}``."""
    chunks: dict[str, tuple[str, dict, list[str]]] = {}
    sents: dict[str, tuple[str, dict]] = {}
    with prog.bar("split", len(plan.changed), "article") as bar:
        for doc in plan.changed:
            cs, ss = records(doc, cfg)
            chunks.update((cid, (text, meta, sids)) for cid, text, meta, sids in cs)
            sents.update((sid, (text, meta)) for sid, text, meta in ss)
            plan.docs[doc.id].update(chunks=len(cs), sentences=len(ss))
            bar.update(1)
    return chunks, sents


def _remove_stale(w: Index, plan: Plan, chunks: dict, sents: dict, rep: IngestReport) -> tuple[set, set]:
    """Delete the changed and deleted articles' rows that the corpus no longer has; return the
    (chunk ids, sentence ids) of theirs that stay, so their vectors are reused."""
    prior_c, prior_s = w.ids_of_docs(plan.updated + plan.deleted + plan.added)
    stale_c = sorted(prior_c - set(chunks))
    w.delete(stale_c)
    w.delete_sentences(sorted(prior_s - set(sents)))
    rep.removed_chunks = len(stale_c)
    return prior_c & set(chunks), prior_s & set(sents)


def _embed_sentences(cfg, w: Index, sents: dict, have: tuple, emb: dict, fresh: bool, rep, prog) -> dict:
    """Vectors of the new sentences (model run, or reused from an older-layout store), written to ``w``."""
    new = [sid for sid in sents if sid not in have[1]]
    vecs: dict[str, np.ndarray] = {}
    if fresh:  # migrating from the older single-store layout: its vectors are as good as new ones
        vecs = {k: np.asarray(v, dtype=np.float32) for k, v in legacy_vectors(cfg, w.name, new).items()}
    todo = [sid for sid in new if sid not in vecs]
    if todo or (fresh and not emb["dim"]):
        emb["embedder"] = emb["embedder"] or _memory_checked(emb["load"], cfg.batch_size)
        if emb["dim"] and emb["embedder"].dim != emb["dim"]:
            raise ModelMismatch(f"Index {w.name} holds {emb['dim']}-dim vectors but model {emb['embedder'].id!r} makes "
                                f"{emb['embedder'].dim}-dim ones. Run: rag index drop --model {cfg.model}, "
                                f"then rag ingest --model {cfg.model}")
        emb["dim"] = emb["embedder"].dim
    order = sorted(todo, key=lambda i: -len(sents[i][0]))  # longest first: batches of similar length pad less
    step = max(cfg.batch_size * 8, 64)
    with prog.bar("embed", len(new), "sentence") as bar:
        for i in range(0, len(order), step):
            ids = order[i:i + step]
            vecs.update(zip(ids, _embed(emb["embedder"], [sents[x][0] for x in ids], cfg.batch_size)))
            rep.embedded_sentences += len(ids)
            bar.update(len(ids))
        reused = [sid for sid in new if sid not in todo]
        bar.update(len(reused))
    for i in range(0, len(new), 1000):
        ids = new[i:i + 1000]
        w.upsert_sentences(ids, np.stack([vecs[x] for x in ids]).tolist(), [sents[x][0] for x in ids],
                           [sents[x][1] for x in ids])
    return vecs


def _embed(embedder, texts: list[str], batch_size: int) -> np.ndarray:
    return _memory_checked(lambda: np.asarray(embedder.embed_documents(texts), dtype=np.float32), batch_size)


def _memory_checked(fn, batch_size: int):
    """Load the model or run it; memory running out is ``OutOfMemory`` (numpy raises MemoryError; torch
    and onnxruntime raise their own errors saying they failed to allocate, after logging to fd 2)."""
    from rag.errors import OutOfMemory
    from rag.resources import classify, quiet_stderr, resource_error

    try:
        return quiet_stderr(fn)
    except Exception as e:  # noqa: BLE001 - only a memory failure is translated; the rest is raised as is
        if isinstance(e, RagError) or classify(e) != "memory":
            raise
        r = resource_error(e, Path("."), batch_size, writing=True)
        raise (r if isinstance(r, OutOfMemory) else e) from None


def _write_chunks(w: Index, chunks: dict, vecs: dict, have: tuple, rep: IngestReport, prog: Progress) -> None:
    """Every chunk of the changed articles (metadata may have changed); a chunk's vector is the
    normalized mean of its sentences' vectors."""
    need = sorted({sid for _, _, sids in chunks.values() for sid in sids if sid not in vecs})
    if need:
        vecs.update({k: np.asarray(v, dtype=np.float32) for k, v in w.sentence_vectors(need).items()})
    ids_all = list(chunks)
    with prog.bar("write", len(ids_all), "chunk") as bar:
        for i in range(0, len(ids_all), 256):
            ids = ids_all[i:i + 256]
            mat = []
            for cid in ids:
                m = np.mean([vecs[sid] for sid in chunks[cid][2]], axis=0)
                mat.append(m / (np.linalg.norm(m) or 1.0))
            w.upsert(ids, np.stack(mat).tolist(), [chunks[c][0] for c in ids], [chunks[c][1] for c in ids])
            bar.update(len(ids))
    rep.embedded = sum(1 for cid in chunks if cid not in have[0])


def _manifest(cfg, gen, model_id, dim, base, plan: Plan, loaded, chunks, sents, t0) -> Manifest:
    full = base is None
    return Manifest(
        generation=gen, model=model_id, dim=int(dim), corpus_hash=corpus_hash(loaded.documents),
        chunks=sum(int(d.get("chunks", 0)) for d in plan.docs.values()),
        sentences=sum(int(d.get("sentences", 0)) for d in plan.docs.values()),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        # "build time" is that of a full build, not of the last small update
        build_seconds=round(time.perf_counter() - t0, 3) if full else base.build_seconds,
        settings=chunk_settings(cfg), docs=plan.docs)


def _verify(w: Index, m: Manifest, prog: Progress) -> Index:
    """The new generation, reopened from disk, holds what the manifest will say, and answers a query;
    returns it, reopened."""
    prog.step("verify")
    w.store.close(w.generation)
    r = Index(w.cfg, w.model_id, generation=w.generation, store=w.store)
    counts = (r.collection().count(), r.sentence_count())
    if counts != (m.chunks, m.sentences):
        raise RagError(f"The new index generation holds {counts[0]} chunks / {counts[1]} sentences instead of "
                       f"{m.chunks} / {m.sentences}; it was discarded and the previous one stays live. Run: rag ingest")
    one = r.sentences().get(limit=1, include=["embeddings"])
    hits = r.query_sentences(one["embeddings"][0], 1) if one["ids"] else {"ids": [[]]}
    if not hits["ids"][0]:
        raise RagError("The new index generation does not answer a query; it was discarded and the previous one "
                       "stays live. Run: rag ingest")
    return r


READERS = "readers.json"  # written last: which formats of the files below this generation holds


def readers_current(folder: Path | None) -> bool:
    """True if ``folder`` holds BM25, the Lexicon and the sidecar in today's formats. An unchanged corpus over
    an index saved by older code gets a new generation with them (on a server: a new folder for the same
    generation, ``_refresh_server_readers``), instead of rebuilding them at every start."""
    try:
        return json.loads((Path(folder) / READERS).read_text(encoding="utf-8")) == _formats()
    except (OSError, ValueError, TypeError):  # TypeError: no folder (None)
        return False


def _formats() -> dict:
    return {"lexicon": lexicon.FORMAT, "sidecar": sidecar.FORMAT}


def save_readers(w: Index, m: Manifest) -> None:
    """What readers load at every start instead of rebuilding it, saved into the folder of a generation being
    built: BM25, the ``Lexicon`` and the sidecar of passages and sentence vectors (on a Chroma server, a local
    folder: ``rag.server_store``)."""
    folder = w.bm25_dir()
    if folder is not None:
        recs = w.all_records()
        sparse.save(sparse.build(recs), recs["ids"], folder)
        passages, headers = passages_from(recs), [(x or {}).get("header", "") for x in recs["metadatas"]]
        lexicon.save(build_lexicon(passages, headers), recs["ids"], folder)
        if sidecar.save(passages, headers, w.sentence_ids(), w.sentence_pages(), m.dim, folder):
            (Path(folder) / READERS).write_text(json.dumps(_formats()), encoding="utf-8")


def _refresh_server_readers(cfg: Config, model_id: str, store, base: Manifest) -> None:
    """An unchanged index on a Chroma server with no readers folder here for its live generation (or one in an
    older format) gets one; the generation stays (the folder is of its collections)."""
    if not store.server or store.readers is None or readers_current(store.bm25_dir(base.generation)):
        return
    store.rewrite_readers(base.generation)
    try:
        save_readers(Index(cfg, model_id, generation=base.generation, store=store), base)
        store.seal(base.generation)
    finally:
        store.discard_readers(base.generation)  # a no-op once sealed


def _finish(store, w: Index, m: Manifest, prog: Progress) -> None:
    """Save BM25 beside the vectors, put everything on disk, then flip the manifest."""
    if w.bm25_dir() is not None:
        prog.step("bm25")
        save_readers(w, m)
    store.seal(w.generation)
    prog.step("flip", generation=m.generation)
    store.publish(m, checkpoint=prog.step)
