"""Does a question name its one article as the source of what it asks, without a verb of saying?

"How many protocols has it led to according to the SCMP article?", "per the RS writer, which problems…",
"in the CSIS piece, who keeps pointing at…": the reader asks what that article tells, as "what does the SCMP
article say about…" does (``about_articles.asks_their_account``), so another article's sentence is no answer,
however close: it misleads a reader who asked about that one. ``query.understand`` reads this into
``Query.sourced``, which keeps a fact answer's evidence to the named article (``answering._pick``) as
``Query.account`` does. It does not set ``Query.meant``: searching without the article's name raised the closeness
of off-topic sentences and lifted a refusal on dev ("how many side deals… according to the scmp": no sentence says).
"""

from __future__ import annotations

import re

# "according to X", "acc. to X", "per X" (not "per cent", "per year": a rate, not a source); general English cues
_CUE = re.compile(r"\b(?:according to|acc(?:\.|ording)? to|per (?!(?:cent|centum|capita|annum|se|year|month|week|day|"
                  r"hour|person|head|unit|share|student|visa|project)\b))")
# "in the X piece", "from the X article": a word for an article, a few words after "in/from the", says whose account
_IN_PIECE = re.compile(r"\b(?:in|from)\s+(?:the|this|that)\s+(?:[\w.'’-]+\s+){0,3}?"
                       r"(?:piece|article|story|op-?ed|essay|column|write-?up|editorial)s?\b")
# "…, that the final plan left out": a clause with a subject of its own sets the account against what another did
_OTHERS_CLAUSE = re.compile(r"\b(?:that|which)\s+(?:the|a|an|this|these|those|their|its)\s+")


def names_source(q: str) -> bool:
    """Does the question cite an article as its source ("according to", "per", "in the … piece")?

    Only read when the question names exactly one article (``Query.named_docs``), so the cue's object is that article.

    >>> names_source("how many ferries run according to the harbour article"), names_source("per the HT writer, which ports matter?")
    (True, True)
    >>> names_source("in the harbour piece, who keeps pointing at the levy?")
    True
    >>> names_source("how much is the fee per year under the harbour plan?"), names_source("who wrote the harbour piece?")
    (False, False)
    >>> names_source("according to HT, what did the mayor hope for that the final plan left out?")  # set against another's act
    False
    """
    low = q.lower()
    return bool(_CUE.search(low) or _IN_PIECE.search(low)) and not _OTHERS_CLAUSE.search(low)
