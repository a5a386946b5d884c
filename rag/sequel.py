"""What happened next: the sentence that follows, in its article, the one the last answer quoted.

"So what happened in the meantime?", "and then what happened?" after an answer quoting "its last term expired in
August" ask for the article's next turn of the story ("it received two six-month extensions"), which follows that
sentence in the article. Asked again as the last question ("tell me more"), the best sentences not yet shown are
those on its topic, whatever their place in the story; so the one right after a quoted sentence is heard first.
General English only: the phrases that ask what came next.
"""

from __future__ import annotations

import re

SEQUEL_GAP = 400  # characters: a sentence starting this close after a quoted one follows it in the story
# "so what happened after that?", "what came next", "what happened in the meantime": what the articles tell after the
# last answer; a closing "before/until …" only bounds how far the story goes ("…after that before it was renewed?")
NEXT = re.compile(r"^\W*(?:(?:ok|okay|and|so|but)\s+)*(?:then\s+what\s+happened|what\s+happened\s+(?:next|then|"
                  r"after(?:wards|\s+that)?|in\s+the\s+meantime|meanwhile|in\s+between)|what\s+came\s+(?:next|after))"
                  r"(?:\s+(?:before|until|till)\s+[^?]*)?\W*$", re.I)


def asks_sequel(question: str) -> bool:
    """Does the question ask what happened next?

    >>> asks_sequel("ok and then what happened?"), asks_sequel("so what happened in the meantime?")
    (True, True)
    >>> asks_sequel("what happened in 1979?")
    False
    """
    return bool(NEXT.match(question))


def sequel_first(query, cands: list) -> list:
    """``cands`` with the sentence following a shown one most closely in its article first, when the question asked
    what happened next (``Query.asked``, before it was resolved into the last question, ``Query.more``)."""
    if not cands or not query.more or not asks_sequel(query.asked):
        return cands
    shown = [k for k in query.shown if len(k) == 2]  # body sentences: (doc_id, offset in the article)

    def gap(c) -> int:
        key = c.abs_key
        if len(key) != 2:
            return SEQUEL_GAP + 1
        return min((key[1] - pos for doc, pos in shown if doc == key[0] and pos < key[1]), default=SEQUEL_GAP + 1)
    lead = min(cands, key=gap)
    if gap(lead) > SEQUEL_GAP:
        return cands
    return [lead] + [c for c in cands if c is not lead]
