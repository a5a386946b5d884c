"""A bare "what is X?" asks the articles to define X: a word of X they never write means they never name it.

WHY: everyday words the articles don't use weigh nothing when sentences are matched (they are usually
paraphrases), so "what's the harbour amendment?" over articles that only say "amend" was answered by a sentence
sharing the head word alone ("…whether to extend, amend, or terminate…"), and "who is the port authority
director?" by any sentence naming an authority. A question that is nothing but a definition frame around a short
noun phrase has no other words to paraphrase: the phrase *is* the thing asked about, a name or a term, and every
word of it that the articles never write (a modifier as much as the head) says they never name that thing. A
question with more to it ("what is X about?", "what's the X of Y?", "what is X doing?") is left to the other
refusals, where an unknown word may still be a paraphrase.
"""

from __future__ import annotations

import re

from rag.abstain import EVERYDAY_ZIPF
from rag.askframe import asking_words
from rag.spelling import zipf
from rag.text import STOPWORDS, stem

# "what is X?", "what's the X?", "who is X?", "what are X exactly?": a definition frame around one short noun
# phrase (up to four words, optionally "exactly/basically/anyway" after it, the question's only content)
_DEFINE = re.compile(r"^\s*(?:(?:so|and|ok|okay|um|hey)[\s,]+)?(?:what|who)\s*(?:is|are|was|were|'s|’s|'re)\s+"
                     r"(?:(?:the|a|an|this|that|these|those)\s+)?([a-z0-9][a-z0-9\-' ]*?)"
                     r"(?:\s+(?:exactly|basically|anyway|again|then))?\s*[?.!]*\s*$")
MAX_WORDS = 4  # a longer run is a clause, not a name ("what's the us good at vs…")
# nouns too general to name anything: "what's this thing?", "what is that stuff?"
GENERIC = frozenset({"thing", "things", "stuff", "one", "ones", "deal", "point", "idea"})


def defined_phrase(text: str) -> list[str]:
    """The words of the noun phrase a bare definition question asks about, or [] for any other question.

    >>> defined_phrase("what's the harbour amendment?"), defined_phrase("Who is Jane Roe?")
    (['harbour', 'amendment'], ['jane', 'roe'])
    >>> defined_phrase("what is the pact about?"), defined_phrase("what's the name of the port?")
    ([], [])
    >>> defined_phrase("what are the ferries doing now?"), defined_phrase("what is it?")
    ([], [])
    >>> defined_phrase("what's Jane Roe's job title?")
    []
    """
    m = _DEFINE.match(text.lower().replace("’", "'"))
    if not m:
        return []
    words = m.group(1).split()
    if not words or len(words) > MAX_WORDS or any(w in STOPWORDS for w in words):
        return []  # "what is it", "what are they doing", "what was in it": no noun phrase of its own
    if any("'" in w for w in words):
        return []  # "what's Zhang's job title?": an attribute of a thing named, not a name to define
    return words


def undefined_words(text: str, known, spared=frozenset()) -> list[str]:
    """The words of a bare definition question's phrase that the articles never write (``known`` reads a stem):
    they never name the thing asked to be defined. ``spared`` are stems that name something they do hold under
    another word (an article's initials, "deal" for their "agreement").

    >>> known = {"amend", "port", "author"}.__contains__
    >>> undefined_words("what's the harbour amendment?", known), undefined_words("what is the port authority?", known)
    (['harbour'], [])
    >>> undefined_words("what's the worry exactly?", known), undefined_words("what is a zorbulator?", known)
    ([], ['zorbulator'])
    >>> undefined_words("what's this harbour thing?", known, {"harbour"}), undefined_words("what is the pact about?", known)
    ([], [])
    """
    words = defined_phrase(text)
    # The head noun in everyday English may be the asker's word for one of theirs ("what's the worry exactly?"
    # after an answer on their "concerns"); a modifier, or a head English rarely writes, narrows it to a named thing
    return [w for i, w in enumerate(words) if w not in GENERIC and not _written(w, known, spared)
            and (i < len(words) - 1 or zipf(w) < EVERYDAY_ZIPF)]


def _written(word: str, known, spared) -> bool:
    """Do the articles write this word, each part of a hyphenated one ("military-civil") or its possessive's?"""
    parts = [p for p in re.split(r"[-']", word) if p and p != "s"]
    return all(p in GENERIC or stem(p) in spared or known(stem(p)) or known(p) for p in parts)


def unnamed_defined(query, known) -> list[str]:
    """``undefined_words`` of a ``Query``: its article names and its asking words ("deal" for their "agreement",
    ``askframe``) name things the articles hold under other words, so they are spared."""
    return undefined_words(query.text, known, frozenset(query.naming) | asking_words(query.text, query.terms, known))


def unwritten_name(query, cands) -> bool:
    """Is a bare "what is X?" asking about an article's name ("what is the csis?") that no body sentence among
    ``cands`` writes? The name is known from the article's byline, which tells where it was published, not what
    that is; a writer's name is answered when a body sentence names them (a bio line: "who is Jane Roe?")."""
    words = [stem(p) for w in defined_phrase(query.text) for p in re.split(r"[-'.]", w) if p and p not in GENERIC]
    if not words or not set(words) <= set(query.naming):
        return False
    return not any(c.passage.kind == "body" and set(words) <= c.terms for c in cands)
