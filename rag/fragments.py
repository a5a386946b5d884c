"""Follow-ups with no topic of their own: they only make sense together with the last question.

``rag.followup`` asks such a question together with the last one; these helpers tell it apart from a question
that stands on its own (a name, a number or a content word).
"""

from __future__ import annotations

import re

from rag.antecedents import WH
from rag.text import STOPWORDS, stem, tokens

_HOW_X = re.compile(r"\bhow\s+[a-z]+", re.I)  # "how come", "how soon": a question word, not the subject
FILLER = re.compile(r"^(?:ok|okay|then|exactly|really|actually|again|now|else|\w+ly)$", re.I)


def is_fragment(question: str) -> bool:
    """A question with no subject of its own ("until when?", "how come?", "what then?"): it only makes
    sense with the last question, so it is asked together with it. A name, a number or any content word
    makes it a question of its own ("what is de-risking?").

    >>> is_fragment("until when?"), is_fragment("and how come, then?"), is_fragment("what then?")
    (True, True, True)
    >>> is_fragment("what is de-risking?"), is_fragment("and Oslo?"), is_fragment("in 1990?")
    (False, False, False)
    """
    return own_content(question) == 0


def own_content(question: str) -> int:
    """How many content words a question has of its own (not stop words, question words or fillers); a name or
    a number counts as many as can be (it names its own topic).

    >>> own_content("why does it matter?"), own_content("and how come, then?"), own_content("what did Oslo do?")
    (1, 0, 99)
    """
    words = re.findall(r"[A-Za-z][\w\-']*", question)
    if any(w[0].isupper() for w in words[1:]) or re.search(r"\d", question):
        return 99
    return len([w for w in tokens(_HOW_X.sub(" ", question)) if w not in STOPWORDS and w not in WH
                and not FILLER.match(w)])


def no_known_subject(question: str, known) -> bool:
    """In a conversation, a short question none of whose content words the articles use ("what's the worry
    exactly?" after a question about port fees) names no topic of its own: its words are a paraphrase of the
    thing just discussed, so it is asked together with the last question. ``known`` is None: never.

    >>> no_known_subject("what's the worry exactly?", lambda t: False), no_known_subject("what's the fee?", lambda t: True)
    (True, False)
    >>> no_known_subject("any good recipes for banana bread with walnuts?", lambda t: False)
    False
    """
    if known is None or re.search(r"\d", question) or any(w[0].isupper() for w in re.findall(r"[A-Za-z]\w*", question)[1:]):
        return False
    content = [w for w in tokens(question) if w not in STOPWORDS and w not in WH and not FILLER.match(w)]
    return 0 < len(content) <= 2 and not any(known(stem(w)) for w in content)


# The question words that ask for a typed answer (general English): a time, a place, a person, a length, an amount
_TYPED_ASK = re.compile(r"\b(?:(when|(?:what|which)\s+(?:year|day|date|month))|(where)|(who|whom|whose)|(how\s+long)|"
                        r"(how\s+(?:many|much)))\b", re.I)
_KINDS = ("time", "place", "person", "length", "amount")


def typed_kind(question: str) -> str:
    """The kind of answer a question's first typed question word asks for, else "".

    >>> typed_kind("starting from when?"), typed_kind("how long was the lease for?"), typed_kind("what's the worry?")
    ('time', 'length', '')
    """
    m = _TYPED_ASK.search(question)
    return next((k for k, g in zip(_KINDS, m.groups()) if g), "") if m else ""


def asks_other_kind(question: str, last_question: str) -> bool:
    """Does a follow-up ask for another kind of answer than the last question ("starting from when?" after "how long
    was the lease for?")? Then what the last answer quoted may hold it too ("leased for five years, effective from
    May 2"), so those sentences are not left out as already said; a paraphrase asking the same thing again ("what's
    the worry exactly?") wants what the answer did not say.

    >>> asks_other_kind("starting from when?", "how long was the lease for?")
    True
    >>> asks_other_kind("what's the worry exactly?", "what's the problem?"), asks_other_kind("from when?", "since when?")
    (False, False)
    """
    kind = typed_kind(question)
    return bool(kind) and kind != typed_kind(last_question)


# A relational noun with "the" and no complement of its own ("the alternative", "the catch", "the difference"): it
# needs one ("the alternative to X"), and in a conversation X is what was just discussed (bridging reference).
_RELATIONAL = re.compile(r"\bthe\s+(?:(?:main|real|big|only)\s+)?(?:alternatives?|difference|downsides?|upside|drawbacks?|"
                         r"catch|upshot|consequences?|outcome|result|response|reaction|opposite|counterpart|equivalent)\b"
                         r"(?!\s+(?:of|to|for|from|between|on|in|with|about)\b)", re.I)


def bridged(question: str) -> bool:
    """A question whose only topic is a relational noun without its complement ("so what's the alternative they
    describe?" after a question about decoupling: the alternative to decoupling): it is asked with the last
    question, whose topic is the missing complement. A complement or any other content word makes it a
    question of its own ("what's the alternative to tolls?", "what's the catch with the ferry fares?").

    >>> bridged("so what's the alternative they describe?"), bridged("and the catch?")
    (True, True)
    >>> bridged("what's the alternative to tolls?"), bridged("what's the difference in fares?"), bridged("what's the fee?")
    (False, False, False)
    """
    m = _RELATIONAL.search(question)
    if not m or re.search(r"\d", question):
        return False
    rest = question[:m.start()] + " " + question[m.end():]
    return not [w for w in tokens(rest) if w not in STOPWORDS and w not in WH and not FILLER.match(w)]
