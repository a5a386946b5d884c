"""Hybrid retrieval: dense (Chroma) + lexical (BM25 via bm25s), fused by reciprocal rank.

Article metadata (title, outlet, its acronym, authors) is part of every chunk's
lexical text, so "the South China Morning Post piece" finds that article. A
per-article penalty during selection keeps one article from crowding out the
others when several answer. Query words missing from the corpus vocabulary are
spell-corrected (``rag.spelling``) when the ``Query`` is built, before both rankings.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import numpy as np

from rag import lexicon, sparse
from rag.lexicon import Lexicon
from rag.schema import Passage
from rag.text import terms

RRF_K = 60  # the standard constant from Cormack et al. (2009)
# Rank-fusion weights: closest sentence (MaxSim) and BM25. The chunk's mean vector was tried as a third
# ranking: a blurrier copy of the first, it lowered MRR and cost a Chroma query, so it is not used;
# the chunk vectors stay in the index for clients that search chunks directly.
W_MAXSIM, W_BM25 = 1.0, 1.0
# Up to this many sentences, their vectors are searched in memory (30 MB at 384 dims); beyond, Chroma's HNSW.
# (The in-memory search is exact, HNSW approximate; on the eval set both give the same answers.)
IN_MEMORY_SENTENCES = 20000
# Score multiplier per passage already taken from the same article. RRF scores are compressed
# (rank 1 = 1/61, rank 10 = 1/70), so a small factor already moves a passage several ranks.
SAME_DOC_PENALTY = 0.92


def passages_from(records: dict) -> list[Passage]:
    out = []
    for cid, text, m in zip(records["ids"], records["documents"], records["metadatas"]):
        m = m or {}
        out.append(Passage(
            chunk_id=cid, doc_id=m.get("doc_id", cid.split(":")[0]), text=text or "",
            start=int(m.get("start", -1)), end=int(m.get("end", -1)),
            sentences=[tuple(x) for x in json.loads(m.get("sentences") or "[]")],
            title=m.get("title", ""), outlet=m.get("outlet", ""),
            authors=[a for a in (m.get("authors") or "").split("; ") if a], date=m.get("date", ""),
            url=m.get("url", ""), kind=m.get("kind", "body")))
    return out


def build_lexicon(passages: list[Passage], headers: list[str]) -> Lexicon:
    from rag.query import META_WORDS

    return Lexicon.build(passages, headers, META_WORDS)


def save_lexicon(records: dict, folder) -> None:
    """Build the Lexicon of ``records`` and save it into an index generation's folder (``rag ingest``)."""
    headers = [(m or {}).get("header", "") for m in records["metadatas"]]
    lexicon.save(build_lexicon(passages_from(records), headers), records["ids"], folder)


def top_indices(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, best first (ties by index): a partial sort, since a full
    argsort of every chunk's BM25 score was most of a query's time at 100k chunks.

    >>> top_indices(np.array([0.1, 3.0, 2.0, 3.0, 0.5]), 3).tolist()
    [1, 3, 2]
    """
    if n >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, n - 1)[:n]
    return part[np.lexsort((part, -scores[part]))]


def sentence_key(sid: str) -> tuple:
    """(doc_id, start) of a sentence id ``doc:s<start>:<hash>``; (doc_id, "card") for a byline card.

    Reading it from the id spares Chroma a metadata fetch on every query.

    >>> sentence_key("pact:s120:ab12"), sentence_key("pact:card:9f")
    (('pact', 120), ('pact', 'card'))
    """
    doc, kind, _ = sid.rsplit(":", 2)
    return (doc, "card") if kind == "card" else (doc, int(kind[1:]))


class Retriever:
    def __init__(self, index, embedder, records: dict | None = None):
        self.index, self.embedder = index, embedder
        records = records if records is not None else index.all_records()
        self.passages = passages_from(records)
        self.by_id = {p.chunk_id: i for i, p in enumerate(self.passages)}
        # The published manifest states the count (checked against the store before the flip): counting
        # ~500k sentences in Chroma took 2.6 s of a start at 100k chunks.
        m = getattr(index, "manifest", None)
        self.n_sentences = m.sentences if m is not None and m.sentences else index.sentences().count()
        self._svecs, self._sids = None, []
        # Embedded store only: against a shared Chroma server every query asks the server.
        if self.n_sentences <= IN_MEMORY_SENTENCES and not index.cfg.chroma_url:
            got = index.all_sentence_vectors()
            if got["ids"]:
                self._sids = list(got["ids"])
                self._svecs = np.asarray(got["embeddings"], dtype=np.float32)
        metas = records["metadatas"]
        headers = [(m or {}).get("header", "") for m in metas]
        # saved with the index generation by `rag ingest` (memory-mapped); built here only if absent
        self.bm25, self.bm25_loaded = sparse.load_or_build(index.bm25_dir(), records)
        self.n = len(self.passages)
        saved = lexicon.load(index.bm25_dir(), records["ids"])
        self.lexicon, self.lexicon_loaded = (saved, True) if saved is not None else (build_lexicon(self.passages, headers), False)
        self.docs = sorted({p.doc_id for p in self.passages})
        # (doc_id, absolute sentence start) -> [(passage index, start inside the passage)]
        self.sent_home: dict[tuple, list[tuple[int, int]]] = {}
        for i, p in enumerate(self.passages):
            for s, _ in p.sentences:
                key = (p.doc_id, "card") if p.kind != "body" else (p.doc_id, p.start + s)
                self.sent_home.setdefault(key, []).append((i, s))

    def cards_for(self, doc_ids: list[str], exclude: set[str] = frozenset()) -> list[Passage]:
        """The metadata cards of ``doc_ids`` (questions about an article are answered from its card)."""
        if getattr(self, "_cards", None) is None:
            self._cards = {p.doc_id: p for p in self.passages if p.kind == "metadata"}
        return [self._cards[d] for d in dict.fromkeys(doc_ids) if d in self._cards and self._cards[d].chunk_id not in exclude]

    def gist_passages(self, doc_ids) -> list[Passage]:
        """The named articles' body passages; each sentence's ``sims`` says how typical it is of its article.

        In memory that is its cosine to the article's mean sentence vector (its main line);
        otherwise, earlier sentences count as more typical (the lede states the point).
        """
        out = []
        for d in sorted(doc_ids):
            central = self._centrality(d)
            for p in self.passages:
                if p.doc_id == d and p.kind == "body":
                    sims = {s: central.get(p.start + s, 1.0 / (1 + (p.start + s) / 2000)) for s, _ in p.sentences}
                    out.append(replace(p, score=1.0, sims=sims))
        return out

    def _centrality(self, doc_id: str) -> dict[int, float]:
        if self._svecs is None:
            return {}
        rows = [(j, sentence_key(sid)) for j, sid in enumerate(self._sids)]
        rows = [(j, k[1]) for j, k in rows if k[0] == doc_id and k[1] != "card"]
        if not rows:
            return {}
        vecs = self._svecs[[j for j, _ in rows]]
        centre = vecs.mean(axis=0)
        sims = vecs @ (centre / (np.linalg.norm(centre) or 1.0))
        return {start: float(v) for (_, start), v in zip(rows, sims)}

    def bm25_only(self, text: str, n: int) -> list[Passage]:
        """The BM25 baseline: body passages by BM25 score alone (for ``rag eval``)."""
        qterms = terms(self.lexicon.speller.correct(text)[0])
        scores = self.bm25.get_scores(qterms) if qterms else np.zeros(self.n)
        body = [i for i, p in enumerate(self.passages) if p.kind == "body"]
        return [self.passages[i] for i in sorted(body, key=lambda i: -scores[i])[:n]]

    def nearest_sentences(self, qvec, n: int, top_vectors: list | None = None) -> list[tuple[str, float]]:
        """The ``n`` sentences closest to ``qvec``: (sentence id, cosine), best first."""
        if self._svecs is not None:
            # small collection: an exact dot product in memory beats a Chroma round trip (~0.05 vs ~2.5 ms)
            all_sims = self._svecs @ np.asarray(qvec, dtype=np.float32)
            order = np.argpartition(-all_sims, n - 1)[:n] if n < len(all_sims) else np.arange(len(all_sims))
            order = order[np.argsort(-all_sims[order])]
            if top_vectors is not None:
                top_vectors.extend(self._svecs[j] for j in order[:3])
            return [(self._sids[j], float(all_sims[j])) for j in order]
        hits = self.index.query_sentences(qvec, n, with_vectors=top_vectors is not None)
        if top_vectors is not None and hits.get("embeddings") is not None:
            top_vectors.extend(np.asarray(v, dtype=np.float32) for v in hits["embeddings"][0][:3])
        return [(sid, 1.0 - float(d)) for sid, d in zip(hits["ids"][0], hits["distances"][0])]

    def _passage_sims(self, hits: list[tuple[str, float]]) -> tuple[dict[int, float], dict[int, dict[int, float]]]:
        """MaxSim: a passage is as close as its closest sentence; also each sentence's cosine inside its passages."""
        sims: dict[int, float] = {}
        ssims: dict[int, dict[int, float]] = {}
        for sid, sim in hits:
            for i, rel in self.sent_home.get(sentence_key(sid), []):
                ssims.setdefault(i, {})[rel] = sim
                if sim > sims.get(i, -1.0):
                    sims[i] = sim
        return sims, ssims

    def _fuse(self, sims: dict[int, float], qterms: list[str], pool: int) -> dict[int, float]:
        """Reciprocal-rank fusion of the sentence-level dense ranking and BM25."""
        fused: dict[int, float] = {}
        for rank, i in enumerate(sorted(sims, key=lambda i: -sims[i])[:pool]):
            fused[i] = fused.get(i, 0.0) + W_MAXSIM / (RRF_K + rank + 1)
        if qterms:
            scores = self.bm25.get_scores(qterms)
            for rank, i in enumerate(top_indices(scores, pool)):
                if scores[i] <= 0:
                    break
                fused[int(i)] = fused.get(int(i), 0.0) + W_BM25 / (RRF_K + rank + 1)
        return fused

    def _diversify(self, fused: dict[int, float], k: int, extra: int, diversify: bool) -> list[int]:
        chosen: list[int] = []
        per_doc: Counter = Counter()
        cands = dict(fused)
        while cands and len(chosen) < k:
            best = max(cands, key=lambda i: cands[i] * (SAME_DOC_PENALTY ** per_doc[self.passages[i].doc_id]
                                                         if diversify else 1.0))
            chosen.append(best)
            per_doc[self.passages[best].doc_id] += 1
            del cands[best]
        # Extra candidates ignore diversity: an article with many relevant passages may hold the answer.
        return chosen + sorted(cands, key=lambda i: -cands[i])[:extra]

    def search(self, query, k: int, qvec: np.ndarray | None = None, diversify: bool = True,
               top_vectors: list | None = None, extra: int = 0) -> list[Passage]:
        """The ``k`` best passages for a ``Query`` (diversified across articles), then ``extra`` more by plain score.

        If ``top_vectors`` is a list, the nearest sentences' vectors are appended to it.
        """
        if not self.passages:
            return []
        if qvec is None:
            qvec = self.embedder.embed_query(query.text)
        pool = min(self.n, max(4 * k, 20))
        # In memory every sentence gets its own cosine (answering scores sentences by it); from HNSW, the nearest few.
        n_near = self.n_sentences if self._svecs is not None else min(max(10 * k, 60), max(1, self.n_sentences))
        hits = self.nearest_sentences(qvec, max(1, n_near), top_vectors)
        sims, ssims = self._passage_sims(hits)
        fused = self._fuse(sims, query.terms, pool)
        return [replace(self.passages[i], score=fused[i], dense=sims.get(i), sims=ssims.get(i, {}))
                for i in self._diversify(fused, k, extra, diversify)]
