"""An overview's sentence that holds far more of the question's own words than any sentence the spread chose.

The spread ranks an overview's sentences mostly by meaning (``Candidate.sim``); for a broad question ("the big
picture on X right now?") the embedding rates the sentences that restate the topic in general terms highest, and
the two-sentences-per-article cap (``spread.PER_ARTICLE``) then shuts out a sentence of an article already heard
that says what the matter now is in the question's own words. It is the counterpart of ``spread.closest_in_meaning``
(a sentence far closer in meaning than the ones chosen is always heard): one far richer in the question's words is too.
"""

from __future__ import annotations

from rag.evidence import Candidate
from rag.neighbours import fresh

WORDS_MARGIN = 0.15  # overlap beyond every chosen sentence's (dev: 0.1, 0.15 +1; 0.05 +1 but 15 answers moved, cp -0.001)


def richer_in_words(pool: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
    """The first sentence of ``pool`` (the spread's candidates, best first, all within its share of the best
    score) not chosen and not repeating a chosen one, holding ``WORDS_MARGIN`` more of the question's terms
    (``overlap``) than every chosen sentence, or None.

    >>> from types import SimpleNamespace as S
    >>> a, b, c = S(overlap=0.3, terms={"a"}), S(overlap=0.5, terms={"b"}), S(overlap=0.35, terms={"c"})
    >>> richer_in_words([c, b], [a]) is b, richer_in_words([c], [a])
    (True, None)
    """
    most = max(x.overlap for x in chosen)
    return next((c for c in pool if c.overlap >= most + WORDS_MARGIN and fresh(c, chosen)), None)
