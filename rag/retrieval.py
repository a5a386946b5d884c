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
import re
from collections import Counter
from dataclasses import replace

import numpy as np

from rag.schema import Passage
from rag.text import STOPWORDS, stem, terms, tokens

RRF_K = 60  # the standard constant from Cormack et al. (2009)
# Rank-fusion weights: closest sentence (MaxSim), BM25, and the chunk's mean vector. The last is a
# blurrier copy of the first: on the eval set it lowered MRR (0.913 vs 0.925) and cost a Chroma query,
# so it is off; the chunk vectors stay in the index for clients that search chunks directly.
W_MAXSIM, W_BM25, W_CHUNK = 1.0, 1.0, 0.0
# Up to this many sentences, their vectors are searched in memory (30 MB at 384 dims); beyond, Chroma's HNSW.
# (The in-memory search is exact, HNSW approximate; on the eval set both give the same answers.)
IN_MEMORY_SENTENCES = 20000
# Score multiplier per passage already taken from the same article. RRF scores are compressed
# (rank 1 = 1/61, rank 10 = 1/70), so a small factor already moves a passage several ranks.
SAME_DOC_PENALTY = 0.92


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


def find_acronyms(texts) -> dict[str, set[str]]:
    """Acronyms the articles define, mapped to the stems of their long form.

    >>> sorted(find_acronyms(["The Science and Technology Agreement (STA) was signed."])["sta"])
    ['agreement', 'scienc', 'technolog']
    """
    import re

    out: dict[str, set[str]] = {}
    pat = re.compile(r"((?:[A-Z][\w\-]*\s+(?:(?:and|of|for|on|the|&)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,9})\)")
    for text in texts:
        for m in pat.finditer(text):
            words = m.group(1).split()
            acr = m.group(2)
            caps = [w for w in words if w[:1].isupper()]
            letters = [c for c in acr if c.isupper()]
            if len(letters) >= 2 and len(caps) >= len(letters):
                long = caps[-len(letters):]
                if [w[0] for w in long] == letters:
                    out[stem(acr.lower())] = {t for w in long for t in terms(w)}
    return out


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
        import bm25s

        self.index, self.embedder = index, embedder
        records = records if records is not None else index.all_records()
        self.passages = _passages_from(records)
        self.by_id = {p.chunk_id: i for i, p in enumerate(self.passages)}
        self.n_sentences = index.sentences().count()
        self._svecs, self._sids = None, []
        # Embedded store only: against a shared Chroma server every query asks the server.
        if self.n_sentences <= IN_MEMORY_SENTENCES and not index.cfg.chroma_url:
            got = index._get_all(index.sentences(), ["embeddings"])
            if got["ids"]:
                self._sids = list(got["ids"])
                self._svecs = np.asarray(got["embeddings"], dtype=np.float32)
        metas = records["metadatas"]
        self.doc_terms = [terms(((m or {}).get("header", "") + "\n" + p.text)) for p, m in zip(self.passages, metas)]
        self.bm25 = bm25s.BM25()
        self.bm25.index(self.doc_terms, show_progress=False)
        # Document frequencies over chunks: rare terms carry the question's meaning.
        self.n = len(self.passages)
        self.df = Counter(t for ts in self.doc_terms for t in set(ts))
        from rag.answering import META_WORDS

        self.vocab_words = sorted({w for p in self.passages for w in tokens(p.text) if len(w) >= 4}
                                  | {w for m in metas for w in tokens((m or {}).get("header", ""))} | META_WORDS)
        self.expansions = find_acronyms(p.text for p in self.passages)
        # words the articles also write in lower case: a capitalised one of these is not a name
        self.lower_words = {w for p in self.passages if p.kind == "body" for w in re.findall(r"\b[a-z][a-z\-]+\b", p.text)}
        self.docs = sorted({p.doc_id for p in self.passages})
        # (doc_id, absolute sentence start) -> [(passage index, start inside the passage)]
        self.sent_home: dict[tuple, list[tuple[int, int]]] = {}
        for i, p in enumerate(self.passages):
            for s, _ in p.sentences:
                key = (p.doc_id, "card") if p.kind != "body" else (p.doc_id, p.start + s)
                self.sent_home.setdefault(key, []).append((i, s))

    def _article_names(self) -> dict[str, list[str]]:
        """Normalized names each article can be referred to by (computed once)."""
        from rag.ingest import acronym
        from rag.text import normalize

        if getattr(self, "_names", None) is None:
            names: dict[str, list[str]] = {}
            for p in self.passages:
                if p.doc_id in names:
                    continue
                ns = [x for x in re.split(r"/|,|;", p.outlet) if x.strip()] + list(p.authors)
                ns += [a.split()[-1] for a in p.authors if len(a.split()) > 1]
                if acronym(p.outlet):
                    ns.append(acronym(p.outlet))
                if "." in p.outlet:
                    ns.append(p.outlet.split(".")[0])  # csis.org -> csis
                names[p.doc_id] = [f" {n} " for n in (normalize(x).strip() for x in ns) if len(n) >= 3]
            self._names = names
        return self._names

    def referenced_docs(self, question: str) -> set[str]:
        """Articles the question names by outlet, its acronym, an author, or a web domain.

        "What did the ChinaFile article say" names the ChinaFile/Foreign Policy piece.
        """
        from rag.text import normalize

        q = f" {normalize(question)} "
        return {d for d, ns in self._article_names().items() if any(n in q for n in ns)}

    def cards_for(self, doc_ids: list[str], exclude: set[str] = frozenset()) -> list[Passage]:
        """The metadata cards of ``doc_ids`` (questions about an article are answered from its card)."""
        if getattr(self, "_cards", None) is None:
            self._cards = {p.doc_id: p for p in self.passages if p.kind == "metadata"}
        return [self._cards[d] for d in dict.fromkeys(doc_ids) if d in self._cards and self._cards[d].chunk_id not in exclude]

    def common(self, word: str) -> bool:
        return word.lower() in self.lower_words

    def known(self, term: str) -> bool:
        return self.df.get(term, 0) > 0

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def correct(self, text: str) -> tuple[list[str], dict[str, str]]:
        """Content terms of ``text``, with out-of-vocabulary words mapped to close corpus words.

        A typo of a function word ("wen", "frm") maps to that word and is dropped like it.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        out, fixes = [], {}
        for w in tokens(text):
            if len(w) < 2 or w in STOPWORDS:
                continue
            t = stem(w)
            if t not in self.df and not w.isdigit() and len(w) >= 3:
                hit = process.extractOne(w, self._function_words, scorer=Levenshtein.distance, score_cutoff=1)
                if hit and len(w) <= 4:
                    fixes[w] = hit[0]
                    continue
                if len(w) >= 4:
                    hits = self._near_words(w)
                    if hits:
                        best = min(h[1] for h in hits)
                        ties = [h[0] for h in hits if h[1] == best]
                        # In a question about an article, "rote" is "wrote", not "role".
                        meta = [x for x in ties if x in self._meta_words] if self._about_article(text) else []
                        fixes[w] = (meta or ties)[0]
                        t = stem(fixes[w])
            out.append(t)
        return out, fixes

    @staticmethod
    def _about_article(text: str) -> bool:
        from rag.answering import ARTICLE_WORDS

        return any(w in ARTICLE_WORDS or w in ("artcle", "artice", "aricle", "piec") for w in tokens(text))

    @property
    def _meta_words(self):
        from rag.answering import META_WORDS

        return META_WORDS

    # Question words first: on a tie, "wen" is "when", not "we".
    _function_words = ["what", "when", "where", "which", "who", "why", "how", "from", "are"] + sorted(
        w for w in STOPWORDS if len(w) >= 2)

    def _near_words(self, w: str) -> list:
        """Corpus words within edit distance 1 (2 for long words) of ``w``; cached per word."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        cache = self.__dict__.setdefault("_near_cache", {})
        if w not in cache:
            if len(cache) > 10000:
                cache.clear()
            cut = 1 if len(w) < 7 else 2
            if getattr(self, "_by_len", None) is None:
                self._by_len = {}
                for v in self.vocab_words:
                    self._by_len.setdefault(len(v), []).append(v)
            # only words of a length within the edit distance can match
            pool = [v for n in range(len(w) - cut, len(w) + cut + 1) for v in self._by_len.get(n, ())]
            cache[w] = process.extract(w, pool, scorer=Levenshtein.distance, score_cutoff=cut, limit=8)
        return cache[w]

    def corrected_text(self, text: str, fixes: dict[str, str]) -> str:
        """``text`` with misspelled words replaced, so the embedding sees real words too."""
        if not fixes:
            return text
        import re

        return re.sub(r"[A-Za-z]+", lambda m: fixes.get(m.group(0).lower(), m.group(0)), text)

    def search(self, question: str, k: int, qvec: np.ndarray | None = None, qterms: list[str] | None = None,
               diversify: bool = True, top_vectors: list | None = None, extra: int = 0) -> list[Passage]:
        """The ``k`` best passages (diversified across articles), then ``extra`` more by plain score.

        If ``top_vectors`` is a list, the nearest sentences' vectors are appended to it.
        """
        if not self.passages:
            return []
        if qvec is None:
            qvec = self.embedder.embed_query(question)
        if qterms is None:
            qterms, _ = self.correct(question)
        pool = min(self.n, max(4 * k, 20))

        # Dense, sentence level (MaxSim): a passage is as close as its closest sentence.
        sent_pool = min(max(10 * k, 60), max(1, self.n_sentences))
        if self._svecs is not None:
            # small collection: an exact dot product in memory beats a Chroma round trip (~0.05 vs ~2.5 ms)
            all_sims = self._svecs @ np.asarray(qvec, dtype=np.float32)
            order = np.argpartition(-all_sims, sent_pool - 1)[:sent_pool] if sent_pool < len(all_sims) else np.arange(len(all_sims))
            order = order[np.argsort(-all_sims[order])]
            hit_list = [(self._sids[j], float(all_sims[j])) for j in order]
            if top_vectors is not None:
                top_vectors.extend(self._svecs[j] for j in order[:3])
        else:
            hits = self.index.query_sentences(qvec, sent_pool, with_vectors=top_vectors is not None)
            if top_vectors is not None and hits.get("embeddings") is not None:
                top_vectors.extend(np.asarray(v, dtype=np.float32) for v in hits["embeddings"][0][:3])
            hit_list = [(sid, 1.0 - float(d)) for sid, d in zip(hits["ids"][0], hits["distances"][0])]
        sims: dict[int, float] = {}
        ssims: dict[int, dict[int, float]] = {}
        for sid, sim in hit_list:
            key = sentence_key(sid)
            for i, rel in self.sent_home.get(key, []):
                ssims.setdefault(i, {})[rel] = sim
                if sim > sims.get(i, -1.0):
                    sims[i] = sim
        fused: dict[int, float] = {}
        for rank, i in enumerate(sorted(sims, key=lambda i: -sims[i])[:pool]):
            fused[i] = fused.get(i, 0.0) + W_MAXSIM / (RRF_K + rank + 1)
        # Dense, passage level: the chunk vector (mean of its sentences) catches spread-out answers.
        dense = self.index.query(qvec, pool) if W_CHUNK else {"ids": [[]]}
        for rank, cid in enumerate(dense["ids"][0]):
            if cid in self.by_id:
                i = self.by_id[cid]
                fused[i] = fused.get(i, 0.0) + W_CHUNK / (RRF_K + rank + 1)
        if qterms:
            scores = self.bm25.get_scores(qterms)
            top = np.argsort(-scores)[:pool]
            for rank, i in enumerate(top):
                if scores[i] <= 0:
                    break
                fused[int(i)] = fused.get(int(i), 0.0) + W_BM25 / (RRF_K + rank + 1)

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
        chosen += sorted(cands, key=lambda i: -cands[i])[:extra]
        return [replace(self.passages[i], score=fused[i], dense=sims.get(i), sims=ssims.get(i, {})) for i in chosen]
