"""Security: loopback by default, no share link, no file served or opened because a user typed it.

* ``rag serve`` without ``--host`` listens on loopback only: the page answers on
  127.0.0.1 and the same port is refused on this machine's other addresses.
* Gradio's file routes do not hand out files outside its cache (``/etc/passwd``, the repo).
* Questions that look like paths are only questions: an audit hook records every file
  the pipeline, the chat service and the CLI open while answering them, and none is
  derived from the question. ``rag corpus add --id ../x`` cannot write outside corpus/.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import time
import sys
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from rag.cli import main
from rag.ingest import ingest
from rag.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_load import RagServer  # noqa: E402 - the same subprocess helper as the load test

PATH_QUESTIONS = [
    "../../etc/passwd",
    "/etc/passwd",
    "file:///etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "~/.ssh/id_rsa",
    "C:\\Windows\\win.ini",
    "When was the Pact signed? ../../../../etc/passwd\x00.md",
    "{corpus_dir}/../secret-zzq",
    "$(cat /etc/passwd)",
]


# --- the audit hook: every path opened while answering ---------------------------

_AUDIT: list | None = None  # a list while recording; hooks cannot be removed, so it is switched off, not out


def _hook(event, args):
    if _AUDIT is not None and event in ("open", "os.listdir", "os.scandir", "os.remove", "os.rename", "os.mkdir",
                                        "os.symlink", "shutil.copyfile", "shutil.rmtree", "os.chmod"):
        _AUDIT.append((event, [str(a) for a in args if isinstance(a, (str, bytes, os.PathLike))]))


sys.addaudithook(_hook)


def _opened_while(fn) -> list:
    global _AUDIT
    _AUDIT = []
    try:
        fn()
        return _AUDIT
    finally:
        _AUDIT = None


def _suspicious(events) -> list:
    marks = ("passwd", "id_rsa", "win.ini", "secret-zzq", ".ssh")
    return [(e, a) for e, a in events if any(m in x for x in a for m in marks)]


def test_path_like_questions_are_just_questions(hash_cfg, capsys, monkeypatch):
    import ui

    ingest(hash_cfg, progress=False)
    pipe = Pipeline(hash_cfg)
    svc = ui.ChatService(hash_cfg, pipeline=pipe)
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    for q in PATH_QUESTIONS:
        answers = []

        def run():
            a = pipe.ask(q)
            answers.append(a)
            b = svc.ask(q)
            svc.record_feedback(ui.public_dict(b), "down", session=q, answer_id=q)  # the question goes in the record
            main(["ask", "--json", q])

        events = _opened_while(run)
        assert not _suspicious(events), (q, _suspicious(events))
        assert any(str(hash_cfg.feedback_path) in x for _, a in events for x in a)  # the hook does see opens
        (a,) = answers
        assert a.abstained or a.citations
        assert "root:x:0" not in a.answer and "root:x:0" not in capsys.readouterr().out
    # feedback went to the configured file and nowhere else
    assert Path(hash_cfg.feedback_path).exists()
    assert len(Path(hash_cfg.feedback_path).read_text().splitlines()) == len(PATH_QUESTIONS)


def test_corpus_add_id_cannot_escape_the_corpus_dir(tmp_path, capsys, monkeypatch):
    corpus = tmp_path / "corpus"
    monkeypatch.setenv("RAG_CORPUS_DIR", str(corpus))
    raw = tmp_path / "raw.txt"
    raw.write_text("Pact signed\n\n" + "The pact was signed in 1979 by both sides in Washington. " * 5)
    for bad in ("../escaped", "../../tmp/escaped", str(tmp_path / "abs"), "UPPER", "a/b", ".hidden", ""):
        code = main(["corpus", "add", str(raw), "--id", bad]) if bad else 0
        err = capsys.readouterr().err
        if bad:
            assert code == 2 and err.startswith("error: Article id") and err.count("\n") == 1, (bad, err)
    assert not (tmp_path / "escaped.md").exists() and not (tmp_path / "abs.md").exists()
    assert not corpus.exists() or not list(corpus.iterdir())
    assert main(["corpus", "add", str(raw), "--id", "fine-id"]) == 0
    assert [p.name for p in corpus.iterdir()] == ["fine-id.md"]


# --- the running server -----------------------------------------------------------

def _other_addresses() -> list[str]:
    """This machine's non-loopback IP addresses (no link-local: they need a scope id)."""
    out = []
    for addrs in psutil.net_if_addrs().values():
        for a in addrs:
            if a.family not in (socket.AF_INET, socket.AF_INET6):
                continue
            ip = ipaddress.ip_address(a.address.split("%")[0])
            if not (ip.is_loopback or ip.is_link_local):
                out.append(str(ip))
    return out


def _connects(host: str, port: int) -> bool:
    fam = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(fam, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        try:
            s.connect((host, port))
            return True
        except OSError:
            return False


@pytest.fixture(scope="module")
def hash_server(tmp_path_factory):
    from conftest import write_tiny_corpus
    from rag.config import load_config

    d = tmp_path_factory.mktemp("sec")
    corpus = write_tiny_corpus(d / "corpus")
    cfg = load_config({}, model="hash", corpus_dir=corpus, index_dir=d / "index")
    ingest(cfg, progress=False)
    srv = RagServer({"RAG_EMBEDDING_MODEL": "hash", "RAG_CORPUS_DIR": corpus, "RAG_INDEX_DIR": d / "index",
                     "RAG_FEEDBACK_PATH": d / "feedback.jsonl"}, d / "server.log")
    try:
        yield srv.wait()
    finally:
        srv.stop()


@pytest.mark.slow
def test_serve_binds_loopback_only_without_host(hash_server):
    port = hash_server.port
    listening = [c.laddr for c in psutil.Process(hash_server.proc.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and all(ipaddress.ip_address(a.ip).is_loopback for a in listening), listening
    assert _connects("127.0.0.1", port)
    others = _other_addresses()
    if not others:
        pytest.skip("this machine has no non-loopback address to try (the listening sockets were checked above)")
    # Control: on this machine a socket bound to all addresses IS reachable on them, so a refusal means something.
    with socket.socket() as ctl:
        ctl.bind(("0.0.0.0", 0))
        ctl.listen()
        v4 = [a for a in others if ":" not in a]
        assert not v4 or _connects(v4[0], ctl.getsockname()[1])
    for ip in others:
        assert not _connects(ip, port), f"rag serve is reachable on {ip}:{port} without --host"
    # The URL line is printed once launch() returns, which can be a moment after the page answers.
    deadline = time.monotonic() + 20
    while f"http://127.0.0.1:{port}" not in Path(hash_server.log).read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    log = Path(hash_server.log).read_text()
    assert "gradio.live" not in log and "share" not in log.lower(), log  # no public share link
    assert f"http://127.0.0.1:{port}" in log


@pytest.mark.slow
@pytest.mark.parametrize("route", ["file=/etc/passwd", "gradio_api/file=/etc/passwd", "gradio_api/file=pyproject.toml",
                                   "gradio_api/file=../../../../etc/passwd", "gradio_api/file=corpus/../pyproject.toml",
                                   "static/../../../../etc/passwd", "gradio_api/file=%2Fetc%2Fpasswd"])
def test_file_routes_do_not_serve_local_files(hash_server, route):
    url = hash_server.url + route
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            body = r.read(200_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        assert e.code in (400, 403, 404, 405), (route, e.code)
        body = e.read(200_000).decode("utf-8", "replace")
    assert "root:x:0:0" not in body and "[build-system]" not in body, (route, body[:300])


@pytest.mark.slow
def test_api_path_questions_over_http(hash_server):
    from gradio_client import Client

    c = Client(hash_server.url, verbose=False)
    for q in PATH_QUESTIONS[:4]:
        d = c.predict(q, 0, api_name="/ask")
        assert d["abstained"] or d["citations"]
        assert "root:x:0" not in json.dumps(d)
