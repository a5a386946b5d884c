"""Answers of several sentences: a why-question's reasons, an overview's main points, a list's items, a named
article's gist. Sentences come from several articles where they differ, without repetition, best first.
"""

from __future__ import annotations

import re

from rag.evidence import ENDS, Candidate
from rag.gather import same_list_elsewhere
from rag.nearness import difficulty_first, near_best
from rag.neighbours import antecedents, fresh as _fresh
from rag.course import course_point
from rag.reasons import WORRY_KINDS, claims_distinction, corrective_contrast, names_worries
from rag.links import is_enumeration
from rag.intent import kind_modifiers
from rag.listkind import same_kind
from rag.rules import byline_note
from rag.room import fill_room
from rag.stakes import stakes_told
from rag.text import poses_question, terms
from rag.wording import richer_in_words

SPREAD_RATIO = 0.8  # why/overview/list: further sentences down to this share of the best
MAX_SPREAD = 4
PER_ARTICLE = 2  # why/overview/list: sentences of one article, unless it is the one the question names
CLOSEST_MARGIN = 0.15  # spread: a sentence this much closer in meaning than the others is always heard
SAME_ARTICLE = 0.85  # why/overview/list: an article already heard competes at this share of its score (0.9: dev 0.756)
# ...unless the sentence scores this close to the best: it is as good an answer as the one already heard, and the
# discount would let weaker sentences of other articles push it out (dev: 0.95-0.98 all +2, 0.93 +1, 0.99 +1)
SAME_ARTICLE_TIE = 0.97
GATHER_SHARE = 0.5  # list: another article's examples of a chosen listing's kind are heard down to this share of the best
KIND_SHARE = 0.65  # list: a sentence listing the asked kind (``lists_kind``) is heard first down to this share of the best


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
    pool.sort(key=lambda c: (-(c.score * same_article(c, best, per_doc)) - (0.05 if query.intent == "list"
                                                                   and is_enumeration(c.text) else 0)))
    closest = closest_in_meaning(cands[:1] + pool, limit, listing=query.intent == "list")
    # worries asked for: what is feared is named in few of the question's words, as another article's are (WORRY_SHARE)
    share = WORRY_SHARE if query.listed in WORRY_KINDS else KIND_SHARE
    # the kind in its own word first; else in another word of its class ("areas such as…" for "what fields…"), unless
    # the question narrows it ("tech areas": a bare "fields" is not of that sort)
    kind = (near_best(cands, share, lambda c: names_kind(c, query))
            or (None if kind_modifiers(query.text) else near_best(cands, share, lambda c: names_kind(c, query, True)))
            if query.intent in ("list", "overview") else None) \
        or course_point(query, cands) or stakes_told(query, cands) or difficulty_first(query, cands, ratio)
    pool = pool if kind is None or kind in pool else [kind] + pool
    closest = closest if closest is not None or kind is None else kind  # the list of the asked kind, heard first
    if closest is not None:  # heard first, whatever its words
        pool.remove(closest)
        pool.insert(0, closest)
    apart = sets_apart(query, pool)
    if apart is not None:  # an overview's "it was the first…": heard right after what is heard first
        pool.remove(apart)
        pool.insert(1 if closest is not None else 0, apart)
    other = other_worries(query, cands, kind, best)
    if other is not None:  # another article's worries, heard right after the first article's
        pool = [c for c in pool if c is not other]
        pool.insert(pool.index(kind) + 1 if kind in pool else 0, other)
    for c in pool:
        if len(chosen) >= limit:
            break
        if _fresh(c, chosen) and per_doc.get(c.doc_id, 0) < per_article(query, c.doc_id, limit) \
                and (c is closest or c is other or c.doc_id in per_doc or not weaker_view(c, chosen, query.intent == "why" and not query.qtype)):
            chosen.append(c)
            why.append("spread")
            per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    if query.intent == "overview" and not query.more:  # room left: a point just below the spread's line (``room``)
        room = fill_room(cands, chosen, per_doc, limit, ratio * best.score, lambda d: per_article(query, d, limit))
        chosen, why = chosen + room, why + ["room"] * len(room)
    rich = richer_in_words(pool, chosen) if query.intent == "overview" and not query.more and limit > 1 \
        else None
    if rich is not None:  # the question's own words the meaning-led picks lack: heard, cap or limit notwithstanding
        chosen, why = chosen[:limit - 1] + [rich], why[:limit - 1] + ["richer_in_words"]
        per_doc[rich.doc_id] = per_doc.get(rich.doc_id, 0) + 1
    if query.intent == "overview" and not query.more:  # "tell me more" asks for what is not shown yet, whatever its source
        more = heard_again(pool, chosen, per_doc, limit)
        chosen, why = chosen + more, why + ["heard_again"] * len(more)
    # the chosen sentences and what the leader points back to ("to address these challenges" -> "issues such as A, B")
    told = same_list_elsewhere(chosen + antecedents(best, cands), cands, GATHER_SHARE * best.score) \
        if query.intent == "list" and not query.more else None
    if told is not None:  # another writer's examples of the same list: the items this answer lacks, one beyond the limit
        chosen, why = chosen + [told], why + ["same_list"]
    return chosen, why


WORRY_SHARE = 0.5  # worries asked for: another article's sentence naming them is heard down to this share of the best


def other_worries(query, cands: list[Candidate], kind: Candidate | None, best: Candidate) -> Candidate | None:
    """Worries asked for ("what are the big worries about X?"), one article's named already (``kind``): another
    article's sentence naming what it fears (``reasons.names_worries``), down to ``WORRY_SHARE`` of the best. Each
    article names its own worries; one sentence naming two of them seldom names all the articles raise."""
    if kind is None or query.listed not in WORRY_KINDS:
        return None
    return next((c for c in cands[1:] if c.doc_id != kind.doc_id and c.score >= WORRY_SHARE * best.score
                 and c.passage.kind == "body" and names_worries(c.text)), None)


def sets_apart(query, pool: list[Candidate]) -> Candidate | None:
    """An overview of a thing as a whole: the sentence within the spread saying what sets it apart (the first or
    only one of its kind, ``claims_distinction``). What a thing is, in brief, is first what makes it notable; such a
    sentence shares no more of the question's words than those restating the topic, which outrank it on them.
    A summary of named articles, a list of an asked kind, a trend and "tell me more" ask for something else.

    >>> from types import SimpleNamespace as S
    >>> q = S(intent="overview", listed="", trend=False, more=False, gist=False)
    >>> pool = [S(text="The pact helps labs."), S(text="The pact was the first accord of its kind.")]
    >>> sets_apart(q, pool).text, sets_apart(S(**{**vars(q), "intent": "why"}), pool)
    ('The pact was the first accord of its kind.', None)
    """
    if query.intent != "overview" or query.listed or query.trend or query.more or query.gist:
        return None
    return next((c for c in pool if claims_distinction(c.text)), None)


def names_kind(c: Candidate, query, loose: bool = False) -> bool:
    """Does the sentence name things of the kind asked for: a list's items of its kind (``lists_kind``), or, for
    worries asked for in a list or an overview ("what are the big worries about X?"), what is feared
    (``reasons.names_worries``)? An overview's other kinds ("the main points") are no things named in a sentence."""
    if query.listed in WORRY_KINDS and names_worries(c.text):
        return True
    return query.intent == "list" and lists_kind(c.text, query.listed, loose)


# The cue that opens a list's items ("events such as A, B and C", "technologies including A and B")
_ITEMS_CUE = re.compile(r"\b(?:such as|including|like|e\.g\.)", re.I)


def lists_kind(text: str, kind: str, loose: bool = False) -> bool:
    """Does a sentence list things of the asked kind: the kind's noun among the three words before the cue of its
    items ("Events such as A, B and C" for "what events…")? Such a sentence is the list asked for, though it shares
    few other words with the question, while sentences restating the topic outscore it on them.

    >>> lists_kind("Events such as the flood, the fire and the strike deepened it.", "event")
    True
    >>> lists_kind("Ports such as Oslo and Bergen grew.", "event"), lists_kind("Events grew, such as it was.", "event")
    (False, False)
    >>> lists_kind("Technologies such as radar and sonar were cut.", "tech")  # "which techs…"
    True
    >>> lists_kind("Areas such as radar and sonar grew.", "field"), lists_kind("Areas such as radar and sonar grew.", "field", True)
    (False, True)
    """
    if not kind:
        return False
    for m in _ITEMS_CUE.finditer(text):
        before = text[:m.start()].split()[-3:]
        # a clipped noun ("techs", "stats") names the kind whose full word starts with it ("technologies")
        named = any(same_kind(t, kind, loose) for w in before for t in terms(w))  # loose: "areas such as…" for "what fields…"
        if named and is_enumeration(text[m.start():]):
            return True
    return False


def heard_again(pool: list[Candidate], chosen: list[Candidate], per_doc: dict[str, int], limit: int) -> list[Candidate]:
    """Overviews with room left: further sentences of the articles already heard, beyond ``PER_ARTICLE``, best first
    (``pool`` holds only sentences within the spread's ratio of the best).

    The cap on one article's sentences is there so that other articles' views are heard; when none of them
    scored close enough to be heard, it only cuts the answer short of a main point its article makes ("the main worry
    over X?": two sentences of one article restating the topic, the third naming the worry).

    >>> from types import SimpleNamespace as S
    >>> a1, a2, a3, b1 = (S(doc_id=d, terms={t}) for d, t in (("a", "x"), ("a", "y"), ("a", "z"), ("b", "w")))
    >>> [c.terms for c in heard_again([a2, b1, a3], [a1, a2], {"a": 2}, limit=4)]
    [{'z'}]
    >>> heard_again([a3], [a1, a2, b1], {"a": 2, "b": 1}, limit=3)
    []
    """
    extra: list[Candidate] = []
    for c in pool:
        if len(chosen) + len(extra) >= limit:
            break
        if c.doc_id in per_doc and _fresh(c, chosen + extra):
            extra.append(c)
    return extra


def weaker_view(c: Candidate, chosen: list[Candidate], asks_kind: bool = False) -> bool:
    """Is ``c`` beaten on both counts by what is already chosen: farther in meaning than every chosen sentence
    (by ``CLOSEST_MARGIN``, the margin by which a far closer sentence is always heard) and holding less of the
    question's terms than the best? Another article is heard first to bring its own view of what is asked; such a
    sentence brings only its article, ranked high by words the question shares with every article.

    >>> from types import SimpleNamespace as S
    >>> chosen = [S(sim=0.6, overlap=0.5)]
    >>> weaker_view(S(sim=0.4, overlap=0.3), chosen), weaker_view(S(sim=0.5, overlap=0.3), chosen)
    (True, False)
    >>> weaker_view(S(sim=0.4, overlap=0.6), chosen)  # it holds more of the question's words: heard
    False

    A why- or how-question (``asks_kind``: its sentences are typed by the cause, the means or the worth they state)
    whose leader states none (``typed`` 0) hears a sentence that does: it brings what is asked, not only its article
    ("how does the pact work?": the leader restates what the pact is, another article says it "sets the terms" for
    joint projects; "how come it kept getting extensions?": the leader restates the extensions, another article
    gives them "reflecting" both sides' wish to keep it).

    >>> weaker_view(S(sim=0.4, overlap=0.3, typed=1.0), [S(sim=0.6, overlap=0.5, typed=0.0)], asks_kind=True)
    False
    """
    return c.sim < max(x.sim for x in chosen) - CLOSEST_MARGIN and c.overlap < chosen[0].overlap \
        and not (asks_kind and not chosen[0].typed and c.typed >= 1)


def same_article(c: Candidate, best: Candidate, per_doc: dict[str, int]) -> float:
    """The factor on ``c``'s score for sentences of its article already heard (``SAME_ARTICLE`` each), none for
    a near-tie with the best (``SAME_ARTICLE_TIE``) or for a sentence surer of the asked shape than any plain one and
    than the best (typed above 1: "why is it so hard…?" and the sentence naming the dilemma): it is what is asked,
    not a second view of the best's article, and other articles' weaker reasons would push it out.

    >>> from types import SimpleNamespace as S
    >>> best = S(score=1.0, doc_id="a", typed=1.0)
    >>> same_article(S(score=0.99, doc_id="a", typed=0), best, {"a": 1}), same_article(S(score=0.9, doc_id="a", typed=1.0), best, {"a": 1})
    (1.0, 0.85)
    >>> same_article(S(score=0.9, doc_id="a", typed=1.5), best, {"a": 1})
    1.0
    """
    if c.score >= SAME_ARTICLE_TIE * best.score or c.typed > max(best.typed, 1.0):
        return 1.0
    return SAME_ARTICLE ** per_doc.get(c.doc_id, 0)


def heard_from(query, cands: list[Candidate]) -> list[Candidate]:
    """The candidates a spread answer may quote: only the named article's when the question names one ("why,
    according to the Harbor Times, did…?" asks that article's reasons; another article's are not its answer),
    else all of them, as when the article only sets the scene ("the Harbor Times hoped for X - how does that square
    with what the plan did?": what the plan did is told elsewhere; ``scene_named``).

    >>> from types import SimpleNamespace as S
    >>> a, b = S(doc_id="a"), S(doc_id="b")
    >>> heard_from(S(named_docs={"b"}, about_articles=False, scene_named=False), [a, b]) == [b]
    True
    >>> len(heard_from(S(named_docs=set(), about_articles=False, scene_named=False), [a, b]))
    2
    >>> len(heard_from(S(named_docs={"b"}, about_articles=False, scene_named=True), [a, b]))
    2
    """
    if len(query.named_docs) != 1 or query.about_articles or query.scene_named:
        return cands
    return [c for c in cands if c.doc_id in query.named_docs] or cands


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
# "What does the harbour piece conclude?", "how do their conclusions compare?": the closing statements are what is
# asked, not only a likely statement of the thesis (general English for a conclusion, no topic)
_CONCLUSION = re.compile(r"\bconclu(?:de|des|ded|ding|sion|sions)\b|\bclosing (?:words?|points?|thoughts?)\b|"
                         r"\bfinal (?:words?|points?|thoughts?)\b", re.I)
CLOSING_ASKED = 1.0  # the closing statements lead when the question asks for the conclusion
GIST_QUESTION = 0.2  # gist: a question the writer puts frames the article's issue (0.2 and 0.3: dev +1, no loss on gists)
GIST_VERDICT = 0.3  # gist: a sentence saying what its subject amounts to ("X reflects a Y") states the writer's verdict
# A verdict: a short named subject (a determiner and a noun, after an opening phrase) said to be or stand for
# something, "a/an <noun phrase>"; the verbs are general English for characterising a thing, no topic word. An
# opening phrase of up to 120 characters ("By doing A while B, the plan represents…"; 80 missed such a verdict)
_VERDICT = re.compile(r"^(?:[^,;:]{0,120},\s+)?(?:the|this|that|its|these)\s+[\w\-.’'&][\w\s\-.’'&]{0,60}?\b"
                      r"(?:represents?|reflects?|marks?|constitutes?|remains?|amounts? to|serves? as|is|was)\s+"
                      r"(?:not\s+)?(?:a|an)\s+\w+", re.I)


def pick_gist(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """Each named article's most typical statements (highest ``sim`` to its own centre, raised for a
    statement of its thesis: ``thesis_bonus``), in reading order:
    ``GIST_PER_ARTICLE`` of each, or ``GIST_ONE_ARTICLE`` when only one is named ("sum up the Harbor Times
    piece": its main points are the whole answer, and two or three sentences seldom hold an article's
    argument, its evidence and its conclusion all)."""
    chosen: list[Candidate] = []
    cap = GIST_ONE_ARTICLE if len(query.named_docs) == 1 else GIST_PER_ARTICLE
    asked_end = bool(_CONCLUSION.search(query.text))
    for doc in sorted(query.named_docs):
        mine = [c for c in cands if c.doc_id == doc and c.passage.kind == "body" and ENDS.search(c.text)
                and len(c.text.split()) >= MIN_STATEMENT_WORDS]
        ends = closing(mine)
        ranked = sorted(mine, key=lambda c: -(c.sim + thesis_bonus(c, ends, asked_end)))
        for c in outline(mine) if query.coverage and len(query.named_docs) == 1 else ranked:
            if sum(x.doc_id == doc for x in chosen) >= cap:
                break
            if _fresh(c, chosen):
                chosen.append(c)
    return chosen, ["gist"] * len(chosen)


def paragraph_lead(c: Candidate) -> bool:
    """Does the sentence open a paragraph of its article (its passage starts the article, or a blank line precedes it)?"""
    return c.passage.text[:c.start].endswith("\n\n") or (c.start == 0 and c.passage.start == 0)


def outline(mine: list[Candidate]) -> list[Candidate]:
    """An article's paragraph leads in reading order: what it covers ("what's the harbour piece covering?"). A
    writer takes up one subject a paragraph and says which in its first sentence; a side story told in a
    paragraph of its own is part of what the article covers, though least typical of it (``sim``), so the gist's
    most typical statements leave it out."""
    leads = {c.abs_key: c for c in mine if paragraph_lead(c)}
    return [leads[k] for k in sorted(leads, key=lambda k: k[-1])]


def closing(mine: list[Candidate], n: int = 2) -> set:
    """The keys of an article's last ``n`` statements (a writer's conclusion restates the thesis), a bio or
    editor's note about the writer set aside: it closes many articles and argues nothing."""
    body = [c for c in mine if not byline_note(c.text, c.passage.authors)]
    return {c.abs_key for c in sorted(body, key=lambda c: c.abs_key[-1])[-n:]}


def thesis_bonus(c: Candidate, ends: set, asked_end: bool = False) -> float:
    """How much more a sentence is worth as an article's main point than its typicality (``sim``) says; a
    closing statement's worth is ``CLOSING_ASKED`` when the question asks for the conclusion (``asked_end``), and
    then a verdict stated elsewhere in the article (``states_verdict``) is not what is asked: the closing statements are."""
    closing_worth = CLOSING_ASKED if asked_end else GIST_CLOSING
    return GIST_CORRECTIVE * corrective_contrast(c.text) + closing_worth * (c.abs_key in ends) \
        + GIST_VERDICT * (not asked_end and states_verdict(c.text) and not byline_note(c.text, c.passage.authors)) \
        + GIST_QUESTION * poses_question(c.text)


def states_verdict(text: str) -> bool:
    """Does a sentence say what its named subject amounts to ("The new deal reflects a pragmatic truce", "by
    sharing the pier, the plan represents a fair split")? Such a sentence is the writer's judgement of the matter,
    the article's central claim, while the sentences most typical of the article (``sim``) often restate its topic
    or narrate; it shares no words with a "what's the gist" question, so only its form can raise it.

    >>> states_verdict("The updated plan reflects a careful truce between the towns."), states_verdict("Overall, this deal marks a turning point.")
    (True, True)
    >>> states_verdict("The plan reflects growing costs."), states_verdict("Ferries sailed daily from the port, a new route.")
    (False, False)

    A bare pronoun ("It reflects a careful truce", "This marks a turning point") judges what the sentence before
    it said: quoted alone, the reader does not learn what is judged, and it took the place of the named verdict.

    >>> states_verdict("It reflects a careful truce."), states_verdict("This marks a turning point.")
    (False, False)
    """
    return bool(_VERDICT.search(text.strip()))


MEANING_SHARE = 0.7  # fact: the sentence closest in meaning is heard down to this share of the best score...
MEANING_MARGIN = 0.05  # ...when its cosine beats every chosen sentence's by this much (dev: 0.6/0.05 +5, 0.7/0.03 +3,
# 0.7/0.08 +3, 0.8/0.05 +1; 0.6 cost 0.008 of citation precision)
MEANING_LIMIT = 3  # fact answers quote at most three sentences (``answering.MAX_SENTENCES``)


def closer_in_meaning(query, cands: list[Candidate], chosen: list[Candidate],
                      why: list[str]) -> tuple[list[Candidate], list[str]]:
    """Fact answers with no asked type: the sentence closest in meaning to the question joins the chosen ones
    when it scores near the best (``MEANING_SHARE``) and is markedly closer in meaning than each of them.

    A paraphrased question ("what is each town good at?") shares few words with its answer ("the north
    builds the ferries and the south runs them"), so sentences holding the question's words outscore it; the
    embedding still sees it plainly. A question asking for a date, a number or a name is left alone: holding that thing decides.
    """
    if not chosen or query.qtype or query.about_articles:
        return chosen, why
    best = cands[0]
    # A line naming its own article's writer (a bio, "the following is an excerpt from…") is close in meaning to
    # a question that names the article or its writer, and says nothing about what is asked.
    pool = [c for c in cands if c.passage.kind == "body" and c.score >= MEANING_SHARE * best.score
            and not byline_note(c.text, c.passage.authors)]
    closest = max(pool, key=lambda c: c.sim, default=None)
    if closest is None or not _fresh(closest, chosen) or closest.sim < max(c.sim for c in chosen) + MEANING_MARGIN:
        return chosen, why
    keep = MEANING_LIMIT - 1
    return chosen[:keep] + [closest], why[:keep] + ["closest"]
