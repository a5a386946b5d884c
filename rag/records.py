"""What gets indexed for an article: sentence records, chunk records and a byline card.

Ids are deterministic (``doc:s<start>:<hash>`` for a sentence, ``doc:chunk_no:<hash>`` for a
chunk), so re-ingesting is idempotent and a changed article replaces only what changed.
"""

from __future__ import annotations

from rag.chunking import chunk_document
from rag.config import Config
from rag.schema import Chunk, Document


def acronym(name: str) -> str:
    """Initials of a multi-word name, so "SCMP" finds the South China Morning Post.

    >>> acronym("South China Morning Post"), acronym("csis.org")
    ('SCMP', '')
    """
    words = [w for w in name.replace("/", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def header(doc: Document) -> str:
    """Searchable article metadata prepended to every chunk's indexed text."""
    bits = [doc.title, doc.outlet, acronym(doc.outlet), " ".join(doc.authors)]
    return " · ".join(b for b in bits if b)


def card_text(doc: Document) -> str:
    """One sentence stating the article's metadata, built only from its front matter.

    >>> card_text(Document(id="x", title="Pact renewed", outlet="The Post", authors=["A B", "C D"], date="2024-12-20"))
    'The article "Pact renewed" was written by A B and C D and published by The Post on December 20, 2024.'
    """
    if not (doc.authors or doc.outlet or doc.date):
        return ""
    s = f'The article "{doc.title}"' if doc.title else "This untitled article"
    verbs = []
    if doc.authors:
        names = doc.authors[0] if len(doc.authors) == 1 else ", ".join(doc.authors[:-1]) + " and " + doc.authors[-1]
        verbs.append(f"written by {names}")
    pub = "published"
    if doc.outlet:
        pub += f" by {doc.outlet}"
    if doc.date:
        pub += f" on {human_date(doc.date)}"
    if pub != "published":
        verbs.append(pub)
    return s + " was " + " and ".join(verbs) + "."


def human_date(iso: str) -> str:
    """ "2024-12-20" -> "December 20, 2024" (as articles write it); anything else unchanged."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def doc_metadata(doc: Document) -> dict:
    return {"doc_id": doc.id, "title": doc.title, "outlet": doc.outlet, "authors": "; ".join(doc.authors),
            "date": doc.date, "url": doc.url, "header": header(doc)}


def sentence_id(doc_id: str, start: int, text: str) -> str:
    import hashlib

    return f"{doc_id}:s{start}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def records(doc: Document, cfg: Config):
    """Chunk and sentence records of ``doc``, metadata card included.

    Returns ``(chunks, sentences)``: chunks as ``(id, text, metadata, sentence_ids)``,
    sentences as ``(id, text, metadata)``. Sentences are embedded once each (chunk
    overlap does not embed them twice); a chunk's vector is the normalized mean of its
    sentences' vectors.
    """
    import json

    from rag.chunking import split_sentences

    base = doc_metadata(doc)
    sents, by_start = [], {}
    spans = split_sentences(doc.body)
    for sp in spans:
        if not sp.citable:
            continue
        text = doc.body[sp.start:sp.end]
        sid = sentence_id(doc.id, sp.start, text)
        by_start[sp.start] = sid
        sents.append((sid, text, {"doc_id": doc.id, "start": sp.start, "end": sp.end, "kind": "body"}))
    chunks = []
    for c in chunk_document(doc, cfg.chunk_min_words, cfg.chunk_max_words, cfg.chunk_overlap_sentences, spans):
        meta = {**base, "chunk_no": c.chunk_no, "start": c.start, "end": c.end,
                "sentences": json.dumps(c.sentences), "kind": "body"}
        sids = [by_start[c.start + s] for s, _ in c.sentences if c.start + s in by_start]
        if sids:
            chunks.append((c.id, c.text, meta, sids))
    card = card_text(doc)
    if card:
        c = Chunk(doc.id, -1, card, -1, -1, [(0, len(card))])
        sid = f"{doc.id}:card:{c.content_hash}"
        sents.append((sid, card, {"doc_id": doc.id, "start": 0, "end": len(card), "kind": "metadata"}))
        meta = {**base, "chunk_no": -1, "start": -1, "end": -1, "sentences": json.dumps(c.sentences), "kind": "metadata"}
        chunks.append((f"{doc.id}:meta:{c.content_hash}", card, meta, [sid]))
    return chunks, sents
