"""Answering rules: small named tests on one sentence and the question, each unit-tested.

Each rule is about a kind of question or sentence (a date, a count, a negation, a
continuation), never about one wording of the corpus or of an eval question.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rag.places import is_demonym, names_place
from rag.text import normalize, stem

_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
MONTH = (r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\b")
_NUMWORDS = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
             r"thousand|million|billion|twice|dozens?|decades?)\b")
_INSTITUTION = r"(?:Institute|University|Center|Centre|College|School|Academy|Foundation|Laboratory|Council)"
TYPE_PATTERNS = {
    # a full date counts as one thing: "December 13" is new even when the question says "December"
    "date": re.compile(rf"{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|{MONTH}\s+\d{{4}}|"
                       rf"{_YEAR}|{MONTH}|\b\d{{4}}s\b"),
    "number": re.compile(rf"\d|{_NUMWORDS}", re.I),
    # capitalised words not opening the sentence: "Jimmy Carter", "ByteDance", "OpenAI"
    "name": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z]{2,}(?:\s+[A-Z][a-zA-Z]+)*"),
    # "in Beijing"; "at the Harbor Research Institute" (where someone works)
    # an institution's name may also open with its kind: "of the Center for Harbor Studies"
    "place": re.compile(r"\b(?:in|at|from)\s+[A-Z][a-z]+|\b(?:at|from|of)\s+the\s+(?:(?:[A-Z][\w\-]+\s+){1,4}?"
                        rf"{_INSTITUTION}\b|{_INSTITUTION}\s+(?:of|for)\s+[A-Z])"),
    "duration": re.compile(rf"(?:\d+|{_NUMWORDS})[\s\-]+(?:years?|months?|weeks?|days?|decades?)\b", re.I),
}
QUANTITIES = ("number", "date", "duration")


def as_sure(qtype: str | None, typed: float, best_typed: float) -> bool:
    """May a sentence holding the asked thing this surely (``typed``) join the best one, as more of the answer or
    as a disagreement? For a date, a number or a duration only if it holds it at least as surely: after "on
    May 3" a sentence saying "in May 2021" (a partial date, 0.5) neither adds to the day nor contradicts it,
    and after "for five years" one holding only a year (no duration, 0) gives no other length. Other asked
    things are left alone: people named by role ("experts", 0.5) do answer "who called for X?".

    >>> as_sure("date", 0.5, 1.0), as_sure("date", 1.0, 1.0), as_sure("duration", 0.0, 1.0), as_sure("name", 0.5, 1.0)
    (False, True, False, True)
    """
    return qtype not in QUANTITIES or typed >= best_typed


def plural(w: str) -> str:
    """A noun's regular plural.

    >>> plural("city"), plural("date"), plural("ministry")
    ('cities', 'dates', 'ministries')
    """
    return w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + ("es" if w.endswith("s") else "s")


# Nouns for who does things: "which ministry…?" asks for a name; "experts and lawmakers" can answer "who…?".
_PERSONS = ("leader", "president", "company", "firm", "person", "people", "administration", "department", "agency",
            "official", "country", "outlet", "organization", "organisation", "institution", "university", "minister",
            "ministry", "author", "scientist", "group", "party", "lawmaker", "institute", "lab", "spokesperson",
            "senator", "politician", "expert", "researcher", "committee",
            "policymaker", "critic", "government", "congress", "republican", "democrat", "academic", "engineer")
PERSON_NOUNS = frozenset(_PERSONS) | frozenset(plural(w) for w in _PERSONS)  # answer types on which articles can disagree
# Hypernyms of every named body: "what organization is Ann Berg from?" is answered by the institute's name, which an
# article gives without calling it an organization; "which ministry…" names a kind the articles must mention.
GENERIC_BODIES = frozenset({"organization", "organisation", "institution", "body", "entity", "group", "outfit"})


# A count of occurrences: "twice", "three times", "once again" (not "at the same time")
_FREQUENCY = re.compile(r"\b(?:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times)\b",
                        re.I)


def tells_frequency(text: str) -> bool:
    """Does ``text`` say how many times something happened ("has twice received", "three times")?

    >>> tells_frequency("It has twice received extensions."), tells_frequency("The two governments renewed it.")
    (True, False)
    """
    return bool(_FREQUENCY.search(text))


def has_new(qtype: str | None, text: str, question: str, common=None, places: bool = True) -> bool:
    """Does ``text`` hold a thing of the asked type that the question does not already state?

    ``common(word)`` tells words the corpus also writes in lower case: "Cooperation" opening
    a title is not a name; "Carter" or "ByteDance" is. Without ``places`` a country's or a city's name is none
    either: it does not answer "which universities…?" (``asked.asks_member``).

    >>> has_new("date", "It was signed in 1979.", "When was it signed?"), has_new("date", "In 2024 it was renewed.", "What happened in 2024?")
    (True, False)
    >>> has_new("name", "It joined Japanese and Canadian ports.", "which ports joined?", places=False)
    False
    >>> has_new("name", "It was Japan.", "which port joined?"), has_new("name", "It was Japan.", "which port joined?", places=False)
    (True, False)
    """
    if not qtype:
        return False
    qn = normalize(question)
    for frag, m in typed_fragments(qtype, text):
        if not frag or f" {frag} " in f" {qn} ":
            continue
        if qtype == "place" and (_place_in_question(frag, qn) or _common_place(m.group(0), common)):
            continue
        if qtype == "name" and (_known_name(frag, qn) or (common is not None and all(common(w) for w in frag.split())
                                                           and not _institution(m, m.string))):
            continue
        if qtype == "name" and not places and (names_place(frag) or (" " not in frag and is_demonym(frag))):
            continue  # "Chinese universities" says whose they are, not which: a nationality names no one asked for
        return True
    return False


@lru_cache(maxsize=65536)
def typed_fragments(qtype: str, text: str) -> tuple[tuple[str, re.Match], ...]:
    """Every thing of type ``qtype`` in ``text``: (its normalized words, its match), remembered per sentence,
    since each question scores the same corpus sentences again and only the question's part differs.

    >>> [f for f, _ in typed_fragments("date", "Signed on May 3, renewed in 2024.")]
    ['may 3', '2024']
    """
    if qtype == "name":
        text = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)  # "U.S. State Department": no sentence break
    return tuple((normalize(m.group(0)).strip(), m) for m in TYPE_PATTERNS[qtype].finditer(text))


def _common_place(match: str, common=None) -> bool:
    """"in X" names no place when the articles also write X in lower case: "Cooperation in Science" is a title's
    word, capitalised as a title's words are; "in Bergen" is a place.

    >>> _common_place("in Science", {"science"}.__contains__), _common_place("in Bergen", {"science"}.__contains__)
    (True, False)
    """
    words = match.split()
    return len(words) == 2 and common is not None and common(words[1].lower())


def _place_in_question(frag: str, question: str) -> bool:
    """A place is the question's own when it shares a name word with it: "at the Oslo Harbor Institute" does
    not say where "the capital of Oslo" is.

    >>> _place_in_question("at the oslo harbor institute", "what is the capital of oslo"), _place_in_question("in oslo", "where does she work")
    (True, False)
    """
    words = [w for w in frag.split()[1:] if w != "the" and len(w) >= 3]
    return any(w in question.split() for w in words)


def proper_name(text: str, question: str, common) -> bool:
    """A capitalised word, not an acronym and not a common word, that the question lacks ("Carter", "ByteDance").

    Institutions and acronyms ("PRC Agreement", "State Department") answer "who" less surely than such a name.

    >>> proper_name("Signed by Jimmy Carter.", "who signed it", lambda w: False)
    True
    >>> proper_name("The PRC Agreement on Cooperation was signed.", "who signed it", lambda w: w in ("agreement", "cooperation"))
    False
    """
    qn = question_words(question)
    return any(w not in qn and not common(w) and not any(_same_root(w, q) for q in qn) for w in _capitalised(text))


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z][a-zA-Z]+")


@lru_cache(maxsize=65536)  # the corpus's sentences, read again by every "who" question
def _capitalised(text: str) -> tuple[str, ...]:
    """The capitalised words of a sentence (lower-cased) that do not open it, initials left out."""
    return tuple(m.group(0).lower() for m in _CAPITALISED.finditer(_INITIALS.sub("", text)))


@lru_cache(maxsize=4096)  # one question is set against each of its candidate sentences
def question_words(question: str) -> frozenset[str]:
    """The normalized words of a question."""
    return frozenset(normalize(question).split())


def _institution(m: re.Match, text: str) -> bool:
    """Common words in title case, mid-sentence and not defining an acronym, name an institution ("State Department").

    >>> has_new("name", "The US State Department said so.", "which department said so", common=lambda w: True)
    True
    >>> has_new("name", "The Science and Technology Agreement (STA) was signed.", "who signed it", common=lambda w: True)
    False
    """
    return len(m.group(0).split()) > 1 and not re.match(r"\s*\(", text[m.end():])


def byline_note(text: str, authors: list[str]) -> bool:
    """Does an article's sentence name its own writer (a bio line, an editor's note)? It then speaks about the article.

    >>> [byline_note(t, ["Ann Lee", "Bo Park"]) for t in ("Dr Ann Lee is a professor.", "From Bo Park's essay.", "Ferries run.")]
    [True, True, False]
    """
    return _names_writer(text, tuple(authors))


@lru_cache(maxsize=65536)  # remembered: a spread-out answer asks it of each sentence it scores, question after question
def _names_writer(text: str, authors: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(a.split()[-1])}\b", text) for a in authors if a.split())


# Verbs of saying: "who warned that…?" asks for whoever said it, which a sentence naming no one leaves to its
# writers (``rag.bylines``); nor does it ask for someone holding a role (``rag.persons.asks_person``).
SAID = re.compile(r"\b(?:argue[sd]?|arguing|say|says|saying|said|claim(?:s|ed|ing)?|warn(?:s|ed|ing)?|wrote|write|writes|"
                  r"suggest(?:s|ed|ing)?|believe[sd]?|think|thinks|insist(?:s|ed|ing)?|point(?:s|ed|ing)? (?:out|to)|"
                  r"call(?:s|ed|ing)? for|accuse[sd]?|stress(?:es|ed)?|emphasi[sz]e[sd]?|note[sd]?|"
                  # a claim made as a noun ("who made the argument that…?", "made the case for…")
                  r"(?:make|makes|made|making) (?:the|an|a|this|that) (?:argument|case|claim|point)|"
                  # verbs of advocacy ("who has been pushing for X?"): a stance voiced, answered as a claim is
                  # (a verb, not the noun: "who led the push to cancel it?" asks for a doer, not a claim)
                  r"(?<!the )(?<!a )(?:push|press|campaign)(?:es|ed|ing|s)? (?:for|to)|advocat(?:e[sd]?|ing)|"
                  r"urg(?:e[sd]?|ing)|lobb(?:y|ies|ied|ying) (?:for|to)|"
                  # verbs that put a name to a thing ("who described the pact as a compromise?"): its writer's words
                  r"describe[sd]?|describing|characteri[sz]e[sd]?|label(?:s|ed|led)?|dub(?:s|bed)?|portray(?:s|ed)?)\b")


def names_people(text: str, question: str) -> bool:
    """People named by what they are ("experts and lawmakers have advocated…"): an answer to "who…?", if no name is.

    The people the question itself names, in either number, are no answer: "Harbour senators want a toll" does not
    say *which* senator "which harbour senator pushed for the toll?" asks about.

    >>> names_people("Experts and lawmakers have advocated oversight.", "who pushed for oversight"), names_people("It was signed.", "who signed it")
    (True, False)
    >>> names_people("Harbour senators want a toll.", "which harbour senator pushed for the toll?")
    False
    """
    asked = question_words(question)
    return bool(_person_nouns(text) - asked - {plural(w) for w in asked})


@lru_cache(maxsize=65536)
def _person_nouns(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w in PERSON_NOUNS)


_CALENDAR = re.compile(rf"^(?:{MONTH[2:-2]}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _known_name(frag: str, question: str) -> bool:
    """A month is no name; "united states" is the question's "us" (its initials), not a new name.

    >>> _known_name("united states", "who signed the us china deal"), _known_name("jimmy carter", "who signed it")
    (True, False)
    """
    words = frag.split()
    initials = "".join(w[0] for w in words)
    if _CALENDAR.match(frag.replace(".", "")) or (len(words) > 1 and f" {initials} " in f" {question} "):
        return True
    # "Chinese" when the question says "China": another form of a name it already gives
    return len(words) == 1 and any(_same_root(frag, q) for q in question.split())


@lru_cache(maxsize=65536)  # the same word pairs recur across a question's sentences
def _same_root(a: str, b: str) -> bool:
    """Do two words share a root (most of the shorter one)?

    >>> _same_root("chinese", "china"), _same_root("carter", "care")
    (True, False)
    """
    n = len(os.path.commonprefix([a, b]))
    return n >= 4 and n >= 0.75 * min(len(a), len(b))


def has_count_of(text: str, targets: set[str], window: int = 4) -> bool:
    """A number followed within ``window`` tokens by a counted thing ("nearly 100 protocols").

    >>> has_count_of("It enabled nearly 100 protocols.", {"protocol"}), has_count_of("In 1979.", {"protocol"})
    (True, False)
    """
    return any(not targets.isdisjoint(after) for after in _after_numbers(text, window))


_NUMBER_TOKEN = re.compile(r"\d[\d,.]*|" + _NUMWORDS.replace("\\b", ""))


# Words that end what a number counts: "of" (a measure's: "four decades of the agreement" counts decades),
# "ago"/"than", auxiliaries (a clause: "the two governments have renewed it" counts governments, not renewals),
# conjunctions, relatives and pronouns (general English). Other prepositions go on: "100 protocols between
# agencies" are agency protocols.
_PHRASE_ENDS = frozenset(stem(w) for w in (
    "of ago than have has had is are was were be been will would can could do does did and or but that which "
    "who whose while as it its their this these those").split())
# "two of the protocols": a number's own "of" (and a determiner after it) leads to what it counts
_PARTITIVE = frozenset(stem(w) for w in "the its their these those".split())


@lru_cache(maxsize=65536)  # per sentence: only the counted things differ between questions
def _after_numbers(text: str, window: int) -> tuple[frozenset[str], ...]:
    """The stemmed tokens within ``window`` after each number token of a sentence, up to the end of the noun
    phrase the number heads (``_PHRASE_ENDS``; a partitive "of the" right after it is passed over).

    >>> [sorted(a) for a in _after_numbers("Over four decades of the pact, two of the protocols", 4)]
    [['decad'], ['protocol']]
    >>> [sorted(a) for a in _after_numbers("the two governments have renewed it", 4)]
    [['govern']]
    """
    toks = [stem(t) for t in normalize(text).split()]
    out = []
    for i, t in enumerate(toks):
        if not _NUMBER_TOKEN.fullmatch(t):
            continue
        j = i + 1
        if j < len(toks) and toks[j] == "of":  # "two of the protocols"
            j += 1 + (j + 1 < len(toks) and toks[j + 1] in _PARTITIVE)
        span = []
        for w in toks[j:j + window]:
            if w in _PHRASE_ENDS:
                break
            span.append(w)
        out.append(frozenset(span))
    return tuple(out)


def numbers(text: str) -> set[str]:
    """Numbers a sentence states, with their hedges ("nearly 100" and "over 40" differ)."""
    return set(re.findall(r"\b(?:nearly |over |more than |about |around |roughly )?\d[\d,.]*\b", text.lower()))


def jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


_UNIT_MODIFIER = re.compile(rf"\b(?:\d+|{_NUMWORDS[2:-2]})[\s\-](?:year|month|week|day|decade)[\s\-]([a-z]+)", re.I)


def durations_of_other(text: str, question: str) -> bool:
    """Does a sentence state durations only as modifiers of things the question does not ask about
    ("two three-week permits" when asked how long the deal runs)? A duration of the asked thing is
    stated plainly ("for another four years") or modifies the question's own noun or one of its root ("extensions"/"extended").

    >>> durations_of_other("It got two three-week permits.", "how long is the deal good for")
    True
    >>> durations_of_other("It got two three-week permits.", "how long was each permit"), durations_of_other("Kept for four years.", "how long")
    (False, False)
    """
    plain = TYPE_PATTERNS["duration"].findall(text)
    mods = list(_UNIT_MODIFIER.finditer(text))
    q = {stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    units = [stem(m.group(1).lower()) for m in mods]
    return bool(mods) and len(mods) >= len(plain) and not any(u in q or any(_same_root(u, w) for w in q) for u in units)


# "signed in 1979", "first signed in 1979", "since 1979", "founded in May 1950": the year a thing began
_BEGAN = re.compile(r"\b(?:since|(?:signed|established|founded|created|launched|began|begun|started|set up|formed)\s+in)"
                    r"\s+(?:[A-Z][a-z]+\s+)?\d{4}\b")


def dates_start(text: str) -> bool:
    """Does a sentence give the year something began? It tells how long that thing has lasted up to now.

    >>> dates_start("The pact, first signed in 1979, was renewed."), dates_start("Ferries have run since 1950.")
    (True, True)
    >>> dates_start("It was renewed in 2024."), dates_start("It was signed in secret.")
    (False, False)
    """
    return bool(_BEGAN.search(text))
