"""Which measure a number question asks for, and whether a sentence states one of that measure.

"How much did the export controls cost?" or "what is it worth in dollars?" asks for an amount of money, and
"what share of papers…?" for a proportion: a sentence stating "two nations" or "over 40 protocols" holds a number
(``scope.has_quantity``), but no sum of money nor any share, and quoting it answers what the articles leave open.
Plain "how much…?" ("how much do they need each other?") asks no measure: any amount may answer it. General
English only: the words that ask for money or a share, and the ways English writes them.
"""

from __future__ import annotations

import re

# "how much … cost / spend / pay / worth / invest / in dollars": a sum of money is asked (after "how much" only, so
# "how much did the funding body copy?" or "how much do they share?" asks none; a budget, price, cost or sum named
# as the thing asked is money whatever the question word: "what was the total cost…")
_MONEY_ASK = re.compile(r"\bhow\s+much\b[^?]*?\b(?:cost|costs|costing|spend|spends|spent|spending|pay|pays|paid|"
                        r"worth|invest|invests|invested|price|charge|charged|dollars?|yuan|euros?|money)\b|"
                        r"\bin\s+(?:us\s+)?(?:dollars|yuan|euros|pounds)\b|"
                        r"\bwhat(?:'s|\s+(?:is|was|were|are))\s+the\s+(?:\w+\s+){0,2}?(?:cost|price|budget|value)\s+of\b")
# "what share / percentage / proportion / fraction of…", "what percent…": a proportion is asked
_SHARE_ASK = re.compile(r"\b(?:what|which|how\s+(?:big|large|much)\s+(?:a|of\s+a))\s+(?:\w+\s+)?"
                        r"(?:share|percentage|percent|proportion|fraction|portion)\b|\bwhat\s+%|\bhow\s+many\s+percent\b")

# a sum of money as English writes it: a currency sign, or a number and a currency's name
_MONEY = re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:(?:thousand|million|billion|trillion|bn|m)\s+)?"
                    r"(?:dollars|usd|yuan|rmb|renminbi|euros?|pounds)\b|\b(?:dollars|yuan|euros)\b", re.I)
# a proportion as English writes it: a percentage, a fraction of a whole, "one in five", "three out of four"
_SHARE = re.compile(r"\d\s?%|\bper\s?cent\b|\bpercentage\b|\b(?:half|halves|a\s+third|two[\s-]thirds|a\s+quarter|"
                    r"three[\s-]quarters|a\s+fifth|a\s+tenth|majority|minority)\b|"
                    r"\b(?:one|two|three|four|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|"
                    r"eight|nine|ten|a\s+hundred)\b", re.I)
_STATES = {"money": _MONEY, "share": _SHARE}


def asked_measure(question: str) -> str:
    """The measure a number question asks for: "money", "share", or "" (any amount answers).

    >>> asked_measure("how much did the bridge cost the town?"), asked_measure("how much is the pact worth in dollars?")
    ('money', 'money')
    >>> asked_measure("what share of ferries are run by the port?"), asked_measure("what percentage of berths closed?")
    ('share', 'share')
    >>> asked_measure("how much do the two towns need each other?"), asked_measure("how many ferries run?")
    ('', '')
    >>> asked_measure("what's the total cost of the bridge?"), asked_measure("what do they share?")
    ('money', '')
    """
    q = question.lower().replace("’", "'")
    if _SHARE_ASK.search(q):
        return "share"
    return "money" if _MONEY_ASK.search(q) else ""


def states_measure(sentence: str, measure: str) -> bool:
    """Does the sentence state an amount of that measure ("$2 billion", "40 percent", "one in five")? True when no
    measure is asked.

    >>> states_measure("The bridge cost $2 billion.", "money"), states_measure("Tension grew between the two towns.", "money")
    (True, False)
    >>> states_measure("About 40% of ferries are the port's.", "share"), states_measure("One in five berths closed.", "share")
    (True, True)
    >>> states_measure("It enabled over 40 protocols.", "share"), states_measure("It enabled over 40 protocols.", "")
    (False, True)
    """
    pattern = _STATES.get(measure)
    return pattern is None or bool(pattern.search(sentence))
