"""A request for more on what was just discussed: "tell me more about that", "can you say a bit more on this?".

Its pointer names no topic of its own, and what it points at is the topic the last question asked about (the
guardrails after "what guardrails did the update add?"), not the rarest words of the answer's first sentences, which
drift to side details ("reciprocity", "PRC"); so ``rag.followup`` asks the last question again (``more_about``).
General English only: the phrases that ask for more, and placeholder nouns that name nothing.
"""

from __future__ import annotations

import re

# "tell me more about that", "say a bit more on this", "can you elaborate on that part?": a request for more whose
# only object is a bare pointer (a noun after it other than a placeholder names a topic of its own: "that clause")
_MORE_ABOUT = re.compile(
    r"^\W*(?:(?:ok|okay|and|so|but|please|pls|then)\W+)*(?:(?:can|could|would|will)\s+you\s+)?"
    r"(?:(?:(?:tell|give)\s+me|say|explain|talk|share|write)\s+)?(?:a\s+(?:bit|little|lot)\s+|some(?:thing)?\s+|much\s+)?"
    r"(?:more|elaborate)\s+(?:about|on|upon|regarding|of)\s+(?:that|this)"
    r"(?:\s+(?:thing|stuff|part|bit|point|topic|subject|issue))?(?:\s+please)?\W*$", re.I)


def asks_more_about_pointer(question: str) -> bool:
    """Does the question ask for more on a bare "that"/"this" (what was just discussed)?

    >>> asks_more_about_pointer("tell me more about that"), asks_more_about_pointer("can you say a bit more on this?")
    (True, True)
    >>> asks_more_about_pointer("ok, elaborate on that part please"), asks_more_about_pointer("tell me more")
    (True, False)
    >>> asks_more_about_pointer("tell me more about that clause"), asks_more_about_pointer("tell me more about why that matters")
    (False, False)
    """
    return bool(_MORE_ABOUT.match(question))


def more_about(question: str, last_question: str) -> str:
    """The last question asked again, the request for more kept in brackets after it.

    Why the last question leads: the request asks nothing of its own shape, and put first ("tell me more about that
    (what safeguards does the lease have)?") it made a list question a fact question, answered by one sentence.
    The sentences already shown stay allowed: "more about that" wants the topic told fully, its main points first.

    >>> more_about("tell me more about that", "what safeguards does the lease have?")
    'what safeguards does the lease have (tell me more about that)?'
    """
    return f"{last_question.strip().rstrip('?')} ({question.strip().rstrip('?')})?"
