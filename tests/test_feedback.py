"""Feedback appends stay whole lines under concurrent writers."""

import json
import multiprocessing as mp
import threading

from rag import feedback


def _writer(path, who, n, size):
    for i in range(n):
        feedback.append(path, {"who": who, "i": i, "pad": chr(97 + who % 26) * size})


def test_append_creates_parent_and_reads_back(tmp_path):
    p = tmp_path / "deep" / "dir" / "feedback.jsonl"
    rec = feedback.make_record({"question": "Is <script>alert(1)</script> escaped?", "answer": "No \u2028 break",
                                "abstained": True, "citations": [], "model": "hash"}, "down")
    n = feedback.append(p, rec)
    raw = p.read_bytes()
    assert len(raw) == n and raw.endswith(b"\n") and raw.count(b"\n") == 1  # U+2028 never splits a line
    assert feedback.read(p) == [rec]


def test_concurrent_processes_and_threads_never_interleave(tmp_path):
    p = str(tmp_path / "feedback.jsonl")
    # 200 KB lines are far beyond PIPE_BUF, so only the lock and the single write keep them whole.
    size, n = 200_000, 15
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(p, w, n, size)) for w in range(4)]
    threads = [threading.Thread(target=_writer, args=(p, w, n, size)) for w in range(4, 8)]
    for t in procs + threads:
        t.start()
    for t in procs + threads:
        t.join()
    assert all(pr.exitcode == 0 for pr in procs)
    lines = open(p, "rb").read().split(b"\n")
    assert lines[-1] == b""
    recs = [json.loads(line) for line in lines[:-1]]
    assert len(recs) == 8 * n
    for r in recs:
        assert r["pad"] == chr(97 + r["who"] % 26) * size
    assert sorted((r["who"], r["i"]) for r in recs) == [(w, i) for w in range(8) for i in range(n)]


def test_to_eval_draft_from_thumbs_down_has_no_sources():
    rec = feedback.make_record({"question": "When was it renewed?", "rewritten_question": "When was the STA renewed?",
                                "answer": "x", "abstained": False, "model": "minilm",
                                "citations": [{"n": 1, "doc_id": "d1", "title": "T", "outlet": "", "date": "",
                                               "url": "", "text": "Renewed in 2024.", "quotes": [[0, 16]]}]}, "down")
    d = feedback.to_eval_draft(rec)
    assert d["question"] == "When was the STA renewed?" and d["sources"] == [] and d["id"].startswith("fb-")
