"""Eval questions: the JSON-lines format, its parser, and the dev/test splits.

One question per line::

    {"id": "n001", "question": "was it first signed in the 70s?", "answers": [["1979"]],
     "sources": ["renewed-us-china-science-pact-advances"], "answerable": true,
     "category": "yes_no", "polarity": "yes", "history": [], "split": "test"}

``answers`` is a list of groups: a correct answer contains, for every group, one of
its aliases. ``polarity`` ("yes"/"no") makes a yes/no answer start with that word.
``history`` holds the earlier questions of a conversation (the question is a follow-up).
``split`` is ``dev`` (tune and calibrate on it) or ``test`` (held out: report only).

Lines made from the chat page's feedback (``rag feedback export``, ``"kind": "feedback"``)
may leave ``answers`` empty (nobody has written the answer key yet) and may have
``"answerable": null`` (the reader's rating does not tell whether the articles answer it).
They are scored only on what the feedback establishes: retrieval against ``sources``, and
abstention when ``answerable`` is true or false; the rest waits for a person.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rag.errors import BadQuestionsFile

# The shipped files: rules and thresholds are tuned on dev only; floors pin test.
SPLIT_FILES = {"dev": Path("evals/dev.jsonl"), "test": Path("evals/test.jsonl")}
UNANSWERABLE_KINDS = ("unanswerable_on_topic", "unanswerable_off_topic", "off_topic")


@dataclass
class Question:
    id: str
    question: str
    answers: list[list[str]]
    sources: list[str]
    answerable: bool | None  # None: not known yet (a feedback line)
    kind: str = ""  # the category: paraphrase, why_how, yes_no, followup, off_topic, ...
    split: str = ""
    polarity: str | None = None
    history: list[str] = field(default_factory=list)


def _check(obj, where: str) -> None:
    if not isinstance(obj, dict):
        raise BadQuestionsFile(f"{where}: each line must be a JSON object")
    missing = [k for k in ("id", "question", "answers", "sources", "answerable") if k not in obj]
    if missing:
        raise BadQuestionsFile(f"{where}: missing field(s) {', '.join(missing)}")
    answers = obj["answers"]
    if not (isinstance(answers, list) and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g)
                                              for g in answers)):
        raise BadQuestionsFile(f'{where}: "answers" must be a list of non-empty lists of strings, e.g. [["1979"], ["Carter"]]')
    if not isinstance(obj["sources"], list) or not all(isinstance(s, str) for s in obj["sources"]):
        raise BadQuestionsFile(f'{where}: "sources" must be a list of document ids')
    feedback = (obj.get("kind") or obj.get("category")) == "feedback"
    if not isinstance(obj["answerable"], bool) and not (feedback and obj["answerable"] is None):
        raise BadQuestionsFile(f'{where}: "answerable" must be true or false')
    if not isinstance(obj["question"], str) or not obj["question"].strip():
        raise BadQuestionsFile(f'{where}: "question" must be a non-empty string')
    if obj["answerable"] and not answers and not feedback:
        raise BadQuestionsFile(f"{where}: an answerable question needs at least one answer group")
    if obj.get("polarity") not in (None, "yes", "no"):
        raise BadQuestionsFile(f'{where}: "polarity" must be "yes", "no" or null')
    hist = obj.get("history") or []
    if not isinstance(hist, list) or not all(isinstance(h, str) for h in hist):
        raise BadQuestionsFile(f'{where}: "history" must be a list of earlier questions (strings)')


def load_questions(path: Path, split: str | None = None) -> list[Question]:
    """Parse a JSON-lines questions file; a malformed line raises an error naming it.

    ``split`` keeps only that split's questions (a line without ``split`` takes the file's stem
    when it is ``dev`` or ``test``, else ``all``).
    """
    path = Path(path)
    if not path.is_file():
        raise BadQuestionsFile(f"Questions file {path} not found. Pass --questions FILE (JSON lines, see README 'Evaluating')")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise BadQuestionsFile(f"{path} is not UTF-8 text") from None
    default_split = path.stem if path.stem in SPLIT_FILES else "all"
    out, ids = [], set()
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadQuestionsFile(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
        _check(obj, where)
        qid = str(obj["id"])
        if qid in ids:
            raise BadQuestionsFile(f"{where}: duplicate id {qid!r}")
        ids.add(qid)
        out.append(Question(qid, obj["question"], obj["answers"], obj["sources"], obj["answerable"],
                            str(obj.get("category") or obj.get("kind") or ""), str(obj.get("split") or default_split),
                            obj.get("polarity"), list(obj.get("history") or [])))
    if split:
        out = [q for q in out if q.split == split]
    if not out:
        raise BadQuestionsFile(f"{path} has no questions" + (f" in split {split!r}" if split else ""))
    return out


def load_many(paths: list[Path], split: str | None = None) -> list[Question]:
    """Questions of several files (ids must be unique across them)."""
    out: list[Question] = []
    seen: set[str] = set()
    for p in paths:
        try:
            qs = load_questions(p, split)
        except BadQuestionsFile as e:
            if split and "no questions in split" in str(e):
                continue
            raise
        for q in qs:
            if q.id in seen:
                raise BadQuestionsFile(f"{p}: id {q.id!r} is also used in another questions file")
            seen.add(q.id)
            out.append(q)
    if not out:
        raise BadQuestionsFile(f"no questions in {', '.join(map(str, paths))}" + (f" for split {split!r}" if split else ""))
    return out
