"""What a question asks: the part that asks, the kind of answer it wants, and what it counts.

A statement or a dash-separated opening only sets a question's scene (``question_sentence``,
``asked_part``); the question word, or a typed noun after it, names the kind of answer — a date,
a number, a name, a place, a duration (``question_type``); "how many X" counts X (``count_target``,
``counted_things``). ``rag.query.understand`` records these once in the ``Query``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.intent import AUX, LEAD
from rag.rules import PERSON_NOUNS, plural
from rag.text import ABBREVIATIONS, STOPWORDS, stem

_WH_START = re.compile(LEAD + r"(?:what|when|where|which|who|whom|whose|why|how)\b")
_YES_NO_START = re.compile(LEAD + r"(?:%s)\b" % "|".join(AUX))
# Verbs whose object a "when" clause is ("does it say when the piece was written?"): there it is what is asked.
_NOT_TOLD = "".join(rf"(?<!\b{w})" for w in ("say", "says", "state", "states", "stated", "known", "clear", "mention",
                                              "mentions", "tell", "tells", "know"))


# A full stop after a word (not an initial as in "U.S.") ends a statement that a question may follow.
_STATEMENT = re.compile(r"(?:(?<=[a-z]{2}[.!])|(?<=[A-Z]{2}[.!]))\s+")  # "…ferries." or an acronym's "…on AI."
# A closing "according to X" / "per X" attributes the question to a source; it asks nothing (unless it holds a wh-word).
_SOURCE_AFTER = re.compile(r",?\s+(?:according\s+to|per(?=\s+(?:the|this|that|its|their)\b))\s+(?![^?]*\b(?:which|what|whom|who|whose)\b)[^,?]+\?*\s*$", re.I)


def question_sentence(q: str) -> str:
    """The closing question after statements that only set its scene (their words still name what it is about).

    >>> question_sentence("The harbour report hoped for ferries. Is that what the plan did?"), question_sentence("Why?")
    ('Is that what the plan did?', 'Why?')
    >>> question_sentence("Did the U.S. sign it?")
    'Did the U.S. sign it?'
    """
    told = _STATEMENT.split(q.strip())
    if len(told) > 1 and (_WH_START.match(told[-1].lower()) or _YES_NO_START.match(told[-1].lower())):
        return told[-1]
    return after_dash_statement(q)


# A spaced dash (or a semicolon) between a statement and a question: "my son studies physics — was physics covered?"
_DASH = re.compile(r"\s+[—–]\s+|\s+-{1,2}\s+|;\s*")


def after_dash_statement(q: str) -> str:
    """The yes/no question after a dash-separated statement that only sets its scene, else the question as typed.

    WHY: "my son studies physics — was physics ever covered?" asks yes or no, but its first word is no auxiliary,
    so it read as a statement of fact. Only a closing part opening with an auxiliary is taken (a wh-question after
    a dash is ``scene_of``'s), and only after a statement: an opening that is itself a question keeps the whole, and
    so does a question pointing back at the statement ("X wanted Y — does the deal line up with that?"): it sets
    the statement against what it asks, so the statement is part of what is asked.

    >>> after_dash_statement("my son studies physics — was physics ever covered?")
    'was physics ever covered?'
    >>> after_dash_statement("is it done - or is it late?"), after_dash_statement("the fee - what is it?")
    ('is it done - or is it late?', 'the fee - what is it?')
    >>> after_dash_statement("the port piece wanted ferries — does the plan match that?")
    'the port piece wanted ferries — does the plan match that?'
    """
    parts = _DASH.split(q.strip())
    if len(parts) < 2 or not _YES_NO_START.match(parts[-1].lower()):
        return q
    opening = " ".join(parts[:-1]).lower()
    if _WH_START.match(opening) or _YES_NO_START.match(opening) or "?" in opening or _ENDS_BACK.search(parts[-1]) \
            or points_back(parts[-1]):
        return q
    return parts[-1]


# "…line up with that?", "…match this?": a question closing on a demonstrative pronoun points back at what came before
_ENDS_BACK = re.compile(r"\b(?:that|this|those|these)\s*[?.!]*\s*$", re.I)


# A demonstrative standing for what the statement before it told ("X hoped for Y. Is that what…", "- how does that
# square with…"): after an auxiliary or "how", "that"/"this" is a pronoun, not a determiner or a conjunction.
_POINTS_BACK = re.compile(r"\b(?:is|was|are|were|does|did|do|has|how)\s+(?:that|this)\b(?!\s+(?:the|a|an)\b)", re.I)


def scene_of(q: str) -> str:
    """The statement or dash-separated opening before the question proper, or "" when the question stands alone.

    >>> scene_of("The harbour report hoped for ferries. Is that what the plan did?")
    'The harbour report hoped for ferries.'
    >>> scene_of("the port piece hoped for ferries - how does that square with the plan?"), scene_of("When was it signed?")
    ('the port piece hoped for ferries', '')
    """
    q = q.strip()
    asked = question_sentence(q)
    parts = re.split(r"\s+[—–]\s+|\s+-{1,2}\s+|;\s*", asked)
    if len(parts) > 1 and _WH_START.match(parts[-1].lower()):
        asked = parts[-1]
    return "" if asked == q else q[:q.rfind(asked)].rstrip(" -—–;")


def points_back(q: str) -> bool:
    """Does the question proper point back at what its opening statement told ("Is that what the plan did?")?

    >>> points_back("Is that what the plan did?"), points_back("how does that square with the plan?")
    (True, True)
    >>> points_back("is that the plan?"), points_back("did it say that fares rose?")
    (False, False)
    """
    return bool(_POINTS_BACK.search(q))


# The earlier question a follow-up was read with, put after it in brackets by ``rag.followup``: "and how long was each
# one (how many times was it extended)?"
_CONTEXT_AFTER = re.compile(r"\s*\([^()]*\)\s*\??\s*$")


def own_ask(q: str) -> str:
    """A follow-up's own question without the earlier question it was read with, when it asks something itself
    (opens with a question word); the whole text otherwise ("and before 2020 (how many times…)?" asks as before).

    WHY: "how many times…" in the earlier question set what that one asked (a frequency, answered by "twice");
    "and how long was each one?" asks a length, which "two six-month extensions" gives.

    >>> own_ask("and how long was each one (how many times was it extended)?")
    'and how long was each one?'
    >>> own_ask("and before 2020 (how many times was it extended)?"), own_ask("how many times was it extended?")
    ('and before 2020 (how many times was it extended)?', 'how many times was it extended?')
    """
    m = _CONTEXT_AFTER.search(q)
    own = q[:m.start()].rstrip() + "?" if m else q
    return own if m and _WH_START.match(own.lower()) else q


@lru_cache(maxsize=4096)  # read by several steps of understanding one question
def asked_part(q: str) -> str:
    """The part of a question that asks: the wh-question after a dash or semicolon that follows a statement,
    without a trailing "when…" clause that only dates what is asked (in a yes/no question too, unless the clause
    is what a verb of telling asks about: "does it say when the report was written?").

    >>> asked_part("the two reports came out apart — where did the plan stand in each?")
    'where did the plan stand in each?'
    >>> asked_part("How big was the fund when the report was written?"), asked_part("when was it written?")
    ('How big was the fund?', 'when was it written?')
    >>> asked_part("were talks stalled when the report was written?"), asked_part("does it say when it was written?")
    ('were talks stalled?', 'does it say when it was written?')
    >>> asked_part("and when was that?")
    'and when was that?'
    """
    parts = re.split(r"\s+[—–]\s+|\s+-{1,2}\s+|;\s*", q.strip())
    if len(parts) > 1 and _WH_START.match(parts[-1].lower()):
        q = parts[-1]
    q = question_sentence(q)
    q = _SOURCE_AFTER.sub("?", q)  # "…, according to the RS writer?" names whose account, not what is asked
    if _WH_START.match(q.lower()):
        q = _asks_something(re.sub(r"(?<=\w)\s+when\s+[^?]*", "", q), q)
    elif _YES_NO_START.match(q.lower()):
        q = _asks_something(re.sub(r"(?<=\w)" + _NOT_TOLD + r"\s+when\s+[^?]*", "", q), q)
    return q


_LEAD_ONLY = {"and", "so", "but", "or", "then", "ok", "okay", "well", "also"}


def _asks_something(stripped: str, q: str) -> str:
    """``stripped`` unless only a lead word is left: in "and when was that?" the "when" clause is the question.

    >>> _asks_something("and?", "and when was that?"), _asks_something("How big was it?", "How big was it when…?")
    ('and when was that?', 'How big was it?')
    """
    return q if set(re.findall(r"[a-z]+", stripped.lower())) <= _LEAD_ONLY else stripped


# Kinds of bodies a country is one of: "which country / government / party…?" is answered by a country's name
_PLACE_KINDS = {"country", "countries", "government", "governments", "party", "parties"}
# "who in the US government…", "who at the ministry…": a person or office inside a named body, not the body itself
_WHO_INSIDE = re.compile(LEAD + r"who\s+(?:(?:exactly|else)\s+)?(?:in|within|inside|at)\s+(?:the\s+)?[a-z]")


def asks_member(q: str) -> bool:
    """Does the question ask for a body or person of a kind no country or city is ("which universities…?", "which
    agency…?", "who in the US government…?")? A sentence naming only China or the United States names whose they
    are, not which one; "which country…?" or a bare "who benefits?" may be answered by a country.

    >>> asks_member("which us universities take part?"), asks_member("who in the us government talked it up?")
    (True, True)
    >>> asks_member("which country gains more?"), asks_member("who benefits?"), asks_member("what did the president say?")
    (False, False, False)
    """
    ql = q.lower().strip()
    if _WHO_INSIDE.match(ql):
        return True
    m = re.search(LEAD + r"(?:(?:and|so|but|in|on|at|from|by|for|with|to|of)\s+){0,2}(?:which|what)((?:\s+[a-z\-'.]+){0,4})", ql)
    for w in (m.group(1).split() if m else []):
        if w in AUX:
            break
        if w in PERSON_NOUNS:
            return w not in _PLACE_KINDS
    return False


# "roughly how many…", "about how much…": a hedge before the count's question word still asks a count
_HEDGED_COUNT = re.compile(LEAD + r"(?:roughly|about|approximately|around|exactly|precisely|more or less)\s+"
                           r"how (?:many|much)\b")


def question_type(q: str) -> str | None:
    """What kind of thing the question asks for, from its question word (not one inside a clause).

    >>> question_type("When was it signed?"), question_type("how many protocols?"), question_type("What is de-risking?")
    ('date', 'number', None)
    >>> question_type("Which two leaders signed it?"), question_type("How long was it renewed for?")
    ('name', 'duration')
    >>> question_type("Is the lab where the research happens in China?")
    >>> question_type("from which earlier date was it backdated?"), question_type("what did the president say?")
    ('date', None)
    >>> question_type("what organization is Ann Berg from?"), question_type("what organization signed it?")
    ('place', 'name')
    >>> question_type("roughly how many ferries sail?"), question_type("the pieces give different counts of ferries")
    ('number', 'number')
    """
    ql = q.lower()
    head = _WHAT_THE.match(ql)
    if head and head.group(1) in _HEAD_FORMS:
        return _HEAD_FORMS[head.group(1)]  # "what is the date of…", "what was the ballot count?"
    if re.match(r"^\s*(who|what)\s+(is|was|are|were)\s+(?!the\s+(name|date|year|number)\b)[^,;]{1,40}\?*\s*$", ql):
        return None  # "Who is Brendan Kelly?" asks for a description, not a name
    if re.search(r"\b(?:(?:the|a) number of|" + _COUNTS_OF + r")\b", ql) or _HEDGED_COUNT.match(ql):
        return "number"
    if _BODY_FROM.match(ql):
        return "place"  # "what organization is Ann Berg from?": where she works ("of the Harbor Institute")
    # Only the question's own wh-word counts: the first one, near the start ("where" inside a clause does not).
    m = re.search(LEAD + r"(?:(?:and|so|but|in|on|at|from|by|for|with|to|of|since|until|during)\s+){0,2}"
                  r"(how (?:many|much|long|old)|when|where|whom|whose|who|which|what)\b"
                  r"((?:\s+[a-z\-'.]+){0,3})", ql)
    differ = _HOW_DIFFER.search(ql)
    if differ and differ.group(1) in _HEAD_FORMS:
        return _HEAD_FORMS[differ.group(1)]  # "how do their numbers differ?" compares numbers: each side's is asked
    if not m:
        return _trailing_type(ql)
    wh, rest = m.group(1), m.group(2).split()
    # "how old" asks for an age: a span of years ("a 40-year-old pact"), not a bare count
    simple = {"how long": "duration", "how old": "duration", "when": "date", "where": "place", "who": "name",
              "whom": "name", "whose": "name"}
    if wh == "where" and re.search(r"\b(?:stand|stands|stood|standing|headed|heading)\b", ql):
        return None  # "where do the talks stand?" asks for a state of affairs, not a place
    if wh == "where" and (_WHERE_DEGREE.search(ql) or _WHERE_FIT.search(ql)):
        return None  # "where is the US stronger?", "where is it viable?" ask in what respect or field, not in what place
    if wh in simple:
        return simple[wh]
    if wh.startswith("how"):
        return "number"
    # The asked-for noun is the first typed noun before any verb: "which (earlier) date was…", not "what did the president…".
    for w in rest:
        if w in AUX:
            break
        w = w.strip(".")
        if w in _HEAD_FORMS or w in PERSON_NOUNS:
            return _HEAD_FORMS.get(w, "name")
    return None


# "what organization are X and Y from?", "which institution does she work for?": the body a person belongs to is their
# place of work, answered as "where does she work?" is ("at the Harbor Institute", "of the Center for…"), not by any
# name: the outlet that published them is no body they come from
_BODY_FROM = re.compile(LEAD + r"(?:what|which)\s+(?:organi[sz]ation|institution|body|group|outfit|entity)s?\s+"
                        r"(?:is|are|was|were|do|does|did)\s+(?:[\w.\-&']+\s+){1,8}?(?:from|with|work\s+(?:for|at))\s*\??\s*$")


# Words of degree: after "where is/are X …" they ask in which field or respect X ranks higher, not a place.
_WHERE_DEGREE = re.compile(r"^\W*where\s+(?:is|are|was|were|does|do|did)\s+(?:[\w.\-']+\s+){1,4}?(?:stronger|weaker|"
                           r"better|worse|ahead|behind|strongest|weakest|best|worst|lead|leads|led|lag|lags|lagged|excel|"
                           r"excels)\b")
# ...and words of fit: "where does cooperation make the most sense?", "where is it still viable?" ask in what field
_WHERE_FIT = re.compile(r"^\W*where\s+(?:is|are|was|were|does|do|did)\s+(?:[\w.\-']+\s+){1,8}?(?:viable|feasible|fruitful|"
                        r"promising|worthwhile|useful|possible|makes?\s+(?:the\s+)?(?:most\s+|more\s+|real\s+)?sense)\b")
# "how do (their) X differ / compare": X, the thing set side by side, is what each side's answer must give
_HOW_DIFFER = re.compile(r"\bhow\s+(?:do|does|did)\s+(?:the|their|its|these|those|both)?\s*(?:[a-z\-]+\s+){0,2}?([a-z]+)\s+"
                         r"(?:differ|compare|vary|match|line up)\b")
_TRAILING_WH = re.compile(r"\b(?:from|by|in|on|at|to|with|after|of)\s+(?:which|what)\s+((?:[a-z\-'.]+\s+){0,2}[a-z\-]+)\s*\?*\s*$")


def _trailing_type(ql: str) -> str | None:
    """A question whose wh-phrase closes it ("…was modelled on which agency?") asks for that phrase's kind.

    >>> _trailing_type("the port board was modelled on which city agency?"), _trailing_type("it was signed, right?")
    ('name', None)
    """
    m = _TRAILING_WH.search(ql)
    head = m.group(1).split()[-1] if m else ""
    return _HEAD_FORMS.get(head, "name" if head in PERSON_NOUNS else None) if m else None


_HEADS = {"year": "date", "date": "date", "day": "date", "month": "date", "city": "place", "country": "place",
          "place": "place", "capital": "place", "number": "number", "percentage": "number", "amount": "number",
          "count": "number", "total": "number", "cost": "number",
          "figure": "number", "share": "number", "proportion": "number", "fraction": "number", "percent": "number"}
# "what is the (adjective) X of…" / "what was the X?": X names the kind of answer
_WHAT_THE = re.compile(LEAD + r"what(?:'s|\s+(?:is|was|are|were))\s+the\s+(?:[a-z\-]+\s+){0,2}?([a-z]+)"
                       r"(?=\s+(?:of|for|when|in)\b|\s*\??\s*$)")
_HEAD_FORMS = {**_HEADS, **{plural(w): t for w, t in _HEADS.items()}}  # "what exact dates"


def kind_heads() -> frozenset[str]:
    """The nouns naming a kind of answer ("city", "years", "percentage"), singular and plural (``askframe``).

    >>> "city" in kind_heads(), "cities" in kind_heads(), "port" in kind_heads()
    (True, True, False)
    """
    return frozenset(_HEAD_FORMS)


# "the articles give different counts of protocols", "the numbers for visas": a count asked by its noun (not the
# "numbers for how many X", whose "how many" asks it)
_COUNTS_OF = r"(?:counts? of|numbers (?:of|for)(?!\s+how\b))"
_COUNT = r"\b(?:how (?:many|much)|(?:the )?number of|amount of|" + _COUNTS_OF + r")\s+(?:more\s+|other\s+)?([a-z][a-z\-]+)"
_NOT_COUNTED = STOPWORDS | {"were", "was", "have", "has", "did", "does"}


def count_target(question: str) -> set[str]:
    """What a "how many X" / "the number of X" question counts: the stems of the next two words.

    >>> sorted(count_target("How many patents were filed?")), count_target("When?")
    (['patent'], set())
    """
    m = re.search(_COUNT + r"(?:\s+([a-z][a-z\-]+))?", question.lower())
    if not m:
        return set()
    # "counts of protocols signed…": the word after the noun is no part of it (it is, in "how many government agencies")
    said = m.groups()[:1] if re.match(_COUNTS_OF, m.group(0)) else m.groups()
    words = [ABBREVIATIONS.get(w, w) for w in said if w] + count_alternatives(question)
    return {compound_stem(w) for w in words if w not in _NOT_COUNTED}


# "how many agreements or protocols", "how many deals, protocols and projects": each noun named as an alternative
_ALTERNATIVES = re.compile(_COUNT + r"((?:\s*,\s*[a-z][a-z\-]+)*\s*,?\s+(?:or|and|and/or)\s+(?:other\s+)?[a-z][a-z\-]+)")


def count_alternatives(question: str) -> list[str]:
    """The further things a count question counts when it names them as alternatives ("X or Y", "X, Y and Z").

    WHY: "how many agreements or protocols…" counted only agreements (the second word, "or", is no thing), so a
    sentence counting decades "of the agreement" answered it over one counting protocols.

    >>> count_alternatives("how many agreements or protocols came out of it?"), count_alternatives("how many ferries sailed?")
    (['protocols'], [])
    >>> count_alternatives("how many deals, protocols and projects were there?")
    ['protocols', 'projects']
    """
    m = _ALTERNATIVES.search(question.lower())
    if not m:
        return []
    return [w for w in re.split(r"[\s,]+", m.group(2)) if w and w not in {"or", "and", "and/or", "other"}]


def counted_things(question: str) -> set[str]:
    """The words a count question must be about: the first after "how many" (shorthand expanded), and the Y of
    "how many X or Y". Not the second word, which is often a verb ("how many ferries sailed") or a noun the
    first one qualifies; a count of something the articles never name cannot be answered from them.

    >>> sorted(counted_things("How many yrs did it run?")), sorted(counted_things("how many ferries or barges?"))
    (['year'], ['barg', 'ferri'])
    >>> counted_things("How much did the port spend?"), counted_things("When?")
    (set(), set())
    """
    m = re.search(_COUNT + r"(?:\s+or\s+([a-z][a-z\-]+))?", question.lower())
    words = [ABBREVIATIONS.get(w, w) for w in m.groups() if w] if m else []
    head = modified_head(question)
    return {compound_stem(w) for w in ([head] if head else words) if w not in _NOT_COUNTED}


def compound_stem(word: str) -> str:
    """The stem a hyphenated word is known by: its last part that is no function word ("agency-to-agency" is a
    kind of agency, "follow-up" a follow). The text's terms split words at hyphens, so the articles' lexicon holds
    the parts, never the compound: stemmed whole, "how many agency-to-agency deals…" counted a thing no article names.

    >>> compound_stem("agency-to-agency"), compound_stem("follow-up"), compound_stem("patents")
    ('agenc', 'follow', 'patent')
    """
    parts = [p for p in word.split("-") if p and p not in STOPWORDS]
    return stem(parts[-1]) if parts else stem(word)


# "how many stopgap extensions did…": a singular word, then a plural one the clause's verb follows
_MODIFIED = re.compile(_COUNT + r"\s+([a-z]+[^s\W]s)(?=\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|could|"
                       r"can)\b|\s*\?|\s*$)")


def modified_head(question: str) -> str:
    """The plural noun a "how many X Ys…" question counts when X only qualifies it ("how many stopgap extensions
    did it get?" counts extensions, of a kind), or "". Only when X is singular and Y plural with the verb right
    after: "how many ferries sailed" has a verb second, "how many pages long is it" a word that is no plural noun.

    >>> modified_head("how many stopgap extensions did it get?"), modified_head("how many ferries sailed?")
    ('extensions', '')
    >>> modified_head("how many pages long is it?"), modified_head("how many government agencies?")
    ('', 'agencies')
    """
    m = _MODIFIED.search(question.lower())
    return m.group(2) if m and not m.group(1).endswith("s") and m.group(1) not in _NOT_COUNTED else ""

