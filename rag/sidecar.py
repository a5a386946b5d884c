"""The passages and sentence vectors of an index generation, saved beside its BM25 for a fast start.

Reading every chunk's text and metadata back out of Chroma took ~12 s of a start at 100k chunks,
and searching ~520k sentence vectors meant Chroma loading their HNSW graph (~0.8 GB). ``rag ingest``
therefore writes, into the generation's folder before it is published:

- ``passages.json``: the chunks in columns (each article's metadata once, sentence spans flat);
- ``sentence_vectors.npy``: every sentence vector, one row each, memory-mapped by readers, so a
  query touches only the rows of its candidate passages;
- ``sentence_ids.json``: the row order, read only when the whole matrix is searched in memory.

A reader trusts these files only if their format number and counts match the generation's
manifest; otherwise (an older index, a Chroma server) it reads Chroma as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.schema import Passage

FORMAT = 1  # bump whenever what is saved, or how it is read, changes: older files are then ignored
PASSAGES, VECTORS, SENTENCE_IDS = "passages.json", "sentence_vectors.npy", "sentence_ids.json"
DOC_FIELDS = ("doc_id", "title", "outlet", "authors", "date", "url")


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

    @property
    def ids(self) -> list[str]:
        return [p.chunk_id for p in self.passages]

    def rows_of(self, i: int) -> np.ndarray:
        return self.rows[self.offsets[i]:self.offsets[i + 1]]

    def sentence_ids(self) -> list[str]:
        return json.loads((self.folder / SENTENCE_IDS).read_text(encoding="utf-8"))


def _columns(passages: list[Passage], headers: list[str], rows: list[int], counts: list[int]) -> dict:
    docs: dict[str, int] = {}
    doc_meta = []
    for p in passages:
        if p.doc_id not in docs:
            docs[p.doc_id] = len(docs)
            doc_meta.append([p.doc_id, p.title, p.outlet, "; ".join(p.authors), p.date, p.url])
    return {"format": FORMAT, "docs": doc_meta, "ids": [p.chunk_id for p in passages],
            "doc": [docs[p.doc_id] for p in passages], "text": [p.text for p in passages],
            "start": [p.start for p in passages], "end": [p.end for p in passages],
            "kind": [p.kind for p in passages], "header": headers,
            "spans": [x for p in passages for s in p.sentences for x in s], "counts": counts, "rows": rows}


def save(passages: list[Passage], headers: list[str], sentence_pages, n_sentences: int, dim: int, folder: Path) -> bool:
    """Write the sidecar from ``sentence_pages`` (an iterable of ``(ids, vectors)`` pages of the sentence
    collection). False, and nothing is written, if a passage names a sentence the collection lacks."""
    folder = Path(folder)
    vec_path = folder / VECTORS
    out = np.lib.format.open_memmap(vec_path, mode="w+", dtype=np.float32, shape=(n_sentences, dim))
    where, sids = {}, []
    for ids, vecs in sentence_pages:
        out[len(sids):len(sids) + len(ids)] = np.asarray(vecs, dtype=np.float32)
        where.update((sentence_key(s), len(sids) + j) for j, s in enumerate(ids))
        sids += ids
    out.flush()
    del out
    keys = [passage_keys(p) for p in passages]
    if len(sids) != n_sentences or any(k not in where for ks in keys for k in ks):
        vec_path.unlink(missing_ok=True)
        return False
    rows = [where[k] for ks in keys for k in ks]
    (folder / SENTENCE_IDS).write_text(json.dumps(sids), encoding="utf-8")
    cols = _columns(passages, headers, rows, [len(ks) for ks in keys])
    (folder / PASSAGES).write_text(json.dumps(cols, ensure_ascii=False), encoding="utf-8")
    return True


def _passages(c: dict) -> list[Passage]:
    docs = [dict(zip(DOC_FIELDS, d)) for d in c["docs"]]
    for d in docs:
        d["authors"] = [a for a in d["authors"].split("; ") if a]
    spans = iter(c["spans"])
    out = []
    for cid, di, text, start, end, kind, n in zip(c["ids"], c["doc"], c["text"], c["start"], c["end"],
                                                   c["kind"], c["counts"]):
        d = docs[di]
        out.append(Passage(cid, d["doc_id"], text, start, end, [(next(spans), next(spans)) for _ in range(n)],
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
        return Sidecar(_passages(c), list(c["header"]), vectors, np.asarray(c["rows"], dtype=np.int64), offsets, folder)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None
