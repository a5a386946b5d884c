"""Faults: a killed ingest, a broken or foreign index, and files written while others read them.

* ``rag ingest`` SIGKILLed part-way through re-indexing a few hundred articles leaves
  the previous index answering, and the next run ends with exactly the chunks and
  sentences of the current corpus: none duplicated, none orphaned.
* A missing, empty, corrupted or other-model index is one line on stderr starting
  with ``error:``, exit status 2, no traceback.
* Corpus files and eval reports are replaced atomically: concurrent writers and a
  writer killed mid-write never leave a partial file for a reader to see.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from rag.cli import main
from rag.config import load_config
from rag.corpus import atomic_write, corpus_hash, load_corpus, parse, save
from rag.embedding import HashEmbedder
from rag.generations import EmbeddedStore
from rag.index import Index, collection_name
from rag.ingest import ingest, records
from rag.schema import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUESTION = "When was the STA first signed?"


def _env(**kv) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"RAG_EMBEDDING_MODEL": "hash", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    env.update({k: str(v) for k, v in kv.items()})
    return env


def _rag(*args, env, timeout=180, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT, **kw)


def _one_error_line(err: str) -> str:
    assert "Traceback" not in err and "panicked" not in err, err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


# --- a broken or foreign index: one line, exit 2 ---------------------------------------

@pytest.fixture
def hash_index(tmp_path, monkeypatch):
    """The real five articles indexed with the hash embedder (a couple of seconds)."""
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    cfg = load_config(model="hash", corpus_dir=CORPUS, index_dir=tmp_path / "good-index")
    ingest(cfg, progress=False)
    return cfg


def _ask_in_process(capsys, index_dir) -> tuple[int, str]:
    code = main(["ask", "--index-dir", str(index_dir), QUESTION])
    out, err = capsys.readouterr()
    return code, err


def test_missing_and_empty_index_dir(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    for d in (tmp_path / "never-made", tmp_path / "empty"):
        if d.name == "empty":
            d.mkdir()
        code, err = _ask_in_process(capsys, d)
        assert code == 2 and "No index for model 'hash'" in _one_error_line(err) and "rag ingest" in err
    (tmp_path / "a-file").write_text("not a directory")
    code, err = _ask_in_process(capsys, tmp_path / "a-file")
    assert code == 2 and "is a file, not a directory" in _one_error_line(err)


def test_index_built_with_another_model_or_never_completed(hash_index, tmp_path, capsys):
    # Another model's index only: the message names it and the command that builds ours.
    other = load_config(model="hash", corpus_dir=CORPUS, index_dir=tmp_path / "other")
    ingest(other, embedder=HashEmbedder(id="hash2"), progress=False)
    code, err = _ask_in_process(capsys, other.index_dir)
    assert code == 2 and "(indexes exist for: hash2)" in _one_error_line(err) and "rag ingest --model hash" in err

    # A collection whose metadata says another model / dimension made it.
    Index(hash_index, "hash").set_meta(model="someone-else", dim=768)
    code, err = _ask_in_process(capsys, hash_index.index_dir)
    assert code == 2 and "was built with model 'someone-else' (768 dims)" in _one_error_line(err)

    # A first ingest killed before it finished: a generation folder that no manifest names.
    fresh = load_config(model="hash", corpus_dir=CORPUS, index_dir=tmp_path / "half")
    EmbeddedStore(fresh.index_dir, collection_name("hash", fresh)).begin(None)
    code, err = _ask_in_process(capsys, fresh.index_dir)
    assert code == 2 and "never completed" in _one_error_line(err)


def live_sqlite(index_dir: Path, model: str = "hash") -> Path:
    """The Chroma SQLite file of the generation the manifest names."""
    cfg = load_config(model=model, index_dir=index_dir)
    store = EmbeddedStore(index_dir, collection_name(model, cfg))
    return store.path(store.manifest().generation) / "chroma" / "chroma.sqlite3"


def test_garbage_sqlite_subprocess_is_one_line_and_ingest_rebuilds(hash_index, tmp_path):
    bad = tmp_path / "garbage"
    shutil.copytree(hash_index.index_dir, bad)
    live_sqlite(bad).write_bytes(random.Random(1).randbytes(64 * 1024))
    env = _env(RAG_INDEX_DIR=bad, RAG_CORPUS_DIR=CORPUS)
    r = _rag("ask", QUESTION, env=env)
    assert r.returncode == 2
    assert "may be corrupted" in _one_error_line(r.stderr)
    # The ingest sees the live generation cannot be read, says so, and builds a fresh one beside it.
    r = _rag("ingest", "--json", env=env)
    assert r.returncode == 0 and "cannot be read" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert json.loads(r.stdout)["embedded"] == json.loads(r.stdout)["chunks"] > 0
    r = _rag("ask", QUESTION, env=env)
    assert r.returncode == 0 and "1979" in r.stdout, r.stderr


SWEEP = r"""
import contextlib, io, json, os, random, shutil, sys
from rag.cli import main
src, work, q, rel = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
size = os.path.getsize(os.path.join(src, rel))
out = []
# Page-sized garbage at spread offsets, plus one long smear that makes Chroma's Rust core panic on open.
cases = [(off, 4096) for off in range(0, size, max(4096, size // 12 // 4096 * 4096))] + [(20000, 60000)]
for i, (off, n) in enumerate(cases):
    d = os.path.join(work, str(i))
    shutil.copytree(src, d)
    with open(os.path.join(d, rel), "r+b") as f:
        f.seek(off)
        f.write(random.Random(off).randbytes(min(n, size - off)))
    err = io.StringIO()
    saved = os.dup(2)  # capture fd 2 too: a Rust panic writes there directly
    with open(os.path.join(work, f"{i}.fd2"), "w+") as cap:
        os.dup2(cap.fileno(), 2)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                code = main(["ask", "--index-dir", d, q])
        except BaseException as e:
            code = "raised " + type(e).__name__ + ": " + str(e)[:200]
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
        cap.seek(0)
        fd2 = cap.read()
    out.append({"offset": off, "code": code, "stderr": err.getvalue() + fd2})
print(json.dumps(out))
"""


@pytest.mark.slow
def test_corrupted_sqlite_pages_give_an_answer_or_one_line(hash_index, tmp_path):
    """Garbage at ~13 places in chroma.sqlite3: each ask answers (page unused) or fails in one line."""
    rel = live_sqlite(hash_index.index_dir).relative_to(hash_index.index_dir)
    r = subprocess.run([sys.executable, "-c", SWEEP, str(hash_index.index_dir), str(tmp_path / "sweep"), QUESTION,
                        str(rel)],
                       capture_output=True, text=True, env=_env(RAG_CORPUS_DIR=CORPUS), timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    cases = json.loads(r.stdout)
    assert len(cases) >= 10
    for c in cases:
        assert c["code"] in (0, 2), c
        if c["code"] == 2:
            assert "may be corrupted" in _one_error_line(c["stderr"]), c
    assert any(c["code"] == 2 for c in cases)
    print(f"\ncorruption sweep: {len(cases)} damaged copies, {sum(c['code'] == 0 for c in cases)} still answered, "
          f"{sum(c['code'] == 2 for c in cases)} gave one 'error:' line")


# --- SIGKILL part-way through a large re-index ------------------------------------------

N_ARTICLES = 240  # a few hundred: ~2,000 sentences to re-embed, several seconds of writes
GROWTH = 64 * 1024  # bytes the store must grow by before the kill: new vectors, not bookkeeping
WORDS = ("research cooperation agreement science technology laboratory university exchange funding program "
         "energy health agriculture ocean climate data security export talent").split()


def _synthetic(d: Path, version: int) -> None:
    """N_ARTICLES articles; every sentence but the first changes with ``version``."""
    d.mkdir(parents=True, exist_ok=True)
    for i in range(N_ARTICLES):
        rnd = random.Random(f"{i}-{version}")
        filler = " ".join(" ".join(rnd.choice(WORDS) for _ in range(10)).capitalize() + "." for _ in range(5))
        body = (f"The Zorvath{i} accord was signed in {1900 + i % 100} in the city of Quellmar{i}. {filler} "
                f"Revision {version} of this report was filed by clerk Brannoc{i}.")
        save(Document(f"art-{i:04d}", f"Synthetic article {i}", "Synthetic Wire", [], "2024-01-01", "", body), d,
             overwrite=True)


PROBE = r"""
import json, sys
from rag.config import load_config
from rag.generations import EmbeddedStore
from rag.index import Index, collection_name
from rag.pipeline import Pipeline
cfg = load_config()
ix = Index(cfg, "hash")
a = Pipeline(cfg).ask(sys.argv[1])
print(json.dumps({"chunks": ix.collection().count(), "sentences": ix.sentence_count(),
                  "corpus_hash": ix.info().corpus_hash, "answer": a.answer, "abstained": a.abstained,
                  "cited": [c.doc_id for c in a.citations], "notice": a.notice}))
"""


def _probe(env, question) -> dict:
    r = subprocess.run([sys.executable, "-c", PROBE, question], capture_output=True, text=True, env=env,
                       timeout=180, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def _new_generation_bytes(index: Path, live: Path) -> int:
    """Size of the SQLite file of the generation being built (0 until the copy exists)."""
    sizes = [p.stat().st_size for p in index.glob("*/gen-*/chroma/chroma.sqlite3") if p != live and p.exists()]
    return max(sizes, default=0)


@pytest.mark.slow
def test_sigkill_mid_reindex_keeps_old_index_and_next_run_is_exact(tmp_path):
    """Readers only open the generation the manifest names, so a kill while the next one is being
    written cannot touch what they read (this test used to fail on a loaded machine, when both
    the killed writer and the reader worked on one Chroma store)."""
    corpus, index = tmp_path / "big-corpus", tmp_path / "big-index"
    env = _env(RAG_CORPUS_DIR=corpus, RAG_INDEX_DIR=index)
    q = "When was the Zorvath17 accord signed?"
    _synthetic(corpus, 1)
    first = _rag("ingest", "--json", env=env)
    assert first.returncode == 0, first.stderr
    before = json.loads(first.stdout)
    hash_v1 = corpus_hash(load_corpus(corpus).documents)
    old = _probe(env, q)
    live = live_sqlite(index)

    _synthetic(corpus, 2)  # every article changes: a full re-index
    size0 = live.stat().st_size
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ingest", "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Kill once the new generation has grown past the copy (new vectors are going in), plus a little.
        while _new_generation_bytes(index, live) < size0 + GROWTH and proc.poll() is None:
            assert time.monotonic() - t0 < 120, "rag ingest wrote nothing in 120 s"
            time.sleep(0.01)
        time.sleep(0.2)
        assert proc.poll() is None, "rag ingest finished before it could be killed: raise N_ARTICLES"
        killed_after = time.monotonic() - t0
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    mid = _probe(env, q)  # the previous generation answers exactly as before, and knows it is behind
    assert mid["corpus_hash"] == hash_v1 and "older than the articles" in mid["notice"]
    assert {k: mid[k] for k in ("answer", "cited", "chunks", "sentences")} == \
        {k: old[k] for k in ("answer", "cited", "chunks", "sentences")}
    assert "1917" in mid["answer"] and mid["chunks"] == before["chunks"]

    again = _rag("ingest", "--json", env=env)
    assert again.returncode == 0, again.stderr
    assert "removed unfinished generation" in again.stderr
    rep = json.loads(again.stdout)
    assert rep["deleted"] == [] and rep["skipped"] == [] and len(rep["updated"]) == N_ARTICLES

    # Exactly the current corpus: no duplicate, no orphan, in either collection.
    cfg = load_config(model="hash", corpus_dir=corpus, index_dir=index)
    docs = load_corpus(corpus).documents
    want_chunks, want_sents = set(), set()
    for d in docs:
        chunks, sents = records(d, cfg)
        want_chunks |= {c[0] for c in chunks}
        want_sents |= {s[0] for s in sents}
    ix = Index(cfg, "hash")
    have_chunks = ix.collection().get(include=[])["ids"]
    have_sents = ix.sentences().get(include=[])["ids"]
    assert len(have_chunks) == len(set(have_chunks)) == ix.collection().count()
    assert set(have_chunks) == want_chunks and set(have_sents) == want_sents
    assert ix.sentence_count() == len(want_sents) and rep["chunks"] == len(want_chunks)
    assert ix.info().corpus_hash == corpus_hash(docs)

    from rag.pipeline import Pipeline

    a = Pipeline(cfg).ask(q)
    assert "1917" in a.answer and not a.notice
    print(f"\nkill test: SIGKILL {killed_after:.1f}s into the re-index ({N_ARTICLES} articles); the live "
          f"generation still held {mid['chunks']} chunks / {mid['sentences']} sentences and answered as before; "
          f"after the next ingest: {len(want_chunks)} chunks / {len(want_sents)} sentences, exactly the corpus's; "
          f"it embedded {rep['embedded_sentences']} sentences and removed {rep['removed_chunks']} stale chunks")


# --- atomic files: concurrent writers, killed writers ------------------------------------

def _article(n: int) -> Document:
    body = " ".join(f"Sentence {i} of version {n} says the pact was signed in 1979." for i in range(200 + n * 50))
    return Document("same-id", f"Version {n}", "Outlet", [], "2024-01-01", "", body)


def test_concurrent_corpus_writers_never_expose_a_partial_file(tmp_path):
    """Several writers replace one article while a reader parses it: always one whole version."""
    corpus = tmp_path / "c"
    versions = {n: _article(n) for n in range(4)}
    save(versions[0], corpus)
    path = corpus / "same-id.md"
    stop, seen, bad = threading.Event(), set(), []

    def reader():
        while not stop.is_set():
            try:
                doc = parse(path.read_text(encoding="utf-8"), path.name)
            except Exception as e:  # noqa: BLE001 - any failure here is the bug we test for
                bad.append(repr(e))
                continue
            seen.add(doc.title)
            if doc.body != versions[int(doc.title.split()[1])].body:
                bad.append(f"{doc.title}: body differs")

    def writer(n):
        for _ in range(25):
            save(versions[n], corpus, overwrite=True)

    r = threading.Thread(target=reader)
    r.start()
    ws = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    stop.set()
    r.join()
    assert not bad, bad[:3]
    assert len(seen) >= 2
    assert [p.name for p in corpus.iterdir()] == ["same-id.md"]  # no temp files left behind
    assert oct(path.stat().st_mode & 0o777) != "0o600"  # readable like any other file, not mkstemp's 0600


def test_cli_corpus_add_concurrently(tmp_path, monkeypatch, capsys):
    """``rag corpus add --force`` from several threads at once: the file is always one whole article."""
    corpus = tmp_path / "c"
    monkeypatch.setenv("RAG_CORPUS_DIR", str(corpus))
    raws = []
    for n in range(3):
        f = tmp_path / f"raw{n}.txt"
        f.write_text(f"Headline number {n}\n\n" + " ".join(f"Paragraph sentence {i} from draft {n} about the pact."
                                                          for i in range(300)))
        raws.append(f)
    codes = []
    ts = [threading.Thread(target=lambda f=f: codes.extend(
        main(["corpus", "add", str(f), "--id", "shared", "--outlet", "Wire", "--force"]) for _ in range(5)))
        for f in raws]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    capsys.readouterr()
    assert codes == [0] * 15
    doc = parse((corpus / "shared.md").read_text(encoding="utf-8"), "shared.md")
    n = doc.body.split("from draft ")[1][0]
    assert doc.body.count(f"from draft {n}") == 300 and "draft" in doc.body
    assert sorted(p.name for p in corpus.iterdir()) == ["shared.md"]


KILLED_WRITER = r"""
import sys
from pathlib import Path
from rag.corpus import atomic_write
p = Path(sys.argv[1])
big = {"a": "a" * 3_000_000 + "\n", "b": "b" * 5_000_000 + "\n"}
print("ready", flush=True)
while True:
    for k in "ab":
        atomic_write(p, big[k])
"""


def test_writer_killed_mid_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "report.json"
    atomic_write(target, "a" * 3_000_000 + "\n")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "ready"
        # 1.5 s of reads, and at least six of them however slow a busy machine makes each (at most 60 s)
        start, reads = time.monotonic(), 0
        while (time.monotonic() < start + 1.5 or reads < 6) and time.monotonic() < start + 60:
            text = target.read_text()
            assert text in ("a" * 3_000_000 + "\n", "b" * 5_000_000 + "\n")
            reads += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert target.read_text() in ("a" * 3_000_000 + "\n", "b" * 5_000_000 + "\n")
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.json"]
    # At most the one temp file being written at the kill: dot-named, .tmp, so never read as an article.
    assert len(leftovers) <= 1 and all(n.startswith(".report.json.") and n.endswith(".tmp") for n in leftovers)
    assert reads > 5


REPORT_WRITER = r"""
import sys
from pathlib import Path
from rag.evaluation import write_report
out, k, nq = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
qs = [{"id": f"q{i}", "question": f"Question {i} " + "x" * 200, "results": {"minilm": {"correct": False,
       "failure": "wrong " * 20}}} for i in range(nq)]
report = {"k": k, "summary": {"minilm": {"n": nq, "system": "pipeline", f"hit@{k}": 0.5}}, "questions": qs,
          "flips": []}
for _ in range(6):
    write_report(report, out)
"""


@pytest.mark.slow
def test_concurrent_eval_reports_are_always_whole(tmp_path):
    """Two `rag eval` report writers into one directory: report.json/.md are always one whole report."""
    out = tmp_path / "evals-out"
    procs = [subprocess.Popen([sys.executable, "-c", REPORT_WRITER, str(out), str(k), str(nq)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True)
             for k, nq in ((3, 400), (7, 900))]
    reads, bad = 0, []
    try:
        while any(p.poll() is None for p in procs):
            try:
                rep = json.loads((out / "report.json").read_text())
                md = (out / "report.md").read_text()
            except FileNotFoundError:
                continue
            except json.JSONDecodeError as e:
                bad.append(f"partial json: {e}")
                continue
            if (rep["k"], len(rep["questions"])) not in ((3, 400), (7, 900)):
                bad.append(f"mixed json: {rep['k']} {len(rep['questions'])}")
            if md.count("\n- `q") not in (400, 900):
                bad.append(f"partial md: {md.count(chr(10) + '- `q')} failure lines")
            reads += 1
            time.sleep(0.005)
    finally:
        for p in procs:
            try:
                p.wait(timeout=120)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    assert all(p.returncode == 0 for p in procs), [p.stderr.read()[-500:] for p in procs]
    assert not bad, bad[:3]
    assert reads > 0
