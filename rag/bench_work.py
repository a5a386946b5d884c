"""The bench's scratch directory: made with its owner's pid, removed when the bench ends or is stopped.

A bench builds stores of up to a few GB in a temp dir. ``try/finally`` removes it when the bench fails, but a
``kill`` (SIGTERM, the usual way a long run is stopped) ends the process without running it, and SIGKILL cannot be
caught at all; so SIGTERM is turned into an exit that unwinds, and each new bench removes the dirs of benches whose
owner process is gone.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

PREFIX = "rag-bench-"
OWNER = "owner.pid"


def make_work_dir() -> Path:
    """A fresh scratch dir holding the pid of the bench that owns it; stale ones are removed first."""
    sweep_stale(Path(tempfile.gettempdir()))
    work = Path(tempfile.mkdtemp(prefix=PREFIX))
    (work / OWNER).write_text(str(os.getpid()))
    return work


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def sweep_stale(tmp: Path) -> list[Path]:
    """Remove the scratch dirs under ``tmp`` whose owner process has ended; dirs without an owner file (made by
    another tool or an older version) are left alone. Returns the removed dirs."""
    gone = []
    for d in tmp.glob(PREFIX + "*"):
        try:
            pid = int((d / OWNER).read_text().strip())
        except (OSError, ValueError):
            continue
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(d, ignore_errors=True)
            gone.append(d)
    return gone


@contextmanager
def exit_on_term():
    """Inside, SIGTERM raises ``SystemExit(143)`` so ``finally`` blocks (scratch removal, server shutdown) run.
    Signal handlers can only be set from the main thread; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise SystemExit(128 + signum)

    old = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)
