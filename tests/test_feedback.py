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


def _answer(q, abstained=False, docs=("d1",)):
    cites = [{"n": i + 1, "doc_id": d, "title": "T", "outlet": "", "date": "", "url": "", "text": "Said so.",
              "quotes": [[0, 8]]} for i, d in enumerate(docs)]
    return {"question": q, "rewritten_question": None, "answer": "x", "abstained": abstained, "model": "hash",
            "citations": [] if abstained else cites}


def test_feedback_export_is_read_by_rag_eval_and_claims_only_what_ratings_say(tmp_path, capsys):
    from rag.cli import main
    from rag.evalset import load_questions
    from rag.metrics import Outcome, judge, summarize

    p = tmp_path / "feedback.jsonl"
    rows = [  # (question, answer kwargs, rating, reason, answer_id, history)
        ("When was it signed?", {}, "up", "", "a1", []),
        ("What is its budget?", {"abstained": True}, "up", "", "a2", []),
        ("Who renewed it?", {}, "down", "", "a3", []),
        ("Who renewed it?", {}, "down", "wrong", "a3", []),  # a reason after the thumbs-down replaces it
        ("What did it exclude?", {"abstained": True}, "down", "missing", "a4", []),
        ("And when?", {}, "down", "not_cited", "a5", ["What is the STA?"]),
        ("Withdrawn one?", {}, "up", "", "a6", []),
        ("Withdrawn one?", {}, "withdrawn", "", "a6", []),
    ]
    for q, kw, rating, reason, aid, hist in rows:
        feedback.append(p, feedback.make_record(_answer(q, **kw), rating, "s", aid, reason=reason, history=hist))
    out = tmp_path / "fb-questions.jsonl"
    assert main(["feedback", "export", "--feedback", str(p), "--out", str(out)]) == 0
    assert "wrote 5 questions" in capsys.readouterr().out
    qs = {q.question: q for q in load_questions(out)}
    assert set(qs) == {"When was it signed?", "What is its budget?", "Who renewed it?", "What did it exclude?", "And when?"}
    assert (qs["When was it signed?"].answerable, qs["When was it signed?"].sources) == (True, ["d1"])
    assert qs["What is its budget?"].answerable is False
    assert qs["Who renewed it?"].answerable is None  # "wrong" does not say whether the articles answer it
    assert qs["What did it exclude?"].answerable is True and qs["What did it exclude?"].sources == []
    assert qs["And when?"].history == ["What is the STA?"] and qs["And when?"].answerable is None
    assert all(q.answers == [] and q.kind == "feedback" for q in qs.values())

    # Scored only on what the ratings establish: nothing counts as a correct answer without a key.
    outs = []
    for q in qs.values():
        o = Outcome(q.id, q.question, "some answer", False, [{"doc_id": "d1", "text": "t"}], ["d1"], 1.0)
        judge(q, o)
        outs.append(o)
    s = summarize(list(qs.values()), outs, 5)
    assert s["answer_accuracy"] is None and s["hit@5"] == 1.0 and s["abstention_recall"] == 0.0
    assert s["n_no_answer_key"] == 4 and not any(o.correct for o in outs)
    assert all(o.failure for o in outs)


def test_the_last_click_wins_even_when_written_out_of_order():
    a = _answer("Who renewed it?")
    late_bare = feedback.make_record(a, "down", "s", "a1", seq=1)
    reason = feedback.make_record(a, "down", "s", "a1", reason="not_cited", seq=2)
    (line,) = feedback.to_eval_lines([reason, late_bare])  # the bare thumbs-down reached the file last
    assert line["feedback"]["reason"] == "not_cited"


def test_hand_written_questions_still_need_an_answer_key(tmp_path):
    import pytest

    from rag.errors import BadQuestionsFile
    from rag.evalset import load_questions

    f = tmp_path / "q.jsonl"
    f.write_text('{"id": "x", "question": "Q?", "answers": [], "sources": [], "answerable": true}\n')
    with pytest.raises(BadQuestionsFile, match="at least one answer group"):
        load_questions(f)
    f.write_text('{"id": "x", "question": "Q?", "answers": [], "sources": [], "answerable": null}\n')
    with pytest.raises(BadQuestionsFile, match="true or false"):
        load_questions(f)
