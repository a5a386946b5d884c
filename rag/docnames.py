"""Which lower-case words of a question name a treaty, deal or programme the articles never mention.

English names a document or a programme by the words before its noun ("the Paris Agreement", "the Outer Space
Treaty", "the Fulbright Program"), as it names a body by the word before "department" (``rag.namewords``). Typed
in lower case ("what does the nuclear non-proliferation treaty do?", "what's the usmca trade deal about?") the
capitalisation test of ``rag.abstain.unknown_terms`` cannot see such a name, and the question's other words
("do", "about", "deal") let a sentence on trade or on the articles' own agreement pass for an answer.

A single everyday word before the noun mostly describes ("the big deal", "a revamped agreement"), so it counts as
a name only when English writes it but no dictionary lists it ("usmca": initials or a coined name), or when it stands beside another
word the articles never use ("nuclear non-proliferation"): two words the articles never use, naming one
document, are a document they never mention. A country before "initiative / program" names one government
programme ("the china initiative"), even when the articles use both words apart: only a passage writing them
together mentions it. The nouns and describing words are general English.
"""

from __future__ import annotations

import re

from rag.namewords import NOT_A_NAME, PREFIXES
from rag.spelling import common_slip, english_word, zipf
from rag.places import is_place
from rag.text import PLACE_NAMES, STOPWORDS, stem

# a word this common in English text is one it writes, as a name or initials ("usmca" 1.6, "mercosur" 2.2), not a
# string it never writes ("zorblat" 0)
WRITTEN_ZIPF = 1.0
# the nouns of documents and programmes English calls by a proper name (general English, not the articles' words)
_HEADS = (r"treat(?:y|ies)|accords?|pacts?|deals?|agreements?|conventions?|protocols?|acts?|initiatives?|"
          r"programs?|programmes?|charters?|partnerships?|alliances?|schemes?|visas?")
# up to three words right before the noun; the run is cut back at a word that only points or describes
_BEFORE = re.compile(r"((?:[a-z0-9][a-z0-9'-]*\s+){1,3})(?:" + _HEADS + r")\b")
# words that say what a document is like or where it stands, not which one it is (general English)
_DESCRIBES = frozenset({"new", "old", "big", "huge", "small", "actual", "real", "similar", "whole", "entire", "full",
                        "current", "latest", "recent", "original", "final", "first", "last", "next", "previous",
                        "earlier", "later", "famous", "controversial", "historic", "landmark", "so-called", "proposed",
                        "existing", "formal", "official", "overall", "basic", "broader", "wider", "good", "bad",
                        "important", "key", "special", "specific", "separate", "own", "such", "certain", "various",
                        "bilateral", "multilateral", "international", "global", "long-term", "short-term"})


def document_name(text: str, known) -> set[str]:
    """The stems of the words naming which treaty, deal or programme the question asks about, when the articles
    never use them (``known`` tells whether they use a stem).

    >>> known = {"trade", "scienc", "agreement", "sign"}.__contains__
    >>> sorted(document_name("what does the nuclear non-proliferation treaty do", known))
    ['nuclear', 'prolifer']
    >>> sorted(document_name("what's the usmca trade deal about", known))
    ['usmca']
    >>> document_name("was it the first big deal they signed?", known), document_name("the revamped agreement", known)
    (set(), set())
    >>> document_name("is the science agreement a big deal?", known), document_name("a totally revamped deal", known)
    (set(), set())
    >>> document_name("what does the new start treaty limit?", known), document_name("the start agreement", known)
    ({'start'}, set())
    """
    names: set[str] = set()
    for m in _BEFORE.finditer(text.lower().replace("’", "'")):
        run = _name_run(m.group(1).split())
        new = [bool(_unknown_stems(w, known)) for w in run]
        unsaid = bool(_unknown_stems(m.group(0)[len(m.group(1)):], known))  # "treaty" where they write "agreement"
        for i, w in enumerate(run):
            beside = new[i] and ((i > 0 and new[i - 1]) or (i + 1 < len(run) and new[i + 1]))
            if beside or (new[i] and _unlisted(w)) or (new[i] and unsaid and i == len(run) - 1 and noun_only(w)):
                names |= _unknown_stems(w, known)
    return names | named_after(text, known)


def noun_only(word: str) -> bool:
    """Does English write the word as a noun and never as an adjective (lemminflect's table)? Right before a
    document's noun such a word says which document it is ("the arms treaty", "the new start treaty"), where an
    adjective or a participle mostly describes it ("a historic treaty", "the revamped treaty"): when the articles use
    neither that word nor the document's noun, it is a document they never speak of (``document_name``).

    >>> noun_only("arms"), noun_only("start"), noun_only("nuclear"), noun_only("secret"), noun_only("usmca")
    (True, True, False, False, False)
    """
    import lemminflect  # loaded on the first such word only: it reads its tables from disk

    forms = lemminflect.getAllLemmas(word)
    return "NOUN" in forms and "ADJ" not in forms


# "the treaty of versailles", "the pact of rome": English also names a document by a place or a name after its noun and
# "of"; an everyday word there says what the document is about ("the pact of cooperation", "acts of espionage")
_AFTER = re.compile(r"\b(?:" + _HEADS + r")\s+of\s+([a-z][a-z'-]*[a-z])\b")
EVERYDAY_ZIPF = 3.5  # a word this common in English is an everyday word, not a name (as ``rag.abstain``)


def named_after(text: str, known) -> set[str]:
    """The stem of a name after a document's noun and "of" ("the treaty of versailles") that the articles never use:
    a place, or a word English writes seldom (not an everyday one, nor a word of function).

    >>> known = {"scienc", "cooper", "agreement"}.__contains__
    >>> named_after("when was the treaty of versailles signed?", known), named_after("the pact of cooperation", known)
    ({'versaill'}, set())
    >>> named_after("the agreement of 1979", known), named_after("acts of friendship", known), named_after("deal of the day", known)
    (set(), set(), set())
    """
    out: set[str] = set()
    for w in _AFTER.findall(text.lower().replace("’", "'")):
        if w in STOPWORDS or w.isdigit() or (zipf(w) >= EVERYDAY_ZIPF and not is_place(w)):
            continue
        out |= _unknown_stems(w, known)
    return out


def _name_run(words: list[str]) -> list[str]:
    """The words right before the document's noun that may name it: from the last word back to a word that only
    points at it or describes it ("the", "my husband's", "big", "revamped", "totally")."""
    run: list[str] = []
    for w in reversed(words):
        if w.endswith("'s") or w.endswith("'") or w in STOPWORDS or w in NOT_A_NAME or w in _DESCRIBES \
                or w.endswith(("ed", "ing", "ly")) or not re.fullmatch(r"[a-z][a-z-]*[a-z]", w):
            break
        run.insert(0, w)
    return run


def _unknown_stems(word: str, known) -> set[str]:
    """The stems of a (hyphenated) word that the articles never use; a prefix before a hyphen ("non-") is no word."""
    parts = [p for i, p in enumerate(word.split("-")) if p and not (i == 0 and p in PREFIXES and "-" in word)]
    return {stem(p) for p in parts if len(p) > 1 and p not in STOPWORDS and not known(stem(p))}


def _unlisted(word: str) -> bool:
    """A word English text writes but no dictionary lists, and no ordinary slip explains: initials or a coined name
    ("usmca", "mercosur"). A string English never writes ("zorblat") may be a slip or a coinage of the asker's, a
    possible paraphrase as any rare word is (``rag.abstain.unknown_terms``).

    >>> _unlisted("usmca"), _unlisted("zorblat"), _unlisted("treaty")
    (True, False, False)
    """
    return word.isalpha() and zipf(word) >= WRITTEN_ZIPF and not english_word(word) and not common_slip(word)


# "the china initiative", "the japan program": a country's noun before the noun of a government programme names one
# programme, as "the China Initiative" does in capitals (not its adjective: "chinese talent programs" describe)
_PROGRAMME = re.compile(r"\b([a-z]+)\s+(initiative|program|programme|scheme)s?\b")


def country_programmes(text: str) -> list[str]:
    """The programmes a text names by a country ("china initiative"), lower case.

    >>> country_programmes("what was the China Initiative?"), country_programmes("did chinese programs join?")
    (['china initiative'], [])
    >>> country_programmes("which technology initiatives does it back?")
    []
    """
    return [f"{w} {head}" for w, head in _PROGRAMME.findall(text.lower())
            if is_place(w) or (w in PLACE_NAMES and not w.endswith(("an", "ese")))]


def unwritten_programmes(unknown, question: str, passages):
    """The unknown terms plus each programme named by a country that no passage writes (singular or plural): a name
    the articles never mention, though they use both its words ("china", "initiatives") apart."""
    asked = country_programmes(question)
    if not asked:  # most questions name no programme: the passages need no reading
        return unknown
    texts = [re.sub(r"\s+", " ", p.text.lower()) for p in passages]
    return unknown.naming([n for n in asked if not any(re.search(rf"\b{n}s?\b", t) for t in texts)])
