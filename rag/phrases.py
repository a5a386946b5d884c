"""The asked phrase kept whole: a sentence writing two of the question's content words side by side, as the question
does ("basic research"), states the asked thing itself, where one holding the same words apart, or other question words
scattered ("new guardrails … of researchers"), speaks of something else. Word overlap counts each word alone, so a
sentence sharing more scattered words could outrank the one holding the phrase.

Narrow on purpose: only a pair of words adjacent in the question, both weighted terms of it (a word the articles never
use weighs nothing and makes no phrase; a number dates, it names nothing), written adjacent and in the same order in
the sentence, stems compared; and it decides only against a near sentence *lacking* one of its words (``phrase_first``,
``misses_phrase``). A score credit for every sentence writing a question's phrase whole was tried first: common phrases
("working together", "U.S.-China", "updated agreement") moved 20 dev answers down and none up.
General: no word list, no corpus phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import STOPWORDS, stem, tokens


@lru_cache(maxsize=65536)  # the same sentences come back question after question
def adjacent_pairs(text: str) -> frozenset:
    """The pairs of content-word stems written side by side in ``text``, in order (a stop word between breaks a pair).

    >>> sorted(adjacent_pairs("The pact focuses on basic research and joint projects."))
    [('basic', 'research'), ('joint', 'project'), ('pact', 'focus')]
    >>> sorted(adjacent_pairs("the 2024 changes"))
    []
    """
    words = tokens(text)
    return frozenset((stem(a), stem(b)) for a, b in zip(words, words[1:])
                     if _content(a) and _content(b))


def _content(word: str) -> bool:
    """A word that can make a phrase: no stop word, and no number ("the 2024 changes" dates the thing, it does
    not name it; a year's weight already counts alone)."""
    return len(word) > 1 and word.isalpha() and word not in STOPWORDS


def asked_phrases(question: str, weights: dict[str, float]) -> frozenset:
    """The question's adjacent pairs whose two words are both weighted terms (``weights``: a term's idf, 0 for an
    everyday word the articles never use, which is a paraphrase and no phrase of theirs).

    >>> sorted(asked_phrases("is the new deal about basic research now", {"new": 2.0, "deal": 0.0, "basic": 1.5, "research": 1.0}))
    [('basic', 'research')]
    """
    return frozenset(p for p in adjacent_pairs(question) if p[0] != p[1]
                     and weights.get(p[0], 0.0) > 0 and weights.get(p[1], 0.0) > 0)


PHRASE_NEAR = 0.9  # the sentence writing an asked phrase leads when it scores at least this share of the leader's
# A demonstrative before a noun ("this trend", "these measures", "such a pact") names again what the sentence before
# set out: a sentence pointing back may name the asked phrase that way, so it is not known to lack it
_POINTS_BACK = re.compile(r"\b(?:this|these|those|such(?:\s+an?)?)\s+(?!is\b|was\b|are\b|were\b|has\b|have\b)[a-z]{3,}",
                          re.I)


def points_back(text: str) -> bool:
    """Does a sentence name something by a demonstrative ("have also deepened this trend")?

    >>> points_back("Storms have also deepened this trend."), points_back("The pact covers basic research."), \
points_back("This is new.")
    (True, False, False)
    """
    return bool(_POINTS_BACK.search(text))


def phrase_first(phrases: frozenset, cands: list) -> list:
    """The best sentence writing an asked phrase whole leads, when the leader lacks a word of that phrase and it
    scores within ``PHRASE_NEAR`` of it: the leader won on other, scattered words of the question.

    >>> from types import SimpleNamespace as C
    >>> a = C(text="New guardrails keep researchers safe.", terms={"new", "research"}, score=0.5)
    >>> b = C(text="It focuses on basic research.", terms={"basic", "research"}, score=0.46)
    >>> [c.text for c in phrase_first(frozenset({("basic", "research")}), [a, b])][0]
    'It focuses on basic research.'
    """
    if not phrases or not cands or points_back(cands[0].text):  # "…deepened this trend" may name it by "this"
        return cands
    lead = cands[0]
    missed = {p for p in phrases if not set(p) <= lead.terms}
    for c in cands[1:]:
        if c.score < PHRASE_NEAR * lead.score:
            break
        if missed & adjacent_pairs(c.text):
            return [c] + [x for x in cands if x is not c]
    return cands


def written_whole(phrases: frozenset, cands: list) -> frozenset:
    """The asked phrases some of ``cands`` write whole."""
    return frozenset(p for p in phrases if any(p in adjacent_pairs(c.text) for c in cands))


def misses_phrase(phrases: frozenset, terms: set) -> bool:
    """Does a sentence (its term set) lack a word of one of ``phrases``? (yes/no: of near-tied evidence, one lacking a
    word of an asked phrase another writes whole speaks of another thing, however many scattered words it shares;
    one holding both words apart still may state the claim: "temporary six month extensions".)

    >>> misses_phrase(frozenset({("basic", "research")}), {"new", "research"}), \
misses_phrase(frozenset({("basic", "research")}), {"basic", "scientif", "research"})
    (True, False)
    """
    return any(not set(p) <= terms for p in phrases)


def writes_phrase(phrases: frozenset, text: str) -> bool:
    """Does the sentence write one of ``phrases`` whole?

    >>> writes_phrase(frozenset({("basic", "research")}), "It is about basic research."), writes_phrase(frozenset(), "x y")
    (True, False)
    """
    return bool(phrases and phrases & adjacent_pairs(text))
