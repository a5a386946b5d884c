"""Articles set against each other by when they were written around one event: "the piece written before X vs the
ones written after".

"How does the article written before the renewal sound different from the ones written after?", "the mood of the
pre-vote piece vs the ones written after": each side is an article picked out by its time, not a topic. Read as
"X vs Y", the sides came out as the words around them ("mood", "written") and the answer quoted sentences naming the
event from any article, never the one telling it was still pending. ``rag.timing`` places each article before or
after the event by how it speaks of it; this module only reads the question (``times_apart``), and the answer is
both sides' placed articles (``timing.pick_timed``).
General English only: the words for a writing, the verbs of writing, "before"/"after" and their "pre-"/"post-".
"""

from __future__ import annotations

import re

# a word for one of the articles ("one" for any of them), as in ``rag.timing``
_ARTICLE = r"(?:articles?|pieces?|ones?|op-?eds?|stories|story|essays?|reports?|columns?|texts?)"
_WRITE = r"(?:written|published|penned|released|posted|put\s+out|came\s+out|come\s+out|appeared|ran|dated)"
_REL = r"(before|after|prior\s+to|ahead\s+of|following)"
# an article with its time: "the piece written before the vote", "the ones that came out after", "the article
# published shortly after it"; the event is up to four words after the relation (the act is read from them)
_WRITTEN_WHEN = re.compile(r"\b" + _ARTICLE + r"\s+(?:(?:that|which)\s+)?(?:(?:was|were|got|had\s+been|has\s+been|"
                           r"have\s+been)\s+)?" + _WRITE + r"\s+(?:(?:well|long|just|shortly|right|way|soon)\s+)?"
                           + _REL + r"\b((?:\s+[a-z][a-z'’-]*){0,4})", re.I)
# "the pre-vote piece", "the post-merger articles": the time as a prefix of the event's noun
_PREFIXED = re.compile(r"\b(pre|post)-([a-z]+)\s+(?:[a-z]+\s+)?" + _ARTICLE + r"\b", re.I)
_BEFORE = {"before", "prior to", "ahead of", "pre"}


def _times(text: str) -> list[tuple[str, str]]:
    """Each article the question picks out by its time, as ("before"/"after", the words of the event after it)."""
    found = [(m.start(), re.sub(r"\s+", " ", m.group(1).lower()), m.group(2).strip()) for m in _WRITTEN_WHEN.finditer(text)]
    found += [(m.start(), m.group(1).lower(), "the " + m.group(2)) for m in _PREFIXED.finditer(text)]
    return [("before" if rel in _BEFORE else "after", event) for _, rel, event in sorted(found)]


def times_apart(text: str) -> tuple:
    """("both", the event's words) when the question sets an article written before an event against one written
    after it, else ().

    >>> times_apart("how does the article written before the vote sound different from the ones written after?")
    ('both', 'the vote sound different')
    >>> times_apart("how does the mood of the pre-merger piece compare with the ones written after?")
    ('both', 'the merger')
    >>> times_apart("which piece was written before the vote?"), times_apart("how do the pieces written after it differ?")
    ((), ())
    >>> times_apart("what happened before the vote and after it?")  # no article picked out by its time
    ()
    """
    times = _times(text)
    if {rel for rel, _ in times} != {"before", "after"}:
        return ()
    event = next((e for _, e in times if e), "")
    return ("both", event) if event else ()
