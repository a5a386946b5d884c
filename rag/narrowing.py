"""A change of course told as a narrowing: "how have the ferry ties changed over the years?" is often answered by the
sentence saying the ties were cut down to a part ("the pact narrows cooperation to safe routes", "a move to targeted
crossings", "now limited to cargo"). Such a sentence shares few of the question's words and states no "shift", so it
scores at about half the best, below the share at which ``course.course_told`` hears a turn; it is heard first down
to ``NARROW_SHARE`` of the best, since what was narrowed is the change asked about. When no passage the question's
words draw tells a narrowing, a second search by the question and the words of one adds the few that do
(``course_pool``).
"""

from __future__ import annotations

import re

from rag.nearness import near_best
from rag.reasons import states_shift
from rag.text import stem

NARROW_SHARE = 0.5  # "how have ties changed?": the sentence telling they were narrowed, down to this share of the best
NARROW_PASSAGES = 3  # passages a course question's second search (by the words of a narrowing too) adds to the pool
# the words a writer tells a narrowing in, searched for beside the question's own: general English, read by
# ``states_narrowing``
NARROW_TEXT = "narrowed targeted selective limited"
NARROW_WORDS = [stem(w) for w in NARROW_TEXT.split()]

# Cut down to a part (general English): "narrows/narrowed the scope", "targeted/selective engagement", "limited,
# restricted or confined to", "scaled/pared back", "curtailed". "Targeted by hackers" names a victim, not a scope;
# "not only to" adds rather than confines.
_NARROWED = re.compile(r"\bnarrow(?:s|ed|ing|er)\b|\b(?:targeted|selective)\b(?!\s+(?:by|at|for|against)\b)|"
                       r"(?<!not\s)\b(?:limited|restricted|confined)\s+to\b|\b(?:scal|par)(?:e|es|ed|ing)\s+back\b|"
                       r"\bcurtail(?:s|ed|ing)?\b", re.I)


def states_narrowing(text: str) -> bool:
    """Does a sentence say that something was cut down to a part of what it was?

    >>> states_narrowing("The pact narrows the crossings to cargo."), states_narrowing("Ferries were targeted by pirates.")
    (True, False)
    >>> states_narrowing("A move to selective crossings."), states_narrowing("The ferry ties remain vital.")
    (True, False)
    """
    return bool(_NARROWED.search(text))


def narrowing_told(query, cands: list) -> object | None:
    """A matter's course asked for (``query.trend``): the sentence, down to ``NARROW_SHARE`` of the best, saying it
    was narrowed, unless the best says so already."""
    if not query.trend or not cands or states_narrowing(cands[0].text):
        return None
    # one that tells the turn too ("a shift toward targeted crossings") tells the change itself, not only its outcome
    return near_best(cands, NARROW_SHARE, lambda c: states_narrowing(c.text) and states_shift(c.text)) \
        or near_best(cands, NARROW_SHARE, lambda c: states_narrowing(c.text))


def course_pool(retriever, query, pool: list) -> list:
    """A course question's passages (``query.trend``) that a second search, by the question's words and the words of a
    narrowing (``NARROW_TEXT``, in its vector too), ranks best and ``pool`` lacks, when no passage of ``pool`` tells a
    narrowing: "how has ferry teamwork changed?" shares no word with "the pact narrows crossings to cargo"."""
    if not query.trend or query.more or any(states_narrowing(p.text[a:b]) for p in pool for a, b in p.sentences):
        return []
    return retriever.search_beyond(pool, query, list(dict.fromkeys([*query.terms, *NARROW_WORDS])), NARROW_PASSAGES,
                                   hint=NARROW_TEXT)
