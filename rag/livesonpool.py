"""A question whether a thing lives on ("is the lease dead or alive?", "is it over or just changing?") hears a
sentence telling its standing.

"Is the ferry deal basically dead or is it just changing?" asks whether a thing still stands. The sentence answering
tells that it is not finished, still holds, or was outlived ("the deal is not obsolete but in flux", "it still
continues under new terms"), in words the question does not use: the question says "dead", "alive", "over"; a
writer says "obsolete", "defunct", "survives". The passages restating the question's topic fill the pool before it.
So a second search, by the question's words and the words a writer tells a thing's standing in
(``LIVES_ON_TEXT``, in its vector too), adds the few passages it ranks best (``lives_on_pool``). General English only:
words of a thing's end or survival.
"""

from __future__ import annotations

import re

from rag.latest import DAY
from rag.nearness import near_best
from rag.text import poses_question, stem

LIVES_ON_PASSAGES = 2  # passages a lives-on question's second search (by the words of an end or survival too) adds
# the words a writer tells whether a thing lives on in, searched for beside the question's own (general English)
LIVES_ON_TEXT = "still obsolete defunct survives continues renewed"
LIVES_ON_WORDS = [stem(w) for w in LIVES_ON_TEXT.split()]

# Whether a thing has ended or lives on, asked as an either-or or as "still alive/going?" (general English). The
# end words pair with "or" ("dead or alive", "over or just changing", "or did it die"); "over" needs "is/it's" before
# it ("is it over or…"): "over or under budget" asks a size.
_END = r"(?:dead|alive|finished|defunct|obsolete|dying|died|die|gone|(?:is|it's|it\s+is)\s+(?:\w+\s+)?over)"
# ...or as whether it is past its use ("has it outlived its usefulness?", "is it still useful / needed / relevant?")
# or ought to end ("should it be scrapped?"): the sentence telling it is (not) obsolete answers these as well
_PAST_USE = (r"\boutliv\w*\s+(?:its|their)\s+(?:usefulness|purpose|use)\b|"
             r"\bstill\s+(?:useful|needed|necessary|relevant|of\s+(?:any\s+)?use|any\s+(?:use|good))\b|"
             r"\b(?:should|must|ought\s+to)\s+(?:\w+\s+){0,3}?be\s+(?:scrapped|killed|dropped|abandoned|ended|terminated|cancell?ed)\b")
_LIVES_ON_ASK = re.compile(r"\b" + _END + r"\s+or\b|\bor\s+(?:is\s+it\s+|did\s+it\s+|does\s+it\s+)?(?:just\s+|still\s+)?"
                           r"(?:dead|alive|die|died|dying|changing|evolving|going|over)\b|"
                           r"\bstill\s+(?:alive|going|kicking|standing|around|exists?|active|valid|a\s+thing|"
                           r"in\s+(?:force|effect|place|operation))\b|" + _PAST_USE, re.I)


def asks_lives_on(text: str) -> bool:
    """Does the question ask whether a thing has ended or lives on?

    >>> asks_lives_on("is the ferry deal dead or alive?"), asks_lives_on("is it over or just changing?")
    (True, True)
    >>> asks_lives_on("is the lease still in force?"), asks_lives_on("did the project come in over or under budget?")
    (True, False)
    >>> asks_lives_on("does the lease still exist?"), asks_lives_on("is the pact still around?")
    (True, True)
    >>> asks_lives_on("has the lease outlived its usefulness?"), asks_lives_on("is the lease still useful?")
    (True, True)
    >>> asks_lives_on("should the lease be done away with?"), asks_lives_on("why did the ferry deal die?")
    (False, False)
    """
    return bool(_LIVES_ON_ASK.search(text))


def lives_on_pool(retriever, query, pool: list) -> list:
    """A lives-on question's passages (``asks_lives_on``) that a second search, by the question's words and the words
    of a thing's standing (``LIVES_ON_WORDS``, in its vector too), ranks best and ``pool`` lacks: "is the deal dead or
    just changing?" shares no word with "the deal is not obsolete but in flux". A follow-up ("and the other one?")
    asks on the pool its turn already holds."""
    if query.more or not asks_lives_on(query.text):
        return []
    return retriever.search_beyond(pool, query, list(dict.fromkeys([*query.terms, *LIVES_ON_WORDS])),
                                   LIVES_ON_PASSAGES, hint=LIVES_ON_TEXT)


LIVES_ON_SHARE = 0.5  # the sentence telling whether the thing lives on leads down to this share of the best
# A sentence telling whether a thing lives on (general English): that it is (not) obsolete, defunct or outdated, that
# it survives or survived, that it remains or is still in force ("the lease remains in force", "not yet dead").
_TELLS = re.compile(r"\b(?:obsolete|defunct|outdated|outlived)\b|\bsurviv(?:e|es|ed|ing)\b|"
                    r"\b(?:remains?|still)\s+(?:in\s+(?:force|effect|place)|alive|standing)\b|"
                    r"\bnot\s+(?:yet\s+)?(?:dead|over|finished)\b", re.I)


def tells_lives_on(text: str) -> bool:
    """Does a sentence tell whether a thing has ended or lives on?

    >>> tells_lives_on("The lease is not obsolete but in flux."), tells_lives_on("The lease remains in force.")
    (True, True)
    >>> tells_lives_on("The lease was signed in May."), tells_lives_on("Will the lease survive the vote?")
    (False, False)
    """
    return bool(_TELLS.search(text)) and not poses_question(text)


# A renewal or extension told ("the lease was renewed in May") tells already that the thing lives on: it answers
# "is the lease still around or did it die?" as well as a sentence saying it is not obsolete.
_RENEWED = re.compile(r"\brenew(?:s|ed|al)\b|\bextended\b|\bextensions?\b", re.I)


def tells_renewal(text: str) -> bool:
    """Does a sentence (not a question) tell that a thing was renewed or extended?

    >>> tells_renewal("The lease's renewal in May calmed the port."), tells_renewal("Will its renewal come?")
    (True, False)
    """
    return bool(_RENEWED.search(text)) and not poses_question(text)


def lives_on_first(query, cands: list) -> list:
    """``cands`` with the best sentence telling whether the thing lives on (``tells_lives_on``), among those down to
    ``LIVES_ON_SHARE`` of the best, put first, when the question asks so (``asks_lives_on``) and the best does not tell
    it, nor a renewal (``tells_renewal``): "is the deal dead or just changing?" is answered by "it is not obsolete but
    in flux", which shares fewer of its words than the sentences restating the deal."""
    if not cands or query.more or not asks_lives_on(query.text) or tells_lives_on(cands[0].text) \
            or tells_renewal(cands[0].text):
        return cands
    lead = near_best(cands, LIVES_ON_SHARE, lambda c: tells_lives_on(c.text)) \
        or near_best(cands, LIVES_ON_SHARE, lambda c: tells_renewal(c.text))  # "renewed in May": it lives on
    return cands if lead is None else [lead] + [c for c in cands if c is not lead]


def lives_on_told(query, best, cands: list):
    """A yes/no question's evidence: the sentence ``lives_on_first`` put first, when it tells whether the thing lives
    on and ``best`` tells neither that nor a renewal; else ``best``.

    WHY: "has the lease outlived its usefulness?" drew "Using the lease as a guardrail…", which shares the stem of
    "usefulness" and says nothing of whether the lease is past its use; "the lease is not obsolete" does.
    """
    if not cands or cands[0] is best or not asks_lives_on(query.text) or not tells_lives_on(cands[0].text) \
            or tells_lives_on(best.text) or tells_renewal(best.text):
        return best
    return cands[0]


# "is it still in force?", "is the lease still around?": a yes/no question asking whether the thing lives on now
_STILL_ASK = re.compile(r"\bstill\s+(?:alive|going|kicking|standing|around|exists?|active|valid|a\s+thing|"
                        r"in\s+(?:force|effect|place|operation))\b", re.I)
# ...answered yes by a renewal or extension done ("was renewed", "extended it"), not one wished or due ("a renewal")
_RENEWED_DONE = re.compile(r"\b(?:renewed|extended)\b", re.I)


def renewed_lives_on(query, cands: list):
    """The sentence telling the thing was renewed or extended, among those down to ``LIVES_ON_SHARE`` of the best,
    when a yes/no question asks whether it is still in force (not "…or did it die?"), else None.

    WHY: "is the lease still in force today?" drew an undated piece's "it is due to lapse yet again", read as a no,
    while another article tells it was renewed for five more years; a renewal done is the surest yes the articles give.
    """
    if query.intent != "yes_no" or query.more or not _STILL_ASK.search(query.text) or re.search(r"\bor\b", query.text):
        return None
    floor = LIVES_ON_SHARE * cands[0].score if cands else 0.0
    done = [c for c in cands if c.score >= floor and c.passage.kind == "body" and _RENEWED_DONE.search(c.text)
            and not poses_question(c.text)]
    # the newest article's renewal first (an undated one last): it tells the latest the articles know
    return max(done, key=lambda c: c.passage.date or "", default=None)



# WHY: "is the deal dead or alive?" is answered by the writer's "it is not obsolete but in flux" and by the act that
# decided it, told to the day ("on March 3 the towns renewed the lease for ten more years"). That sentence shares no
# word with the question, and its passage (about other things too) is seldom in the pool: so a lives-on question
# (not a yes/no one, which ``renewed_lives_on`` answers) searches once more by the words of a renewal, and its answer
# carries the newest such sentence beside the one telling the standing. General English: words of a renewal, dates.
RENEWAL_HINT = "renewed extended for another years"
RENEWAL_WORDS = [stem(w) for w in ("renewed", "extended")]
RENEWAL_REACH = 8  # passages the renewal search reads for one telling a renewal done to the day
RENEWAL_SHARE = 0.35  # the dated renewal is heard second down to this share of the best
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def tells_dated_renewal(text: str) -> bool:
    """Does a sentence tell a renewal or extension done, dated to the day?

    >>> tells_dated_renewal("On March 3, the towns renewed the lease."), tells_dated_renewal("It was renewed.")
    (True, False)
    >>> tells_dated_renewal("Will it be renewed on March 3?")
    False
    """
    return bool(_RENEWED_DONE.search(text) and DAY.search(text)) and not poses_question(text)


def _asks_either_way(query) -> bool:
    return not query.more and query.intent != "yes_no" and asks_lives_on(query.text)


def renewal_pool(retriever, query, pool: list) -> list:
    """For a lives-on question that is not a yes/no one, the best passage a search by its words and a renewal's
    (``RENEWAL_WORDS``) reaches that tells a renewal done to the day (``tells_dated_renewal``), when ``pool`` holds
    none: at most one passage."""
    if not _asks_either_way(query) or any(_holds_dated_renewal(p.text) for p in pool):
        return []
    found = retriever.search_beyond(pool, query, list(dict.fromkeys([*query.terms, *RENEWAL_WORDS])),
                                    RENEWAL_REACH, hint=RENEWAL_HINT)
    return next(([p] for p in found if _holds_dated_renewal(p.text)), [])


def _holds_dated_renewal(text: str) -> bool:
    return any(tells_dated_renewal(s) for s in _SENTENCE_END.split(text))


def with_dated_renewal(query, cands: list, picked: tuple) -> tuple:
    """``picked`` (the chosen sentences, why each, then what else the answer carries, passed on as it is) with the
    newest article's sentence telling a renewal done to the day (``tells_dated_renewal``), down to ``RENEWAL_SHARE``
    of the best, heard second, for a lives-on question that is not a yes/no one, when no chosen sentence tells one:
    whatever the answer's shape, "dead or alive?" is decided by that act."""
    chosen, why, *rest = picked
    if not chosen or not cands or not _asks_either_way(query) or any(tells_dated_renewal(c.text) for c in chosen):
        return picked
    floor = RENEWAL_SHARE * max(c.score for c in cands[:2])
    done = [c for c in cands if c.score >= floor and c.passage.kind == "body" and tells_dated_renewal(c.text)]
    lead = max(done, key=lambda c: c.passage.date or "", default=None)
    if lead is None:
        return picked
    return (chosen[:1] + [lead] + chosen[1:], why[:1] + ["renewal_done"] + why[1:], *rest)
