"""Ingest's vector steps: the new sentences' vectors, then each chunk's as the mean of its sentences'.

Only sentences the index does not hold yet go through the model (longest first, so batches pad
less), unless an index of the older single-store layout already has their vectors. A chunk's
vector is the normalized mean of its sentences' vectors, so indexing costs one pass over the text
however much chunks overlap. Memory running out while loading or running the model is
``OutOfMemory``; a batch that ``rag.memneed`` finds cannot fit stops before it runs. ``rep`` is
the run's ``rag.ingest.IngestReport``; ``prog`` its ``Progress``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rag import memneed
from rag.errors import ModelMismatch, RagError
from rag.index import Index, legacy_vectors
from rag.progress import Progress


def embed_sentences(cfg, w: Index, sents: dict, have: tuple, emb: dict, fresh: bool, rep, prog) -> dict:
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
            vecs.update(zip(ids, _embed(emb, [sents[x][0] for x in ids], cfg.batch_size)))
            rep.embedded_sentences += len(ids)
            bar.update(len(ids))
        reused = [sid for sid in new if sid not in todo]
        bar.update(len(reused))
    for i in range(0, len(new), 1000):
        ids = new[i:i + 1000]
        w.upsert_sentences(ids, np.stack([vecs[x] for x in ids]).tolist(), [sents[x][0] for x in ids],
                           [sents[x][1] for x in ids])
    return vecs


def _embed(emb: dict, texts: list[str], batch_size: int) -> np.ndarray:
    embedder = emb["embedder"]
    need = memneed.check(embedder, texts, batch_size, emb.get("ran", 0))
    out = _memory_checked(lambda: np.asarray(embedder.embed_documents(texts), dtype=np.float32), batch_size)
    emb["ran"] = max(emb.get("ran", 0), need)
    return out


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


def write_chunks(w: Index, chunks: dict, vecs: dict, have: tuple, rep, prog: Progress) -> None:
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
