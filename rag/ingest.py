"""Corpus → chunks → embeddings → index, incrementally.

Chunk ids are ``doc_id:chunk_no:content_hash``, so an unchanged corpus embeds
nothing, a changed article's chunks are replaced and a removed article's chunks
are deleted. New vectors are written before old ones are deleted, and the
corpus hash is recorded last: an interrupted run leaves the previous index
answering, and the next run finishes the job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from rag.chunking import chunk_document
from rag.config import Config
from rag.corpus import corpus_hash, load_corpus
from rag.errors import CorpusError
from rag.index import Index, chunk_settings
from rag.schema import Chunk, Document


def acronym(name: str) -> str:
    """Initials of a multi-word name, so "SCMP" finds the South China Morning Post.

    >>> acronym("South China Morning Post"), acronym("csis.org")
    ('SCMP', '')
    """
    words = [w for w in name.replace("/", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def header(doc: Document) -> str:
    """Searchable article metadata prepended to every chunk's indexed text."""
    bits = [doc.title, doc.outlet, acronym(doc.outlet), " ".join(doc.authors)]
    return " · ".join(b for b in bits if b)


def card_text(doc: Document) -> str:
    """One sentence stating the article's metadata, built only from its front matter.

    >>> card_text(Document(id="x", title="Pact renewed", outlet="The Post", authors=["A B", "C D"], date="2024-12-20"))
    'The article "Pact renewed" was written by A B and C D and published by The Post on December 20, 2024.'
    """
    if not (doc.authors or doc.outlet or doc.date):
        return ""
    s = f'The article "{doc.title}"' if doc.title else "This untitled article"
    verbs = []
    if doc.authors:
        names = doc.authors[0] if len(doc.authors) == 1 else ", ".join(doc.authors[:-1]) + " and " + doc.authors[-1]
        verbs.append(f"written by {names}")
    pub = "published"
    if doc.outlet:
        pub += f" by {doc.outlet}"
    if doc.date:
        pub += f" on {human_date(doc.date)}"
    if pub != "published":
        verbs.append(pub)
    return s + " was " + " and ".join(verbs) + "."


def human_date(iso: str) -> str:
    """ "2024-12-20" -> "December 20, 2024" (as articles write it); anything else unchanged."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def doc_metadata(doc: Document) -> dict:
    return {"doc_id": doc.id, "title": doc.title, "outlet": doc.outlet, "authors": "; ".join(doc.authors),
            "date": doc.date, "url": doc.url, "header": header(doc)}


def sentence_id(doc_id: str, start: int, text: str) -> str:
    import hashlib

    return f"{doc_id}:s{start}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def records(doc: Document, cfg: Config):
    """Chunk and sentence records of ``doc``, metadata card included.

    Returns ``(chunks, sentences)``: chunks as ``(id, text, metadata, sentence_ids)``,
    sentences as ``(id, text, metadata)``. Sentences are embedded once each (chunk
    overlap does not embed them twice); a chunk's vector is the normalized mean of its
    sentences' vectors.
    """
    import json

    from rag.chunking import split_sentences

    base = doc_metadata(doc)
    sents, by_start = [], {}
    spans = split_sentences(doc.body)
    for sp in spans:
        if not sp.citable:
            continue
        text = doc.body[sp.start:sp.end]
        sid = sentence_id(doc.id, sp.start, text)
        by_start[sp.start] = sid
        sents.append((sid, text, {"doc_id": doc.id, "start": sp.start, "end": sp.end, "kind": "body"}))
    chunks = []
    for c in chunk_document(doc, cfg.chunk_min_words, cfg.chunk_max_words, cfg.chunk_overlap_sentences, spans):
        meta = {**base, "chunk_no": c.chunk_no, "start": c.start, "end": c.end,
                "sentences": json.dumps(c.sentences), "kind": "body"}
        sids = [by_start[c.start + s] for s, _ in c.sentences if c.start + s in by_start]
        if sids:
            chunks.append((c.id, c.text, meta, sids))
    card = card_text(doc)
    if card:
        c = Chunk(doc.id, -1, card, -1, -1, [(0, len(card))])
        sid = f"{doc.id}:card:{c.content_hash}"
        sents.append((sid, card, {"doc_id": doc.id, "start": 0, "end": len(card), "kind": "metadata"}))
        meta = {**base, "chunk_no": -1, "start": -1, "end": -1, "sentences": json.dumps(c.sentences), "kind": "metadata"}
        chunks.append((f"{doc.id}:meta:{c.content_hash}", card, meta, [sid]))
    return chunks, sents


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

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "deleted": self.deleted, "unchanged": self.unchanged,
                "skipped": self.skipped, "embedded": self.embedded, "embedded_sentences": self.embedded_sentences,
                "removed_chunks": self.removed_chunks,
                "chunks": self.chunks, "seconds": round(self.seconds, 3), "collection": self.collection,
                "model": self.model}


def ingest(cfg: Config, embedder=None, progress: bool = True, client=None) -> IngestReport:
    t0 = time.perf_counter()
    loaded = load_corpus(cfg.corpus_dir)
    if not loaded.documents:
        why = f" ({len(loaded.skipped)} skipped: {loaded.skipped[0]})" if loaded.skipped else ""
        raise CorpusError(f"No articles to ingest in {cfg.corpus_dir}{why}. Add one with: rag corpus add FILE")
    if embedder is None:
        from rag.models import load_embedder, resolve

        model_id = resolve(cfg).id
        load = lambda: load_embedder(cfg)  # noqa: E731 - loading costs seconds; skip it when nothing changed
    else:
        model_id = embedder.id
        load = lambda: embedder  # noqa: E731
    index = Index(cfg, model_id, client=client)
    fresh = not index.exists()
    if not fresh:
        info = index.info()
        dim = info.dim
    else:
        embedder = load()
        dim = embedder.dim
        index.collection(create=True, dim=dim)
    existing = index.existing()
    index.sentences(create=True)
    existing_sents = index.sentence_ids()

    desired: dict[str, tuple[str, dict, list[str]]] = {}
    desired_sents: dict[str, tuple[str, dict]] = {}
    for doc in loaded.documents:
        chunks, sents = records(doc, cfg)
        for cid, text, meta, sids in chunks:
            desired[cid] = (text, meta, sids)
        for sid, text, meta in sents:
            desired_sents[sid] = (text, meta)

    rep = IngestReport(skipped=loaded.skipped, collection=index.name, model=model_id)
    old_by_doc: dict[str, set[str]] = {}
    for cid, meta in existing.items():
        old_by_doc.setdefault((meta or {}).get("doc_id", cid.split(":")[0]), set()).add(cid)
    new_by_doc: dict[str, set[str]] = {}
    for cid, (_, meta, _) in desired.items():
        new_by_doc.setdefault(meta["doc_id"], set()).add(cid)
    # A file that failed to load this time is not a deletion: keep its old chunks.
    skipped_ids = set(loaded.skipped_stems)
    for d, ids in sorted(new_by_doc.items()):
        if d not in old_by_doc:
            rep.added.append(d)
        elif old_by_doc[d] != ids:
            rep.updated.append(d)
        else:
            rep.unchanged.append(d)
    rep.deleted = sorted(d for d in old_by_doc if d not in new_by_doc and d not in skipped_ids)

    todo = [cid for cid in desired if cid not in existing]
    new_sents = [sid for sid in desired_sents if sid not in existing_sents]
    if todo or new_sents:
        import numpy as np
        from tqdm import tqdm

        if embedder is None:
            embedder = load()
        if dim and embedder.dim != dim:
            from rag.errors import ModelMismatch

            raise ModelMismatch(f"Index {index.name} holds {dim}-dim vectors but model {embedder.id!r} makes "
                                f"{embedder.dim}-dim ones. Run: rag index drop --model {cfg.model}, then rag ingest --model {cfg.model}")
        dim = embedder.dim
        vecs: dict[str, np.ndarray] = {}
        bar = tqdm(total=len(new_sents), desc=f"Embedding ({embedder.id})", unit="sentence",
                   disable=not progress or None, leave=False)
        # Longest first: batches of similar length waste less padding.
        order = sorted(new_sents, key=lambda i: -len(desired_sents[i][0]))
        step = max(cfg.batch_size * 8, 64)
        for i in range(0, len(order), step):
            ids = order[i:i + step]
            emb = embedder.embed_documents([desired_sents[x][0] for x in ids])
            index.upsert_sentences(ids, emb.tolist(), [desired_sents[x][0] for x in ids],
                                   [desired_sents[x][1] for x in ids])
            vecs.update(zip(ids, emb))
            rep.embedded_sentences += len(ids)
            bar.update(len(ids))
        bar.close()
        need = sorted({sid for cid in todo for sid in desired[cid][2] if sid not in vecs})
        if need:
            vecs.update({k: np.asarray(v, dtype=np.float32) for k, v in index.sentence_vectors(need).items()})
        for i in range(0, len(todo), 256):
            ids = todo[i:i + 256]
            mat = []
            for cid in ids:
                m = np.mean([vecs[sid] for sid in desired[cid][2]], axis=0)
                mat.append(m / (np.linalg.norm(m) or 1.0))
            index.upsert(ids, np.stack(mat).tolist(), [desired[c][0] for c in ids], [desired[c][1] for c in ids])
            rep.embedded += len(ids)
    stale = [cid for cid in existing if cid not in desired
             and (existing[cid] or {}).get("doc_id", cid.split(":")[0]) not in skipped_ids]
    index.delete(stale)
    rep.removed_chunks = len(stale)
    stale_sents = [sid for sid in existing_sents if sid not in desired_sents and sid.split(":")[0] not in skipped_ids]
    index.delete_sentences(stale_sents)
    # "Build time" is that of a full build, not of the last small update.
    full = fresh or (rep.embedded and rep.embedded == len(desired))
    build = {"build_seconds": round(time.perf_counter() - t0, 3)} if full else {}
    index.set_meta(corpus_hash=corpus_hash(loaded.documents), dim=int(dim), **build,
                   built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), model=model_id,
                   **chunk_settings(cfg))
    rep.chunks = index.collection().count()
    rep.seconds = time.perf_counter() - t0
    return rep
