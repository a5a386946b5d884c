"""Answering rules: small named tests on one sentence and the question, each unit-tested.

Each rule is about a kind of question or sentence (a date, a count, a negation, a
continuation), never about one wording of the corpus or of an eval question.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rag.text import normalize, stem

_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
_MONTH = (r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\b")
_NUMWORDS = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
             r"thousand|million|billion|twice|dozens?|decades?)\b")
TYPE_PATTERNS = {
    # a full date counts as one thing: "December 13" is new even when the question says "December"
    "date": re.compile(rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|"
                       rf"{_YEAR}|{_MONTH}|\b\d{{4}}s\b"),
    "number": re.compile(rf"\d|{_NUMWORDS}", re.I),
    # capitalised words not opening the sentence: "Jimmy Carter", "ByteDance", "OpenAI"
    "name": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z]{2,}(?:\s+[A-Z][a-zA-Z]+)*"),
    # "in Beijing"; "at the Harbor Research Institute" (where someone works)
    "place": re.compile(r"\b(?:in|at|from)\s+[A-Z][a-z]+|\b(?:at|from|of)\s+the\s+(?:[A-Z][\w\-]+\s+){1,4}?"
                        r"(?:Institute|University|Center|Centre|College|School|Academy|Foundation|Laboratory|Council)\b"),
    "duration": re.compile(rf"(?:\d+|{_NUMWORDS})[\s\-]+(?:years?|months?|weeks?|days?|decades?)\b", re.I),
}
QUANTITIES = ("number", "date", "duration")


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


def has_new(qtype: str | None, text: str, question: str, common=None) -> bool:
    """Does ``text`` hold a thing of the asked type that the question does not already state?

    ``common(word)`` tells words the corpus also writes in lower case: "Cooperation" opening
    a title is not a name; "Carter" or "ByteDance" is.

    >>> has_new("date", "It was signed in 1979.", "When was it signed?"), has_new("date", "In 2024 it was renewed.", "What happened in 2024?")
    (True, False)
    """
    if not qtype:
        return False
    qn = normalize(question)
    for frag, m in typed_fragments(qtype, text):
        if not frag or f" {frag} " in f" {qn} ":
            continue
        if qtype == "place" and _place_in_question(frag, qn):
            continue
        if qtype == "name" and (_known_name(frag, qn) or (common is not None and all(common(w) for w in frag.split())
                                                           and not _institution(m, m.string))):
            continue
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
    qn = set(normalize(question).split())
    for m in re.finditer(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z][a-zA-Z]+", _INITIALS.sub("", text)):
        w = m.group(0).lower()
        if w not in qn and not common(w) and not any(_same_root(w, q) for q in qn):
            return True
    return False


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def _institution(m: re.Match, text: str) -> bool:
    """Common words in title case, mid-sentence and not defining an acronym, name an institution ("State Department").

    >>> has_new("name", "The US State Department said so.", "which department said so", common=lambda w: True)
    True
    >>> has_new("name", "The Science and Technology Agreement (STA) was signed.", "who signed it", common=lambda w: True)
    False
    """
    return len(m.group(0).split()) > 1 and not re.match(r"\s*\(", text[m.end():])


def names_people(text: str, question: str) -> bool:
    """People named by what they are ("experts and lawmakers have advocated…"): an answer to "who…?", if no name is.

    >>> names_people("Experts and lawmakers have advocated oversight.", "who pushed for oversight"), names_people("It was signed.", "who signed it")
    (True, False)
    """
    words = {w for w in re.findall(r"[a-z]+", text.lower()) if w in PERSON_NOUNS}
    return bool(words - set(normalize(question).split()))


_CALENDAR = re.compile(rf"^(?:{_MONTH[2:-2]}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


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
    toks = [stem(t) for t in normalize(text).split()]
    for i, t in enumerate(toks):
        if re.fullmatch(r"\d[\d,.]*|" + _NUMWORDS.replace("\\b", ""), t) and targets & set(toks[i + 1:i + 1 + window]):
            return True
    return False


def numbers(text: str) -> set[str]:
    """Numbers a sentence states, with their hedges ("nearly 100" and "over 40" differ)."""
    return set(re.findall(r"\b(?:nearly |over |more than |about |around |roughly )?\d[\d,.]*\b", text.lower()))


# Negators, and verbs that state an absence: a sentence with one of these denies what it mentions.
_NEGATORS = r"not|no|never|without|neither|nor|cannot|n't"
_NEG_VERBS = (r"exclu\w*|except|ban(?:s|ned|ning)?|prohibit\w*|bar(?:s|red|ring)?|restrict\w*|cancel\w*|kill\w*|"
              r"end(?:s|ed|ing)?|lapse[sd]?|terminat\w*|scrap\w*|lack\w*|den(?:y|ies|ied)|reject\w*|refus\w*|"
              r"stop(?:s|ped)?|abandon\w*|withdr\w*|deni\w*|instead|rather|gone|dead|expir\w*|drop(?:s|ped)?")
_AFFIRM = re.compile(r"\bnot (?:only|just|merely)\b|\bno (?:doubt|mistaking|longer)\b", re.I)
_WORD_NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
                 "forty": "40", "fifty": "50", "hundred": "100", "single": "1"}  # "one" is left out: "the CSIS one"


def negations(text: str, verbs_only: bool = False) -> int:
    """How many negations a text holds ("not only", "no doubt" affirm, so they don't count).

    >>> negations("The STA does not mandate any cooperation."), negations("It provides not only a forum.")
    (1, 0)
    >>> negations("focuses on basic research, excluding AI"), negations("Does it exclude AI?", verbs_only=True)
    (1, 1)
    """
    t = _AFFIRM.sub(" ", text.lower().replace("’", "'"))
    pat = _NEG_VERBS if verbs_only else f"{_NEGATORS}|{_NEG_VERBS}"
    return len(re.findall(rf"(?:\b(?:{pat})\b)|n't\b", t)) if not verbs_only else len(re.findall(rf"\b(?:{pat})\b", t))


def stated_values(text: str) -> set[str]:
    """Numbers a text states, in digits or words ("ten years" -> 10).

    >>> sorted(stated_values("renewed for ten years in 2024")), stated_values("the CSIS one")
    (['10', '2024'], set())
    """
    vals = set(re.findall(r"\b\d[\d,.]*\b", text))
    return vals | {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _WORD_NUMBERS}


def conflicting_value(question: str, text: str) -> bool:
    """The question states a year or number that the sentence replaces with another one.

    >>> conflicting_value("Was it first signed in 1985?", "It was first signed in 1979."), conflicting_value("Was it signed in 1979?", "Signed in 1979.")
    (True, False)
    >>> conflicting_value("was it renewed for ten years?", "renewed for another five years")
    True
    >>> conflicting_value("Was it signed in the 1990s?", "Signed in 1979."), conflicting_value("Did the 2024 deal start early?", "On May 3 it began.")
    (True, False)
    """
    q_years, s_years = _years(question), _years(text)
    if q_years and s_years and not any(_same_year(a, b) for a in q_years for b in s_years):
        return True  # "signed in the 1990s?" vs "signed in 1979"
    q_vals, s_vals = stated_values(question) - q_years, stated_values(text) - s_years
    return bool(q_vals) and bool(s_vals) and not (q_vals & s_vals)  # a year is no count: "the 2024 renewal" vs "five years"


def _years(text: str) -> set[str]:
    """Years and decades a text states ("1979", "1990s").

    >>> sorted(_years("signed in 1979, revised in the 1990s, for 5 years"))
    ['1979', '1990s']
    """
    return set(re.findall(r"\b(?:1[89]|20)\d\d(?:s\b|\b)", text))


def _same_year(a: str, b: str) -> bool:
    """Two years agree, or a year falls in a decade ("1995" in "1990s")."""
    if a.endswith("s") or b.endswith("s"):
        return a[:3] == b[:3]
    return a == b


_CLAUSE = re.compile(r"\s*(?:;|:|—|–|\(|\)|,\s+(?:but|while|whereas|although|though|yet)\b|\s+but\s+)\s*")


def focus_clause(question: str, sentence: str) -> str:
    """The clause of ``sentence`` that shares most content words with the question.

    A long sentence can affirm one thing and exclude another; its verdict on the question
    is read where the question's subject is.

    >>> focus_clause("does it include quantum computing?", "It covers public health; the exclusion of quantum computing")
    'the exclusion of quantum computing'
    """
    from rag.text import terms

    parts = [p for p in _CLAUSE.split(sentence) if p and p.strip()]
    if len(parts) < 2:
        return sentence
    q = set(terms(question))
    scored = [(len(q & set(terms(p))), -i, p) for i, p in enumerate(parts)]
    best = max(scored)
    return best[2] if best[0] > 0 else sentence


def verdict(question: str, sentence: str) -> str:
    """ "yes" or "no": does the sentence affirm the yes/no question's claim?

    A sentence that negates what it states says no, unless the question itself asks about
    the negative ("does it exclude AI?" + "…excluding AI" is a yes; "did they want it
    gone?" + "…calling for its cancellation" too); a different year or number than the
    one asked about is a no. The negation is read in the clause about the question's subject.

    >>> verdict("Does the new deal cover AI?", "It focuses on basic research, excluding AI.")
    'no'
    >>> verdict("Does the deal exclude AI?", "It focuses on basic research, excluding AI.")
    'yes'
    >>> verdict("Was it first signed in 1979?", "First signed in 1979 by Carter and Deng."), verdict("Was it signed in 1985?", "Signed in 1979.")
    ('yes', 'no')
    >>> verdict("did they want it gone", "They called for its cancellation.")
    'yes'
    """
    if conflicting_value(question, sentence):
        return "no"
    neg = negations(focus_clause(question, sentence)) % 2 == 1
    q_neg = negations(question, verbs_only=True) % 2 == 1
    return "no" if neg != q_neg else "yes"


def jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


OPENER = re.compile(r"^(?:This|These|That|Those|It|Its|They|Their|Such|He|She|His|Her|Companies like|"
                    r"Additionally|Furthermore|Moreover|However|But|Yet|Still|Also)\b")


_BACK_REF = re.compile(r"\b(?:these|those|such) (?:challenges|issues|problems|concerns|risks|areas|fields|efforts|measures|"
                       r"threats|goals|steps|changes|benefits|ties|tensions)\b", re.I)


# Openers that set a sentence against the one before it: "Instead, it is…" says what the other one denied.
_CONTRAST_OPENER = re.compile(r"^(?:Instead|Rather|By contrast|In contrast|On the contrary|Conversely)\b,?", re.I)


def leans_back(text: str) -> bool:
    """Does a sentence point back to what the one before it named ("…to address these challenges"),
    or answer it ("Instead, it is…")?

    >>> leans_back("Both must work together to address these challenges."), leans_back("It was signed in 1979.")
    (True, False)
    >>> leans_back("Instead, it is an umbrella agreement."), leans_back("It chose to act instead.")
    (True, False)
    """
    return bool(_BACK_REF.search(text) or _CONTRAST_OPENER.match(text))


def continues(text: str) -> bool:
    """Does a sentence lean on the one before it ("This decision aims to…", "Companies like A, B…")?

    >>> continues("This decision aims to prevent transfers."), continues("The STA was signed in 1979.")
    (True, False)
    """
    return bool(OPENER.match(text))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def is_enumeration(text: str) -> bool:
    """A sentence listing things: "agriculture, clean energy, public health, and the environment".

    >>> is_enumeration("Areas like agriculture, energy, and health."), is_enumeration("It was signed in 1979.")
    (True, False)
    >>> is_enumeration("It excludes technologies such as AI and quantum computing.")
    True
    """
    return text.count(",") >= 2 or bool(re.search(r"\b(such as|including|like)\b[^.]*(,|\band\b)", text))


_REASON = re.compile(r"\b(because|due to|owing to|since|as a result|result(?:s|ed)? in|led to|lead to|leads to|so that|"
                     r"in order to|aims? to|aimed to|to (?:prevent|protect|ensure|address|avoid|reduce|mitigate|limit|"
                     r"safeguard|counter)|fear(?:s|ing|ed)?|concerns?|worr(?:y|ies|ied)|threat|risks?|amid|given|"
                     r"driven by|fuell?ed by|reason|why|cast(?:igating)?|calling for)\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def gives_reason(text: str) -> bool:
    """Does a sentence state a cause or a purpose ("fearing espionage", "aims to prevent")?

    >>> gives_reason("This decision aims to prevent the transfer of sensitive technologies."), gives_reason("It was signed in 1979.")
    (True, False)
    """
    return bool(_REASON.search(text))


_MODAL = re.compile(r"\b(?:may|might|could|can|would|should)\b", re.I)


def is_modal(text: str) -> bool:
    """Does a sentence (or question) speak of what may or could be, rather than what is or was?

    >>> is_modal("It may get another permit."), is_modal("It got two permits.")
    (True, False)
    """
    return bool(_MODAL.search(text))


_UNIT_MODIFIER = re.compile(rf"\b(?:\d+|{_NUMWORDS[2:-2]})[\s\-](?:year|month|week|day|decade)[\s\-]([a-z]+)", re.I)


def durations_of_other(text: str, question: str) -> bool:
    """Does a sentence state durations only as modifiers of things the question does not ask about
    ("two three-week permits" when asked how long the deal runs)? A duration of the asked thing is
    stated plainly ("for another four years") or modifies the question's own noun ("each three-week permit").

    >>> durations_of_other("It got two three-week permits.", "how long is the deal good for")
    True
    >>> durations_of_other("It got two three-week permits.", "how long was each permit"), durations_of_other("Kept for four years.", "how long")
    (False, False)
    """
    plain = TYPE_PATTERNS["duration"].findall(text)
    mods = list(_UNIT_MODIFIER.finditer(text))
    q = {stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    return bool(mods) and len(mods) >= len(plain) and all(stem(m.group(1).lower()) not in q for m in mods)
