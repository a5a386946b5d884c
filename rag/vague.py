"""Vague whole-topic noun phrases: "what year did this whole thing start?", "how old is that thing?".

Why: "thing" and "whole" name nothing; in "this whole thing" they only point, like "this" or "it". Left as
words, they weigh as everyday words the articles never pair with the topic, pull the question's embedding away
from every sentence, and a question the bare pointer answers ("what year did this start?") is refused as off the
topic. Put as the bare pointer ("this", "that"), the question keeps only the words that ask something.
"""

from __future__ import annotations

import re

# "this whole thing", "that thing", "this whole business": a pointer, an optional "whole" and a noun that names
# nothing in particular (general English, not words of any article)
_VAGUE = re.compile(r"\b(this|that)\s+(?:whole\s+)?(?:thing|business|affair)\b(?!\s+(?:that|which|who|about|of|with)\b)", re.I)


def pointer_for_vague(question: str) -> str:
    """The question with each vague whole-topic phrase put as the bare pointer it stands for; unchanged otherwise.
    Only "this" and "that" point: "the whole thing" stays, as the object it names weighs in "why scrap the whole
    thing?" (put as "it", the question lost the act it asks about), and a phrase a clause or "of/about" goes on to
    define is left as it is. "entire" is left as a word: the articles use it for a scope ("the entire world"), and a probe
    question with it lost such a sentence.

    >>> pointer_for_vague("what year did this whole thing start")
    'what year did this start'
    >>> pointer_for_vague("why do some want to scrap the whole thing?")
    'why do some want to scrap the whole thing?'
    >>> pointer_for_vague("how old is that thing?")
    'how old is that?'
    >>> pointer_for_vague("what's the thing about the clause?"), pointer_for_vague("is this thing about ports?")
    ("what's the thing about the clause?", 'is this thing about ports?')
    """
    return _VAGUE.sub(lambda m: m.group(1), question)
