"""Progress of long work (ingest): a tqdm bar on a terminal, JSON lines under ``--json``, or nothing.

JSON mode writes one object per line to stderr (stdout keeps the single result object)::

    {"event": "step", "step": "embed", "total": 412}
    {"event": "progress", "step": "embed", "done": 128, "total": 412}
    {"event": "notice", "message": "cleared the lock of an earlier ingest (pid 4242, ...)"}

``pause`` is a test hook (``RAG_DEBUG_PAUSE=STEP=SECONDS``): the process sleeps right after
announcing that step, so a fault test can kill it there, e.g. between writing the new manifest
and renaming it into place (``flip:before-rename``).
"""

from __future__ import annotations

import json
import sys
import time

JSON_EVERY = 0.5  # seconds between JSON progress lines for one bar


class Progress:
    def __init__(self, mode: str = "off", pause: str = "", stream=None):
        assert mode in ("off", "bar", "json"), mode
        self.mode, self.stream = mode, stream or sys.stderr
        step, _, secs = pause.rpartition("=")
        self._pause = (step, float(secs)) if step and secs else None

    @classmethod
    def of(cls, progress, cfg=None) -> "Progress":
        """``True`` → bars (shown only on a terminal), ``False`` → silent, a ``Progress`` as is."""
        if isinstance(progress, Progress):
            return progress
        return cls("bar" if progress else "off", getattr(cfg, "debug_pause", "") or "")

    def _emit(self, obj: dict) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.stream.flush()

    def step(self, name: str, **info) -> None:
        """A named point in the work; paused here if the test hook names it."""
        if self.mode == "json":
            self._emit({"event": "step", "step": name, **info})
        if self._pause and self._pause[0] == name:
            time.sleep(self._pause[1])

    def notice(self, message: str) -> None:
        if self.mode == "json":
            self._emit({"event": "notice", "message": message})
        else:
            print(message, file=sys.stderr, flush=True)

    def bar(self, name: str, total: int, unit: str) -> "Bar":
        self.step(name, total=total, unit=unit)
        return Bar(self, name, total, unit)


class Bar:
    def __init__(self, progress: Progress, name: str, total: int, unit: str):
        self.p, self.name, self.total, self.done = progress, name, total, 0
        self._last = 0.0
        self._tqdm = None
        if progress.mode == "bar":
            from tqdm import tqdm

            # disable=None: shown on a terminal only, so logs and pipes stay clean
            self._tqdm = tqdm(total=total, desc=name, unit=unit, disable=None, leave=False, file=progress.stream)

    def update(self, n: int) -> None:
        self.done += n
        if self._tqdm is not None:
            self._tqdm.update(n)
        elif self.p.mode == "json" and (time.monotonic() - self._last >= JSON_EVERY or self.done >= self.total):
            self._last = time.monotonic()
            self.p._emit({"event": "progress", "step": self.name, "done": self.done, "total": self.total})

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()

    def __enter__(self) -> "Bar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
