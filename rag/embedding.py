"""Embedding models behind one small interface.

``SentenceTransformerEmbedder`` wraps any sentence-transformers model directory
(or hub name); ``HashEmbedder`` is a tiny deterministic stand-in for fast unit
tests. Query embeddings are cached, since chat users repeat questions.
"""

from __future__ import annotations

import hashlib
import os
from typing import Protocol

import numpy as np

from rag.errors import ModelNotInstalled
from rag.querycache import QueryCache, cached_batch, documents_with_query  # noqa: F401 (re-exported)
from rag.memneed import ONNX_FACTOR, TORCH_FACTOR, read_shape, shape_of_dir


class Embedder(Protocol):
    id: str
    dim: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]: ...


class SentenceTransformerEmbedder:
    def __init__(self, model_id: str, location: str, *, query_prefix: str = "", doc_prefix: str = "",
                 normalize: bool = True, max_seq_length: int | None = None, batch_size: int = 16):
        local = os.path.isdir(location)
        if local:
            # Never reach for a hub when the weights are on disk.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        # OpenMP threads that spin while waiting starve each other when the cores are shared
        # (a busy CI box, several chat servers): measured on 2 loaded cores, a query took
        # 600-1200 ms spinning vs 20-50 ms passive. Read once, when torch loads libgomp.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI

        try:
            self.model = SentenceTransformer(location, device="cpu")
        except Exception as e:  # sentence-transformers raises many kinds for "not found"
            raise ModelNotInstalled(
                f"Cannot load embedding model {model_id!r} from {location}: {type(e).__name__}. "
                "Check the path, or run: rag models"
            ) from None
        if max_seq_length:
            self.model.max_seq_length = max_seq_length
        self.id = model_id
        self.dim = int(self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension")
                       else self.model.get_sentence_embedding_dimension())
        self.query_prefix, self.doc_prefix = query_prefix, doc_prefix
        self.normalize, self.batch_size = normalize, batch_size
        self.shape = read_shape(self.model[0].auto_model.config.to_dict(), self.model.max_seq_length, TORCH_FACTOR) \
            if hasattr(self.model[0], "auto_model") else None
        self._cache = QueryCache()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self.model.encode([self.doc_prefix + t for t in texts], batch_size=self.batch_size,
                                 normalize_embeddings=self.normalize, convert_to_numpy=True,
                                 show_progress_bar=False).astype(np.float32)

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks time a new question this way)."""
        self._cache.clear()

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        """Several queries in one model call (cheaper than one call each); cached per text."""
        return cached_batch(self._cache, texts, lambda todo: self.model.encode(
            [self.query_prefix + t for t in todo], normalize_embeddings=self.normalize, convert_to_numpy=True,
            show_progress_bar=False).astype(np.float32))


class HashEmbedder:
    """Deterministic bag-of-terms vectors: similar wording → similar vectors. For tests.

    >>> e = HashEmbedder(dim=32)
    >>> round(float(e.embed_query("signed in 1979") @ e.embed_query("Signed in 1979!")), 4)
    1.0
    """

    def __init__(self, dim: int = 64, id: str = "hash"):
        self.dim, self.id = dim, id

    def _vec(self, text: str) -> np.ndarray:
        from rag.text import terms

        v = np.zeros(self.dim, dtype=np.float32)
        for t in terms(text) or ["<empty>"]:
            h = int.from_bytes(hashlib.md5(t.encode()).digest()[:4], "little")
            v[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        return [self._vec(t) for t in texts]


# --- ONNX Runtime backend ----------------------------------------------------
# The same weights run by onnxruntime (installed with chromadb) instead of torch:
# about 2x the batch throughput on 2 cores, and a process that answers without
# importing torch + sentence-transformers (~5 s of a cold start). FP32, so vectors
# match the torch ones (cosine > 0.9999; int8 variants fell to ~0.93, so none here).

def onnx_path(model_id: str, location: str, cache_dir) -> "os.PathLike":
    """Where the export of ``location`` lives: keyed by the weights' path, size and mtime."""
    from pathlib import Path

    loc = Path(location)
    stamp = [str(loc.resolve())]
    for f in sorted(loc.glob("*.safetensors")) + sorted(loc.glob("*.bin")):
        st = f.stat()
        stamp.append(f"{f.name}:{st.st_size}:{int(st.st_mtime)}")
    digest = hashlib.sha1("|".join(stamp).encode()).hexdigest()[:10]
    return Path(cache_dir) / "onnx" / f"{model_id}-{digest}.onnx"


def export_onnx(location: str, dest) -> "os.PathLike":
    """Export the transformer of a sentence-transformers directory to ONNX (needs torch and onnx, once)."""
    import tempfile
    import warnings
    from pathlib import Path

    try:
        import onnx  # noqa: F401 - torch's exporter needs it
    except ImportError:
        raise ModelNotInstalled("The ONNX backend exports the model once and needs the onnx package. "
                                "Run: pip install onnx") from None
    import torch
    from sentence_transformers import SentenceTransformer

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    st = SentenceTransformer(location, device="cpu")
    hf = st[0].auto_model.eval()
    enc = st.tokenizer(["an example sentence"], return_tensors="pt")
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in enc]

    class _Hidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, *xs):
            return self.m(**dict(zip(names, xs))).last_hidden_state

    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, suffix=".onnx.part")
    os.close(fd)
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(_Hidden(hf), tuple(enc[n] for n in names), tmp, input_names=names,
                              output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                              dynamic_axes={n: {0: "batch", 1: "seq"} for n in names + ["last_hidden_state"]})
        os.replace(tmp, dest)  # atomic: a crash never leaves a half model behind
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return dest


def _session(path, threads: int):
    """An onnxruntime session of the model at ``path`` (``threads`` 0: as many as onnxruntime picks)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # no spin-waiting: on shared cores it steals the time the other thread needs (as OMP_WAIT_POLICY above)
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # onnxruntime prints its own failures (out of memory) to stderr besides raising them; the raised error
    # is what the CLI turns into its one line, so only fatal ones may print
    so.log_severity_level = 4
    if threads:
        so.intra_op_num_threads = threads
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _all_or_none(pool, calls: list) -> list:
    """The results of ``calls`` run on ``pool``; on a failure, the first error once every call has stopped.

    ``pool.map`` raises at the first failure while the other batches still run, and they may fail too
    (out of memory) and print after the CLI's one-line error, or hold memory while it cleans up.
    """
    from concurrent.futures import FIRST_EXCEPTION, wait

    futures = []
    try:
        for c in calls:
            futures.append(pool.submit(c))
    except BaseException:  # no thread to start (memory): the batches already running stop before it is raised
        wait(futures)
        raise
    done, _ = wait(futures, return_when=FIRST_EXCEPTION)
    failed = [f for f in futures if f in done and f.exception() is not None]
    if failed:
        for f in futures:
            f.cancel()
        wait(futures)
        raise failed[0].exception()
    return [f.result() for f in futures]


# A question, or any few texts, is tokenized one text at a time: encode_batch
# hands even two texts to the tokenizer's thread pool, whose threads then compete with the model's for
# the cores (two texts: 0.16 ms at the median but 3.4 ms at p95 on two busy cores, 0.07/0.19 ms one by
# one). The ids are the same either way; a batch of documents still goes to the pool.
FEW_TEXTS = 4


class OnnxEmbedder:
    """A sentence-transformers directory run by onnxruntime; same id, same vectors as the torch model.

    Tokenizes with ``tokenizer.json``, then mean (or CLS) pooling and normalization
    as the directory's ``modules.json`` says. Exports to ``cache_dir`` on first use.
    """

    def __init__(self, model_id: str, location: str, cache_dir, *, query_prefix: str = "", doc_prefix: str = "",
                 normalize: bool = True, max_seq_length: int | None = None, batch_size: int = 16, threads: int = 0):
        import json
        from pathlib import Path

        from tokenizers import Tokenizer

        loc = Path(location)
        if not (loc / "tokenizer.json").exists() or not (loc / "modules.json").exists():
            raise ModelNotInstalled(f"{location} has no tokenizer.json/modules.json: the ONNX backend needs a "
                                    "local sentence-transformers directory")
        path = onnx_path(model_id, location, cache_dir)
        if not path.exists():
            export_onnx(location, path)
        modules = json.loads((loc / "modules.json").read_text())
        pooling = {"pooling_mode_mean_tokens": True}
        for m in modules:
            if m["type"].endswith("Pooling") and (loc / m["path"] / "config.json").exists():
                pooling = json.loads((loc / m["path"] / "config.json").read_text())
        if pooling.get("pooling_mode_cls_token"):
            self.pooling = "cls"
        elif pooling.get("pooling_mode_mean_tokens"):
            self.pooling = "mean"
        else:
            raise ModelNotInstalled(f"{location}: only mean or CLS pooling run on the ONNX backend; use torch")
        self.normalize = normalize or any(m["type"].endswith("Normalize") for m in modules)
        if max_seq_length is None:
            cfg_file = loc / "sentence_bert_config.json"
            max_seq_length = json.loads(cfg_file.read_text()).get("max_seq_length", 512) if cfg_file.exists() else 512
        self.tokenizer = Tokenizer.from_file(str(loc / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_seq_length)
        self.tokenizer.no_padding()
        self.session = _session(path, threads)
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.id, self.onnx_file = model_id, path
        self.dim = int(self.session.get_outputs()[0].shape[-1])
        self.query_prefix, self.doc_prefix = query_prefix, doc_prefix
        self.batch_size = batch_size
        self.shape = shape_of_dir(loc, max_seq_length, ONNX_FACTOR, _cores())
        self._cache = QueryCache()
        self._workers = None  # (thread pool, queue of sessions), made at the first call with several batches

    def _run(self, session, encs, idx: list[int]) -> np.ndarray:
        """Pooled vectors of the texts at ``idx`` (one batch, padded to its longest)."""
        width = max(len(encs[i].ids) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, i in enumerate(idx):
            n = len(encs[i].ids)
            ids[r, :n], mask[r, :n] = encs[i].ids, 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, {k: feed[k] for k in self.inputs})[0]
        if self.pooling == "cls":
            return hidden[:, 0]
        m = mask[..., None].astype(np.float32)
        return (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)

    def _on_worker(self, encs, idx: list[int]) -> np.ndarray:
        free = self._workers[1]
        session = free.get()
        try:
            return self._run(session, encs, idx)
        finally:
            free.put(session)

    def _batches_side_by_side(self):
        """A pool running whole batches side by side, one single-threaded session per core; None on one core.

        Measured on this 2-core box: two such sessions ran 1.2-1.4x the batches per second of one session
        on two threads, whose threads meet at a barrier after every operator and so wait for each other
        whenever another process holds a core (on a busy box it fell below one thread's rate). Vectors are
        identical either way (same kernels, each row summed in the same order). Queries keep ``session``:
        one text is one batch. Each session holds its own copy of the weights (~90 MB for MiniLM).
        """
        if self._workers is None:
            import queue
            from concurrent.futures import ThreadPoolExecutor

            n = _cores()
            free: queue.Queue = queue.Queue()
            for _ in range(n if n > 1 else 0):
                free.put(_session(self.onnx_file, 1))
            self._workers = (ThreadPoolExecutor(n, thread_name_prefix="onnx") if n > 1 else None, free)
        return self._workers[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encs = self.tokenizer.encode_batch(texts) if len(texts) > FEW_TEXTS else [self.tokenizer.encode(t) for t in texts]
        # Longest first, as sentence-transformers does: batches of similar length waste less padding.
        order = sorted(range(len(texts)), key=lambda i: -len(encs[i].ids))
        batches = [order[b:b + self.batch_size] for b in range(0, len(order), self.batch_size)]
        pool = self._batches_side_by_side() if len(batches) > 1 else None
        if pool is None:
            vecs = [self._run(self.session, encs, idx) for idx in batches]
        else:
            vecs = _all_or_none(pool, [lambda idx=idx: self._on_worker(encs, idx) for idx in batches])
        for idx, v in zip(batches, vecs):
            out[idx] = v
        if self.normalize:
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return self._encode([self.doc_prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        return cached_batch(self._cache, texts, lambda todo: self._encode([self.query_prefix + t for t in todo]))

    def clear_cache(self) -> None:
        self._cache.clear()
