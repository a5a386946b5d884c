"""A question naming an article and asking only what it advises or argues ("what does the harbour piece
recommend?", "what's the port review's conclusion?") asks that article's own account: the article it names vouches
for its topic, though its one other word ("recommend") is a word of asking that no sentence is close to.

WHY: such a question was refused as off topic (``abstain.abstain_reason``: far from every sentence, few words shared),
though the article it names answers it. A named article with a topic word the articles never write ("what does the
harbour piece say about football?") is not this: the topic word must still be found.
"""

from __future__ import annotations

import re

from rag.text import stem

# Words asking what a writer advises, proposes or concludes (general English): no topic of their own
ADVICE_STEMS = frozenset(stem(w) for w in (
    "recommend", "recommends", "recommended", "recommendation", "recommendations", "suggest", "suggests", "suggestion",
    "suggestions", "propose", "proposes", "proposal", "proposals", "advise", "advises", "advice", "urge", "urges",
    "argue", "argues", "argument", "conclude", "concludes", "conclusion", "conclusions", "prescribe", "prescription",
    "advocate", "advocates", "solution", "solutions", "remedy", "remedies", "takeaway", "verdict", "bottom", "line"))


def account_of_named(query) -> bool:
    """Does the question name an article and ask only what it advises or argues?

    >>> from types import SimpleNamespace as Q
    >>> account_of_named(Q(named_docs={"harbour"}, naming={"harbour"}, terms=["harbour", "recommend"]))
    True
    >>> account_of_named(Q(named_docs={"harbour"}, naming={"harbour"}, terms=["harbour", "recommend", "footbal"]))
    False
    >>> account_of_named(Q(named_docs=set(), naming=set(), terms=["recommend"]))
    False
    """
    rest = [t for t in query.terms if t not in query.naming]
    return bool(query.named_docs) and bool(rest) and all(t in ADVICE_STEMS for t in rest)


def account_weights(query, weights: dict) -> dict:
    """``weights``, or every term alike when none weighs anything and the question asks a named article's account
    ("what does the RS piece propose?": "rs" only names it, "propose" is a word the articles never use; the article
    is the topic, and its sentences are told apart by their closeness and what they advise).

    >>> from types import SimpleNamespace as Q
    >>> account_weights(Q(named_docs={"a"}, naming={"rs"}, terms=["rs", "propos"]), {})
    {'rs': 1.0, 'propos': 1.0}
    """
    if weights and sum(weights.values()) > 0 or not account_of_named(query):
        return weights
    return dict.fromkeys(query.terms, 1.0)


# A sentence advising or concluding what should be done (general English): "should", "must", "will require",
# "it is crucial to", "the best path is": what a piece recommends is said in such words, seldom by "recommend"
_ADVISES = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|will\s+require|requires?|recommend\w*|urge[sd]?|"
                      r"call(?:s|ed)?\s+for|it\s+is\s+(?:crucial|essential|vital|imperative|important)\s+to|"
                      r"(?:the\s+)?(?:best|only|right)\s+(?:path|way|course)|would\s+be\s+(?:wise|a\s+mistake))\b", re.I)


def advises(text: str) -> bool:
    """Does a sentence advise or conclude what should be done?

    >>> advises("Keeping the lease will require a thoughtful update."), advises("The lease was signed in 1990.")
    (True, False)
    """
    return bool(_ADVISES.search(text))


# The words that name the collection's texts and their writers ("the articles", "the sources", "the writers")
_COLLECTION = frozenset(stem(w) for w in ("article", "articles", "piece", "pieces", "source", "sources", "writer",
                                          "writers", "author", "authors", "outlet", "outlets", "story", "stories",
                                          "report", "reports", "essay", "essays", "text", "texts", "other", "each"))


def whole_collection_compared(intent: str, every: list[str], named, about: bool, cues) -> bool:
    """Does a comparison set all the articles side by side with no topic of its own ("what do the articles disagree
    about?", "how do the sources differ?")? Each article's main points then answer it, labelled by article
    (``spread.pick_gist``): no topic word is left to match, and such a question was refused.

    >>> from rag.askedthing import COMPARE_CUES as C
    >>> whole_collection_compared("compare", ["articl", "disagre"], set(), False, C)
    True
    >>> whole_collection_compared("compare", ["articl", "differ", "fee"], set(), False, C), whole_collection_compared("fact", ["sourc"], set(), False, C)
    (False, False)
    """
    return intent == "compare" and not named and not about and all(t in _COLLECTION or t in cues for t in every)

