"""Words that frame a question rather than name its topic, left out of the shares of it the articles know.

"why does the writer think scrapping the whole thing would be a mistake?" asks about scrapping the agreement; "writer"
and "think" only say whose view is asked, and "the whole thing" only points at the topic, as "it" would. The articles
never use those words, so they weighed as four everyday unknown words against the two topic words ("scrap",
"mistake"): the question counted as mostly unknown words, the share of it the best sentence held fell under the
off-topic bar, and it was refused though an article answers it. Left out of both shares, as the frame of a comparison
is left out of its matching (``compare.frame_terms``), the topic words decide.

A vague noun after a content word is not a pointer: "the world cup stuff" names its topic, the world cup, and a
question about it stays mostly unknown words.
"""

from __future__ import annotations

import re

from rag.text import stem

# General English: verbs of holding a view, and the words for a text's writer
FRAME_STEMS = frozenset(stem(w) for w in ("think", "thinks", "believe", "believes", "reckon", "reckons", "feel", "feels",
                                          "writer", "writers", "author", "authors"))
# "the whole thing", "this stuff", "all these things": a determiner, maybe "whole", and a noun naming nothing
_POINTER = re.compile(r"\b(?:the|this|that|these|those|all)\s+(?:(whole)\s+)?(things?|stuff)\b")


def frame_words(text: str) -> frozenset[str]:
    """The stems of the question's words that only frame it: whose view is asked, and a phrase pointing at the topic.

    >>> sorted(frame_words("why does the writer think scrapping the whole thing would be a mistake?"))
    ['author', 'believ', 'feel', 'reckon', 'thing', 'think', 'whole', 'writer']
    >>> "stuff" in frame_words("what does the author think about the world cup stuff?")
    False
    """
    pointed = {stem(w) for m in _POINTER.finditer(text.lower()) for w in m.groups() if w}
    return FRAME_STEMS | pointed


def known_share(weights: dict[str, float], full: dict[str, float], frame: frozenset[str] = frozenset()) -> float:
    """The share of the question's weight (``full``) carried by the words the articles use (``weights``), not counting
    the ``frame`` words the articles never use.

    >>> known_share({"scrap": 4.0, "mistak": 2.0}, {"scrap": 4.0, "mistak": 2.0, "writer": 4.0, "think": 4.0}, FRAME_STEMS)
    1.0
    >>> known_share({"scrap": 4.0}, {"scrap": 4.0, "bitcoin": 4.0, "think": 4.0}, FRAME_STEMS)
    0.5
    """
    total = sum(w for t, w in full.items() if t not in frame or t in weights)
    return sum(weights.values()) / (total or 1.0)
