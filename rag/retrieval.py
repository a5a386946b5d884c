"""Hybrid retrieval: dense (Chroma) + lexical (BM25 via bm25s), fused by reciprocal rank.

Article metadata (title, outlet, its acronym, authors) is part of every chunk's lexical text, so "the South China
Morning Post piece" finds that article. A per-article penalty during selection keeps one article from crowding out the
others when several answer. Query words missing from the corpus vocabulary are spell-corrected (``rag.spelling``)
when the ``Query`` is built, before both rankings.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from functools import cached_property

import numpy as np

from rag import lexicon, sidecar, sparse
from rag.about_articles import ARTICLE_WORDS, META_WORDS
from rag.evidence import weights_of
from rag.lexicon import Lexicon
from rag.layout import article_table, by_article, heading_at, layout, sections_of, subheadings
from rag.sections import HEADING_MATCH, names_the_list
from rag.schema import Passage
from rag.sidecar import passage_keys, sentence_key
from rag.text import terms
from rag.topk import one_blas_thread, top_indices, top_stable
from rag.typical import centre_of, sample_rows, with_typicality

RRF_K = 60  # the standard constant from Cormack et al. (2009)
# Rank-fusion weights: closest sentence (MaxSim) and BM25. The chunk's mean vector was tried as a third ranking:
# a blurrier copy of the first, it lowered MRR; it only picks a large index's candidates (``_nearest_chunks``).
W_MAXSIM, W_BM25 = 1.0, 1.0
# Up to this many sentences, their vectors are searched in memory (30 MB at 384 dims; exact, where HNSW is not).
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
    # Words readers use for the articles themselves ("piece", "author") are corrections as good as the
    # corpus's own: a slip as close to "piece" as to "price" asks about the piece.
    return Lexicon.build(passages, headers, META_WORDS | {w for w in ARTICLE_WORDS if len(w) > 3})


def _records(passages: list[Passage], headers: list[str]) -> dict:
    """The fields of Chroma's records that BM25 is built from."""
    return {"ids": [p.chunk_id for p in passages], "documents": [p.text for p in passages],
            "metadatas": [{"header": h} for h in headers]}


class Retriever:
    def __init__(self, index, embedder, records: dict | None = None):
        self.index, self.embedder = index, embedder
        m = getattr(index, "manifest", None)
        # The published manifest states the counts (checked against the store before the flip): counting
        # ~500k sentences in Chroma took 2.6 s of a start at 100k chunks.
        self.n_sentences = m.sentences if m is not None and m.sentences else index.sentences().count()
        folder = index.bm25_dir()
        self.side = None if records is not None or m is None else sidecar.load(folder, m.chunks, m.sentences, m.dim)
        if self.side is not None:
            self.passages, ids, headers = self.side.passages, self.side.passages.ids, self.side.header_list
        else:
            records = records if records is not None else index.all_records()
            self.passages = passages_from(records)
            ids, hs = [p.chunk_id for p in self.passages], [(x or {}).get("header", "") for x in records["metadatas"]]
            headers = lambda: hs  # noqa: E731
        self.by_id = {cid: i for i, cid in enumerate(ids)}
        self.n = len(self.passages)
        self._svecs, self._sids = self._sentence_matrix()
        # saved with the index generation by `rag ingest` (memory-mapped); built here only if absent
        saved = sparse.load(folder, ids)
        self.bm25, self.bm25_loaded = (saved, True) if saved is not None else (sparse.build(_records(self.passages, headers())), False)
        saved = lexicon.load(folder, ids)
        self.lexicon, self.lexicon_loaded = (saved, True) if saved is not None else (build_lexicon(self.passages, headers()), False)
        # Built with the generation, like the rest (a reload builds a new Retriever), from arrays, not passages: each
        # passage's article, the bulleted subheadings list questions may name (few articles have any), each article's
        # body passages in index order, and its card.
        self._doc_of, body, self._starts = layout(self.passages)
        self.docs = sorted(set(self._doc_of))
        self._home = None
        self._sections, self._heads = sections_of(self.passages), subheadings(self.passages)
        self._body, self._cards = by_article(self._doc_of, body)
        self._body_mask = body

    def _sentence_matrix(self) -> tuple[np.ndarray | None, list[str]]:
        """Every sentence vector in memory, for a small index (an exact search beats a Chroma round trip: ~0.05 vs
        ~2.5 ms). With a sidecar, its rows, in its order (``_side_dense``), on a Chroma server too (read from the
        local folder, so a server index answers as an embedded one); without, Chroma's, in id order
        (``nearest_sentences``), not on a server (every query asks it, rather than reading every vector over HTTP)."""
        if self.n_sentences > IN_MEMORY_SENTENCES or (self.index.cfg.chroma_url and self.side is None):
            return None, []
        if self.side is not None:
            return np.array(self.side.vectors, dtype=np.float32), []
        got = self.index.all_sentence_vectors()
        return (np.asarray(got["embeddings"], dtype=np.float32), list(got["ids"])) if got["ids"] else (None, [])

    @property
    def sent_home(self) -> dict[tuple, list[tuple[int, int]]]:
        """(doc_id, absolute sentence start) -> [(passage index, start inside the passage)]; built when first
        needed, since a large index with a sidecar never needs it."""
        if self._home is None:
            self._home = {}
            for i, p in enumerate(self.passages):
                for key, (s, _) in zip(passage_keys(p), p.sentences):
                    self._home.setdefault(key, []).append((i, s))
        return self._home

    def bodies(self, doc_ids: list[str]) -> list[Passage]:
        """Every body passage of ``doc_ids``, in reading order (``rag.timing`` reads all an article says of an event)."""
        return [self.passages[i] for d in dict.fromkeys(doc_ids) for i in self._body.get(d, [])]

    def cards_for(self, doc_ids: list[str], exclude: set[str] = frozenset()) -> list[Passage]:
        """The metadata cards of ``doc_ids`` (questions about an article are answered from its card)."""
        cards = (self.passages[self._cards[d]] for d in dict.fromkeys(doc_ids) if d in self._cards)
        return [c for c in cards if c.chunk_id not in exclude]

    def articles(self) -> list[dict]:
        """Each article's metadata (``layout.article_table``) and, for one without a title, the text of its opening
        passage (its body from the start), which the page's list of articles shows instead of a headline. Only
        those are read: building every article's opening took 2.6 s of a start at 1M chunks (113k articles)."""
        out = []
        for d, meta in article_table(self.passages, self._doc_of).items():
            body = self._body.get(d, [])
            first = next((i for i in body if self._starts[i] == 0), None)
            opening = self.passages[first].text if first is not None and not meta["title"] else ""
            out.append({**meta, "opening": opening})
        return out

    def typical(self, pool: list[Passage]) -> list[Passage]:
        """``pool`` with how typical of the whole collection each sentence is (``rag.typical``): overviews read it."""
        return with_typicality(pool, self._centre, self._vectors_of)

    @cached_property
    def _centre(self):  # the collection's centre (``rag.typical.centre_of``), from an even sample of its vectors
        side, vecs = self.side, self._svecs
        rows = sample_rows(len(vecs) if vecs is not None else 0 if side is None else side.vectors.shape[0])
        return centre_of(vecs[rows] if vecs is not None else side.read(rows)) if len(rows) else None

    def _vectors_of(self, p: Passage) -> np.ndarray | None:
        """The sentence vectors of passage ``p``, in its order (None when they are not at hand)."""
        i = self.by_id.get(p.chunk_id)
        if i is not None and self.side is not None:
            ids, inv = np.unique(self.side.rows_of(i), return_inverse=True)
            return (self._svecs[ids] if self._svecs is not None else self.side.read(ids))[inv]
        rows = [self._row_of.get(k) for k in passage_keys(p)] if i is not None and self._svecs is not None else [None]
        return None if None in rows else self._svecs[rows]

    @cached_property
    def _row_of(self) -> dict[tuple, int]:  # sentence key -> row of ``_svecs`` (a small index without a sidecar)
        return {sentence_key(sid): j for j, sid in enumerate(self._sids)}

    def gist_passages(self, doc_ids) -> list[Passage]:
        """The named articles' body passages; each sentence's ``sims`` says how typical it is of its article.

        In memory that is its cosine to the article's mean sentence vector (its main line);
        otherwise, earlier sentences count as more typical (the lede states the point).
        """
        out = []
        for d in sorted(doc_ids):
            central = self._centrality(d)
            for p in (self.passages[i] for i in self._body.get(d, [])):
                sims = {s: central.get(p.start + s, 1.0 / (1 + (p.start + s) / 2000)) for s, _ in p.sentences}
                out.append(replace(p, score=1.0, sims=sims))
        return out

    def _centrality(self, doc_id: str) -> dict[int, float]:
        """Each sentence's cosine to its article's mean sentence vector, by absolute start ({} if unknown)."""
        rows: dict[int, int] = {}  # absolute start -> row of the vector matrix
        if self.side is not None:
            for i in self._body.get(doc_id, []):
                p = self.passages[i]
                for (s, _), r in zip(p.sentences, self.side.rows_of(i)):
                    rows.setdefault(p.start + s, int(r))
            rows = dict(sorted(rows.items(), key=lambda kv: kv[1]))
            matrix = None
        elif self._svecs is not None:
            keys = ((j, sentence_key(sid)) for j, sid in enumerate(self._sids))
            rows = {k[1]: j for j, k in keys if k[0] == doc_id and k[1] != "card"}
            matrix = self._svecs
        if not rows:
            return {}
        vecs = self.side.read(list(rows.values())) if matrix is None else matrix[list(rows.values())]
        centre = vecs.mean(axis=0)
        sims = vecs @ (centre / (np.linalg.norm(centre) or 1.0))
        return {start: float(v) for start, v in zip(rows, sims)}

    def bm25_only(self, text: str, n: int) -> list[Passage]:
        """The BM25 baseline: body passages by BM25 score alone (for ``rag eval``)."""
        qterms = terms(self.lexicon.speller.correct(text)[0])
        scores = self.bm25.get_scores(qterms) if qterms else np.zeros(self.n)
        body = np.flatnonzero(self._body_mask).tolist()
        return [self.passages[i] for i in sorted(body, key=lambda i: -scores[i])[:n]]

    def nearest_sentences(self, qvec, n: int) -> list[tuple[str, float]]:
        """The ``n`` sentences closest to ``qvec``: (sentence id, cosine), best first."""
        if self._svecs is not None:
            # small collection: an exact dot product in memory beats a Chroma round trip (~0.05 vs ~2.5 ms)
            all_sims = self._svecs @ np.asarray(qvec, dtype=np.float32)
            order = np.argpartition(-all_sims, n - 1)[:n] if n < len(all_sims) else np.arange(len(all_sims))
            order = order[np.argsort(-all_sims[order])]
            return [(self._sids[j], float(all_sims[j])) for j in order]
        hits = self.index.query_sentences(qvec, n)
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

    def _bm25_top(self, qterms: list[str], pool: int) -> list[int]:
        """The ``pool`` chunks BM25 ranks best, best first (only those that share a term)."""
        if not qterms:
            return []
        scores = self.bm25.get_scores(qterms)
        return [int(i) for i in top_indices(scores, pool) if scores[i] > 0]

    def _fuse(self, dense: list[int], lexical: list[int]) -> dict[int, float]:
        """Reciprocal-rank fusion of the sentence-level dense ranking and BM25 (each best first)."""
        fused: dict[int, float] = {}
        for rank, i in enumerate(dense):
            fused[i] = fused.get(i, 0.0) + W_MAXSIM / (RRF_K + rank + 1)
        for rank, i in enumerate(lexical):
            fused[i] = fused.get(i, 0.0) + W_BM25 / (RRF_K + rank + 1)
        return fused

    def _side_dense(self, qvec, lexical: list[int], pool: int):
        """MaxSim from the sidecar: ``(the best pool passages by the cosine of their closest sentence, best first;
        passage -> that cosine (None if not scored); passage -> {sentence start: cosine})``, the last two asked
        only of the passages returned (building them for every chunk was a third of a search at 1k chunks). A small
        index scores every sentence (in memory); a large one only its candidates' (``_nearest_chunks`` and BM25's
        best), read from the memory-mapped vectors (~0.8 GB at 100k chunks)."""
        q, side = np.asarray(qvec, dtype=np.float32), self.side
        if self._svecs is not None:
            cands, offs, flat = np.arange(self.n), side.offsets, side.rows
            per = (self._svecs @ q)[flat]
        else:
            cands = np.array(sorted(set(self._nearest_chunks(q, min(self.n, max(3 * pool, 60)))) | set(lexical)),
                             dtype=np.int64)
            firsts = side.offsets[cands]
            counts = side.offsets[cands + 1] - firsts
            offs = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
            # each candidate's rows, back to back (``side.rows_of`` for each, without a loop over ~75 chunks)
            flat = side.rows[np.repeat(firsts - offs[:-1], counts) + np.arange(offs[-1])]
            ids, inv = np.unique(flat, return_inverse=True)
            per = (side.read(ids) @ q)[inv]
        ok = np.diff(offs) > 0
        best = np.maximum.reduceat(per, offs[:-1][ok]) if ok.any() else np.zeros(0)
        scored = cands[ok]  # ascending, as ``best``
        ranked = scored[top_stable(best, pool)].tolist()  # the dense ranking's best ``pool``

        def dense_of(i: int) -> float | None:
            j = int(np.searchsorted(scored, i))
            return float(best[j]) if j < len(scored) and scored[j] == i else None

        def sentence_sims(i: int) -> dict[int, float]:
            j = int(np.searchsorted(cands, i))
            seg = per[offs[j]:offs[j + 1]].tolist() if j < len(cands) and cands[j] == i else []  # floats at once
            return {s: c for (s, _), c in zip(self.passages[i].sentences, seg)}

        return ranked, dense_of, sentence_sims

    def _nearest_chunks(self, q: np.ndarray, m: int) -> list[int]:
        """The ``m`` chunks closest to ``q``: by the sidecar's chunk vectors (exact), else Chroma's (HTTP on a server)."""
        if self.side.chunk_vectors is not None:
            return top_indices(self.side.chunk_vectors @ q, m).tolist()
        hits = self.index.query(q, m)
        return [self.by_id[c] for c in hits["ids"][0] if c in self.by_id]

    def _diversify(self, fused: dict[int, float], k: int, extra: int, diversify: bool) -> list[int]:
        """The ``k`` best of ``fused``, each score discounted by ``SAME_DOC_PENALTY`` per passage already taken from
        its article, then ``extra`` more by plain score. A candidate's discounted score is kept, and recomputed only
        when a passage of its article is taken (computing it for every candidate at every pick was ~170 times a question)."""
        chosen: list[int] = []
        per_doc: Counter = Counter()
        keys = dict(fused)  # the discounted scores of the candidates not yet taken (none taken: the plain score)
        by_doc: dict[str, list[int]] = {}
        for i in fused:
            by_doc.setdefault(self._doc_of[i], []).append(i)
        while keys and len(chosen) < k:
            best = max(keys, key=keys.__getitem__)  # the first of equal scores, in ``fused``'s order
            chosen.append(best)
            del keys[best]
            doc = self._doc_of[best]
            per_doc[doc] += 1
            if diversify:
                factor = SAME_DOC_PENALTY ** per_doc[doc]
                for i in by_doc[doc]:
                    if i in keys:
                        keys[i] = fused[i] * factor
        # Extra candidates ignore diversity: an article with many relevant passages may hold the answer.
        return chosen + sorted(keys, key=lambda i: -fused[i])[:extra]

    def listed_sections(self, query, exclude: set[str] = frozenset()) -> list[Passage]:
        """List and overview questions: the passages of each bulleted section whose subheading states what is asked
        (``rag.neighbours.listed_under_heading``), with the passages overlapping it, since a list may run on
        into the next chunk."""
        weights = weights_of(query, self.lexicon)
        out: dict[str, Passage] = {}
        for heading, i in self._sections:
            if names_the_list(heading, weights, query.listed) >= HEADING_MATCH:
                p = self.passages[i]
                near = (self.passages[j] for j in self._body.get(p.doc_id, ()) if p.start <= self._starts[j] < p.end)
                out.update((x.chunk_id, x) for x in near)
        return [p for cid, p in out.items() if cid not in exclude]

    def search(self, query, k: int, qvec: np.ndarray | None = None, diversify: bool = True,
               extra: int = 0) -> list[Passage]:
        """The ``k`` best passages for a ``Query`` (diversified across articles), then ``extra`` more by plain score."""
        if not self.passages:
            return []
        if qvec is None:
            qvec = self.embedder.embed_query(query.meant or query.text)
        with one_blas_thread():
            return self._search(query, k, qvec, diversify, extra)

    def search_beyond(self, pool: list, query, terms: list[str], k: int, hint: str = "",
                      qvec: np.ndarray | None = None) -> list[Passage]:
        """A second search's ``k`` best passages, by ``terms`` and the question's vector (with ``hint``'s words in
        it: one more model call), that ``pool`` lacks, best first: the words a kind of answer is told in
        ("expired", "narrowed") reach passages the question's own words rank below those restating its topic."""
        if qvec is None and hint:
            qvec = self.embedder.embed_query(f"{query.meant or query.text} {hint}")
        seen = {p.chunk_id for p in pool}
        found = self.search(replace(query, terms=terms), k, qvec=qvec, diversify=False)
        return [p for p in found if p.chunk_id not in seen]

    def _search(self, query, k: int, qvec, diversify: bool, extra: int) -> list[Passage]:
        pool = min(self.n, max(4 * k, 20))
        lexical = self._bm25_top(self.lexicon.searched(query.terms), pool)
        if self.side is not None:  # on a server too: its local folder holds the sentence vectors
            ranked, dense_of, sentence_sims = self._side_dense(qvec, lexical, pool)
        else:
            # In memory every sentence gets its own cosine (answering scores sentences by it); from HNSW, the nearest few.
            n_near = self.n_sentences if self._svecs is not None else min(max(10 * k, 60), max(1, self.n_sentences))
            sims, ssims = self._passage_sims(self.nearest_sentences(qvec, max(1, n_near)))
            ranked, dense_of = sorted(sims, key=lambda i: -sims[i])[:pool], sims.get
            sentence_sims = lambda i: ssims.get(i, {})  # noqa: E731
        fused = self._fuse(ranked, lexical)
        return [replace(self.passages[i], score=fused[i], dense=dense_of(i), sims=sentence_sims(i),  # and its section
                        section=heading_at(self._heads.get(self._doc_of[i], []), int(self._starts[i])))
                for i in self._diversify(fused, k, extra, diversify)]
