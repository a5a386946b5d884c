"""Chroma server mode: a real ``chroma run`` server on a free loopback port.

Ingest, ask, re-ingest and concurrent readers all go through
``RAG_CHROMA_URL``; a server that is down (or goes away mid-session) gives one
line naming the URL, and a new Pipeline works once it is back.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rag.cli import main
from rag.config import load_config
from rag.errors import ChromaUnavailable
from rag.ingest import ingest
from rag.pipeline import Pipeline
from conftest import write_tiny_corpus

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).parent / "chroma"
READY_TIMEOUT = 60.0  # seconds; the server is usually up in ~2 s


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """``chroma run --path DIR --host 127.0.0.1 --port PORT`` as a child process."""

    def __init__(self, path: Path, port: int | None = None):
        self.path, self.port = path, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> "ChromaServer":
        self.proc = subprocess.Popen([str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                      "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with status {self.proc.returncode}")
            try:
                urllib.request.urlopen(self.url + "/api/v2/heartbeat", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run was not ready at {self.url} within {READY_TIMEOUT:.0f} s")

    def stop(self) -> None:
        from conftest import stop_process

        stop_process(self.proc)
        self.proc = None


@pytest.fixture
def chroma_server(tmp_path):
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} not found: chromadb ships the chroma CLI; reinstall with: pip install -e '.[dev]'")
    srv = ChromaServer(tmp_path / "chroma-data").start()
    yield srv
    srv.stop()


@pytest.fixture
def server_cfg(chroma_server, tiny_corpus, monkeypatch):
    """Hash model (instant) + the tiny corpus, pointed at the server through the env var."""
    monkeypatch.setenv("RAG_CHROMA_URL", chroma_server.url)
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    cfg = load_config()
    assert cfg.chroma_url == chroma_server.url
    return cfg


def test_ingest_ask_reingest_through_server(server_cfg, isolated):
    first = ingest(server_cfg, progress=False)
    assert first.embedded == first.chunks > 0
    # nothing went to the embedded store: only the readers' folder of the server index
    assert [d.name.startswith("server-127.0.0.1_") for d in (isolated / "index").iterdir()] == [True]

    again = ingest(server_cfg, progress=False)
    assert again.embedded == 0 and again.added == again.updated == again.deleted == []
    assert again.chunks == first.chunks

    ans = Pipeline(server_cfg).ask("When was the Pact first signed?")
    assert not ans.abstained and "1979" in ans.answer
    assert ans.citations and ans.citations[0].doc_id == "pact-history"


def test_cli_uses_the_server(server_cfg, capsys):
    assert main(["ingest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["embedded"] > 0
    assert main(["ask", "--json", "When was the Pact first signed?"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "1979" in out["answer"]


def test_two_clients_read_concurrently(server_cfg, tiny_corpus, chroma_server):
    ingest(server_cfg, progress=False)
    questions = ["When was the Pact first signed?", "Who leads the ocean program?",
                 "How many researchers do the labs employ?", "When was it renewed?"] * 5
    # two chat servers' worth of Pipelines, each with its own HTTP client
    a, b = Pipeline(server_cfg), Pipeline(server_cfg)
    expected = [a.ask(q).answer for q in questions]
    with ThreadPoolExecutor(4) as pool:
        got_a = pool.map(lambda q: a.ask(q).answer, questions)
        got_b = pool.map(lambda q: b.ask(q).answer, questions)
        assert list(got_a) == expected and list(got_b) == expected

    # and a separate process reading the same index at the same time
    env = {**os.environ, "RAG_CHROMA_URL": chroma_server.url, "RAG_EMBEDDING_MODEL": "hash",
           "RAG_CORPUS_DIR": str(tiny_corpus)}
    procs = [subprocess.Popen([sys.executable, "-m", "rag", "ask", "--json", questions[i]], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    for i, p in enumerate(procs):
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert json.loads(out)["answer"] == expected[i]


def test_unreachable_server_is_one_line_naming_the_url(tiny_corpus, monkeypatch, capsys):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    with pytest.raises(ChromaUnavailable, match="127.0.0.1"):
        ingest(load_config(chroma_url=url), progress=False)
    assert main(["ask", "--chroma-url", url, "When was the Pact first signed?"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and url in err and err.startswith("error: ")


def test_bad_url_is_one_line(monkeypatch, capsys, tiny_corpus):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ingest", "--chroma-url", "http://"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "RAG_CHROMA_URL" in err


def test_server_going_away_and_coming_back(server_cfg, chroma_server, tmp_path):
    import dataclasses

    ingest(server_cfg, progress=False)
    # a chat server without the ingest's readers folder asks the server at every question
    cfg = dataclasses.replace(server_cfg, index_dir=tmp_path / "no-readers-folder")
    pipe, small = Pipeline(cfg), Pipeline(server_cfg)
    assert "1979" in pipe.ask("When was the Pact first signed?").answer

    chroma_server.stop()
    with pytest.raises(ChromaUnavailable) as e:
        pipe.ask("Who leads the ocean program?")  # a new question: not answered from any cache
    msg = str(e.value)
    assert "\n" not in msg and chroma_server.url in msg
    # with the folder, a small index (its sentence vectors in memory) answers without the server
    assert "Lee" in small.ask("Who leads the ocean program?").answer

    chroma_server.start()  # same data dir, same port
    assert "1979" in Pipeline(cfg).ask("When was the Pact first signed?").answer


def test_real_model_through_server(chroma_server, real_embedder, tmp_path, monkeypatch):
    """The real corpus and the bundled MiniLM, stored in the server."""
    import shutil

    corpus = tmp_path / "real-corpus"
    corpus.mkdir()
    for f in (Path(__file__).resolve().parent.parent / "corpus").glob("*.md"):
        shutil.copy(f, corpus / f.name)
    cfg = load_config(corpus_dir=str(corpus), chroma_url=chroma_server.url, model="minilm")
    rep = ingest(cfg, embedder=real_embedder, progress=False)
    assert rep.embedded == rep.chunks > 0
    assert ingest(cfg, embedder=real_embedder, progress=False).embedded == 0
    ans = Pipeline(cfg, embedder=real_embedder).ask("When was the STA first signed?")
    assert not ans.abstained and "1979" in ans.answer


def test_generations_on_the_server_and_claims_of_the_next_one(server_cfg, tiny_corpus, chroma_server, capsys):
    """A re-ingest builds collections ``<name>-g2`` beside ``-g1`` and flips the manifest collection; a
    claim on the next generation left by a dead ingest on this machine is cleared, a live one refuses."""
    import socket

    from rag.corpus import save
    from rag.errors import IngestRunning
    from rag.index import connect
    from rag.live import LivePipeline
    from rag.schema import Document

    first = ingest(server_cfg, progress=False)
    name, client = first.collection, connect(server_cfg)
    reader, live = Pipeline(server_cfg), LivePipeline(server_cfg)
    before = reader.ask("When was the Pact first signed?")
    assert live.ask("When was the Pact first signed?").answer == before.answer
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    client.create_collection(f"{name}-g2", metadata={"builder": f"{socket.gethostname()}:{dead}:0"},
                             embedding_function=None)
    save(Document("observatory", "Observatory", "Star News", [], "2024-03-01", "",
                  "The Quellmar observatory opened a joint telescope in 2021. It studies distant galaxies."), tiny_corpus)
    rep = ingest(server_cfg, progress=True)
    assert f"cleared generation 2 left by an ingest that is no longer running ({socket.gethostname()}:{dead}:0)" \
        in capsys.readouterr().err
    assert rep.generation == 2 and rep.added == ["observatory"]
    names = {getattr(c, "name", c) for c in client.list_collections()}
    assert {f"{name}-g1", f"{name}-g1-s", f"{name}-g2", f"{name}-g2-s", f"{name}-manifest"} <= names
    assert reader.ask("When was the Pact first signed?").answer == before.answer  # still on generation 1
    q = "What did the Quellmar observatory open?"
    assert Pipeline(server_cfg).ask(q).citations[0].doc_id == "observatory"
    deadline = time.monotonic() + 30  # a chat server re-reads the manifest every few seconds
    while live.current.info.generation != 2 or live.reloads != 1:
        assert time.monotonic() < deadline, "the live pipeline never switched to generation 2"
        live.ask(q)
        time.sleep(0.2)
    assert live.ask(q).citations[0].doc_id == "observatory"

    client.create_collection(f"{name}-g3", metadata={"builder": f"{socket.gethostname()}:{os.getpid()}:0"},
                             embedding_function=None)  # an ingest of this (live) process is building it
    (tiny_corpus / "observatory.md").unlink()
    with pytest.raises(IngestRunning, match="Another ingest is building generation 3"):
        ingest(server_cfg, progress=False)
    assert Pipeline(server_cfg).ask(q).citations[0].doc_id == "observatory"  # generation 2 still live


def test_a_claim_from_another_machine_blocks_while_it_beats_and_is_cleared_once_silent(server_cfg, tiny_corpus,
                                                                                       chroma_server, capsys, monkeypatch):
    from rag import server_store
    from rag.errors import IngestRunning
    from rag.index import connect

    name, client = ingest(server_cfg, progress=False).collection, connect(server_cfg)
    now = int(time.time())
    claim = client.create_collection(f"{name}-g2", metadata={"builder": f"elsewhere:1:{now}", "beat": now},
                                     embedding_function=None)
    (tiny_corpus / "labs.md").unlink()
    with pytest.raises(IngestRunning, match="Another ingest is building generation 2.*host elsewhere"):
        ingest(server_cfg, progress=False)
    claim.modify(metadata={"builder": f"elsewhere:1:{now}", "beat": now - 2 * int(server_store.STALE_AFTER)})
    rep = ingest(server_cfg, progress=True)
    assert "cleared generation 2 left by an ingest that is no longer running (elsewhere:1:" in capsys.readouterr().err
    assert rep.generation == 2 and rep.deleted == ["labs"]

    # a building ingest stamps its claim until the generation is sealed
    monkeypatch.setattr(server_store, "BEAT_EVERY", 0.05)
    store = server_store.ServerStore(client, name, server_cfg.chroma_url)
    gen = store.begin(None)
    col = client.get_collection(f"{name}-g{gen}", embedding_function=None)
    first = col.metadata["beat"]
    deadline = time.monotonic() + 10
    while client.get_collection(f"{name}-g{gen}", embedding_function=None).metadata["beat"] == first:
        assert time.monotonic() < deadline, "the claim was never stamped again"
        time.sleep(0.1)
    store.discard(gen)
    assert store._beating.is_set()


def test_a_server_generation_keeps_its_readers_in_a_local_folder(server_cfg, tiny_corpus, tmp_path, caplog):
    """BM25, the Lexicon and the sidecar of a server generation are saved by the ingest in a folder under
    ``index_dir``, stamped with the ids of the generation's collections; a chat process loads them instead of
    rebuilding, and ignores (with one log line) a folder whose stamp is not the server's."""
    import dataclasses
    import logging
    import shutil

    from rag.server_store import STAMP, readers_root

    name = ingest(server_cfg, progress=False).collection
    root = readers_root(server_cfg.index_dir, server_cfg.chroma_url, name)
    assert sorted(p.name for p in root.iterdir()) == ["g1"] and (root / "g1" / STAMP).is_file()
    questions = ["When was the Pact first signed?", "Who leads the ocean program?", "How many researchers?"]
    with_folder = Pipeline(server_cfg)
    r = with_folder.retriever
    assert r.bm25_loaded and r.lexicon_loaded and r.side is not None
    elsewhere = dataclasses.replace(server_cfg, index_dir=tmp_path / "no-folder-here")
    without = Pipeline(elsewhere)  # a chat server without the folder builds them, as before
    assert not without.retriever.bm25_loaded and not without.retriever.lexicon_loaded and without.retriever.side is None
    assert [with_folder.ask(q).answer for q in questions] == [without.ask(q).answer for q in questions]

    stamp = json.loads((root / "g1" / STAMP).read_text())
    (root / "g1" / STAMP).write_text(json.dumps({**stamp, "collections": ["another", "index"]}))
    with caplog.at_level(logging.WARNING, logger="rag.server_store"):
        r = Pipeline(server_cfg).retriever
    assert not r.bm25_loaded and not r.lexicon_loaded and r.side is None
    assert [rec.getMessage() for rec in caplog.records if "ignoring" in rec.getMessage()] != []
    (root / "g1" / STAMP).write_text(json.dumps(stamp))
    (root / "g1" / "lexicon.json").unlink()  # a folder copied in part is not read either
    assert not Pipeline(server_cfg).retriever.bm25_loaded
    (root / "g1" / STAMP).unlink()
    assert not Pipeline(server_cfg).retriever.bm25_loaded

    shutil.rmtree(root)  # an unchanged corpus: the ingest saves the folder for the live generation
    assert ingest(server_cfg, progress=False).generation == 1
    assert json.loads((root / "g1" / STAMP).read_text()) == stamp and Pipeline(server_cfg).retriever.bm25_loaded

    (tiny_corpus / "labs.md").unlink()
    assert ingest(server_cfg, progress=False).generation == 2
    assert sorted(p.name for p in root.iterdir()) == ["g1", "g2"]  # the previous one kept for readers still on it
    (root / ".g9.elsewhere.1.ab12cd.tmp").mkdir()  # an ingest on another machine sharing the folder: kept
    (root / f".g9.{socket.gethostname()}.999999999.ab12cd.tmp").mkdir()  # a killed ingest of this machine
    write_tiny_corpus(tiny_corpus)
    assert ingest(server_cfg, progress=False).generation == 3
    assert sorted(p.name for p in root.iterdir()) == [".g9.elsewhere.1.ab12cd.tmp", "g2", "g3"]
    assert main(["index", "drop", "--chroma-url", server_cfg.chroma_url]) == 0
    assert not root.exists()
