"""The act a "who <did it>?" question asks the doer of, which the answering sentence must tell.

"What's the name of the official who signed the renewal?" asks for whoever did the signing: a sentence naming
some person by a title ("Dr Lee is a professor at…") names a person, but not the one who signed; only a
sentence telling of the signing can name its signatory. General English: the verb right after "who".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import STOPWORDS, stem, terms

# "who signed", "who actually led": the verb after "who" (an adverb in -ly between them is no act)
_WHO_ACT = re.compile(r"\bwho\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
# after "who", a verb of being or having tells what someone is, not an act ("who is the official…?")
_NO_ACT = {"is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "could",
           "would", "will", "should", "may", "might", "must", "else", "exactly"}


@lru_cache(maxsize=4096)
def asked_act(question: str) -> str:
    """The stem of the act "who <verb>…" asks the doer of, or "".

    >>> asked_act("what's the name of the official who signed the renewal?"), asked_act("who actually led the talks?")
    ('sign', 'led')
    >>> asked_act("who is the official in charge?"), asked_act("which official signed it?")
    ('', '')
    """
    m = _WHO_ACT.search(question.lower())
    if not m or m.group(1) in _NO_ACT or m.group(1) in STOPWORDS:
        return ""
    return stem(m.group(1))


def tells_act(question: str, text: str) -> bool:
    """Does the sentence tell the act the question asks the doer of (``asked_act``), or is none asked?

    >>> tells_act("who signed the renewal?", "It was signed by Mayor Ann Berg."), tells_act("who signed it?", "Dr Lee is a professor.")
    (True, False)
    """
    act = asked_act(question)
    return not act or act in terms(text)
