"""Tiny hand-made candidates and queries for selection tests: sentences of one made-up article, each given a score."""

from rag.evidence import Candidate
from rag.query import Query
from rag.schema import Passage
from rag.text import terms


def cands(doc: str, sentences: list[str], sims: list[float] | None = None, start: int = 0) -> list[Candidate]:
    """One body passage of ``doc`` holding ``sentences``; each candidate's similarity and score is its ``sims`` entry."""
    text, spans, at = "", [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        text += s + " "
        at += len(s) + 1
    p = Passage(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=start, end=start + len(text), sentences=spans,
                title="", outlet="", authors=[], date="", url="", kind="body")
    out = []
    for i, (a, b) in enumerate(spans):
        c = Candidate(0, p, a, b, text[a:b], set(terms(text[a:b])))
        c.sim = (sims or [0.5] * len(spans))[i]
        c.score = c.sim
        out.append(c)
    return out


def query(text: str, **kw) -> Query:
    """A ``Query`` of ``text`` with its terms; other fields as given."""
    return Query(asked=text, resolved=text, text=text, terms=terms(text), **kw)


class RecordingRetriever:
    """A retriever for the second-search tests: returns ``found`` and records each search's terms, vector and mode
    (its ``search_beyond`` is the real one, over this ``search`` and a ``TextEmbedder``)."""

    def __init__(self, found):
        self.found, self.asked = found, []
        self.embedder = TextEmbedder()

    from rag.retrieval import Retriever
    search_beyond = Retriever.search_beyond
    del Retriever

    def search(self, query, k, qvec=None, diversify=True, extra=0):
        self.asked.append((query.terms, qvec, diversify))
        return self.found[:k]


class TextEmbedder:
    """An embedder whose vector of a text is the text itself, so a test can read what was embedded."""

    def embed_query(self, text):
        return text
