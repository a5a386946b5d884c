"""A question about a thing's interim (it ran out, hung in limbo, got a stopgap) is answered by the sentence telling the lapse.

"How did the lease end up in limbo?", "what short-term fix did the deal get?", "how did they keep it going when it ran
out?" ask about the time between a thing's running out and its renewal. The sentence answering tells that it expired,
lapsed or was extended for the meantime ("its term expired in May", "it received two short extensions"), a timeline
that carries no word of the question and no reason connective; the sentences sharing the question's words ("the pact
was finally renewed after long talks") tell the renewal that ended the interim. So the lapse sentence, down to a
share of the best, is heard first. When the question's words draw no passage telling it ("how come its future was
up in the air?"), a second search by the question and the words of a lapse adds the few passages that do
(``interim_pool``). General English only: words of running out, limbo and stopgaps.
"""

from __future__ import annotations

import re

from rag.neighbours import next_of
from rag.smoothness import asks_prompt
from rag.text import stem

LAPSE_SHARE = 0.5  # the sentence telling the lapse leads down to this share of the best
LAPSE_PASSAGES = 2  # passages an interim question's second search (by the words of a lapse too) adds to the pool
# the words a writer tells a lapse in, searched for beside the question's own ("up in the air" shares none of them)
LAPSE_TEXT = "expired lapsed extension extensions"
LAPSE_WORDS = [stem(w) for w in LAPSE_TEXT.split()]
# the question asks about an interim: a thing left hanging, run out, or bridged by a stopgap (general English)
# ("let it lapse", "keep it alive" ask of a lapse that might be, or of a thing's worth: not of the interim that was)
_INTERIM_ASK = re.compile(r"\b(?:in limbo|up in the air|hung in the balance|(?<!to )ran out|stop-?gap|"
                          # a wait asked about ("why did it take so long to…?"): the time the thing hung on a stopgap
                          r"(?:take|takes|took|taking)\s+(?:so|this|that)\s+long|"
                          r"(?:short[- ]term|temporary|interim)\s+(?:fix|solution|measure|arrangement|deal))\b", re.I)
# a sentence telling a lapse or the stopgap that bridged it: it expired, lapsed, ran out, was extended for a while
# (not "temporary" alone: "it needs more than another temporary renewal" tells what is wanted next, not the lapse)
_LAPSE = re.compile(r"\b(?:expir(?:ed|es|y|ing)|laps(?:ed|es|ing)|ran out|stop-?gap|"
                    r"(?:\w+[- ](?:month|year|week|day)s?\s+)?extensions?)\b", re.I)


def asks_interim(text: str) -> bool:
    """Does the question ask about the time a thing ran out or hung in limbo, or the stopgap that bridged it?

    >>> asks_interim("how did the lease end up in limbo?"), asks_interim("what short-term fix did it get?")
    (True, True)
    >>> asks_interim("how did they keep the ferry going when it ran out?"), asks_interim("why not let the lease lapse?")
    (True, False)
    """
    return bool(_INTERIM_ASK.search(text))


# a lapse that may come ("it may receive another extension") is not the interim that was (lower case: "in May" is a month)
_MAY = re.compile(r"\b(?:may|might|could|would|will)\b")


def tells_lapse(text: str) -> bool:
    """Does a sentence tell that a thing expired, lapsed or was bridged by a stopgap (not that it may be)?

    >>> tells_lapse("Its last term expired in May."), tells_lapse("It received two six-month extensions.")
    (True, True)
    >>> tells_lapse("The lease was renewed after long talks."), tells_lapse("It may get another extension.")
    (False, False)
    """
    return bool(_LAPSE.search(text)) and not _MAY.search(text)


def asked_of_interim(query) -> bool:
    """A why- or an untyped fact question about an interim. A typed one ("when did it run out?", "how long was each
    extension?") is answered by the one sentence holding its date or number; the other adds nothing to cite."""
    return query.intent in ("fact", "why") and not query.qtype and asks_interim(query.text)


# a word of running out in a question (any form: "the lapse and renewal saga", "how it expired", "its extensions")
_LAPSE_NAMED = re.compile(r"\b(?:laps(?:e|ed|es|ing)|expir(?:e|ed|es|y|ing|ation)|ran out|run out|extensions?|extended)\b", re.I)


def story_of_lapse(query) -> bool:
    """Does the question ask for a story (``Query.narrative``: "walk me through…", "the saga") that names a lapse?
    Its answer is told with the lapse and the stopgaps, which its other words ("renewal") draw less than the
    passages restating the renewal, so it is searched for as an interim question's is (``interim_pool``).

    >>> from types import SimpleNamespace as Q
    >>> story_of_lapse(Q(narrative=True, text="walk me through the lapse and renewal saga"))
    True
    >>> story_of_lapse(Q(narrative=True, text="walk me through the renewal saga"))
    False
    """
    return bool(query.narrative and _LAPSE_NAMED.search(query.text))


def lapse_first(query, cands: list) -> list:
    """``cands`` with the best sentence telling a lapse (``tells_lapse``) among those down to ``LAPSE_SHARE`` of the
    best put first, when the question asks about an interim (``asks_interim``) and the best does not tell one."""
    if not cands or not asked_of_interim(query) or tells_lapse(cands[0].text):
        return cands
    floor = LAPSE_SHARE * cands[0].score
    lead = next((c for c in cands[1:] if c.score >= floor and c.passage.kind == "body" and tells_lapse(c.text)), None)
    return cands if lead is None else [lead] + [c for c in cands if c is not lead]


def lapse_told_with(query, chosen: list, cands: list):
    """The sentence right before or after the leading answer sentence in its article that also tells the lapse, when
    the question asks about an interim, or None. A writer tells an interim over two sentences (it expired; it was
    extended meanwhile), and a question about it ("how did it end up in limbo?") asks for both."""
    if not chosen or not asked_of_interim(query) or not tells_lapse(chosen[0].text):
        return None
    lead = chosen[0]
    nxt = next_of(lead, cands)
    prev = next((c for c in cands if next_of(c, cands) is lead), None)
    return next((c for c in (prev, nxt) if c is not None and c not in chosen and tells_lapse(c.text)), None)


def interim_pool(retriever, query, pool: list) -> list:
    """An interim question's passages that a second search, by the question's words and the words of a lapse
    (``LAPSE_WORDS``, in its vector too), ranks best and ``pool`` lacks. "How come its future was up in the air?" shares no word with
    "its term expired in May", and the passages restating the question's topic fill the pool before it."""
    # a yes/no claim that an act came promptly ("renewed right away?") is denied by a lapse its words miss too
    prompt = query.intent == "yes_no" and asks_prompt(query.text)
    if not (asked_of_interim(query) or story_of_lapse(query) or prompt):
        return []
    return retriever.search_beyond(pool, query, list(dict.fromkeys([*query.terms, *LAPSE_WORDS])), LAPSE_PASSAGES,
                                   hint=LAPSE_TEXT)
