"""Query vectors remembered per text (chat users repeat questions), and a question's vector made in the same model
call as the documents embedded just before it.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np


class QueryCache:
    def __init__(self, size: int = 512):
        self.size = size
        self._d: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, key):
        v = self._d.get(key)
        if v is not None:
            self._d.move_to_end(key)
        return v

    def put(self, key, value):
        self._d[key] = value
        if len(self._d) > self.size:
            self._d.popitem(last=False)

    def clear(self):
        self._d.clear()


def cached_batch(cache: "QueryCache", texts: list[str], encode) -> list[np.ndarray]:
    out = [cache.get(t) for t in texts]
    todo = list(dict.fromkeys(t for t, v in zip(texts, out) if v is None))
    if todo:
        for t, v in zip(todo, encode(todo)):
            cache.put(t, v)
        out = [cache.get(t) for t in texts]
    return out


def documents_with_query(embedder, query: str):
    """``embedder.embed_documents``, which also encodes ``query`` in the same model call and keeps its vector in the
    embedder's query cache, when documents and queries are encoded alike (no prefix tells them apart) and it is not
    cached yet. WHY: a question with a run of words the articles never use embeds the run (``rag.article_phrases``)
    right before the question itself; two model calls cost ~5 ms more than one, on about one question in seven, and
    set the p95 against the LangChain recipe.

    >>> from rag.embedding import HashEmbedder
    >>> e = HashEmbedder(dim=8)
    >>> e._cache = QueryCache()  # as the model embedders keep one
    >>> docs = documents_with_query(e, "why was it renewed?")(["a run"])
    >>> docs.shape, e._cache.get("why was it renewed?") is not None
    ((1, 8), True)
    """
    cache = getattr(embedder, "_cache", None)
    alike = getattr(embedder, "query_prefix", "") == getattr(embedder, "doc_prefix", "")

    def embed(texts: list[str]) -> np.ndarray:
        if cache is None or not alike or not query or cache.get(query) is not None:
            return embedder.embed_documents(texts)
        vecs = embedder.embed_documents(list(texts) + [query])
        cache.put(query, vecs[-1])
        return vecs[:-1]
    return embed
