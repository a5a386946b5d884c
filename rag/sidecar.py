"""The passages and sentence vectors of an index generation, saved beside its BM25 for a fast start.

Reading every chunk's text and metadata back out of Chroma took ~12 s of a start at 100k chunks,
and searching ~520k sentence vectors meant Chroma loading their HNSW graph (~0.8 GB). ``rag ingest``
therefore writes, into the generation's folder before it is published:

- ``passages.json``: the chunks in columns (each article's metadata once, sentence spans flat);
- ``texts.jsonl``: their texts, one JSON string a line (read a line at a time: parsing them as one
  document held ~165 MB more at the peak of a 100k-chunk start);
- ``sentence_vectors.npy``: every sentence vector, one row each, memory-mapped by readers, so a
  query touches only the rows of its candidate passages;
- ``sentence_ids.json``: the row order, read only when the whole matrix is searched in memory.

A reader trusts these files only if their format number and counts match the generation's
manifest; otherwise (an older index, a Chroma server) it reads Chroma as before.
"""

from __future__ import annotations

import json
import os
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag.index import id_order
from rag.schema import Passage

FORMAT = 3  # bump whenever what is saved, or how it is read, changes: older files are then ignored
PASSAGES, TEXTS, VECTORS, SENTENCE_IDS = "passages.json", "texts.jsonl", "sentence_vectors.npy", "sentence_ids.json"
DOC_FIELDS = ("doc_id", "title", "outlet", "authors", "date", "url")
_OPENING = threading.Lock()  # two questions at once open the vectors file once


def sentence_key(sid: str) -> tuple:
    """(doc_id, start) of a sentence id ``doc:s<start>:<hash>``; (doc_id, "card") for a byline card.

    >>> sentence_key("pact:s120:ab12"), sentence_key("pact:card:9f")
    (('pact', 120), ('pact', 'card'))
    """
    doc, kind, _ = sid.rsplit(":", 2)
    return (doc, "card") if kind == "card" else (doc, int(kind[1:]))


def passage_keys(p: Passage) -> list[tuple]:
    """The sentence keys of a passage's sentences, in order (its card is one sentence)."""
    return [(p.doc_id, "card") if p.kind != "body" else (p.doc_id, p.start + s) for s, _ in p.sentences]


@dataclass
class Sidecar:
    passages: list[Passage]
    headers: list[str]  # each chunk's lexical header (only needed to rebuild BM25 or the Lexicon)
    vectors: np.ndarray  # (sentences, dim) float32, memory-mapped
    rows: np.ndarray  # flat: the vector rows of passage i are rows[offsets[i]:offsets[i + 1]]
    offsets: np.ndarray
    folder: Path
    _fd: int | None = field(default=None, repr=False, compare=False)  # see ``_open``

    def rows_of(self, i: int) -> np.ndarray:
        return self.rows[self.offsets[i]:self.offsets[i + 1]]

    def read(self, rows) -> np.ndarray:
        """The vectors of ``rows`` (sorted, distinct), read from the file a run of consecutive rows at a time
        rather than through the memory map: mapped pages count as the process's own memory, and a server
        answering for hours would come to hold most of the file (~0.8 GB at 100k chunks).

        A run is a candidate passage's sentences; a question's ~74 runs at 10k chunks lie far apart (merging
        those under 16 rows apart saves one read in 70), so it is one ``preadv`` each, on a descriptor opened
        once per sidecar (``_open``) rather than once per question.
        """
        rows = np.asarray(rows, dtype=np.int64)
        dim = self.vectors.shape[1]
        out = np.empty((len(rows), dim), dtype=np.float32)
        if not len(rows):
            return out
        cuts = np.flatnonzero(np.diff(rows) != 1) + 1
        size = dim * 4
        bounds = (np.r_[0, cuts, len(rows)] * size).tolist()
        where = (self.vectors.offset + rows[np.r_[0, cuts]] * size).tolist()
        # straight into ``out``: the per-run Python work counts at ~70 runs a question
        view, fd = memoryview(out).cast("B"), self._open() if self._fd is None else self._fd
        for a, b, at in zip(bounds, bounds[1:], where):
            if os.preadv(fd, [view[a:b]], at) != b - a:
                raise OSError(f"{self.folder / VECTORS}: short read (the file changed under the index?)")
        return out

    def _open(self) -> int:
        """The vectors file's descriptor, kept until the sidecar is collected (a reload builds a new one)."""
        with _OPENING:
            if self._fd is None:
                fd = os.open(self.folder / VECTORS, os.O_RDONLY)
                weakref.finalize(self, os.close, fd)
                self._fd = fd
        return self._fd


def _columns(passages: list[Passage], headers: list[str], rows: list[int], counts: list[int]) -> dict:
    docs: dict[str, int] = {}
    doc_meta = []
    for p in passages:
        if p.doc_id not in docs:
            docs[p.doc_id] = len(docs)
            doc_meta.append([p.doc_id, p.title, p.outlet, "; ".join(p.authors), p.date, p.url])
    return {"format": FORMAT, "docs": doc_meta, "ids": [p.chunk_id for p in passages],
            "doc": [docs[p.doc_id] for p in passages],
            "start": [p.start for p in passages], "end": [p.end for p in passages],
            "kind": [p.kind for p in passages], "header": headers,
            "spans": [x for p in passages for s in p.sentences for x in s], "counts": counts, "rows": rows}


def save(passages: list[Passage], headers: list[str], sentence_ids, sentence_pages, dim: int, folder: Path) -> bool:
    """Write the sidecar: the rows in the canonical order of ``sentence_ids`` (so an index updated in place
    and a clean build of the same corpus hold the same matrix, and score ties break alike), filled from
    ``sentence_pages``, an iterable of ``(ids, vectors)`` pages of the sentence collection. False, and
    nothing is written, if a passage names a sentence the collection lacks."""
    folder = Path(folder)
    sids = list(sentence_ids)
    sids = [sids[i] for i in id_order(sids)]
    at = {sid: j for j, sid in enumerate(sids)}
    vec_path = folder / VECTORS
    out = np.lib.format.open_memmap(vec_path, mode="w+", dtype=np.float32, shape=(len(sids), dim))
    filled = 0
    for ids, vecs in sentence_pages:
        rows = [at.get(sid, -1) for sid in ids]
        if -1 in rows:  # written since the ids were read: not this generation's
            filled = -1
            break
        out[rows] = np.asarray(vecs, dtype=np.float32)
        filled += len(rows)
    out.flush()
    del out
    where = {sentence_key(sid): j for j, sid in enumerate(sids)}
    keys = [passage_keys(p) for p in passages]
    if filled != len(sids) or any(k not in where for ks in keys for k in ks):
        vec_path.unlink(missing_ok=True)
        return False
    rows = [where[k] for ks in keys for k in ks]
    (folder / SENTENCE_IDS).write_text(json.dumps(sids), encoding="utf-8")
    with open(folder / TEXTS, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(p.text, ensure_ascii=False) + "\n" for p in passages)
    cols = _columns(passages, headers, rows, [len(ks) for ks in keys])
    (folder / PASSAGES).write_text(json.dumps(cols, ensure_ascii=False), encoding="utf-8")
    return True


def _passages(c: dict, texts) -> list[Passage]:
    docs = [dict(zip(DOC_FIELDS, d)) for d in c["docs"]]
    for d in docs:
        d["authors"] = [a for a in d["authors"].split("; ") if a]
    spans = iter(c["spans"])
    out = []
    for cid, di, line, start, end, kind, n in zip(c["ids"], c["doc"], texts, c["start"], c["end"], c["kind"],
                                                   c["counts"], strict=True):
        d = docs[di]
        out.append(Passage(cid, d["doc_id"], json.loads(line), start, end, [(next(spans), next(spans)) for _ in range(n)],
                           d["title"], d["outlet"], list(d["authors"]), d["date"], d["url"], kind=kind))
    return out


def load(folder: Path | None, chunks: int, sentences: int, dim: int) -> Sidecar | None:
    """The sidecar of ``folder`` if it was written by this format for these counts, else None."""
    if folder is None or not (Path(folder) / PASSAGES).is_file():
        return None
    folder = Path(folder)
    try:
        c = json.loads((folder / PASSAGES).read_text(encoding="utf-8"))
        if c.get("format") != FORMAT or len(c["ids"]) != chunks:
            return None
        vectors = np.load(folder / VECTORS, mmap_mode="r")
        if vectors.shape != (sentences, dim) or len(c["rows"]) != sum(c["counts"]):
            return None
        counts = np.asarray(c["counts"], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(counts)])
        with open(folder / TEXTS, encoding="utf-8") as texts:
            passages = _passages(c, texts)
        return Sidecar(passages, list(c["header"]), vectors, np.asarray(c["rows"], dtype=np.int64), offsets, folder)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None
