"""Comparisons of named articles: a sentence that states its article's point by correcting a view is preferred.

"Do the harbour piece and the dock column agree on where the ferry is headed?" is answered, for each article, by
the sentence in which it says what the ferry is and is not ("not a luxury, but a lifeline"); the sentences
closest to the question's few words are often the ones that restate the topic both articles share.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.evidence import Candidate
from rag.reasons import corrective_contrast
from rag.text import stem, terms
from rag.versionwords import asks_story, pointed_ages

# compare: what a sentence stating its point by correction gains (dev: 0.05 +1 on its own, 0.07 -1, 0.1 +0,
# 0.2 -1; the same bonus on a sentence naming a shift "from X to Y" +0; a small margin only breaks near-ties)
COMPARE_THESIS = 0.05


def thesis_first(query, cands: list[Candidate]) -> list[Candidate]:
    """Candidates rescored for a comparison of two or more named articles with no sides of its own: a sentence
    correcting a view ("not X but Y", ``corrective_contrast``) gains ``COMPARE_THESIS``; best first again.

    >>> from types import SimpleNamespace as S
    >>> from rag.evidence import Candidate
    >>> p = S(kind="body", doc_id="a")
    >>> c1 = Candidate(0, p, 0, 1, "The ferry is a topic of debate.", set(), score=0.52)
    >>> c2 = Candidate(0, p, 2, 3, "The ferry is not a luxury but a lifeline.", set(), score=0.50)
    >>> [c.text[:20] for c in thesis_first(S(named_docs={"a", "b"}, sides=[]), [c1, c2])]
    ['The ferry is not a l', 'The ferry is a topic']
    >>> thesis_first(S(named_docs={"a"}, sides=[]), [c1, c2])[0] is c1  # one article: nothing to set apart
    True
    """
    if len(query.named_docs) < 2 or query.sides:
        return cands
    out = [replace(c, score=c.score + COMPARE_THESIS) if c.passage.kind == "body" and corrective_contrast(c.text)
           else c for c in cands]
    return sorted(out, key=lambda c: -c.score)


# General English words that place a side in time ("old vs new", "the original pact vs the current one"); a year does too.
_WHEN = {stem(w) for w in ("old", "older", "new", "newer", "original", "initial", "first", "early", "earlier", "former",
                           "previous", "past", "then", "now", "today", "current", "present", "later", "recent", "latest")}
# A sentence telling a change states the before and the after at once: a verb of change with "from X to Y", "no longer
# X", or a correction said of the present ("rather than X, the focus is now Y").
_CHANGE_VERB = re.compile(r"\b(?:shift\w*|evolv\w*|transition\w*|mov(?:e|es|ed|ing)|(?<!in )turn(?:s|ed|ing)?|transform\w*|"
                          r"chang(?:e|es|ed|ing))\b[^.;]*?\bfrom\b[^.;]+?\b(?:to|into|toward|towards)\b", re.I)
_NO_LONGER = re.compile(r"\bno longer\b", re.I)
_NOW = re.compile(r"\bnow\b", re.I)
# A sentence that opens by setting the present against what came before ("But now, …", "Yet today …") tells a change too.
_BUT_NOW = re.compile(r"^\W*(?:but|yet)\s+(?:now|today)\b", re.I)
# Words by which a question with no sides of its own still asks about two times ("before the renewal vs after",
# "its early years vs how it's seen now", "back in the day vs 2024"): general English, no topic; an opening span of
# time ("the first/early/initial days, years or decades") is one such word.
_TIME_WORD = re.compile(r"\b(?:now|today|then|before|after|back in the day|originally|original|old|new|early|earlier|"
                        r"(?:first|early|earliest|initial)\s+(?:days|months|years?|decades?)|\d{4})\b", re.I)


# A later version of a thing is called "new", "updated", "revised", "renewed"…; an earlier one "original", "first", "old":
# general English for the two times a comparison of versions sets apart, whichever way the question named them.
_EARLIER = {stem(w) for w in ("old", "older", "original", "originally", "initial", "initially", "first", "early", "earlier",
                              "former", "previous")}
_LATER = {stem(w) for w in ("new", "newer", "current", "later", "recent", "latest", "updated", "revised", "renewed",
                            "amended")}


def version_words(side: list[str]) -> set[str]:
    """The words naming a version side's time ("the original deal": "first", "old"…; "the renewed one": "new",
    "updated"…), when the side itself is named by one; else none.

    >>> sorted(version_words(["origin"]))[:2], sorted(version_words(["renew", "agreement"]))[:2], version_words(["port"])
    (['earli', 'earlier'], ['amend', 'current'], set())
    """
    ts = set(side)
    return set(_EARLIER) if ts & _EARLIER else set(_LATER) if ts & _LATER else set()


# A sentence telling a version's history narrates what was done ("the two governments renewed it", "it was the first
# agreement"): its main clause (after an opening phrase such as "In 2024," or "First signed in 1979,") has a past-tense
# verb, "was/were the first", or "have/has/had" + past participle. One describing the version says what it is or does
# ("the pact's broad mandate provides…"). General English: an -ed word after a determiner is an adjective ("the renewed
# pact"), and so is one after a present-tense verb ("introduces enhanced safeguards").
_OPENING = re.compile(r"^(?:(?:since|in|after|over|when|first|originally|once|following|during)\b[^,]{0,120},\s*)", re.I)
_NARRATES = re.compile(r"\b(?:was|were)\s+the\s+first\b|\b(?:have|has|had)\s+(?:\w+ly\s+)?\w+ed\b|"
                       r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!,\s)\b(?!(?:the|a|an|its|their)\b)(?-i:(?![a-z]+s\b))[a-z]+\s+\w+ed\b", re.I)


def tells_history(text: str) -> bool:
    """Does a sentence narrate its subject's history rather than describe it?

    >>> tells_history("Since its signing, the two governments have renewed it every five years.")
    True
    >>> tells_history("First signed in 1979, the pact's broad mandate provides a stable framework.")
    False
    >>> tells_history("The port charter, signed in 1979, was the first such charter."), tells_history("The renewed pact narrows the scope.")
    (True, False)
    """
    return bool(_NARRATES.search(_OPENING.sub("", text, count=1)))


HISTORY_DISCOUNT = 0.1  # compare two times: a sentence telling the version's history, not what the version is


def narrated(text: str, era, question: str) -> float:
    """How "how is the new deal different from the old one?" hears a time side (``era``: its time's words): by a
    sentence describing that version ("its broad mandate provides…"), not one narrating its history ("it was
    signed…, renewed every five years"), unless the question itself asks in the past ("what did it cover?").

    >>> narrated("The charter was the first one.", {"old"}, "how is the new charter different?")
    0.1
    >>> narrated("The charter was the first one.", {"old"}, "what was the old charter?"), narrated("The charter was the first one.", set(), "x")
    (0.0, 0.0)
    """
    return HISTORY_DISCOUNT if era and not asks_story(question) and tells_history(text) else 0.0


def of_its_time(era, other_era, cands: list[Candidate], question: str = "") -> list[Candidate]:
    """For a time side (its own and its era's words ``era``), the sentences naming no word of the other side's era
    (``other_era``), when any do. "Since its first signing it was renewed every five years" and "the port updated
    its original charter" name both times: they tell how one time led to the other, not what either version is,
    and rank high for both sides of every "new vs old" question. Not when the question asks in the past ("what did
    it cover over the decades?" asks the story, as ``narrated`` hears it); a time word's stem in another word
    ("renewable", "initiatives") or an age ("45-year-old") names no time.

    >>> from types import SimpleNamespace as S
    >>> cs = [S(terms={"first", "renew"}, text="First signed, it was renewed."), S(terms={"revis", "narrow"}, text="The revised pact narrows it.")]
    >>> [c.text for c in of_its_time({"renew", "revis"}, {"first"}, cs)], len(of_its_time(set(), {"first"}, cs))
    (['The revised pact narrows it.'], 2)
    >>> [c.text for c in of_its_time({"old"}, {"new"}, [S(terms={"old"}, text="A 45-year-old pact."), S(terms={"old"}, text="The old pact.")])]
    ['The old pact.']
    >>> [c.text for c in of_its_time({"new", "renew"}, {"old"}, [S(terms={"renew"}, text="Renewable energy."), S(terms={"renew"}, text="The renewed pact.")])]
    ['The renewed pact.']
    >>> len(of_its_time({"renew", "revis"}, {"first"}, cs, "what did it cover?"))
    2
    """
    if not era or not other_era or asks_story(question):
        return cands
    own = [c for c in cands if _time_terms(c.text) & era]  # "a 45-year-old pact", "renewable energy": no time
    return [c for c in own if not c.terms & other_era] or own or cands


# "a 45-year-old pact": an age, not the earlier version ("old") a time side names
_AGE = re.compile(r"\b[\w.]+-(?:year|month|decade|century)s?-old\b", re.I)
# ...and a word sharing a time word's stem names that time only in its own forms ("renewed", "renewal", "initially"),
# not in another word's ("renewable", "initiatives"): general English inflections and derivations
_FORM = re.compile(r"(?:|e|s|es|d|ed|ing|al|als|ally|ly|er|est|ion|ions|ment|ments)")


def _time_terms(text: str) -> set[str]:
    """A sentence's terms, a time word's stem kept only where a word is one of its forms (``_FORM``).

    >>> sorted(_time_terms("The renewed pact funds renewable energy initiatives")), sorted(_time_terms("A 45-year-old pact"))
    (['energi', 'fund', 'pact', 'renew'], ['pact'])
    """
    out = set()
    for w in re.findall(r"[\w'\-]+", _AGE.sub(" ", pointed_ages(text))):  # "new guardrails": no version
        for t in terms(w):
            if t not in _TIMED or _FORM.fullmatch(w.lower().replace(t, "", 1)) or w.lower() in _FORMS:
                out.add(t)
    return out


_FORMS = {"earlier", "earliest", "older", "newer", "newest", "later", "latest"}
# General English for how far a thing reaches ("its broad mandate", "narrows the scope", "excluding AI"): what sets
# one version of a thing apart from another when a question asks how the new one differs from the old.
_EXTENT = {stem(w) for w in ("broad", "broader", "broaden", "wide", "wider", "widen", "narrow", "narrower", "scope",
                             "limit", "restrict", "exclude", "excluding", "exclusively", "exclusion", "expand",
                             "expansion")}
EXTENT_BONUS = 0.1  # compare two times: a sentence saying how far a version reaches


def of_extent(text_terms: set[str], era, question: str) -> float:
    """What a sentence saying how far a version reaches gains for a time side (``era``: its time's words):
    "how is the new deal different from the old one?" asks what each covers; not when the question asks in the past
    ("what was its place in history?" asks the story, as ``narrated`` hears it).

    >>> of_extent({"pact", "narrow", "scope"}, {"new"}, "how is it different?"), of_extent({"pact", "narrow"}, set(), "x")
    (0.1, 0.0)
    >>> of_extent({"pact"}, {"new"}, "x"), of_extent({"narrow"}, {"old"}, "what was the old pact's place in history?")
    (0.0, 0.0)
    """
    return EXTENT_BONUS if era and text_terms & _EXTENT and not asks_story(question) else 0.0


def _when(side: list[str]) -> float:
    """Where a time side falls: its year, or far back for a word of an earlier time, far on for a later one."""
    years = [int(t) for t in side if re.fullmatch(r"\d{4}", t)]
    if years:
        return float(max(years))
    return float("-inf") if set(side) & _EARLIER else float("inf") if set(side) & _LATER else 0.0


def eras(sides: list[list[str]]) -> list[set[str]]:
    """For two time sides ("the 1979 deal vs the 2024 one", "original vs 2024"), the words that name each time
    without its year: the earlier side is the "original", "first" one, the later the "new", "updated", "renewed"
    one; else no words. A writer names the renewed deal by "the updated agreement…", seldom by its year.

    >>> [sorted(e)[:2] for e in eras([["2024"], ["1979"]])], eras([["port"], ["council"]])
    ([['amend', 'current'], ['earli', 'earlier']], [set(), set()])
    """
    if not in_time(sides) or _when(sides[0]) == _when(sides[1]):
        return [set() for _ in sides]
    later = int(_when(sides[1]) > _when(sides[0]))
    return [set(_LATER if i == later else _EARLIER) for i in range(2)]


def in_era(ts: set[str], side: set[str], era) -> set[str]:
    """``ts`` with a word naming a time side's era ("the updated pact" for "2024", ``contrast.eras``) read as that
    side's own time word.

    >>> sorted(in_era({"updat", "pact"}, {"2024"}, {"updat"})), sorted(in_era({"pact"}, {"2024"}, {"updat"}))
    (['2024', 'pact', 'updat'], ['pact'])
    """
    return ts | {t for t in side if t.isdigit() or t in era} if ts & era else ts


def in_time(sides: list[list[str]]) -> bool:
    """Are the two sides two times ("old vs new", "1979 vs 2024")?

    >>> in_time([["old"], ["new"]]), in_time([["1990"], ["now"]]), in_time([["port"], ["council"]])
    (True, True, False)
    >>> in_time([["renew", "agreement"], ["origin"]])
    True
    """
    return len(sides) == 2 and all(any(t in _TIMED or re.fullmatch(r"\d{4}", t) for t in s) for s in sides)


# ...and the words naming a version's time ("the renewed deal vs the original one" sets two times apart too)
_TIMED = _WHEN | _EARLIER | _LATER


def tells_change(text: str) -> bool:
    """Does a sentence tell how something changed, stating the before and the after?

    >>> tells_change("The ferry has shifted from a luxury to a lifeline."), tells_change("Fares are no longer fixed.")
    (True, True)
    >>> tells_change("Rather than one big boat, the port now runs three."), tells_change("Routes range from Oslo to Bergen.")
    (True, False)
    """
    return bool(_CHANGE_VERB.search(text) or _NO_LONGER.search(text) or (corrective_contrast(text) and _NOW.search(text)))


def sets_present_against_past(text: str) -> bool:
    """Does a sentence open by setting the present against what the sentence before it told ("But now, …")?

    >>> sets_present_against_past("But now after forty years, the ferry is in danger."), sets_present_against_past("Now is the time.")
    (True, False)
    """
    return bool(_BUT_NOW.search(text))


def asks_two_times(text: str) -> bool:
    """Does a question with no sides still set two times against each other (two different time words)?

    >>> asks_two_times("mood before the renewal vs after?"), asks_two_times("per the port piece, fares back in the day vs 2024?")
    (True, True)
    >>> asks_two_times("how do the port piece and the dock column differ?"), asks_two_times("what changed in 2024 and 2024?")
    (False, False)
    """
    return len({m.group(0).lower() for m in _TIME_WORD.finditer(text)}) >= 2


# A question asking when things happened ("how does the date they signed it compare to when it kicked in?"): general
# English words asking a time ("when it comes to X" asks none)
_ASKS_WHEN = re.compile(r"\b(?:dates?|timing)\b|\bwhen\b(?!\s+it\s+comes\b)", re.I)
# A day of a month ("December 13", "Aug. 27"): a month's name (three letters at least) and a day number
_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!,?\s*\d{3})", re.I)


def asks_when(text: str) -> bool:
    """Does a question ask when something happened (a date, its timing)?

    >>> asks_when("how does the date it was signed compare to when it began?"), asks_when("port vs council when it comes to fares")
    (True, False)
    """
    return bool(_ASKS_WHEN.search(text))


def two_days(text: str) -> bool:
    """Does a sentence name two days ("signed on May 3, in force from April 1"), dating two moments of one matter?

    >>> two_days("Signed on May 3, it took effect from April 1."), two_days("Signed on May 3, 2024 in the port.")
    (True, False)
    """
    return len(_DAY.findall(text)) >= 2


# A subordinate clause opening the sentence with a marker of contrast or reply ("In response to the port's fees, the
# council…", "Unlike the port, …", "While the port…, the council…") sets the side it names against the main clause's.
_OPENER = re.compile(r"^\W*(?:while|whereas|unlike|in response to|in contrast to|as opposed to)\b", re.I)


def opened_apart(words: list[str], x: int, y: int) -> bool:
    """Does the sentence open with a contrasting clause that holds word ``x`` and ends (at a comma) before ``y``?

    >>> opened_apart("Unlike the port's plan, the council raised fares".split(), 2, 5)
    True
    >>> opened_apart("The port's plan, like the council's, raised fares".split(), 1, 4)
    False
    """
    end = next((i for i, w in enumerate(words) if w.endswith(",")), -1)
    return bool(_OPENER.match(" ".join(words))) and x <= end < y

# ...of which those that always set one party against another: "while" also concedes ("While trust has waned, the
# need remains"), saying one side's two things
_PARTY_OPENER = re.compile(r"^\W*(?:whereas|unlike|in response to|in contrast to|as opposed to)\b", re.I)


def opens_apart(text: str) -> bool:
    """Does a sentence open with a clause setting one party against the main clause's ("In response to the port's
    fees, the council…", "Unlike the port, …")?

    >>> opens_apart("In response to the port's fees, the council cut fares."), opens_apart("The port raised fees.")
    (True, False)
    >>> opens_apart("While trust has waned, the need remains."), opens_apart("Unlike in May nothing sailed.")
    (False, False)
    """
    return bool(_PARTY_OPENER.match(text)) and "," in text
