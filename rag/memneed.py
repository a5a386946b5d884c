"""Will a batch fit? A lower bound on the memory that embedding a batch needs, checked before the model runs.

Memory running out inside the model is seldom a clean Python error: Linux's OOM killer ends the
process without a word, and under an address-space limit the tokenizer's threads (Rust) abort the
process. So before each embedding call of an ingest the need of the longest batches is estimated
and, when the free memory cannot hold it, the ingest stops with the fix (a batch size that fits).

The estimate counts a transformer layer's attention scores (batch x heads x tokens^2) and
feed-forward activations (batch x tokens x intermediate size), 4 bytes each, times a factor
measured per backend and taken low (so a batch that fits is never refused): onnxruntime peaked at
3.2-5.3x that sum (MiniLM, batches of 16-256, 43-173 tokens), torch at 1.2-3.2x.

>>> s = Shape(heads=12, inter=1536, max_tokens=256, factor=2.5, parallel=1)
>>> round(need_bytes(s, ["word " * 170] * 512, 512) / 2**30, 1)
3.0
>>> need_bytes(s, ["one two"], 16) < 2**20
True
"""

from __future__ import annotations

import json
import resource
from dataclasses import dataclass
from pathlib import Path

from rag.errors import BatchTooBig

ONNX_FACTOR = 2.5
TORCH_FACTOR = 1.0


@dataclass(frozen=True)
class Shape:
    heads: int
    inter: int  # feed-forward width
    max_tokens: int  # longer texts are truncated to this
    factor: float  # measured peak over (scores + activations) of one batch, taken low
    parallel: int = 1  # batches the backend runs side by side


def read_shape(config: dict, max_tokens: int, factor: float, parallel: int = 1) -> Shape | None:
    """The shape of a Hugging Face transformer ``config.json``; None when it does not say (then no check)."""
    heads = config.get("num_attention_heads") or config.get("n_heads")
    inter = config.get("intermediate_size") or config.get("hidden_dim")
    if not heads or not inter:
        return None
    return Shape(int(heads), int(inter), int(max_tokens), factor, max(1, parallel))


def shape_of_dir(location, max_tokens: int, factor: float, parallel: int = 1) -> Shape | None:
    f = Path(location) / "config.json"
    try:
        return read_shape(json.loads(f.read_text()), max_tokens, factor, parallel)
    except (OSError, ValueError):
        return None


def tokens_at_least(text: str) -> int:
    """Each word is at least one token, plus the two markers a sentence model adds."""
    return len(text.split()) + 2


def _batch_bytes(s: Shape, n: int, tokens: int) -> float:
    return s.factor * 4 * n * tokens * (s.heads * tokens + s.inter)


def need_bytes(s: Shape, texts: list[str], batch_size: int) -> int:
    """What the ``s.parallel`` longest batches need together (the backends run longest first)."""
    lengths = sorted((min(tokens_at_least(t), s.max_tokens) for t in texts), reverse=True)
    total = 0.0
    for b in range(min(s.parallel, -(-len(lengths) // max(1, batch_size)))):
        batch = lengths[b * batch_size:(b + 1) * batch_size]
        total += _batch_bytes(s, len(batch), batch[0])
    return int(total)


def free_bytes() -> int | None:
    """Memory this process can still take: the least of what the system has available, what a
    cgroup (container) limit leaves and what an address-space limit leaves; None if unknown."""
    import psutil

    found = []
    try:
        found.append(psutil.virtual_memory().available)
    except (OSError, RuntimeError):
        pass
    try:
        cg = Path("/sys/fs/cgroup")
        limit = (cg / "memory.max").read_text().strip()
        if limit != "max":
            found.append(int(limit) - int((cg / "memory.current").read_text()))
    except (OSError, ValueError):
        pass
    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    if soft != resource.RLIM_INFINITY:
        found.append(soft - psutil.Process().memory_info().vms)
    return max(0, min(found)) if found else None


def fitting_batch(s: Shape, texts: list[str], free: int) -> int:
    """The largest power-of-two batch size whose need fits in ``free``; 0 when not even one text does."""
    size = 0
    while size < 4096 and need_bytes(s, texts, 2 * size or 1) <= free:
        size = 2 * size or 1
    return size


def check(embedder, texts: list[str], batch_size: int, ran: int = 0, free: int | None = None) -> int:
    """What embedding ``texts`` needs; raise ``BatchTooBig`` (an ``OutOfMemory``) first when the free memory
    cannot hold it. ``ran``: the largest need this embedder already met in this process, whose memory
    onnxruntime's arena keeps and reuses (so only the part above it must still be free)."""
    s = getattr(embedder, "shape", None)
    if s is None or not texts:
        return 0
    need = need_bytes(s, texts, batch_size)
    if need <= ran:
        return need
    free = free_bytes() if free is None else free
    if free is None or need - ran <= free:
        return need
    # The estimate is a lower bound, so the size it allows is an upper bound, not a promise.
    fit = fitting_batch(s, texts, free)
    advice = f"no more than {fit} can fit" if fit else "not even 1 fits: free memory"
    raise BatchTooBig(f"Not enough memory: embedding a batch of {min(batch_size, len(texts))} sentences needs at "
                      f"least {need / 2**20:,.0f} MB and {free / 2**20:,.0f} MB is free. Lower RAG_BATCH_SIZE "
                      f"({advice}), then run: rag ingest (the index in use, if any, is unchanged).")
