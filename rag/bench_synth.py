"""``rag bench`` synthetic corpora: recombined corpus sentences at N chunks, built, served and timed.

Sizes up to ``INGEST_LIMIT`` chunks are ingested for real (pysbd, chunking, Chroma), with
the model's vectors reused from the real corpus (``MeteredEmbedder(reuse=True)``); larger
sizes replicate the largest ingested store (``rag.bench_replicate``), so their retrieval latency
is real while the model is not run 100k times. Each size is then served by a fresh child process
(``rag.bench_probe``) and compared with the LangChain recipe over the same documents, up to
``RECIPE_LIMIT`` chunks (above it the recipe's in-memory build would take hours).

With ``chroma_url`` set (``RAG_CHROMA_URL``, ``--chroma-url``) the synthetic stores are built on that
``chroma run`` server, one size at a time (an ingested size starts from an empty server), and the
server's memory is recorded after each size; the real corpus stays in its own embedded store.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import replace

from rag.bench_util import BenchRun, MeteredEmbedder, ratio, server_memory
from rag.errors import RagError

INGEST_LIMIT = 20_000  # chunks; larger sizes are replicated from the largest ingested store
RECIPE_LIMIT = 200_000  # chunks; above this the recipe is not run (its in-memory build would take hours)


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


def _base_store(run: BenchRun, n: int, sents: list[str], cpw: float, bcfg, thr: dict) -> tuple[dict, tuple]:
    """An ingested store of ``n`` chunks to copy from when the first size asked for is above the ingest limit.

    Ingesting 100k chunks for real (pysbd, chunking, Chroma writes) took over 20 minutes on this machine;
    copying a 10k store takes a few. The base is not a reported size: its row only records what it cost.
    """
    if bcfg.chroma_url:
        from rag.bench_replicate import drop_server_indexes

        drop_server_indexes(bcfg)
    from rag.bench_replicate import index_manifests

    row, sdocs = _ingest_size(run, n, sents, cpw, bcfg, thr)
    return ({"base_chunks": row["chunks"], "base_ingest_s": row["ingest_s"]},
            (row["chunks"], sdocs, bcfg, index_manifests(bcfg)))


def _replicate_size(run: BenchRun, n: int, ingested: tuple, scfg) -> tuple[dict, list]:
    base_chunks, base_docs, base_cfg, manifests = ingested
    copies = max(1, round(n / base_chunks))
    from rag.bench_replicate import replicate_store
    from rag.index import Index
    from rag.reader_files import save_readers

    def finish(store, gen, m, records, sentences):
        save_readers(Index(scfg, m.model, generation=gen, store=store), m, records, sentences)

    t = time.perf_counter()
    rs = replicate_store(base_cfg, manifests, scfg, copies, run.progress.enabled, finish)
    sdocs = [replace(d, id=f"{d.id}-r{r}") for r in range(copies) for d in base_docs]
    row = {"built_by": f"{copies} copies of the {base_chunks}-chunk store (vectors perturbed)",
           "documents": len(sdocs), "chunks": base_chunks * copies, "build_s": round(time.perf_counter() - t, 1),
           "store_write_s": rs["seconds"], "store_rows_per_s": round(rs["rows_written"] / max(rs["seconds"], 1e-9)),
           "chunk_rows_per_s": round(rs["chunk_rows"] / max(rs["chunk_seconds"], 1e-9)),
           "sentence_rows_in_store": rs["sentence_rows_in_store"],
           "sentence_vectors": "sidecar only" if not rs["sentence_rows_in_store"] else "store and sidecar"}
    return row, sdocs


def _serve_size(run: BenchRun, n: int, row: dict, sdocs: list, scfg, recipe_limit: int = RECIPE_LIMIT) -> None:
    """Our pipeline in a fresh process, then the recipe over the same documents; fills ``row``."""
    from rag.bench_probe import run_probe
    from rag.bench_real import recipe_latency
    from rag.lc import Recipe

    cfg = run.cfg
    env = {**run.env, "RAG_INDEX_DIR": str(scfg.index_dir)}
    if scfg.chroma_url:
        env["RAG_CHROMA_URL"] = scfg.chroma_url
    row["ours"] = run_probe({"index_dir": str(scfg.index_dir), "corpus_dir": str(scfg.corpus_dir), "model": cfg.model,
                             "models_dir": str(cfg.models_dir), "questions": run.questions}, env, run.progress)
    if n > recipe_limit:
        row["recipe"] = {"not_run": f"above RECIPE_LIMIT ({recipe_limit} chunks): its in-memory build would take hours"}
        return
    run.progress.note("recipe: building")
    t = time.perf_counter()
    recipe = Recipe(sdocs, MeteredEmbedder(run.inner, memo=run.memo, reuse=True), name=f"bench-recipe-{n}")
    rb = time.perf_counter() - t
    run.progress.note("recipe: timing")
    row["recipe"] = {"chunks": len(recipe.chunks), "build_s_vectors_reused": round(rb, 2),
                     **recipe_latency(recipe, run.inner, run.questions)}
    run.progress.note("ours and the recipe, interleaved")
    row["interleaved"] = il = _interleaved(run, scfg, recipe)
    o, r = row["ours"], row["recipe"]
    fresh = {p: ratio(il["answer_fresh"][p], il["recipe_fresh"][p]) for p in ("p50_ms", "p95_ms")}
    row["ratios"] = {"interleaved answer_fresh/recipe_fresh_p50": fresh["p50_ms"],
                     "interleaved answer_fresh/recipe_fresh_p95": fresh["p95_ms"],
                     "answer_cached/recipe_cached_p95": ratio(o["answer_cached"]["p95_ms"], r["search_cached"]["p95_ms"]),
                     "answer_fresh/recipe_fresh_p95": ratio(o["answer_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"]),
                     "retrieval_fresh/recipe_fresh_p95": ratio(o["retrieval_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"])}


def _interleaved(run: BenchRun, scfg, recipe) -> dict:
    """Ours (loaded in this process too) and the recipe question by question, as on the real corpus: the child
    probe and the recipe run minutes apart, and a busy machine's load then lands on one side only."""
    from rag.bench_real import interleaved
    from rag.pipeline import Pipeline

    return interleaved(Pipeline(scfg, embedder=run.inner, check_stale=False), recipe, run.inner, run.questions,
                       run.cfg.k)


def synthetic_sizes(run: BenchRun, sizes: list[int], thr: dict, ingest_limit: int = INGEST_LIMIT,
                    recipe_limit: int = RECIPE_LIMIT) -> list[dict]:
    """Build, serve and time each size; a failed probe is reported in its row, the run goes on. Each row
    is also written to ``<work>/sizes-partial.json`` as soon as it is measured (a long run cut short keeps them)."""
    from rag.bench_replicate import drop_server_indexes, index_manifests

    sents = corpus_sentences(run.docs)
    cpw = chunks_per_word(sents, run.cfg)
    out, ingested, url = [], None, run.cfg.chroma_url
    for n in sizes:
        sdir = run.work / f"synth-{n}"
        scfg = replace(run.cfg, index_dir=sdir / "index", corpus_dir=sdir / "corpus", chroma_url=url)
        with run.progress.stage(f"synthetic {n}: build"):
            base = {}
            if n > ingest_limit and ingested is None:  # `--sizes 100000` alone: copy a base, as after a smaller size
                bdir = run.work / "synth-base"
                bcfg = replace(scfg, index_dir=bdir / "index", corpus_dir=bdir / "corpus")
                base, ingested = _base_store(run, ingest_limit // 2, sents, cpw, bcfg, thr)
            if n <= ingest_limit:
                if url:
                    drop_server_indexes(scfg)  # one index on the server: this size's
                row, sdocs = _ingest_size(run, n, sents, cpw, scfg, thr)
                ingested = (row["chunks"], sdocs, scfg, index_manifests(scfg))
            else:
                row, sdocs = _replicate_size(run, n, ingested, scfg)
                row.update(base)
        row = {"target_chunks": n, "store": "chroma server" if url else "embedded", **row}
        if url:
            row["server_after_build"] = server_memory(url)
        with run.progress.stage(f"synthetic {n}: queries"):
            try:
                _serve_size(run, n, row, sdocs, scfg, recipe_limit)
            except RagError as e:  # keep what was measured so far; say what failed
                row["error"] = str(e)
        if url:
            row["server_after_queries"] = server_memory(url)
        out.append(row)
        (run.work / "sizes-partial.json").write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return out
