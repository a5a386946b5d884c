"""Typing slips for ``rag eval --slips SEED``: each question again, with one slip in one of its words.

Readers type on phones; a question with "agreemnt" in it should be answered as well as the clean
one. The slips are the ordinary ones of typing: two letters swapped, a neighbouring key, a letter
doubled or dropped, never in a word's first letter and only in words of five letters or more (the
content words). Seeded by the seed and the question's id, so a run is repeatable and each question
gets its own slip. The questions keep their ids and answer keys; only the text changes.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from rag.spelling import KEYBOARD_ROWS, neighbours_of

MIN_LETTERS = 5


def slip(word: str, rng: random.Random) -> str:
    """``word`` with one slip of typing after its first letter.

    >>> slip("agreement", random.Random(3)) != "agreement", slip("agreement", random.Random(3))[0]
    (True, 'a')
    """
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "key", "double", "drop"))
    if kind == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "key" and word[i].lower() in "".join(KEYBOARD_ROWS):
        out = rng.choice(neighbours_of(word[i].lower()))
        return word[:i] + (out.upper() if word[i].isupper() else out) + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def with_slip(text: str, rng: random.Random) -> str:
    """``text`` with one of its long words slipped (unchanged if it has none)."""
    spots = [m for m in re.finditer(r"[A-Za-z]+", text) if len(m.group(0)) >= MIN_LETTERS]
    if not spots:
        return text
    m = rng.choice(spots)
    return text[:m.start()] + slip(m.group(0), rng) + text[m.end():]


def with_slips(questions: list, seed: int) -> list:
    """Each question with one slip (its history turns are left as they were typed)."""
    return [replace(q, question=with_slip(q.question, random.Random(f"{seed}:{q.id}"))) for q in questions]
