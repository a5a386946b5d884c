"""Comparisons: the best sentence (or two) of each side or each article that speaks to the question.

``rag.answering`` calls ``pick_compare`` for a question whose intent is "compare"; when every chosen
sentence comes from one article, ``second_source`` adds another article's best, since a comparison needs two.
"""

from __future__ import annotations

import re

from rag.countlead import counts_lead
from rag.contrast import in_time, opens_apart, sets_present_against_past, tells_change, thesis_first, two_days
from rag.evidence import Candidate
from rag.neighbours import fresh as _fresh, next_of
from rag.links import is_enumeration
from rag.about_articles import CONTENT_VERBS
from rag.agree import every_article
from rag.outcome import outcome_after
from rag.outlook import outlook_first
from rag.closer import closest_first
from rag.query import GIST_STEMS
from rag.places import as_named
from rag.sides import SIDE_WORDS, side_orders
from rag.spread import MAX_SPREAD
from rag.text import terms
from rag.theses import views_first
from rag.wishes import wish_and_outcome

SECOND_SOURCE = 0.7  # compare: a second article is heard down to this share of the best, when only one is
# compare asking when: a sentence naming two days leads down to this share of the best (d10-062's ranks 0.59)
DAYS_SHARE = 0.55
CHANGE_SHARE = 0.7  # compare "old vs new": a sentence telling the change leads down to this share of the best
# compare "X vs Y": a side's second sentence is heard when worth this share of its best for that side and from an
# article already heard (dev +2, d5-040 d8-002, at 0.95, 0.9, 0.8 and 0; 0.99 +0; from any article: +2 but 7 more
# off-source citations and citation precision -0.0009)
SIDE_SECOND = 0.9
BARE_SIDE = 15  # compare: a side's sentence of at most this many words may only name the side ("the 2024 revision is a recalibration")
COMPARE_RATIO = 0.9  # compare: an article is heard if its best sentence reaches this share of the best
NAMED_SHARE = 0.4  # compare: a named article, or the other article a question tells of, is heard down to this share
# compare of two or more named articles: each is heard at up to three sentences, six in all. The sentence that
# states an article's own side often ranks second or third within it, below ones that restate the topic both
# articles share (dev +2, d5-047 d7-003; citation precision 0.860 -> 0.868)
NAMED_PER_ARTICLE = 3
NAMED_LIMIT = 6


# Verbs of seeing and portraying by which a question asks how each article regards its topic ("how does each
# describe…", "do they see it the same way?", "both talk about where it is heading"), beside the verbs of saying
# (``rag.about_articles.CONTENT_VERBS``) and the nouns for a view (``rag.query.GIST_STEMS``) already read: general
# English, no topic.
_REGARDS = re.compile(r"\b(?:see|sees|saw|seen|seem|seems|seemed|talks? about|talked about|describe[sd]?|put|puts|"
                      r"portray(?:s|ed)?|depict(?:s|ed)?|characteri[sz]e[sd]?|frame[sd]?|regard(?:s|ed)?)\b")


# A sentence reporting how some party regards the thing: "critics see all exchange as a risk", "they view it as…"
# (general English verbs of regarding, then "as")
_SEEN_AS = re.compile(r"\b(?:see|sees|saw|seen|view|views|viewed|regard|regards|regarded|treat|treats|treated)\b"
                      r"[^.;]*?\bas\b", re.I)
# Openers by which a sentence backs the one before it ("Indeed, critics…", "In fact, …"): general English
_BACKS = re.compile(r"^\W*(?:indeed|in fact)\b", re.I)


def rejoinder(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A chosen sentence reporting how a party regards the thing and backing the sentence before it ("Indeed, critics
    seem to see all exchange as a risk"): that sentence before joins right ahead of it. A writer states their own
    view ("Ending it risks abandoning the distinction between…") and backs it with the view they set it against, so
    the writer's side sits in a sentence naming neither side, which a comparison of the two views seldom reaches."""
    for i, c in enumerate(chosen):
        if c.passage.kind != "body" or not (_BACKS.match(c.text) and _SEEN_AS.search(c.text)):
            continue
        at = c.passage.start + c.start
        before = [x for x in cands if x.doc_id == c.doc_id and x.passage.kind == "body"
                  and 0 <= at - (x.passage.start + x.end) <= 3 and _fresh(x, chosen)]
        if before:
            return chosen[:i] + [before[0]] + chosen[i:], why[:i] + ["rejoinder"] + why[i:]
    return chosen, why


def frame_terms(question: str, ts: list[str]) -> set[str]:
    """The terms of ``ts`` that only ask what each article says or thinks, not what about.

    >>> sorted(frame_terms("how does each piece see the ferry fares?", ["piec", "see", "ferri", "fare"]))
    ['piec', 'see']
    >>> sorted(frame_terms("what does each say about the harbour view?", ["say", "harbour", "view"]))
    ['say', 'view']
    """
    low = question.lower()
    said = {t for m in (*CONTENT_VERBS.finditer(low), *_REGARDS.finditer(low)) for t in terms(m.group(0))}
    return {t for t in ts if t in said or t in GIST_STEMS}


def second_source(chosen: list[Candidate], cands: list[Candidate], share: float = SECOND_SOURCE) -> Candidate | None:
    """When every chosen sentence comes from one article: the best sentence of another article that
    speaks to the question at all (``share`` of the best score), else None."""
    if not chosen or len({c.doc_id for c in chosen}) > 1:
        return None
    best = max(c.score for c in chosen)
    other = [c for c in cands if c.passage.kind == "body" and c.doc_id != chosen[0].doc_id
             and c.score >= share * best and _fresh(c, chosen)]
    return other[0] if other else None


# "one article says X, another (the others) say Y": the question itself tells of an account in more than one article,
# as a question naming two articles does (general English for "one … another": a word for a writing, then a word
# for the rest of them)
_ONE_AND_OTHER = re.compile(r"\b(?:one|some)\s+(?:of\s+the\s+)?(?:articles?|pieces?|writers?|authors?|sources?|reports?|"
                            r"stor(?:y|ies)|op-eds?|columns?)\b.*?\b(?:another|others?|the\s+rest)\b", re.I)


# What came of a thing in the end ("what the final deal did", "what actually happened", "what it ended up with", "how it
# turned out"): general English for an outcome, set against what one named article hoped or argued
_OUTCOME = re.compile(r"\b(?:final(?:ly)?|actually|eventually|ultimately|ended\s+up|end\s+up|turned\s+out|"
                      r"in\s+the\s+end|came\s+out\s+of)\b", re.I)


def outcome_share(query) -> float | None:
    """How far down a comparison naming one article hears another when it sets that article against the outcome
    ("the RS writer wanted joint work on X: how does that compare with what the final deal did?"): as far as a named
    article (``NAMED_SHARE``), for the outcome is told by the other articles, in words far from the named one's
    hopes ("explicitly excluding X"); None when the question names no one article or asks no outcome.

    >>> from types import SimpleNamespace as Q
    >>> outcome_share(Q(named_docs={"a"}, text="A wanted X - how does that compare with what the final deal did?"))
    0.4
    >>> outcome_share(Q(named_docs={"a"}, text="how does A's view compare?")) is None
    True
    >>> outcome_share(Q(named_docs={"a", "b"}, text="what did A and B end up saying?")) is None
    True
    """
    one = len(getattr(query, "named_docs", ())) == 1
    return NAMED_SHARE if one and _OUTCOME.search(getattr(query, "text", "")) else None


def other_article_share(text: str) -> float:
    """How far down a comparison hears a second article when its chosen sentences all come from one: as far as a named
    article (``NAMED_SHARE``) when the question tells that one article says one thing and another (or the others)
    another, for then it asks for both accounts, the second often put in words far from the question's
    ("others say X is out" is told by "…explicitly excluding X"); else ``SECOND_SOURCE``.

    >>> other_article_share("one piece wants more ferries, others say ferries are out - how do they differ?")
    0.4
    >>> other_article_share("one writer says fares rose; does another disagree?"), other_article_share("how do the fares differ?")
    (0.4, 0.7)
    >>> other_article_share("one pier is old and another is new, how do they differ?")
    0.7
    """
    return NAMED_SHARE if _ONE_AND_OTHER.search(text) else SECOND_SOURCE


def two_times(query) -> bool:
    """Does the comparison set two times against each other, by its sides ("old vs new") or by its words ("before
    the renewal vs after", "back in the day vs 2024", "the old way of doing X versus the new way", whose sides the
    question parse reads as "doing X" and "new way")?"""
    return in_time(query.sides) or query.two_times


def present_after(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """Two times compared: a chosen sentence about the past whose next sentence in its article opens by setting
    the present against it ("…signed in the 1970s. But now after 45 years, it is under threat.") brings that one
    in right after it (in place of the last other sentence when the comparison's limit is reached): a writer tells the then
    and the now in two sentences, and the now one shares few words with the question."""
    if not two_times(query):
        return chosen, why
    return next_joins(query, cands, chosen, why, sets_present_against_past, "present")


def reply_after(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A chosen sentence whose next sentence in its article opens by setting one party against another ("In response
    to the port's fees, the council…", "While the port…, the council…", ``contrast.opens_apart``): that one joins right
    after it. A writer names a rivalry in general terms ("a tit-for-tat contest of retaliation") and tells what each
    side did in the next sentence, in words the question does not share."""
    return next_joins(query, cands, chosen, why, opens_apart, "reply")


def next_joins(query, cands: list[Candidate], chosen: list[Candidate], why: list[str], holds, label: str
               ) -> tuple[list, list]:
    """The first chosen sentence that ``holds`` does not test true for, whose next sentence in its article it does:
    that next one joins right after it, in place of the last other sentence when the comparison's limit is reached
    (the shared step of ``present_after`` and ``reply_after``)."""
    for i, c in enumerate(chosen):
        nxt = next_of(c, cands)
        if nxt is not None and not holds(c.text) and holds(nxt.text) and _fresh(nxt, chosen):
            new, ways = chosen[:i + 1] + [nxt] + chosen[i + 1:], why[:i + 1] + [label] + why[i + 1:]
            if len(new) > room(query, chosen):  # over the comparison's limit: the last sentence other than these two gives way
                drop = max(x for x in range(len(new)) if x not in (i, i + 1))
                new, ways = new[:drop] + new[drop + 1:], ways[:drop] + ways[drop + 1:]
            return new, ways
    return chosen, why


def side_listing(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A side's short sentence that only names it ("Notably, the 2024 revision is a recalibration.") and lists nothing, whose
    next sentence in its article lists what that side holds ("The renewed agreement entails A, B and C"): the
    listing joins right after it. A writer names the side in one sentence and tells its content in the next, in
    words the question does not share."""
    if not query.sides:
        return chosen, why
    for i, c in enumerate(chosen):
        bare = len(c.text.split()) <= BARE_SIDE and not is_enumeration(c.text)
        nxt = next_of(c, cands) if why[i] == "side" and bare else None
        if nxt is not None and is_enumeration(nxt.text) and _fresh(nxt, chosen):
            return chosen[:i + 1] + [nxt] + chosen[i + 1:], why[:i + 1] + ["side_listing"] + why[i + 1:]
    return chosen, why


def lead_with(cands: list[Candidate], chosen: list[Candidate], why: list[str], share: float, holds, label: str
              ) -> tuple[list, list]:
    """The best body sentence holding what ``holds`` tests, within ``share`` of the best score, leads the answer, in
    place of the last sentence chosen when there are two or more (the shared step of ``told_change``, ``dated_pair``)."""
    bar = share * cands[0].score
    found = [c for c in cands if c.passage.kind == "body" and c.score >= bar and holds(c.text)]
    if not found or found[0] in chosen:
        return chosen, why
    keep = len(chosen) - 1 if len(chosen) >= 2 else len(chosen)
    return [found[0]] + chosen[:keep], [label] + why[:keep]


def told_change(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """ "Old vs new", "1979 vs 2024": the best sentence telling the change ("shifted from X to Y", "no longer X")
    answers for both times at once; it leads, in place of the last sentence chosen when there are two or more."""
    if not cands or not two_times(query):
        return chosen, why
    return lead_with(cands, chosen, why, CHANGE_SHARE, tells_change, "change")


def dated_pair(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A comparison asking when ("how does the date they signed it compare to when it took effect?"): the best
    sentence naming two days ("signed on May 3, in force from April 1") dates both moments at once; it leads, in
    place of the last sentence chosen when there are two or more. Sentences telling one moment restate the topic
    in the question's words and outrank it."""
    if not cands or not getattr(query, "when", False):  # a bare namespace (tests) asks no time
        return chosen, why
    return lead_with(cands, chosen, why, DAYS_SHARE, two_days, "two_days")


def side_seconds(orders: list[list[tuple[float, Candidate]]], chosen: list[Candidate]) -> list[Candidate]:
    """Each side's second sentence, when it is worth ``SIDE_SECOND`` of that side's best for it (``side_orders``)
    and comes from an article already heard (a new one is mostly another article restating the side).

    A side's two best are often close, one naming it and the other telling what it did ("the port raised its
    fares" beside "After the port's levies, the council answered…"): with one sentence a side, a near-tie decides.

    >>> from types import SimpleNamespace as S
    >>> a, b, c, d, e = (S(text=w, terms={w}, doc_id="x" if w < "e" else "y") for w in "abcde")
    >>> [x.text for x in side_seconds([[(1.0, a), (0.96, b)], [(1.0, c), (0.8, d)], [(1.0, d), (0.99, b)]], [a, c, d])]
    ['b']
    >>> side_seconds([[(1.0, a), (0.96, e)]], [a])  # another article: not heard
    []
    """
    seconds: list[Candidate] = []
    for order in orders:
        if len(order) > 1 and order[1][0] >= SIDE_SECOND * order[0][0] and _fresh(order[1][1], chosen + seconds) \
                and order[1][1].doc_id in {c.doc_id for c in chosen}:
            seconds.append(order[1][1])
    return seconds


def party_and_writer(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]] | None:
    """A party set against one named article's writer ("how do the pilots see the fee vs the harbour piece's
    writer?", ``Query.party``): the best sentence naming the party (all its words), then the
    article's best two that do not name it, those stating a view first. The article often reports the party too, and read article by article
    its two best are both about the party, so the writer's own view is never heard. None when no sentence names it."""
    party = set(getattr(query, "party", []))  # a bare namespace (tests) names no party
    if not party or len(party) > SIDE_WORDS or len(query.named_docs) != 1 or query.within:
        return None  # a stance party ("critics") is a dozen words of attitude: it names no one
    body = [c for c in cands if c.passage.kind == "body"]
    named = [c for c in body if party <= as_named(c.terms, party)]
    if not named:
        return None
    own = views_first([c for c in body if c.doc_id in query.named_docs and not party & as_named(c.terms, party)
                       and _fresh(c, named[:1])])[:2]  # the writer's view: where it states one (``theses``)
    return [named[0]] + own, ["party"] + ["writer"] * len(own)


def quota(query) -> tuple[int, int]:
    """How many sentences a comparison quotes of each article, and in all: more when it sets named articles
    side by side, whose reader asked for each one's own account (``NAMED_PER_ARTICLE``, ``NAMED_LIMIT``).

    >>> from types import SimpleNamespace as Q
    >>> quota(Q(named_docs={"a", "b"}, within=False)), quota(Q(named_docs={"a"}, within=False))
    ((3, 6), (2, 4))
    >>> quota(Q(named_docs={"a"}, within=True))  # read inside one article: its two best
    (2, 4)
    """
    if len(query.named_docs) >= 2 and not query.within:
        return NAMED_PER_ARTICLE, NAMED_LIMIT
    return 2, MAX_SPREAD


def room(query, chosen: list[Candidate]) -> int:
    """How many sentences a comparison quotes in all, given those chosen so far: ``quota``'s limit, and one more
    when an article already spoke twice among them (not for named articles or one read alone, which have their own
    quota). The limit is room for several voices; an article's second sentence, close to its first in score, would
    otherwise shut out the sentence of another party that answers ("the critics call it…" after the defenders' two).

    >>> from types import SimpleNamespace as S
    >>> q = S(named_docs=set(), within=False)
    >>> room(q, [S(doc_id=d) for d in "abcd"]), room(q, [S(doc_id=d) for d in "abbc"])
    (4, 5)
    """
    per, limit = quota(query)
    doubled = len({c.doc_id for c in chosen}) < len(chosen)
    return limit + 1 if doubled and per == 2 and not query.within else limit


def pick_compare(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """The comparison's sentences (``_pick_compare``), read only from the named articles when it names two or
    is read inside one, a sentence telling the change leading an "old vs new" one (``told_change``)."""
    if len(query.named_docs) >= 2 or query.within:  # "how do the A piece and the B one differ", "per A, …"
        cands = [c for c in cands if c.doc_id in query.named_docs] or cands  # only those are heard
    picked = _pick_compare(query, cands)
    if not query.sides:  # far closer in meaning: heard first (a side's sentence is chosen by its side's words, not meaning)
        picked = closest_first(cands, *picked, room(query, picked[0]))
        picked = every_article(query, cands, *picked, room(query, picked[0]))  # "do the articles agree…": each heard
    picked = present_after(query, cands, *told_change(query, cands, *side_listing(query, cands, *picked)))
    picked = outcome_after(cands, *picked, room(query, picked[0]))  # "its future became uncertain" -> "Finally, …"
    picked = dated_pair(query, cands, *rejoinder(query, cands, *reply_after(query, cands, *picked)))
    return counts_lead(query, cands, *picked)  # "different counts of X?": each article's count first


def _pick_compare(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """Each side's best sentence when the question names two sides, else the best sentence of each
    article that speaks to the question (named articles always heard), and an article's second sentence
    when it is as close as that bar (for a named article, as close as its own best: "which routes does
    the harbour piece exclude that the dock column keeps?" is answered by two sentences of each); one framing
    article ("per the harbour piece, old vs new fares") is the only one heard, at its two best sentences."""
    cands = thesis_first(query, cands)  # "not X but Y": where each named article states its own view
    cands = outlook_first(query, cands)  # "how do A and B see its future?": where each says what may come
    voiced = party_and_writer(query, cands) or wish_and_outcome(query, cands, NAMED_SHARE, COMPARE_RATIO)
    if voiced is not None:
        return voiced
    orders = side_orders(query, cands)
    if len(orders) == len(query.sides) > 0:
        sided = [order[0][1] for order in orders]
        seconds = side_seconds(orders, sided)
        return sided + seconds, ["side"] * len(sided) + ["side_second"] * len(seconds)
    best = cands[0]
    lead: dict[str, float] = {}
    for c in cands:
        if c.passage.kind == "body":
            lead.setdefault(c.doc_id, c.score)
    chosen, why = [], []
    per = quota(query)[0]
    named = per > 2  # articles set side by side: each heard at its best sentences, whatever the other's score
    for c in cands:
        mine = sum(x.doc_id == c.doc_id for x in chosen)
        if c.passage.kind != "body" or mine >= per or not _fresh(c, chosen):
            continue
        # A named article is heard at its best sentence, and at a second one as good as that (its own bar);
        # beside another named article, at its next ones too.
        again = not mine or query.within or named or c.score >= COMPARE_RATIO * lead[c.doc_id]
        if c.score >= COMPARE_RATIO * best.score or (c.doc_id in query.named_docs and c.score >= NAMED_SHARE * best.score and again):
            chosen.append(c)
            why.append("side")
        if len(chosen) >= room(query, chosen):
            break
    chosen, why = chosen or [best], why or ["best"]
    # a comparison needs a second source
    share = outcome_share(query) or other_article_share(getattr(query, "text", ""))  # "…vs what the deal ended up doing"
    extra = None if query.within else second_source(chosen, cands, share)
    return (chosen + [extra], why + ["second_source"]) if extra is not None else (chosen, why)
