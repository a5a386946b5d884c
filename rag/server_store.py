"""Index generations on a ``chroma run`` server (see ``rag.generations`` for the embedded folders).

Generation N of index ``<name>`` is the collections ``<name>-g<N>`` (chunks) and ``<name>-g<N>-s``
(sentences); the manifest is the metadata of the collection ``<name>-manifest``, changed last, in
one request. Creating ``<name>-g<N+1>`` claims the right to build it: the server refuses a second
creation, so two ingests never build the same generation. The claim records host, pid and start
time, so a claim left by a killed ingest on this machine is recognised and cleared. A building
ingest also beats: it stamps the claim every ``BEAT_EVERY`` seconds, so a claim from another
machine that has not beaten for ``STALE_AFTER`` seconds (its ingest was killed, or the machine
is gone) is cleared too, instead of blocking every later ingest.

What readers load at start instead of rebuilding (BM25, the ``Lexicon``, the sidecar) cannot live in the
server: the ingesting process saves them in a local folder, ``readers_root`` (one per server and index,
under ``index_dir``; point chat servers' ``RAG_INDEX_DIR`` at a shared mount to use it), as
``g<N>/``, written into a temp folder and renamed into place when the generation is sealed. The folder
carries a stamp: the ids the server gave generation N's collections, and the size of each file. A reader
uses it only if the server's collections have those ids and the files those sizes, so a folder of a dropped
and rebuilt index, of another server, of an unfinished generation, or copied in part is ignored (one log
line; BM25 and the Lexicon are then built as without it). ``gc`` and ``drop`` remove the folders with the
generations.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from rag.errors import IngestRunning, RagError
from rag.generations import Manifest, fsync_dir, fsync_tree, pid_alive, published


BEAT_EVERY = 30.0  # seconds between a building ingest's stamps on its claim
STALE_AFTER = 600.0  # a claim from another machine not stamped for this long belongs to a gone ingest
STAMP = "server-stamp.json"  # written last into a readers folder: whose collections it was built from

log = logging.getLogger(__name__)


def readers_root(index_dir: Path, url: str, name: str) -> Path:
    """The local folder of index ``name``'s readers' files on the server at ``url`` (chosen here only).

    >>> readers_root(Path("index"), "http://10.0.0.5:8000", "sta-minilm-c1a2b3")
    PosixPath('index/server-10.0.0.5_8000-sta-minilm-c1a2b3')
    """
    u = urlparse(url if "://" in url else "http://" + url)
    host = re.sub(r"[^A-Za-z0-9.-]", "_", u.hostname or "server")
    return Path(index_dir) / f"server-{host}_{u.port or (443 if u.scheme == 'https' else 8000)}-{name}"


class ServerStore:
    """Generations of one index as collections on a Chroma server."""

    server = True
    _beating: threading.Event | None = None

    def __init__(self, client, name: str, url: str, readers: Path | None = None):
        self._client, self.name, self.url = client, name, url
        self.readers = Path(readers) if readers is not None else None  # see readers_root; None: none kept
        self._writing: dict[int, Path] = {}  # generation -> the temp readers folder this process writes
        self.manifest_name = f"{name}-manifest"
        self._claim = f"{socket.gethostname()}:{os.getpid()}:{time.time():.0f}"

    def _manifest_collection(self, create: bool = False):
        if create:
            return self._client.get_or_create_collection(self.manifest_name, metadata={"role": "manifest"},
                                                         embedding_function=None)
        if self.manifest_name not in self._names():
            return None
        return self._client.get_collection(self.manifest_name, embedding_function=None)

    def _names(self) -> set[str]:
        return {getattr(c, "name", c) for c in self._client.list_collections()}

    def manifest(self) -> Manifest | None:
        col = self._manifest_collection()
        text = (col.metadata or {}).get("manifest") if col is not None else None
        return Manifest.from_json(text, f"{self.url} collection {self.manifest_name}") if text else None

    def stamp(self):
        m = self.manifest()
        return (m.generation, m.built_at) if m else None

    def collection_names(self, gen: int) -> tuple[str, str]:
        return f"{self.name}-g{gen}", f"{self.name}-g{gen}-s"

    def client(self, gen: int):
        return self._client

    def close(self, gen: int) -> None:
        pass

    def generations(self) -> list[int]:
        pre = f"{self.name}-g"
        return sorted(int(n[len(pre):]) for n in self._names() if n.startswith(pre) and n[len(pre):].isdigit())

    def begin(self, base: Manifest | None) -> int:
        """Claim the next generation by creating its chunk collection (the server refuses a second
        creation), then copy ``base`` into it through the API."""
        gen = max(self.generations() + [base.generation if base else 0, published(self)]) + 1
        chunks, sents = self.collection_names(gen)
        try:
            col = self._client.create_collection(chunks, metadata={"builder": self._claim, "beat": int(time.time())},
                                                 configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        except Exception as e:  # noqa: BLE001 - chromadb raises a plain error for "already exists"
            if "exist" not in str(e).lower():
                raise
            raise IngestRunning(f"Another ingest is building generation {gen} of {self.name} on {self.url}; "
                                "wait for it to finish, then run rag ingest again") from None
        s = self._client.create_collection(sents, metadata={"role": "sentences"},
                                           configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        self._beat(col)
        self._writing[gen] = None
        if base is not None:
            old_c, old_s = self.collection_names(base.generation)
            for src, dst in ((old_c, col), (old_s, s)):
                copy_collection(self._client.get_collection(src, embedding_function=None), dst)
        return gen

    def _beat(self, col) -> None:
        """Stamp the claim every ``BEAT_EVERY`` seconds until the generation is sealed or discarded."""
        stop = self._beating = threading.Event()

        def run():
            while not stop.wait(BEAT_EVERY):
                try:
                    col.modify(metadata={"builder": self._claim, "beat": int(time.time())})
                except Exception:  # noqa: BLE001 - a missed beat only ages the claim; the ingest itself reports errors
                    pass

        threading.Thread(target=run, name="claim-beat", daemon=True).start()

    def _stop_beating(self) -> None:
        if self._beating is not None:
            self._beating.set()

    def seal(self, gen: int) -> None:
        self._stop_beating()
        self._place_readers(gen)

    def publish(self, m: Manifest, checkpoint=None) -> None:
        col = self._manifest_collection(create=True)
        if checkpoint:
            checkpoint("flip:before-rename")
        col.modify(metadata={"role": "manifest", "manifest": m.to_json()})
        if checkpoint:
            checkpoint("flip:after-rename")

    def discard(self, gen: int) -> None:
        self._stop_beating()
        self.discard_readers(gen)
        if self.readers is not None:
            shutil.rmtree(self.readers / f"g{gen}", ignore_errors=True)
        names = self._names()
        for n in self.collection_names(gen):
            if n in names:
                self._client.delete_collection(n)

    def gc(self, keep: set[int]) -> list[int]:
        """Remove superseded generations, and unpublished ones whose builder is gone."""
        m = self.manifest()
        live = m.generation if m else 0
        gone = []
        for g in self.generations():
            if g in keep or (g > live and not self._stale_claim(self._builder(g))):
                continue  # another machine's ingest may still be building it
            self.discard(g)
            gone.append(g)
        self._sweep_readers(set(self.generations()))
        return gone

    def _builder(self, gen: int) -> dict:
        col = self._client.get_collection(self.collection_names(gen)[0], embedding_function=None)
        return col.metadata or {}

    def _stale_claim(self, meta: dict) -> bool:
        claim = meta.get("builder", "")
        host, _, rest = claim.partition(":")
        pid, _, started = rest.partition(":")
        if claim == self._claim or not claim:
            return True
        if host == socket.gethostname() and pid.isdigit():
            return not pid_alive(int(pid))
        return time.time() - _last_beat(meta, started) > STALE_AFTER

    @contextmanager
    def lock(self, notice=print):
        """The claim in ``begin`` is the lock on a server: an unpublished generation claimed by a
        running ingest (or one on another machine, whose state cannot be seen) stops this one; one
        claimed by an ingest of this machine that is no longer running is cleared."""
        m = self.manifest()
        live = m.generation if m else 0
        for g in self.generations():
            if g <= live:
                continue
            meta = self._builder(g)
            claim = meta.get("builder", "")
            if not self._stale_claim(meta):
                host, _, rest = claim.partition(":")
                raise IngestRunning(f"Another ingest is building generation {g} of {self.name} on {self.url} "
                                    f"(host {host}, pid {rest.split(':')[0]}); wait for it to finish, then run "
                                    f"rag ingest again (a claim from another machine not renewed for "
                                    f"{STALE_AFTER / 60:.0f} minutes is cleared)")
            notice(f"cleared generation {g} left by an ingest that is no longer running ({claim})")
            self.discard(g)
        yield

    def drop(self) -> bool:
        gens = self.generations()
        had = bool(gens) or self.manifest_name in self._names()
        for g in gens:
            self.discard(g)
        if self.manifest_name in self._names():
            self._client.delete_collection(self.manifest_name)
        if self.readers is not None:
            shutil.rmtree(self.readers, ignore_errors=True)
        return had

    # --- the readers' files, in a local folder ------------------------------------------------

    def _stamp(self, gen: int) -> dict:
        """What the server says generation ``gen`` is: its collections' ids (new ones if it is rebuilt)."""
        ids = [str(self._client.get_collection(n, embedding_function=None).id) for n in self.collection_names(gen)]
        return {"generation": gen, "collections": ids}

    def rewrite_readers(self, gen: int) -> None:
        """Let this process write ``gen``'s readers folder afresh (a published generation without one)."""
        if self.readers is not None:
            self._writing[gen] = None

    def discard_readers(self, gen: int) -> None:
        """Remove the readers folder this process was writing for ``gen`` (not yet in place)."""
        tmp = self._writing.pop(gen, None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    def bm25_dir(self, gen: int) -> Path | None:
        """The readers folder of ``gen``: the temp one while this process writes it; else the saved one if
        its stamp matches the server's collections; else None (readers build BM25 and the Lexicon)."""
        if self.readers is None:
            return None
        if gen in self._writing:
            if self._writing[gen] is None:
                self.readers.mkdir(parents=True, exist_ok=True)
                tmp = f".g{gen}.{socket.gethostname()}.{os.getpid()}.{secrets.token_hex(3)}.tmp"
                self._writing[gen] = self.readers / tmp
                self._writing[gen].mkdir()
            return self._writing[gen]
        folder = self.readers / f"g{gen}"
        if not folder.is_dir():
            return None
        try:
            saved = json.loads((folder / STAMP).read_text(encoding="utf-8"))
            if saved.get("files") != _sizes(folder):
                why = "its files are not those it was saved with (copied in part?)"
            elif {k: v for k, v in saved.items() if k != "files"} == self._stamp(gen):
                return folder
            else:
                why = "it was saved for other collections (the index was rebuilt, or another server's)"
        except (OSError, ValueError, AttributeError) as e:
            why = f"its stamp is unreadable ({type(e).__name__})"
        except Exception as e:  # noqa: BLE001 - e.g. the generation's collection is gone: the reader reports that
            why = f"the server's generation cannot be read ({type(e).__name__})"
        log.warning("ignoring %s: %s; building BM25 and the Lexicon instead", folder, why)
        return None

    def _place_readers(self, gen: int) -> None:
        """Stamp the temp folder, put it on disk, and rename it into place (a kill before the rename leaves
        only a temp folder, which nothing reads and the next ``gc`` removes)."""
        tmp = self._writing.pop(gen, None)
        if tmp is None:
            return
        (tmp / STAMP).write_text(json.dumps({**self._stamp(gen), "files": _sizes(tmp)}), encoding="utf-8")
        fsync_tree(tmp)
        final = self.readers / f"g{gen}"
        if final.exists():  # left by a killed ingest, or a stale one being rewritten: never read after this
            old = final.with_name(f".{final.name}.{secrets.token_hex(3)}.old")
            os.replace(final, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, final)
        fsync_dir(self.readers)
        self._sweep_readers(set(self.generations()))  # e.g. generations another machine's ingest removed

    def _sweep_readers(self, keep: set[int]) -> None:
        """Remove the readers folders of generations the server no longer has, and temp folders of ingests
        that are not running here (this process's own are still being written)."""
        if self.readers is None or not self.readers.is_dir():
            return
        mine = {p for p in self._writing.values() if p is not None}
        for p in self.readers.iterdir():
            gone = p.name.startswith("g") and p.name[1:].isdigit() and int(p.name[1:]) not in keep
            stale_tmp = p.name.startswith(".") and p not in mine and not _tmp_alive(p.name)
            if gone or stale_tmp:
                shutil.rmtree(p, ignore_errors=True)

    def indexes(self) -> dict[str, Manifest]:
        return server_indexes(self._client)


def _sizes(folder: Path) -> dict[str, int]:
    """Each file of a readers folder (its stamp aside) and its size: a folder copied in part does not match."""
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file() and p.name != STAMP}


def _tmp_alive(name: str) -> bool:
    """A temp readers folder ``.g<N>.<host>.<pid>.<token>.tmp`` of an ingest still running on this machine (one
    from another machine sharing the folder is kept: its state cannot be seen; an ``.old`` one is never alive)."""
    parts = name.split(".")
    if not name.endswith(".tmp") or len(parts) < 6:
        return False
    host, pid = ".".join(parts[2:-3]), parts[-3]
    if host != socket.gethostname():
        return True
    return pid.isdigit() and pid_alive(int(pid))


def _last_beat(meta: dict, started: str) -> float:
    """When the claim was last stamped (a claim without stamps, from an older version: when it was made)."""
    beat = meta.get("beat")
    if isinstance(beat, (int, float)):
        return float(beat)
    return float(started) if started.replace(".", "", 1).isdigit() else 0.0


def copy_collection(src, dst, page: int = 2000) -> None:
    total = src.count()
    for off in range(0, total, page):
        got = src.get(include=["embeddings", "documents", "metadatas"], limit=page, offset=off)
        if got["ids"]:
            dst.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                    metadatas=got["metadatas"])


def server_indexes(client) -> dict[str, Manifest]:
    out = {}
    for n in sorted(getattr(c, "name", c) for c in client.list_collections()):
        if n.endswith("-manifest"):
            try:
                m = ServerStore(client, n[: -len("-manifest")], "server").manifest()
            except RagError:
                continue
            if m is not None:
                out[n[: -len("-manifest")]] = m
    return out
