"""A question for someone's say ("what did the scientists think…?") hears a passage naming them.

"What did <someone> say / think / warn…?" is answered only by a sentence naming that speaker (``evidence.voiced``);
without one close, the question is refused as one whose speaker the articles never quote (``speaker_absent``). The
passages restating the question's topic can fill the k+5 pool before the one passage reporting the speaker, whose
other words differ from the question's ("ditching the pact" / "canceling the agreement"). A second search by the
speaker's word (BM25) and the question's meaning (its vector) adds the few best passages with a sentence naming
the speaker and reporting a say (``SPEAKER_PASSAGES``).
"""

from __future__ import annotations


from rag.rules import SAID
from rag.text import terms

SPEAKER_PASSAGES = 2  # passages giving the asked speaker's say a second search adds
SPEAKER_SEARCH = 20  # passages that search ranks, of which those naming the speaker are kept


def voices(speaker: str, sentence: str) -> bool:
    """Does a sentence name the speaker (by the stem ``Query.speaker`` holds) with a verb of saying or thinking
    (``rules.SAID``: "noted", "warned", "argued")? "The first official pact between the United States and…" names no
    officials' say, however its stem matches "what did officials say?" (``persons.reports_words`` reads "States" as
    "stated", so it is not used here).

    >>> voices("captain", "Two captains warned that storms will come."), voices("captain", "The port warned of storms.")
    (True, False)
    >>> voices("offici", "It was the first official pact between the United States and Chile.")
    False
    """
    return speaker in terms(sentence) and bool(SAID.search(sentence.lower()))


def voices_in(speaker: str, p) -> bool:
    """Does some sentence of passage ``p`` give the speaker's say (``voices``)?"""
    return any(voices(speaker, p.text[s:e]) for s, e in p.sentences)


def speaker_pool(retriever, query, qvec, pool: list) -> list:
    """The best passages giving the asked speaker's say (``Query.speaker``, ``voices_in``) that a search by the
    speaker's word ranks and ``pool`` lacks (a pool passage may name them without a sentence of their say)."""
    if not query.speaker:
        return []
    found = retriever.search_beyond(pool, query, [query.speaker], SPEAKER_SEARCH, qvec=qvec)
    return [p for p in found if voices_in(query.speaker, p)][:SPEAKER_PASSAGES]
