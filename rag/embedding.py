"""Embedding models behind one small interface.

``SentenceTransformerEmbedder`` wraps any sentence-transformers model directory
(or hub name); ``HashEmbedder`` is a tiny deterministic stand-in for fast unit
tests. Query embeddings are cached, since chat users repeat questions.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from typing import Protocol

import numpy as np

from rag.errors import ModelNotInstalled


class Embedder(Protocol):
    id: str
    dim: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class _QueryCache:
    def __init__(self, size: int = 512):
        self.size = size
        self._d: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, key):
        v = self._d.get(key)
        if v is not None:
            self._d.move_to_end(key)
        return v

    def put(self, key, value):
        self._d[key] = value
        if len(self._d) > self.size:
            self._d.popitem(last=False)


class SentenceTransformerEmbedder:
    def __init__(self, model_id: str, location: str, *, query_prefix: str = "", doc_prefix: str = "",
                 normalize: bool = True, max_seq_length: int | None = None, batch_size: int = 16):
        local = os.path.isdir(location)
        if local:
            # Never reach for a hub when the weights are on disk.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
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
        self._cache = _QueryCache()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self.model.encode([self.doc_prefix + t for t in texts], batch_size=self.batch_size,
                                 normalize_embeddings=self.normalize, convert_to_numpy=True,
                                 show_progress_bar=False).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        v = self._cache.get(text)
        if v is None:
            v = self.model.encode([self.query_prefix + text], normalize_embeddings=self.normalize,
                                  convert_to_numpy=True, show_progress_bar=False)[0].astype(np.float32)
            self._cache.put(text, v)
        return v


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
