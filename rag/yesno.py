"""Yes/no answers: the sentence that best states the question's claim, its verdict, and the other view.

``rag.answering`` calls ``pick_yes_no`` for a question whose intent is "yes_no"; the verdict of a sentence
is ``rag.polarity.verdict``, and a near sentence that leaves out or denies what is asked turns a yes into a no.
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh as _fresh
from rag.polarity import denial, is_modal, verdict

DENIAL_SHARE = 0.55  # yes/no: a sentence excluding what is asked is heard down to this share of the best (dev)
OTHER_VIEW = 0.9  # yes/no: a sentence of another article with the opposite verdict is shown down to this share
CLAIM_CLOSE = 0.95  # yes/no: a sentence scoring this close to the best is as good evidence if it covers more


def claim_evidence(cands: list[Candidate], question: str = "", named: frozenset | set = frozenset()) -> Candidate:
    """Yes/no: the sentence that states the question's claim most fully, among those about as good as the best.

    A verdict is read from what a sentence says about the claim; a sentence merely close in meaning
    ("the ferry pact has long been a pillar of harbour life") says less about "does it oblige agencies to share
    boats?" than one that holds more of the question's terms ("it does not oblige agencies to share boats"), so
    near-ties go to coverage; and a question of fact is better answered by a statement ("it got two permits")
    than a possibility ("it may get another"), so equal coverage goes to the statement. "According to the Harbor
    Review, …" asks that article (``named``): its best sentence is not traded for another article's.
    """
    best = cands[0]
    close = [c for c in cands[:3] if c.passage.kind == "body" and c.score >= CLAIM_CLOSE * best.score
             and (best.doc_id not in named or c.doc_id in named)]
    asks_fact = not is_modal(question)  # "did it get…?" (not "could it…?"): of equal coverage, what is beats what may be
    return max(close, key=lambda c: (c.overlap, asks_fact and not is_modal(c.text), c.score), default=best)


def pick_yes_no(query, cands: list[Candidate], weights=None, terms_of=None) -> tuple[list[Candidate], list[str], str, bool]:
    """Evidence and verdict; two articles pointing different ways are both shown; a near sentence that
    leaves out what is asked ("…, excluding barges") or denies the asked duty turns a yes into a no."""
    best = claim_evidence(cands, query.text, query.named_docs)
    v = verdict(query.text, best.text)
    pool = [c for c in cands if not query.named_docs or c.doc_id in query.named_docs]
    no = denial(query.text, weights, pool, DENIAL_SHARE * cands[0].score, terms_of) if v == "yes" and terms_of else None
    if no is not None:
        return (*named_heard(query, cands, [no], ["denial"]), "No — ", False)
    chosen, why = [best], ["evidence"]
    for c in cands[1:4]:
        # Another article pointing the other way must be as good evidence: about as close (in score and in
        # meaning), covering as much.
        # A question asking one article ("according to the Harbor Review") hears no other.
        if c.doc_id != best.doc_id and c.passage.kind == "body" and c.score >= OTHER_VIEW * best.score \
                and (best.doc_id not in query.named_docs or c.doc_id in query.named_docs) \
                and c.overlap >= best.overlap and c.sim >= OTHER_VIEW * best.sim \
                and verdict(query.text, c.text) != v and _fresh(c, chosen):
            chosen.append(c)
            why.append("other_view")
            return chosen, why, "The articles differ — ", True
    return (*named_heard(query, cands, chosen, why), ("Yes — " if v == "yes" else "No — "), False)


def named_heard(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A yes/no question naming two or more articles hears each of them: its best sentence follows the evidence.

    "Do the Harbor Times and the Dock Weekly pieces see the ferry as a lifeline?" is answered for both
    articles, not by the one whose sentence best holds the claim ("The Dock Weekly calls it a lifeline").
    """
    if len(query.named_docs) < 2 or query.about_articles:
        return chosen, why
    chosen, why = list(chosen), list(why)
    for doc in sorted(query.named_docs - {c.doc_id for c in chosen}):
        mine = [c for c in cands if c.doc_id == doc and c.passage.kind == "body" and _fresh(c, chosen)]
        if mine:
            chosen, why = chosen + mine[:1], why + ["named"]
    return chosen, why
