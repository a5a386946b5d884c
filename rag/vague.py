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


# At a conversation's start, "it", "its" and a bare "this"/"that" (no noun after it) point at nothing said before:
# on a page about one subject, "why does it matter?" asks about that subject. Only a question of a few content
# words of its own, none of them a word the articles use, is read so (``pipeline``: "when was it signed?" is found by
# "signed", and the subject's many words would only drown it out).
_IT = re.compile(r"\b(its|it|this|that)\b(?!\s*['’]s\b)", re.I)
_NOT_POINTING = re.compile(r"^\s*(?:is|was)\s+it\s+(?:true|so|possible|likely|the\s+case)\b", re.I)  # a dummy "it"
# A relational noun with no complement ("what's the catch?", "any downsides?"): at the start, of the subject
_RELATIONAL = re.compile(r"\b((?:the|any)\s+(?:(?:main|real|big|biggest|only)\s+)?(?:downsides?|upsides?|drawbacks?|"
                         r"catch|benefits?|point|risks?|significance|importance|purpose|goals?|aims?))\b"
                         r"(?!\s+(?:of|to|for|from|between|on|in|with|about|behind)\b)", re.I)
def about_subject(question: str, subject: str) -> str:
    """The first question of a conversation with its bare pointer, or its relational noun's missing complement,
    put as the page's ``subject`` ("the harbour lease (HL)": the part in brackets is left out); unchanged when it has
    nothing to fill.

    >>> about_subject("why does it matter?", "the harbour lease (HL)")
    'why does the harbour lease matter?'
    >>> about_subject("what are its goals?", "the harbour lease"), about_subject("what's the catch?", "the harbour lease")
    ("what are the harbour lease's goals?", "what's the catch of the harbour lease?")
    >>> about_subject("why does that change matter?", "the harbour lease")  # "that" before a noun points at it
    'why does that change matter?'
    >>> about_subject("is it true that fees rose?", "the harbour lease"), about_subject("why?", "the harbour lease")
    ('is it true that fees rose?', 'why?')
    """
    named = re.sub(r"\s*\([^)]*\)", "", subject).strip()
    if not named or _NOT_POINTING.match(question):
        return question
    for m in _IT.finditer(question):
        after = question[m.end():]
        if m.group(1).lower() in ("this", "that") and re.match(r"\s+(?!(?:is|was|does|did|has|mean|means|matter|"
                                                                 r"matters|happen|happened|about)\b)[a-z]", after, re.I):
            continue  # "that change": a determiner, naming its own thing
        return question[:m.start()] + (named + "'s" if m.group(1).lower() == "its" else named) + after
    m = _RELATIONAL.search(question)
    return question[:m.end()] + " of " + named + question[m.end():] if m else question
