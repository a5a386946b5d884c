"""Sentences read with their neighbours in the article: the one before a sentence that points back to it,
the one after that gives its reason, spells it out, or holds the thing asked for.

Each rule is about how sentences lean on each other, never about one wording of the corpus.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate, asks_speaker
from rag.reasons import gives_reason, reason_strength
from rag.links import continues, is_enumeration, leans_back
from rag.rules import jaccard
from rag.text import terms

TYPED_SHARE = 0.8  # a sentence of the asked type must score at least this share of the best, or abstain
DUPLICATE = 0.5  # term Jaccard above which two sentences say the same thing
SHORT_STATEMENT = 15  # words: a sentence this short often announces what the next one spells out


def fresh(c: Candidate, chosen: list[Candidate]) -> bool:
    """Not chosen yet, and not saying what a chosen sentence says."""
    return c not in chosen and all(jaccard(c.terms, x.terms) <= DUPLICATE for x in chosen)


def next_of(c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence right after ``c`` in its article, if it is among ``cands``."""
    if c.passage.kind != "body":
        return None
    at = c.passage.start + c.end
    nxt = [x for x in cands if x.doc_id == c.doc_id and x.passage.kind == "body"
           and 0 <= (x.passage.start + x.start) - at <= 3]
    return nxt[0] if nxt else None


# "This selective engagement…", "These measures…": a demonstrative opening a sentence names what the sentence
# before set out, which the reader needs to know what "this" is.
_DEMONSTRATIVE = re.compile(r"^(?:This|These|Those)\s+[a-z]")


def antecedent(best: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence just before ``best`` in its article, when ``best`` points back to it ("these challenges")."""
    if not (leans_back(best.text) or _KIND_LIKE.match(best.text) or _DEMONSTRATIVE.match(best.text)) \
            or best.passage.kind != "body":
        return None  # "Companies like A, B and C…" gives members of a kind the sentence before named
    at = best.passage.start + best.start
    before = [c for c in cands if c.doc_id == best.doc_id and c.passage.kind == "body"
              and 0 <= at - (c.passage.start + c.end) <= 3]
    return before[0] if before else None


def antecedents(best: Candidate, cands: list[Candidate], depth: int = 2) -> list[Candidate]:
    """The sentences ``best`` leans back on, nearest last: its ``antecedent``, and that one's when it too points
    back ("Rather than …, the focus is now on …" -> "This selective engagement …"), up to ``depth`` steps.
    Why: what "this" names may itself be a turn against the sentence before it, which names the thing.
    """
    out: list[Candidate] = []
    c = best
    while len(out) < depth:
        c = antecedent(c, cands)
        if c is None or c is best or c in out:
            break
        out.insert(0, c)
    return out


def reason_after(best: Candidate, cands: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """Why-questions: the sentence right after ``best`` in its article when ``best`` states the fact asked
    about but not its cause, and that next sentence gives one ("…the plan leaves out X." -> "This aims to prevent…")."""
    if best.passage.kind != "body" or gives_reason(best.text):
        return None
    nxt = next_of(best, cands)
    return nxt if nxt is not None and gives_reason(nxt.text) and fresh(nxt, chosen) else None


def reason_before(best: Candidate, cands: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """Why-questions: the sentence right before ``best`` in its article when ``best`` states the asked act with
    no cause linked to it (at most a named worry: ``reason_strength`` below 1) and that sentence surely gives
    one. A writer often sets out the cause and then its consequence ("…any gain by the island is seen as the
    port's loss." -> "The port council has called for ending the deal.").

    >>> from types import SimpleNamespace as S
    >>> body = lambda start: S(kind="body", start=start)
    >>> cause = S(text="Tolls rose because the pier decayed.", doc_id="a", passage=body(0), start=0, end=36, terms={"toll"})
    >>> act = S(text="The council called for ending the deal.", doc_id="a", passage=body(0), start=37, end=77, terms={"deal"})
    >>> reason_before(act, [act, cause], [act]) is cause, reason_before(cause, [act, cause], [cause])
    (True, None)
    """
    if best.passage.kind != "body" or reason_strength(best.text) >= 1.0:
        return None
    at = best.passage.start + best.start
    before = [c for c in cands if c.doc_id == best.doc_id and c.passage.kind == "body"
              and 0 <= at - (c.passage.start + c.end) <= 3]
    prev = before[0] if before else None
    return prev if prev is not None and reason_strength(prev.text) >= 1.0 and fresh(prev, chosen) else None


def reason_for_chosen(chosen: list[Candidate], cands: list[Candidate], limit: int) -> tuple[int, Candidate] | None:
    """Why-questions: the first of the ``chosen`` sentences (those that leave room for one more within ``limit``)
    whose next sentence gives its reason (``reason_after``), with its place. The sentence stating the asked
    fact need not score best: one that merely gives some reason and shares a word with the question can lead
    ("…the plan leaves out X." is second; its next sentence, "This aims to prevent…", holds no word of the question)."""
    for i, c in enumerate(chosen[:limit - 1]):
        reason = reason_after(c, cands, chosen)
        if reason is not None:
            return i, reason
    return None


# The sentence holding the most of the question's words is heard as the fact asked about a little below the spread's
# line (this share of it): sentences giving some incidental reason ("…to ensure safety") outscore the plain fact by
# their type, and an everyday question ("why did they cut X out") meets few of the fact's words in meaning
WORDIEST_FLOOR = 0.9


def heard_as_fact(c: Candidate, cands: list[Candidate], floor: float) -> bool:
    """Is ``c`` close enough to be the fact a why-question asks about: at the spread's ``floor``, or holding the most
    of the question's words of all sentences (its overlap, when any) and within ``WORDIEST_FLOOR`` of the floor?"""
    top = max((x.overlap for x in cands), default=0.0)
    return c.score >= floor or (0 < top <= c.overlap and c.score >= WORDIEST_FLOOR * floor)


def reason_beyond(chosen: list[Candidate], cands: list[Candidate], limit: int, floor: float) -> tuple[Candidate, Candidate] | None:
    """Why-questions, when no chosen sentence that leaves room has its reason next (``reason_for_chosen``): a
    sentence close enough to be heard (``floor``) but not chosen, or chosen last, whose next sentence points back
    to it and surely gives its reason ("…the plan leaves out X." -> "This decision aims to prevent…"): (fact, reason).

    The sentence stating the asked fact often shares the question's words with others of its article, which
    the spread passes over to hear other articles; its reason, saying "this decision", shares none and is never
    heard on its own. A fact with its reason answers "why" better than a further sentence without one.
    """
    facts = chosen[limit - 1:] + [c for c in cands if heard_as_fact(c, cands, floor) and c not in chosen and fresh(c, chosen)]
    for c in facts:
        reason = reason_after(c, cands, chosen)
        if reason is not None and (continues(reason.text) or leans_back(reason.text)) \
                and reason_strength(reason.text) >= 1.0:
            return c, reason
    return None


def with_reason(chosen: list[Candidate], why: list[str], fact: Candidate, reason: Candidate,
                limit: int) -> tuple[list[Candidate], list[str]]:
    """``chosen`` with ``fact`` and its ``reason`` in, within ``limit``: the lowest-scoring sentences other than
    the best and the fact make room.

    >>> from types import SimpleNamespace as S
    >>> a, b, c, f, r = S(score=0.9), S(score=0.5), S(score=0.7), S(score=0.6), S(score=0.1)
    >>> out, why = with_reason([a, b, c], ["best", "spread", "spread"], f, r, limit=4)
    >>> [x.score for x in out], why
    ([0.9, 0.7, 0.6, 0.1], ['best', 'spread', 'states_fact', 'reason_after'])
    """
    items = list(zip(chosen, why))
    if fact not in chosen:
        items.append((fact, "states_fact"))
    while len(items) + 1 > limit and len(items) > 1:
        weakest = min((x for x in items[1:] if x[0] is not fact), key=lambda x: x[0].score, default=None)
        if weakest is None:
            break
        items.remove(weakest)
    at = next(i for i, x in enumerate(items) if x[0] is fact)
    items.insert(at + 1, (reason, "reason_after"))
    return [x[0] for x in items][:limit], [x[1] for x in items][:limit]


def elaboration(chosen: list[Candidate], cands: list[Candidate]) -> tuple[int, Candidate] | None:
    """Overviews: the first short chosen sentence ("The change is a big shift.") and the sentence
    right after it in its article, which spells it out; None when no chosen sentence is short or it is the last."""
    for i, c in enumerate(chosen):
        if len(c.text.split()) > SHORT_STATEMENT:
            continue
        nxt = next_of(c, cands)
        if nxt is not None and fresh(nxt, chosen):
            return i, nxt
    return None


SPELLED_OUT_REACH = 2  # sentences after a chosen overview sentence in which its listing may come (3: dev the same)


def listing_within(chosen: list[Candidate], cands: list[Candidate],
                   reach: int = SPELLED_OUT_REACH) -> tuple[int, Candidate] | None:
    """Overviews and lists: the first chosen sentence that lists nothing ("The 2020 plan changed the harbour.") and the first
    listing among the next ``reach`` sentences of its article ("It now covers piers, fares, and hours."), or None.

    An overview's sentences state points ("the update addresses the rivalry"); what each point consists of is named
    in a listing a sentence or two later (what the change covers and leaves out, what the work achieved), and that
    listing shares few words with a question put in general terms ("what's the big picture on the update?"), so it
    is rarely chosen on its own ("what safeguards are in the new deal?" over "the plan adds safeguards." and, a sentence
    on, "They cover data, staff, and audits."). One per answer: it spells out a point, it does not replace the spread.
    """
    for i, c in enumerate(chosen):
        if is_enumeration(c.text):
            continue  # the point is listed already
        nxt = c
        for _ in range(reach):
            nxt = next_of(nxt, cands)
            if nxt is None:
                break
            if is_enumeration(nxt.text) and fresh(nxt, chosen):
                return i, nxt
    return None


def listings_within(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """``listing_within`` for each article the answer quotes: the first listing that spells out a point of that article's
    chosen sentences, one per article, in the order the articles are heard.

    Two articles set side by side each state their point and each name what it holds a sentence or two later ("the
    harbour piece: the plan narrows the service. It now covers A and B" beside "the dock column: the plan is a
    compromise. It keeps C and D"); one listing per answer spells out one side only.
    """
    found: list[Candidate] = []
    for doc in dict.fromkeys(c.doc_id for c in chosen):
        listed = listing_within([c for c in chosen if c.doc_id == doc], cands)
        if listed is not None and fresh(listed[1], chosen + found):
            found.append(listed[1])
    return found


# "For example, …", "For instance, …": general English markers by which a sentence gives the example of the one before
_EXAMPLE = re.compile(r"^\W*(?:For example|For instance|Specifically|In particular|Namely)\b")


def example_after(chosen: list[Candidate], cands: list[Candidate]) -> tuple[int, Candidate] | None:
    """A short chosen sentence stating a general claim ("The two ports have complementary strengths.") and the
    sentence right after it in its article when that one opens by giving its example ("For example, the north
    builds the ferries, while the south runs them."), or None: the claim says little without the example, which
    holds the specifics the question asks about ("what is each port better at?") in words it does not share."""
    for i, c in enumerate(chosen):
        if len(c.text.split()) > SHORT_STATEMENT:
            continue
        nxt = next_of(c, cands)
        if nxt is not None and _EXAMPLE.match(nxt.text) and fresh(nxt, chosen):
            return i, nxt
    return None


# "Finally, …", "Later, …": the sentence tells the next event of a story, not the one before it
_NEXT_EVENT = re.compile(r"^(?:Finally|Then|Later|Eventually|Subsequently|Afterwards?|Next|Meanwhile|Soon after)\b")


def typed_follower(query, cands: list[Candidate], best: Candidate) -> tuple[Candidate, Candidate] | None:
    """ "Where / when / who…?" when no close sentence holds such a thing, but the sentence right after one of
    them does ("…the two sides met again." -> "The talks, held in <city>, …"): that close sentence
    and its follower, which speaks in its context. None otherwise, and not for a follower that moves on to
    the next event ("…got two extensions." -> "Finally, on May 3, it was renewed.": no date of the extensions), nor for
    "who argued X?", answered by the claim and its writers' credit (``asks_speaker``), not by a follower naming someone."""
    if not query.qtype or best.typed >= 1 or query.about_articles or asks_speaker(query):
        return None
    for c in cands:
        if c.score < TYPED_SHARE * best.score:
            break
        nxt = next_of(c, cands)
        if not c.typed and nxt is not None and nxt.typed >= 1 and not _NEXT_EVENT.match(nxt.text):
            return c, nxt
    return None


_KIND_LIKE = re.compile(r"^[A-Z][a-z]+s (?:like|such as|including)\b")  # "Bakeries like A, B…": members of a kind just named


# "Additionally, …", "Moreover, …", or "X has also …" in its first clause: the sentence adds one more of what the one
# before it named (general English markers of addition)
_ADDS = re.compile(r"^(?:Additionally|Moreover|Furthermore|In addition|Also)\b|"
                   r"^[^,;:]{0,80}?\b(?:has|have|had|is|are|was|were)\s+also\b")


def listing_after(chosen: list[Candidate], cands: list[Candidate]) -> tuple[int, Candidate] | None:
    """List questions: the sentence right after a chosen one that names its members ("Firms have opened labs
    abroad." -> "Companies like Acme, Bolt and Cora hire there."): it leans on that sentence and enumerates; or
    the listing right after the leading sentence when that one lists nothing ("The 2020 plan marks a big change."
    -> "The new plan entails longer hours, lower fares, and a new pier."); or the sentence right after a chosen one
    that adds one more of the asked things ("Storms worry the port." -> "Silt has also raised doubts."), each
    sentence of the text naming one member. None when no chosen sentence is followed by such a sentence."""
    for i, c in enumerate(chosen):
        nxt = next_of(c, cands)
        if nxt is not None and _ADDS.match(nxt.text) and fresh(nxt, chosen):
            return i, nxt
        if nxt is None or not is_enumeration(nxt.text) or not fresh(nxt, chosen):
            continue
        # it leans on the chosen one, or follows the leader, which lists nothing: the leader announces what is listed
        if continues(nxt.text) or _KIND_LIKE.match(nxt.text) or (i == 0 and not is_enumeration(c.text)):
            return i, nxt
    return None
