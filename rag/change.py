"""A change asked and a change stated: "did export controls make things more tense?" asks whether tension grew, and a
sentence telling "…, with export controls and other measures to restrict technology transfer increasing tensions"
answers it by its "increasing tensions", whatever else it denies on the way ("restrict technology transfer" restricts
the transfer, not the tension). Read as a whole, that sentence's "restrict" counted as a negation and answered "No".

So when a yes/no question asks a change of amount of some thing ("more tense", "less costly", "tighter", "raise
tensions", "reduce costs") and the sentence states a change of amount right beside a word of the same root ("increasing
tensions", "tensions have eased"), that stated change is the verdict: the same way is a yes, the other way a no, a
negator just before it ("did not increase") turns it. Anything else falls back to the sentence's plain polarity.

General English only: verbs of more and of less, comparatives, negators; no corpus word.
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS, stem

# Verbs (and their participles) of an amount going up or down; irregular forms listed, since they stem apart.
_UP = frozenset(map(stem, "increase raise rise rose risen grow grew grown heighten escalate intensify mount deepen "
                          "fuel fuelled amplify exacerbate boost sharpen".split()))
_DOWN = frozenset(map(stem, "decrease reduce lower ease lessen diminish decline shrink shrank shrunk dampen defuse "
                            "soften weaken".split()))
# "did X make things more tense?", "has it become less costly?", "did it get tighter?": a verb of becoming, then the
# comparative within a few words (general English)
_BECOMING = r"(?:make|makes|made|making|get|gets|got|gotten|getting|become|becomes|became|becoming|grow|grows|grew|grown|" \
            r"turn|turns|turned)"
_MORE_LESS = re.compile(_BECOMING + r"\s+(?:[\w\-']+\s+){0,4}?(more|less)\s+([a-z\-]+)", re.I)
# ...a comparative in "-er" only where a comparative stands: at the end, or before "than" or a preposition
_ER = re.compile(_BECOMING + r"\s+(?:[\w\-']+\s+){0,4}?([a-z]{3,}?)(i?)er\b(?=\s*(?:[?.!,;]|$|(?:than|for|between|with|"
                 r"in|on|at|to|now|over|since|after)\b))", re.I)
_NEGATOR = frozenset({"not", "no", "never", "without", "nor", "neither", "cannot", "n't"})
_WORD = re.compile(r"[a-z]+(?:'t)?")
NEAR_BEFORE, NEAR_AFTER = 2, 4  # the changed thing's word sits this close to the verb of change ("tensions rose",
# "heightened Washington's concerns")


def asked_change(question: str) -> tuple[str, str] | None:
    """The change a yes/no question asks: ("up" or "down", the stem of the thing changing), or None.

    >>> asked_change("did export controls make things more tense between the two?")
    ('up', 'tens')
    >>> asked_change("has the ferry become less costly?"), asked_change("did the new rules make checks tighter?")
    (('down', 'cost'), ('up', 'tight'))
    >>> asked_change("did the fees reduce traffic?"), asked_change("did it raise the fares?")
    (('down', 'traffic'), ('up', 'fare'))
    >>> asked_change("was the pact renewed?"), asked_change("did it make a difference?")
    (None, None)
    """
    low = question.lower().replace("’", "'")
    if m := _MORE_LESS.search(low):
        return ("up" if m.group(1) == "more" else "down"), stem(m.group(2))
    if (m := _ER.search(low)) and m.group(1) not in STOPWORDS and m.group(1) + "er" not in STOPWORDS:
        return "up", stem(m.group(1) + ("y" if m.group(2) else ""))  # "tighter" -> tight, "riskier" -> risky
    words = _WORD.findall(low)
    for i, w in enumerate(words[1:], 1):  # a verb of change after the subject, and its object
        way = _way(w)
        thing = next((x for x in words[i + 1:i + 4] if x not in STOPWORDS), "")
        if way and thing:
            return way, stem(thing)
    return None


def _way(word: str) -> str:
    s = stem(word)
    return "up" if s in _UP else "down" if s in _DOWN else ""


def same_root(a: str, b: str) -> bool:
    """Do two stems share a root: one starts the other, four letters at least ("tens" / "tension", "tight" / "tighten")?

    >>> same_root("tens", "tension"), same_root("cost", "costli"), same_root("fare", "far"), same_root("tens", "ten")
    (True, True, False, False)
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def stated_change(question: str, text: str) -> str | None:
    """ "yes" or "no" when the text states a change of the amount the question asks about (beside a word of its root),
    by the way it goes; None when it states none, or both ways.

    >>> q = "did export controls make things more tense between the two?"
    >>> stated_change(q, "with export controls and measures to restrict transfer increasing tensions between them")
    'yes'
    >>> stated_change(q, "The talks eased tensions."), stated_change(q, "It did not heighten tensions.")
    ('no', 'no')
    >>> stated_change("did the fees reduce traffic?", "Traffic rose after the fees, not before.")
    'no'
    >>> stated_change(q, "Export controls were banned."), stated_change("was it renewed?", "Tensions rose.")
    (None, None)
    """
    asked = asked_change(question)
    if asked is None:
        return None
    way, thing = asked
    words = _WORD.findall(text.lower().replace("’", "'"))
    told = set()
    for i, w in enumerate(words):
        said = _way(w)
        near = words[max(0, i - NEAR_BEFORE):i] + words[i + 1:i + 1 + NEAR_AFTER]
        if said and any(same_root(thing, stem(x)) for x in near if x not in STOPWORDS):
            negated = any(x in _NEGATOR or x.endswith("n't") for x in words[max(0, i - 3):i])
            told.add((said == way) != negated)
    return ("yes" if told == {True} else "no") if len(told) == 1 else None
