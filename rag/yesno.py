"""Yes/no answers: the sentence that best states the question's claim, its verdict, and the other view.

``rag.answering`` calls ``pick_yes_no`` for a question whose intent is "yes_no"; the verdict of a sentence
is ``rag.polarity.verdict``, and a near sentence that leaves out or denies what is asked turns a yes into a no.
"""

from __future__ import annotations

import re

from rag.about_articles import META_STEMS
from rag.abstain import VOUCHED_SIM
from rag.conflicts import conflict, place_told, stated_values, years_in
from rag.months import months_in
from rag.redated import redated
from rag.evidence import Candidate
from rag.doers import other_doer
from rag.leaders import leader_denied
from rag.livesonpool import lives_on_told, renewed_lives_on
from rag.itsday import of_its_day
from rag.neighbours import antecedent, fresh as _fresh, next_of
from rag.opposites import speaks_to_change
from rag.phrases import asked_phrases, misses_phrase, points_back, writes_phrase, written_whole
from rag.scope import DOCUMENT_STEMS
from rag.polarity import denial, is_modal, negations, verdict
from rag.smoothness import delay_denies
from rag.settles import (act_told, exclusion_leaner, exclusion_told, opposite_told, outcome_told, reach_back_told, settling,
                         subject_held, topic_held)
from rag.text import stem

DENIAL_SHARE = 0.55  # yes/no: a sentence excluding what is asked is heard down to this share of the best (dev)
OTHER_VIEW = 0.9  # yes/no: a sentence of another article with the opposite verdict is shown down to this share
CLAIM_CLOSE = 0.95  # yes/no: a sentence scoring this close to the best is as good evidence if it covers more
VALUE_CLOSE = 0.9  # yes/no asking a number: a sentence this close stating more numbers is as good evidence
MODAL_CLOSE = 0.85  # yes/no of fact whose best sentence says only what may be: a statement this close is as good (dev)


# "Does the updated pact…?", "Was the revised deal…?": a participle before the subject's noun says which thing
# is meant, which the articles then call "the agreement" or "it"; the claim is in the rest of the question.
_SUBJECT_PARTICIPLE = re.compile(r"^\W*(?:so\s+|and\s+|but\s+)?(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could)"
                                 r"\s+(?:the|this|that)\s+(?:newly\s+)?([a-z]+ed)\s+[a-z]", re.I)


def subject_participle(question: str) -> str:
    """The stem of the participle naming the subject of a yes/no question ("the updated pact"), or "".

    >>> subject_participle("Does the updated pact still cover ferries?"), subject_participle("Was the pact updated?")
    ('updat', '')
    """
    m = _SUBJECT_PARTICIPLE.match(question)
    return stem(m.group(1).lower()) if m else ""


def claim_cover(c: Candidate, weights: dict[str, float], question: str) -> float:
    """The share of the question's weight a sentence holds, without the participle naming the subject: "These
    updates reflect IP theft" holds "updated" of "does the updated pact still protect IP?" but not the claim.

    >>> from types import SimpleNamespace as C
    >>> w = {"updat": 1.0, "protect": 1.0, "ip": 2.0}
    >>> claim_cover(C(terms={"updat", "ip"}, overlap=0.75), w, "Does the updated pact protect IP?")
    0.5
    >>> claim_cover(C(terms={"updat", "ip"}, overlap=0.75), w, "Was the pact updated?")
    0.75
    """
    drop = subject_participle(question)
    if not drop or drop not in weights or drop not in c.terms:
        return c.overlap
    return c.overlap - weights[drop] / (sum(weights.values()) or 1.0)


def claim_evidence(cands: list[Candidate], question: str = "", named: frozenset | set = frozenset(),
                   weights: dict[str, float] | None = None, counts: bool = False) -> Candidate:
    """Yes/no: the sentence that states the question's claim most fully, among those about as good as the best.

    A verdict is read from what a sentence says about the claim; a sentence merely close in meaning
    ("the ferry pact has long been a pillar of harbour life") says less about "does it oblige agencies to share
    boats?" than one that holds more of the question's terms ("it does not oblige agencies to share boats"), so
    near-ties go to coverage; and a question of fact is better answered by a statement ("it got two permits")
    than a possibility ("it may get another"), so equal coverage goes to the statement; a claim stating a count
    (``counts``: ``Query.asserts_count``, set by ``asks_value``) is judged on the close sentence stating more
    counts. "According to the Harbor Review, …" asks that article (``named``): its best sentence is not traded for another article's.
    """
    best = cands[0]
    asks_fact = not is_modal(question)  # "did it get…?" (not "could it…?"): of equal coverage, what is beats what may be
    # ...and a best sentence saying only what may be ("it may get another") is weaker evidence for a question of
    # fact: statements of what is are heard down to MODAL_CLOSE
    near = MODAL_CLOSE if asks_fact and is_modal(best.text) else VALUE_CLOSE if counts else CLAIM_CLOSE
    close = [c for c in cands[:3] if c.passage.kind == "body" and c.score >= near * best.score
             and (best.doc_id not in named or c.doc_id in named)]
    cover = (lambda c: claim_cover(c, weights, question)) if weights else (lambda c: c.overlap)
    told = (lambda c: len(counts_in(c.text))) if counts else (lambda c: 0)
    # "basic research" (``rag.phrases``): the asked phrases a close sentence writes whole
    whole = written_whole(asked_phrases(question, weights), close) if weights else frozenset()
    # "was it wrapped up in Oslo?": of equal coverage, the sentence telling the act done there ("finalized in Oslo")
    # "is it just about basic research?": of near ties, one lacking a word of such a phrase speaks of another thing,
    # and of the rest, all else equal, the one writing it whole states it rather than words near it
    # (a sentence pointing back, "…deepened this trend", may name the phrase by its "this": ``phrases.points_back``)
    return max(close, key=lambda c: (not misses_phrase(whole, c.terms) or points_back(c.text), cover(c), place_told(question, c.text), told(c),
                                     asks_fact and not is_modal(c.text), writes_phrase(whole, c.text), c.score),
               default=best)


PARAPHRASED = 0.35  # yes/no: evidence holding less than this share of the question's weight shares only incidental words
PARAPHRASE_NEAR = 0.85  # ...then a sentence scoring this near it and clearly closer in meaning settles the claim
MEANING_MARGIN = 0.05  # ...closer in meaning by at least this much similarity


def closer_paraphrase(best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence clearly closer in meaning, when the evidence shares only incidental words with the question.

    WHY: a question in everyday words ("a safety net to keep the two sides talking?") shares with the articles only
    incidental words ("the two sides are still at the table"); the sentence stating the claim in the articles' own
    terms ("a diplomatic guardrail against a collapse of communication") holds none of them, but is closer in meaning.
    """
    if best.overlap >= PARAPHRASED:
        return best
    near = [c for c in cands[:3] if c.passage.kind == "body" and c.score >= PARAPHRASE_NEAR * best.score
            and c.sim >= best.sim + MEANING_MARGIN and (best.doc_id not in named or c.doc_id in named)]
    return max(near, key=lambda c: c.sim, default=best)


def counts_in(text: str) -> set[str]:
    """The numbers a text states that are not years ("five years", "a decade" -> 10; not "in 1979")."""
    return stated_values(text) - years_in(text)


def asks_value(question: str) -> bool:
    """Does a yes/no question assert a count or span ("renewed for a whole decade?", "for ten years?")?

    Its answer is the sentence that states the count: of sentences holding the question's words equally
    ("four decades of the pact…" / "over four decades, renewed every five years"), the one stating more
    counts has the asked one more likely among them.

    >>> asks_value("Was it renewed for a whole decade?"), asks_value("Was it renewed in 2024?")
    (True, False)
    """
    return bool(counts_in(question))


def names_asked(query, c: Candidate) -> bool:
    """Does the sentence name what a "does the piece mention X? / was X part of it?" question asks about
    (``Query.mentions``, all its words)? Then the answer is yes whatever the sentence says of X: "X is not
    the point" still mentions X, which is all that is asked. A sentence as close in meaning as vouches for a word
    the articles never use (``abstain.VOUCHED_SIM``: "slamming the pact" / "castigating it") tells of X in its own
    words: its "calling for its cancellation" is what X is, not a denial that X is told.

    >>> from types import SimpleNamespace as Q
    >>> names_asked(Q(mentions=["ferri"], if_told=True), Q(terms={"ferri", "ban"}, sim=0.3))
    True
    >>> names_asked(Q(mentions=["ferri"], if_told=False), Q(terms={"ferri"}, sim=0.3)), names_asked(Q(mentions=[], if_told=True), Q(terms={"ferri"}, sim=0.3))
    (False, False)
    >>> names_asked(Q(mentions=["slam", "pact"], if_told=True), Q(terms={"pact"}, sim=0.3)), names_asked(Q(mentions=["slam", "pact"], if_told=True), Q(terms={"pact"}, sim=0.65))
    (False, True)
    """
    return query.if_told and bool(query.mentions) and (set(query.mentions) <= c.terms or c.sim >= VOUCHED_SIM)


def pick_yes_no(query, cands: list[Candidate], weights=None, terms_of=None) -> tuple[list[Candidate], list[str], str, bool]:
    """Evidence and verdict; two articles pointing different ways are both shown; a near sentence that
    leaves out what is asked ("…, excluding barges") or denies the asked duty turns a yes into a no."""
    # "does the port piece agree…?" asks that piece's view: another article's sentence is no evidence of it
    cands = ([c for c in cands if c.doc_id in query.named_docs] or cands) if query.stance else cands
    if (then := redated(query.text, cands, weights or {})) is not None:  # "did it take effect in 2030?": no, then
        return (*named_heard(query, cands, [then], ["redated"]), "No — ", False)
    if (lives := renewed_lives_on(query, cands)) is not None:  # "is it still in force?": it was renewed
        return (*named_heard(query, cands, [lives], ["renewed"]), "Yes — ", False)
    best = closer_paraphrase(claim_evidence(cands, query.text, query.named_docs, weights, query.asserts_count), cands,
                             query.named_docs)
    best = act_told(query.text, subject_held(query.text, weights or {}, best, cands, settled_skip(query), query.named_docs),
                    cands, query.named_docs)
    best = settling(query.text, weights or {}, outcome_told(query.text, best, cands, query.named_docs), cands, query.named_docs)
    best = topic_held(query.text, weights or {}, best, cands, query.named_docs)  # "anything on disputes?": holds it
    best = exclusion_told(query.text, weights or {}, best, cands, terms_of, query.named_docs)
    best = opposite_told(query.text, best, cands, query.named_docs)
    best = reach_back_told(query.text, best, cands, query.named_docs)
    best = of_its_day(best, cands) if query.as_written else best
    best = lives_on_told(query, best, cands)  # "has it outlived its usefulness?": "it is not obsolete"
    if led := leader_denied(query.text, best, cands):  # "done under Berg?", Berg's act of another year: no
        return (*named_heard(query, cands, led, ["leader"] * len(led)), "No — ", False)
    if late := delay_denies(query.text, best, cands, query.named_docs):  # "renewed smoothly?": two extensions, no
        return (*named_heard(query, cands, late, ["delay"] * len(late)), "No — ", False)
    told = names_asked(query, best)
    v = "yes" if told else verdict(query.text, best.text)
    pool = [c for c in cands if not query.named_docs or c.doc_id in query.named_docs]
    floor = DENIAL_SHARE * cands[0].score
    if v == "yes" and not told and (by := other_doer(query.text, pool, floor)) is not None:  # "did berg sign it?": Lund did
        return (*named_heard(query, cands, [by], ["other_doer"]), "No — ", False)
    no = denial(query.text, weights, pool, floor, terms_of) if v == "yes" and terms_of and not told else None
    if no is None and v == "yes" and terms_of and not told:
        no = denial(query.text, weights, leaned_on(pool, floor), 0.0, terms_of, leaned=True)
    if no is not None:
        leaner = leaning_on(no, pool)
        shown, why = ([no, leaner], ["denial", "leaning"]) if leaner is not None else ([no], ["denial"])
        return (*named_heard(query, cands, shown, why), "No — ", False)
    chosen, why = [best], ["evidence"]
    phrases = asked_phrases(query.text, weights) if weights else frozenset()
    for c in cands[1:4]:
        if other_view(query, best, c, v, chosen) and not phrase_lost(phrases, best.text, c.text) \
                and same_asked(weights or {}, best, c):
            chosen.append(c)
            why.append("other_view")
            return chosen, why, "The articles differ — ", True
    nxt = asked_detail_next(query.text, weights or {}, best, cands)
    # (or a no read from an exclusion, by the sentence leaning back on it as a denial is: "This decision aims to…")
    after = (what_followed(best, cands) or exclusion_leaner(best, cands, weights, terms_of)) if nxt is None and v == "no" else None
    if nxt is not None or after is not None:  # the asked detail, or what came of an end the evidence tells
        chosen, why = chosen + [nxt or after], why + ["asked_detail" if nxt is not None else "what_followed"]
    return (*named_heard(query, cands, chosen, why), ("Yes — " if v == "yes" else "No — "), False)


def other_view(query, best: Candidate, c: Candidate, v: str, chosen: list[Candidate]) -> bool:
    """Is ``c`` another article's sentence pointing the other way, as good evidence as ``best``: about as close (in
    score and in meaning), covering as much? A question asking one article ("according to the Harbor Review") hears
    no other."""
    return c.doc_id != best.doc_id and c.passage.kind == "body" and c.score >= OTHER_VIEW * best.score \
        and (best.doc_id not in query.named_docs or c.doc_id in query.named_docs) \
        and c.overlap >= best.overlap and c.sim >= OTHER_VIEW * best.sim \
        and verdict(query.text, c.text) != v and _fresh(c, chosen) and not silent_on_denied(query.text, best, c) \
        and not merely_possible(query.text, best.text, c.text) and speaks_to_change(query.text, c.text)


def same_asked(weights: dict[str, float], best: Candidate, other: Candidate) -> bool:
    """Does the other sentence hold every term of the question that the evidence holds?

    WHY: a sentence covering as much of the question's weight by other words ("added a new section" for "is AI kept
    out of the new deal?", against "the explicit exclusion of AI") speaks of another thing: it does not say the
    opposite of the evidence about the thing asked, so the articles do not differ on it.

    >>> from types import SimpleNamespace as C
    >>> w = {"ai": 2.0, "new": 2.0}
    >>> same_asked(w, C(terms={"ai", "exclus"}), C(terms={"new", "section"})), same_asked(w, C(terms={"ai"}), C(terms={"ai", "new"}))
    (False, True)
    """
    return set(weights) & best.terms <= other.terms


def phrase_lost(phrases: frozenset, best: str, other: str) -> bool:
    """Does the evidence write an asked phrase whole ("basic research") and the other sentence not?

    WHY: the other sentence then holds the phrase's words about another thing ("abandoning the distinction between
    basic scientific research and…", said of ending the pact, not of the new deal's scope): its verdict is on that
    thing, so the articles do not differ on the one asked about.

    >>> p = frozenset({("day", "rout")})
    >>> phrase_lost(p, "It covers day routes only.", "Ending it drops the day and night routes.")
    True
    >>> phrase_lost(p, "It covers day routes only.", "Ending it drops day routes."), phrase_lost(frozenset(), "a", "b")
    (False, False)
    """
    return writes_phrase(phrases, best) and not writes_phrase(phrases, other)


# what may or could be ("both sides can gain in X", "it might cover Y"): general English modal verbs
_MODAL = re.compile(r"\b(?:may|might|could|can|would)\b", re.I)


def merely_possible(question: str, best: str, other: str) -> bool:
    """Is the other sentence only telling what could be, where the question and the evidence tell what is?

    WHY: "does the pact include X?" answered by "the pact excludes X" has no other view in "both countries can
    advance X by working together": what cooperation could achieve says nothing of what the pact does hold.

    >>> merely_possible("does the pact cover ports?", "It excludes ports.", "Both sides can gain in ports.")
    True
    >>> merely_possible("could it cover ports?", "It excludes ports.", "Both sides can gain in ports.")
    False
    >>> merely_possible("does it cover ports?", "It excludes ports.", "It covers ports.")
    False
    """
    return bool(_MODAL.search(other)) and not _MODAL.search(question) and not _MODAL.search(best)


def silent_on_denied(question: str, best: Candidate, other: Candidate) -> bool:
    """Is the evidence's no a detail stated otherwise ("renewed in December" for "renewed in November?") and the
    other sentence silent on that detail?

    WHY: a sentence that names no month, year or number of the question ("it was renewed every five years" for "was
    it renewed in November?") says nothing of the detail the evidence denies, so it is no other view of it.

    >>> from types import SimpleNamespace as C
    >>> silent_on_denied("was it renewed in November?", C(text="Renewed on December 13."), C(text="It is renewed often."))
    True
    >>> silent_on_denied("was it renewed in November?", C(text="Renewed on December 13."), C(text="Renewed in November."))
    False
    """
    if not conflict(question, best.text):
        return False
    return not (stated_values(question) & stated_values(other.text) or months_in(question) & months_in(other.text))


def settled_skip(query) -> frozenset:
    """Terms that are no subject a sentence must name: the words for the document ("the pact": sentences call it
    "it"), for an article ("the piece") and those naming the asked article ("the CSIS piece")."""
    return DOCUMENT_STEMS | META_STEMS | frozenset(query.naming)


def asked_detail_next(question: str, weights: dict[str, float], best: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence right after the evidence that holds a telling word of the question the evidence lacks, and
    points the same way: the act is told in one sentence and its place or party in the next.

    "Was the ferry pact signed in Oslo?" over "In May the ports signed a ferry pact. The pact, finalized in Oslo,
    …": the first sentence holds the claim, the second the asked detail; the answer needs both.
    """
    nxt = next_of(best, cands)
    if nxt is None or not weights or not _fresh(nxt, [best]):
        return None
    mean = sum(weights.values()) / len(weights)
    # (the participle naming the subject, "the updated pact", is no detail: the articles call it "the agreement")
    telling = {t for t, w in weights.items() if w >= mean} - {subject_participle(question)}
    if (telling & nxt.terms) - best.terms and verdict(question, nxt.text) == verdict(question, best.text):
        return nxt
    return None


# Words telling that a term or a deadline ran its course: general English
_RAN_OUT = re.compile(r"\b(?:expired|lapsed|ran\s+out|ended)\b", re.I)


def what_followed(best: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence right after a "no" evidence telling that a term ran out, when it tells what came of it.

    WHY: "did the permit just die when it ran out?" is answered no by "its term expired in May" only half: the term
    ran out, yet the permit lived on, and the next sentence ("it received two extensions") says how. A sentence
    after it that denies or only supposes something again ("it may lapse") tells no outcome.
    """
    nxt = next_of(best, cands) if _RAN_OUT.search(best.text) else None
    if nxt is None or not _fresh(nxt, [best]) or negations(nxt.text) or is_modal(nxt.text) or _RAN_OUT.search(nxt.text):
        return None
    return nxt


def leaning_on(denied: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence right after a denial that leans back on it ("It does not oblige anyone. Instead, it sets terms…").

    WHY: the denial says what the thing is not; the sentence completing it says what it is instead, which the
    answer needs so as not to leave the reader with a bare "no".
    """
    nxt = next_of(denied, cands)
    return nxt if nxt is not None and antecedent(nxt, cands) is denied else None


def leaned_on(cands: list[Candidate], floor: float) -> list[Candidate]:
    """The sentences that close sentences (scoring at least ``floor``) lean on, in their order.

    "The pact does not mandate any cooperation. Instead, it sets terms for agencies that cooperate.": the second
    sentence holds the question's words ("does the pact force agencies to cooperate?") and scores well, but the
    denial it completes is in the one before it, which shares few words and is never heard on its own.
    """
    out = []
    for c in cands:
        if c.score < floor:
            break
        ante = antecedent(c, cands)
        if ante is not None and ante not in out:
            out.append(ante)
    return out


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
