"""A numbered part of a document named in a question ("article 3", "section 2", "clause IV").

"What does article 3 of the agreement say?" asks for the text of one part, and a passage that speaks of the
agreement in general, however close, does not quote it: only a passage that writes that part's name can
answer. The words are general English for the divisions of a legal text, not phrases of any corpus.
"""

from __future__ import annotations

import re

# the divisions a treaty, law or contract is numbered by, then the number (digits or a roman numeral)
_PART = re.compile(r"\b(article|section|clause|paragraph|chapter|annex|appendix|subsection|protocol)s?"
                   r"\s+(\d{1,3}[a-z]?|[ivx]{1,5})\b(?!\s*(?:percent|per\s+cent|%))")


def numbered_parts(text: str) -> list[str]:
    """The numbered parts a text names, lower case ("article 3").

    >>> numbered_parts("What exactly does Article 3 of the agreement say?")
    ['article 3']
    >>> numbered_parts("which articles say it was renewed?"), numbered_parts("the section on data")
    ([], [])
    """
    return [f"{kind} {num}" for kind, num in _PART.findall(text.lower())]


def unwritten_parts(unknown, question: str, passages):
    """The unknown terms plus each numbered part the question names and no passage writes: a name the
    articles never mention, as decisive as a year they never write (``abstain.Unknown.entities``)."""
    asked = numbered_parts(question)
    if not asked:  # most questions name no numbered part: the passages need no reading
        return unknown
    texts = [re.sub(r"\s+", " ", p.text.lower()) for p in passages]
    return unknown.naming([part for part in asked if not any(part in t for t in texts)])
