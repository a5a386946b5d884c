"""Crash safety and resource faults of ``rag ingest``, and live reload in ``rag serve`` (slow).

* SIGKILL at 20 moments of a full re-index (random times, each step, and inside the manifest
  flip), on a machine kept busy by CPU hogs: each time ``rag ask`` answers exactly as the live
  generation did, and the next ``rag ingest`` ends with an index equal to a clean build.
* ``rag serve`` answers over HTTP; the corpus changes; ``rag ingest`` runs; the next HTTP answer
  reflects the change, with no restart (and ``POST /ask`` without ``k`` uses the default).
* Disk full (a small tmpfs filled to several levels), a read-only index folder and memory
  exhausted while embedding give one ``error:`` line stating the fix; the previous generation
  stays live. Mounts happen in a private mount namespace (``unshare``), so nothing leaks.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rag import sparse
from rag.config import load_config
from rag.corpus import save
from rag.index import Index
from rag.schema import Document

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 60
WORDS = ("research cooperation agreement science technology laboratory university exchange funding program "
         "energy health agriculture ocean climate data security export talent").split()
Q = "Which revision of the report did clerk Brannoc7 file?"
STEPS = ["load", "copy", "split", "embed", "write", "verify", "bm25", "flip", "gc"]
AFTER_FLIP = {"gc", "flip:after-rename"}


def _env(**kv) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"RAG_EMBEDDING_MODEL": "hash", "ANONYMIZED_TELEMETRY": "False", "PYTHONPATH": str(ROOT)})
    env.update({k: str(v) for k, v in kv.items()})
    return env


def _rag(*args, env, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT)


def write_version(corpus: Path, version: int) -> None:
    """N_ARTICLES articles; every one changes with ``version`` (a full re-index)."""
    corpus.mkdir(parents=True, exist_ok=True)
    for i in range(N_ARTICLES):
        rnd = random.Random(f"{i}-{version}")
        filler = " ".join(" ".join(rnd.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6))
        body = (f"The Zorvath{i} accord was signed in {1900 + i} in the city of Quellmar{i}. {filler} "
                f"Clerk Brannoc{i} filed revision {version} of the report.")
        save(Document(f"art-{i:03d}", f"Synthetic article {i}", "Synthetic Wire", [], "2024-01-01", "", body), corpus,
             overwrite=True)


def answer_of(r: subprocess.CompletedProcess) -> dict:
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
    d = json.loads(r.stdout)
    return {k: d[k] for k in ("answer", "abstained", "retrieved_doc_ids")} | {
        "cited": [(c["doc_id"], c["start"], c["end"]) for c in d["citations"]], "notice": d["notice"]}


def snapshot(index_dir: Path) -> dict:
    """Everything a reader can see of the live generation, minus build times and numbering."""
    ix = Index(load_config(model="hash", index_dir=index_dir), "hash")
    try:
        m = ix.manifest
        rows = {}
        for role, col in (("chunks", ix.collection()), ("sentences", ix.sentences())):
            got = col.get(include=["embeddings", "documents", "metadatas"])
            rows[role] = {i: (d, json.dumps(md, sort_keys=True), tuple(np.round(np.asarray(e), 5)))
                          for i, d, md, e in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])}
        ids = json.loads((ix.bm25_dir() / sparse.IDS).read_text())
        scores = sparse.load(ix.bm25_dir(), ids).get_scores(["revis", "report", "clerk", "brannoc7"])
        manifest = {k: v for k, v in vars(m).items() if k not in ("generation", "built_at", "build_seconds")}
        return {"manifest": manifest, **rows, "bm25": {i: round(float(s), 5) for i, s in zip(ids, scores)}}
    finally:
        ix.store.close(ix.generation)


def live_manifest(index_dir: Path) -> dict:
    (path,) = index_dir.glob("*/CURRENT.json")
    return json.loads(path.read_text())


@pytest.fixture
def cpu_load():
    """One busy process per core for the test's duration: the kills land on a loaded machine."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 2)]
    yield len(hogs)
    for p in hogs:
        p.kill()
        p.wait()


def _kill_at(moment: tuple, env: dict, rng: random.Random) -> str:
    """Start a re-index and SIGKILL it at ``moment``; return what the kill interrupted."""
    kind, what = moment
    if kind == "pause":
        env = {**env, "RAG_DEBUG_PAUSE": f"{what}=120"}
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ingest", "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL if kind == "time" else subprocess.PIPE, text=True)
    try:
        if kind == "time":
            time.sleep(what)
        else:
            for line in proc.stderr:
                if line.startswith("{") and json.loads(line).get("step") == what:
                    break
            else:
                pytest.fail(f"rag ingest ended (status {proc.wait()}) before step {what!r}")
            time.sleep(rng.uniform(0, 0.3 if kind == "pause" else 0.1))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return "finished" if finished and proc.returncode == 0 else f"{kind} {what:.1f}s" if kind == "time" else f"{kind} {what}"


def test_sigkill_at_20_moments_on_a_loaded_machine(tmp_path, cpu_load):
    rng = random.Random(13)
    expected, clean, hashes, full_s = {}, {}, {}, 0.0
    for v in (1, 2):  # clean builds of both versions: what every run must match
        corpus, index = tmp_path / f"corpus-v{v}", tmp_path / f"clean-v{v}"
        write_version(corpus, v)
        env = _env(RAG_CORPUS_DIR=corpus, RAG_INDEX_DIR=index)
        t0 = time.monotonic()
        assert _rag("ingest", "--json", env=env).returncode == 0
        full_s = max(full_s, time.monotonic() - t0)
        expected[v] = answer_of(_rag("ask", "--json", Q, env=env))
        clean[v] = snapshot(index)
        hashes[live_manifest(index)["corpus_hash"]] = v
    assert "revision 1" in expected[1]["answer"] and "revision 2" in expected[2]["answer"]

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    env = _env(RAG_CORPUS_DIR=corpus, RAG_INDEX_DIR=index)
    write_version(corpus, 1)
    assert _rag("ingest", env=env).returncode == 0
    state = 1
    moments = ([("time", rng.uniform(0.1, 0.8) * full_s) for _ in range(7)] + [("step", s) for s in STEPS]
               + [("pause", "flip:before-rename")] * 2 + [("pause", "flip:after-rename")] * 2)
    rng.shuffle(moments)
    log = []
    for moment in moments:
        target = 3 - state
        write_version(corpus, target)
        hit = _kill_at(moment, env, rng)
        while hit == "finished":  # a timed kill that came after the ingest ended: the next one, sooner
            state, target, moment = target, state, ("time", moment[1] / 2)
            write_version(corpus, target)
            hit = _kill_at(moment, env, rng)
        live = hashes[live_manifest(index)["corpus_hash"]]
        if moment[0] != "time" and moment[1] != "flip":  # "flip": killed somewhere inside it, either way
            assert live == (target if moment[1] in AFTER_FLIP else state), (moment, live)
        got = answer_of(_rag("ask", "--json", Q, env=env))  # exactly what the live generation answered
        assert {k: got[k] for k in got if k != "notice"} == {k: expected[live][k] for k in got if k != "notice"}
        assert ("older than the articles" in got["notice"]) == (live != target), got["notice"]

        again = _rag("ingest", "--json", env=env)
        assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr[-2000:]
        assert snapshot(index) == clean[target], f"after a kill at {moment}: not equal to a clean build"
        assert len(list(index.glob("*/gen-*"))) <= 2  # the live one and the previous one
        log.append((hit, "new" if live == target else "old"))
        state = target
    assert len(log) == 20
    print(f"\n20 SIGKILLs on a machine with {cpu_load} CPU hogs (a full re-index takes {full_s:.1f}s here): "
          f"{sum(w == 'old' for _, w in log)} left the previous generation live, {sum(w == 'new' for _, w in log)} "
          f"the new one; each `rag ask` matched its generation's clean build exactly, and each next ingest "
          f"ended equal to a clean build. Moments: {[h for h, _ in log]}")


# --- rag serve follows a re-ingest, over HTTP ----------------------------------------------

def _http_ask(url: str, question: str) -> dict:
    import httpx

    r = httpx.post(url + "/gradio_api/call/ask", json={"data": [question]}, timeout=60)  # no k: the default applies
    r.raise_for_status()
    ev = r.json()["event_id"]
    with httpx.stream("GET", f"{url}/gradio_api/call/ask/{ev}", timeout=120) as s:
        lines = list(s.iter_lines())
    assert "event: complete" in lines, lines
    return json.loads(lines[lines.index("event: complete") + 1][len("data: "):])[0]


def test_serve_picks_up_a_reingest_without_restart(tmp_path):
    import httpx

    from conftest import stop_process, write_tiny_corpus
    from test_server_mode import free_port

    corpus, index = write_tiny_corpus(tmp_path / "corpus"), tmp_path / "index"
    port = free_port()
    env = _env(RAG_CORPUS_DIR=corpus, RAG_INDEX_DIR=index, RAG_FEEDBACK_PATH=tmp_path / "fb.jsonl")
    assert _rag("ingest", env=env).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "rag serve did not come up"
            try:
                if httpx.get(url + "/config", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        q_new, q_gone = "What did the Quellmar observatory open?", "How many researchers do the labs employ?"
        before = _http_ask(url, q_gone)
        assert before["citations"][0]["doc_id"] == "labs" and len(before["retrieved_doc_ids"]) <= 5
        assert "observatory" not in _http_ask(url, q_new)["retrieved_doc_ids"]

        save(Document("observatory", "Observatory", "Star News", [], "2024-03-01", "",
                      "The Quellmar observatory opened a joint telescope in 2021. It studies distant galaxies."), corpus)
        (corpus / "labs.md").unlink()
        assert _rag("ingest", env=env).returncode == 0

        after = _http_ask(url, q_new)
        assert after["citations"][0]["doc_id"] == "observatory" and "2021" in after["answer"] and not after["notice"]
        assert all(c["doc_id"] != "labs" for c in _http_ask(url, q_gone)["citations"])
        assert proc.poll() is None
    finally:
        stop_process(proc)


# --- disk full, read-only, out of memory ---------------------------------------------------

def _in_private_mounts(script: str, *args) -> dict:
    """Run ``script`` as root of a private mount namespace (so it may mount a tmpfs); its JSON output."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) to mount a small file system privately")
    cmd = ["unshare", "--mount", "--propagation", "private"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    r = subprocess.run(cmd + [sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                       timeout=900, cwd=ROOT, env=_env())
    if r.returncode != 0 and "unshare" in r.stderr and "ermitted" in r.stderr:
        pytest.skip(f"mount namespaces are not allowed here: {r.stderr.strip()[:200]}")
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


SCENARIO = r"""
import json, os, shutil, subprocess, sys
from pathlib import Path
work, root, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
disk = work / "disk"
disk.mkdir()
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk)], check=True)
corpus = work / "corpus"
env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
env.update(RAG_INDEX_DIR=str(disk / "index"), RAG_CORPUS_DIR=str(corpus), RAG_EMBEDDING_MODEL="hash", PYTHONPATH=root)
Q = "When was the Pact first signed?"

def rag(*args):
    r = subprocess.run([sys.executable, "-m", "rag", *args], env=env, capture_output=True, text=True, cwd=root)
    return {"code": r.returncode, "out": r.stdout, "err": r.stderr}

def fill(leave):
    free = shutil.disk_usage(disk).free
    with open(disk / "filler", "wb") as f:
        n = free - leave
        while n > 0:
            f.write(b"\0" * min(n, 1 << 20))
            n -= 1 << 20

def add_article(i):
    (corpus / f"extra-{i}.md").write_text(f"---\nid: extra-{i}\ntitle: Extra {i}\n---\n\n" + " ".join(
        f"Extra article {i} sentence {j} says the Quellmar{i} lab opened in {1950 + j}." for j in range(40)) + "\n")

def gens():
    return sorted(p.name for p in (disk / "index").glob("*/gen-*"))

out = {"runs": []}
if mode == "disk-full":
    fill(200_000)
    out["first"], out["first_gens"] = rag("ingest"), gens()
    (disk / "filler").unlink()
    assert rag("ingest")["code"] == 0
    for i, leave in enumerate(int(x) for x in sys.argv[4].split(",")):
        add_article(i)
        before = rag("ask", "--json", Q)
        fill(leave)
        ing = rag("ingest", "--json")
        (disk / "filler").unlink()
        out["runs"].append({"leave": leave, "ingest": ing, "before": before, "ask": rag("ask", "--json", Q),
                            "gens": gens()})
else:  # read-only: first the index's own folder (its live generation still writable), then all of it
    assert rag("ingest")["code"] == 0
    add_article(0)
    before = rag("ask", "--json", Q)
    (top,) = (disk / "index").iterdir()
    (live,) = top.glob("gen-*")
    for how, ro, rw in (("folder", top, live), ("everything", disk / "index", None)):
        subprocess.run(["mount", "--bind", str(ro), str(ro)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        if rw is not None:
            subprocess.run(["mount", "--bind", str(rw), str(rw)], check=True)
            subprocess.run(["mount", "-o", "remount,bind,rw", str(rw)], check=True)
        out["runs"].append({"how": how, "ingest": rag("ingest"), "before": before, "ask": rag("ask", "--json", Q),
                            "gens": gens()})
        for p in ([rw] if rw is not None else []) + [ro]:
            subprocess.run(["umount", str(p)], check=True)
out["final"] = rag("ingest", "--json")
out["final_ask"] = rag("ask", "--json", Q)
print(json.dumps(out))
"""


def _scenario(tmp_path, mode, *args) -> dict:
    from conftest import write_tiny_corpus

    write_tiny_corpus(tmp_path / "corpus")
    return _in_private_mounts(SCENARIO, tmp_path, ROOT, mode, *args)


def _one_line(err: str) -> str:
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("{")]  # JSON progress lines aside
    assert "Traceback" not in err and len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def test_disk_full_at_several_levels_is_one_line_and_the_old_generation_stays(tmp_path):
    # free space left before each ingest: none at all, then a little, then almost enough for a new generation
    out = _scenario(tmp_path, "disk-full", "0,60000,400000,900000,1500000,2500000")
    assert out["first"]["code"] == 2 and "is full" in _one_line(out["first"]["err"]) and not out["first_gens"]
    failed_at = set()
    for run in out["runs"]:
        ing = run["ingest"]
        if ing["code"] == 0:
            continue
        assert ing["code"] == 2, ing
        line = _one_line(ing["err"])
        assert "is full" in line and "Free some space" in line and "the index in use, if any, is unchanged" in line
        steps = [json.loads(x)["step"] for x in ing["err"].splitlines() if x.startswith('{"event": "step"')]
        failed_at.add(steps[-1])
        assert len(run["gens"]) == 1  # the unfinished generation was removed at once, its space given back
        assert json.loads(run["ask"]["out"])["answer"] == json.loads(run["before"]["out"])["answer"]
    assert len(failed_at) >= 2, failed_at  # the disk filled up at different steps of the ingest
    assert out["final"]["code"] == 0 and json.loads(out["final_ask"]["out"])["notice"] == ""
    print(f"\ndisk full: ingests failed at steps {sorted(failed_at)}, each with one line; the old generation "
          f"answered every time")


def test_read_only_index_folder_is_one_line_and_the_old_generation_stays(tmp_path):
    out = _scenario(tmp_path, "read-only")
    folder, everything = out["runs"]
    for run in (folder, everything):
        assert run["ingest"]["code"] == 2
        line = _one_line(run["ingest"]["err"])
        assert "is read-only or not writable" in line and "Make it writable" in line
    # the generation the manifest names is untouched and still answers ...
    assert json.loads(folder["ask"]["out"])["answer"] == json.loads(folder["before"]["out"])["answer"]
    # ... unless it is read-only too: Chroma writes even to read, so that is one line as well
    assert everything["ask"]["code"] == 2 and "writes to its store even to read" in _one_line(everything["ask"]["err"])
    assert out["final"]["code"] == 0 and json.loads(out["final_ask"]["out"])["notice"] == ""


OOM = r"""
import resource, sys
import psutil
from rag.cli import main
from rag.config import load_config
from rag.models import load_embedder
load_embedder(load_config())  # the imports and one model load happen before the limit
vms = psutil.Process().memory_info().vms
resource.setrlimit(resource.RLIMIT_AS, (vms + int(sys.argv[1]) * 2**20, resource.RLIM_INFINITY))
sys.exit(main(["ingest", "--json"]))
"""


def test_out_of_memory_while_embedding_is_one_line(tmp_path, shared_models_dir, real_embedder):
    from conftest import write_tiny_corpus

    corpus, index = write_tiny_corpus(tmp_path / "corpus"), tmp_path / "index"
    env = _env(RAG_CORPUS_DIR=corpus, RAG_INDEX_DIR=index, RAG_MODELS_DIR=shared_models_dir,
               RAG_EMBEDDING_MODEL="minilm", RAG_BATCH_SIZE=512)
    assert _rag("ingest", env=env).returncode == 0
    before = answer_of(_rag("ask", "--json", "When was the Pact first signed?", env=env))
    rnd = random.Random(1)  # an article of long sentences: a batch of 512 needs well over a GB
    body = " ".join(" ".join(rnd.choice(WORDS) for _ in range(170)).capitalize() + "." for _ in range(520))
    save(Document("long", "Long sentences", body=body), corpus)
    r = subprocess.run([sys.executable, "-c", OOM, "2000"], capture_output=True, text=True, env=env, timeout=600,
                       cwd=ROOT)
    assert r.returncode == 2, r.stderr[-2000:]
    line = _one_line(r.stderr)
    assert "Not enough memory: embedding a batch of 512 sentences" in line and "Lower RAG_BATCH_SIZE" in line
    # 2 GB of address space past the loaded model holds Chroma and the ingest but not the batch, which
    # rag.memneed refuses before the model runs, after the articles were read and split and before anything
    # was verified or published. (Left to run, the batch failed wherever the limit bit first: in
    # onnxruntime, a clean error, or in the tokenizer's Rust threads, which aborted the process with no
    # message in 5 runs of 12.)
    assert '"step": "split"' in r.stderr and '"step": "verify"' not in r.stderr and '"step": "flip"' not in r.stderr
    after = answer_of(_rag("ask", "--json", "When was the Pact first signed?", env=env))
    assert {k: after[k] for k in after if k != "notice"} == {k: before[k] for k in before if k != "notice"}
    assert "older than the articles" in after["notice"]
