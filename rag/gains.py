"""What someone gains: a why/how-question asking it, and a sentence telling it; and why two parties suit each other.

"How does the port actually benefit from the ferry?", "why do both towns come out ahead?" ask what a party gains.
Read as a means ("how does…") or a cause ("why…"), such a question was answered by sentences holding a linking word
("by working together…", "…lead to mutual benefits") while the sentence telling the gain ("the port has gained access
to the island's fleet") holds none and fell behind them. Both tests read general English, never a corpus wording.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A verb of gaining asked of a party: "how does X benefit / gain / profit?", "why is it a win-win?" ("come out ahead" is
# already said as "gain": ``text.plain_gain``); not "who benefits?" (a party asked for). Read only for why-intent
# questions (``heldfor.shape_typed``): "how do X and Y each benefit?" is a comparison, read by its own rules
GAIN_ASK = re.compile(r"\b(?:why|how|how come)\b(?:\s+[\w.'’\-]+){1,12}?\s+(?:benefit(?:s|ed|ted|ing)?|gain(?:s|ed|ing)?|"
                      r"profit(?:s|ed|ing)?)\b|\bwin[- ]win\b", re.I)


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one question
def asks_gain(q: str) -> bool:
    """Does a why/how-question ask what a party gains?

    >>> asks_gain("how does the port actually benefit from the ferry?"), asks_gain("why do both towns gain?")
    (True, True)
    >>> asks_gain("how does the ferry work?"), asks_gain("why did the port close?"), asks_gain("who benefits?")
    (False, False, False)
    """
    return bool(GAIN_ASK.search(q))


# A gain told (general English): a party gaining or benefiting from something ("has gained access to", "benefited from
# exposure to"), given access to something ("the lease has provided the port access to…"), or a yield of benefits
# ("the deal yielded significant benefits"). Not "the benefits of X" said in passing ("despite the benefits of…"),
# nor a gain only feared or wished ("could possibly benefit X"): the sentence must tell one had or given.
_GAIN_TOLD = re.compile(r"\b(?:(?:has|have|had)\s+(?:\w+\s+)?gained|gain(?:s|ed)?\s+access|benefit(?:t)?(?:ed|ing|s)?\s+from|"
                        r"(?:provid(?:es|ed|ing)|gives?|gave|given|grant(?:s|ed)|offer(?:s|ed)|open(?:s|ed))\s+"
                        r"(?:[\w’'\-]+\s+){0,3}?access\s+to|"
                        r"(?:yield(?:s|ed)?|brought|brings?|deliver(?:s|ed)?|provid(?:es|ed))\s+(?:[\w’'\-]+\s+){0,2}?"
                        r"(?:benefits?|gains?|advantages?|rewards?))\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|would)\s+(?:possibly\s+|ever\s+)?(?:benefit|gain|profit)\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def tells_gain(text: str) -> bool:
    """Does a sentence tell what a party gained or gets?

    >>> tells_gain("The port has gained access to the island's fleet."), tells_gain("The town benefited from cheaper fares.")
    (True, True)
    >>> tells_gain("Despite the benefits of the lease, it was ended."), tells_gain("Critics fear it could possibly benefit rivals.")
    (False, False)
    """
    return bool(_GAIN_TOLD.search(text)) and not _HYPOTHETICAL.search(text)


# Why two parties suit each other (general English): "why are X and Y a good fit / good science partners / a natural
# match?", "why do they work so well together?". What makes a pairing good is what each brings that the other lacks,
# which writers state as complementarity ("X and Y have complementary strengths"): a short sentence sharing a word or
# two with the question, which sentences with a linking word ("…can lead to mutual benefits") outscored.
FIT_ASK = re.compile(r"\b(?:why|how come)\b.{0,80}?\b(?:(?:good|great|natural|ideal|perfect|obvious)\s+(?:[\w\-]+\s+)?"
                     r"(?:fit|match|partners?|pair|team)|well[- ]suited|(?:work|go)\s+(?:so\s+)?well\s+together)\b", re.I)
_COMPLEMENT = re.compile(r"\bcomplement(?:ary|arity|s|ed|ing)?\b|\beach\s+other'?s\s+strengths\b", re.I)


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one question
def asks_fit(q: str) -> bool:
    """Does a why-question ask why two parties suit each other?

    >>> asks_fit("why are the two ports a good fit for each other?"), asks_fit("why do the towns make good ferry partners?")
    (True, True)
    >>> asks_fit("why is the lease a good deal?"), asks_fit("are they good partners?")
    (False, False)
    """
    return bool(FIT_ASK.search(q))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def tells_complement(text: str) -> bool:
    """Does a sentence say that two parties complement each other?

    >>> tells_complement("The two ports have complementary strengths."), tells_complement("The two ports compete.")
    (True, False)
    """
    return bool(_COMPLEMENT.search(text))
