"""The files readers load at every start instead of rebuilding them: BM25, the ``Lexicon``, the sidecar, and the
vectors of the articles' words and phrases (``rag.article_words``, ``rag.article_phrases``).

An ingest saves them into the folder of the generation it builds (on a Chroma server, a local
folder per generation: ``rag.server_store``), and ``readers.json``, written last, records their
formats; a folder in older formats gets new ones at the next ingest, even of an unchanged corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

from rag import article_phrases, article_words, lexicon, sidecar, sparse
from rag.config import Config
from rag.generations import Manifest
from rag.index import Index
from rag.layout import bulleted_sections, subheadings
from rag.retrieval import build_lexicon, passages_from

READERS = "readers.json"  # written last: which formats of the files below this generation holds


def readers_current(folder: Path | None) -> bool:
    """True if ``folder`` holds BM25, the Lexicon and the sidecar in today's formats. An unchanged corpus over
    an index saved by older code gets a new generation with them (on a server: a new folder for the same
    generation, ``refresh_server_readers``), instead of rebuilding them at every start."""
    try:
        return json.loads((Path(folder) / READERS).read_text(encoding="utf-8")) == _formats()
    except (OSError, ValueError, TypeError):  # TypeError: no folder (None)
        return False


def _formats() -> dict:
    return {"lexicon": lexicon.FORMAT, "sidecar": sidecar.FORMAT, "words": article_words.FORMAT,
            "phrases": article_phrases.FORMAT}


def save_readers(w: Index, m: Manifest, records: dict | None = None, sentences: tuple | None = None,
                 embed=None) -> None:
    """What readers load at every start instead of rebuilding it, saved into the folder of a generation being
    built: BM25, the ``Lexicon`` and the sidecar of passages and sentence vectors (on a Chroma server, a local
    folder: ``rag.server_store``). ``records`` (the chunks, in id order) and ``sentences`` (the sentence ids, and
    a callable giving their ``(ids, vectors)`` pages) replace reading them from the store: ``rag bench``'s copies
    at 1M chunks keep their sentence vectors out of the store (``rag.bench_replicate``). ``embed`` (the model's
    ``embed_documents``) embeds the articles' words and phrases now; without it (``rag bench``'s copies) the words are
    embedded on first use, the phrases never (their mapping is skipped), and the folder is not current for a later
    ingest."""
    folder = w.bm25_dir()
    if folder is not None:
        recs = records if records is not None else w.all_records()
        sparse.save(sparse.build(recs), recs["ids"], folder)
        passages, headers = passages_from(recs), [(x or {}).get("header", "") for x in recs["metadatas"]]
        lex = build_lexicon(passages, headers)
        lexicon.save(lex, recs["ids"], folder)
        if embed is not None:
            article_words.save(article_words.ArticleWords.of_lexicon(lex, embed), folder)
            article_phrases.save((p.text for p in passages), embed, folder)
        sids, pages = sentences if sentences is not None else (w.sentence_ids(), w.sentence_pages)
        if sidecar.save(passages, headers, sids, pages(), m.dim, folder, bulleted_sections(passages), subheadings(passages)):
            formats = _formats() if embed is not None else {k: v for k, v in _formats().items() if k not in ("words", "phrases")}
            (Path(folder) / READERS).write_text(json.dumps(formats), encoding="utf-8")


def refresh_server_readers(cfg: Config, model_id: str, store, base: Manifest, embed=None) -> None:
    """An unchanged index on a Chroma server with no readers folder here for its live generation (or one in an
    older format) gets one; the generation stays (the folder is of its collections)."""
    if not store.server or store.readers is None or readers_current(store.bm25_dir(base.generation)):
        return
    store.rewrite_readers(base.generation)
    try:
        save_readers(Index(cfg, model_id, generation=base.generation, store=store), base, embed=embed)
        store.seal(base.generation)
    finally:
        store.discard_readers(base.generation)  # a no-op once sealed
