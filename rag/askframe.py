"""Words a question asks *with*, not about, left out of the share of it the articles do not know.

WHY: a question is refused as "mostly unknown words" when words the articles never use carry over 80% of its
weight and no sentence is close in meaning (``abstain.MOSTLY_UNKNOWN``). Two kinds of everyday word weigh in that
share though they name no topic the articles lack:

- the noun that names the *kind* of answer asked for, "in which city…", "what year…": the question asks for a
  place or a date (``asked.question_type``), and a sentence naming one answers it, whether or not it writes "city";
- an everyday noun for an agreement ("deal") when the articles call it by another ("agreement", "pact"): a
  synonym of what they are about, which ``scope.in_own_words`` already reads as their own word for it.

"in which city was the updated deal wrapped up?" held one known word ("updated") beside three such words and was
refused, though an article says where the update was finalized. Like the words that frame a view
(``framewords``), these are left out of the shares; every other unknown word still counts.
"""

from __future__ import annotations

import re

from rag.asked import kind_heads
from rag.scope import DOCUMENT_STEMS
from rag.text import STOPWORDS, stem

# "in which city…", "what year did…", "which countries…": the wh-word's noun, up to one modifier before it
_WH_NOUN = re.compile(r"\b(?:which|what)\s+([a-z\-]+)(?:\s+([a-z]+))?\b")


def kind_nouns(text: str) -> frozenset[str]:
    """The stems of the nouns after "which/what" that name the kind of answer asked for (a place, a date, a number).

    >>> sorted(kind_nouns("in which city was it signed?")), sorted(kind_nouns("what exact year did it lapse?"))
    (['citi'], ['year'])
    >>> kind_nouns("which ports handle ferries?"), kind_nouns("what did the city say?")
    (frozenset(), frozenset())
    """
    heads = kind_heads()
    out = set()
    for m in _WH_NOUN.finditer(text.lower()):
        noun = next((w for w in m.groups() if w in heads), "")  # the noun itself, or after its one modifier
        if noun:
            out.add(stem(noun))
    return frozenset(out)


def synonym_documents(terms: list[str], known) -> frozenset[str]:
    """The question's nouns for an agreement that the articles never write, when they write another one ("deal"
    beside their "agreement"): an everyday synonym of their own word, not a new topic.

    >>> sorted(synonym_documents(["deal", "renew"], {"agreement", "renew"}.__contains__))
    ['deal']
    >>> synonym_documents(["deal"], set().__contains__), synonym_documents(["pact"], {"pact"}.__contains__)
    (frozenset(), frozenset())
    """
    if not any(known(w) for w in DOCUMENT_STEMS):
        return frozenset()  # articles that call no document by such a noun: "deal" may be their topic's new word
    return frozenset(t for t in terms if t in DOCUMENT_STEMS and not known(t))


# Adjectives of generality (general English, as ``intent._WHOLE_ASK`` reads them): "the main pillars", "the key
# points" grade what is asked for, they name no topic of their own
_GENERALITY = re.compile(r"\b(main|key|basic|core|central|major|chief|principal|overall)\s+([a-z][a-z\-]*)")


def generality_words(text: str) -> frozenset[str]:
    """The stems of the adjectives of generality before a noun ("list the main pillars": "main").

    >>> sorted(generality_words("list the main pillars the article lays out")), generality_words("the key to it")
    (['main'], frozenset())
    """
    return frozenset(stem(m.group(1)) for m in _GENERALITY.finditer(text.lower()) if m.group(2) not in STOPWORDS)


def asking_words(text: str, terms: list[str], known) -> frozenset[str]:
    """Every kind of asking word of a question (``kind_nouns``, ``synonym_documents``, ``generality_words``)."""
    return kind_nouns(text) | synonym_documents(terms, known) | generality_words(text)
