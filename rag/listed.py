"""The things an answer listed as the kind a question asked for ("which ports were closed?" -> "Dover and Hull").

A follow-up about "those", or asking why "it"/"that stuff" was done, is about the things the last answer named of
the asked kind, while the last question only names their kind ("ports", "tech"). ``rag.followup`` keeps them with the
turn (``Turn.listed``), read from the whole of what the answer quoted, since the listing sentence may come late.

>>> asked_kind("what tech was left out of the plan?"), asked_kind("which ports were closed?"), asked_kind("why?")
('tech', 'ports', '')
"""

from __future__ import annotations

import re

from rag.antecedents import WH, WH_PLURAL
from rag.text import STOPWORDS, stem

# "ports such as A and B", "tools including A, B and C", "techs (e.g. A": the examples a sentence lists and the noun
# naming their kind (general English list markers)
_ENUMERATION = re.compile(r"\b([A-Za-z][\w\-]*)\s*\(?\s*(?:such\s+as|including|e\.g\.,?)\s+([^.;:()]+?)\s*(?=[.;:()]|$)", re.I)
KIND_PREFIX = 4  # letters the asked noun and a list's kind share to be one word ("techs"/"technologies")
MODIFIER_REACH = 2  # words before a list's kind noun that may carry the asked noun's modifiers ("critical tech areas")
# "what tech was left out…", "which gear got banned…": a singular or mass noun asked for as the subject of a passive
# or a form of "be/have" (a plural one, or the object of "do", is read by ``WH_PLURAL``)
_WH_SINGULAR = re.compile(r"^\W*(?:which|what)\s+((?:[A-Za-z\-]+\s+){0,2}[A-Za-z\-]{3,})\s+"
                          r"(?:is|was|are|were|got|gets|get|has|have|had)\b", re.I)


def asked_phrase(question: str) -> list[str]:
    """The words naming the kind of things a "what/which N …" question asks for, its noun last, else [] (a singular
    one holds no stop word: "what of the plan was…" names no kind of things listed).

    >>> asked_phrase("what tech areas got cut?"), asked_phrase("what gear was cut?"), asked_phrase("what of it was cut?")
    (['tech', 'areas'], ['gear'], [])
    """
    q = question.strip()
    if wh := WH_PLURAL.match(q):
        return (wh.group(1) or wh.group(2)).lower().split()
    words = wh.group(1).lower().split() if (wh := _WH_SINGULAR.match(q)) else []
    return [] if any(w in STOPWORDS or w in WH for w in words) else words


def asked_kind(question: str) -> str:
    """The noun naming the kind of things a "what/which N …" question asks for, else ""."""
    return (asked_phrase(question) or [""])[-1]


def _same(a: str, b: str) -> bool:
    """One word, however inflected or shortened ("techs"/"technologies")."""
    return stem(a)[:KIND_PREFIX] == stem(b)[:KIND_PREFIX]


def _modified_alike(modifiers: list[str], before: str) -> bool:
    """Do the words just before a list's kind noun carry the asked noun's modifiers? "tech areas" are not
    "non-sensitive areas": a modifier narrows the kind, so a list of another sort of areas is not what was asked."""
    near = re.findall(r"[a-z][\w\-]*", before.lower())[-MODIFIER_REACH:]
    return all(any(_same(m, w) for w in near) for m in modifiers if m not in STOPWORDS)


def listed_things(last_question: str, said: str) -> str:
    """What "those"/"these" stand for after a question asking for several things ("which ports were closed?"): the
    things the answer listed as of that kind ("…closed small ports such as Dover and Hull." -> "Dover and Hull"), else "".

    Why: the question's noun ("ports") only names their kind; a follow-up about "those" asks about the ones named.
    A list of another kind in the answer ("…kept routes such as X") is not what was asked for.

    >>> listed_things("which ports were closed?", "It closed small ports such as Dover and Hull. Others stayed.")
    'Dover and Hull'
    >>> listed_things("which ports were closed?", "It kept routes such as X and Y.")
    ''
    >>> listed_things("why was the port closed?", "It closed small ports such as Dover and Hull.")
    ''
    >>> listed_things("what gear was banned?", "It banned gear such as nets and traps.")
    'nets and traps'
    >>> listed_things("what fishing gear was banned?", "It kept safe gear such as nets. It banned fishing gear such as traps.")
    'traps'
    """
    phrase = asked_phrase(last_question)
    for m in _ENUMERATION.finditer(said) if phrase else ():
        if _same(m.group(1).lower(), phrase[-1]) and _modified_alike(phrase[:-1], said[:m.start(1)]):
            return m.group(2).strip(" ,")
    return ""


_WHY = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:why|how come)\b", re.I)
# "it", "that", "them" or a placeholder ("that stuff") points at the things; "these/those" are replaced by them
# (``rag.followup``), and "they" beside a pointer is the people acting ("why did they drop it?")
_POINTER = re.compile(r"\b(?:it|that|this|them)\b", re.I)
_PLACEHOLDER = re.compile(r"^(?:thing|stuff)s?$", re.I)
OWN_WORDS = 3  # content words a follow-up may have of its own and still only point ("why did they leave it out?")


def asks_why_listed(question: str, listed: str) -> bool:
    """Does a short "why" follow-up ask the reason for what was done to the things the last answer listed? After
    "what gear was banned?" answered "…gear such as nets and traps", "why did they drop it?" asks why nets and traps
    were banned: "it" is the gear asked for (not the plan the question named), "they" the people who banned it.

    Why: the reason is told beside the listing, and only the last question with the things listed finds it; the
    answer's first sentences, or the question's other nouns, may be about something else.

    >>> asks_why_listed("why did they drop it?", "nets and traps"), asks_why_listed("why leave that stuff out?", "nets")
    (True, True)
    >>> asks_why_listed("why did they drop it?", ""), asks_why_listed("when was it signed?", "nets and traps")
    (False, False)
    >>> asks_why_listed("why did they leave those out?", "nets"), asks_why_listed("why was the new port plan cut back so much this year?", "nets")
    (False, False)
    """
    if not listed or not _WHY.match(question) or not _POINTER.search(question):
        return False
    own = [w for w in re.findall(r"[a-z][\w\-']*", question.lower())
           if w not in STOPWORDS and w not in WH and not _PLACEHOLDER.match(w) and w not in ("come", "it", "them")]
    return len(own) <= OWN_WORDS
