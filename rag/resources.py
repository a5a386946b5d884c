"""Disk full, a read-only index folder, memory exhausted: typed errors with the fix in one line.

Chroma does not always say why a write failed (a full disk shows up as "Error in compaction:
Failed to apply logs to the metadata segment"), so after a failed write the free space of the
index's file system is measured too.

>>> classify(OSError(28, "No space left on device"), free_bytes=10**9)
'disk full'
>>> classify(RuntimeError("Error in compaction"), free_bytes=10**9) is None
True
"""

from __future__ import annotations

import errno
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from rag.errors import BatchTooBig, DiskFull, IndexReadOnly, OutOfMemory, RagError, ResourceError

LOW_SPACE = 16 * 1024 * 1024  # below this much free space a failed write is taken as "disk full"
_FULL = ("no space left", "database or disk is full", "os error 28", "disk quota", "file too large", "os error 27")
_READONLY = ("read-only file system", "readonly database", "os error 30", "permission denied", "os error 13")
_MEMORY = ("bad_alloc", "failed to allocate", "can't allocate memory", "cannot allocate memory", "out of memory",
           "failed to map segment",
           # a thread's stack is address space too: under a memory limit, starting one is what fails first
           "can't start new thread")


def free_bytes(path: Path) -> int | None:
    p = Path(path)
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


def classify(e: BaseException, free_bytes: int | None = None) -> str | None:
    """``"disk full"``, ``"read-only"``, ``"memory"`` or None for any other failure.

    >>> classify(RuntimeError("can't start new thread")), classify(OSError(28, "x")), classify(ValueError("x"))
    ('memory', 'disk full', None)
    """
    if isinstance(e, ResourceError):
        return e.kind
    if isinstance(e, MemoryError):
        return "memory"
    code = getattr(e, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "disk full"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "read-only"
    msg = str(e).lower()
    if any(s in msg for s in _FULL):
        return "disk full"
    if any(s in msg for s in _READONLY):
        return "read-only"
    if any(s in msg for s in _MEMORY):
        return "memory"
    if free_bytes is not None and free_bytes < LOW_SPACE and not isinstance(e, RagError):
        return "disk full"
    return None


def _mb(n: int | None) -> str:
    return "unknown" if n is None else f"{n / 1e6:.1f} MB"


def resource_error(e: BaseException, where: Path, batch_size: int = 0, writing: bool = True) -> RagError | None:
    """The typed error for ``e`` raised while using the index at ``where``, or None.
    ``writing``: during an ingest (the previous generation stays live) rather than a read."""
    free = free_bytes(where)
    kind = classify(e, free if writing else None)
    then = "then run: rag ingest (the index in use, if any, is unchanged)." if writing else "then retry."
    if kind == "disk full":
        why = "" if writing else "; Chroma writes a little to its store even to read it"
        return DiskFull(f"The disk holding {where} is full ({_mb(free)} free{why}). Free some space or set "
                        f"RAG_INDEX_DIR to a larger disk, {then}")
    if kind == "read-only":
        why = "" if writing else " (Chroma writes to its store even to read it)"
        return IndexReadOnly(f"Cannot write to {where}: it is read-only or not writable by this user{why}. Make it "
                             f"writable or set RAG_INDEX_DIR to a writable folder, {then}")
    if kind == "memory":
        return OutOfMemory(f"Ran out of memory while loading or running the embedding model (batch size {batch_size}). "
                           f"Lower RAG_BATCH_SIZE, or free memory, {then}")
    return None


@contextmanager
def resource_errors(where: Path, batch_size: int = 0, writing: bool = True):
    """Turn disk-full, read-only and out-of-memory failures inside the block into typed one-line errors."""
    try:
        yield
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BatchTooBig:  # already states the batch size that fits
        raise
    except ResourceError as e:  # raised deeper down, worded for a reader: say it as this block's kind
        raise resource_error(e, where, batch_size, writing) from None
    except RagError:
        raise
    except BaseException as e:  # noqa: BLE001 - pyo3 panics are BaseExceptions
        r = resource_error(e, where, batch_size, writing)
        if r is not None:
            raise r from None
        raise


def quiet_stderr(fn):
    """Call ``fn`` with file descriptor 2 captured. A Rust panic (Chroma) or a failed allocation
    (onnxruntime) prints a report straight to fd 2, which would bury our one-line error; on
    success whatever was captured is passed on to stderr unchanged."""
    import sys
    import tempfile

    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real fd 2 (embedded interpreters): just call it
        return fn()
    with tempfile.TemporaryFile() as cap:
        os.dup2(cap.fileno(), 2)
        ok = False
        try:
            out = fn()
            ok = True
            return out
        finally:
            try:
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
            os.dup2(saved, 2)
            os.close(saved)
            if ok:
                cap.seek(0)
                noise = cap.read()
                if noise:
                    os.write(2, noise)
