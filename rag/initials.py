"""Initials spelled out: whether a sentence writes out the words an acronym stands for ("Harbor Research Authority"
for "HRA"). A question's initials that the articles never write are no unknown name when a passage spells them out
(``rag.abstain.spelled_out``), and a sentence doing so holds the term (``rag.evidence``).
"""
from __future__ import annotations

import re
from functools import lru_cache

_CAP_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|and|for|on|the|&)?\s*[A-Z][a-z]+)+")


def spells_out(acronym: str, text: str) -> bool:
    """Does ``text`` write out the words an acronym stands for ("Harbor Research Authority" for "HRA")?

    >>> spells_out("hra", "It copied the Oslo Harbor Research Authority."), spells_out("hra", "Harbor rules.")
    (True, False)
    >>> spells_out("hra", "the harbor's Harbor Research Authority"), spells_out("oba", "Oslo and Bergen Alliance")
    (True, True)
    """
    a = acronym.lower()
    return any(a in run for run in run_initials(text))


@lru_cache(maxsize=65536)
def run_initials(text: str) -> tuple[str, ...]:
    """The initials of each run of capitalised words in ``text``, lower-cased ("oslo harbor research authority" ->
    "ohra"): an acronym is spelled out when it is a stretch of one. Remembered per text: every question with initials
    the articles never write checks each sentence of its passages, and the same sentences come back question after
    question (it was the costliest step of scoring them).

    >>> run_initials("It copied the Oslo Harbor Research Authority and the Bay of Bengal.")
    ('ohra', 'bb')
    """
    return tuple("".join(w[0] for w in m.group(0).split() if w[0].isupper()).lower() for m in _CAP_RUN.finditer(text))
