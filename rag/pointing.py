"""Does a follow-up point at what the last *answer* said, and which of its words to ask with.

"what did that lead to?" after "how did the ferry fares change?" answered "Fares doubled after the strike." is about
the doubling, which only the answer mentions: ``points_at_answer`` tells such a "that" from one standing for the last
question's thing or event, and ``answer_terms`` gives the answer's heaviest words to search with.
``rag.followup`` decides when to use them.
"""

from __future__ import annotations

import re

from rag.antecedents import TIME_NOUN
from rag.text import STOPWORDS, stem, tokens

ANSWER_TERMS = 12  # the heaviest words of the last answer a follow-up about it is asked with
# "that"/"this" as a pronoun or before a noun; "true that…", "the one that…" use it as a conjunction or relative
_DEMONSTRATIVE = re.compile(r"\b(?:that|this)\b(?:\s+([A-Za-z][\w\-']*))?", re.I)
_CONJUNCTION_BEFORE = re.compile(r"\b(?:true|say|said|says|mean|means|think|believe|claim|claims|argue|argues|"
                                 r"suggest|suggests|report|reports|so|such|fact|now|where|which|who)\s*$", re.I)
_PLACEHOLDER = re.compile(r"(?:thing|stuff)s?$", re.I)  # "that thing" names nothing by itself
# Only the question's own opening asks a time or place: "when it comes to…" inside a question is a clause.
_TIME_OR_PLACE = re.compile(r"^\W*(?:(?:and|so|but|ok|okay|then)\s+)*(?:(?:since|until|till|from|in)\s+)?"
                            r"(?:when|where|(?:what|which) (?:year|day|date|month|time))\b", re.I)


def points_at_answer(question: str, last_question: str) -> bool:
    """Does the question's "that"/"this" stand for what the last *answer* said rather than for a thing the last
    question named? So when it stands alone, before a placeholder noun, or before a word the last question never
    used. A question of time or place ("and when was that?") asks about the last question's event instead.

    Why: after "how did the ferry fares change?" answered with "Fares doubled after the strike.", "what did that
    lead to?" is about the doubling, which only the answer mentions.

    >>> points_at_answer("what did that lead to?", "how did the fares change?"), points_at_answer("why is that?", "x")
    (True, True)
    >>> points_at_answer("how much did that change cost?", "how did the fares change?")
    False
    >>> points_at_answer("is it true that fares fell?", "x"), points_at_answer("and when was that?", "x")
    (False, False)
    >>> points_at_answer("why does that worry the town when it comes to fares?", "what is the toll plan?")
    True
    """
    q = question.strip().rstrip("?!. ")
    if _TIME_OR_PLACE.search(q):
        return False
    known = {stem(w) for w in tokens(last_question)}
    for m in _DEMONSTRATIVE.finditer(q):
        word = m.group(1)
        if word is None or _PLACEHOLDER.match(word):
            return True  # "who said that?", "how old is that thing?"
        if _CONJUNCTION_BEFORE.search(q[:m.start()]) or word.lower() in STOPWORDS or word[0].isupper() \
                or TIME_NOUN.match(word):
            continue
        if stem(word.lower()) not in known:
            return True  # "who makes that point?": no point was named before
    return False


# "what happened when…?", "what went on…?", "what's going on with…?": a question whose answer tells an event
_ASKS_HAPPENING = re.compile(r"^\W*(?:(?:and|so|but|ok|okay|then)\s+)*what(?:'s|\s+(?:has|had|is|was|would|will))?\s+"
                             r"(?:\w+\s+)?(?:happen(?:ed|s|ing)?|occurred|go(?:es|ing)\s+on|went\s+on)\b", re.I)
# "did that happen", "that happened", "had this occurred": a bare demonstrative as the subject of a verb of happening
_THAT_HAPPENED = re.compile(r"\b(?:that|this)\s+(?:\w+\s+)?(?:happen(?:ed|s)?|occur(?:red|s)?|t(?:ake|ook)\s+place)\b", re.I)


def happened_as_told(question: str, last_question: str) -> bool:
    """Does the follow-up's "that" stand for the event the last answer told, because the last question asked what
    happened ("what happened when its lease ran out?" -> "how many times did that happen?")? Then "that" is what
    happened (two extensions, in the answer), not a thing the last question named (the lease, its term).

    Why: read as the last question's noun phrase, "that" made "how many times did the lease's term ran happen?",
    whose words tell of no happening; the answer's words are the event.

    >>> happened_as_told("how many times did that happen?", "what happened when the lease ran out?")
    True
    >>> happened_as_told("how many times did that happen?", "when did the lease run out?")
    False
    >>> happened_as_told("who said that?", "what happened when the lease ran out?")
    False

    A question of time or place ("when did that happen?") still asks about the last question's event, as
    ``points_at_answer`` reads it: the answer's first words may date another step of the story.

    >>> happened_as_told("when did that happen?", "what happened to the lease in 2024?")
    False
    """
    q = question.strip()
    return bool(_THAT_HAPPENED.search(q) and _ASKS_HAPPENING.match(last_question)) and not _TIME_OR_PLACE.search(q)


def answer_terms(said: str, question: str, weight=None, n: int = ANSWER_TERMS) -> str:
    """The ``n`` heaviest words of what the last answer said (by ``weight``, e.g. the corpus idf of a stem; else the
    first ``n``), in their order, leaving out stop words and the question's own words.

    >>> answer_terms("Fares doubled after the long dock strike.", "what did that lead to?", n=3)
    'fares doubled long'
    >>> answer_terms("Fares doubled after the long dock strike.", "why?", weight=len, n=2)
    'doubled strike'
    """
    seen, words = {stem(w) for w in tokens(question)}, []
    for w in tokens(said):
        if w not in STOPWORDS and len(w) > 1 and stem(w) not in seen:
            seen.add(stem(w))
            words.append(w)
    top = set(sorted(words, key=lambda w: -weight(stem(w)))[:n]) if weight else set(words[:n])
    return " ".join(w for w in words if w in top)
