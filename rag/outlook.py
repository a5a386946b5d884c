"""Comparisons of named articles on where a thing is headed: "how does the A piece's take on the deal's future
compare with B's?", "both talk about where the plan is heading - how do their takes differ?".

Such a question asks each writer's outlook, which a writer states as what may come ("it risks reinforcing rival
blocs, potentially reshaping…", "it is evolving into a precision tool", "its success will depend on…"). Matched on
its words, the outlook question found the sentences restating the shared topic ("the agreement received two
extensions") or naming the future as past ("its future became uncertain when…"), and each article's own outlook
ranked 10th–25th within it. Here each named article's sentences speaking of what may come follow its best match, the
more ways one does the higher (``OUTLOOK_BONUS`` for each kind of ``prospective`` marker).
General English only: the words asking for an outlook, the modals of the future, the verbs of a feared or hoped
course, the hedges of a forecast and the verbs of becoming.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.standing import asks_outlook

# Beside ``standing.asks_outlook``'s frames ("the outlook", "prospects", "what's next for"), a comparison asks where
# a thing is headed by naming its future anywhere ("A's take on the deal's future") or "where it is heading / going"
# (general English, no topic)
_HEADED = re.compile(r"\bfutures?\b|\bwhere\b[^?.;]{0,60}?\b(?:head(?:ed|ing|s)?|going|goes|lead(?:s|ing)?)\b", re.I)

# The kinds of saying what may come; a sentence holding more of them is more surely a forecast:
_MODAL = re.compile(r"\b(will|may|might|could|shall)\s+(?!to\b)[a-z]+", re.I)  # "will depend", not "the will to"
_SUBORDINATE = {"that", "which", "who", "if", "whether", "when", "what", "because", "unless"}  # "tech that could aid X"
_PERFECT = re.compile(r"\s+(?:not\s+)?have\s+\w+(?:ed|en|ad|one|ent|ought|own)\b", re.I)  # "might have had": a past, no forecast
_COURSE = re.compile(r"\b(?:risks?|threatens?|promises?)\s+\w+ing\b|\b(?:one|we|i)\s+hopes?\b|\bhopefully\b", re.I)
_HEDGE = re.compile(r"\bpotentially\b|\b(?:likely|poised|set|bound)\s+to\b|\bon\s+track\s+to\b|\bremains?\s+to\s+be\s+seen\b|"
                    r"\bgoing\s+forward\b|\bin\s+the\s+(?:years|decades|months)\s+(?:ahead|to\s+come)\b", re.I)
_BECOMING = re.compile(r"\b(?:is|are)\s+(?:now\s+|still\s+)?(?:evolving|turning|moving|heading|shifting|transforming)\b|"
                       r"\bin\s+a\s+state\s+of\s+(?:transformation|transition|flux)\b", re.I)
# an open outcome said of now: "hangs in the balance", "remains uncertain" (not "became uncertain", a past state)
_OPEN = re.compile(r"\bhang(?:s|ing)?\s+in\s+the\s+balance\b|\b(?:remains?|is|are|looks?|seems?)\s+(?:still\s+|very\s+|highly\s+)?"
                   r"(?:uncertain|unclear|in\s+doubt|up\s+in\s+the\s+air)\b", re.I)

OUTLOOK_BONUS = 0.5  # per kind of marker: a forecast leads the topic's restatements, which score ~0.7 on a shared word


def asks_heading(text: str) -> bool:
    """Does the question ask where a thing is headed?

    >>> asks_heading("how does the A piece's take on the plan's future compare with B's?")
    True
    >>> asks_heading("both talk about where the plan is heading - how do they differ?"), asks_heading("what's next for it?")
    (True, True)
    >>> asks_heading("how do A and B describe the new ferry fares?"), asks_heading("where was it signed?")
    (False, False)
    """
    return asks_outlook(text) or bool(_HEADED.search(text))


def _main_modal(text: str) -> bool:
    """A modal of the future in a main clause, not in one reporting a fear, a doubt or a condition or describing a
    noun ("the fear is that it could aid X", "doubts whether it will be shared", "tech that could aid X": a
    subordinator earlier in its clause), nor a past one ("a lapse might have had little impact").

    >>> _main_modal("Its success will depend on trust."), _main_modal("The fear is that the ferry could sink.")
    (True, False)
    >>> _main_modal("A lapse might have had little impact."), _main_modal("Yet, or will the town split?")
    (False, True)
    """
    for m in _MODAL.finditer(text):
        clause = re.split(r"[,;:]", text[:m.start()])[-1]
        if _PERFECT.match(text, m.end(1)) or _SUBORDINATE & set(re.findall(r"[a-z]+", clause.lower())):
            continue
        return True
    return False


def prospective(text: str) -> int:
    """How many kinds of saying what may come the sentence holds: a modal of the future in a main clause, a feared
    or hoped course ("risks reinforcing", "one hopes"), a forecast's hedge ("potentially", "likely to"), a
    becoming ("is evolving into", "in a state of transformation"), an outcome still open ("remains uncertain").

    >>> prospective("The plan risks splitting the towns, potentially ending the ferry.")
    2
    >>> prospective("Its success will depend on trust."), prospective("The plan is evolving into a tool.")
    (1, 1)
    >>> prospective("The route's fate hangs in the balance as its renewal remains uncertain.")
    1
    >>> prospective("The plan's future became uncertain in May."), prospective("It bans tools that could aid spying.")
    (0, 0)
    >>> prospective("Do they have the political will to sign?")
    0
    """
    return sum((_main_modal(text), bool(_COURSE.search(text)), bool(_HEDGE.search(text)), bool(_BECOMING.search(text)),
                bool(_OPEN.search(text))))


def outlook_first(query, cands: list) -> list:
    """Candidates rescored for a comparison of two or more named articles asking where the thing is headed: a body
    sentence ranks as if it gained ``OUTLOOK_BONUS`` for each kind of ``prospective`` marker it holds, and each
    article's best sentence as much as its best forecast, so it keeps its lead (it often tells where the thing stood
    as the writer wrote: "its future became uncertain when…", which the forecasts then follow). Each article keeps
    its scores, handed out in the new order; best first again. Any other question, or one with sides of its own
    ("X vs Y"), keeps its order.

    >>> from types import SimpleNamespace as S
    >>> from rag.evidence import Candidate
    >>> p = S(kind="body", doc_id="a")
    >>> c0 = Candidate(0, p, 0, 1, "The ferry's future became uncertain in May.", set(), score=0.8)
    >>> c1 = Candidate(0, p, 2, 3, "The ferry received two extensions.", set(), score=0.7)
    >>> c2 = Candidate(0, p, 4, 5, "It risks splitting the towns, potentially ending the route.", set(), score=0.3)
    >>> q = S(named_docs={"a", "b"}, sides=[], text="how do A and B see the ferry's future?")
    >>> [c.text[:12] for c in outlook_first(q, [c0, c1, c2])]
    ["The ferry's ", 'It risks spl', 'The ferry re']
    >>> [c.score for c in outlook_first(q, [c0, c1, c2])]  # the article's scores, in the new order
    [0.8, 0.7, 0.3]
    >>> outlook_first(S(named_docs={"a"}, sides=[], text=q.text), [c1, c2])[0] is c1  # one article: nothing to set apart
    True
    """
    if len(query.named_docs) < 2 or query.sides or not asks_heading(query.text):
        return cands
    gain = {id(c): OUTLOOK_BONUS * prospective(c.text) for c in cands if c.passage.kind == "body"}
    out = [c for c in cands if c.passage.kind != "body"]
    for doc in dict.fromkeys(c.doc_id for c in cands):
        mine = [c for c in cands if c.doc_id == doc and c.passage.kind == "body"]  # best first, as given
        if not mine:
            continue
        gain[id(mine[0])] = max(gain[id(c)] for c in mine)
        # The forecasts take the article's ranks, not higher scores: its scores stay as they were, so the bars
        # set by the best score (another article heard down to a share of it) are where they were.
        ranked = sorted(mine, key=lambda c: -(c.score + gain[id(c)]))
        out += [replace(c, score=s) for c, s in zip(ranked, sorted((c.score for c in mine), reverse=True))]
    return sorted(out, key=lambda c: -c.score)
