"""Split a document body into chunks of whole sentences, keeping exact offsets.

pysbd finds sentence boundaries (it knows "U.S.", "Dec. 13", "Dr"); chunks are
built greedily from whole sentences up to ``max_words`` and never below
``min_words`` unless the document ends, and repeat the last ``overlap``
sentence(s) of the previous chunk. Headings ("## ...") ride along as context but
are not citable sentences.

>>> doc = Document(id="d", body="The U.S. and China met on Dec. 13 in Beijing. They signed.")
>>> [(c.text[s:e]) for c in chunk_document(doc, 1, 50, 0) for s, e in c.sentences]
['The U.S. and China met on Dec. 13 in Beijing.', 'They signed.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.schema import Chunk, Document


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the document body
    end: int
    citable: bool  # False for headings


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


# pysbd's time grows with the square of the text it is given (a 80 kB paragraph: 9 s; 660 kB: ~10 min),
# so a paragraph longer than this is cut into pieces at sentence-like ends first. Articles' paragraphs
# are far shorter (the longest shipped one is 715 characters), so they are segmented whole.
MAX_SEGMENT_CHARS = 3000
_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[.!?][\"”’)]?\s*$")
# words that end with a period without ending a sentence ("Dec. 13", "Sen. Warren", "Corp. said")
_ABBREVIATIONS = frozenset("""mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr mt ft inc co corp ltd bros
no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _sentence_end(para: str, m: re.Match) -> bool:
    w = _WORD_BEFORE.search(para, max(0, m.start() - 30), m.end())
    return bool(w) and len(w.group(1)) >= 3 and w.group(1).lower() not in _ABBREVIATIONS


def _pieces(para: str, limit: int = MAX_SEGMENT_CHARS):
    """``(offset, text)`` pieces of ``para``, each at most ``limit`` characters where it can be, cut
    after a sentence-like end: a word of 3+ letters that is not a common abbreviation, then . ! or ?,
    then a capital.

    >>> [t for _, t in _pieces("One two. Three four. Five six.", 12)]
    ['One two. ', 'Three four. ', 'Five six.']
    """
    start = 0
    while len(para) - start > limit:
        ends = [m.end() for m in _END.finditer(para, start + 1, start + limit) if _sentence_end(para, m)]
        cut = ends[-1] if ends else (para.rfind(" ", start + 1, start + limit) + 1 or start + limit)
        yield start, para[start:cut]
        start = cut
    yield start, para[start:]


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` as offsets; paragraphs (blank-line separated) never merge."""
    out: list[Sentence] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body):
        para, base = m.group(0), m.start()
        if para.lstrip().startswith("#"):
            out.append(Sentence(base, base + len(para.rstrip()), False))
            continue
        lead = len(para) - len(para.lstrip())
        if para.startswith("- "):
            lead = 2  # bullet marker is not part of the sentence
        for off, piece in _pieces(para[lead:]):
            for span in _segmenter().segment(piece):
                s = base + lead + off + span.start
                e = s + len(span.sent.rstrip())
                # pysbd can return whitespace-only spans
                while s < e and body[s].isspace():
                    s += 1
                if e > s:
                    out.append(Sentence(s, e, True))
    return out


def _words(body: str, s: Sentence) -> int:
    return len(body[s.start:s.end].split())


def chunk_document(doc: Document, min_words: int = 80, max_words: int = 250, overlap: int = 1,
                   sentences: list[Sentence] | None = None) -> list[Chunk]:
    """Chunks of ``doc``; pass ``sentences`` (from ``split_sentences``) to skip segmenting twice."""
    sents = split_sentences(doc.body) if sentences is None else sentences
    groups: list[list[Sentence]] = []
    cur: list[Sentence] = []
    cur_words = 0
    fresh = 0  # sentences in cur that are not overlap carried from the previous chunk
    for s in sents:
        w = _words(doc.body, s)
        if cur and fresh and cur_words + w > max_words and cur_words >= min_words:
            groups.append(cur)
            cur = cur[-overlap:] if overlap else []
            # a heading at the end is useless as overlap
            cur = [x for x in cur if x.citable]
            cur_words = sum(_words(doc.body, x) for x in cur)
            fresh = 0
        cur.append(s)
        cur_words += w
        fresh += 1
    if cur and fresh:
        if groups and cur_words < min_words // 2:
            # a tiny tail reads better merged into the previous chunk
            tail = [x for x in cur if x not in groups[-1]]
            groups[-1].extend(tail)
        else:
            groups.append(cur)
    chunks = []
    for no, g in enumerate(groups):
        start, end = g[0].start, g[-1].end
        text = doc.body[start:end]
        chunks.append(Chunk(doc_id=doc.id, chunk_no=no, text=text, start=start, end=end,
                            sentences=[(s.start - start, s.end - start) for s in g if s.citable]))
    return chunks
