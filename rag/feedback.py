"""Feedback from the chat page, appended as JSON lines, and turned into eval questions.

One record per click: the question (its follow-up rewrite and the earlier questions of
the conversation), the answer, its citations, the rating ("up", "down", or "withdrawn")
and an optional reason ("wrong", "not_cited", "missing"). The last record with a given
``answer_id`` counts (the one with the highest ``seq``, the page's click order, when given):
a reason given after a thumbs-down replaces the bare thumbs-down.

``rag feedback export`` (``to_eval_lines``) turns the file into lines ``rag eval
--questions`` reads, claiming only what the rating establishes (see ``to_eval_draft``).

``append`` is safe under concurrent writers, in one process or many: each record
is a single ``os.write`` of one complete line on an ``O_APPEND`` descriptor,
taken under an exclusive ``flock``, so lines never interleave or tear.
``to_eval_draft`` turns a record into the shape of a line of
``evals/questions.jsonl`` (with ``answers`` left for a person to fill in).

>>> import tempfile, os
>>> p = os.path.join(tempfile.mkdtemp(), "fb", "feedback.jsonl")
>>> _ = append(p, {"rating": "up", "question": "When was the STA signed?"})
>>> read(p)[0]["question"]
'When was the STA signed?'
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
import time
from pathlib import Path

# flock excludes other processes (each append opens its own file description);
# the thread lock serialises this process's threads before they reach it.
_THREAD_LOCK = threading.Lock()


REASONS = ("wrong", "not_cited", "missing")


def make_record(answer: dict, rating: str, session: str = "", answer_id: str = "", reason: str = "",
                history: list[str] | None = None, seq: int = 0) -> dict:
    """A feedback line from an ``Answer.to_dict()`` and a rating ("up"/"down").

    >>> r = make_record({"question": "Q?", "answer": "A [1].", "abstained": False, "model": "minilm",
    ...                  "rewritten_question": None, "citations": [{"n": 1, "doc_id": "d", "title": "T",
    ...                  "outlet": "O", "date": "", "url": "", "text": "A. B.", "quotes": [[0, 2]]}]}, "up")
    >>> r["rating"], r["citations"][0]["quote"]
    ('up', 'A.')
    """
    cites = []
    for c in answer.get("citations", []):
        quote = " ".join(c["text"][s:e] for s, e in c.get("quotes", []))
        keep = ("n", "doc_id", "title", "outlet", "date", "url", "kind")
        cites.append({k: c.get(k) for k in keep} | {"quote": quote})
    return {
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rating": rating,
        "question": answer.get("question", ""),
        "rewritten_question": answer.get("rewritten_question"),
        "answer": answer.get("answer", ""),
        "abstained": bool(answer.get("abstained")),
        "citations": cites,
        "model": answer.get("model", ""),
        "session": session,  # the chat page's session, to group a conversation's ratings
        "answer_id": answer_id,  # which answer in it: a later record for the same id replaces this one
        "reason": reason if reason in REASONS else "",
        "history": list(history or []),  # earlier questions of the conversation, so eval can replay a follow-up
        "seq": seq,  # the page's click order: two quick clicks may be written in either order
    }


def append(path: str | os.PathLike, record: dict) -> int:
    """Append ``record`` as one JSON line; returns the number of bytes written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # ensure_ascii keeps the line free of raw U+2028 and friends; the trailing
    # newline is part of the same write, so a reader never sees half a record.
    data = (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")
    with _THREAD_LOCK:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                written = os.write(fd, data)
                # A regular file takes the whole buffer in one write; if a full disk
                # or a signal ever cuts it short, finish the line while still holding
                # the lock so no other writer can slip in between.
                while written < len(data):
                    written += os.write(fd, data[written:])
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    return len(data)


def read(path: str | os.PathLike) -> list[dict]:
    """All records in the file ([] if it does not exist)."""
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def _answerable(record: dict) -> bool | None:
    """What the rating says about whether the articles answer the question (None: it doesn't say).

    >>> _answerable({"rating": "up", "abstained": True}), _answerable({"rating": "down", "reason": "missing"})
    (False, True)
    >>> _answerable({"rating": "down", "reason": "wrong", "abstained": False}) is None
    True
    """
    up, abstained, reason = record.get("rating") == "up", bool(record.get("abstained")), record.get("reason") or ""
    if up:
        return not abstained  # agreeing with an answer, or with "the articles don't say"
    if reason == "missing" or (abstained and reason == "wrong"):
        return True  # the reader says the articles do say (more)
    return None  # a wrong or unsupported answer: maybe answerable, maybe not


def to_eval_draft(record: dict) -> dict:
    """A line ``rag eval --questions`` reads, holding only what the rating establishes.

    ``answers`` stays empty for a person to fill in. A thumbs-up on a cited answer makes the
    cited articles its ``sources``; ``answerable`` follows ``_answerable``.

    >>> d = to_eval_draft({"rating": "up", "question": "Q?", "rewritten_question": None,
    ...                    "abstained": False, "citations": [{"doc_id": "a"}, {"doc_id": "a"}]})
    >>> d["sources"], d["answerable"], d["answers"], d["kind"]
    (['a'], True, [], 'feedback')
    """
    history = list(record.get("history") or [])
    q = record["question"] if history or not record.get("rewritten_question") else record["rewritten_question"]
    key = "\n".join([*history, q])
    qid = "fb-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    up = record.get("rating") == "up"
    sources = list(dict.fromkeys(c["doc_id"] for c in record.get("citations", []))) if up else []
    return {"id": qid, "question": q, "history": history, "answers": [], "sources": sources,
            "answerable": _answerable(record), "kind": "feedback",
            "feedback": {k: record.get(k) for k in ("rating", "reason", "answer", "answer_id", "ts")}}


def to_eval_lines(records: list[dict]) -> list[dict]:
    """One eval line per rated answer (its last record; withdrawn ratings dropped), one per question."""
    last: dict[str, dict] = {}
    for i, r in enumerate(records):
        key = r.get("answer_id") or f"#{i}"
        if key not in last or (r.get("seq") or 0) >= (last[key].get("seq") or 0):
            last[key] = r
    lines: dict[str, dict] = {}
    for r in last.values():
        if r.get("rating") in ("up", "down") and (r.get("question") or "").strip():
            d = to_eval_draft(r)
            lines[d["id"]] = d  # the same question rated twice: the later rating wins
    return list(lines.values())
