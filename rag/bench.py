"""``rag bench``: ingest throughput, warm latency, cold start and memory, against the LangChain recipe.

Everything runs on this machine in one go, in a temp work dir: the real index
(``index/``) is never touched. Stages:

1. the real corpus, ingested from scratch and then again unchanged (re-ingest);
2. model throughput on a sample of synthetic sentences, per backend (torch, ONNX);
3. synthetic corpora of about N chunks: corpus sentences sampled and recombined into
   synthetic articles (``synth-*``), ingested into their own Chroma store. Their
   sentences are the corpus's own, so their vectors are the real model's vectors of
   those texts, reused (the first embedding of a text is memoized, and each copy gets
   a small perturbation so HNSW is not fed exact duplicates); the model's cost is
   measured separately in stage 2. Sizes above ``INGEST_LIMIT`` chunks are built by
   replicating the largest ingested store (vectors perturbed again), so their
   retrieval latency is real while pysbd and the model are not run 100k times;
4. at each size, a fresh child process loads the Pipeline and answers the questions:
   load time, first answer, warm p50/p95 (repeated question: cached query vector),
   fresh-question p50/p95 (cache cleared), retrieval alone, peak RSS;
5. the standard recipe (``rag.lc.Recipe``) over the same documents and questions;
6. cold start: ``rag ask`` from process start to answer, ``rag serve`` to page ready.

Ratios are ours/recipe, so a noisy machine moves both sides alike.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.config import Config
from rag.errors import RagError

INGEST_LIMIT = 20_000  # chunks; larger sizes are replicated from the largest ingested store
NOISE = 0.15  # norm of the perturbation added to a reused vector (cosine to the original ≈ 0.99)
FALLBACK_QUESTIONS = ["When was the STA first signed?", "For how many years was the STA renewed in December 2024?",
                      "Which fields does the agreement cover?", "What changed in the 2024 renewal?",
                      "Who signed the original agreement?", "What are the concerns about the agreement?"]


# --- small helpers ------------------------------------------------------------

def pct(xs: list[float], p: float) -> float:
    from rag.evaluation import percentile

    return round(percentile(xs, p), 2)


def lat(xs: list[float]) -> dict:
    return {"p50_ms": pct(xs, 50), "p95_ms": pct(xs, 95), "n": len(xs)}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if a and b else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a live process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1) if pid == "self" else 0.0


def clear_query_cache(embedder) -> None:
    cache = getattr(embedder, "_cache", None)
    if cache is not None:
        cache._d.clear()


def token_counter(embedder):
    """A function texts -> model tokens (words for models without a tokenizer)."""
    tok = getattr(embedder, "tokenizer", None)
    if tok is not None and hasattr(tok, "encode_batch"):  # tokenizers.Tokenizer (ONNX backend)
        return lambda texts: sum(len(e.ids) for e in tok.encode_batch(list(texts)))
    model = getattr(embedder, "model", None)
    tok = getattr(model, "tokenizer", None)
    if tok is not None:
        return lambda texts: sum(len(x) for x in tok(list(texts), truncation=False)["input_ids"])
    return lambda texts: sum(len(t.split()) for t in texts)


def load_questions(path: Path, n: int) -> list[str]:
    qs = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                qs.append(json.loads(line)["question"])
    qs = qs or FALLBACK_QUESTIONS
    return [qs[i % len(qs)] for i in range(n)] if n > len(qs) else qs[:n]


# --- embedders that count, and reuse vectors --------------------------------

class MeteredEmbedder:
    """Wraps an embedder: counts texts, tokens and seconds spent in the model.

    With ``reuse=True`` a text embedded before gets its memoized vector plus a
    small deterministic perturbation (counted as ``reused``); a text never seen is
    approximated by the mean of the memoized sentences it contains (``approximated``),
    so a synthetic corpus never waits on the model.
    """

    def __init__(self, inner, memo: dict | None = None, reuse: bool = False):
        self.inner, self.id, self.dim = inner, inner.id, inner.dim
        self.memo = memo if memo is not None else {}
        self.reuse = reuse
        self.count_tokens = token_counter(inner)
        self.texts = self.tokens = self.reused = self.approximated = 0
        self.seconds = 0.0
        self._seen: dict[str, int] = {}
        self._approx_cache: dict[str, np.ndarray] = {}

    def _perturb(self, v: np.ndarray, key: str) -> np.ndarray:
        n = self._seen.get(key, 0)
        self._seen[key] = n + 1
        seed = int.from_bytes(hashlib.md5(f"{key}\x00{n}".encode()).digest()[:4], "little")
        noise = np.random.default_rng(seed).standard_normal(v.shape[0]).astype(np.float32)
        w = v + NOISE * noise / np.linalg.norm(noise)
        return w / np.linalg.norm(w)

    def _approx(self, text: str) -> np.ndarray:
        base = self._approx_cache.get(text)
        if base is None:
            # the memoized sentences inside this text (a window, a merged sentence), else the one it is part of
            parts = ([v for s, v in self.memo.items() if len(s) > 20 and s in text]
                     or [v for s, v in self.memo.items() if len(text) > 20 and text in s])
            if parts:
                m = np.mean(parts, axis=0)
            else:
                rng = np.random.default_rng(int.from_bytes(hashlib.md5(text.encode()).digest()[:4], "little"))
                m = rng.standard_normal(self.dim).astype(np.float32)
            base = self._approx_cache[text] = (m / np.linalg.norm(m)).astype(np.float32)
        return self._perturb(base, text)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if not self.reuse:
            t0 = time.perf_counter()
            out = self.inner.embed_documents(texts)
            self.seconds += time.perf_counter() - t0
            self.texts += len(texts)
            self.tokens += self.count_tokens(texts)
            for t, v in zip(texts, out):
                self.memo.setdefault(t, np.asarray(v, dtype=np.float32))
            return out
        rows = []
        for t in texts:
            if t in self.memo:
                rows.append(self._perturb(self.memo[t], t))
                self.reused += 1
            else:
                rows.append(self._approx(t))
                self.approximated += 1
        return np.stack(rows) if rows else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


# --- synthetic corpora ----------------------------------------------------------

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


def replicate_store(src_dir: Path, dst_dir: Path, copies: int, progress: bool = True) -> dict:
    """Copy every index in ``src_dir`` into ``dst_dir`` ``copies`` times, ids and doc ids renamed,
    as one published generation each (see ``rag.generations``).

    Copy 0 keeps the vectors; later copies are perturbed (cosine ≈ 0.99), as reused vectors are.
    """
    from dataclasses import replace as _replace

    from rag.generations import EmbeddedStore, embedded_indexes

    out = {"rows_written": 0, "seconds": 0.0}
    for name, m in embedded_indexes(src_dir).items():
        s_store, d_store = EmbeddedStore(src_dir, name), EmbeddedStore(dst_dir, name)
        gen = d_store.begin(None)
        got = _replicate_collections(s_store.client(m.generation), d_store.client(gen), copies, progress)
        d_store.seal(gen)
        d_store.publish(_replace(m, generation=gen, chunks=m.chunks * copies, sentences=m.sentences * copies,
                                 docs={f"{d}-r{r}": e for d, e in m.docs.items() for r in range(copies)}))
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


# --- the serving probe (a child process per measurement) -------------------------

def probe(spec: dict) -> dict:
    """Load a Pipeline as a chat server would, answer, time. Runs in a fresh child process."""
    import psutil

    started = psutil.Process().create_time()
    from rag.config import load_config
    from rag.pipeline import Pipeline

    cfg = load_config(index_dir=spec["index_dir"], corpus_dir=spec["corpus_dir"], model=spec["model"],
                      models_dir=spec.get("models_dir"))
    t0 = time.perf_counter()
    if spec.get("backend") == "onnx":
        from rag.embedding import OnnxEmbedder
        from rag.models import REGISTRY, resolve

        rm = resolve(cfg)
        s = REGISTRY.get(cfg.model)
        emb = OnnxEmbedder(rm.id, rm.location, cfg.models_dir, max_seq_length=s.max_seq_length if s else None,
                           batch_size=cfg.batch_size)
    else:
        from rag.models import load_embedder

        emb = load_embedder(cfg)
    model_s = time.perf_counter() - t0
    pipe = Pipeline(cfg, embedder=emb, check_stale=False)
    load_s = time.perf_counter() - t0
    qs, k = spec["questions"], cfg.k
    first = pipe.ask(qs[0])
    first_answer_s = time.time() - started
    res = {"model_load_s": round(model_s, 2), "pipeline_load_s": round(load_s, 2),
           "first_answer_s": round(first_answer_s, 2), "chunks": pipe.info.chunks,
           "first_answer_abstained": first.abstained}
    for q in qs:  # warm-up: lazy imports, caches, the query vectors
        pipe.ask(q)
    full, retr, fresh_full, fresh_retr = [], [], [], []
    for q in qs:
        t = time.perf_counter()
        pipe.ask(q)
        full.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        pipe.retriever.search(pipe.understand(q), k)
        retr.append((time.perf_counter() - t) * 1000)
    for q in qs:
        clear_query_cache(emb)
        t = time.perf_counter()
        pipe.ask(q)
        fresh_full.append((time.perf_counter() - t) * 1000)
        clear_query_cache(emb)
        t = time.perf_counter()
        pipe.retriever.search(pipe.understand(q), k)
        fresh_retr.append((time.perf_counter() - t) * 1000)
    res.update({"answer_cached": lat(full), "retrieval_cached": lat(retr), "answer_fresh": lat(fresh_full),
                "retrieval_fresh": lat(fresh_retr), "peak_rss_mb": peak_rss_mb()})
    return res


def _probe_main() -> None:
    spec = json.loads(sys.argv[1])
    print("PROBE " + json.dumps(probe(spec)), flush=True)


def run_probe(spec: dict, env: dict, timeout: float = 1800) -> dict:
    code = "from rag.bench import _probe_main; _probe_main()"
    p = subprocess.run([sys.executable, "-c", code, json.dumps(spec)], env=env, capture_output=True, text=True,
                       timeout=timeout)
    for line in p.stdout.splitlines():
        if line.startswith("PROBE "):
            return json.loads(line[6:])
    raise RagError(f"bench probe failed (status {p.returncode}): {(p.stderr.strip().splitlines() or ['?'])[-1]}")


# --- recipe side ----------------------------------------------------------------

def recipe_latency(recipe, embedder, questions: list[str]) -> dict:
    for q in questions:
        recipe.search(q, k=4)
    cached, fresh = [], []
    for q in questions:
        t = time.perf_counter()
        recipe.search(q, k=4)
        cached.append((time.perf_counter() - t) * 1000)
    for q in questions:
        clear_query_cache(embedder)
        t = time.perf_counter()
        recipe.search(q, k=4)
        fresh.append((time.perf_counter() - t) * 1000)
    return {"search_cached": lat(cached), "search_fresh": lat(fresh)}


def recipe_at_scale(docs, embedder, name: str):
    """``rag.lc.Recipe`` over many documents: the same split and store, added in batches.

    ``Recipe`` hands all chunks to Chroma in one call, which Chroma refuses above its
    max batch size (5461 here); the bench fills the store the same way, in batches.
    """
    from langchain_core.documents import Document as LCDocument

    from rag.lc import Recipe, recipe_split

    chunks = recipe_split(docs)
    if len(chunks) <= 5000:
        return Recipe(docs, embedder, name=name)
    recipe = Recipe(docs[:1], embedder, name=name)
    first = len(recipe.chunks)
    for b in range(first, len(chunks), 5000):
        part = chunks[b:b + 5000]
        recipe.store.add_documents([LCDocument(page_content=t, metadata={"doc_id": d, "start": st}) for d, t, st in part],
                                   ids=[f"{d}:{b + i}" for i, (d, _, _) in enumerate(part)])
    recipe.chunks = chunks
    return recipe


def interleaved(pipe, recipe, embedder, questions: list[str], k: int) -> dict:
    """Ours and the recipe on the same question, alternating, so load spikes hit both."""
    for q in questions:
        pipe.ask(q), recipe.search(q, k=4)
    out: dict[str, list[float]] = {"answer_cached": [], "retrieval_cached": [], "recipe_cached": [],
                                   "answer_fresh": [], "recipe_fresh": []}
    for q in questions:
        for name, fn in (("answer_cached", lambda: pipe.ask(q)), ("retrieval_cached", lambda: pipe.retriever.search(pipe.understand(q), k)),
                         ("recipe_cached", lambda: recipe.search(q, k=4))):
            t = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - t) * 1000)
    for q in questions:
        for name, fn in (("answer_fresh", lambda: pipe.ask(q)), ("recipe_fresh", lambda: recipe.search(q, k=4))):
            clear_query_cache(embedder)
            t = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - t) * 1000)
    return {k_: lat(v) for k_, v in out.items()}


# --- cold start -------------------------------------------------------------------

def cold_ask(env: dict, question: str) -> dict:
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "rag", "ask", "--json", question], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(timeout=600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RagError(f"rag ask failed during the bench: {err.decode(errors='replace').strip()[-300:]}")
    return {"seconds": round(wall, 2), "answered": bool(json.loads(out).get("answer"))}


def cold_ingest(env: dict) -> dict:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "rag", "ingest", "--json"], env=env, capture_output=True, text=True,
                       timeout=600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RagError(f"rag ingest failed during the bench: {p.stderr.strip()[-300:]}")
    rep = json.loads(p.stdout)
    return {"process_seconds": round(wall, 2), "ingest_seconds": rep["seconds"], "embedded": rep["embedded"]}


def cold_serve(env: dict, question: str, timeout: float = 300) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--host", "127.0.0.1", "--port", str(port)],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if p.poll() is not None:
                raise RagError(f"rag serve exited during the bench: {p.stderr.read().decode(errors='replace')[-300:]}")
            if time.perf_counter() - t0 > timeout:
                raise RagError(f"rag serve was not ready within {timeout:.0f} s")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        ready = time.perf_counter() - t0
        res = {"ready_s": round(ready, 2)}
        try:
            from gradio_client import Client

            client = Client(url, verbose=False)
            t1 = time.perf_counter()
            reply = client.predict(question, api_name="/chat")
            res["first_answer_via_page_s"] = round(time.perf_counter() - t0, 2)
            res["answer_roundtrip_ms"] = round((time.perf_counter() - t1) * 1000, 1)
            res["answered"] = bool(reply)
        except Exception as e:  # the page being ready is the measurement; the API call is a bonus
            res["api_error"] = f"{type(e).__name__}: {str(e)[:120]}"
        res["peak_rss_mb"] = peak_rss_mb(p.pid)
        return res
    finally:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


# --- the run ------------------------------------------------------------------------

def _onnx_embedder(cfg: Config, inner):
    """The ONNX twin of ``inner`` when it can be built here, else None (with the reason)."""
    try:
        import onnxruntime  # noqa: F401

        from rag.embedding import OnnxEmbedder
        from rag.models import REGISTRY, resolve

        rm = resolve(cfg)
        if not rm.location or not Path(rm.location).is_dir():
            return None, "the model is not a local sentence-transformers directory"
        s = REGISTRY.get(cfg.model)
        return OnnxEmbedder(rm.id, rm.location, cfg.models_dir, max_seq_length=s.max_seq_length if s else None,
                            batch_size=cfg.batch_size), ""
    except (ImportError, RagError) as e:
        return None, str(e)


def model_throughput(embedders: dict, texts: list[str], step: int, progress: bool) -> dict:
    """Texts and tokens per second of each embedder, batches alternating so load spikes hit all alike."""
    from tqdm import tqdm

    res = {}
    for name, emb in embedders.items():
        emb.embed_documents(texts[:8])  # warm-up
        res[name] = {"count": token_counter(emb), "seconds": 0.0, "vecs": []}
    for i in tqdm(range(0, len(texts), step), desc="model throughput", leave=False, disable=not progress or None):
        for name, emb in embedders.items():
            t = time.perf_counter()
            res[name]["vecs"].append(emb.embed_documents(texts[i:i + step]))
            res[name]["seconds"] += time.perf_counter() - t
    out = {}
    for name, r in res.items():
        tokens, secs = r["count"](texts), r["seconds"]
        out[name] = {"texts": len(texts), "tokens": tokens, "seconds": round(secs, 2),
                     "texts_per_s": round(len(texts) / secs, 1), "tokens_per_s": round(tokens / secs),
                     "_vecs": np.concatenate(r["vecs"])}
    return out


def run_bench(cfg: Config, sizes: list[int], n_queries: int = 50, progress: bool = True, work_dir: Path | None = None,
              sample: int = 2000, cold_runs: int = 2, serve: bool = True, onnx: bool = True,
              questions_file: Path = Path("evals/questions.jsonl"), ingest_limit: int = INGEST_LIMIT) -> dict:
    from tqdm import tqdm

    from rag.corpus import load_corpus, save
    from rag.ingest import ingest
    from rag.lc import Recipe
    from rag.models import load_embedder
    from rag.pipeline import Pipeline

    docs = load_corpus(cfg.corpus_dir).documents
    if not docs:
        raise RagError(f"No articles in {cfg.corpus_dir} to benchmark. Add one with: rag corpus add FILE")
    questions = load_questions(Path(questions_file), n_queries)
    sizes = sorted(set(sizes))
    own = work_dir is None
    work = Path(work_dir or tempfile.mkdtemp(prefix="rag-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    stages = 6 + 2 * len(sizes) + (1 if serve else 0)
    bar = tqdm(total=stages, desc="bench", unit="stage", disable=not progress or None)
    timings: dict[str, float] = {}
    t_all = time.perf_counter()

    def stage(name: str):
        bar.set_description(f"bench: {name}")
        timings[name] = time.perf_counter()

    def done(name: str):
        timings[name] = round(time.perf_counter() - timings[name], 1)
        bar.update(1)

    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                "load_avg_start": [round(x, 2) for x in os.getloadavg()]},
                    "model": cfg.model, "questions": len(questions), "k": cfg.k, "work_dir": str(work),
                    "method": __doc__.split("\n\n", 2)[2].strip()}
    base_env = {**os.environ, "RAG_CORPUS_DIR": str(Path(cfg.corpus_dir).resolve()), "RAG_EMBEDDING_MODEL": cfg.model,
                "RAG_MODELS_DIR": str(Path(cfg.models_dir).resolve()), "HF_HUB_OFFLINE": "1"}
    base_env.pop("RAG_CHROMA_URL", None)  # the bench always uses its own embedded stores
    try:
        # 1. the real corpus, from scratch and unchanged
        stage("model load")
        t = time.perf_counter()
        inner = load_embedder(cfg)
        report["backend"] = "onnx" if type(inner).__name__ == "OnnxEmbedder" else (
            "torch" if type(inner).__name__ == "SentenceTransformerEmbedder" else inner.id)
        report["model_load_s"] = round(time.perf_counter() - t, 2)
        done("model load")

        stage("real corpus ingest")
        real_cfg = replace(cfg, index_dir=work / "real-index", chroma_url="")
        metered = MeteredEmbedder(inner)
        rep = ingest(real_cfg, embedder=metered, progress=False)
        chunk_tokens = metered.count_tokens(_chunk_texts(real_cfg, inner.id))
        again = ingest(real_cfg, embedder=MeteredEmbedder(inner), progress=False)
        report["real"] = {
            "chunks": rep.chunks, "documents": len(docs), "ingest_s": round(rep.seconds, 2),
            "chunks_per_s": round(rep.chunks / rep.seconds, 1), "chunk_tokens_per_s": round(chunk_tokens / rep.seconds),
            "mean_chunk_tokens": round(chunk_tokens / max(1, rep.chunks), 1),
            "texts_embedded": metered.texts, "model_s": round(metered.seconds, 2),
            "texts_per_chunk": round(metered.texts / max(1, rep.chunks), 2),
            "reingest": {"embedded": again.embedded, "seconds": round(again.seconds, 2)}}
        done("real corpus ingest")

        stage("recipe on the real corpus")
        rmeter = MeteredEmbedder(inner)
        t = time.perf_counter()
        recipe = Recipe(docs, rmeter, name="bench-recipe-real")
        rbuild = time.perf_counter() - t
        report["real"]["recipe"] = {"chunks": len(recipe.chunks), "ingest_s": round(rbuild, 2),
                                    "chunks_per_s": round(len(recipe.chunks) / rbuild, 1),
                                    "chunk_tokens_per_s": round(rmeter.tokens / rbuild),
                                    "mean_chunk_tokens": round(rmeter.tokens / max(1, len(recipe.chunks)), 1)}
        report["real"]["ingest_ratio_tokens_per_s"] = ratio(report["real"]["chunk_tokens_per_s"],
                                                            report["real"]["recipe"]["chunk_tokens_per_s"])
        pipe = Pipeline(real_cfg, embedder=inner, check_stale=False)
        report["real"]["interleaved"] = il = interleaved(pipe, recipe, inner, questions, cfg.k)
        report["real"]["ratios"] = {
            "answer_cached/recipe_cached_p50": ratio(il["answer_cached"]["p50_ms"], il["recipe_cached"]["p50_ms"]),
            "answer_cached/recipe_cached_p95": ratio(il["answer_cached"]["p95_ms"], il["recipe_cached"]["p95_ms"]),
            "answer_fresh/recipe_fresh_p50": ratio(il["answer_fresh"]["p50_ms"], il["recipe_fresh"]["p50_ms"]),
            "answer_fresh/recipe_fresh_p95": ratio(il["answer_fresh"]["p95_ms"], il["recipe_fresh"]["p95_ms"])}
        del pipe, recipe
        done("recipe on the real corpus")

        # 2. model throughput on synthetic sentences, per backend
        stage("model throughput")
        sents = corpus_sentences(docs)
        rng = random.Random(11)
        sample_texts = [rng.choice(sents) for _ in range(max(8, sample))]
        step = max(cfg.batch_size * 8, 64)
        # Compare the two backends explicitly, whichever one the configuration picks by default.
        if type(inner).__name__ == "SentenceTransformerEmbedder":
            torch_emb = inner
        else:
            try:
                torch_emb = load_embedder(replace(cfg, backend="torch"))
            except RagError:
                torch_emb = inner
        primary = "torch" if type(torch_emb).__name__ == "SentenceTransformerEmbedder" else torch_emb.id
        onnx_emb, why = _onnx_embedder(cfg, torch_emb) if onnx else (None, "disabled")
        thr = model_throughput({primary: torch_emb, **({"onnx": onnx_emb} if onnx_emb is not None else {})},
                               sample_texts, step, progress)
        if onnx_emb is not None:
            a, b = thr[primary]["_vecs"], thr["onnx"]["_vecs"]
            cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
            thr["onnx"]["cosine_to_torch_min"] = round(float(cos.min()), 6)
        tpc = report["real"]["texts_per_chunk"] or 1.0
        for b in list(thr):
            thr[b].pop("_vecs")
            # what the model alone allows, in chunks of this corpus per second
            thr[b]["model_bound_chunks_per_s"] = round(thr[b]["texts_per_s"] / tpc, 1)
        report["model_throughput"] = thr
        if "onnx" in thr:
            report["onnx/torch_model_throughput"] = ratio(thr["onnx"]["texts_per_s"], thr[primary]["texts_per_s"])
        else:
            report["onnx_skipped"] = why
        done("model throughput")

        # 3-5. synthetic sizes
        # chunks per word of synthetic text, calibrated on a few synthetic articles
        from rag.chunking import chunk_document

        calib = synth_documents(sents, 60, 1 / 100, seed=3)
        chunks_per_word = (sum(len(chunk_document(d, cfg.chunk_min_words, cfg.chunk_max_words,
                                                  cfg.chunk_overlap_sentences)) for d in calib)
                           / sum(len(d.body.split()) for d in calib))
        memo = metered.memo
        report["sizes"] = []
        ingested: tuple[int, Path, list] | None = None
        for n in sizes:
            row: dict = {"target_chunks": n}
            sdir = work / f"synth-{n}"
            scfg = replace(cfg, index_dir=sdir / "index", corpus_dir=sdir / "corpus", chroma_url="")
            stage(f"synthetic {n}: build")
            if n <= ingest_limit or ingested is None:
                sdocs = synth_documents(sents, n, chunks_per_word)
                for d in sdocs:
                    save(d, scfg.corpus_dir, overwrite=True)
                reuse = MeteredEmbedder(inner, memo=memo, reuse=True)
                srep = ingest(scfg, embedder=reuse, progress=progress)
                row.update({"built_by": "ingest (vectors reused)", "documents": len(sdocs), "chunks": srep.chunks,
                            "ingest_s": round(srep.seconds, 2),
                            "chunks_per_s_vectors_reused": round(srep.chunks / srep.seconds, 1),
                            "texts_reused": reuse.reused, "texts_approximated": reuse.approximated})
                # the same ingest if every text had gone through the model at the measured rate
                for b in thr:
                    model_s = (reuse.reused + reuse.approximated) / thr[b]["texts_per_s"]
                    row[f"projected_chunks_per_s_{b}"] = round(srep.chunks / (srep.seconds + model_s), 1)
                ingested = (srep.chunks, sdir, sdocs)
            else:
                base_chunks, base_dir, base_docs = ingested
                copies = max(1, round(n / base_chunks))
                rs = replicate_store(base_dir / "index", scfg.index_dir, copies, progress)
                sdocs = [replace(d, id=f"{d.id}-r{r}") for r in range(copies) for d in base_docs]
                row.update({"built_by": f"{copies} copies of the {base_chunks}-chunk store (vectors perturbed)",
                            "documents": len(sdocs), "chunks": base_chunks * copies, "store_write_s": rs["seconds"],
                            "store_rows_per_s": round(rs["rows_written"] / max(rs["seconds"], 1e-9))})
            done(f"synthetic {n}: build")

            stage(f"synthetic {n}: queries")
            env = {**base_env, "RAG_INDEX_DIR": str(scfg.index_dir)}
            try:
                row["ours"] = run_probe({"index_dir": str(scfg.index_dir), "corpus_dir": str(scfg.corpus_dir),
                                         "model": cfg.model, "models_dir": str(cfg.models_dir),
                                         "questions": questions}, env)
            except RagError as e:  # keep what was measured so far; say what failed
                row["error"] = str(e)
                report["sizes"].append(row)
                done(f"synthetic {n}: queries")
                continue
            t = time.perf_counter()
            rrecipe = recipe_at_scale(sdocs, MeteredEmbedder(inner, memo=memo, reuse=True), f"bench-recipe-{n}")
            rb = time.perf_counter() - t
            row["recipe"] = {"chunks": len(rrecipe.chunks), "build_s_vectors_reused": round(rb, 2),
                             **recipe_latency(rrecipe, inner, questions)}
            o, r = row["ours"], row["recipe"]
            row["ratios"] = {"answer_cached/recipe_cached_p95": ratio(o["answer_cached"]["p95_ms"], r["search_cached"]["p95_ms"]),
                             "answer_fresh/recipe_fresh_p95": ratio(o["answer_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"]),
                             "retrieval_fresh/recipe_fresh_p95": ratio(o["retrieval_fresh"]["p95_ms"], r["search_fresh"]["p95_ms"])}
            del rrecipe
            report["sizes"].append(row)
            done(f"synthetic {n}: queries")

        # 6. serving the real corpus: probes per backend, cold start
        stage("serving probes")
        env = {**base_env, "RAG_INDEX_DIR": str(real_cfg.index_dir)}
        spec = {"index_dir": str(real_cfg.index_dir), "corpus_dir": str(cfg.corpus_dir), "model": cfg.model,
                "models_dir": str(cfg.models_dir), "questions": questions}
        report["real"]["ours"] = run_probe(spec, env)
        if onnx_emb is not None:
            report["real"]["ours_onnx"] = run_probe({**spec, "backend": "onnx"}, env)
        done("serving probes")

        stage("cold start")
        report["cold"] = {"ask": [cold_ask(env, questions[0]) for _ in range(max(1, cold_runs))],
                          "reingest_cli": cold_ingest(env)}
        report["cold"]["ask_best_s"] = min(x["seconds"] for x in report["cold"]["ask"])
        if onnx_emb is not None:
            report["cold"]["ask_onnx_first_answer_s"] = report["real"]["ours_onnx"]["first_answer_s"]
        done("cold start")
        if serve:
            stage("rag serve")
            report["cold"]["serve"] = cold_serve(env, questions[0])
            done("rag serve")
    finally:
        bar.close()
        if own:
            shutil.rmtree(work, ignore_errors=True)
    report["machine"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    report["stage_seconds"] = {k: v for k, v in timings.items()}
    report["total_s"] = round(time.perf_counter() - t_all, 1)
    return report


def _chunk_texts(cfg: Config, model_id: str) -> list[str]:
    """Chunk texts as stored (no header): the unit "chunks of ~200 tokens" refers to."""
    from rag.index import Index

    return [t or "" for t in Index(cfg, model_id).all_records()["documents"]]


# --- output --------------------------------------------------------------------------

def rows(report: dict) -> list[dict]:
    """One row per corpus size, the columns of the table and the plot."""
    out = []
    real = report["real"]
    sets = [("real corpus", real["chunks"], real.get("ours", {}), real.get("recipe", {}),
             real.get("chunks_per_s"), real.get("interleaved", {}).get("recipe_fresh", {}).get("p95_ms"),
             real.get("interleaved", {}).get("recipe_cached", {}).get("p95_ms"))]
    for s in report.get("sizes", []):
        if "ours" not in s:
            continue
        ing = next((v for k, v in s.items() if k.startswith("projected_chunks_per_s_")), None)
        sets.append((f"synthetic {s['target_chunks']}", s["chunks"], s["ours"], s["recipe"], ing,
                     s["recipe"]["search_fresh"]["p95_ms"], s["recipe"]["search_cached"]["p95_ms"]))
    for name, chunks, o, r, ing, rf95, rc95 in sets:
        if not o:
            continue
        out.append({"set": name, "chunks": chunks, "load_s": o["pipeline_load_s"],
                    "retrieval_p50": o["retrieval_cached"]["p50_ms"], "retrieval_p95": o["retrieval_cached"]["p95_ms"],
                    "answer_p50": o["answer_cached"]["p50_ms"], "answer_p95": o["answer_cached"]["p95_ms"],
                    "fresh_p50": o["answer_fresh"]["p50_ms"], "fresh_p95": o["answer_fresh"]["p95_ms"],
                    "recipe_fresh_p95": rf95, "recipe_cached_p95": rc95,
                    "ratio_fresh_p95": ratio(o["answer_fresh"]["p95_ms"], rf95), "rss_mb": o["peak_rss_mb"],
                    "ingest_chunks_per_s": ing})
    return out


def format_table(report: dict) -> str:
    head = ["set", "chunks", "load s", "retrieval p50/p95 ms", "answer p50/p95 ms (cached q)",
            "answer p50/p95 ms (new q)", "recipe p95 ms (new q)", "ours/recipe p95", "peak RSS MB", "ingest chunks/s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows(report):
        lines.append(f"| {r['set']} | {r['chunks']} | {r['load_s']} | {r['retrieval_p50']}/{r['retrieval_p95']} | "
                     f"{r['answer_p50']}/{r['answer_p95']} | {r['fresh_p50']}/{r['fresh_p95']} | {r['recipe_fresh_p95']} | "
                     f"{r['ratio_fresh_p95']} | {r['rss_mb']} | {r['ingest_chunks_per_s']} |")
    real, thr, cold = report["real"], report.get("model_throughput", {}), report.get("cold", {})
    notes = [f"Real corpus ingest: {real['chunks']} chunks in {real['ingest_s']} s = {real['chunks_per_s']} chunks/s "
             f"({real['chunk_tokens_per_s']} chunk tokens/s, ~{real['mean_chunk_tokens']} tokens a chunk; "
             f"recipe {real['recipe']['chunks_per_s']} chunks/s of ~{real['recipe']['mean_chunk_tokens']} tokens; "
             f"ours/recipe tokens/s {real['ingest_ratio_tokens_per_s']}). "
             f"Unchanged re-ingest: {real['reingest']['embedded']} embedded in {real['reingest']['seconds']} s.",
             "Real corpus, interleaved with the recipe: " + ", ".join(f"{k} {v}" for k, v in real["ratios"].items())]
    for b, t in thr.items():
        extra = f", cosine to torch ≥ {t['cosine_to_torch_min']}" if "cosine_to_torch_min" in t else ""
        notes.append(f"Model ({b}): {t['texts_per_s']} sentences/s, {t['tokens_per_s']:.0f} tokens/s "
                     f"→ model-bound {t['model_bound_chunks_per_s']} chunks/s{extra}")
    if cold:
        s = cold.get("serve", {})
        notes.append(f"Cold `rag ask`: {', '.join(str(x['seconds']) for x in cold['ask'])} s"
                     + (f"; ONNX backend first answer {cold['ask_onnx_first_answer_s']} s" if "ask_onnx_first_answer_s" in cold else "")
                     + f"; `rag ingest` unchanged (process) {cold['reingest_cli']['process_seconds']} s"
                     + (f"; `rag serve` page ready {s.get('ready_s')} s, peak RSS {s.get('peak_rss_mb')} MB" if s else ""))
    if "ours_onnx" in real:
        o = real["ours_onnx"]
        notes.append(f"Real corpus with the ONNX backend: answer p95 {o['answer_cached']['p95_ms']} ms cached / "
                     f"{o['answer_fresh']['p95_ms']} ms new question, peak RSS {o['peak_rss_mb']} MB")
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def plot(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rs = rows(report)
    x = [r["chunks"] for r in rs]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label, style in (("answer_p95", "answer p95, cached question", "o-"),
                              ("fresh_p95", "answer p95, new question", "s-"),
                              ("retrieval_p95", "retrieval p95, cached", "^-"),
                              ("recipe_fresh_p95", "LangChain recipe p95, new question", "x--")):
        a.plot(x, [r[key] for r in rs], style, label=label)
    a.set_xscale("log")
    a.set_xlabel("chunks in the index")
    a.set_ylabel("ms")
    a.set_title("warm query latency")
    a.legend(fontsize=8)
    ing = [(r["chunks"], r["ingest_chunks_per_s"]) for r in rs if r["ingest_chunks_per_s"]]
    if ing:
        b.plot([c for c, _ in ing], [v for _, v in ing], "o-", label=f"ours ({report.get('backend', 'default backend')}; synthetic: projected)")
    rr = report["real"]["recipe"]
    b.plot([report["real"]["chunks"]], [rr["chunks_per_s"]], "x", markersize=10, label="recipe (real corpus)")
    b.set_xscale("log")
    b.set_xlabel("chunks")
    b.set_ylabel("chunks / s")
    b.set_title("ingest rate")
    b.legend(fontsize=8)
    fig.suptitle(f"rag bench on {report['machine']['cpus']} CPUs, model {report['model']}")
    fig.tight_layout()
    from rag.evaluation import save_figure

    save_figure(fig, path)
    plt.close(fig)


def write(report: dict, out: Path) -> dict[str, Path]:
    from rag.corpus import atomic_write

    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "bench.json", "md": out / "bench.md", "plot": out / "bench.png"}
    atomic_write(paths["json"], json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    atomic_write(paths["md"], "# rag bench\n\n" + format_table(report) + "\n")
    plot(report, paths["plot"])
    return paths


def parse_sizes(text: str) -> list[int]:
    """``"10000,100k"`` → ``[10000, 100000]``; an empty string means the real corpus only."""
    out = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        mult = 1000 if part.lower().endswith("k") else 1
        try:
            v = int(part[:-1] if mult > 1 else part) * mult
        except ValueError:
            raise RagError(f"--sizes takes comma-separated chunk counts like 10000,100000; got {part!r}") from None
        if v < 10:
            raise RagError(f"--sizes: a synthetic corpus needs at least 10 chunks, got {v}")
        out.append(v)
    return out


def run_bench_cli(args, cfg) -> int:
    report = run_bench(cfg, parse_sizes(args.sizes), n_queries=args.queries, progress=not args.json,
                       sample=getattr(args, "sample", 2000), cold_runs=getattr(args, "cold_runs", 2),
                       serve=not getattr(args, "no_serve", False), onnx=not getattr(args, "no_onnx", False),
                       work_dir=Path(args.work_dir) if getattr(args, "work_dir", None) else None)
    paths = write(report, Path(args.out))
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        print(format_table(report))
        print(f"\nWrote {paths['json']}, {paths['md']} and {paths['plot']} ({report['total_s']} s)")
    return 0
