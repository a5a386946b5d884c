"""What a question insists on being named (a precise detail, names outright, a thing's own name), and whether a
sentence gives a name the question lacks.

WHY apart from ``rag.abstain``: these read the question's wording once, for ``rag.query``; the refusal rules read
the flags they set.
"""

from __future__ import annotations

import re

from rag.rules import has_new

# "which specific projects…", "does it specifically ban…", "the very first project": the asker wants one named
# instance, not the topic. Not "exactly" or "precisely": closing a question ("what's the point, exactly?") they ask
# to have a point put plainly, not for one instance (as specifics words they cost answerable questions on dev)
# ("specific" describing a thing, "deals for specific joint work", asks for no instance: only after a wh-word or
# "any" does it insist on one)
# ...and so does an example asked for after "like" ("the biggest gain, like a specific discovery"): one instance, named
_SPECIFICS = re.compile(r"\b(?:(?:which|what|any)\s+specific|specifically|the\s+very\s+first|like\s+(?:a|one)\s+specific)\b")


def asks_specifics(text: str) -> bool:
    """Does the question insist on a precise detail? A sentence about the topic in general, which may answer
    "what did the port close?", does not answer "which specific berths did the port close?".

    >>> asks_specifics("Which specific berths closed?"), asks_specifics("what's the fee exactly?")
    (True, False)
    >>> asks_specifics("what was the very first ferry?"), asks_specifics("what was the first ferry?")
    (True, False)
    >>> asks_specifics("what are deals for specific joint work called?")
    False
    >>> asks_specifics("what did the ferry deal bring, like a specific new route?")
    True
    """
    return bool(_SPECIFICS.search(text.lower()))


# "what's the name of the clause they added?": the one thing's own name. Not "the name for X", the articles' word for X
_NAME_OF = re.compile(r"\bthe\s+name\s+of\b")
# a term the sentence puts in double quotes ("the “de-risking” of ties"): a name it gives, capitalised or not
_QUOTED = re.compile(r"[“\"]\s*([^”\"]{2,60}?)\s*[”\"]")


# "which scientists warned…? names please": the asker wants names, not the group a sentence tells of ("prominent
# scientists warned…", which may answer the question without the request)
_NAMES_PLEASE = re.compile(r"\bnames?,?\s+(?:please|pls)\b|\b(?:give|list|tell)\s+(?:me\s+|us\s+)?(?:the|their)\s+names\b|"
                           r"\bby\s+name\b")


def asks_names(text: str) -> bool:
    """Does the question ask outright for names ("…? names please", "give me their names")?

    >>> asks_names("which captains warned it would sink? names please"), asks_names("who put their names on it?")
    (True, False)
    """
    return bool(_NAMES_PLEASE.search(text.lower()))


def asks_name_of(text: str) -> bool:
    """Does the question ask for a thing's name ("what's the name of the clause…")?

    >>> asks_name_of("what's the name of the clause they added?"), asks_name_of("what's the name for cutting ties?")
    (True, False)
    """
    return bool(_NAME_OF.search(text.lower()))


def gives_name(text: str, question: str, common=None) -> bool:
    """Does the sentence give a name the question lacks: a capitalised one ("the Harbor Accord") or a term it quotes?
    A sentence telling that "a new clause was added" names no clause, however close it is to the question.

    >>> gives_name('It is called the “berth rule”.', "what's the name of the rule?"), gives_name("A clause was added.", "x")
    (True, False)
    """
    quoted = [q.lower() for q in _QUOTED.findall(text)]
    return has_new("name", text, question, common) or any(q not in question.lower() for q in quoted)
