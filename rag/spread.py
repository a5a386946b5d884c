"""Answers of several sentences: a why-question's reasons, an overview's main points, a list's items, a named
article's gist. Sentences come from several articles where they differ, without repetition, best first.
"""

from __future__ import annotations

from rag.evidence import ENDS, Candidate
from rag.neighbours import fresh as _fresh
from rag.rules import byline_note, corrective_contrast, is_enumeration

SPREAD_RATIO = 0.8  # why/overview/list: further sentences down to this share of the best
MAX_SPREAD = 4
PER_ARTICLE = 2  # why/overview/list: sentences of one article, unless it is the one the question names
CLOSEST_MARGIN = 0.15  # spread: a sentence this much closer in meaning than the others is always heard
SAME_ARTICLE = 0.85  # why/overview/list: an article already heard competes at this share of its score (0.9: dev 0.756)


def pick_spread(query, cands: list[Candidate], ratio: float | None = None,
                limit: int | None = None) -> tuple[list[Candidate], list[str]]:
    """Reasons, overviews, lists, more: the best sentences down to ``ratio`` of the best, from several articles."""
    ratio = SPREAD_RATIO if ratio is None else ratio
    limit = MAX_SPREAD if limit is None else limit
    best = cands[0]
    chosen, why = [best], ["best"]
    per_doc = {best.doc_id: 1}
    pool = [c for c in cands[1:] if c.score >= ratio * best.score and c.passage.kind == "body"]
    # Another article's view first, then the same article's; a list question prefers listing sentences.
    pool.sort(key=lambda c: (-(c.score * (SAME_ARTICLE ** per_doc.get(c.doc_id, 0))) - (0.05 if query.intent == "list"
                                                                                 and is_enumeration(c.text) else 0)))
    closest = closest_in_meaning(cands[:1] + pool, limit, listing=query.intent == "list")
    if closest is not None:  # heard first, whatever its words
        pool.remove(closest)
        pool.insert(0, closest)
    for c in pool:
        if len(chosen) >= limit:
            break
        if _fresh(c, chosen) and per_doc.get(c.doc_id, 0) < per_article(query, c.doc_id, limit):
            chosen.append(c)
            why.append("spread")
            per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    return chosen, why


def per_article(query, doc_id: str, limit: int) -> int:
    """How many sentences of one article a spread answer may quote: two, so that several articles are heard,
    but up to the whole ``limit`` for the one article the question names ("sum up the Harbor Times piece":
    the reader asked for that article's points, and the other articles have none of them)."""
    return limit if query.named_docs == {doc_id} else PER_ARTICLE


def closest_in_meaning(ranked: list[Candidate], limit: int, listing: bool = False) -> Candidate | None:
    """The sentence of ``ranked`` (best first) far closer in meaning to the question (``CLOSEST_MARGIN``
    of embedding similarity) than every sentence that would otherwise be heard, or None.

    A why-question's answer can share few of its words ("hard to square" -> "a fundamental tension")
    while the embedding sees it plainly; the word-heavy sentences ranked above it then crowd it out.
    For a list question (``listing``) only a sentence that lists things (``typed``) may jump ahead: one
    close in meaning because it names the asked article's author ("Dr Ann Lee is a professor…") lists nothing.
    """
    closest = max((c for c in ranked[1:] if c.typed or not listing), key=lambda c: c.sim, default=None)
    others = [c for c in ranked[:limit] if c is not closest]
    return closest if closest is not None and others and closest.sim >= max(c.sim for c in others) + CLOSEST_MARGIN \
        else None


GIST_PER_ARTICLE = 2  # sentences of each named article in a gist
GIST_ONE_ARTICLE = 4  # ...and when the question names one article only (3: dev -1 on outsiders' questions)
MIN_STATEMENT_WORDS = 8
GIST_CORRECTIVE = 0.3  # gist: a point stated by correction ("not X but Y") is the thesis (0.15: dev +0, 0.5: +3 not +5)...
GIST_CLOSING = 0.15  # ...and so, less surely, is the writer's conclusion (0: dev -2)


def pick_gist(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """Each named article's most typical statements (highest ``sim`` to its own centre, raised for a
    statement of its thesis: ``thesis_bonus``), in reading order:
    ``GIST_PER_ARTICLE`` of each, or ``GIST_ONE_ARTICLE`` when only one is named ("sum up the Harbor Times
    piece": its main points are the whole answer, and two or three sentences seldom hold an article's
    argument, its evidence and its conclusion all)."""
    chosen: list[Candidate] = []
    cap = GIST_ONE_ARTICLE if len(query.named_docs) == 1 else GIST_PER_ARTICLE
    for doc in sorted(query.named_docs):
        mine = [c for c in cands if c.doc_id == doc and c.passage.kind == "body" and ENDS.search(c.text)
                and len(c.text.split()) >= MIN_STATEMENT_WORDS]
        ends = closing(mine)
        for c in sorted(mine, key=lambda c: -(c.sim + thesis_bonus(c, ends))):
            if sum(x.doc_id == doc for x in chosen) >= cap:
                break
            if _fresh(c, chosen):
                chosen.append(c)
    return chosen, ["gist"] * len(chosen)


def closing(mine: list[Candidate], n: int = 2) -> set:
    """The keys of an article's last ``n`` statements (a writer's conclusion restates the thesis), a bio or
    editor's note about the writer set aside: it closes many articles and argues nothing."""
    body = [c for c in mine if not byline_note(c.text, c.passage.authors)]
    return {c.abs_key for c in sorted(body, key=lambda c: c.abs_key[-1])[-n:]}


def thesis_bonus(c: Candidate, ends: set) -> float:
    """How much more a sentence is worth as an article's main point than its typicality (``sim``) says."""
    return GIST_CORRECTIVE * corrective_contrast(c.text) + GIST_CLOSING * (c.abs_key in ends)
