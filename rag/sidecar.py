"""The passages and sentence vectors of an index generation, saved beside its BM25 for a fast start.

Reading every chunk's text and metadata back out of Chroma took ~12 s of a start at 100k chunks,
and searching ~520k sentence vectors meant Chroma loading their HNSW graph (~0.8 GB). ``rag ingest``
therefore writes, into the generation's folder before it is published:

- ``passages.json``: each article's metadata once, every chunk's id, and the subheadings (``sections``, ``heads``);
- ``columns.npz``: the chunks' numeric columns (article, offsets, kind, sentence spans, vector rows, and where
  each text starts in ``texts.jsonl``), loaded as arrays, not Python objects;
- ``texts.jsonl``: their texts, one JSON string a line, read a passage at a time when a question needs it
  (``Passages``): holding every text as a Python object was ~330 MB of a start at 100k chunks and read 1 GB at 1M;
- ``headers.json``: each chunk's lexical header, read only to rebuild BM25 or the ``Lexicon``;
- ``sentence_vectors.npy``: every sentence vector, one row each, memory-mapped by readers, so a
  query touches only the rows of its candidate passages;
- ``sentence_ids.json``: the row order, read only when the whole matrix is searched in memory;
- ``chunk_vectors.npy``: up to ``LOCAL_CHUNKS`` chunks, each chunk's vector (the normalized mean of its sentences',
  as ingest makes it), so a reader finds a question's candidate chunks by one product in memory rather than by asking
  Chroma (on a server, an HTTP round trip of ~2 ms a question; scanning 10k chunks takes ~0.5 ms). Optional: a
  sidecar without it, or above that size, is searched through Chroma's chunk HNSW as before.

A reader trusts these files only if their format number and counts match the generation's
manifest; otherwise (an older index, a Chroma server) it reads Chroma as before.
"""

from __future__ import annotations

import json
import os
import threading
import weakref
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.index import id_order
from rag.schema import Passage

FORMAT = 7  # bump whenever what is saved, or how it is read, changes: older files are then ignored
PASSAGES, TEXTS, VECTORS, SENTENCE_IDS = "passages.json", "texts.jsonl", "sentence_vectors.npy", "sentence_ids.json"
COLUMNS, HEADERS, CHUNK_VECTORS = "columns.npz", "headers.json", "chunk_vectors.npy"
LOCAL_CHUNKS = 50_000  # 77 MB of chunk vectors at 384 dims; above, an exact scan costs more than Chroma's HNSW
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
    passages: Sequence[Passage]  # ``Passages`` when loaded
    headers: list[str] | None  # each chunk's lexical header; None: in ``headers.json`` (``header_list``)
    vectors: np.ndarray  # (sentences, dim) float32, memory-mapped
    rows: np.ndarray  # flat: the vector rows of passage i are rows[offsets[i]:offsets[i + 1]]
    offsets: np.ndarray
    folder: Path
    chunk_vectors: np.ndarray | None = None  # (chunks, dim) float32 in memory, or None: ask Chroma (see module doc)
    _fd: int | None = field(default=None, repr=False, compare=False)  # see ``_open``

    def rows_of(self, i: int) -> np.ndarray:
        return self.rows[self.offsets[i]:self.offsets[i + 1]]

    def header_list(self) -> list[str]:
        """Each chunk's lexical header, read only to rebuild BM25 or the ``Lexicon`` (saved files missing)."""
        if self.headers is None:
            self.headers = json.loads((self.folder / HEADERS).read_text(encoding="utf-8"))
        return self.headers

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


class Passages(Sequence):
    """The sidecar's passages, each built when asked for: its text read from ``texts.jsonl`` (one ``pread``), the
    rest from the column arrays. A start then holds arrays, not a Python object per chunk and its text; the few
    passages a question touches are built again for the next (``lru_cache``: built passages are never changed,
    only copied with their scores by ``dataclasses.replace``)."""

    def __init__(self, docs: list[dict], ids: list[str], kinds: list[str], cols, texts: Path, offsets: np.ndarray,
                 sections: list[tuple[str, int]], heads: dict[str, list[tuple[int, str]]]):
        self.docs, self.ids, self.kinds, self.sections, self.heads = docs, ids, kinds, sections, heads
        self.doc, self.start, self.end, self.kind = cols["doc"], cols["start"], cols["end"], cols["kind"]
        # a passage has one sentence (two span numbers) per sentence-vector row: its spans start at twice its rows'
        self.spans, self.span_at, self.text_at = cols["spans"], 2 * offsets, cols["text_at"]
        self.texts = texts
        fd = os.open(texts, os.O_RDONLY)
        weakref.finalize(self, os.close, fd)
        self._fd = fd
        self._get = lru_cache(maxsize=4096)(self._build)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(len(self)))]
        return self._get(int(i) + len(self) if i < 0 else int(i))

    def __iter__(self):
        return (self._get(i) for i in range(len(self)))

    def text(self, i: int) -> str:
        a, b = int(self.text_at[i]), int(self.text_at[i + 1])
        raw = os.pread(self._fd, b - a, a)
        if len(raw) != b - a:
            raise OSError(f"{self.texts}: short read (the file changed under the index?)")
        return json.loads(raw)

    def doc_id(self, i: int) -> str:
        return self.docs[int(self.doc[i])]["doc_id"]

    def kind_of(self, i: int) -> str:
        return self.kinds[int(self.kind[i])]

    def _build(self, i: int) -> Passage:
        if not 0 <= i < len(self):
            raise IndexError(i)
        d = self.docs[int(self.doc[i])]
        sp = self.spans[self.span_at[i]:self.span_at[i + 1]].tolist()
        return Passage(self.ids[i], d["doc_id"], self.text(i), int(self.start[i]), int(self.end[i]),
                       list(zip(sp[::2], sp[1::2])), d["title"], d["outlet"], list(d["authors"]), d["date"], d["url"],
                       kind=self.kind_of(i))


def _columns(passages: list[Passage], rows: list[int], counts: list[int]) -> tuple[dict, dict]:
    """(the JSON part: articles, chunk ids, kinds; the arrays) of the sidecar."""
    docs: dict[str, int] = {}
    doc_meta = []
    for p in passages:
        if p.doc_id not in docs:
            docs[p.doc_id] = len(docs)
            doc_meta.append([p.doc_id, p.title, p.outlet, "; ".join(p.authors), p.date, p.url])
    kinds = sorted({p.kind for p in passages})
    arrays = {"doc": np.array([docs[p.doc_id] for p in passages], dtype=np.int32),
              "start": np.array([p.start for p in passages], dtype=np.int64),
              "end": np.array([p.end for p in passages], dtype=np.int64),
              "kind": np.array([kinds.index(p.kind) for p in passages], dtype=np.int8),
              "spans": np.array([x for p in passages for s in p.sentences for x in s], dtype=np.int64),
              "counts": np.array(counts, dtype=np.int64), "rows": np.array(rows, dtype=np.int64)}
    return {"format": FORMAT, "docs": doc_meta, "ids": [p.chunk_id for p in passages], "kinds": kinds}, arrays


def save(passages: list[Passage], headers: list[str], sentence_ids, sentence_pages, dim: int, folder: Path,
         sections: list[tuple[str, int]], heads: dict[str, list[tuple[int, str]]]) -> bool:
    """Write the sidecar: the rows in the canonical order of ``sentence_ids`` (so an index updated in place
    and a clean build of the same corpus hold the same matrix, and score ties break alike), filled from
    ``sentence_pages``, an iterable of ``(ids, vectors)`` pages of the sentence collection. False, and
    nothing is written, if a passage names a sentence the collection lacks. ``sections`` (the bulleted subheadings
    list questions may name, ``layout.bulleted_sections``) and ``heads`` (each article's subheadings,
    ``layout.subheadings``) are saved so a start need not look for them in every text."""
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
    text_at = [0]
    with open(folder / TEXTS, "wb") as f:
        for p in passages:
            line = (json.dumps(p.text, ensure_ascii=False) + "\n").encode("utf-8")
            f.write(line)
            text_at.append(text_at[-1] + len(line))
    head, arrays = _columns(passages, rows, [len(ks) for ks in keys])
    head["sections"] = [[name, i] for name, i in sections]
    head["heads"] = {d: [[at, h] for at, h in hs] for d, hs in heads.items()}
    with open(folder / COLUMNS, "wb") as f:
        np.savez(f, text_at=np.array(text_at, dtype=np.int64), **arrays)
    if len(passages) <= LOCAL_CHUNKS:
        np.save(folder / CHUNK_VECTORS, chunk_means(np.load(vec_path, mmap_mode="r"), arrays["rows"], arrays["counts"]))
    (folder / HEADERS).write_text(json.dumps(headers, ensure_ascii=False), encoding="utf-8")
    (folder / PASSAGES).write_text(json.dumps(head, ensure_ascii=False), encoding="utf-8")  # last: its format says all is here
    return True


def chunk_means(vectors: np.ndarray, rows: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Each chunk's vector: the normalized mean of its sentences' rows (``rows`` flat, ``counts`` per chunk), as
    ``rag.vectors.write_chunks`` makes it; a chunk without sentences gets zeros (it then matches nothing)."""
    out = np.zeros((len(counts), vectors.shape[1]), dtype=np.float32)
    ok = counts > 0
    if ok.any():
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])[ok]
        sums = np.add.reduceat(np.asarray(vectors[np.asarray(rows, dtype=np.int64)], dtype=np.float32), starts, axis=0)
        out[ok] = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return out


def _chunk_vectors(folder: Path, chunks: int, dim: int) -> np.ndarray | None:
    """The saved chunk vectors if present and of this generation's shape (else None: search through Chroma)."""
    path = folder / CHUNK_VECTORS
    if chunks > LOCAL_CHUNKS or not path.is_file():
        return None
    vecs = np.load(path)
    return vecs if vecs.shape == (chunks, dim) and vecs.dtype == np.float32 else None


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
        with np.load(folder / COLUMNS) as z:
            cols = {k: z[k] for k in z.files}
        counts = cols["counts"]
        if (vectors.shape != (sentences, dim) or len(cols["rows"]) != int(counts.sum())
                or len(cols["spans"]) != 2 * int(counts.sum())
                or len(cols["text_at"]) != chunks + 1 or (folder / TEXTS).stat().st_size != int(cols["text_at"][-1])):
            return None
        docs = [dict(zip(DOC_FIELDS, d)) for d in c["docs"]]
        for d in docs:
            d["authors"] = [a for a in d["authors"].split("; ") if a]
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        sections = [(str(name), int(i)) for name, i in c["sections"]]
        if any(not 0 <= i < chunks for _, i in sections):
            return None
        heads = {str(d): [(int(at), str(h)) for at, h in hs] for d, hs in c["heads"].items()}
        passages = Passages(docs, c["ids"], c["kinds"], cols, folder / TEXTS, offsets, sections, heads)
        return Sidecar(passages, None, vectors, cols["rows"], offsets, folder, _chunk_vectors(folder, chunks, dim))
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError, zipfile.BadZipFile):
        return None
