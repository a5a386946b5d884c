"""What is at stake: "why should anyone care about the pact?", "why does it even matter?" asks what the matter means
beyond its parties, and the answer is the sentence naming the shared problems it bears on ("global challenges such as
floods and epidemics need both ports"). That sentence shares few of the question's words ("care", "matter") and
is far from it in meaning; sentences restating the matter's topic outscore it, so the spread (``rag.spread``) hears it
first, down to ``STAKES_SHARE`` of the best.
"""

from __future__ import annotations

import re

from rag.nearness import near_best
from rag.text import stem

STAKES_SHARE = 0.5  # "why should I care?": the sentence naming the shared problems at stake, down to this share of the best

# Asked by someone standing for anyone ("why should a regular person care", "why do people care", "why should I
# care"), or "why does it (even) matter?" closing the question: general English. "Why does Washington care?" asks
# one party's motive, and "why does it matter for industry?" what it does for one field: a cause, not the stakes.
_GENERIC = r"(?:anyone|anybody|everyone|everybody|people|folks|i|we|you|(?:a|an|the)\s+(?:regular|ordinary|average|normal|typical)\s+\w+|(?:the\s+)?public)"
_STAKES_ASK = re.compile(r"\bwhy\s+(?:should|would|do|does|did|will|must)\s+" + _GENERIC + r"\b.{0,60}\bcare\b|"
                         r"\bwhy\s+(?:does|do|would|should|is|will)\b.{0,60}\bmatters?(?:\s+(?:at\s+all|so\s+much|anyway))?"
                         r"\s*(?:[?.!]|$)", re.I)
# A problem of the whole world ("global challenges", "issues facing the world", "challenges facing humanity")...
_WORLD = re.compile(r"\b(?:global|world|world['’]s|worldwide|humanity|humankind|mankind|transnational|planet(?:ary)?)\b", re.I)
_PROBLEM = re.compile(r"\b(?:challenges?|problems?|issues|crises|crisis|threats?)\b", re.I)
# ...named by its instances ("such as X and Y", "like X"): a sentence only alluding to "these challenges" names none
_INSTANCES = re.compile(r"\b(?:such as|like|including)\b", re.I)


def asks_stakes(q: str) -> bool:
    """Does the question ask what is at stake for anyone ("why should I care?", "why does it even matter?")?

    >>> asks_stakes("why should a regular person like me care about the ferry pact"), asks_stakes("why does the port care?")
    (True, False)
    >>> asks_stakes("why does the ferry deal even matter?"), asks_stakes("why does the ferry deal matter for fishing?")
    (True, False)
    """
    return bool(_STAKES_ASK.search(q))


def states_stakes(text: str) -> bool:
    """Does a sentence name the world's shared problems a matter bears on, by their instances?

    >>> states_stakes("Global challenges such as floods need both ports."), states_stakes("These global challenges matter.")
    (True, False)
    """
    return bool(_WORLD.search(text) and _PROBLEM.search(text) and _INSTANCES.search(text))


def stakes_told(query, cands: list) -> object | None:
    """The stakes asked for (``query.stakes``): the sentence, down to ``STAKES_SHARE`` of the best, naming the shared
    problems at stake, unless the best names them already."""
    if not query.stakes or query.more or not cands or states_stakes(cands[0].text):
        return None
    return near_best(cands, STAKES_SHARE, lambda c: states_stakes(c.text))


# WHY: the sentence naming the shared problems ("challenges facing the world, such as floods") shares no word with
# "why should anyone care about the pact?" and is far from it in meaning, so its passage is often not in the pool at
# all, and ``stakes_told`` has nothing to hear. A second search, by the question's words and the words a writer names
# shared problems in (``STAKES_TEXT``, in its vector too), adds the few passages it ranks best. General English only.
STAKES_PASSAGES = 2  # passages a stakes question's second search adds to the pool
STAKES_TEXT = "global challenges facing humanity world such as"
STAKES_WORDS = [stem(w) for w in ("global", "challenges", "facing", "humanity", "world")]


# "what is X and why should I care?" asks two things: what the thing is comes first, and passages brought in for the
# stakes alone would crowd it out of the answer (general English: a question word opening a first clause)
_ASKS_FIRST = re.compile(r"^\W*(?:so\s+|and\s+|ok\s+)?(?:what|who|how|where|when|which)\b.*\band\s+why\b", re.I)


def stakes_pool(retriever, query, pool: list) -> list:
    """A stakes question's passages (``query.stakes``) that a second search, by its words and those of shared problems
    (``STAKES_WORDS``), ranks best and ``pool`` lacks; a follow-up asks on the pool its turn already holds, and a
    question asking first what the thing is ("what is X and why should I care?") on the pool its words draw.

    >>> bool(_ASKS_FIRST.search("what is this lease and why should i care")), bool(_ASKS_FIRST.search("why care?"))
    (True, False)
    """
    if not query.stakes or query.more or _ASKS_FIRST.search(query.text):
        return []
    return retriever.search_beyond(pool, query, list(dict.fromkeys([*query.terms, *STAKES_WORDS])), STAKES_PASSAGES,
                                   hint=STAKES_TEXT)
