"""Follow-ups whose noun is the pro-form "one": "which american one?" after "which chinese agency copied an
american one?".

Why: "one" stands for the noun the last question asked about ("agency"); left as it is the follow-up names no
thing at all ("one" is a stop word), so it was asked as a question of its own and found nothing. Put back, the
noun and the last question together find the sentence that names the other thing.
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS

# "which american one?", "and what older ones?": a which/what fragment whose noun is "one(s)"
_ONE_FRAGMENT = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(which|what)\s+((?:[a-z][\w\-']*\s+){1,2})(ones?)\W*$", re.I)
# "which chinese science agency was…": the wh-word's noun phrase, up to the verb; its last word is its head noun
_ASKED_NOUN = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:which|what)\s+(?:[a-z][\w\-']*\s+){0,3}?([a-z][\w\-']*)\s+"
                         r"(?:was|were|is|are|did|does|do|has|have|had|got|gets|can|could|will|would)\b", re.I)


def one_for_noun(question: str, last_question: str) -> str | None:
    """The follow-up with "one(s)" put back as the head noun the last question asked about, asked together with that
    question; None when the follow-up is no such fragment or the last question asked about no noun.

    >>> one_for_noun("which american one?", "which chinese science agency was copied from an american one?")
    'which american agency (which chinese science agency was copied from an american one)?'
    >>> one_for_noun("what about the other one?", "which port was closed?") is None
    True
    >>> one_for_noun("which american one?", "when was the pact signed?") is None
    True
    """
    m, asked = _ONE_FRAGMENT.match(question), _ASKED_NOUN.match(last_question)
    if not m or not asked or any(w.lower() in STOPWORDS for w in m.group(2).split()):
        return None
    noun = asked.group(1).lower()
    if noun in STOPWORDS:
        return None
    return f"{m.group(1).lower()} {m.group(2).strip()} {noun} ({last_question.strip().rstrip('?')})?"
