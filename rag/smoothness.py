"""Yes/no questions claiming an act went smoothly or on time, answered no by a heard sentence telling a delay.

"Was the lease renewed smoothly and on time?", "did it get renewed the moment it ran out?" assert more than the
act: that nothing came between. The sentence best holding the question's words tells the act done ("Finally, on
May 3, the port renewed the lease"), which reads as a yes; but the articles tell the wait elsewhere, in words the
question does not use ("the lease received two six-month extensions", "talks stalled for months"). Such a sentence,
heard near the evidence, contradicts the claim of promptness: the answer is no, told with the delay and the act.
General English only: words of promptness or ease, and words of delay, stopgaps and lapses.
"""

from __future__ import annotations

import re

from rag.neighbours import fresh, next_of

# "in time" as a deadline met, not a direction or a point of time ("backwards in time", "at that point in time")
_IN_TIME = r"(?<!point )(?<!moment )(?<!back )(?<!backwards )(?<!forward )(?<!forwards )in\s+time"
# a claim that an act came promptly or without trouble: "smoothly", "on time", "right away", "the moment it expired",
# "without a hitch / any delay" (general English; "quickly" and "easily" are left out: "did ties quickly sour?"
# claims speed of a change, not that an act came when due)
_PROMPT_ASK = re.compile(
    r"\b(?:smooth(?:ly)?|seamless(?:ly)?|hitch[- ]free|trouble[- ]free|uninterrupted(?:ly)?|promptly|instantly|"
    r"immediately|right\s+away|straight\s*away|at\s+once|on\s+(?:time|schedule)|" + _IN_TIME + r"|"
    r"without\s+(?:a|any)\s+(?:hitch|hiccup|glitch|delay|gap|break|pause|interruption|lapse|problem|trouble|issue)s?|"
    r"without\s+(?:delay|interruption|problems|trouble)|"
    r"the\s+(?:moment|minute|instant|second|day)\s+(?:it|they|that|the)\b|as\s+soon\s+as)\b", re.I)
# a sentence telling a wait before the act: a stopgap that bridged it, a lapse, a delay, drawn-out talks
# (not "expired" alone: a term running out says nothing of whether its renewal came at once)
_DELAY_WORDS = (r"(?:extensions?|extended\s+(?:for|by|until|till|through)|laps(?:e|ed|es|ing)|stop-?gaps?|"
                r"delay(?:s|ed)?|postpon(?:e|ed|ement)|stall(?:s|ed)?|dragg?(?:ed|ing)\s+(?:on|out)|protracted|prolonged|"
                r"behind\s+schedule|"
                # talks that took long: "after months of talks", "after extensive negotiations"
                r"after\s+(?:\w+\s+)?(?:months|years|weeks)\s+of|"
                r"(?:extensive|lengthy|long|drawn-out)\s+(?:talks|negotiations|wrangling))")
_DELAY = re.compile(r"\b" + _DELAY_WORDS + r"\b", re.I)
# "renewed without delay", "no extension was needed": a delay word denied tells no delay
_NO_DELAY = re.compile(r"(?:\b(?:without|no|not|never)|n't)\s+(?:\w+\s+){0,2}?" + _DELAY_WORDS + r"\b", re.I)
# what may, will or should be ("it may get another extension") is no wait that happened; nor is a question about
# what will be ("will it be renewed on time?"), which a past delay does not answer
_NOT_FACT = re.compile(r"\b(?:may|might|could|would|will|should|can|going\s+to)\b", re.I)
# an act asked as done ("did it…", "was it…", "has it…"): "does cooperation run smoothly?" claims a state that
# holds, which a stopgap on the way to one renewal does not deny
_PAST = re.compile(r"\b(?:did|was|were|has|have|had|got|gotten)\b", re.I)
DELAY_SHARE = 0.5  # a sentence telling a delay is heard down to this share of the best (as a lapse: ``rag.lapse``)


def asks_prompt(question: str) -> bool:
    """Does a yes/no question claim an act came promptly or smoothly, of what was (not of what is or will be)?

    >>> asks_prompt("was the lease renewed smoothly and on time?"), asks_prompt("did it end the moment it ran out?")
    (True, True)
    >>> asks_prompt("was the lease renewed in May?"), asks_prompt("will it be renewed on time?")
    (False, False)
    >>> asks_prompt("does work under the lease run smoothly?")
    False
    """
    return bool(_PROMPT_ASK.search(question)) and bool(_PAST.search(question)) and not _NOT_FACT.search(question)


def tells_delay(text: str) -> bool:
    """Does a sentence tell a wait that happened: a stopgap, a lapse, a delay (not one that may come, nor one denied)?

    >>> tells_delay("The lease received two six-month extensions."), tells_delay("Talks stalled for months.")
    (True, True)
    >>> tells_delay("It may get another extension."), tells_delay("It was renewed without delay.")
    (False, False)
    >>> tells_delay("Its term expired in May.")
    False
    """
    return bool(_DELAY.search(text)) and not _NO_DELAY.search(text) and not _NOT_FACT.search(text)


def delay_denies(question: str, best, cands: list, named=frozenset()) -> list | None:
    """The sentences answering no to a claim of promptness: the heard sentence telling a delay (down to
    ``DELAY_SHARE`` of the best score; of the evidence's article first, which tells the asked act) and the
    evidence, in the article's order; or None when the question claims no promptness or no delay is heard.

    WHY: a delay in another article but not the evidence's, sharing no word with the question, may be another
    act's ("the talks on fisheries stalled"); the evidence's own article telling a wait speaks of the act it tells.
    """
    if not cands or not asks_prompt(question):
        return None
    if tells_delay(best.text):  # the evidence itself tells the wait
        return [best]
    floor = DELAY_SHARE * cands[0].score
    heard = [c for c in cands if c is not best and c.score >= floor and c.passage.kind == "body"
             and (not named or c.doc_id in named) and (c.doc_id == best.doc_id or c.overlap > 0)
             and tells_delay(c.text)]
    if not heard:
        return None
    delay = max(heard, key=lambda c: (c.doc_id == best.doc_id, c.score))
    partner = told_beside(delay, best, cands)
    return sorted([delay, partner], key=lambda c: c.abs_key) if partner.doc_id == delay.doc_id else [delay, partner]


def told_beside(delay, best, cands: list):
    """The sentence to show beside the delay: the evidence when it sits right next to it ("its term expired in May.
    It received two extensions."), else the sentence right after the delay when it holds a word of the question and
    tells what came of the wait ("Finally, on May 3, it was renewed"; not what only may be), else the evidence.

    WHY: the evidence may be a sentence about the act's content ("the renewed lease covers barges"), which says
    nothing of its timing; the sentence after a stopgap usually tells the act that ended the wait.
    """
    if next_of(best, cands) is delay or next_of(delay, cands) is best:
        return best
    nxt = next_of(delay, cands)
    if nxt is not None and nxt.overlap > 0 and fresh(nxt, [delay]) and not _NOT_FACT.search(nxt.text):
        return nxt
    return best
