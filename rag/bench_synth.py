"""``rag bench`` synthetic corpora: recombined corpus sentences at N chunks, built, served and timed.

Sizes up to ``INGEST_LIMIT`` chunks are ingested for real (pysbd, chunking, Chroma), with
the model's vectors reused from the real corpus (``MeteredEmbedder(reuse=True)``); larger
sizes replicate the largest ingested store, so their retrieval latency is real while the
model is not run 100k times. Each size is then served by a fresh child process
(``rag.bench_probe``) and compared with the LangChain recipe over the same documents.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.bench_util import NOISE, BenchRun, MeteredEmbedder, ratio
from rag.errors import RagError

INGEST_LIMIT = 20_000  # chunks; larger sizes are replicated from the largest ingested store


def corpus_sentences(docs) -> list[str]:
    from rag.chunking import split_sentences

    out = []
    for d in docs:
        out += [d.body[s.start:s.end] for s in split_sentences(d.body) if s.citable]
    return out


def synth_documents(sentences: list[str], n_chunks: int, chunks_per_word: float, seed: int = 7):
    """Synthetic articles of recombined corpus sentences, about ``n_chunks`` chunks in all.

    Title only (no outlet, authors or date), so they carry no metadata card.
    """
    from rag.schema import Document

    rng = random.Random(seed)
    words_needed = n_chunks / chunks_per_word
    docs, words, i = [], 0, 0
    while words < words_needed:
        target = rng.randint(400, 1600)
        paras, n = [], 0
        while n < target:
            para = [rng.choice(sentences) for _ in range(rng.randint(2, 5))]
            n += sum(len(s.split()) for s in para)
            paras.append(" ".join(para))
        i += 1
        docs.append(Document(id=f"synth-{i:06d}", title=f"Synthetic article {i}", body="\n\n".join(paras)))
        words += n
    return docs


def replicate_store(src_dir: Path, dst_dir: Path, copies: int, progress: bool = True, finish=None) -> dict:
    """Copy every index in ``src_dir`` into ``dst_dir`` ``copies`` times, ids and doc ids renamed,
    as one published generation each (see ``rag.generations``). ``finish(store, generation, manifest)``
    runs on each copy before it is sealed (the bench saves its BM25, Lexicon and sidecar there, as an ingest does).

    Copy 0 keeps the vectors; later copies are perturbed (cosine ≈ 0.99), as reused vectors are.
    """
    from dataclasses import replace as _replace

    from rag.generations import EmbeddedStore, embedded_indexes

    out = {"rows_written": 0, "seconds": 0.0}
    for name, m in embedded_indexes(src_dir).items():
        s_store, d_store = EmbeddedStore(src_dir, name), EmbeddedStore(dst_dir, name)
        gen = d_store.begin(None)
        got = _replicate_collections(s_store.client(m.generation), d_store.client(gen), copies, progress)
        rm = _replace(m, generation=gen, chunks=m.chunks * copies, sentences=m.sentences * copies,
                      docs={f"{d}-r{r}": e for d, e in m.docs.items() for r in range(copies)})
        if finish is not None:
            finish(d_store, gen, rm)
        d_store.seal(gen)
        d_store.publish(rm)
        s_store.close(m.generation)
        out = {k: out[k] + got[k] for k in out}
    return out


def _replicate_collections(src, dst, copies: int, progress: bool = True) -> dict:
    from tqdm import tqdm

    batch = min(5000, dst.get_max_batch_size())
    rows = 0
    t0 = time.perf_counter()
    for c in src.list_collections():
        name = getattr(c, "name", c)
        col = src.get_collection(name, embedding_function=None)
        total = col.count()
        meta = {k: v for k, v in (col.metadata or {}).items() if not k.startswith("hnsw:")}
        out = dst.get_or_create_collection(name, metadata=meta or None, embedding_function=None,
                                           configuration={"hnsw": {"space": "cosine"}})  # as rag.index makes them
        bar = tqdm(total=total * copies, desc=f"replicating {name}", unit="row", leave=False,
                   disable=not progress or None)
        for off in range(0, total, batch):
            got = col.get(include=["embeddings", "documents", "metadatas"], limit=batch, offset=off)
            emb = np.asarray(got["embeddings"], dtype=np.float32)
            for r in range(copies):
                ids, metas = [], []
                for cid, m in zip(got["ids"], got["metadatas"]):
                    m = dict(m or {})
                    d = m.get("doc_id", "")
                    new_doc = f"{d}-r{r}" if d else ""
                    ids.append(new_doc + cid[len(d):] if d and cid.startswith(d + ":") else f"r{r}~{cid}")
                    if d:
                        m["doc_id"] = new_doc
                    metas.append(m)
                vec = emb
                if r:
                    rng = np.random.default_rng(r * 7919 + off)
                    noise = rng.standard_normal(emb.shape).astype(np.float32)
                    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
                    vec = emb + noise
                    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
                out.upsert(ids=ids, embeddings=vec, documents=got["documents"], metadatas=metas)
                rows += len(ids)
                bar.update(len(ids))
        bar.close()
    return {"rows_written": rows, "seconds": round(time.perf_counter() - t0, 2)}



def chunks_per_word(sentences: list[str], cfg) -> float:
    """Chunks per word of synthetic text, calibrated on a few synthetic articles."""
    from rag.chunking import chunk_document

    calib = synth_documents(sentences, 60, 1 / 100, seed=3)
    n = sum(len(chunk_document(d, cfg.chunk_min_words, cfg.chunk_max_words, cfg.chunk_overlap_sentences)) for d in calib)
    return n / sum(len(d.body.split()) for d in calib)


def _ingest_size(run: BenchRun, n: int, sents: list[str], cpw: float, scfg, thr: dict) -> tuple[dict, list]:
    from rag.corpus import save
    from rag.ingest import ingest

    sdocs = synth_documents(sents, n, cpw)
    for d in sdocs:
        save(d, scfg.corpus_dir, overwrite=True)
    reuse = MeteredEmbedder(run.inner, memo=run.memo, reuse=True)
    srep = ingest(scfg, embedder=reuse, progress=run.progress.enabled)
    row = {"built_by": "ingest (vectors reused)", "documents": len(sdocs), "chunks": srep.chunks,
           "ingest_s": round(srep.seconds, 2), "chunks_per_s_vectors_reused": round(srep.chunks / srep.seconds, 1),
           "texts_reused": reuse.reused, "texts_approximated": reuse.approximated}
    # the same ingest if every text had gone through the model at the measured rate
    for b in thr:
        model_s = (reuse.reused + reuse.approximated) / thr[b]["texts_per_s"]
        row[f"projected_chunks_per_s_{b}"] = round(srep.chunks / (srep.seconds + model_s), 1)
    return row, sdocs


def _replicate_size(run: BenchRun, n: int, ingested: tuple, scfg) -> tuple[dict, list]:
    base_chunks, base_dir, base_docs = ingested
    copies = max(1, round(n / base_chunks))
    from rag.index import Index
    from rag.reader_files import save_readers

    def finish(store, gen, m):
        save_readers(Index(scfg, m.model, generation=gen, store=store), m)

    rs = replicate_store(base_dir / "index", scfg.index_dir, copies, run.progress.enabled, finish)
    sdocs = [replace(d, id=f"{d.id}-r{r}") for r in range(copies) for d in base_docs]
    row = {"built_by": f"{copies} copies of the {base_chunks}-chunk store (vectors perturbed)",
           "documents": len(sdocs), "chunks": base_chunks * copies, "store_write_s": rs["seconds"],
           "store_rows_per_s": round(rs["rows_written"] / max(rs["seconds"], 1e-9))}
    return row, sdocs


def _serve_size(run: BenchRun, n: int, row: dict, sdocs: list, scfg) -> None:
    """Our pipeline in a fresh process, then the recipe over the same documents; fills ``row``."""
    from rag.bench_probe import run_probe
    from rag.bench_real import recipe_latency
    from rag.lc import Recipe

    cfg = run.cfg
    env = {**run.env, "RAG_INDEX_DIR": str(scfg.index_dir)}
    row["ours"] = run_probe({"index_dir": str(scfg.index_dir), "corpus_dir": str(scfg.corpus_dir), "model": cfg.model,
                             "models_dir": str(cfg.models_dir), "questions": run.questions}, env, run.progress)
    run.progress.note("recipe: building")
    t = time.perf_counter()
    recipe = Recipe(sdocs, MeteredEmbedder(run.inner, memo=run.memo, reuse=True), name=f"bench-recipe-{n}")
    rb = time.perf_counter() - t
    run.progress.note("recipe: timing")
    row["recipe"] = {"chunks": len(recipe.chunks), "build_s_vectors_reused": round(rb, 2),
                     **recipe_latency(recipe, run.inner, run.questions)}
    o, r = row["ours"], row["recipe"]
    row["ratios"] = {"answer_cached/recipe_cached_p95": ratio(o["answer_cached"]["p95_ms"], r["search_cached"]["p95_ms"]),
                     "answer_fresh/recipe_fresh_p95": ratio(o["answer_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"]),
                     "retrieval_fresh/recipe_fresh_p95": ratio(o["retrieval_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"])}


def synthetic_sizes(run: BenchRun, sizes: list[int], thr: dict, ingest_limit: int = INGEST_LIMIT) -> list[dict]:
    """Build, serve and time each size; a failed probe is reported in its row, the run goes on."""
    sents = corpus_sentences(run.docs)
    cpw = chunks_per_word(sents, run.cfg)
    out, ingested = [], None
    for n in sizes:
        sdir = run.work / f"synth-{n}"
        scfg = replace(run.cfg, index_dir=sdir / "index", corpus_dir=sdir / "corpus", chroma_url="")
        with run.progress.stage(f"synthetic {n}: build"):
            if n <= ingest_limit or ingested is None:
                row, sdocs = _ingest_size(run, n, sents, cpw, scfg, thr)
                ingested = (row["chunks"], sdir, sdocs)
            else:
                row, sdocs = _replicate_size(run, n, ingested, scfg)
        row = {"target_chunks": n, **row}
        with run.progress.stage(f"synthetic {n}: queries"):
            try:
                _serve_size(run, n, row, sdocs, scfg)
            except RagError as e:  # keep what was measured so far; say what failed
                row["error"] = str(e)
        out.append(row)
    return out
