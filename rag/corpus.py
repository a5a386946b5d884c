"""Read and write the corpus: one Markdown file with YAML front matter per article."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rag.errors import CorpusError
from rag.schema import Document

FIELDS = ("id", "title", "outlet", "authors", "date", "url")
OPTIONAL = ("metadata_note",)  # written only when set, so most files carry just FIELDS
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")


def dump(doc: Document) -> str:
    fields = {k: getattr(doc, k) for k in FIELDS} | {k: getattr(doc, k) for k in OPTIONAL if getattr(doc, k)}
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{doc.body.strip()}\n"


def parse(text: str, name: str = "<text>") -> Document:
    """Parse one corpus file; raises ``CorpusError`` naming the file on any defect."""
    if "\x00" in text:
        raise CorpusError(f"{name}: looks like a binary file, not a Markdown article")
    if not text.strip():
        raise CorpusError(f"{name}: file is empty")
    m = re.match(r"^---\n(.*?)\n---\n?(.*)$", text.replace("\r\n", "\n"), re.S)
    if not m:
        raise CorpusError(f"{name}: no YAML front matter (the file must start with '---')")
    try:
        front = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        where = f" at line {line + 2}" if line is not None else ""
        raise CorpusError(f"{name}: broken front matter{where}") from None
    if not isinstance(front, dict):
        raise CorpusError(f"{name}: front matter must be a mapping of fields")
    doc_id = str(front.get("id") or "").strip()
    if not _ID.match(doc_id):
        raise CorpusError(f"{name}: front matter needs an 'id' of lower-case letters, digits, '.', '_' or '-', got {doc_id!r}")
    authors = front.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    body = m.group(2).strip()
    if not body:
        raise CorpusError(f"{name}: article body is empty")
    return Document(id=doc_id, title=str(front.get("title") or ""), outlet=str(front.get("outlet") or ""),
                    authors=[str(a) for a in authors], date=str(front.get("date") or ""),
                    url=str(front.get("url") or ""), body=body,
                    metadata_note=" ".join(str(front.get("metadata_note") or "").split()))


MAX_ARTICLE_BYTES = 1_000_000  # Config.max_article_bytes


@dataclass
class LoadResult:
    documents: list[Document]
    skipped: list[str] = field(default_factory=list)  # one-line reasons, each naming its file
    skipped_files: list[str] = field(default_factory=list)  # names of the skipped files
    files: dict[str, str] = field(default_factory=dict)  # document id -> the file it was read from


def _refuse(path: Path, root: Path, max_bytes: int) -> str | None:
    """Why ``path`` is not read at all: a link leading out of the corpus folder, or too large."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return f"{path.name}: a link to {target}, outside the corpus folder; copy the article in instead"
    try:
        size = path.stat().st_size
    except OSError as e:
        return f"{path.name}: cannot read ({e.strerror or e})"
    if size > max_bytes:
        return (f"{path.name}: {size:,} bytes, over the {max_bytes:,}-byte article limit; split it, or raise "
                "RAG_MAX_ARTICLE_BYTES")
    return None


def _read(path: Path, root: Path, max_bytes: int) -> Document | str:
    """The document in ``path``, or the one-line reason it is skipped."""
    why = _refuse(path, root, max_bytes)
    if why:
        return why
    try:
        raw = path.read_bytes()
    except OSError as e:  # e.g. the file vanished mid-ingest
        return f"{path.name}: cannot read ({e.strerror or e})"
    if b"\x00" in raw[:8192]:  # an image or PDF saved as .md: say so, not "invalid UTF-8 at byte 0"
        return f"{path.name}: looks like a binary file, not a Markdown article"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"{path.name}: not valid UTF-8 (byte {e.start})"
    try:
        return parse(text, path.name)
    except CorpusError as e:
        return str(e)


def load_corpus(corpus_dir: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> LoadResult:
    """Load every ``*.md`` in ``corpus_dir``; a bad file is skipped with a reason, the rest load."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus directory {corpus_dir} does not exist. Set --corpus-dir / RAG_CORPUS_DIR, or add articles with: rag corpus add FILE")
    root = corpus_dir.resolve()
    res = LoadResult([])
    for path in sorted(corpus_dir.glob("*.md")):
        if path.name.upper() == "README.MD":
            continue
        got = _read(path, root, max_bytes)
        if isinstance(got, Document) and got.id in res.files:
            got = f"{path.name}: duplicate id {got.id!r} (already used by {res.files[got.id]})"
        if isinstance(got, str):
            res.skipped.append(got)
            res.skipped_files.append(path.name)
            continue
        res.files[got.id] = path.name
        res.documents.append(got)
    return res


def doc_hash(doc: Document) -> str:
    return hashlib.sha1(dump(doc).encode("utf-8")).hexdigest()[:16]


def corpus_hash(docs: list[Document]) -> str:
    """Hash of the whole corpus, stored with the index to tell when it is stale."""
    h = hashlib.sha1()
    for d in sorted(docs, key=lambda d: d.id):
        h.update(d.id.encode() + b"\0" + doc_hash(d).encode())
    return h.hexdigest()[:16]


def _new_file_mode() -> int:
    """0o666 less this process's umask (read from /proc: os.umask would change it for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o644


def atomic_write(path: Path, text: str) -> None:
    """Write via a temp file + rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            # mkstemp makes the file 0600; keep the replaced file's mode, else the usual umask default.
            os.fchmod(f.fileno(), stat.S_IMODE(path.stat().st_mode) if path.exists() else _new_file_mode())
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(doc: Document, corpus_dir: Path, overwrite: bool = False) -> Path:
    # The id names the file: one that load_corpus would reject, or that climbs out of corpus_dir
    # ("../x", "/etc/x"), is refused here rather than written.
    if not _ID.match(doc.id or ""):
        raise CorpusError(f"Article id {doc.id!r} is not usable: use lower-case letters, digits, '.', '_' or '-' "
                          "(starting with a letter or digit), e.g. --id sta-renewal-2024")
    path = Path(corpus_dir) / f"{doc.id}.md"
    if path.exists() and not overwrite:
        raise CorpusError(f"{path} already exists. Pass --force to replace it, or --id to give the article another id")
    atomic_write(path, dump(doc))
    return path
