"""Conflicting details: a yes/no question asserting a detail of an act that the evidence states otherwise.

"Was the pier built in 1985?" over "The pier was built in 1962." is a no, though nothing in the sentence
is negated. The question asserts a detail of an act (its year or number, who did it, what it came before
or after, from when it held); a sentence telling of the same act with another such detail answers no:

- value: another year or number ("built in 1985?" / "built in 1962");
- agent: other people ("signed by Ann Berg?" / "signed in 1990 by Mayor Tor Lund");
- order: the other side of the same event ("built before the war?" / "built after the war");
- onset: "only from" a time, where the act reached back ("paid only from the day it was signed?" / "paid
  retroactively");
- place: another named place ("signed in Bergen?" / "signed in Oslo after long talks").

The act is the question's word right before the detail ("built", "signed", "effect"); a sentence tells of
the same act when it holds a word of the same stem ("signing" for "signed").
"""

from __future__ import annotations

import re

from rag.months import other_month

from rag.persons import ROLES, names_person
from rag.rules import MONTH, PERSON_NOUNS
from rag.text import STOPWORDS, stem, terms

_WORD_NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
                 "forty": "40", "fifty": "50", "hundred": "100", "single": "1"}  # "one" is left out: "the CSIS one"


# "a decade", "four decades", "a whole decade": a count of decades, which English also gives in years
_DECADES = re.compile(r"\b(an?|\d+|[a-z]+)\s+(?:whole\s+|full\s+|single\s+)?decades?\b", re.I)


def decade_years(text: str) -> tuple[set[str], set[str]]:
    """(counts of decades stated, the same spans in years): "a whole decade" is 10 years, "four decades" 40.

    A question asking "extended for a whole decade?" states a number though it holds no numeral, and
    "four decades" and "40 years" are one span; so a count of decades is compared as years.

    >>> decade_years("extended for a whole decade"), decade_years("over four decades ago")
    (({'1'}, {'10'}), ({'4'}, {'40'}))
    >>> decade_years("in recent decades")
    (set(), set())
    """
    counts, years = set(), set()
    for m in _DECADES.finditer(text):
        w = m.group(1).lower()
        n = "1" if w in ("a", "an") else w if w.isdigit() else _WORD_NUMBERS.get(w)
        if n:
            counts.add(n)
            years.add(str(int(n) * 10))
    return counts, years


def stated_values(text: str) -> set[str]:
    """Numbers a text states, in digits or words ("ten years" -> 10); a count of decades as years.

    >>> sorted(stated_values("leased for ten years in 2031")), stated_values("the harbour one")
    (['10', '2031'], set())
    >>> stated_values("leased for a decade"), stated_values("four decades ago")
    ({'10'}, {'40'})
    """
    vals = set(re.findall(r"\b\d[\d,.]*\b", text))
    vals |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _WORD_NUMBERS}
    counts, years = decade_years(text)
    return (vals - counts) | years


def years_in(text: str) -> set[str]:
    """Years and decades a text states ("1979", "1990s").

    >>> sorted(years_in("built in 1962, rebuilt in the 1990s, for 5 years"))
    ['1962', '1990s']
    """
    return set(re.findall(r"\b(?:1[89]|20)\d\d(?:s\b|\b)", text)) | short_decades(text)


# "the 90s", "the late '70s", "the nineties": a decade said without its century. Only after "the" (with an optional
# early/mid/late), so an age ("in her 90s") is not read as a decade; tens up to "20s" are taken as this century
_TENS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6", "seventies": "7",
         "eighties": "8", "nineties": "9"}
_SHORT_DECADE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:['\u2019]?(\d)0s\b|(%s)\b)" % "|".join(_TENS), re.I)


def short_decades(text: str) -> set[str]:
    """Decades said without their century, as full decades ("the 90s", "the late seventies" -> "1990s", "1970s").

    WHY: "was it signed in the 90s?" asks about a decade as surely as "in the 1990s?"; unread, a sentence giving
    another year ("signed in 1979") settles nothing and the question is read as a yes.

    >>> sorted(short_decades("signed in the late '70s, renewed in the nineties")), short_decades("in her 90s")
    (['1970s', '1990s'], set())
    >>> short_decades("back in the 00s")
    {'2000s'}
    """
    found = set()
    for m in _SHORT_DECADE.finditer(text):
        ten = m.group(1) or _TENS[m.group(2).lower()]
        found.add(("20" if ten in "012" else "19") + ten + "0s")
    return found


def same_year(a: str, b: str) -> bool:
    """Two years agree, or a year falls in a decade ("1995" in "1990s")."""
    if a.endswith("s") or b.endswith("s"):
        return a[:3] == b[:3]
    return a == b


# A year the question sets as a bound ("before 1980"), with the test a stated year must pass to keep within it
_BOUNDS = {"before": lambda s, q: s < q, "prior to": lambda s, q: s < q, "by": lambda s, q: s <= q,
           "until": lambda s, q: s <= q, "after": lambda s, q: s > q, "since": lambda s, q: s >= q}
_BOUND = re.compile(r"\b(%s)\s+(?:the\s+)?((?:1[89]|20)\d\d)\b(?!s)" % "|".join(_BOUNDS), re.I)


def conflicting_value(question: str, text: str) -> bool:
    """The question states a year or number that the sentence replaces with another one.

    A year the question sets as a bound ("signed before 1980?") is kept by any stated year within it.

    >>> conflicting_value("Was the pier built in 1985?", "The pier was built in 1962."), conflicting_value("Was it built in 1962?", "Built in 1962.")
    (True, False)
    >>> conflicting_value("was the lease for ten years?", "leased for another five years")
    True
    >>> conflicting_value("Was it built in the 1990s?", "Built in 1962."), conflicting_value("Did the 2031 lease start early?", "On May 3 it began.")
    (True, False)
    >>> conflicting_value("Was it built before 1970?", "Built in 1962."), conflicting_value("Was it built after 1970?", "Built in 1962.")
    (False, True)
    >>> conflicting_value("Was it built before 1970?", "Built in the 1960s.")
    False
    """
    q_years, s_years = years_in(question), years_in(text)
    bounds = [(_BOUNDS[m.group(1).lower()], int(m.group(2))) for m in _BOUND.finditer(question)]
    exact = [int(s) for s in s_years if not s.endswith("s")]  # a decade ("the 1960s") straddles a bound
    if bounds and exact and not any(all(ok(s, y) for ok, y in bounds) for s in exact):
        return True  # "built after 1970?" vs "built in 1962"
    q_years -= {str(y) for _, y in bounds}
    if q_years and s_years and not any(same_year(a, b) for a in q_years for b in s_years):
        return True  # "built in the 1990s?" vs "built in 1962"
    q_vals, s_vals = (stated_values(question) | only_one(question)) - years_in(question), stated_values(text) - s_years
    if few_asserted(question) and any(_number(v) >= MANY for v in s_vals):
        return True  # "only a handful of berths?" vs "nearly 100 berths"
    return bool(q_vals) and bool(s_vals) and not (q_vals & s_vals)  # a year is no count: "the 2031 lease" vs "five years"


# "just one extension", "only a single permit": after a word that limits an amount, "one" is a count (alone it may be
# "the CSIS one"); "only a handful / a few / a couple of" asserts a small count, which a stated dozen or more denies
_ONLY_ONE = re.compile(r"\b(?:only|just|merely)\s+(?:[a-z]+\s+){0,2}?(?:one|a\s+single)\b")
_ONLY_FEW = re.compile(r"\b(?:only|just|merely)\s+(?:[a-z]+\s+){0,3}?a\s+(?:handful|few|couple)\b")
MANY = 12  # a count this large is no "handful"


def only_one(question: str) -> set[str]:
    """ "1" when the question limits a count to one ("just one extension?"), else nothing.

    >>> only_one("did it get just one extension?"), only_one("was it the CSIS one?")
    ({'1'}, set())
    """
    return {"1"} if _ONLY_ONE.search(question.lower()) else set()


def few_asserted(question: str) -> bool:
    """Does the question assert a small count ("only a handful of protocols?")?

    >>> few_asserted("did it only lead to a handful of berths?"), few_asserted("did a few ports sign?")
    (True, False)
    """
    return bool(_ONLY_FEW.search(question.lower()))


def _number(v: str) -> float:
    try:
        return float(v.replace(",", ""))
    except ValueError:
        return 0.0


# The relations a question can assert of an act, each with the word that asserts the other side.
_OPPOSITE = {"before": "after", "after": "before", "prior to": "after", "earlier than": "later than",
             "later than": "earlier than"}
# Words making the asserted time the only one ("only from", "just since"): general English.
_ONLY = r"\b(?:only|just|solely|exclusively)\b"
# "<act> [only] by|before|after|from <detail>": the word before the relation is the act it qualifies
_RELATIONS = "by|before|after|prior to|earlier than|later than|from|since|starting"
_DETAIL = re.compile(rf"\b([a-z]+)\s+(?:{_ONLY}\s+)?({_RELATIONS})\s+([a-z0-9][^?]*)")
# Words saying an act holds from a time before it was done ("paid retroactively", "backdated"): general English.
RETRO = re.compile(r"\b(?:retroactiv\w*|retrospectiv\w*|backdat\w*)", re.I)
# Where a phrase ends: a clause mark, or a full stop before a space ("U.S.-China" is one phrase)
_PHRASE_END = re.compile(r"[,;:()—–]|\.\s")


# "was Ann Berg the one who signed it?", "was it Ann Berg who signed it?": the asked doer of an act, put as who
# did it rather than "signed by"; the one or two words before "the one / the man who" (or after "was it") are the name
_WHO_DID = re.compile(r"\b(?:was|is|were|wasn't|isn't)\s+(?:it\s+)?([a-z][\w\-']*(?:\s+[a-z][\w\-']*)?)\s+"
                      r"(?:the\s+(?:one|[a-z]+)\s+)?(?:who|that)\s+([a-z]+)")


def asked_doer(question: str) -> list[tuple[str, str, str]]:
    """(act stem, "by", name) when a question asks whether someone was the one who did an act.

    WHY: "was Ann Berg the one who signed it?" asserts the signer as surely as "was it signed by Ann Berg?";
    a sentence telling of the signing by other named people answers no (``_other_agent``).

    >>> asked_doer("was ann berg the one who signed it"), asked_doer("was it ann berg who signed the lease?")
    ([('sign', 'by', 'ann berg')], [('sign', 'by', 'ann berg')])
    >>> asked_doer("was the lease signed by ann berg?"), asked_doer("is it the one that lapsed?")
    ([], [])
    """
    q = question.lower().replace("’", "'")
    out = []
    for m in _WHO_DID.finditer(q):
        words = [w for w in m.group(1).split() if w not in STOPWORDS]
        if words and len(words) == len(m.group(1).split()):
            out.append((stem(m.group(2)), "by", " ".join(words)))
    return out


def _details(question: str) -> list[tuple[str, str, str]]:
    """(act stem, relation, detail words) for each detail the question asserts of an act.

    >>> _details("was the lease signed by ann berg?"), _details("was ann berg the one who signed it")
    ([('sign', 'by', 'ann berg')], [('sign', 'by', 'ann berg')])
    """
    q = question.lower().replace("’", "'")
    return [(stem(m.group(1)), m.group(2), m.group(3).strip()) for m in _DETAIL.finditer(q)
            if m.group(1) not in STOPWORDS] + asked_doer(question)


def _tells_of(act: str, sentence: str) -> bool:
    return any(stem(w) == act for w in re.findall(r"[a-z]+", sentence.lower()))


def _other_agent(detail: str, sentence: str) -> bool:
    """The sentence names people, and not the asked one (whose words are a name, not a role: "by officials")."""
    words = [w for w in re.findall(r"[a-z][\w\-']*", detail) if w not in STOPWORDS]
    if not words or len(words) > 3 or any(w.rstrip("s") in ROLES or w in PERSON_NOUNS for w in words):
        return False
    said = set(re.findall(r"[a-z][\w\-']*", sentence.lower()))
    return names_person(sentence) and not any(w in said for w in words)


def _names_event(word: str, event: set[str], low: str) -> bool:
    """``word`` is followed, within its phrase, by most of the event's terms ("after the war ended" for the war)."""
    for m in re.finditer(rf"\b{word}\b", low):
        phrase = " ".join(_PHRASE_END.split(low[m.end():])[0].split()[:8])
        if 2 * len(event & set(terms(phrase))) >= len(event):
            return True
    return False


# Bare words English puts after "in"/"at" for a manner, a measure or a state, not a place ("in secret", "at least")
_IDIOMS = {"secret", "public", "private", "person", "part", "full", "principle", "practice", "theory", "general",
           "particular", "short", "fact", "effect", "force", "place", "turn", "total", "advance", "return", "response",
           "exchange", "addition", "time", "once", "least", "most", "all", "first", "last", "times", "risk", "stake",
           "odds", "home", "work", "length", "detail", "earnest", "vain", "case", "favor", "favour", "charge", "common"}
# "<done> in|at <word>" in a question; "<done> [two words] in|at <Name>" in a sentence. The act is a participle
# (an act done somewhere): "cooperation in Science" is a field of work, not a place it was done in.
_DONE = r"[a-z]+(?:ed|en)|held|made|met|set|put|struck|won|built|sent|signed"
_PLACE_ASKED = re.compile(rf"\b({_DONE})\s+(?:(?:up|out|off|through|down)\s+)?(?:in|at)\s+([a-z][a-z\-]+)\b")
_PLACE_TOLD = re.compile(rf"\b((?i:{_DONE}))\s+(?:[a-z]+\s+){{0,2}}?(?:in|at)\s+([A-Z][a-z]+)\b")


def _places(question: str) -> list[tuple[str, str]]:
    """(act stem, place word) for each place the question asserts an act was done in.

    >>> _places("was the pact finalized in bergen?"), _places("was it signed in secret?"), _places("signed in May?")
    ([('final', 'bergen')], [], [])
    """
    q = question.lower().replace("’", "'")
    return [(stem(m.group(1)), m.group(2)) for m in _PLACE_ASKED.finditer(q)
            if m.group(1) not in STOPWORDS and m.group(2) not in STOPWORDS | _IDIOMS
            and not re.fullmatch(MONTH, m.group(2).title())]


# Verbs of concluding a deal (stems): English says "wrapped up", "sealed", "inked" for what a text calls "finalized"
# or "signed", so an asked act of this kind is the same act as a told one of this kind. General English, no corpus words.
_CONCLUDING = {"sign", "seal", "final", "conclud", "complet", "wrap", "ink", "clinch", "struck"}


def same_act(asked: str, told: str) -> bool:
    """Do two act stems name one act: the same stem, or both ways of concluding a deal ("wrapped up" / "finalized")?

    >>> same_act("wrap", "final"), same_act("sign", "sign"), same_act("wrap", "discuss")
    (True, True, False)
    """
    return asked == told or (asked in _CONCLUDING and told in _CONCLUDING)


def place_told(question: str, sentence: str) -> bool:
    """Does the sentence state the asked act as done in the asked place ("finalized in Oslo" for "wrapped up in oslo?")?

    WHY: a sentence naming the place for something else ("talks in Oslo last week") shares the place word, but only
    one telling where the act was done settles a yes/no question asking where it was done.

    >>> place_told("was the pact wrapped up in oslo?", "The pact, finalized in Oslo after long talks, holds.")
    True
    >>> place_told("was the pact wrapped up in oslo?", "Based on talks in Oslo last week, the door is open.")
    False
    """
    told = [(stem(m.group(1).lower()), m.group(2).lower()) for m in _PLACE_TOLD.finditer(sentence)]
    return any(same_act(act, t_act) and place == t_place for act, place in _places(question) for t_act, t_place in told)


def other_place(question: str, sentence: str) -> bool:
    """The sentence tells of the asked act done in a named place, and never names the asked one.

    >>> other_place("was the pact finalized in bergen?", "The pact, finalized in Oslo after long talks, holds.")
    True
    >>> other_place("was the pact finalized in oslo?", "The pact, finalized in Oslo after long talks, holds.")
    False
    >>> other_place("was the pact finalized in bergen?", "The pact was finalized in December.")
    False
    >>> other_place("did they allow cooperation in ferries?", "The Agreement on Cooperation in Harbours holds.")
    False
    >>> other_place("was it signed in bergen?", "It was signed in secret."), other_place("signed in bergen?", "Signed in Oslo.")
    (False, True)
    """
    said = set(re.findall(r"[a-z][\w\-']*", sentence.lower()))
    for act, place in _places(question):
        if place in said:
            continue
        for m in _PLACE_TOLD.finditer(sentence):
            if same_act(act, stem(m.group(1).lower())) and m.group(2).lower() not in STOPWORDS and not re.fullmatch(MONTH, m.group(2)):
                return True
    return False


def _other_side(relation: str, detail: str, sentence: str) -> bool:
    """The sentence puts the act on the other side of the same event ("after the war" for "before the war")."""
    event, low = set(terms(detail)), sentence.lower()
    return bool(event) and _names_event(_OPPOSITE[relation], event, low) and not _names_event(relation, event, low)


def conflict(question: str, sentence: str) -> str:
    """The kind of detail the question asserts and the sentence contradicts, or "".

    >>> conflict("Was the pier built in 1985?", "The pier was built in 1962.")
    'value'
    >>> conflict("was the lease signed by ann berg?", "It was signed in 1990 by Mayor Tor Lund.")
    'agent'
    """
    return "value" if conflicting_value(question, sentence) or other_month(question, sentence) else act_conflict(question, sentence)


def act_conflict(question: str, sentence: str) -> str:
    """The kind of detail the question asserts of an act that the sentence, telling of that act, contradicts, or "".

    A year or number is left to ``conflict``: it is read on the best evidence only, since a near sentence
    with another number is often about another event ("two sides" / "four decades"); these kinds name their act.

    >>> act_conflict("Was the pier built before the war?", "The pier, built after the war, still stands.")
    'order'
    >>> act_conflict("Was the fee charged only from the day it was approved?", "The fee was charged retroactively.")
    'onset'
    >>> act_conflict("Was the pier built before the war?", "The war came after the pier was opened.")
    ''
    """
    if other_place(question, sentence):
        return "place"
    for act, relation, detail in _details(question):
        if not _tells_of(act, sentence):
            continue
        if relation == "by" and _other_agent(detail, sentence):
            return "agent"
        if relation in _OPPOSITE and _other_side(relation, detail, sentence):
            return "order"
    return "onset" if reached_back(question, sentence) else ""


_ONSET = re.compile(r"\b(?:from|since|starting)\b")
# An onset put as the act's own day ("starting that day", "from the day it was signed") says it reached no further back
_OWN_DAY = re.compile(r"\b(?:from|since|starting)\s+(?:(?:that|this|the\s+same)\s+(?:day|date)|the\s+(?:day|date)\s+(?:it|they))\b")


def reached_back(question: str, sentence: str) -> bool:
    """The question asserts an act held only from a time, and the sentence, telling of that act, says it reached back.

    WHY: the act may be put as a phrasal verb the articles never use ("did the renewal only kick in starting May?"),
    so the sentence tells of it when it holds a stem of any content word of the question before the time
    ("renewal": "renewed … retroactively effective from March").

    >>> reached_back("did the lease only kick in starting may 3?", "The lease was renewed in May, retroactively from March.")
    True
    >>> reached_back("did the lease kick in starting may 3?", "The lease was renewed retroactively.")
    False
    >>> reached_back("did the lease only kick in starting may 3?", "The fee was paid retroactively.")
    False
    >>> reached_back("did the lease kick in starting that day?", "The lease was renewed retroactively from March.")
    True
    """
    q = question.lower().replace("’", "'")
    m = _ONSET.search(q)
    if not m or not (re.search(_ONLY, q) or _OWN_DAY.search(q)) or not RETRO.search(sentence) or RETRO.search(q):
        return False
    return any(_tells_of(stem(w), sentence) for w in re.findall(r"[a-z]+", q[:m.start()]) if w not in STOPWORDS)
