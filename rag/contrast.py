"""Comparisons of named articles: a sentence that states its article's point by correcting a view is preferred.

"Do the harbour piece and the dock column agree on where the ferry is headed?" is answered, for each article, by
the sentence in which it says what the ferry is and is not ("not a luxury, but a lifeline"); the sentences
closest to the question's few words are often the ones that restate the topic both articles share.
"""

from __future__ import annotations

from dataclasses import replace

from rag.evidence import Candidate
from rag.reasons import corrective_contrast

# compare: what a sentence stating its point by correction gains (dev: 0.05 +1 on its own, 0.07 -1, 0.1 +0,
# 0.2 -1; the same bonus on a sentence naming a shift "from X to Y" +0; a small margin only breaks near-ties)
COMPARE_THESIS = 0.05


def thesis_first(query, cands: list[Candidate]) -> list[Candidate]:
    """Candidates rescored for a comparison of two or more named articles with no sides of its own: a sentence
    correcting a view ("not X but Y", ``corrective_contrast``) gains ``COMPARE_THESIS``; best first again.

    >>> from types import SimpleNamespace as S
    >>> from rag.evidence import Candidate
    >>> p = S(kind="body", doc_id="a")
    >>> c1 = Candidate(0, p, 0, 1, "The ferry is a topic of debate.", set(), score=0.52)
    >>> c2 = Candidate(0, p, 2, 3, "The ferry is not a luxury but a lifeline.", set(), score=0.50)
    >>> [c.text[:20] for c in thesis_first(S(named_docs={"a", "b"}, sides=[]), [c1, c2])]
    ['The ferry is not a l', 'The ferry is a topic']
    >>> thesis_first(S(named_docs={"a"}, sides=[]), [c1, c2])[0] is c1  # one article: nothing to set apart
    True
    """
    if len(query.named_docs) < 2 or query.sides:
        return cands
    out = [replace(c, score=c.score + COMPARE_THESIS) if c.passage.kind == "body" and corrective_contrast(c.text)
           else c for c in cands]
    return sorted(out, key=lambda c: -c.score)
