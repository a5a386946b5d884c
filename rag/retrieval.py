"""Hybrid retrieval: dense (Chroma) + lexical (BM25 via bm25s), fused by reciprocal rank.

Article metadata (title, outlet, its acronym, authors) is part of every chunk's
lexical text, so "the South China Morning Post piece" finds that article. A
per-article penalty during selection keeps one article from crowding out the
others when several answer. Query words missing from the corpus vocabulary are
spell-corrected against it ("sined" → "signed") before lexical matching.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import replace

import numpy as np

from rag.schema import Passage
from rag.text import STOPWORDS, stem, terms, tokens

RRF_K = 60  # the standard constant from Cormack et al. (2009)
SAME_DOC_PENALTY = 0.75  # score multiplier per passage already taken from the same article


def _passages_from(records: dict) -> list[Passage]:
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


class Retriever:
    def __init__(self, index, embedder, records: dict | None = None):
        import bm25s

        self.index, self.embedder = index, embedder
        records = records if records is not None else index.all_records()
        self.passages = _passages_from(records)
        self.by_id = {p.chunk_id: i for i, p in enumerate(self.passages)}
        metas = records["metadatas"]
        self.doc_terms = [terms(((m or {}).get("header", "") + "\n" + p.text)) for p, m in zip(self.passages, metas)]
        self.bm25 = bm25s.BM25()
        self.bm25.index(self.doc_terms, show_progress=False)
        # Document frequencies over chunks: rare terms carry the question's meaning.
        self.n = len(self.passages)
        self.df = Counter(t for ts in self.doc_terms for t in set(ts))
        self.vocab_words = sorted({w for p in self.passages for w in tokens(p.text) if len(w) >= 4}
                                  | {w for m in metas for w in tokens((m or {}).get("header", ""))})
        self.docs = sorted({p.doc_id for p in self.passages})

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def correct(self, text: str) -> tuple[list[str], dict[str, str]]:
        """Content terms of ``text``, with out-of-vocabulary words mapped to close corpus words."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        out, fixes = [], {}
        for w in tokens(text):
            if not w or w in STOPWORDS:
                continue
            t = stem(w)
            if t not in self.df and len(w) >= 4 and not w.isdigit():
                hit = process.extractOne(w, self.vocab_words, scorer=Levenshtein.distance,
                                         score_cutoff=1 if len(w) < 7 else 2)
                if hit:
                    fixes[w] = hit[0]
                    t = stem(hit[0])
            out.append(t)
        return out, fixes

    def search(self, question: str, k: int, qvec: np.ndarray | None = None, qterms: list[str] | None = None,
               diversify: bool = True) -> list[Passage]:
        if not self.passages:
            return []
        if qvec is None:
            qvec = self.embedder.embed_query(question)
        if qterms is None:
            qterms, _ = self.correct(question)
        pool = min(self.n, max(4 * k, 20))

        dense = self.index.query(qvec, pool)
        sims: dict[int, float] = {}
        for rank, (cid, dist) in enumerate(zip(dense["ids"][0], dense["distances"][0])):
            if cid in self.by_id:
                sims[self.by_id[cid]] = 1.0 - float(dist)
        fused: dict[int, float] = {}
        for rank, i in enumerate(sorted(sims, key=lambda i: -sims[i])):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        if qterms:
            scores = self.bm25.get_scores(qterms)
            top = np.argsort(-scores)[:pool]
            for rank, i in enumerate(top):
                if scores[i] <= 0:
                    break
                fused[int(i)] = fused.get(int(i), 0.0) + 1.0 / (RRF_K + rank + 1)

        chosen: list[int] = []
        per_doc: Counter = Counter()
        cands = dict(fused)
        while cands and len(chosen) < k:
            best = max(cands, key=lambda i: cands[i] * (SAME_DOC_PENALTY ** per_doc[self.passages[i].doc_id]
                                                         if diversify else 1.0))
            chosen.append(best)
            per_doc[self.passages[best].doc_id] += 1
            del cands[best]
        out = []
        for i in chosen:
            p = self.passages[i]
            dense_sim = sims.get(i)
            if dense_sim is None:
                # outside the dense pool: compute directly (cheap, one dot product)
                dense_sim = None
            out.append(replace(p, score=fused[i], dense=dense_sim))
        return out
