"""What a why- or how-question asks: a cause or purpose, a means, a difficulty, or what something is good for.

Moved out of ``rag.intent`` (which reads the question's overall shape); these read finer shades of the
why-shaped questions, once per candidate sentence, so they are cached.

>>> asks_cause("what prompted the ban"), asks_means("how does the co-op work?")
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import stem

# "what were they trying to achieve", "what is the deal meant to accomplish", "what was the aim of the change":
# asks for a purpose, which a why-question's answer gives ("the goal was to…", "designed to…")
PURPOSE_ASK = (r"\b(?:trying|try|tries|tried|hop(?:e|es|ed|ing)|meant|supposed|intended|designed|aim(?:s|ed|ing)?|"
               r"seek(?:s|ing)?|sought|want(?:s|ed)?)\s+to\s+(?:achieve|accomplish|gain|get out of)\b|"
               r"\bwhat(?:'s| is| was| were| are) (?:the |their |its |his |her )?(?:main |real |end )?"
               r"(?:goal|aim|objective)\b")
# "what made / prompted / is behind X": asks for a cause, like "why"; so does a purpose asked for
CAUSE_ASK = (r"\bwhat(?:'s| is| was| has| have)? (?:led|caused|causes|drove|drives|driving|motivated|made|makes|"
             r"prompted|prompts|triggered|triggers|pushed|pushes|behind|spurred|sparked)\b|" + PURPOSE_ASK)


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one question
def asks_cause(q: str) -> bool:
    """Does a why-question ask for a cause or a purpose, not for how something works or went?

    "Why did the port close?", "what prompted the ban?" want a reason; "how are the permits issued?",
    "how did the talks go?" want the working or the course of events, which a sentence of reasons
    ("amid fears of…") does not give.

    >>> asks_cause("why did the port close?"), asks_cause("what prompted the ban"), asks_cause("how are the permits issued?")
    (True, True, False)
    """
    ql = q.lower()
    if WORTH_ASK.search(ql):
        return False  # "why would islanders care about the timetable?" asks what it is good for, not what caused it
    return bool(re.search(r"\bwhy\b|\bhow come\b|\breasons?\b|(?<!\bon )\bpurpose\b|\bmotive|" + CAUSE_ASK, ql))


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one question
def asks_means(q: str) -> bool:
    """Does a how-question ask how something works or is meant to work (its means, its arrangement)?

    "How does the co-op work?", "how could the fund help?" do; "how did the talks go?", "how has it changed?"
    ask for a course of events, "how will we know…?" for a sign, and "how does that square / fit with…?" for a
    comparison.

    >>> asks_means("how does the co-op work?"), asks_means("how did the talks go?"), asks_means("how does that fit with the plan?")
    (True, False, False)
    """
    ql = q.lower()
    return bool(re.search(r"\bhow (?:does|do|is|are|can|could|would)\b", ql)) and not FIT_ASK.search(ql)


# "how does X (actually) work?", "how is X supposed to work?": "work" is the asked frame (its working), not a topic a
# sentence must name; kept as a term it drew "by working together…" over the sentence telling the arrangement. Not
# "work together / with / on" (collaboration, a topic) nor "working" ("how will we know if it's working?": a sign).
WORKING_ASK = re.compile(r"\bhow (?:does|do|is|are|can|could|would|will|did) (?:\S+ ){1,8}?(?:(?:actually|really|even|"
                         r"exactly|supposed to|meant to|going to|intended to) )*works?\b(?! together| with| alongside| on\b)")


@lru_cache(maxsize=4096)
def asks_working(q: str) -> bool:
    """Does a how-question ask how something works, "work" being its frame verb rather than a topic?

    >>> asks_working("how does the pact actually work if nobody is forced?"), asks_working("how is the plan supposed to work?")
    (True, True)
    >>> asks_working("how can they keep working with labs?"), asks_working("how does it let scientists work together?")
    (False, False)
    """
    return bool(WORKING_ASK.search(q.lower()))


_WORK = stem("work")


def without_working(ts: list[str], intent: str, q: str) -> list[str]:
    """A how-question's terms without its frame verb "work" (``asks_working``), unless it is the only term.

    >>> without_working(["pact", "work"], "why", "how does the pact work?"), without_working(["work"], "why", "how does it work?")
    (['pact'], ['work'])
    >>> without_working(["lab", "work"], "why", "how do the labs work together?")
    ['lab', 'work']
    """
    return [t for t in ts if not (t == _WORK and intent == "why" and asks_working(q))] or ts


# "how does it work if nobody is forced to?", "if it doesn't make anyone…, how does it work?": a how-question under a
# denied premise; the sentence correcting that view ("Instead, it is…", "not X but Y") tells the working asked about
DENIED_PREMISE = re.compile(r"\b(?:if|when|since|though|although|given|while)\b[^?.,;]{0,40}?(?:n't|\bnot\b|\bno one\b|"
                            r"\bnobody\b|\bnever\b|\bno\b|\bwithout\b)")


@lru_cache(maxsize=4096)
def asks_means_despite(q: str) -> bool:
    """Does a how-question ask how something works although something is denied of it?

    >>> asks_means_despite("how does it work if nobody is forced to join?"), asks_means_despite("how does it work day to day?")
    (True, False)
    >>> asks_means_despite("if it doesn't force anyone, how does it work?"), asks_means_despite("why did it fail if nobody objected?")
    (True, False)
    """
    ql = q.lower()
    return asks_means(ql) and bool(DENIED_PREMISE.search(ql))


# "since it doesn't force anyone, what sort of deal is it really?", "if it's not a treaty, what is it then?": the nature
# of a thing asked under a denied premise; the sentence correcting that view ("Instead, it is a framework…", "not X but
# Y") tells what it is, where sentences sharing the question's words ("force", "cooperate") restate the premise
KIND_ASK = re.compile(r"\bwhat (?:(?:sort|kind|type) of (?:\w+ ){0,2}?(?:is|was|are) (?:it|this|that|they|the \w+)|"
                      r"(?:is|was) (?:it|this|that) (?:then|really|actually|exactly|instead))\b")


@lru_cache(maxsize=4096)
def asks_kind_despite(q: str) -> bool:
    """Does a question ask what a thing is although something is denied of it?

    >>> asks_kind_despite("since it doesn't force anyone, what sort of deal is it really?")
    True
    >>> asks_kind_despite("if no one has to take part, what kind of arrangement is the pact?")
    True
    >>> asks_kind_despite("what sort of deal is it?"), asks_kind_despite("if nobody objected, when was it signed?")
    (False, False)
    """
    ql = q.lower()
    return bool(KIND_ASK.search(ql)) and bool(DENIED_PREMISE.search(ql))


FIT_ASK = re.compile(r"\b(?:square|squares|fit|fits|compare|compares|match|matches|stack|stacks) (?:up|with|to|against)\b")


# "why is it so hard to tell…?", "why is X difficult to square with Y?": a why-question about a difficulty
# "how come" asks why as "why" does (``asks_cause``): "how come renewing it turned into such a fight?"
_WHY_WORD = r"\b(?:why|how come)\b"
HARD_ASK = re.compile(_WHY_WORD + r".{0,40}\b(?:hard|harder|difficult|tricky|tough|complicated|thorny|"
                      # "why is X such a headache / so much of a problem?": a noun of difficulty said of X (general English)
                      r"(?:such|so much of) an? (?:\w+ )?(?:headache|problem|pain|nightmare|challenge|mess|minefield|dilemma|"
                      r"puzzle|sticking point))\b", re.I)
# "why did it drag on / take so long / stall?": a delay is asked about, and what held it up (the obstacles) is why
DELAY_ASK = re.compile(_WHY_WORD + r".{0,40}\b(?:drag(?:s|ged|ging)? on|(?:take|takes|took|taking) so long|"
                        r"stall(?:s|ed)?|delay(?:s|ed)?|held up|hold(?:ing)? up|"
                        # ...or a long contest: "why did it turn into such a drawn out fight / a slog / a battle?"
                        r"drawn[- ]out|protracted|long[- ]winded|(?:a|such a|so much of a)\s+(?:\w+\s+){0,2}?"
                        r"(?:fight|struggle|battle|slog|saga|tussle))\b", re.I)


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one why-question
def asks_difficulty(q: str) -> bool:
    """Does a why-question ask why something is hard, or why it dragged on (``DELAY_ASK``)? The sentence naming
    the difficulty or the obstacles answers it ("the challenge of telling A from B", "the obstacles to X are
    significant given…"), as a sentence linking a cause does.

    >>> asks_difficulty("why is it so hard to tell which boats are safe?"), asks_difficulty("why did the port close?")
    (True, False)
    >>> asks_difficulty("why did the lease turn into such a long fight?"), asks_difficulty("why did they fight?")
    (True, False)
    """
    return bool(HARD_ASK.search(q) or DELAY_ASK.search(q))


WORTH_ASK = re.compile(r"\bwhy (?:should|would|does|do|did|is|it)\b.{0,60}\b(?:care|cares|matters?|mattered|important|worth)\b")


def asks_worth(q: str) -> bool:
    """Does a why-question ask what something is good for ("why should anyone care…", "why is it worth keeping?")?

    >>> asks_worth("why is the ferry still worth keeping?"), asks_worth("why did the ferry stop?")
    (True, False)
    """
    return bool(WORTH_ASK.search(q.lower()))
