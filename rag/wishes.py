"""A named article's wish set against what happened: "the harbour piece wanted night ferries - how does that square
with what the plan did?", "how does what the dock column hoped for compare with what the deal ended up with?".

Such a question compares two accounts, not two named sides: what the one article wished for or expected (told in it)
and what was actually done (told mostly by the other articles, written after). ``rag.query`` reads the shape
(``asks_wish_outcome``, ``Query.wish``) and makes it a comparison; ``rag.compare`` answers it by the named article's
best sentence beside the best sentence of another article (``wish_and_outcome``); the verbs of wishing frame the
question and match no sentence (``wish_terms``). An article named only in a statement setting the scene of a
question that points back at it ("The harbour piece hoped for X. Is that what the plan did?") is heard beside the
others, not alone (``named_in_scene``).
"""

from __future__ import annotations

import re

from dataclasses import replace

from rag.asked import points_back, scene_of
from rag.neighbours import fresh
from rag.text import terms

# Verbs by which a writer states a wish, an expectation or a stance about what was to come (general English)
_WISH = re.compile(r"\b(?:want(?:s|ed|ing)?|hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|expect(?:s|ed|ing)?|"
                   r"(?:push|press|call|argue|ask|lobby)(?:s|es|ed|d|ing)?\s+for|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|"
                   r"propos(?:e|es|ed|ing)|predict(?:s|ed|ing)?|foresaw|foresee(?:s|n)?|envision(?:s|ed)?|"
                   r"anticipat(?:e|es|ed|ing)|sound(?:s|ed)?|seem(?:s|ed)?)\b")
# What was actually done: "what the (new) deal did", "what actually happened", "what it ended up with", "the final
# deal", "in the end", "turned out" (general English of outcome, no topic)
_OUTCOME = re.compile(r"\bwhat\s+(?:actually\s+|really\s+|then\s+)?happened\b|\bwhat\s+(?:the|it|they)\b(?:\s+[\w'-]+){0,3}?"
                      r"\s+(?:did|does|do|got|gets|became|delivered|contains?|includes?|ended\s+up|turned\s+out)\b|"
                      r"\b(?:actual(?:ly)?|final|ended\s+up|end\s+up|turned\s+out|in\s+the\s+end|eventually)\b")
# Between the wish and the outcome, the question turns from one to the other: a clause break, a word setting one
# thing against another ("compare", "square with", "but") or a question pointing back ("is that what…")
_TURN = re.compile(r"[,;.?!—–]|\s-{1,2}\s|\b(?:compare[sd]?|comparison|square[sd]?|match(?:es|ed)?|stack(?:s|ed)?\s+up|"
                   r"line[sd]?\s+up|differ(?:s|ed)?|versus|vs|against|but)\b")


# A sentence stating what should or could be, a writer's wish or expectation ("fully preserving it will require…", "a
# renewed pact could include…", "it would be a mistake to…", "one hopes…"): general English modals of need and hope
_PRESCRIBES = re.compile(r"\b(?:should|must|ought to|needs? to|will|would|could|might|may|"
                         r"hopes?|hopefully)\b", re.I)


def prescribes(text: str) -> bool:
    """Does a sentence state what should, could or may be, not what is or was done?

    >>> prescribes("Keeping the ferry will require a new pier."), prescribes("The council renewed the ferry lease.")
    (True, False)
    """
    return bool(_PRESCRIBES.search(text))


def wished_thing(text: str) -> str:
    """What the question says was wished, between the verb of wishing and the turn to what was done ("joint work on
    AI"), or "" when it leaves the wish unsaid ("how does what the writer hoped for compare with…").

    >>> wished_thing("the port piece wanted night ferries - how does that square with what the plan did?")
    'night ferries'
    >>> wished_thing("how does what the port writer hoped for compare with what the plan did?")
    ''
    """
    low = text.lower().replace("’", "'")
    wish = _WISH.search(low)
    turn = _TURN.search(low, wish.end()) if wish else None
    said = low[wish.end():turn.start()] if turn else ""
    return " ".join(w for w in said.split() if w not in ("for", "to", "that", "the", "a", "an"))


def asks_wish_outcome(text: str) -> bool:
    """Does the question set a wish or an expectation against what was actually done, the turn from one to the other
    told between them?

    >>> asks_wish_outcome("the port piece wanted night ferries - how does that square with what the plan did?")
    True
    >>> asks_wish_outcome("how does what the dock writer hoped for compare with what the plan ended up with")
    True
    >>> asks_wish_outcome("the port piece sounded unsure about the plan, how does that compare to what actually happened")
    True
    >>> asks_wish_outcome("what's the port article hoping for in the end?")  # the end of the wish, nothing done
    False
    >>> asks_wish_outcome("what did the port piece want?"), asks_wish_outcome("what did the final plan do?")
    (False, False)
    """
    low = text.lower().replace("’", "'")
    wish = _WISH.search(low)
    if not wish:
        return False
    done = _OUTCOME.search(low, wish.end())
    return bool(done) and bool(_TURN.search(low[wish.end():done.start()]))


def as_wished(intent: str, named: set, about: bool, text: str) -> tuple[str, bool]:
    """The question's intent and whether it sets one named article's wish against what was done (then a comparison):
    an overview or a comparison so read ("how does that square with…" reads as an overview); a yes/no question keeps
    its verdict, read from what was done (``wish_verdict``); a why-question asks the reason for what was done.

    >>> as_wished("overview", {"port"}, False, "the port piece wanted ferries - how does that square with what the plan did?")
    ('compare', True)
    >>> as_wished("yes_no", {"port"}, False, "the port piece wanted ferries. did the final plan do that?")
    ('yes_no', True)
    """
    wish = len(named) == 1 and not about and intent in ("overview", "compare", "yes_no") and asks_wish_outcome(text)
    return ("compare" if wish and intent != "yes_no" else intent), wish


def wish_terms(text: str, ts) -> set[str]:
    """The terms of ``ts`` that only say the writer wished or expected ("wanted", "hoped for"): they frame the
    comparison, and a sentence holding them ("one hopes the renewal…") says nothing of the wish asked about.

    >>> sorted(wish_terms("the port piece wanted night ferries - how does that square?", ["port", "want", "night"]))
    ['want']
    """
    said = {t for m in _WISH.finditer(text.lower()) for t in terms(m.group(0))}
    return {t for t in ts if t in said}


def wish_and_outcome(query, cands: list, share: float, ratio: float) -> tuple[list, list] | None:
    """The named article's best sentence (the wish), and its second when as good, beside the best sentence of
    another article (what was done), as far down as a named article is heard (``share`` of the best; the second
    wished sentence at ``ratio`` of the first); None when the question
    is no such comparison or no other article speaks to it. Read article by article, the named article's sentences
    (which gain for its name) fill the answer and the other side is never heard."""
    if not getattr(query, "wish", False) or len(query.named_docs) != 1 or not cands:
        return None
    body = [c for c in cands if c.passage.kind == "body"]
    own = [c for c in body if c.doc_id in query.named_docs]
    bar = share * cands[0].score
    other = [c for c in body if c.doc_id not in query.named_docs and c.score >= bar]
    if not own or not other:
        return None
    if not wished_thing(query.text):  # "what the writer hoped for": the sentences where it states a wish
        own = sorted(own, key=lambda c: not prescribes(c.text))
    wished = [own[0]] + [c for c in own[1:2] if c.score >= ratio * own[0].score and fresh(c, own[:1])]
    # what was done about the wished thing: a sentence stating a fact, not another wish ("one hopes the renewal…"),
    # and one sharing a question term with the wish first ("AI" in "joint work on AI" and in "excluding AI"), not
    # one matching only the words of outcome ("the new deal")
    topic = set(query.terms) & wished[0].terms
    done = [c for c in sorted(other, key=lambda c: (prescribes(c.text), not (c.terms & topic)))[:1] if fresh(c, wished)]
    return wished + done, ["wish"] * len(wished) + ["outcome"] * len(done)


def wish_verdict(query, cands: list, pick) -> tuple | None:
    """A yes/no question setting the named article's wish against what was done ("The port piece hoped for ferries.
    Is that what the plan ended up doing?"): the verdict ``pick`` reads from the other articles' sentences, for the
    wisher tells what it hoped, not what was done ("could accelerate X" is no "yes"), and then the named article's
    best sentence, the wish. None for other questions, or when either side has no sentence."""
    if not getattr(query, "wish", False) or query.intent != "yes_no":
        return None
    other = [c for c in cands if c.doc_id not in query.named_docs]
    own = [c for c in cands if c.doc_id in query.named_docs and c.passage.kind == "body"]
    if not other or not own:
        return None
    other = [c for c in other if not prescribes(c.text)] or other  # another's wish ("one hopes…") tells no deed
    chosen, why, opening, disagree = pick(replace(query, named_docs=set(), scene_named=False), other)
    wish = [c for c in own[:1] if fresh(c, chosen)]
    return chosen + wish, why + ["wish"] * len(wish), opening, disagree


def named_in_scene(text: str, referenced) -> bool:
    """Is the article a question names named only in the statement that sets its scene, the question proper pointing
    back at what that statement told ("The harbour piece hoped for ferries. Is that what the plan did?")? The
    question then sets that article's claim against what happened, which the other articles tell: the article is
    heard, not the only one heard.

    >>> named_in_scene("The port piece hoped for ferries. Is that what the plan did?", lambda s: {"port"} if "port" in s else set())
    True
    >>> named_in_scene("The plan hoped for ferries. What does the port piece say?", lambda s: {"port"} if "port" in s else set())
    False
    """
    scene = scene_of(text)
    asked = text.strip()[len(scene):]
    return bool(scene) and bool(referenced(scene)) and not referenced(asked) and points_back(asked)
