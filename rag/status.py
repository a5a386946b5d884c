"""Named articles set apart by when they were written: where the matter stood as each one was written.

"Was the A piece written before the vote and the B one after?", "A and B were written at different times —
where did the plan stand in each?": the asker wants each article's own word on the state of things at its
writing ("But today the plan is due to lapse again.", "Finally, on May 3, the council passed it."). Those
sentences share few words with the question, which names the articles and their writing, so they rank low;
and a byline card only tells a date when the article states one. ``rag.query`` reads the question
(``written_apart``); ``rag.answering`` answers it with ``pick_status``.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate
from rag.neighbours import next_of
from rag.outlook import asks_heading, prospective

# The articles' writing set against a time or against each other: "written before the renewal", "published
# after it", "written at different times" (general English, no topic)
_WRITTEN_APART = re.compile(r"\b(?:written|published|penned)\b[^?.]*?\b(?:before|after|earlier|later|"
                            r"at different times|at different points)\b", re.I)
# The articles set in order against each other ("later than the B one", "before the A piece", "which came first"),
# not against an event: their bylines' dates answer that, not what each says of its day
_ORDERS_ARTICLES = re.compile(r"\b(?:earlier|later|sooner)\s+than\b|\b(?:before|after)\s+(?:the\s+)?(?:[\w'-]+\s+)?"
                              r"(?:one|piece|article|op-?ed|story|report)\b|\bfirst\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A sentence opening on the time of writing ("But today…", "Now…", "Currently…") or on the very day something
# happened ("Finally, on May 3, …"): it tells where things stood when its writer wrote it
_STATUS = re.compile(r"^\W*(?:(?:but|yet|and|so|finally|still|now)\b,?\s+)?(?:today|now|currently|at present|"
                     r"(?:on\s+)?" + _MONTH + r"\s+\d{1,2}\b)", re.I)
# Words asking how things stand rather than what was done: "the mood", "their outlook", "its standing", "where it
# stood", "the pact's health" (general English, no topic; "health" only as a thing's condition, not a field of work)
_STATE = re.compile(r"\b(?:mood|outlook|standing|status)\b|\b(?:stands?|stood)\b(?!\s+(?:on|for|with|against|by|behind)\b)|"
                    r"\w's health\b|\bhealth of (?:the|its|this|that)\b", re.I)
STATUS_PER_ARTICLE = 2  # an article's first two such sentences: a writer may set the scene before saying what is at stake
# A sentence opening on a demonstrative that stands for the event just told ("This marks a turning point."): the
# writer's judgement of where things stood, which a question about the mood asks for
_JUDGES = re.compile(r"^(?:This|That)\s")


def written_apart(text: str, named: set) -> bool:
    """Does the question set two or more named articles apart by when they were written?

    >>> written_apart("was the A piece written before the vote and the B one after?", {"a", "b"})
    True
    >>> written_apart("A and B were written at different times: where did the plan stand?", {"a", "b"})
    True
    >>> written_apart("was the A piece written before the vote?", {"a"})  # one article: when it was written
    False
    >>> written_apart("what did A and B write about the vote?", {"a", "b"})
    False
    >>> written_apart("was the A piece published later than the B one?", {"a", "b"})  # the bylines' dates
    False
    """
    return len(named) >= 2 and bool(_WRITTEN_APART.search(text)) and not _ORDERS_ARTICLES.search(text)


def asks_state(text: str) -> bool:
    """Does the question ask how things stand (a mood, an outlook, a standing, a thing's health)?

    >>> asks_state("how does the A piece's outlook differ from B's?"), asks_state("how did its standing compare then and now?")
    (True, True)
    >>> asks_state("how do A and B describe public health work?"), asks_state("what did A and B say about fares?")
    (False, False)
    >>> asks_state("where does A stand on fares vs B?")  # a position taken, not how things stand
    False
    """
    return bool(_STATE.search(text))


def tells_status(text: str) -> bool:
    """Does the sentence open on the time of its writing or on the day of an event, telling where things stood?

    >>> tells_status("But today the plan is due to lapse yet again."), tells_status("Finally, on May 3, the council passed it.")
    (True, True)
    >>> tells_status("The plan was signed in 1979."), tells_status("In today's world, ports compete.")
    (False, False)
    """
    return bool(_STATUS.match(text))


def status_of(query, cands: list[Candidate], doc: str) -> list[Candidate]:
    """The named article's first ``STATUS_PER_ARTICLE`` sentences among ``cands`` that tell where things stood, in
    reading order, each followed by the next sentence when that one judges it (``_JUDGES``)."""
    seen: dict = {}
    for c in cands:
        if c.passage.kind == "body" and c.doc_id == doc and tells_status(c.text):
            seen.setdefault(c.abs_key, c)
    own = [seen[k] for k in sorted(seen)][:STATUS_PER_ARTICLE]
    judged = [(c, next_of(c, cands)) for c in own]  # "Finally, on May 3, it passed." -> "This marks a turning point."
    return [x for c, nxt in judged for x in (c, nxt) if x is not None and (x is c or _JUDGES.match(x.text))]


def with_status(query, cands: list[Candidate], chosen: list[Candidate], why: list[str]) -> tuple[list, list]:
    """A comparison of named articles asking how things stand ("how does A's outlook differ from B's?", "its standing
    back then vs in 2024, per A"): each named article's sentences telling where things stood (``status_of``) join
    the sentences chosen for the topic, which seldom hold them: a writer states the mood of the moment in words of
    time ("But now…, it is under threat"), not in the question's."""
    if not (query.state and query.intent == "compare" and query.named_docs):
        return chosen, why
    keys = {c.abs_key for c in chosen}
    add = [c for doc in sorted(query.named_docs) for c in status_of(query, cands, doc) if c.abs_key not in keys]
    kept = forecasts_kept(query, chosen)
    for c in add:  # in place of its article's last topic sentence, when it has two or more: the answer stays short
        mine = [i for i, x in enumerate(chosen) if x.doc_id == c.doc_id and why[i] == "side"]
        spare = [i for i in mine if id(chosen[i]) not in kept]
        if len(mine) > 1 and spare:
            chosen, why = chosen[:spare[-1]] + chosen[spare[-1] + 1:], why[:spare[-1]] + why[spare[-1] + 1:]
    return chosen + add, why + ["status"] * len(add)


def standing_compared(query) -> bool:
    """Does a comparison set two or more named articles side by side on how things stand or where they are headed
    ("how does the A piece's outlook compare with the B piece's?", "the mood in A vs B", "where is it heading per A
    and B")? The articles it names vouch for its topic, their own reading of the matter: its one other word
    ("outlook", "mood") is a word for a view the articles never write, so no sentence is close to it, and it was
    refused as off topic (``abstain.abstain_reason``).

    >>> from types import SimpleNamespace as Q
    >>> standing_compared(Q(intent="compare", named_docs={"a", "b"}, state=True, text="A's outlook vs B's?"))
    True
    >>> standing_compared(Q(intent="compare", named_docs={"a", "b"}, state=False, text="A vs B on football?"))
    False
    >>> standing_compared(Q(intent="compare", named_docs={"a"}, state=True, text="A's outlook vs the deal?"))
    False
    """
    return query.intent == "compare" and len(query.named_docs) >= 2 and bool(query.state or asks_heading(query.text))


def forecasts_kept(query, chosen: list[Candidate]) -> set[int]:
    """The chosen sentences (their ids) a status sentence may not take the place of: those saying what may come
    (``outlook.prospective``) when the question asks where the thing is headed ("how does A's outlook compare with
    B's?", ``outlook.asks_heading``). There the writer's forecast ("it risks reinforcing rival blocs") is the
    answer, and where things stood as they wrote ("Finally, on May 3, …") only its setting: put in the forecast's
    place, the status left the article's outlook unsaid.

    >>> from types import SimpleNamespace as S
    >>> a, b = S(text="It risks splitting the towns, potentially ending the route."), S(text="The route got two extensions.")
    >>> forecasts_kept(S(text="how does A's outlook compare with B's?"), [a, b]) == {id(a)}
    True
    >>> forecasts_kept(S(text="A and B were written at different times: where did it stand?"), [a, b])
    set()
    """
    if not asks_heading(query.text):
        return set()
    return {id(c) for c in chosen if prospective(c.text)}


def pick_status(query, cands: list[Candidate]) -> tuple[list[Candidate], list[str]] | None:
    """For each named article, in the order it ranks: its first ``STATUS_PER_ARTICLE`` sentences that tell where
    things stood (``tells_status``), in reading order, else its best sentence; each article is cited for its own.
    None when no named article has a sentence among ``cands``."""
    chosen: list[Candidate] = []
    why: list[str] = []
    body = [c for c in cands if c.passage.kind == "body" and c.doc_id in query.named_docs]
    for doc in dict.fromkeys(c.doc_id for c in body):
        own = status_of(query, body, doc)
        if own:
            chosen, why = chosen + own, why + ["status"] * len(own)
        else:
            chosen, why = chosen + [next(c for c in body if c.doc_id == doc)], why + ["side"]
    return (chosen, why) if chosen else None
