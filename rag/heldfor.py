"""Whether a sentence holds what *this* question asks for, beyond the kind of thing asked: the asked person in the
asked role, a day not just a month, a sum of money, the asked era; or, when no kind of thing is asked, what the
question's shape asks for (a cause, a means, a change of course, a bound).

Each rule reads general English and the question, never one wording of the corpus.
"""

from __future__ import annotations

import re

from rag.accounts import account_of_named, advises
from rag.achieved import tells_achieved
from rag.conflicts import years_in
from rag.currentterm import asks_term, term_typed
from rag.doers import tells_act
from rag.gains import asks_fit, asks_gain, tells_complement, tells_gain
from rag.links import is_enumeration
from rag.measures import states_measure
from rag.counterfactual import tells_outcome
from rag.persons import holds_asked_role, names_person
from rag.reasons import (claims_distinction, concedes, corrective_contrast, means_strength, names_argument,
                         names_difficulty, names_term, reason_strength, states_condition, states_limit, states_rate,
                         states_shift, tells_risked)
from rag.scope import dated_elsewhere, has_quantity, names_day, of_other_era
from rag.whyask import (DENIED_PREMISE, asks_cause, asks_difficulty, asks_kind_despite, asks_means, asks_means_despite,
                        asks_working)

OTHER_DURATION_TYPED = 0.5
PARTIAL_DATE = 0.5  # "on what date…?" answered by a month or a year only


def other_duration(query) -> float:
    """The most a close sentence may hold the asked thing and still not answer: for "how long did the talks take?",
    a duration only of another thing ("two six-month extensions", ``OTHER_DURATION_TYPED``) states no length of the
    asked one, so the articles leave it open; "how old…?" is answered by a span of what was done under the thing.

    >>> from types import SimpleNamespace as Q
    >>> other_duration(Q(qtype="duration", age=False)), other_duration(Q(qtype="duration", age=True)), other_duration(Q(qtype="date", age=False))
    (0.5, 0.0, 0.0)
    """
    return OTHER_DURATION_TYPED if query.qtype == "duration" and not query.age else 0.0


def held_for_question(typed: float, text: str, query, target: set[str], dated: str = "") -> float:
    """How surely a sentence holds the asked thing *for this question* (``typed`` as read by kind alone).

    "Which official signed it?" wants a person ("Mayor Ann Berg"), not the countries a sentence capitalises;
    "on what date…?" a day ("May 3"; "in May 2015" only narrows it down); "what was the ballot count?" an
    amount, not a year; and "who signed the 2015 lease?" is not answered by a sentence on the 1990 one
    (``dated``: the words that date it, ``dating_text``).
    """
    if query.person:  # ...who did the asked act ("the official who signed it"), in the asked role, not any titled person
        typed = float(names_person(text) and tells_act(query.text, text) and holds_asked_role(query.text, text))
    if query.day and typed and not names_day(text):
        typed = PARTIAL_DATE
    if query.qtype == "number" and not target and typed and not has_quantity(text):
        typed = 0.0
    if typed and not states_measure(text, query.measure):
        typed = 0.0  # "how much did it cost?": "the two nations" is a number, but no sum of money (``rag.measures``)
    if typed and (dated_elsewhere(query.text, dated or text) or of_other_era(query.era, text)):
        typed = 0.0
    if asks_term(query):  # "how long does the new deal last?": not the term that ran out (``rag.currentterm``)
        typed = term_typed(query.text, text, typed)
    return typed


# A sentence speaking of what the one before it named: "It has…", "They…", "This…"
_PRONOUN_OPENER = re.compile(r"^(?:It|Its|They|Their|This|These|That|Those)\b")


def dating_text(c: Candidate) -> str:
    """The words that date a sentence: its own, and for one opening with a pronoun and naming no year the sentence
    before it in its passage too. "First signed in 1990, the lease set up a board. It has approved nearly 100 berths" counts berths
    since 1990, no answer to "how many berths came out of the 2015 renewal?", though it names no year itself.
    """
    if not _PRONOUN_OPENER.match(c.text) or years_in(c.text):
        return c.text  # a year of its own dates it
    before = [(s, e) for s, e in c.passage.sentences if e <= c.start]
    return c.passage.text[before[-1][0]:before[-1][1]] + " " + c.text if before else c.text


# "why is it so hard / why did it drag on?": the sentence naming the difficulty or the obstacles answers it more surely
# than one giving some cause of the matter ("…to address concerns"), which a why-question's words also draw
DIFFICULTY_NAMED = 1.5


def shape_typed(query, text: str, typed: float) -> float:
    """How surely a sentence holds what a question's *shape* asks for, when no type of thing is asked (``typed``
    unchanged otherwise): a why-question a cause (a difficulty for "why is it so hard to…"), a how-question a means,
    "where is it heading?" a change of course, a list several things named together, "what will decide it?" a condition, "what is it limited to?" a bound."""
    if query.intent == "why" and not query.qtype and asks_cause(query.text):
        typed = reason_strength(text)  # a why-question asks for a cause or a purpose
        if asks_difficulty(query.text):  # "why is it so hard to…?": what makes it hard is its cause
            typed = max(typed, DIFFICULTY_NAMED * names_difficulty(text))
        if query.feared:  # "why could it backfire?": the bad outcome it risks is why
            typed = max(typed, float(tells_risked(text)))
        if query.why_not:  # "why isn't it dead yet?": "it is not obsolete, but rather…" corrects the premise
            typed = max(typed, float(corrective_contrast(text)))
    elif query.intent == "why" and not query.qtype and asks_means(query.text):
        # "how does it work?" asks for the means or the arrangement, surest when put as a correction ("Instead, it is…")
        typed = means_strength(text, asks_working(query.text) or asks_means_despite(query.text))
    elif query.intent == "why" and not query.qtype and query.worth:
        typed = float(names_argument(text))  # "why is it worth keeping?": the argument for it states its worth
    elif query.trend and not query.qtype:
        typed = float(states_shift(text))  # "where is it heading?": a sentence saying it changed course
    elif query.intent == "list" and not query.qtype:
        typed = is_enumeration(text)  # "which areas…" asks for several things named together
    elif query.done and not query.qtype and query.intent in ("fact", "overview"):
        typed = float(tells_achieved(text))  # "what has it done?": a result it brought about
    elif not query.qtype and query.intent in ("fact", "overview") and account_of_named(query):
        typed = float(advises(text))  # "what does the harbour piece recommend?": what it says should be done
    elif query.outcome and not query.qtype and query.intent in ("fact", "overview"):
        typed = float(tells_outcome(text))  # "what would happen if it ended?": a consequence told as possible
    if query.intent == "why" and not query.qtype and asks_gain(query.text):
        typed = max(typed, float(tells_gain(text)))  # "how does X benefit?": "X has gained access to…" (``rag.gains``)
    if query.intent == "why" and not query.qtype and asks_fit(query.text):
        typed = max(typed, float(tells_complement(text)))  # "why are X and Y a good fit?": "complementary strengths"
    if query.intent == "why" and not query.qtype and (asks_cause(query.text) or query.worth) and \
            DENIED_PREMISE.search(query.text.lower()):  # a reason asked, not a working ("how does it work if…?")
        typed = max(typed, float(concedes(text)))  # "if X wouldn't have done much, why…?": "While X…, Y" grants it too
    if query.intent == "fact" and not query.qtype and asks_kind_despite(query.text):
        typed = float(corrective_contrast(text))  # "if it forces no one, what is it then?": "Instead, it is…"
    if query.condition and not query.qtype and query.intent in ("fact", "why"):
        typed = float(states_condition(text))  # "what will decide whether it works?": what it depends on
    if query.limit and not query.qtype and query.intent == "fact":
        typed = float(states_limit(text))  # "what is it limited to?": a sentence saying "exclusively X", "only X"
    if query.rate and not query.qtype and query.intent == "fact":
        typed = float(states_rate(text))  # "how often is it renewed?": "every five years", not "the renewal in 2024"
    if query.word_used and not query.qtype and query.intent == "fact":
        typed = float(names_term(text))  # "what word does she use for it?": the sentence giving the term
    if query.distinction and not query.qtype and query.intent == "fact":
        typed = float(claims_distinction(text))  # "what was special about it?": "it was the first…"
    if query.feared and not query.qtype and query.intent == "fact":
        typed = float(tells_risked(text))  # "what does X fear it could split into?": "it risks splitting…"
    return typed
