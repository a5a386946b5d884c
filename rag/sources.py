"""What a reader is told about an article: headline, outlet, authors, date, link, and what is not stated.

Only what the article's front matter holds is shown; an empty field is said to be
"not stated", never filled in. An article without a headline is named by its
opening words, marked as such. ``ArticleLibrary`` gives the page the whole
cleaned article, rebuilt from the index's own chunks so a citation's offsets
always point at the right sentence.

>>> info = ArticleInfo("d", title="", opening="In December 2024, the United States updated its…")
>>> info.headline, info.untitled
('“In December 2024, the United States updated its…”', True)
>>> meta_bits(ArticleInfo("d", outlet="The Post", date="2024-12-20"))
['The Post', 'December 20, 2024', 'author not stated']
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date as _date

from rag.about_articles import asks_where_from

# Front matter field -> what a reader calls it.
LABELS = {"title": "headline", "outlet": "outlet", "authors": "author", "date": "date", "url": "link"}
# Every shipped article has these, or a metadata_note that says why the text does not state them.
REQUIRED = ("title", "outlet", "date")
OPENING_WORDS = 10


# A question about an article asks for one of its details: the words that ask for each (checked in this order).
_ASKS = (("authors", re.compile(r"\b(?:who (?:wrote|penned|authored)|written by|authors?|byline|writers?)\b")),
         ("title", re.compile(r"\b(?:title[ds]?|headline|called)\b")),
         # "what's the date on the RS piece?", "its publication date": the date asked by its noun, whatever the question word
         ("date", re.compile(r"\bdates?\b")),
         ("outlet", re.compile(r"\b(?:outlets?|publications?|newspaper|magazine|website|site|published (?:by|in|on)|ran)\b")))


def asked_field(text: str, qtype: str | None) -> str:
    """Which front-matter field a question about an article asks for ("" when none in particular).

    >>> asked_field("who is the author of the RS piece", "name"), asked_field("when did it appear", "date")
    ('authors', 'date')
    >>> asked_field("what outlet ran it", None), asked_field("sum up the RS piece", None)
    ('outlet', '')
    >>> asked_field("when did the authors write it", "date"), asked_field("how old is the RS piece", "duration")
    ('date', 'date')
    >>> asked_field("where is the RS piece from?", "place"), asked_field("what's the publication date of the RS piece?", None)
    ('outlet', 'date')

    """
    low = text.lower()
    if qtype == "date" and re.match(r"\W*when\b", low) or re.search(r"\bhow (?:old|recent|new|current) (?:is|are|was|were)\b", low):
        return "date"  # "when did the authors write it?" asks a date, whoever it names; an article's age is its date
    for name, pattern in _ASKS:
        if pattern.search(low):
            return name
    if asks_where_from(text):
        return "outlet"  # "where is the RS piece from?": where it was published
    return "date" if qtype == "date" else ""


@dataclass
class ArticleInfo:
    doc_id: str
    title: str = ""
    outlet: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""  # ISO
    url: str = ""
    note: str = ""  # the corpus file's metadata_note
    opening: str = ""  # the first words of the body, for an article without a headline

    @property
    def untitled(self) -> bool:
        return not self.title

    @property
    def headline(self) -> str:
        """The headline, else the opening words in quotation marks (the page adds "no headline")."""
        if self.title:
            return self.title
        return f"“{self.opening}”" if self.opening else "(no headline stated)"

    @property
    def link(self) -> str:
        """The original's address, only when it is a web link (never ``javascript:`` and the like)."""
        return self.url if self.url.startswith(("https://", "http://")) else ""


def info_from(d: dict, note: str = "", opening: str = "") -> ArticleInfo:
    """From a citation or a ``Pipeline.documents`` entry (``doc_id`` or ``id``, title, outlet, …)."""
    authors = d.get("authors") or []
    if isinstance(authors, str):
        authors = [a for a in authors.split("; ") if a]
    return ArticleInfo(d.get("doc_id") or d.get("id", ""), d.get("title") or "", d.get("outlet") or "",
                       list(authors), d.get("date") or "", d.get("url") or "", note or d.get("metadata_note", ""),
                       opening)


def opening_words(body: str, n: int = OPENING_WORDS) -> str:
    """The first ``n`` words of the first paragraph that is not a subheading.

    >>> opening_words("## Intro\\n\\nOne two three four.", 3)
    'One two three…'
    """
    para = next((p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith("#")), "")
    words = para.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def display_date(iso: str) -> str:
    """ "2024-12-20" -> "December 20, 2024"; anything else unchanged."""
    try:
        d = _date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def authors_text(authors: list[str]) -> str:
    """Names as a sentence lists them.

    >>> authors_text(["A B", "C D", "E F"])
    'A B, C D and E F'
    """
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1] if authors else ""


def meta_bits(info: ArticleInfo) -> list[str]:
    """Outlet, date and authors as a reader sees them, each saying so when not stated."""
    return [info.outlet or "outlet not stated", display_date(info.date) if info.date else "date not stated",
            ("by " + authors_text(info.authors)) if info.authors else "author not stated"]


def gaps(doc) -> list[str]:
    """What the article does not state, in a reader's words.

    >>> from rag.schema import Document
    >>> gaps(Document("x", title="T", outlet="O"))
    ['author', 'date', 'link']
    """
    return [label for f, label in LABELS.items() if not getattr(doc, f)]


def unexplained(doc) -> list[str]:
    """Required fields that are empty and that the ``metadata_note`` does not mention."""
    note = (doc.metadata_note or "").lower()
    return [LABELS[f] for f in REQUIRED if not getattr(doc, f) and LABELS[f] not in note]


def corpus_report(docs) -> str:
    """``rag corpus``: each article's metadata, what is not stated and why, then a count of the gaps."""
    out = []
    for d in docs:
        info = info_from(d.meta(), opening=opening_words(d.body))
        out.append(f"{d.id}")
        out.append(f"  headline  {d.title or 'not stated; opening words: ' + info.headline}")
        for f in ("outlet", "authors", "date", "url"):
            v = getattr(d, f)
            v = authors_text(v) if f == "authors" else v
            out.append(f"  {LABELS[f]:<9} {v or 'not stated'}")
        if d.metadata_note:
            out.append(f"  note      {d.metadata_note}")
        missing = unexplained(d)
        if missing:
            out.append(f"  ! no metadata_note explains the missing {', '.join(missing)}")
    counts = {label: sum(1 for d in docs if label in gaps(d)) for label in LABELS.values()}
    summary = ", ".join(f"{n} without {label}" for label, n in counts.items() if n) or "no gaps"
    out.append(f"\n{len(docs)} articles: {summary}.")
    return "\n".join(out)


def rebuild_body(chunks: list[tuple[str, dict]]) -> str:
    """An article body from its indexed chunks, each placed at its offsets (overlaps agree).

    >>> rebuild_body([("Two. Three.", {"start": 5, "end": 16, "kind": "body"}), ("One. Two.", {"start": 0, "end": 9})])
    'One. Two. Three.'
    """
    spans = sorted((int(m.get("start", -1)), t) for t, m in chunks if m.get("kind", "body") == "body"
                   and int(m.get("start", -1)) >= 0)
    out, pos = [], 0
    for start, text in spans:
        if start > pos:  # a gap between chunks is whitespace between sentences
            out.append(" " if start - pos == 1 else "\n" * (start - pos))
            pos = start
        if start + len(text) > pos:
            out.append(text[pos - start:])
            pos = start + len(text)
    return "".join(out)


@dataclass
class Article:
    info: ArticleInfo
    body: str


class ArticleLibrary:
    """Whole articles for the page's reader, read from the index on demand and kept (they are small)."""

    def __init__(self, index, documents: list[dict], corpus_dir=None):
        self.index, self.corpus_dir = index, corpus_dir
        self._meta = {d["doc_id"]: d for d in documents}
        self._articles: dict[str, Article] = {}
        self._notes: dict[str, str] | None = None
        self._lock = threading.Lock()

    def notes(self) -> dict[str, str]:
        """metadata_note per article, from the corpus files when this server has them."""
        if self._notes is None:
            from rag.corpus import load_corpus

            try:
                docs = load_corpus(self.corpus_dir).documents if self.corpus_dir else []
            except Exception:  # e.g. a chat server reading a shared Chroma, with no corpus here
                docs = []
            self._notes = {d.id: d.metadata_note for d in docs if d.metadata_note}
        return self._notes

    def article(self, doc_id: str) -> Article | None:
        if doc_id not in self._meta:
            return None
        with self._lock:
            if doc_id not in self._articles:
                body = rebuild_body(self.index.article_chunks(doc_id))
                info = info_from(self._meta[doc_id], self.notes().get(doc_id, ""), opening_words(body))
                self._articles[doc_id] = Article(info, body)
        return self._articles[doc_id]

    def info(self, doc_id: str) -> ArticleInfo:
        """Metadata for a card; the opening words are read only for an article without a headline."""
        d = self._meta.get(doc_id, {"doc_id": doc_id})
        if d.get("title"):
            return info_from(d, self.notes().get(doc_id, ""))
        art = self.article(doc_id)
        return art.info if art else info_from(d)

    def infos(self) -> dict[str, ArticleInfo]:
        return {d: self.info(d) for d in self._meta}
