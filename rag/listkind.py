"""The kind of things a list question asks for, read off the plural after its wh-word (``intent.listed_kind``).

The plural found there is not always a noun: "what does X mean?" has the auxiliary "does", "what makes the US wary?"
a verb taking an object; and "what kinds of X" names its kind in X, not in "kinds". A sentence listing things of a
kind may name it by a word of the same class: "areas such as public health" lists what "what fields…" asks for.
"""
from __future__ import annotations

import re

from rag.text import STOPWORDS, stem

_AUX = {"is", "are", "was", "were", "does", "has", "its"}
# "-ss", "-us": no plurals ("congress", "famous"). (Words in "-is", "this", are left as they read: dropping them
# changed an overview's answer for the worse on dev.)
_NOT_PLURAL = re.compile(r"(?:ss|us)$")
# after a verb in -s comes its object: "makes the US…", "runs the most…"
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|its|their|his|her|our|my|your|these|those|them|him|me)\b")
_KIND_WORDS = {"kinds", "types", "sorts"}
_PHRASE_END = {"got", "get", "gets", "getting", "been", "being"}
# Words naming a domain of knowledge or work: one is as good as another as the kind a listing names
DOMAIN_KINDS = {stem(w) for w in ("area", "field", "domain", "subject", "discipline", "topic", "sector", "science")}


def kind_after_of(rest: str) -> str:
    """The noun of "kinds of X" (``rest`` follows "of"): its first plural among the next three words, else the last
    of them before a function word.

    >>> kind_after_of(" critical tech does zhang list"), kind_after_of(" safe, non-touchy subjects is it on?")
    ('tech', 'subjects')
    >>> kind_after_of(" joint projects happened under it"), kind_after_of(" tech got left out")
    ('projects', 'tech')
    """
    words = []
    for w in re.findall(r"[a-z\-]+|[^\sa-z\-,]", rest)[:3]:
        if w in STOPWORDS or w in _PHRASE_END or not w[0].isalpha():
            break
        words.append(w)
    plural = [w for w in words if w.endswith("s") and not _NOT_PLURAL.search(w)]
    return (plural or words or [""])[0 if plural else -1]


def listed_noun(q: str, m: re.Match) -> str:
    """The stem of the kind a list question asks for, from the match of its plural after the wh-word (group 1), or "".

    >>> import re; pat = re.compile(r"(?:what|which)\\s+(?:(?:are|were)\\s+(?:the\\s+)?)?(?:[a-z\\-]+\\s+){0,2}?([a-z\\-]{3,}s)\\b")
    >>> [listed_noun(q, pat.search(q)) for q in ("what does it mean?", "which agency runs the port?", "what are the areas?")]
    ['', '', 'area']
    >>> listed_noun("what kinds of science do they share?", pat.search("what kinds of science do they share?"))
    'scienc'
    """
    word = m.group(1)
    verb = not re.search(r"\b(?:are|were)\b", m.group(0)) and _OBJECT_NEXT.match(q, m.end())
    if word in _AUX or _NOT_PLURAL.search(word) or verb:
        return ""
    if word in _KIND_WORDS and q[m.end():].startswith(" of "):
        return stem(kind_after_of(q[m.end() + 3:]))
    return stem(word)


def same_kind(term: str, kind: str, loose: bool = False) -> bool:
    """Does a sentence's term name the asked kind: the same stem, a clipped one ("techs" for "technologies"), or, when
    ``loose``, another word for a domain ("areas" for "fields"; heard only when no sentence names the kind's own word)?

    >>> same_kind("technolog", "tech"), same_kind("area", "field"), same_kind("area", "field", True)
    (True, False, True)
    """
    return term == kind or (len(kind) >= 4 and term.startswith(kind)) or (loose and kind in DOMAIN_KINDS and term in DOMAIN_KINDS)
