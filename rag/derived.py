"""Stem false friends: a question word and a sentence word that share a Snowball stem only across a suffix that
changes the part of speech ("care" / "careful", "like" / "likely", "final" / "finally").

Why: the stemmer folds derivations with inflections, so "how do they take care of X?" matches "a careful balance"
as fully as a sentence saying "care". Such a match may still hint at the topic, so it counts a share of the term's
weight in sentence scoring rather than nothing. Only that direction: the asker's own modifier ("totally cut",
"hopeful") is answered by the bare word ("total decoupling", "One hopes") in full. Read off the surface words only:
the index's stems (``rag.text.terms``) are untouched.
"""

from __future__ import annotations

from functools import lru_cache

from rag.text import STOPWORDS, stem, tokens

# General English suffixes that make a modifier of a word ("careful", "likely", "finally"): the modifier seldom
# speaks of the thing. Nominalisations keep it ("open" / "openness", "renew" / "renewal"), so they are not here. A
# tail left after the stem that is not one of these is an inflection ("-s", "-ed", "-ing").
DERIVATIONAL = frozenset("""
ful fully ly ily
""".split())

# The share of a term's weight that a derived-only match keeps (calibrated on dev).
DERIVED_SHARE = 0.5


def suffix_class(word: str, stemmed: str) -> str:
    """The derivational suffix of ``word`` past its stem ("careful" -> "ful"), or "" for the bare word or an
    inflection ("cares", "caring").

    >>> suffix_class("careful", "care"), suffix_class("cares", "care"), suffix_class("finally", "final")
    ('ful', '', 'ly')
    """
    tail = word[len(stemmed):] if word.startswith(stemmed) else ""
    return tail if tail in DERIVATIONAL else ""


@lru_cache(maxsize=8192)
@lru_cache(maxsize=8192)  # the same corpus sentences are read question after question (callers only read it)
def surface_classes(text: str) -> dict[str, frozenset[str]]:
    """Each content stem of ``text`` with the suffix classes of the words it stands for."""
    out: dict[str, set[str]] = {}
    for w in tokens(text):
        if len(w) > 1 and w not in STOPWORDS:
            s = stem(w)
            out.setdefault(s, set()).add(suffix_class(w, s))
    return {s: frozenset(c) for s, c in out.items()}


def derived_only(question: str, sentence: str) -> set[str]:
    """Stems that ``question`` and ``sentence`` share only across a part-of-speech suffix: no word of the one has
    the suffix class of a word of the other.

    >>> sorted(derived_only("how do they take care of the labs?", "It strikes a careful balance for the labs."))
    ['care']
    >>> derived_only("what do critics say?", "The critic said no."), derived_only("totally cut?", "total cut")
    (set(), set())
    """
    s = surface_classes(sentence)
    return {t for t in _plain_stems(question) if t in s and "" not in s[t]}


@lru_cache(maxsize=1024)  # one question is compared with each of its candidate sentences
def _plain_stems(question: str) -> tuple[str, ...]:
    """The stems ``question`` writes only in their plain form (no suffix class)."""
    return tuple(t for t, classes in surface_classes(question).items() if classes == {""})
