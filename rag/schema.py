"""Dataclasses that cross module boundaries.

Everything the pipeline passes between stages is one of these; LangChain and
Chroma objects never leave their adapter modules.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    """One cleaned article: front matter plus body text."""

    id: str
    title: str = ""
    outlet: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when the article gives one, else ""
    url: str = ""
    body: str = ""
    # Why a field is empty or was given by hand (the article text does not state it), for readers and maintainers.
    metadata_note: str = ""

    def meta(self) -> dict:
        d = asdict(self)
        d.pop("body")
        return d


@dataclass
class Chunk:
    """A run of whole sentences from one document.

    ``start``/``end`` are character offsets into ``Document.body``;
    ``sentences`` holds (start, end) offsets of each sentence *inside* ``text``.
    """

    doc_id: str
    chunk_no: int
    text: str
    start: int
    end: int
    sentences: list[tuple[int, int]]

    @property
    def content_hash(self) -> str:
        import hashlib

        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]

    @property
    def id(self) -> str:
        # Deterministic, so re-ingesting an unchanged document is a no-op.
        return f"{self.doc_id}:{self.chunk_no}:{self.content_hash}"


@dataclass(slots=True)  # 100k of them are held at start: no per-object __dict__
class Passage:
    """A retrieved chunk with its document's metadata and retrieval scores."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    sentences: list[tuple[int, int]]
    title: str = ""
    outlet: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    url: str = ""
    score: float = 0.0  # fused retrieval score (higher is better)
    dense: float | None = None  # cosine similarity to the query, when known
    kind: str = "body"  # "body" for article text, "metadata" for the byline card
    # cosine similarity of the query to each sentence, keyed by the sentence's start inside ``text``
    # (only sentences among the query's nearest neighbours are present)
    sims: dict[int, float] = field(default_factory=dict)
    # overviews: how typical of the whole collection each sentence is (``rag.typical``), keyed like ``sims``
    typical: dict[int, float] = field(default_factory=dict)
    # the subheading in force where the passage begins ("## The Fee Dispute" in an earlier passage), "" when none:
    # a passage opening mid-section does not show it (``rag.neighbours.section_heading``)
    section: str = ""


@dataclass
class Citation:
    """One numbered source of an answer.

    ``text`` is the cited passage; ``start``/``end`` its offsets in the document
    body (None for the metadata card); ``quote_start``/``quote_end`` locate the
    cited sentence(s) inside ``text`` so a UI can highlight them.
    """

    n: int
    doc_id: str
    title: str
    outlet: str
    date: str
    url: str
    text: str
    start: int | None
    end: int | None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    kind: str = "body"


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    model: str
    timings_ms: dict[str, float]
    rewritten_question: str | None = None
    retrieved_doc_ids: list[str] = field(default_factory=list)
    notice: str = ""
    mode: str = "extractive"
    disagree: bool = False  # the cited articles point different ways (the page marks it)
    intent: str = "fact"  # what shape of answer the question wanted: fact, yes_no, why, overview, compare, list
    debug: dict = field(default_factory=dict)  # abstention signals and spelling fixes, for `--json` and evals

    def to_dict(self) -> dict:
        d = asdict(self)
        for c in d["citations"]:
            c["quotes"] = [list(q) for q in c["quotes"]]
        return d
