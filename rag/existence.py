"""Yes/no questions asking whether any instance of a thing or an act exists at all ("has any scientist been
arrested for spying?", "were there any lawsuits?"): the word of that thing or act, which the evidence must name.

WHY: the verdict reads a sentence's negations, and an everyday word the articles never use weighs nothing in
matching (it is taken for a paraphrase). So "has any scientist been arrested for spying through a project?" was
answered "Yes —" from a sentence about scientists and projects that never tells of any arrest. In a question opening
on "any", the act done (or the thing there was) is the very thing asked: when the articles never use its word and no
sentence is close in meaning, they cannot affirm it (``abstain.unjudgeable`` reads it as it reads the thing of "does
the piece mention X?", ``scope.asked_mention``, through ``Query.mentions``).
"""

from __future__ import annotations

import re

from rag.polarity import negations
from rag.scope import DOCUMENT_STEMS
from rag.text import STOPWORDS, stem

# an auxiliary opening the question, then "any"/"anyone"/"anybody" (after "there (been)"): general English
_ANY = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then|well)[,:]?\s+)*(has|have|had|was|were|is|are|did|do|does)\s+"
                  r"(there\s+(?:been\s+)?)?any(?:one|body)?\s+(.+?)\s*\??\s*$")
# where the instance ends: a clause, or a preposition placing it ("arrested for spying", "lawsuits over the pact")
_PLACED = re.compile(r"\s+(?:as|that|which|who|when|where|because|since|while|to|for|in|from|among|with|within|of|"
                     r"on|at|by|over|under|about|against|before|after|during|through|like|than|so|and|or)\s")
# where the clause asking ends ("…been arrested because…"): the passive may follow a placed subject ("anyone in the US")
_CLAUSE = re.compile(r"\s+(?:as|that|which|who|when|where|because|since|while|so|and|or)\s")
# the passive's verb: "been arrested", "get deported", "got fined"
_PASSIVE = re.compile(r"\b(?:been|be|being|get|gets|got|gotten|getting)\s+(\w+)(\s+(?:out|down|off|up|away))?")
_PARTICLE = {"out", "down", "off", "up", "away"}


def asked_instance(question: str) -> str:
    """The word of the thing or act whose existence a yes/no question opening on "any" asks about, or "".

    "has any X been Y-ed?" / "did anyone get Y-ed?" / "were any X Y-ed?": Y, the act done; "were there any X?": X, the
    thing. Not an active act ("has anyone warned that…?" asks what was said), nor an act of removal ("were any areas
    kept out?": the verdict reads exclusions), nor a word naming the document ("any deal").

    >>> asked_instance("has any scientist been arrested for spying through a project?")
    'arrested'
    >>> asked_instance("were any researchers jailed for it?"), asked_instance("were there any lawsuits over the pact?")
    ('jailed', 'lawsuits')
    >>> asked_instance("have any of the scientists at the lab been arrested?")
    'arrested'
    >>> asked_instance("did anyone get deported?"), asked_instance("has anybody warned that a lapse would hurt?")
    ('deported', '')
    >>> asked_instance("were any areas kept out of the new deal?"), asked_instance("did the pact get any extensions?")
    ('', '')
    >>> asked_instance("were there any short-term extensions before the renewal?")
    'extensions'
    """
    m = _ANY.match(question.lower())
    if not m:
        return ""
    aux, there, rest = m.groups()
    thing = _PLACED.split(" " + rest + " ", maxsplit=1)[0].split()
    if there:  # "were there any short-term lawsuits": the noun closing the thing
        return _word(thing[-1] if thing else "")
    act = _PASSIVE.search(_CLAUSE.split(" " + rest + " ", maxsplit=1)[0])  # "has anyone in the US been arrested"
    if act:
        return "" if negations(act.group(0)) else _word(act.group(1))
    if aux in ("was", "were", "is", "are") and len(thing) >= 2:  # "were any researchers jailed", "was any lab shut down"
        verb = " ".join(thing[-2:]) if thing[-1] in _PARTICLE else thing[-1]
        return "" if negations(verb) else _word(verb.split()[0])
    return ""


def _word(w: str) -> str:
    """The word as asked, unless it carries nothing of its own (a stop word) or names the document."""
    return "" if not w.isalpha() or w in STOPWORDS or stem(w) in DOCUMENT_STEMS else w
