"""How a sentence argues: the reasons it gives, the means it tells, the point it makes by correction.

Why-questions ask for a cause or a purpose, "how does it work?" for a means or an arrangement, "what is the
main point?" often for a correction ("not X but Y"). Each test reads one sentence, never a wording of the
corpus or of an eval question; each is unit-tested on made-up sentences (``tests/test_rules.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.spelling import zipf


# An infinitive of purpose: what an act is done for ("…screening to prevent leaks"); "to address" is one too, but
# only of a reason: "…guardrails to address concerns" names the worry, not the means (as a means: dev -1)
_PURPOSE_TO = r"to (?:prevent|protect|ensure|avoid|reduce|mitigate|limit|safeguard|counter)"
_REASON = re.compile(r"\b(because|due to|owing to|since|as a result|result(?:s|ed)? in|led to|lead to|leads to|so that|"
                     r"in order to|aims? to|aimed to|to address|" + _PURPOSE_TO + r"|fear(?:s|ing|ed)?|concerns?|"
                     # doubts and distrust are worries named as concerns are ("…has exacerbated doubts whether…");
                     # plural "doubts" only: "no doubt", "I doubt it" tell sureness, not a worry
                     r"worr(?:y|ies|ied)|doubts|(?:dis|mis)trust|threat|risks?|amid|given|"
                     r"driven by|fuell?ed by|"
                     # a verb making its subject the cause of what follows ("X prompted the review", "X sparked
                     # fears"), or of a worry it sharpened ("espionage efforts have heightened Washington's concerns")
                     r"(?:prompt|trigger|spark|caus)(?:ed|es|s)?|"
                     r"(?:heighten|rais|fuell?|stok|deepen|intensifi)(?:ed|es|s)?\s+(?:[\w’']+\s+){0,2}?"
                     r"(?:concerns?|fears?|worr(?:y|ies)|suspicions?|alarm)|"
                     # a participle after a comma giving the grounds of the act before it ("it was extended twice,
                     # reflecting both sides' wish to keep it"); "it reflects a compromise" tells what it shows
                     r"(?<=, )reflecting|"
                     # connectives of consequence and grounds ("thereby", "is rooted in"), and the counterfactual
                     # consequence "would have sent / lost": why something would be bad is what it would have done
                     r"thereby|hence|therefore|consequently|rooted in|stem(?:s|med)? from|would have(?= \w+(?:ed|en|t)\b)|"
                     r"reason|why|cast(?:igating)?|calling for|"
                     # a purpose named as such ("the goal was to…", "designed to preserve…", "seeks to maintain…";
                     # "while not seeking to…" names what was not wanted, not why it was done)
                     # and an argument named as one ("the core argument for keeping it is…")
                     r"(?:goals?|aims?|purposes?|objectives?)\s+(?:is|was|are|were|has been)|"
                     r"(?<!not )(?:seeks?|sought|seeking|intended|designed|meant) to|(?:argument|case|rationale) for)\b", re.I)
# Words naming a worry or a setting ("security concerns", "amid tensions") rather than linking a cause to its effect
# ...or naming a goal ("the goal was to…"): what an actor wanted, said of many acts, not linked to the one asked about
_TOPICAL = re.compile(r"\b(concerns?|worr(?:y|ies|ied)|doubts|(?:dis|mis)trust|threat|risks?|amid|given|cast(?:igating)?|calling for|"
                      r"(?:goals?|aims?|purposes?|objectives?)\s+(?:is|was|are|were|has been))\b", re.I)
WEAK_REASON = 0.5
# A sentence naming itself the argument for something or its grounds ("the case for keeping the ferry is rooted
# in…") is the answer to "why keep it?" however few of the question's words it holds: everyday wording ("why
# bother keeping…") shares none with "maintaining", and sentences giving incidental reasons ("…to protect X")
# otherwise outscore it on words (dev +2; 1.3: +1, 2.0: +2)
_STATED = re.compile(r"(?:argument|case|rationale) for|rooted in", re.I)
STATED_REASON = 1.5


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def gives_reason(text: str) -> bool:
    """Does a sentence state a cause or a purpose ("fearing espionage", "aims to prevent")?

    >>> gives_reason("This decision aims to prevent the transfer of sensitive technologies."), gives_reason("It was signed in 1979.")
    (True, False)
    """
    return bool(reason_cues(text))


# "since 1979", "since its signing decades ago": a time, not a cause; "is due to lapse": a schedule, not a cause
_SINCE_TIME = re.compile(r"\bsince\s+(?:(?:[\w'’\-]+\s+){0,7}?(?:\d{4}|ago)\b|then\b|(?:the\s+)?(?:start|beginning)\b)", re.I)
_DUE_SCHEDULE = re.compile(r"\b(?:is|are|was|were|be|been|'s|’s)\s+(?:\w+ly\s+)?due to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|"
                           r"her\b|this\b|that\b|these\b|those\b|our\b|my\b)[a-z]+(?<!s)(?<!ion)(?<!ity)(?<!ment)(?<!ing)\b", re.I)


def reason_cues(text: str) -> list[str]:
    """The words of a sentence that link a cause or a purpose to what it states, without the uses of "since"
    that tell a time and of "due to" that tell a schedule: neither says why.

    >>> reason_cues("The ferry stopped since the pier was unsafe."), reason_cues("Since it opened in 1950, the pier has grown.")
    (['since'], [])
    >>> reason_cues("The lease is due to expire again."), reason_cues("The lease was due to the storm.")
    ([], ['due to'])
    """
    skip = {m.start() for m in _SINCE_TIME.finditer(text)}
    skip |= {m.group(0).lower().rindex("due to") + m.start() for m in _DUE_SCHEDULE.finditer(text)}
    return [m.group(0) for m in _REASON.finditer(text) if m.start() not in skip]


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def reason_strength(text: str) -> float:
    """How surely a sentence gives a cause or a purpose: 1 for a word linking cause and effect ("because",
    "aims to prevent", "led to"), ``WEAK_REASON`` when it only names a worry or a setting ("amid security
    concerns"), which a text on a contested topic says of nearly everything, 0 for neither, and
    ``STATED_REASON`` when it names itself the argument for what it speaks of ("the case for X is…").

    >>> reason_strength("The dock closed because of the storm."), reason_strength("Amid concerns, the dock closed."), reason_strength("It closed.")
    (1.0, 0.5, 0.0)
    """
    cues = reason_cues(text)
    if not cues:
        return 0.0
    if any(_STATED.fullmatch(c) for c in cues):
        return STATED_REASON
    return WEAK_REASON if all(_TOPICAL.fullmatch(c) for c in cues) else 1.0


def names_argument(text: str) -> bool:
    """Does a sentence name itself the argument for something or its grounds ("the case for the ferry is…")? What
    a why-question asking what a thing is worth ("why is it worth keeping?") is answered by: the thing's worth,
    not an incidental cause ("…to protect X").

    >>> names_argument("The case for the ferry is rooted in isolation."), names_argument("It ran to protect trade.")
    (True, False)
    """
    return reason_strength(text) >= STATED_REASON


# A writer states a thesis by correcting a view: "not a race but a relay", "rather than X, Y", "instead".
# "Not only X but also Y" adds to X and corrects nothing, but "not just X, but Y" puts Y in X's place (dev -4
# when it is left out). A "but" opening a new clause ("not clear, but we…") concedes rather than corrects,
# so the "but" must go straight on to the replacing thing.
_NOT_BUT = re.compile(r"\bnot\s+(?!only\b)(?:[\w'’\-]+,?\s+){0,8}?but\s+(?!also\b|(?:i|we|you|he|she|it|they|this|"
                      r"that|there)\b)\w", re.I)
_RATHER = re.compile(r"\b(?:rather than|instead of|instead\b)", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def corrective_contrast(text: str) -> bool:
    """Does a sentence state its point by correcting another ("not X but Y", "rather than X", "instead")?

    >>> corrective_contrast("The ferry is not a luxury but a lifeline."), corrective_contrast("Rather than close it, they fixed it.")
    (True, True)
    >>> corrective_contrast("It is not only cheap but also fast."), corrective_contrast("It is not clear, but we will try.")
    (False, False)
    """
    return bool(_NOT_BUT.search(text) or _RATHER.search(text))


# Words linking an action to its means ("by pooling data", "through", "thereby cutting costs", "allowing boats
# to dock") or stating the arrangement something sets up ("sets the terms", "provides a framework", "serves as"):
# what "how does it work?" asks for, where a sentence of causes ("amid fears…") does not answer. An act named
# with its purpose ("inspections to prevent smuggling", ``_PURPOSE_TO``) is the means to that end: it answers
# "how can they stop smuggling?" though it holds none of the connectives above (dev +2, no loss).
_MEANS = re.compile(r"\b(?:by (?!the\b|a\b|an\b|\d)\w+ing|through|via|thereby|so that|in order to|allow(?:s|ing)?|"
                    r"enabl(?:e|es|ing)|sets?|provid(?:es|ing)|serves? as|establish(?:es|ing)?|" + _PURPOSE_TO + r")\b",
                    re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def gives_means(text: str) -> bool:
    """Does a sentence tell how something works or is done (its means or the arrangement it sets up)?

    >>> gives_means("The co-op works by pooling the catch."), gives_means("It sets the fees."), gives_means("It opened in 1979.")
    (True, True, False)
    """
    return bool(_MEANS.search(text))


# "how does it (actually) work?", "…if nobody is forced to?": an arrangement stated as a correction ("Instead, it is
# X that sets…") answers a view of its working (the one the question denies, or the reader's) more surely than any means
CORRECTION_TYPED = 1.5


def means_strength(text: str, working: bool = False) -> float:
    """How surely a sentence answers "how does it work?": 1 for a means, ``CORRECTION_TYPED`` for one put as a
    correction when the question asks how a thing works (``working``: ``whyask.asks_working``, or a premise denied,
    "…if nobody is forced to?", ``whyask.asks_means_despite``), not merely how it could help.

    >>> means_strength("Instead, it is a framework that sets the fees.", True), means_strength("It sets the fees.", True)
    (1.5, 1.0)
    >>> means_strength("Instead, it is a framework that sets the fees."), means_strength("Sailing is not a duty but a choice.", True)
    (1.0, 0.0)
    """
    if not gives_means(text):
        return 0.0
    return CORRECTION_TYPED if working and corrective_contrast(text) else 1.0


# What something depends on ("its success will depend on X", "hinges on", "rests on"): the condition a question
# asks for with "what will decide whether it works?" or "what does its success hinge on?"
_CONDITION = re.compile(r"\b(?:depend(?:s|ed|ing)?|hinge[sd]?|hinging|rel(?:y|ies|ied)|rest(?:s|ed)?|contingent|"
                        r"conditional)\s+(?:up)?on\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def states_condition(text: str) -> bool:
    """Does a sentence state what something depends on?

    >>> states_condition("Its success will depend on steady funding."), states_condition("It was signed in 1979.")
    (True, False)
    """
    return bool(_CONDITION.search(text))


# A change of course stated: "a shift away from X toward Y", "moved towards targeted ties", "no longer open", "a
# transition", "has increasingly scrutinised": general English for a turn, no topic word
_SHIFT = re.compile(r"\bshift(?:s|ed|ing)?\b|\bmov(?:e|es|ed|ing) (?:away|toward|towards)\b|\btransition(?:s|ed|ing)?\b|"
                    r"\bno longer\b|\bincreasingly\b|\bevolv(?:e|es|ed|ing) (?:from|into|toward|towards)\b|"
                    r"\bturn(?:s|ed|ing)? (?:away|toward|towards)\b", re.I)


def states_shift(text: str) -> bool:
    """Does a sentence say that something changed course ("the talks shifted from open exchange to guarded ties")?
    It answers where a matter is heading (``intent.asks_trend``), though it shares no word with "what's the direction
    of the port's ties lately?".

    >>> states_shift("The port has shifted from open trade toward guarded deals."), states_shift("The port trades fish.")
    (True, False)
    """
    return bool(_SHIFT.search(text))


# What states that something is confined to one thing: "focuses exclusively on X", "solely", "only X", "limited
# to X". "Not only X but also Y" adds rather than confines; a "narrowed focus on X" tells a change, not a bound.
_LIMIT = re.compile(r"\b(?:exclusively|solely|(?<!not )only|(?:limited|restricted|confined)\s+to)\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def states_limit(text: str) -> bool:
    """Does a sentence say what something is confined to?

    >>> states_limit("The lease covers cargo ferries exclusively."), states_limit("It is not only cheap but fast.")
    (True, False)
    """
    return bool(_LIMIT.search(text))


# What states how often something recurs: "every five years", "every other year", "annually", "once a year", "each
# year" (general English). "Five years" alone is a span, not a recurrence.
_RATE = re.compile(r"\b(?:every\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)|annually|yearly|biennially|"
                   r"(?:once|twice)\s+(?:a|per|each)\s+(?:year|month|week|day|decade)|each\s+year)\b", re.I)


@lru_cache(maxsize=65536)
def states_rate(text: str) -> bool:
    """Does a sentence say how often something recurs?

    >>> states_rate("The lease is renewed roughly every five years."), states_rate("The lease runs for five years.")
    (True, False)
    """
    return bool(_RATE.search(text))


# A word rarer than this in general English (wordfreq's Zipf scale: "compartmentalised" 1.6, "recalibration" 2.1,
# "geopolitical" 3.2, "safeguards" 3.4) is a coinage or a term of art: the word a question about someone's word asks for.
RARE_ZIPF = 2.0
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z\-]{5,}\b")  # names (capitalised) and short words are no coinage


@lru_cache(maxsize=65536)
def coins_word(text: str) -> bool:
    """Does a sentence use a word rare in general English (a coinage or a term of art)?

    >>> coins_word("The lease takes a compartmentalised approach."), coins_word("The lease takes a careful approach.")
    (True, False)
    """
    return any(zipf(w) < RARE_ZIPF for w in _LOWER_WORD.findall(text))


# A term set apart as a term (general English): a short phrase in double quotes ("de-risking", "targeted engagement"),
# one introduced as a name ("so-called X", "known as X", "dubbed X"), or a hyphenated coinage naming a doctrine or
# process ("techno-nationalism", "re-industrialisation"), which general word frequency does not flag as rare
_QUOTED_TERM = re.compile(r"[\"“]([A-Za-z][^\"”]{1,40})[\"”]")
_INTRODUCED = re.compile(r"\b(?:so-called|known\s+as|dubbed|termed|referred\s+to\s+as)\s+[\"“‘]?[A-Za-z]", re.I)
_COINED_COMPOUND = re.compile(r"\b[a-z]+-[a-z]+(?:ism|isation|ization)\b", re.I)
# ...or a glossary entry: a short capitalised label heading the sentence and closed by a colon ("Dual-Use Dilemma: the
# challenge of…"), the term the rest of the sentence defines
# (not a time or place set before a colon: "In May: the lease ran out")
_LABEL = re.compile(r"^(?!(?:In|On|At|By|For|As|From|To|With|After|Before|Since|Until|During)\b)"
                    r"(?:[A-Z][\w\-&.]*\s+){0,4}[A-Z][\w\-&.]*:\s")


@lru_cache(maxsize=65536)
def names_term(text: str) -> bool:
    """Does a sentence give a term for something: a rare word (``coins_word``), a short phrase in quotes, a phrase
    introduced as a name, or a hyphenated coinage? "What's the word for X?" is answered by the sentence giving it.

    >>> names_term('The plan embodies the "de-risking" of ties.'), names_term("A surge in port-nationalism followed.")
    (True, True)
    >>> names_term("Shared Berths: the practice of two ports leasing one pier."), names_term("In May: the lease ran out.")
    (True, False)
    >>> names_term("The plan is careful and well-timed."), names_term('He said "we will renew the lease when the board meets."')
    (False, False)
    """
    quoted = any(len(q.split()) <= 4 for q in _QUOTED_TERM.findall(text))
    return quoted or bool(_INTRODUCED.search(text) or _COINED_COMPOUND.search(text) or _LABEL.match(text)) \
        or coins_word(text)


# A sentence naming a difficulty: "the challenge of telling A from B", "a dilemma", "hard / difficult to", "a tension
# between / :", "a trade-off", "the obstacles to X" (general English; "global challenges" names problems, not a difficulty of doing something)
_DIFFICULTY = re.compile(r"\b(?:dilemmas?|(?:challenge|difficulty|problem)\s+of\s+\w+ing|(?:hard|difficult|tricky)\s+to|"
                         r"more\s+difficult|tensions?\s+between|trade-?offs?|"
                         # what stands in the way of something: "the obstacles / hurdles / barriers to the new lease"
                         r"(?:obstacles?|hurdles?|barriers?|impediments?|stumbling\s+blocks?)\s+to)\b|\btensions?:", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def names_difficulty(text: str) -> bool:
    """Does a sentence name what makes something hard?

    >>> names_difficulty("The challenge of telling cargo from contraband remains."), names_difficulty("Global challenges abound.")
    (True, False)
    """
    return bool(_DIFFICULTY.search(text))


# A sentence setting something apart: "was the first (major) lease", "is the only pier", "unprecedented", "a landmark"
# (not "during the first term": a rank in time said in passing, with no verb making it the thing's distinction; not
# "it was first signed in…": an adverb of time)
_DISTINCTION = re.compile(r"\b(?:is|was|are|were|became|remains?)\s+the\s+(?:first|only|earliest|sole)\b|"
                          r"\b(?:unique|unprecedented|landmark|milestone|pioneering|groundbreaking)\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def claims_distinction(text: str) -> bool:
    """Does a sentence say what sets something apart (the first or only one of its kind)?

    >>> claims_distinction("The lease was the first deal of its kind."), claims_distinction("It was renewed during the first term.")
    (True, False)
    >>> claims_distinction("The lease was first signed in 1990.")
    False
    """
    return bool(_DISTINCTION.search(text))


# A sentence telling a bad outcome that may come: "it risks splitting the port", "threatens to", "the danger of",
# "could lead to / end up", "at risk of" (a worry named as a noun, "security risks", tells no outcome)
_RISKED = re.compile(r"\b(?:risk(?:s|ed|ing)?\s+\w+ing|threaten(?:s|ed|ing)?\s+to|danger\s+of|at\s+risk\s+of|"
                     r"(?:could|might|may|would)\s+(?:\w+\s+)?(?:lead\s+to|result\s+in|end\s+up))\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def tells_risked(text: str) -> bool:
    """Does a sentence tell a bad outcome that something may bring about?

    >>> tells_risked("The plan risks splitting the port in two."), tells_risked("Security risks abound.")
    (True, False)
    """
    return bool(_RISKED.search(text))


# A word naming a worry ("fearing", "concerns", "wariness"), general English, then what is feared, two or more
# things joined by "and"/"or" before the clause ends: "concerns regarding IP theft and forced transfer",
# "fearing espionage or theft" (not "concerns that it could be exploited": a worry told, not worries named)
_WORRIES_NAMED = re.compile(r"\b(?:fear(?:s|ed|ing)?|concerns?|worr(?:y|ies|ied)|wariness|wary|anxiet(?:y|ies)|"
                            r"suspicions?)\s+(?:(?:about|over|regarding|around|of)\s+)?[^.;:]{0,70}?\b(?:and|or)\b", re.I)
# The nouns a question uses for the worries it asks for ("what are the big worries…", "the main risks…"); the
# tensions between two sides are named by what each fears of the other ("fearing espionage or theft")
WORRY_KINDS = {"worri", "concern", "fear", "risk", "danger", "threat", "tension"}


def names_worries(text: str) -> bool:
    """Does a sentence name what is feared, several things after a word of worry? For "what are the worries
    about X?" it is the list asked for, though it shares few of the question's words.

    >>> names_worries("Officials grew wary of smuggling, fraud and theft."), names_worries("Fears grew that it could fail.")
    (True, False)
    >>> names_worries("Ferries carry cars and bikes.")
    False
    """
    return bool(_WORRIES_NAMED.search(text))


# A sentence opening on a concession ("While a lapse might have done little at once, …", "Although X, …", "Even if X,
# …"): it grants a point and states what holds all the same, the form of an answer to a why-question that grants
# that point first ("if X wouldn't have done much, why did it matter?")
_CONCEDES = re.compile(r"^(?:while|although|though|even if|even though|granted(?: that)?)\s[^,;]{8,120},\s", re.I)


def concedes(text: str) -> bool:
    """Does a sentence open on a concession before stating what holds all the same?

    >>> concedes("While a closure might have done little at once, the crews warned it would hurt."), concedes("It closed.")
    (True, False)
    >>> concedes("While the pier was shut, the ferry ran twice.")
    True
    """
    return bool(_CONCEDES.match(text))
