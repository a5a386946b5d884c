"""A two-word name a definition question asks about ("what was the harbour initiative?") that no passage writes.

"What was the X Y?" asks what a thing called "X Y" is. Each word alone may be one the articles use ("harbour",
"initiative") while the thing is one they never name: a sentence about the harbour and another about some
initiative does not say what "the harbour initiative" was, however close. The question is then about a name the
articles never mention, as decisive as a numbered part they never write (``rag.parts``). Only the bare pattern
"what is/was the <word> <word>" counts, each word a content word the articles use: general English, no corpus phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.text import STOPWORDS, terms

# "what was the X Y?", "what's the X Y and when…": the definite name is the whole asked thing (two words, no more)
_DEFINED = re.compile(r"^\W*(?:(?:so|and|ok|okay|but|then)\s+)?what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the\s+"
                      r"([a-z][a-z\-]*)\s+([a-z][a-z\-]*)\s*(?:[?.!]|,|$|\s+and\s+(?:when|where|who|why|how|what|"
                      r"did|does|do|is|was|were|has|had)\b)")


def defined_compound(question: str) -> tuple[str, ...]:
    """The stems of the two-word name "what is/was the X Y?" asks about, or () for any other question.

    An adverb ("what's the worry exactly?") or a stop word is no part of a name.

    >>> defined_compound("what was the harbour initiative and when did it end?")
    ('harbour', 'initi')
    >>> defined_compound("what's the worry exactly?"), defined_compound("what is the harbour initiative for?")
    ((), ())
    """
    m = _DEFINED.match(question.lower().replace("’", "'").strip())
    if not m or any(w in STOPWORDS or w.endswith("ly") for w in m.groups()):
        return ()
    return tuple(terms(" ".join(m.groups())))


def writes_run(text_terms: list[str], run: tuple[str, ...]) -> bool:
    """Does a text's term sequence hold ``run`` as consecutive terms?

    >>> writes_run(["harbour", "initi", "began"], ("harbour", "initi")), writes_run(["initi", "harbour"], ("harbour", "initi"))
    (True, False)
    """
    n = len(run)
    return any(tuple(text_terms[i:i + n]) == run for i in range(len(text_terms) - n + 1))


def unwritten_compound(unknown, query, passages, known):
    """The unknown terms plus the two-word name a definition question asks about (``defined_compound``) when each
    word is one the articles use (``known``: a lexicon's) and no passage writes them together; a name an article
    is named by ("the harbour piece") is the article's, not an unknown thing's."""
    run = defined_compound(query.text)
    if len(run) != 2 or query.about_articles or set(run) & set(query.naming) or not all(known(t) for t in run):
        return unknown
    if any(writes_run(terms(p.text), run) for p in passages):
        return unknown
    return replace(unknown, entities=list(unknown.entities) + [" ".join(run)])
