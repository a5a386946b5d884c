"""A lexicon that knows a few stems, for the tests of the refusal rules (``rag.abstain``, ``rag.docnames``,
``rag.namewords``): unknown words weigh the most, as in the real Lexicon (the idf of an unseen term)."""

from rag.query import Query
from rag.text import terms


class StemLexicon:
    def __init__(self, known: dict[str, float]):
        self.KNOWN = dict(known)

    def known(self, t: str) -> bool:
        return t in self.KNOWN

    def idf(self, t: str) -> float:
        return self.KNOWN.get(t, 5.0)


def query_of(text: str, **fields) -> Query:
    """The question as a ``Query`` with its terms (and any other fields given)."""
    return Query(asked=text, resolved=text, text=text, terms=terms(text), **fields)
