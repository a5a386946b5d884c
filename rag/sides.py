"""The two sides of a "X vs Y" question, and a side named by its stance ("critics", "supporters").

A comparison answer hears each side in its own sentence (``answering.pick_sides``); this module only
reads the question.
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS, stem, terms

_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared (?:to|with)|as opposed to|differ(?:s)? from|contrast(?:ed)? with)\s", re.I)
SIDE_WORDS = 2  # content words on each side of "vs" that name that side


def _side(words: list[str]) -> str:
    out, n = [], 0
    for w in words:
        if re.fullmatch(r"[,:;?!]", w):
            break  # "washington vs beijing: how…": the side ends at the punctuation
        out.append(w)
        n += w.lower() not in STOPWORDS
        if n >= SIDE_WORDS:
            break
    return " ".join(out)


def sides_of(text: str) -> list[str]:
    """The two things a question sets against each other: the words right before and after "vs" (or "differ from").

    >>> sides_of("what do critics vs supporters say about the pact")
    ['what do critics', 'supporters say about the pact']
    >>> sides_of("washington vs beijing: how has each side hit back"), sides_of("When was it signed?")
    (['washington', 'beijing'], [])
    """
    m = _VERSUS.search(text)
    if not m:
        return []
    tok = r"[\w'\-.]+|[,:;?!]"
    before, after = re.findall(tok, text[:m.start()]), re.findall(tok, text[m.end():])
    a = " ".join(reversed(_side(list(reversed(before))).split()))
    b = _side(after)
    return [a, b] if terms(a) and terms(b) else []


# A side named by its stance ("critics", "supporters") is heard in the words that take that stance:
# general English for finding fault or finding worth (never a stem the stance noun collides with: "critical").
_FAULT = ("concern", "worry", "fear", "risk", "threat", "danger", "oppose", "warn", "cancel", "condemn", "attack",
          "doubt", "harm", "against", "undermine", "threaten")
_WORTH = ("benefit", "advantage", "value", "valuable", "gain", "vital", "essential", "important", "help",
          "opportunity", "success", "progress", "positive", "useful")
STANCES = {**{stem(w): {stem(x) for x in _FAULT} for w in ("critics", "opponents", "skeptics", "sceptics", "detractors")},
           **{stem(w): {stem(x) for x in _WORTH} for w in ("supporters", "proponents", "advocates", "backers",
                                                             "defenders")}}


def stance_side(side: list[str]) -> list[str]:
    """A side's terms, or, when the side is a stance ("critics"), the words that take that stance.

    >>> "concern" in stance_side(["critic", "pact"]), "critic" in stance_side(["critic"]), stance_side(["washington"])
    (True, False, ['washington'])
    """
    for t in side:
        if t in STANCES:
            return sorted(STANCES[t])
    return side
