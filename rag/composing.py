"""The answer's text and its numbered citations from a ``Decision``, and the message when the articles don't say.

WHY apart from ``rag.answering``: choosing the sentences and writing them out are two stages; the writing needs only
the chosen sentences and the collection's list of articles.
"""

from __future__ import annotations

from rag.answering import Decision
from rag.schema import Citation


def compose(decision: Decision) -> tuple[str, list[Citation]]:
    """Answer text with ``[n]`` after each sentence, and the numbered citations (grouped by article)."""
    # Keep sentences of one article together and in reading order.
    order: dict[str, int] = {}
    for c in decision.sentences:
        order.setdefault(c.doc_id, len(order))
    sents = sorted(decision.sentences, key=lambda c: (order[c.doc_id], c.abs_key[-1] if isinstance(c.abs_key[-1], int) else 0))
    cites: dict[str, Citation] = {}
    parts = []
    labelled = decision.signals.get("intent") == "compare" and len(order) > 1
    for i, c in enumerate(sents):
        p = c.passage
        if labelled and (i == 0 or sents[i - 1].doc_id != c.doc_id):
            parts.append(f"{source_label(p)}:")  # a comparison: which article says what, before its sentences
        if p.chunk_id not in cites:
            cites[p.chunk_id] = Citation(
                n=len(cites) + 1, doc_id=p.doc_id, title=p.title, outlet=p.outlet, date=p.date, url=p.url,
                text=p.text, start=p.start if p.kind == "body" else None, end=p.end if p.kind == "body" else None,
                quotes=[], authors=list(p.authors), kind=p.kind)
        cit = cites[p.chunk_id]
        cit.quotes.append((c.start, c.end))
        parts.append(f"{c.text} [{cit.n}]")
    return decision.prefix + " ".join(parts), list(cites.values())


def source_label(p) -> str:
    """How a comparison names an article before its sentences: its outlet, else its headline, else that it has
    neither (the citation below the answer shows its opening words).

    >>> from types import SimpleNamespace as P
    >>> source_label(P(outlet="Port News", title="Fees rise")), source_label(P(outlet="", title="Fees rise"))
    ('Port News', 'Fees rise')
    >>> source_label(P(outlet="", title=""))
    'An article with no headline or outlet'
    """
    return p.outlet or p.title or "An article with no headline or outlet"


MAX_LISTED = 8  # articles named in an abstention; a big collection gets "and N more"


def abstention_message(documents: list[dict], subject: str = "the U.S.–China Science and Technology Agreement (STA)") -> str:
    """What to say when the articles do not answer: say so, and what they do cover."""
    lines = ["The articles don't say. I answer only from the articles in this collection, and none of them answers that.",
             f"They are about {subject}; try asking about what they cover:"]
    for d in documents[:MAX_LISTED]:
        title = d.get("title") or (f"“{d['opening']}” (no headline)" if d.get("opening") else d.get("doc_id", ""))
        extra = ", ".join(x for x in (d.get("outlet"), d.get("date")) if x)
        lines.append(f"- {title}" + (f" ({extra})" if extra else ""))
    if len(documents) > MAX_LISTED:
        lines.append(f"- and {len(documents) - MAX_LISTED} more")
    return "\n".join(lines)
