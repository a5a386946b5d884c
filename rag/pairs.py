"""Two sides set side by side without "vs": "how do X and Y each…", and "X's N vs Y's" (the bare possessive).

``rag.sides.sides_of`` reads "X vs Y"; these are the two other English shapes that set two subjects against each
other, read here so that a comparison hears each side in its own sentence (``rag.sides.pick_sides``).
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS

# "how do the port and the council each…": two subjects set side by side by "each", one to three words apiece (not
# "each other", which asks what binds them)
_EACH_PAIR = re.compile(r"\b((?:[\w.\-']+\s+){0,2}?[\w.\-']+)\s+and\s+((?:[\w.\-']+\s+){0,2}?[\w.\-']+)\s+each\b(?!\s+other)",
                        re.I)


def each_sides(text: str) -> list[str]:
    """The two subjects of "X and Y each…" ("how do the port and the council each gain?"), or []: the question
    asks the same thing of each in turn, as "X vs Y" does. A subject is its words after the last function word.

    >>> each_sides("how do the port and the council each gain from it?"), each_sides("how did they each gain?")
    (['port', 'council'], [])
    >>> each_sides("how did the big port and small ferry each do?"), each_sides("do the port and council need each other?")
    (['big port', 'small ferry'], [])
    """
    m = _EACH_PAIR.search(text)
    if not m:
        return []
    out = []
    for g in m.groups():
        words = g.split()
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]
        if not words or any(w.lower() in STOPWORDS for w in words):
            return []
        out.append(" ".join(words))
    return out


_POSSESSIVE = re.compile(r"(.+)['\u2019]s$")
_OPENERS = frozenset({"the", "a", "an", "its", "their"})


def possessed(before: list[str], after: list[str]) -> tuple[list[str], str] | None:
    """ "how did the port's fare differ from the council's?": the second side is a bare possessive standing for the
    first side's noun ("the council's" fare), so the sides are the two owners: the words before the text's last
    possessive, that one's owner ending them, and the second owner; else None.

    >>> possessed("how did the port's fare".split(), ["the", "council's", "?"])
    (['how', 'did', 'the', 'port'], 'council')
    >>> possessed("how did the port's fare".split(), ["the", "council's", "fare"]), possessed(["the", "port"], ["council"])
    (None, None)
    """
    rest = after[1:] if after and after[0].lower() in _OPENERS else after
    m = _POSSESSIVE.match(rest[0]) if rest else None
    if not m or (len(rest) > 1 and not re.fullmatch(r"[,:;?!]", rest[1])):
        return None
    owner = next((i for i in range(len(before) - 1, -1, -1) if _POSSESSIVE.match(before[i])), None)
    if owner is None:
        return None
    return before[:owner] + [_POSSESSIVE.match(before[owner]).group(1)], m.group(1)
