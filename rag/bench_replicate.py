"""``rag bench``: synthetic stores above ``INGEST_LIMIT`` chunks, made by copying an ingested one.

Each copy renames every id and doc id (``doc`` → ``doc-r<R>``) and perturbs the vectors of every copy
but the first (cosine ≈ 0.99), as reused vectors are. The copies go wherever the destination config
points: embedded folders under ``index_dir``, or a new generation of the same index on a
``chroma run`` server (``chroma_url``), whose readers' folder is then local (``rag.server_store``).

Above ``SIDECAR_ONLY_ABOVE`` chunks the sentence rows are not written to the store at all: their
vectors go only into the generation's sidecar (``sentence_vectors.npy``, memory-mapped by readers),
which is all a reader with the sidecar searches (the chunk HNSW gives the candidates, their
sentences' vectors are read from the file). On a server that is what makes 1M chunks buildable:
it took ~2 ms of server CPU and ~2 KB of server RAM per row, and 1M chunks have ~5M sentences.
A reader without the sidecar would search an empty sentence collection: the bench always writes it.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.bench_util import NOISE

SIDECAR_ONLY_ABOVE = 20_000  # chunks: larger copies keep their sentence vectors in the sidecar only
PAGE = 5000  # rows per Chroma get and upsert


def renamed(cid: str, meta: dict | None, r: int) -> tuple[str, dict]:
    """The id and metadata of row ``cid`` in copy ``r``.

    >>> renamed("pact:3:ab", {"doc_id": "pact"}, 2)
    ('pact-r2:3:ab', {'doc_id': 'pact-r2'})
    """
    m = dict(meta or {})
    d = m.get("doc_id", "")
    if not d:
        return f"r{r}~{cid}", m
    m["doc_id"] = f"{d}-r{r}"
    return (m["doc_id"] + cid[len(d):] if cid.startswith(d + ":") else f"r{r}~{cid}"), m


def perturbed(vecs: np.ndarray, r: int, seed: int) -> np.ndarray:
    """Copy 0 keeps its vectors; copy ``r`` > 0 gets unit vectors at cosine ≈ 1 - NOISE²/2 to them."""
    if not r:
        return vecs
    rng = np.random.default_rng(r * 7919 + seed)
    noise = rng.standard_normal(vecs.shape).astype(np.float32)
    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    out = vecs + noise
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def read_all(col) -> dict:
    """Every row of a collection: ids, embeddings (one float32 matrix), documents, metadatas."""
    out = {"ids": [], "embeddings": [], "documents": [], "metadatas": []}
    for off in range(0, col.count(), PAGE):
        got = col.get(include=["embeddings", "documents", "metadatas"], limit=PAGE, offset=off)
        out["ids"] += got["ids"]
        out["embeddings"].append(np.asarray(got["embeddings"], dtype=np.float32))
        out["documents"] += got["documents"]
        out["metadatas"] += got["metadatas"]
    out["embeddings"] = np.concatenate(out["embeddings"]) if out["embeddings"] else np.zeros((0, 0), np.float32)
    return out


def copy_pages(rows: dict, copies: int):
    """``(ids, vectors, documents, metadatas)`` of every copy of ``rows``, a page at a time."""
    for r in range(copies):
        for off in range(0, len(rows["ids"]), PAGE):
            named = [renamed(cid, m, r) for cid, m in zip(rows["ids"][off:off + PAGE], rows["metadatas"][off:off + PAGE])]
            yield ([i for i, _ in named], perturbed(rows["embeddings"][off:off + PAGE], r, off),
                   rows["documents"][off:off + PAGE], [m for _, m in named])


def _collection(client, name: str):
    """The destination collection, as ``rag.index`` makes them (a server's ``begin`` has made it already)."""
    if name in {getattr(c, "name", c) for c in client.list_collections()}:
        return client.get_collection(name, embedding_function=None)
    return client.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})


def _write(col, rows: dict, copies: int, label: str, progress: bool) -> tuple[dict, int]:
    """Upsert every copy of ``rows`` into ``col``; the chunk records (ids in id order, documents, metadatas)."""
    from tqdm import tqdm

    from rag.index import id_order

    recs = {"ids": [], "documents": [], "metadatas": []}
    bar = tqdm(total=len(rows["ids"]) * copies, desc=f"writing {label}", unit="row", leave=False,
               disable=not progress or None)
    for ids, vecs, docs, metas in copy_pages(rows, copies):
        col.upsert(ids=ids, embeddings=vecs, documents=docs, metadatas=metas)
        recs["ids"] += ids
        recs["documents"] += docs
        recs["metadatas"] += metas
        bar.update(len(ids))
    bar.close()
    order = id_order(recs["ids"])
    return {k: [v[i] for i in order] for k, v in recs.items()}, len(recs["ids"])


def replicate_store(src_cfg, manifests: dict, dst_cfg, copies: int, progress: bool = True, finish=None,
                    sidecar_only: bool | None = None) -> dict:
    """Copy each index of ``manifests`` (name -> the generation to copy, in ``src_cfg``'s store) ``copies``
    times into ``dst_cfg``'s store, as one published generation each. ``finish(store, generation, manifest,
    records, sentences)`` runs on each before it is sealed (the bench saves BM25, the Lexicon and the
    sidecar there, as an ingest does): ``records`` are the chunks written, ``sentences`` the sentence ids
    and a callable giving their ``(ids, vectors)`` pages. ``sidecar_only`` (default: above
    ``SIDECAR_ONLY_ABOVE`` chunks) leaves the sentence rows out of the store.

    Returns rows written, seconds, and the chunk rows written and their seconds (the store's write rate).
    """
    from rag.index import open_store

    out = {"rows_written": 0, "seconds": 0.0, "chunk_rows": 0, "chunk_seconds": 0.0, "sentence_rows_in_store": 0}
    for name, m in manifests.items():
        s_store, d_store = open_store(src_cfg, name), open_store(dst_cfg, name)
        src = s_store.client(m.generation)
        c_name, s_name = s_store.collection_names(m.generation)
        chunks = read_all(src.get_collection(c_name, embedding_function=None))
        sents = read_all(src.get_collection(s_name, embedding_function=None))
        only = sidecar_only if sidecar_only is not None else m.chunks * copies > SIDECAR_ONLY_ABOVE
        gen = d_store.begin(None)
        dst, (dc_name, ds_name) = d_store.client(gen), d_store.collection_names(gen)
        t0 = time.perf_counter()
        recs, n = _write(_collection(dst, dc_name), chunks, copies, "chunks", progress)
        out["chunk_rows"] += n
        out["chunk_seconds"] += time.perf_counter() - t0
        s_col = _collection(dst, ds_name)  # made even when left empty: readers open it
        ns = 0 if only else _write(s_col, sents, copies, "sentences", progress)[1]
        out["sentence_rows_in_store"] += ns
        out["rows_written"] += n + ns
        out["seconds"] += time.perf_counter() - t0
        rm = replace(m, generation=gen, chunks=m.chunks * copies, sentences=m.sentences * copies,
                     docs={f"{d}-r{r}": e for d, e in m.docs.items() for r in range(copies)})
        if finish is not None:
            sids = [renamed(cid, meta, r)[0] for r in range(copies) for cid, meta in zip(sents["ids"], sents["metadatas"])]
            pages = lambda rows=sents: ((ids, vecs) for ids, vecs, _, _ in copy_pages(rows, copies))  # noqa: E731
            finish(d_store, gen, rm, recs, (sids, pages))
        d_store.seal(gen)
        d_store.publish(rm)
        s_store.close(m.generation)
    out["seconds"], out["chunk_seconds"] = round(out["seconds"], 2), round(out["chunk_seconds"], 2)
    return out


def index_manifests(cfg) -> dict:
    """The published indexes of ``cfg``'s store (embedded folders, or a Chroma server): name -> manifest."""
    if cfg.chroma_url:
        from rag.index import connect
        from rag.server_store import server_indexes

        return server_indexes(connect(cfg))
    from rag.generations import embedded_indexes

    return embedded_indexes(Path(cfg.index_dir))


def drop_server_indexes(cfg) -> None:
    """Remove every index from ``cfg``'s Chroma server (an ingested size starts from an empty server)."""
    from rag.index import open_store

    for name in index_manifests(cfg):
        open_store(cfg, name).drop()
