"""Irregular word forms: a question word the articles never use, met in another inflection they do use.

The Snowball stemmer joins regular forms ("renews", "renewed" -> "renew") but not irregular ones: "send" and
"sent", "write" and "wrote", "child" and "children" stay apart, so "who said it would send a bad message?" counted
"send" as a word the articles never use (and was refused as mostly unknown words) while they write "would have sent".
``lemminflect`` (an English lemma and inflection table; offline) gives the word's lemma and that lemma's other
inflections of the same part of speech; the first whose stem the articles use stands for the question's term. Only
a term the articles never use is replaced, so nothing they do write changes meaning; and only within one part of
speech (a verb's inflections, a noun's plural), so "left" (the verb) may become "leave" but never the adjective
"good" stand for "best".
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from rag.text import stem

_POS = {"VERB": "V", "NOUN": "N"}  # parts of speech with irregular inflections worth joining (adjectives: "best" ≠ "good")

# Light verbs, verbs of thinking or perceiving, and posture verbs used as "be" (general English): "came out of it",
# "got renewed", "why did they think…", "leave X out", "where it stood" carry the question's frame, not its topic, and
# a sentence saying "come", "thought" or "long-standing" is no closer to it (dev: joining them lost six questions).
LIGHT_VERBS = frozenset("be have do get go come make take give put set keep let leave think know feel see say tell mean "
                        "stand sit lie".split())


@lru_cache(maxsize=8192)
def other_forms(word: str) -> tuple[str, ...]:
    """The word's lemma and that lemma's inflections of the same part of speech, other than the word itself.

    >>> other_forms("send")
    ('sent', 'sending', 'sends')
    >>> "child" in other_forms("children"), "good" in other_forms("best"), other_forms("came")
    (True, False, ())
    """
    import lemminflect  # loaded on the first unknown word only: it reads its tables from disk

    forms: list[str] = []
    for upos, lemmas in lemminflect.getAllLemmas(word).items():
        if upos not in _POS:
            continue
        if upos == "VERB" and LIGHT_VERBS.intersection(lemmas):
            continue
        for lemma in lemmas:
            inflected = lemminflect.getAllInflections(lemma)
            forms += [lemma] + [f for tag, fs in sorted(inflected.items()) if tag[0] == _POS[upos] for f in fs]
    return tuple(f for f in dict.fromkeys(forms) if f != word)


@lru_cache(maxsize=8192)
def lemmas_of(word: str) -> tuple[str, ...]:
    """The word's lemmas (any part of speech) other than itself: "steals" -> ("steal",), "worries" -> ("worry",).

    >>> lemmas_of("steals"), lemmas_of("worries"), lemmas_of("steal")
    (('steal',), ('worry',), ())
    """
    import lemminflect

    return tuple(x for x in dict.fromkeys(l for ls in lemminflect.getAllLemmas(word).values() for l in ls) if x != word)


def warm() -> threading.Thread:
    """Load lemminflect's tables in a daemon thread, so a server's first question with a word the articles never use
    does not wait ~0.7 s for them (a one-shot ``rag ask`` loads them only if its question needs them)."""
    t = threading.Thread(target=other_forms, args=("sent",), name="forms-warm", daemon=True)
    t.start()
    return t


def known_form(word: str, known) -> str | None:
    """The stem of another inflection of ``word`` that the articles use, when they never use the word's own stem.

    >>> known_form("send", {"sent"}.__contains__), known_form("renew", {"renew"}.__contains__)
    ('sent', None)
    >>> known_form("wrote", {"write"}.__contains__), known_form("initiative", {"initi"}.__contains__)
    ('write', None)
    """
    if known(stem(word)) or not word.isalpha():
        return None
    forms = other_forms(word)  # "complements": its lemma's adjective too
    derived = tuple(a for f in (word, *forms) for a in derived_adjectives(f))
    return next((stem(f) for f in forms + derived if stem(f) != stem(word) and known(stem(f))), None)


def derived_adjectives(word: str) -> tuple[str, ...]:
    """The adjective English derives from a noun or verb with "-ary" ("complement" -> "complementary", "discipline" ->
    "disciplinary"): it names the same thing's quality, so "how do they complement each other?" is told by a sentence
    saying "they have complementary strengths". The stemmer keeps the two apart ("complement" / "complementari"), and
    the question's word, which the articles never use, weighed nothing. Only "-ary": "-al" and "-ive" join words of
    other meanings ("fine" / "final"), and a verb's noun in "-ment" is not the verb ("agree" / "agreement").

    >>> derived_adjectives("complement"), derived_adjectives("discipline")
    (('complementary',), ('disciplinary',))
    >>> known_form("complement", {"complementari"}.__contains__), known_form("agree", {"agreement"}.__contains__)
    ('complementari', None)
    >>> known_form("complementing", {"complementari"}.__contains__)
    'complementari'
    """
    return (word[:-1] if word.endswith("e") else word) + "ary",


# A word standing alone, not a part of a hyphenated compound: "write-ups" and "stand-off" are nouns, not the verbs
_STANDALONE = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’]|-\w)")


def _standalone(text: str) -> list[str]:
    """The question's words that stand alone, lower-cased.

    >>> _standalone("Do the write-ups send it, or don't they?")
    ['do', 'the', 'send', 'it', 'or', 'they']
    """
    return _STANDALONE.findall(text.lower())


def in_corpus_forms(ts: list[str], text: str, known) -> list[str]:
    """The question's terms with each one the articles never use put in the inflection they do use.

    >>> in_corpus_forms(["say", "send", "messag"], "who said it would send a message?", {"sent", "say"}.__contains__)
    ['say', 'sent', 'messag']
    >>> in_corpus_forms(["write", "up"], "what do the write-ups say?", {"wrote"}.__contains__)  # a compound's part
    ['write', 'up']
    """
    swap: dict[str, str] = {}
    for w in _standalone(text):
        if stem(w) in ts and stem(w) not in swap and (form := known_form(w, known)):
            swap[stem(w)] = form
    out = [swap.get(t, t) for t in ts]
    return list(dict.fromkeys(out))
