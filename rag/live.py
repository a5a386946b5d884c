"""Live reload: a chat server follows the index generation the manifest names, between questions.

Every question starts with one ``stat`` of the manifest (``CURRENT.json``: publishing a new
generation renames a new file into place, so its inode changes); against a Chroma server, a
read of the manifest's metadata at most every ``SERVER_CHECK_SECONDS``. When ``rag ingest`` has
published a new generation, the next question loads a ``Pipeline`` on it (reusing the loaded
model) and answers from it. Answers already in progress finish on the pipeline they started
with; its Chroma client is closed when the last of them is done. If the new generation cannot
be loaded, the server keeps answering from the one it has.
"""

from __future__ import annotations

import sys
import threading
import time

from rag.config import Config
from rag.errors import RagError

SERVER_CHECK_SECONDS = 2.0  # a manifest read is a round trip to the Chroma server; a stat is not


class LivePipeline:
    """``get()`` the pipeline on the live generation; ``ask(...)`` answers with it."""

    def __init__(self, cfg: Config, pipeline=None, embedder=None):
        self.cfg = cfg
        self._pipe = pipeline
        self._embedder = embedder or (pipeline.embedder if pipeline is not None else None)
        self._store = pipeline.index.store if pipeline is not None else None
        self._stamp = self._read_stamp() if pipeline is not None else None
        self._checked = time.monotonic()
        self._load_lock = threading.Lock()
        self._use_lock = threading.Lock()
        self._users: dict[int, int] = {}  # id(pipeline) -> answers in progress on it
        self._retired: dict[int, object] = {}
        self.error = ""
        self.reloads = 0

    @property
    def current(self):
        """The pipeline answering now (None until one has loaded); never reloads."""
        return self._pipe

    def _read_stamp(self):
        if self._store is None:
            return None
        try:
            return self._store.stamp()
        except Exception:  # noqa: BLE001 - a server away for a moment: keep the generation we have
            return self._stamp

    def _changed(self) -> bool:
        if self._store is not None and self._store.server and time.monotonic() - self._checked < SERVER_CHECK_SECONDS:
            return False
        self._checked = time.monotonic()
        return self._read_stamp() != self._stamp

    def get(self):
        """The pipeline on the live generation, loading it first if an ingest has published a new one."""
        if self._pipe is not None and not self._changed():
            return self._pipe
        with self._load_lock:
            if self._pipe is not None and self._read_stamp() == self._stamp:
                return self._pipe  # another thread reloaded while this one waited
            self._load()
        return self._pipe

    def _load(self) -> None:
        from rag.index import collection_name, open_store
        from rag.pipeline import Pipeline

        try:
            if self._embedder is None:
                from rag.models import load_embedder

                self._embedder = load_embedder(self.cfg)  # kept: a reload or a retry does not reload the model
            if self._store is None:
                self._store = open_store(self.cfg, collection_name(self._embedder.id, self.cfg))
            # Read before loading: a flip in between makes the next question load once more, never miss it.
            stamp = self._read_stamp()
            new = Pipeline(self.cfg, embedder=self._embedder)
        except RagError as e:
            if self._pipe is None:
                self.error = str(e)
                raise
            self._stamp = self._read_stamp()  # keep answering from the generation we have; retry at the next publish
            print(f"warning: the new index generation could not be loaded ({e}); still answering from "
                  f"generation {self._pipe.info.generation}", file=sys.stderr, flush=True)
            return
        old = self._pipe
        self._pipe, self._stamp, self.error = new, stamp, ""
        if old is not None:
            self.reloads += 1
            self._retire(old)

    def _retire(self, pipe) -> None:
        with self._use_lock:
            if self._users.get(id(pipe), 0):
                self._retired[id(pipe)] = pipe  # closed by the last answer still using it
                return
        _close(pipe)

    def ask(self, *args, **kwargs):
        pipe = self._acquire()
        try:
            return pipe.ask(*args, **kwargs)
        finally:
            self._release(pipe)

    def ask_stream(self, *args, **kwargs):
        """``Pipeline.ask_stream`` on the current generation, kept open until the last answer is out."""
        pipe = self._acquire()
        try:
            yield from pipe.ask_stream(*args, **kwargs)
        finally:
            self._release(pipe)

    def _acquire(self):
        pipe = self.get()
        with self._use_lock:
            self._users[id(pipe)] = self._users.get(id(pipe), 0) + 1
        return pipe

    def _release(self, pipe) -> None:
        with self._use_lock:
            self._users[id(pipe)] -= 1
            done = self._users[id(pipe)] == 0 and id(pipe) in self._retired
            if self._users[id(pipe)] == 0:
                del self._users[id(pipe)]
            if done:
                del self._retired[id(pipe)]
        if done:
            _close(pipe)


def _close(pipe) -> None:
    index = pipe.index
    if index.generation is not None and index.store is not None:
        index.store.close(index.generation)
