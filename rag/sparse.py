"""The lexical (BM25) index: built by ``rag ingest`` into each generation, memory-mapped at start.

Each chunk's lexical text is its article header (title · outlet · acronym · authors) plus its
text, through the one tokenizer (``rag.text.terms``). The saved index lists the chunk ids it was
built over, in order; a reader uses it only when they match its passages exactly, and otherwise
builds it in memory (e.g. on a Chroma server, where there is no generation folder to read).
"""

from __future__ import annotations

import json
from pathlib import Path

from rag.text import terms

IDS = "chunk_ids.json"


def doc_terms(records: dict) -> list[list[str]]:
    """The BM25 terms of every chunk in ``records`` (``ids``/``documents``/``metadatas``)."""
    return [terms((m or {}).get("header", "") + "\n" + (t or ""))
            for t, m in zip(records["documents"], records["metadatas"])]


def build(records: dict):
    import bm25s

    bm25 = bm25s.BM25()
    bm25.index(doc_terms(records), show_progress=False)
    return bm25


def save(bm25, ids: list[str], folder: Path) -> None:
    folder = Path(folder)
    bm25.save(str(folder), show_progress=False)
    (folder / IDS).write_text(json.dumps(ids), encoding="utf-8")


def load(folder: Path | None, ids: list[str]):
    """The saved BM25 of ``folder`` (memory-mapped), or None if absent or built over other chunks."""
    import bm25s

    if folder is None or not (Path(folder) / IDS).is_file():
        return None
    try:
        if json.loads((Path(folder) / IDS).read_text(encoding="utf-8")) != list(ids):
            return None
        return bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
    except (OSError, ValueError, KeyError):
        return None


def load_or_build(folder: Path | None, records: dict):
    """``(bm25, loaded_from_disk)``."""
    saved = load(folder, records["ids"])
    return (saved, True) if saved is not None else (build(records), False)
