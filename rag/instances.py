"""Comparisons of named articles: each article's closest sentence in meaning that holds none of the question's words
joins, when every sentence chosen from it was chosen by those words.

Asked "how do the challenges listed in A compare with B's?", each article's best sentences by the question's words
restate the topic both share ("a focus on these global challenges"); what sets the articles apart is which
instances each names ("climate change, health pandemics, and food security"), in a sentence that holds none of
the question's words but is close to it in meaning. It joins last (``rag.answering.select``, after the sentences
that join the chosen ones for where they sit), so it never takes their room.
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh as _fresh
from rag.rules import byline_note

# the sentence is heard when its closeness in meaning reaches this share of its article's closest sentence's
# (dev +3, d19-068 d20-110 d20-122, no loss; as a step inside the comparison's pick, before its neighbours: +2 at
# 0.6 and 0.7, +1 at 0.8)
INSTANCE_SIM = 0.7


def unworded_closest(doc: str, cands: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """The closest sentence in meaning of ``doc`` holding none of the question's words (``overlap`` 0), within
    ``INSTANCE_SIM`` of the article's closest, when every sentence chosen from the article holds some; else None.

    >>> from types import SimpleNamespace as S
    >>> p = S(kind="body", doc_id="a", authors=[])
    >>> top = Candidate(0, p, 0, 1, "The port faces serious risks.", set(), score=0.8, overlap=1.0, sim=0.5)
    >>> own = Candidate(0, p, 2, 3, "Storms and silting threaten it.", set(), score=0.3, sim=0.4)
    >>> far = Candidate(0, p, 4, 5, "It sells fish.", set(), score=0.4, sim=0.1)
    >>> unworded_closest("a", [top, far, own], [top]).text
    'Storms and silting threaten it.'
    >>> unworded_closest("a", [top, far, own], [top, own]) is None  # one chosen already holds none of the words
    True
    >>> unworded_closest("a", [top, far], [top]) is None  # too far in meaning
    True
    """
    mine = [c for c in cands if c.doc_id == doc and c.passage.kind == "body"]
    if not mine or any(not c.overlap for c in chosen if c.doc_id == doc):
        return None
    bar = INSTANCE_SIM * max(c.sim for c in mine)
    found = [c for c in mine if c.sim >= bar and not c.overlap and _fresh(c, chosen)
             and not byline_note(c.text, c.passage.authors)]
    return max(found, key=lambda c: c.sim) if found else None


def named_instances(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A comparison of two or more named articles with no sides of its own: each named article whose chosen sentences
    all hold the question's words gives its closest one that holds none (``unworded_closest``; not a note naming its
    writer, "The following is an excerpt from X's article"), after those chosen."""
    if query.intent != "compare" or len(query.named_docs) < 2 or query.sides or query.within or query.about_articles \
            or query.more:  # "tell me more" is answered by sentences not yet given, not by this one
        return chosen, why
    if "count" in why:  # each article's count of the asked thing answers it (``rag.countlead``): no more is asked
        return chosen, why
    for doc in sorted(query.named_docs):
        extra = unworded_closest(doc, cands, chosen)
        if extra is not None:
            chosen, why = chosen + [extra], why + ["unworded"]
    return chosen, why
