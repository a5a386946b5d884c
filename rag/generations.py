"""Index generations: readers use the one the manifest names; an ingest builds the next one beside it.

Embedded layout (``index_dir``), one folder per index (model + chunking settings)::

    index/sta-minilm-c1a2b3c/
        CURRENT.json       the manifest: which generation is live and what it holds
        .lock              flock-ed by the one ingest that may build (it holds the builder's pid)
        gen-7-3fa9c1d2/chroma/  a Chroma store with the chunk and sentence collections of generation 7
        gen-7-3fa9c1d2/bm25/    the BM25 index saved with it
        gen-6-…/                the previous generation, kept until the next ingest
        gen-8-…/                being built, or left by a killed ingest: no manifest names it, so
                                nothing reads it, and the next ingest removes it

An ingest copies the live generation (Chroma's SQLite file through SQLite's backup API, which
is consistent even while a chat server reads it; the vector segment files are never written
by readers), updates the copy, verifies it, fsyncs it, and then replaces ``CURRENT.json``
(write to a temp file, fsync, rename, fsync the folder). A reader never opens a generation
that is being written: that is what makes a SIGKILL at any moment harmless.

Against a ``chroma run`` server the same is done with collections (``rag.server_store``).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rag.errors import IndexMissing, IngestRunning, RagError

FORMAT = 1  # bump when the manifest or the generation layout changes
MANIFEST = "CURRENT.json"
_GEN_DIR = re.compile(r"^gen-(\d+)-[0-9a-f]+$")


@dataclass
class Manifest:
    """What a published generation holds. ``docs`` maps each document id to its hash and file."""

    generation: int
    model: str
    dim: int
    chunks: int
    sentences: int
    corpus_hash: str
    built_at: str
    build_seconds: float = 0.0
    settings: dict = field(default_factory=dict)
    docs: dict = field(default_factory=dict)  # doc id -> {"hash": doc_hash, "file": "name.md"}
    format: int = FORMAT

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str, where: str) -> "Manifest":
        try:
            d = json.loads(text)
            if d.get("format") != FORMAT:
                raise ValueError(f"format {d.get('format')!r}")
            return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            raise IndexMissing(f"The index manifest {where} is unreadable ({type(e).__name__}: {str(e)[:80]}). "
                               "Run: rag ingest (it builds a new generation)") from None


# --- durable files -------------------------------------------------------------------

def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """fsync every file and folder under ``root``: a generation is on disk before anything names it."""
    for dirpath, _, files in os.walk(root):
        for f in files:
            fd = os.open(os.path.join(dirpath, f), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(dirpath))


def write_durably(path: Path, text: str, checkpoint=None) -> None:
    """Replace ``path`` atomically and durably: temp file, fsync, rename, fsync the folder.

    ``checkpoint(step)`` is called just before and just after the rename (progress events, and the
    test hook that pauses there so a kill can land inside the flip)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if checkpoint:
            checkpoint("flip:before-rename")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if checkpoint:
        checkpoint("flip:after-rename")
    fsync_dir(path.parent)


def copy_chroma_store(src: Path, dst: Path) -> None:
    """Copy a Chroma persist folder that others may be reading: SQLite through its backup API
    (a consistent snapshot, even while a reader records its session in it), segment files as files."""
    dst.mkdir(parents=True)
    for entry in sorted(src.iterdir()):
        if entry.name == "chroma.sqlite3":
            s = sqlite3.connect(entry, timeout=60)
            d = sqlite3.connect(dst / entry.name)
            try:
                s.backup(d)
            finally:
                d.close()
                s.close()
        elif entry.is_dir():
            shutil.copytree(entry, dst / entry.name)
        elif not entry.name.startswith("chroma.sqlite3-"):  # a -journal belongs to the source's own writes
            shutil.copy2(entry, dst / entry.name)


def published(store) -> int:
    """The generation number the manifest names, even if that generation is unusable (0 if none):
    numbers only grow."""
    try:
        m = store.manifest()
    except RagError:
        return 0
    return m.generation if m else 0


# --- the ingest lock -------------------------------------------------------------------

def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def ingest_lock(root: Path, notice=print):
    """Hold ``root/.lock`` for one ingest. The kernel drops a flock when its holder dies, so a
    killed ingest never blocks the next; the pid it left in the file is reported as cleared."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise IngestRunning(f"Another ingest is running on this index (pid {pid}); wait for it to finish, "
                                "then run rag ingest again") from None
        old = os.pread(fd, 32, 0).decode(errors="replace").strip()
        if old.isdigit() and int(old) != os.getpid():
            state = "still running but not holding the lock" if pid_alive(int(old)) else "no longer running"
            notice(f"cleared the lock of an earlier ingest (pid {old}, {state}); its unfinished work is discarded")
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # ended, even by an error: only a killed ingest leaves its pid behind
    finally:
        os.close(fd)  # closing releases the flock


# --- embedded store ----------------------------------------------------------------------

class EmbeddedStore:
    """Generations of one index as folders under ``index_dir/<name>``."""

    server = False

    def __init__(self, index_dir: Path, name: str):
        self.root = Path(index_dir) / name
        self.name = name
        self._clients: dict[int, object] = {}

    def manifest(self) -> Manifest | None:
        path = self.root / MANIFEST
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            return None
        return Manifest.from_json(text, str(path))

    def stamp(self):
        """Changes whenever a new manifest is published (a rename makes a new inode); one stat."""
        try:
            st = os.stat(self.root / MANIFEST)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _dirs(self) -> dict[int, Path]:
        if not self.root.is_dir():
            return {}
        return {int(m.group(1)): p for p in self.root.iterdir() if (m := _GEN_DIR.match(p.name))}

    def path(self, gen: int) -> Path:
        return self._dirs().get(gen) or self.root / f"gen-{gen}-missing"

    def generations(self) -> list[int]:
        return sorted(self._dirs())

    def collection_names(self, gen: int) -> tuple[str, str]:
        return self.name, self.name + "-s"

    def client(self, gen: int):
        if gen not in self._clients:
            from rag.index import chroma_client

            where = self.path(gen)
            if not (where / "chroma").is_dir():
                raise IndexMissing(f"Generation {gen} of index {self.name} is missing from {self.root}. "
                                   "Run: rag ingest")
            self._clients[gen] = chroma_client(where / "chroma", self.root.parent)
        return self._clients[gen]

    def close(self, gen: int) -> None:
        c = self._clients.pop(gen, None)
        if c is not None:
            c.close()

    def begin(self, base: Manifest | None) -> int:
        """Make the next generation: a copy of ``base`` (or an empty folder). Returns its number."""
        gen = max(self.generations() + [base.generation if base else 0, published(self)]) + 1
        # A fresh suffix per build: Chroma caches one client per folder path for the life of a process,
        # so a path must never come back (after a failed build, or `rag index drop` and a rebuild).
        dst = self.root / f"gen-{gen}-{secrets.token_hex(4)}" / "chroma"
        try:
            if base is not None:
                copy_chroma_store(self.path(base.generation) / "chroma", dst)
            else:
                dst.mkdir(parents=True)
        except BaseException:
            shutil.rmtree(dst.parent, ignore_errors=True)  # e.g. the disk filled up mid-copy: give the space back
            raise
        return gen

    def seal(self, gen: int) -> None:
        """Everything of ``gen`` on disk: Chroma closed, every file fsynced."""
        self.close(gen)
        fsync_tree(self.path(gen))

    def publish(self, m: Manifest, checkpoint=None) -> None:
        write_durably(self.root / MANIFEST, m.to_json(), checkpoint)

    def discard(self, gen: int) -> None:
        self.close(gen)
        shutil.rmtree(self.path(gen), ignore_errors=True)

    def gc(self, keep: set[int]) -> list[int]:
        """Remove every generation not in ``keep`` (run under the ingest lock, after a flip)."""
        gone = [g for g in self.generations() if g not in keep]
        for g in gone:
            self.discard(g)
        for p in self.root.glob(f".{MANIFEST}.*.tmp"):  # a flip killed before its rename
            p.unlink(missing_ok=True)
        return gone

    @contextmanager
    def lock(self, notice=print):
        with ingest_lock(self.root, notice):
            yield

    def drop(self) -> bool:
        if not self.root.is_dir():
            return False
        with self.lock(notice=lambda _: None):
            for g in self.generations():
                self.discard(g)
            (self.root / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)
        return True

    def bm25_dir(self, gen: int) -> Path | None:
        return self.path(gen) / "bm25"

    def indexes(self) -> dict[str, "Manifest"]:
        """Every published index beside this one (this one included)."""
        return embedded_indexes(self.root.parent)


def embedded_indexes(index_dir: Path) -> dict[str, Manifest]:
    """Every published index under ``index_dir``: folder name -> manifest."""
    out = {}
    root = Path(index_dir)
    if not root.is_dir():
        return out
    for d in sorted(root.iterdir()):
        if d.is_dir() and (d / MANIFEST).is_file():
            try:
                m = EmbeddedStore(root, d.name).manifest()
            except RagError:
                continue
            if m is not None:
                out[d.name] = m
    return out


def legacy_layout(index_dir: Path) -> bool:
    """An index from before generations: one Chroma store for every model, right in ``index_dir``."""
    return (Path(index_dir) / "chroma.sqlite3").is_file()
