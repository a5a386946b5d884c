"""Which part of "X, excluding Y" a yes/no question's noun phrase speaks of, when its head and its modifier part ways.

"Is AI research left out of the new pact?" against "the pact focuses on basic research, excluding artificial
intelligence": the head noun "research" is held by the part before the exclusion only ("basic research"), and the
modifier "AI" by the part after it, written out ("artificial intelligence"). A modifier narrows its head to one kind:
"AI research" is not the "basic research" the first part keeps, and the question asks about the kind the modifier
names. So the modifier's part decides (``rag.polarity.bound_or_left_out``). General English only: initials spelled
out in plain words, and a modifier written right before its head.
"""

from __future__ import annotations

import re

from rag.scope import DOCUMENT_STEMS
from rag.text import STOPWORDS, terms

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def writes_initials(acronym: str, text: str) -> bool:
    """Does ``text`` write out a short acronym in plain words, any case ("artificial intelligence" for "ai")?
    Only runs of words of four letters or more, none a word of function: "and it" spells no "ai".

    >>> writes_initials("ai", "such as artificial intelligence and X"), writes_initials("ai", "and it is here")
    (True, False)
    >>> writes_initials("qc", "excluding quantum computing"), writes_initials("research", "basic research")
    (True, False)
    """
    if not (acronym.isalpha() and 2 <= len(acronym) <= 4):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    n = len(acronym)
    for i in range(len(words) - n + 1):
        run = words[i:i + n]
        if all(len(w) >= 4 and w not in STOPWORDS for w in run) and "".join(w[0] for w in run) == acronym:
            return True
    return False


def held_by(part: str, asked: list[str]) -> set[str]:
    """The terms of ``part``, with the asked acronyms it writes out ("ai" for "artificial intelligence")."""
    return set(terms(part)) | {t for t in asked if writes_initials(t, part)}


def modifier_part(question: str, asked: list[str], head: str, parts: list[str], held: list[set[str]]) -> int | None:
    """The index of the one part holding the modifier written right before ``head`` in the question ("AI" of "AI
    research"), when the head's own part writes the head after another modifier ("basic research"); else None.

    >>> q, asked, parts = "is ai research left out?", ["ai", "research", "left"], ["basic research", "excluding AI"]
    >>> modifier_part(q, asked, "research", parts, [{"basic", "research"}, {"ai", "exclud"}])
    1
    >>> modifier_part("is research on ai left out?", ["research", "ai", "left"], "ai", parts, [{"research"}, {"ai"}])
    >>> modifier_part("does it cover barges?", ["cover", "barg"], "barg", ["It covers ferries", "excluding barges"],
    ...               [{"cover", "ferri"}, {"exclud", "barg"}])
    >>> modifier_part("is ai research excluded?", ["ai", "research", "exclud"], "exclud", parts,
    ...               [{"basic", "research"}, {"ai", "exclud"}])
    """
    at = asked.index(head) if head in asked else -1
    if at < 1 or _LEAVING.match(head):  # "research excluded": the verb of leaving out is no head of a kind
        return None
    mod = asked[at - 1]
    # written right before the head in the question ("ai research"), not a word of another phrase ("research on ai")
    words = _WORD.findall(question.lower())
    adjacent = any(list(terms(a)) == [mod] and list(terms(b)) == [head] for a, b in zip(words, words[1:]))
    where = [i for i, h in enumerate(held) if mod in h]
    if not adjacent or len(where) != 1 or head in held[where[0]]:
        return None
    # the head's part names another kind of it ("basic research"), not the head alone after a verb ("excluding
    # barges": "cover barges" asks of barges, its "cover" a verb, no kind)
    return where[0] if any(other_kind(parts[i], head, mod) for i, h in enumerate(held) if head in h) else None


# words leaving something out: what follows them is the thing left out, not a kind of it
_LEAVING = re.compile(r"^(?:exclu|except|ban|bar|omit|leav|drop|without)", re.I)


def other_kind(part: str, head: str, mod: str) -> bool:
    """Does ``part`` write ``head`` right after a modifier other than ``mod`` ("basic research" for "ai research")?

    >>> other_kind("It focuses on basic research", "research", "ai"), other_kind("excluding research", "research", "ai")
    (True, False)
    """
    words = _WORD.findall(part)
    for a, b in zip(words, words[1:]):
        if list(terms(b)) == [head] and terms(a) and list(terms(a)) != [mod] and not _LEAVING.match(a) \
                and not a.lower().endswith("ly"):  # "explicitly excluding": an adverb names no kind
            return True
    return False


def names_the_document(question: str, term: str) -> bool:
    """Is ``term`` written right before a word for the document in the question ("the updated agreement", "the
    revised pact")? Such a word says which version is meant, as the document's own name does, and decides nothing
    of which part of "X, excluding Y" is asked: "The updated agreement focuses on basic research, excluding AI"
    holds "updated" before its exclusion for any question about the updated agreement.

    >>> names_the_document("is ai excluded from the updated agreement?", "updat")
    True
    >>> names_the_document("was the agreement updated to exclude ai?", "updat")
    False
    """
    words = _WORD.findall(question.lower())
    return any(list(terms(a)) == [term] and set(terms(b)) & DOCUMENT_STEMS for a, b in zip(words, words[1:]))
