"""What a start needs to know of every passage, read without building them all: each passage's article, whether it
is body text, where it starts, each article's passages and card, and the bulleted sections list questions may name
and each article's subheadings.

From a generation's sidecar these come from its column arrays and the sections and subheadings
saved with it
(``sidecar.Passages``): a start at 1M chunks then builds no Python object per passage and reads no text.
"""

from __future__ import annotations

import numpy as np

from rag import sidecar
from rag.sections import BULLETED, SUBHEADING
from rag.schema import Passage


def bulleted_sections(passages: list[Passage]) -> list[tuple[str, int]]:
    """(subheading, passage index) for each body passage's subheading whose section opens with a bullet.

    >>> bulleted_sections([Passage("a:0", "a", "## Port Fees\\n\\n- Berths: by the day.", 0, 40, [])])
    [('Port Fees', 0)]
    """
    # the substring test first: the regex over every passage took 3.5 s of a start at 300k chunks, this 0.6 s
    return [(m.group(1), i) for i, p in enumerate(passages) if p.kind == "body" and "## " in p.text
            for m in BULLETED.finditer(p.text)]


def layout(passages) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(each passage's article, is it body text, its start) for every passage: what a start needs of them all,
    read from the sidecar's columns without building a passage (``sidecar.Passages``), or from the passages of
    a small or server index.

    >>> docs, body, starts = layout([Passage("a:0", "a", "x", 0, 1, []), Passage("a:c", "a", "", -1, -1, [], kind="metadata")])
    >>> docs, body.tolist(), starts.tolist()
    (['a', 'a'], [True, False], [0, -1])
    """
    if isinstance(passages, sidecar.Passages):
        names = [d["doc_id"] for d in passages.docs]
        body = passages.kind == passages.kinds.index("body") if "body" in passages.kinds else np.zeros(len(passages), bool)
        return [names[j] for j in passages.doc.tolist()], body, passages.start
    return ([p.doc_id for p in passages], np.array([p.kind == "body" for p in passages], dtype=bool),
            np.array([p.start for p in passages], dtype=np.int64))


def article_table(passages, docs: list[str]) -> dict[str, dict]:
    """Each article's metadata (doc_id, title, outlet, authors, date, url), by article, in the order first met:
    from a sidecar's table of articles, or from each article's first passage (``docs``: each passage's article).

    >>> article_table([Passage("a:0", "a", "x", 0, 1, [], "T", "O", ["Ann"], "2024-01-02", "u")], ["a"])["a"]["title"]
    'T'
    """
    if isinstance(passages, sidecar.Passages):
        return {d["doc_id"]: {k: d[k] for k in sidecar.DOC_FIELDS} for d in passages.docs}
    first: dict[str, int] = {}
    for i, d in enumerate(docs):
        first.setdefault(d, i)
    return {d: {"doc_id": d, "title": passages[i].title, "outlet": passages[i].outlet, "authors": list(passages[i].authors),
                "date": passages[i].date, "url": passages[i].url} for d, i in first.items()}


def by_article(docs: list[str], body: np.ndarray) -> tuple[dict[str, list[int]], dict[str, int]]:
    """(each article's body passages, in index order; its byline card) by passage index.

    >>> by_article(["a", "b", "a", "a"], np.array([True, True, False, True]))
    ({'a': [0, 3], 'b': [1]}, {'a': 2})
    """
    bodies: dict[str, list[int]] = {}
    cards: dict[str, int] = {}
    for i, (d, is_body) in enumerate(zip(docs, body.tolist())):
        if is_body:
            bodies.setdefault(d, []).append(i)
        else:
            cards.setdefault(d, i)
    return bodies, cards


def sections_of(passages) -> list[tuple[str, int]]:
    """``bulleted_sections`` of the passages: a sidecar's saved with its generation (looking for them in every
    text read 1 GB of a start at 1M chunks)."""
    return passages.sections if isinstance(passages, sidecar.Passages) else bulleted_sections(passages)


def subheadings(passages) -> dict[str, list[tuple[int, str]]]:
    """Each article's subheadings, (where it starts in the body, its text) in reading order: a sidecar's saved with
    its generation, as ``sections_of``'s are.

    >>> subheadings([Passage("a:0", "a", "Intro.\\n\\n## Port Fees\\n\\nFees rose.", 10, 40, [])])
    {'a': [(18, 'Port Fees')]}
    """
    if isinstance(passages, sidecar.Passages):
        return passages.heads
    found: dict[str, set] = {}
    for p in passages:
        if p.kind == "body" and "## " in p.text:
            found.setdefault(p.doc_id, set()).update((p.start + m.start(), m.group(1).strip())
                                                     for m in SUBHEADING.finditer(p.text))
    return {d: sorted(hs) for d, hs in found.items()}


def heading_at(heads: list[tuple[int, str]], pos: int) -> str:
    """The subheading in force at ``pos`` of an article's body: the last one starting before it ("" when none).

    >>> heading_at([(18, "Port Fees"), (90, "Berths")], 40), heading_at([(18, "Port Fees")], 5)
    ('Port Fees', '')
    """
    return next((h for at, h in reversed(heads) if at < pos), "")
