"""Does a sentence that holds a thing of the asked kind hold it *for the question asked*?

A number or a name in a sentence is only an answer when the sentence is about the question's
event: "who signed the 2015 lease?" is not answered by a sentence on the 1990 lease, and "what was
the ballot count?" is not answered by a year ("the 2015 revision").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.conflicts import same_year, years_in
from rag.rules import MONTH, TYPE_PATTERNS
from rag.text import stem

_DATES = re.compile(TYPE_PATTERNS["date"].pattern + r"|\b\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")


def dated_elsewhere(question: str, text: str) -> bool:
    """The question names a year and the sentence names only other years: it tells of another event.

    >>> dated_elsewhere("who signed the 2015 lease?", "The lease was first signed in 1990 by Mayor Berg.")
    True
    >>> dated_elsewhere("who signed the 2015 lease?", "Berg signed it."), dated_elsewhere("who signed it?", "In 1990 Berg did.")
    (False, False)
    >>> dated_elsewhere("what changed in the 2010s?", "In 2015 the port closed.")
    False
    """
    q_years, s_years = _years(question), _years(text)
    return bool(q_years and s_years) and not any(same_year(a, b) for a in q_years for b in s_years)


# The words naming a version of a thing: a later one is "updated", "revised", "renewed", an earlier one "original",
# "initial" (not "new" or "first": "a new rule", "the first major agreement" name no version of it)
_LATER_VERSION = {stem(w) for w in ("updated", "revised", "renewed", "amended")}
_EARLIER_VERSION = {stem(w) for w in ("original", "originally", "initial", "initially")}


def era_of(text: str) -> str:
    """Which version of a thing the text speaks of: "earlier", "later", or "" (none, or both).

    >>> era_of("where was the original lease signed?"), era_of("The revised lease was signed in Oslo.")
    ('earlier', 'later')
    >>> era_of("The lease, originally signed in 1990, was renewed."), era_of("Berg signed it.")
    ('', '')
    """
    words = {stem(w) for w in re.findall(r"[a-z]+", text.lower())}
    early, late = bool(words & _EARLIER_VERSION), bool(words & _LATER_VERSION)
    return "earlier" if early and not late else "later" if late and not early else ""


def of_other_era(era: str, text: str) -> bool:
    """The question asks of one version ("the original lease") and the sentence speaks only of the other ("the
    revised lease, signed in Oslo"): the place or name it holds belongs to another event, as another year's does.

    >>> of_other_era("earlier", "The revised lease was signed in Oslo."), of_other_era("earlier", "It was signed in Oslo.")
    (True, False)
    """
    other = era_of(text)
    return bool(era and other) and other != era


@lru_cache(maxsize=65536)  # a question's years are read once per candidate sentence, a sentence's per question
def _years(text: str) -> frozenset[str]:
    return frozenset(years_in(text))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def has_quantity(text: str) -> bool:
    """Does the sentence state an amount, not only a date or a year ("the 2015 revision")?

    >>> has_quantity("The 2015 revision was signed on May 3."), has_quantity("It funds 40 projects."), has_quantity("Two ferries run.")
    (False, True, True)
    """
    rest = _DATES.sub(" ", text)
    return bool(TYPE_PATTERNS["number"].search(rest))


# "which ports handle the most ferries?", "who gained the most": a ranking, not a description; but "the most
# pressing issue" only describes (an adjective follows "the most").
_RANKING_ASK = re.compile(r"\bthe\s+(?:most|least|fewest)\s*(?:[?.!]|$|[a-z]+s\b(?!\s+[a-z]+s\b))")
# ...and after a verb of having or getting "the most" is an amount whatever follows ("which ports have the most
# modern berths?"): nothing is pressing or urgent in degree after "have"
_HAVING_MOST = re.compile(r"\b(?:ha(?:ve|s|d)|gets?|got|gain(?:s|ed)?|receive[sd]?|run(?:s)?|hold(?:s)?|held|win(?:s)?|won)"
                          r"\s+the\s+(?:most|fewest)\b")
_RANKED = re.compile(r"\b(?:most|least|fewest|leading|top|largest|biggest|greatest|highest|lowest|more than any|"
                     r"first among|ahead of)\b", re.I)


def asks_ranking(question: str) -> bool:
    """Does the question ask which one ranks first ("…the most")?

    >>> asks_ranking("which ports handle the most ferries?"), asks_ranking("which town gains the most")
    (True, True)
    >>> asks_ranking("what are the most pressing issues?"), asks_ranking("what do most sailors think?")
    (False, False)
    >>> asks_ranking("which ports have the most modern berths?")
    True
    """
    q = question.lower().strip()
    return bool(_RANKING_ASK.search(q) or _HAVING_MOST.search(q))


def ranks(text: str) -> bool:
    """Does the sentence rank anything ("the largest port", "more than any other")?

    >>> ranks("Bergen handles the largest share of ferries."), ranks("Bergen and Oslo handle ferries.")
    (True, False)
    """
    return bool(_RANKED.search(text))


# "a 45-year-old pact", "the pact, now 45 years old": a thing's age, stated as one
_AGE = re.compile(r"\b\w+[\s\-]years?[\s\-]old\b", re.I)


def tells_age(text: str) -> bool:
    """Does a sentence state something's age ("a 45-year-old cornerstone")? "how old was the lease?" asks for that;
    "over four decades of the lease, trade grew" spans something done under it, which may be shorter than its age.

    >>> tells_age("It is a 45-year-old cornerstone."), tells_age("It is ten years old."), tells_age("Over four decades of it, trade grew.")
    (True, True, False)
    """
    return bool(_AGE.search(text))


def ranked_near_top(cands, share: float) -> bool:
    """Does a sentence scoring at least ``share`` of the top score rank something? Close to the top-scoring sentence,
    not to a named one preferred from below it (``answering._prefer_typed``): "which ports get the most ferries?" is not
    answered by a sentence far down ranking something else ("the leading ferry firms") because a name led from there.

    >>> from types import SimpleNamespace as C
    >>> ranked_near_top([C(score=1.0, text="Ports get ferries."), C(score=0.7, text="The leading firms.")], 0.8)
    False
    >>> ranked_near_top([C(score=1.0, text="Ports get ferries."), C(score=0.9, text="The leading firms.")], 0.8)
    True
    """
    top = max((c.score for c in cands), default=0.0)
    return any(ranks(c.text) for c in cands if c.score >= share * top)


_ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:exact\s+|specific\s+|precise\s+)?(?:day|date)s?\b")
_DAY = re.compile(rf"{MONTH}\s+\d{{1,2}}\b(?!\d)|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}")


def asks_day(question: str) -> bool:
    """Does a "when" question ask for the day itself ("on what date…", "what day in May…")?

    >>> asks_day("on what date was it signed?"), asks_day("what day in 2015 did they meet?"), asks_day("when was it signed?")
    (True, True, False)
    """
    return bool(_ASKS_DAY.search(question.lower()))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def names_day(text: str) -> bool:
    """Does the sentence give a day, not only a month or a year?

    >>> names_day("On May 3, it was signed."), names_day("It was signed on 3 May 2015."), names_day("In May 2015 it was signed.")
    (True, True, False)
    """
    return bool(_DAY.search(text))


# "does the pact say anything about ferries?", "does the agreement mention X?": whether the document itself tells of X
_TOLD_IN = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:does|did|do|will|would)\s+(?:[a-z\-]+\s+){0,3}?"
                      r"(?:agreement|deal|pact|treaty|accord|text|document)\s+(?:(?:say|said)\s+(?:anything|something|much)\s+"
                      r"(?:about|on|regarding)|mention|address)\s+(.+?)\s*\??\s*$")
# The nouns for an agreement between parties, one another's synonyms in everyday English...
_AGREEMENT_NOUNS = tuple(stem(w) for w in ("agreement", "pact", "deal", "treaty", "accord"))
# ...and the words the articles call such a document by
DOCUMENT_STEMS = frozenset(_AGREEMENT_NOUNS) | {stem("text"), stem("document")}


def in_own_words(ts: list[str], known) -> list[str]:
    """A question with no word the articles use but a noun for an agreement they never use ("tell me about the
    deal") put in the words they do use for one ("agreement", "pact"): everyday synonyms, so it asks about what the
    articles call the agreement rather than about nothing they know. Beside a word they know, the question's own
    terms are kept: that word says what is asked, and "deal" weighs nothing there.

    >>> in_own_words(["deal"], {"agreement", "pact", "renew"}.__contains__)
    ['agreement', 'pact']
    >>> in_own_words(["deal", "renew"], {"agreement", "renew"}.__contains__), in_own_words(["deal"], set().__contains__)
    (['deal', 'renew'], ['deal'])
    """
    own = [w for w in _AGREEMENT_NOUNS if known(w)]
    if any(known(t) for t in ts):
        return ts  # the rest of the question says what is asked: "deal" weighs nothing beside it (dev: -8 otherwise)
    out: list[str] = []
    for t in ts:
        new = [w for w in own if w not in ts] if t in _AGREEMENT_NOUNS and not known(t) and own else [t]
        out += [w for w in new if w not in out]
    return out


def told_in_document(question: str) -> str:
    """What a question asks whether the document itself tells of ("does the pact say anything about ferries?":
    "ferries"), or "". A sentence naming ferries beside the talks ("ferries and fares were the main issues") says
    they were discussed, not that the pact says anything of them: one naming the document and the thing must answer.

    >>> told_in_document("does the harbour pact say anything about ferries?"), told_in_document("does the pact cover ferries?")
    ('ferries', '')
    """
    m = _TOLD_IN.match(question.lower())
    return m.group(1) if m else ""


# "does the harbour piece mention ferries?", "did the update say anything about fares?", "was ferry work part of the
# pact?": a yes/no question asking whether a text tells of a thing at all
_MENTION = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:does|did|do|was|were|is|are)\s+.*?\b"
                      r"(?:mention(?:s|ed)?|talk(?:s|ed)?\s+about|br(?:ing|ings|ought)\s+up|(?:say|says|said)\s+"
                      r"(?:anything|something|much)\s+(?:about|on|regarding)|cover(?:s|ed)?|includ(?:e|es|ed)|"
                      r"discuss(?:es|ed)?|touch(?:es|ed)?\s+on)\s+(?!by\b|under\b)(.+?)\s*\??\s*$")
_PART_OF = re.compile(r"^\W*(?:was|were|is|are)\s+(.+?)\s+(?:(?:a\s+)?part\s+of|included\s+in|covered\s+(?:by|in)|"
                      r"mentioned\s+in)\s+(?:the|it|this|that)\b")
# ...and of those, the ones asking whether a text speaks of it, not whether what it sets up covers it
_TELLING = re.compile(r"\b(?:mention(?:s|ed)?|talk(?:s|ed)?\s+about|br(?:ing|ings|ought)\s+up|(?:say|says|said)\s+"
                      r"(?:anything|something|much)\s+(?:about|on|regarding)|discuss(?:es|ed)?|touch(?:es|ed)?\s+on)\b")


def asks_if_told(question: str) -> bool:
    """Does a question asking of a thing (``asked_mention``) ask whether a text speaks of it ("does the piece mention
    ferries?"), rather than whether what it sets up covers it ("does the pact cover ferries?", which a sentence
    excluding ferries answers "no")?

    >>> asks_if_told("does the harbour piece bring up ferries?"), asks_if_told("does the new pact cover ferries?")
    (True, False)
    """
    return bool(_TELLING.search(question.lower()))


# ...the thing itself, not the clause that places it ("space as one of the fields the pact covered")
_CLAUSE_CUT = re.compile(r"\s+(?:as|that|which|who|when|where|because|since|while|to|for|in|from|among|with|within)\s")


# "farming stuff", "ferry things", "fares and so on": a vague noun or tag closing the thing asked names nothing itself
_FILLER_AFTER = re.compile(r"(?<=\w)\s+(?:(?:and|or)\s+)?(?:stuff|things?|whatnot|so\s+on|such|whatever|etc\.?)\s*$")


def asked_mention(question: str) -> str:
    """The thing a yes/no question asks whether a text tells of at all ("does the harbour piece mention ferries?":
    "ferries"; "was ferry work part of the pact?": "ferry work"), or "". When the articles never use one of its
    words, even an everyday one, they cannot tell of it: the everyday word is then the thing asked about, not a
    paraphrase of the rest of the question.

    >>> asked_mention("does the harbour piece mention night ferries?"), asked_mention("was ferry work part of the pact?")
    ('night ferries', 'ferry work')
    >>> asked_mention("did the 2020 update say anything about fares"), asked_mention("did the pact let them fish?")
    ('fares', '')
    >>> asked_mention("does the harbour piece mention ferries as one of the services it covered?")
    'ferries'
    >>> asked_mention("did the pact ever cover ferry stuff"), asked_mention("does it mention fares and so on?")
    ('ferry', 'fares')
    >>> asked_mention("is there anything in the new pact about settling rows?")
    ''
    >>> asked_mention("is ferry work covered by the new pact?"), asked_mention("was it covered by the mayor?")
    ('ferry work', '')
    """
    q = question.lower()
    m = _PART_OF.match(q) or _MENTION.match(q)  # "is ferry work covered by the pact?": the thing before the verb
    thing = _FILLER_AFTER.sub("", _CLAUSE_CUT.split(m.group(1), maxsplit=1)[0]) if m else ""
    # "is there anything in the pact about X?" asks of X in other words, which a paraphrase may answer
    # ...and a pronoun names no thing of its own ("was it covered by the mayor?" asks of what the talk is about)
    return "" if re.match(r"(?:there|anything|something|it|this|that|they|them|these|those)$|(?:there|anything|something)\b",
                          thing) else thing


def typed_among_named(cands: list, kept: list, share: float) -> list:
    """The named article's sentences (``kept``, best first), its sentence of the asked kind leading (down to ``share``
    of its best) when another article's sentence led all of them for being of that kind.

    WHY: for "what does the harbour piece say the plan's success hinges on?" another article's condition led; the
    named article's own condition ("will depend on its upkeep") shares no word with the question, and without this
    the sentence holding the words that name the piece would lead. It leads as the kind led among all.
    """
    if kept is cands or not kept or not cands[0].typed or kept[0].typed >= cands[0].typed:
        return kept
    typed = [c for c in kept if c.typed >= cands[0].typed and c.score >= share * kept[0].score]
    return typed[:1] + [c for c in kept if c is not typed[0]] if typed else kept
