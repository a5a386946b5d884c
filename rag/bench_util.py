"""Shared pieces of ``rag bench``: percentiles, memory, a stage progress bar, and an embedder that counts.

``MeteredEmbedder`` counts the texts, tokens and seconds spent in the model, and for
synthetic corpora reuses memoized vectors (slightly perturbed) instead of re-running
the model: see ``rag.bench`` for the method.
"""

from __future__ import annotations

import hashlib
import json
import socket
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag.config import Config

NOISE = 0.15  # norm of the perturbation added to a reused vector (cosine to the original ≈ 0.99)
FALLBACK_QUESTIONS = ["When was the STA first signed?", "For how many years was the STA renewed in December 2024?",
                      "Which fields does the agreement cover?", "What changed in the 2024 renewal?",
                      "Who signed the original agreement?", "What are the concerns about the agreement?"]
# The held-out questions are the ones timed (their text only); the built-in ones when they are missing.
QUESTION_FILES = (Path("evals/test.jsonl"), Path("evals/dev.jsonl"))


def pct(xs: list[float], p: float) -> float:
    from rag.metrics import percentile

    return round(percentile(xs, p), 2)


def lat(xs: list[float]) -> dict:
    return {"p50_ms": pct(xs, 50), "p95_ms": pct(xs, 95), "n": len(xs)}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if a and b else None


def server_memory(url: str) -> dict:
    """Resident and peak memory (MB) of the process listening on ``url``'s port on this machine, e.g. a
    ``chroma run`` server; {} if none is seen (another machine, or no permission to see it)."""
    from urllib.parse import urlparse

    import psutil

    port = urlparse(url if "://" in url else "http://" + url).port
    try:
        pid = next((c.pid for c in psutil.net_connections(kind="tcp")
                    if c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN and c.pid), None)
        if pid is None:
            return {}
        return {"pid": pid, "rss_mb": round(psutil.Process(pid).memory_info().rss / 2**20, 1),
                "peak_rss_mb": peak_rss_mb(pid)}
    except (psutil.Error, OSError):
        return {}


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
    """Forget cached query vectors, so the next question pays for its embedding."""
    clear = getattr(embedder, "clear_cache", None)
    if clear is not None:
        clear()


def token_counter(embedder):
    """A function texts -> model tokens (words for models without a tokenizer)."""
    if hasattr(embedder, "count_tokens"):
        return embedder.count_tokens
    tok = getattr(embedder, "tokenizer", None)
    if tok is not None and hasattr(tok, "encode_batch"):  # tokenizers.Tokenizer (ONNX backend)
        return lambda texts: sum(len(e.ids) for e in tok.encode_batch(list(texts)))
    model = getattr(embedder, "model", None)
    tok = getattr(model, "tokenizer", None)
    if tok is not None:
        return lambda texts: sum(len(x) for x in tok(list(texts), truncation=False)["input_ids"])
    return lambda texts: sum(len(t.split()) for t in texts)


def default_questions_file() -> Path:
    return next((p for p in QUESTION_FILES if p.is_file()), QUESTION_FILES[-1])


def load_questions(path: Path | None, n: int) -> list[str]:
    """``n`` question texts from a JSON-lines file (cycled when it has fewer); built-in ones if it is missing."""
    qs = []
    path = Path(path) if path else default_questions_file()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                qs.append(json.loads(line)["question"])
    qs = qs or FALLBACK_QUESTIONS
    return [qs[i % len(qs)] for i in range(n)] if n > len(qs) else qs[:n]


class Progress:
    """One bar over the bench's stages; ``note`` shows what a long stage is doing right now.

    On a terminal it is a tqdm bar; in a log (not a TTY) each stage prints a line when it
    starts and ends, and notes at most every ``LOG_EVERY_S`` seconds. Stage times land in
    ``seconds``. Disabled, it prints nothing.
    """

    LOG_EVERY_S = 15

    def __init__(self, total: int, enabled: bool = True):
        from tqdm import tqdm

        self.enabled, self.total, self.done = enabled, total, 0
        self.log = enabled and not sys.stderr.isatty()
        self.bar = tqdm(total=total, desc="bench", unit="stage", disable=not enabled or self.log, file=sys.stderr)
        self.seconds: dict[str, float] = {}
        self._name, self._last_note = "", 0.0

    def _print(self, text: str) -> None:
        if self.log:
            print(f"bench [{self.done}/{self.total}] {text}", file=sys.stderr, flush=True)

    @contextmanager
    def stage(self, name: str):
        self._name = name
        self.bar.set_description(f"bench: {name}")
        self.bar.set_postfix_str("")
        self._print(f"{name} …")
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(time.perf_counter() - t0, 1)
            self.done += 1
            self.bar.update(1)
            self._print(f"{name}: done in {self.seconds[name]} s")

    def skip(self) -> None:
        """A stage that will not run (an earlier one failed): the bar still reaches its end."""
        self.done += 1
        self.bar.update(1)

    def note(self, text: str) -> None:
        self.bar.set_postfix_str(text[:60])
        if time.perf_counter() - self._last_note >= self.LOG_EVERY_S:
            self._last_note = time.perf_counter()
            self._print(f"{self._name}: {text}")

    def close(self) -> None:
        self.bar.close()


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

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        return self.inner.embed_queries(texts)



@dataclass
class BenchRun:
    """What every scenario of one ``rag bench`` run shares."""

    cfg: Config
    docs: list  # the real corpus's Documents
    questions: list[str]
    work: Path  # the run's own stores live here
    env: dict  # the environment for child processes (probes, cold start)
    progress: Progress
    report: dict = field(default_factory=dict)
    inner: object = None  # the configured embedder, loaded once
    memo: dict = field(default_factory=dict)  # text -> vector, from the real ingest (synthetic corpora reuse it)
