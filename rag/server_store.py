"""Index generations on a ``chroma run`` server (see ``rag.generations`` for the embedded folders).

Generation N of index ``<name>`` is the collections ``<name>-g<N>`` (chunks) and ``<name>-g<N>-s``
(sentences); the manifest is the metadata of the collection ``<name>-manifest``, changed last, in
one request. Creating ``<name>-g<N+1>`` claims the right to build it: the server refuses a second
creation, so two ingests never build the same generation. The claim records host, pid and start
time, so a claim left by a killed ingest on this machine is recognised and cleared. A building
ingest also beats: it stamps the claim every ``BEAT_EVERY`` seconds, so a claim from another
machine that has not beaten for ``STALE_AFTER`` seconds (its ingest was killed, or the machine
is gone) is cleared too, instead of blocking every later ingest.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from rag.errors import IngestRunning, RagError
from rag.generations import Manifest, pid_alive, published


BEAT_EVERY = 30.0  # seconds between a building ingest's stamps on its claim
STALE_AFTER = 600.0  # a claim from another machine not stamped for this long belongs to a gone ingest


class ServerStore:
    """Generations of one index as collections on a Chroma server."""

    server = True
    _beating: threading.Event | None = None

    def __init__(self, client, name: str, url: str):
        self._client, self.name, self.url = client, name, url
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

    def publish(self, m: Manifest, checkpoint=None) -> None:
        col = self._manifest_collection(create=True)
        if checkpoint:
            checkpoint("flip:before-rename")
        col.modify(metadata={"role": "manifest", "manifest": m.to_json()})
        if checkpoint:
            checkpoint("flip:after-rename")

    def discard(self, gen: int) -> None:
        self._stop_beating()
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
        return had

    def bm25_dir(self, gen: int) -> Path | None:
        return None  # chat servers on other machines could not read it: BM25 is built at start

    def indexes(self) -> dict[str, Manifest]:
        return server_indexes(self._client)


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
