"""A side of a comparison named by another word of its family ("science" vs "security" heard in "scientific").

A question names a side by one word ("what science needs vs what security needs"); a writer names it by an
adjective or agent noun of the same stem family ("the openness required for scientific discovery"), which the
stemmer leaves apart ("scienc", "scientif"; "scientist", "scientif"). Two stems are kin when they share all but the
last two letters of the side's stem, five letters at least. General English morphology, no topic word.
"""

from __future__ import annotations

from rag.places import as_named

KIN_PREFIX = 5  # letters two stems must share, at least, to be of one family ("scien": "scienc", "scientif")


def kin(t: str, name: str) -> bool:
    """Are a sentence's stem ``t`` and a side's stem ``name`` of one word family?

    >>> kin("scientif", "scienc"), kin("scientist", "scienc"), kin("secur", "secur"), kin("sector", "secur")
    (True, True, True, False)
    >>> kin("port", "portal"), kin("council", "counsel"), kin("scientif", "scientist")
    (False, False, True)
    """
    if t == name:
        return True
    if len(t) < KIN_PREFIX or len(name) < KIN_PREFIX or not t.isalpha():
        return False
    shared = next((i for i, (a, b) in enumerate(zip(t, name)) if a != b), min(len(t), len(name)))
    return shared >= max(KIN_PREFIX, len(name) - 2)


def as_kin(ts: set[str], names) -> set[str]:
    """``ts`` with places read as the place they name (``places.as_named``) and each word of a side's family read
    as that side's stem.

    >>> sorted(as_kin({"scientif", "discoveri"}, {"scienc", "secur"}))
    ['discoveri', 'scienc']
    """
    named = as_named(ts, names)
    heads = {n[:KIN_PREFIX] for n in names if len(n) >= KIN_PREFIX}
    return {next((n for n in names if kin(t, n)), t) if t[:KIN_PREFIX] in heads else t for t in named}
