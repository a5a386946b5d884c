"""Asides: a paragraph its writer opens as a digression ("In a related development, …") speaks to its topic in passing.

An article about one thing sometimes turns for a paragraph to a neighbouring story and says so ("In a related
development", "Separately", "In other news"). That paragraph shares the question's topic word ("AI") with the
article's own account of it, and often outscores it, being about the topic word and little else; the reader then
hears the side story in place of what the article says about the thing asked. An aside sentence weighs less only
when its article tells every question term it holds outside the aside too: a question about the side story itself
("why are firms hiring talent there?") holds words only the aside tells, and hears it as before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rag.evidence import Candidate

# Openers by which a writer marks a paragraph as a side story: general English, no topic
_ASIDE = re.compile(r"^\W*(?:in an?(?: other| separate| related| unrelated)? development|separately|in other news|"
                    r"on an? (?:related|separate|different) note|relatedly|incidentally|as an aside|tangentially)\b",
                    re.I)
ASIDE_WEIGHT = 0.85  # an aside sentence whose terms its article tells elsewhere weighs this share of its score


def paragraph_opening(c: Candidate) -> str:
    """The text of the sentence's paragraph from its start (a blank line, or the passage's start) on."""
    return _opening(c.passage.text, c.start)


def _opening(text: str, start: int) -> str:
    at = text.rfind("\n\n", 0, start)
    return text[at + 2 if at >= 0 else 0:].lstrip()


def in_aside(c: Candidate) -> bool:
    """Is the sentence in a paragraph that opens as a side story ("In a related development, …")?"""
    return c.passage.kind == "body" and _aside_at(c.passage.text, c.start)


@lru_cache(maxsize=16384)  # every question reads the same corpus sentences' paragraphs
def _aside_at(text: str, start: int) -> bool:
    return bool(_ASIDE.match(_opening(text, start)))


def asides_after(query, cands: list[Candidate]) -> list[Candidate]:
    """Each aside sentence (``in_aside``) whose question terms a sentence of its article outside the aside holds
    too weighs ``ASIDE_WEIGHT`` of its score and goes down to where that score ranks it; the others keep their order."""
    asked = set(query.terms)
    told: dict[str, list[set[str]]] = {}  # each article's question terms, sentence by sentence, outside asides
    marked = {id(c): in_aside(c) for c in cands}
    for c in cands:
        if c.passage.kind == "body" and not marked[id(c)]:
            told.setdefault(c.doc_id, []).append(c.terms & asked)
    kept, lowered = [], []
    for c in cands:
        held = c.terms & asked
        if marked[id(c)] and held and any(held <= t for t in told.get(c.doc_id, [])):
            lowered.append(replace(c, score=c.score * ASIDE_WEIGHT))
        else:
            kept.append(c)
    for c in lowered:  # the others keep their order (not only by score): each lowered one goes before the first it beats
        at = next((i for i, x in enumerate(kept) if x.score < c.score), len(kept))
        kept.insert(at, c)
    return kept
