"""Corpus → sentences → vectors → a new index generation, published atomically.

An ingest never writes the generation readers use (see ``rag.generations``). Under the index's
lock it compares each article's hash with the live manifest, and if anything changed it copies
the live generation, replaces only the changed articles' chunks and sentences in the copy
(sentence ids are deterministic, so unchanged sentences keep their vectors), verifies the copy,
saves its BM25 index, and flips the manifest. A run killed at any moment leaves the previous
generation answering; the next run removes the unfinished one and does the work again.

Steps (each a function below): ``plan_changes`` → ``_start_generation`` → ``_split`` →
``_remove_stale`` → ``embed_sentences`` → ``write_chunks`` (``rag.vectors``) → ``_verify`` →
``_finish`` (which saves the readers' files: ``rag.reader_files``).
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rag import article_phrases, article_words
from rag.config import Config
from rag.corpus import LoadResult, corpus_hash, doc_hash, load_corpus
from rag.errors import CorpusError, RagError
from rag.generations import Manifest
from rag.index import Index, chunk_settings, collection_name, open_store
from rag.progress import Progress
from rag.reader_files import readers_current, refresh_server_readers, save_readers
from rag.records import acronym, card_text, doc_metadata, header, human_date, records, sentence_id  # noqa: F401
from rag.resources import resource_errors
from rag.schema import Document
from rag.vectors import embed_sentences, write_chunks


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
                refresh_server_readers(cfg, model_id, store, base, _embed_words({"embedder": None, "load": load}))
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
        vecs = embed_sentences(cfg, w, sents, have, emb, base is None, rep, prog)
        write_chunks(w, chunks, vecs, have, rep, prog)
        m = _manifest(cfg, gen, model_id, emb["dim"], base, plan, loaded, chunks, sents, t0)
        prev = store.bm25_dir(base.generation) if base else None  # its words' and phrases' vectors are reused
        embed = article_phrases.reusing(prev, article_words.reusing(prev, _embed_words(emb)))
        _finish(store, _verify(w, m, prog), m, prog, embed)
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


def _embed_words(emb: dict):
    """The model's ``embed_documents`` for the articles' words, loading it only if no chunk needed it."""
    def embed(words: list[str]):
        emb["embedder"] = emb["embedder"] or emb["load"]()
        return emb["embedder"].embed_documents(words)
    return embed


def _finish(store, w: Index, m: Manifest, prog: Progress, embed) -> None:
    """Save BM25 beside the vectors, put everything on disk, then flip the manifest."""
    if w.bm25_dir() is not None:
        prog.step("bm25")
        save_readers(w, m, embed=embed)
    store.seal(w.generation)
    prog.step("flip", generation=m.generation)
    store.publish(m, checkpoint=prog.step)
