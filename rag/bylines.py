"""Who wrote what: crediting an article's writers for "who argued X?", and questions about an article itself
(its byline card, and saying "not stated" for a detail its front matter lacks).

Only the articles' own front matter is used: a missing author, date or headline is said to be missing,
never filled in.
"""

from __future__ import annotations

import re

from rag.about_articles import counts_articles
from rag.evidence import Candidate
from rag.rules import SAID



def attribution(query, chosen: list[Candidate]) -> str:
    """ "Who argued X?" answered by a sentence that names no one: the article's author or outlet said it.

    Every chosen sentence that names no one speaks for its article's writers: each such article is credited
    once, in the order chosen. Returns the answer's opening ("Ann Lee and Bo Park (Harbor Review) — "), or "".
    Only when the first sentence names no one: an opening credit before a sentence that names its own
    speaker would read as if the credited writers said it.
    """
    if query.qtype != "name" or not chosen or not SAID.search(query.text.lower()) or chosen[0].typed >= 1:
        return ""
    passages = {c.doc_id: c.passage for c in reversed(chosen) if c.typed < 1}  # first chosen sentence's passage
    credits = list(dict.fromkeys(b for b in (_byline(passages[d]) for d in dict.fromkeys(c.doc_id for c in chosen)
                                             if d in passages) if b))
    return "; ".join(credits) + " — " if credits else ""


def credited_first(query, chosen: list[Candidate], why: list[str]) -> tuple[list[Candidate], list[str]]:
    """ "Who argued X?": a chosen sentence that names no one leads, so the credit to its writers opens the
    answer right before it (after a sentence that names its own speaker, it would read as theirs)."""
    if query.qtype != "name" or not chosen or chosen[0].typed < 1 or not SAID.search(query.text.lower()):
        return chosen, why
    i = next((i for i, c in enumerate(chosen) if c.typed < 1 and _byline(c.passage)), None)
    if i is None:
        return chosen, why
    return [chosen[i], *chosen[:i], *chosen[i + 1:]], [why[i], *why[:i], *why[i + 1:]]


def _byline(p) -> str:
    """ "Ann Lee (Harbor Review)", the outlet or title alone when no author is known, or ""."""
    who, where = " and ".join(p.authors), p.outlet or (f'the article "{p.title}"' if p.title else "")
    return f"{who} ({where})" if who and where else (who or where)


def unstated(query, chosen: list[Candidate]) -> str:
    """ "Who wrote the RS piece?" when its front matter names no author: the answer's opening saying so
    ("Not stated — the article names no author. "), or "". Only for an article the question names: for
    another one the byline card may simply be the wrong article's."""
    if not (query.about_articles and query.asked_field and chosen and chosen[0].passage.kind == "metadata"):
        return ""
    p = chosen[0].passage
    if p.doc_id not in query.named_docs or getattr(p, query.asked_field):
        return ""
    return f"Not stated — the article {_UNSTATED[query.asked_field]}. "


_UNSTATED = {"authors": "names no author", "date": "gives no date", "title": "has no headline", "outlet": "names no outlet"}


MAX_CARDS = 8  # "who wrote these articles?": a bigger collection's answer names its first eight


def pick_meta(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """The byline cards answering a question about an article: the named articles' own, else the best one.

    None when the question asks a detail of named articles that came with no front matter at all ("who
    wrote the untitled piece on the ferry strike?"): another article's card would answer for the wrong one.
    """
    cards = claim_cards(query, [c for c in cands if c.passage.kind == "metadata"], cands)
    if query.every_article:  # "which outlets are these articles from?": every article's card, once each
        every = sorted({c.doc_id: c for c in reversed(cards)}.values(),  # in the page's order of articles
                       key=lambda c: (c.passage.date or "9999", c.passage.title))[:MAX_CARDS]
        return every, ["card"] * len(every)
    if query.named_docs and query.asked_field and not any(c.doc_id in query.named_docs for c in cards):
        return [], []
    chosen = [c for c in cards if c.doc_id in query.named_docs] or cards[:1] or cands[:1]
    return chosen[:2], ["card"] * len(chosen[:2])


def claim_cards(query, cards: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """ "Which writers tied the fare rise to fuel costs?": the byline card of the article whose sentence states the
    claim comes first, when the question names no article (a card matches only the question's words for writers).

    Cards keep their order otherwise: for a question naming an article ("who wrote the Harbor Review piece?"),
    or asking for another detail than its writers ("the full title of the piece on ferries"), the card matching
    the question's words is the article asked about.
    """
    claim = next((c for c in cands if c.passage.kind == "body"), None)
    if query.named_docs or query.asked_field != "authors" or claim is None:
        return cards
    return sorted(cards, key=lambda c: c.doc_id != claim.doc_id)


def collection_note(query, n_docs: int, carded: int) -> str:
    """The opening of an answer about every article ("how many are there?", "who wrote these?"): their number when
    asked, and how many came with no byline card at all (no headline, outlet, author or date), which the cards below
    cannot show. "" for any other question.

    >>> from types import SimpleNamespace as Q
    >>> collection_note(Q(every_article=True, text="how many articles are there?"), 5, 4)
    'There are 5 articles. 1 of the 5 states no headline, outlet, author or date. '
    >>> collection_note(Q(every_article=True, text="who wrote these articles?"), 3, 3), collection_note(Q(every_article=False, text="x"), 3, 1)
    ('', '')
    """
    if not query.every_article:
        return ""
    count = f"There are {n_docs} articles. " if counts_articles(query.text) and n_docs > 1 else ""
    bare = n_docs - carded
    return count + (f"{bare} of the {n_docs} state{'s' if bare == 1 else ''} no headline, outlet, author or date. "
                    if 0 < bare and carded < MAX_CARDS else "")
