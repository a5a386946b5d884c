"""What a question wants of its answer beyond a kind of thing: a condition, a bound, a distinction, a feared
outcome, an age, the beginning of the whole matter, a count of times, a definition.

Each is a general-English shape of the question (no topic word); ``rag.query.understand`` records it once in the
``Query`` and the evidence stage credits the sentences that state such a thing.
"""

from __future__ import annotations

import re

from rag.intent import LEAD


# A question for what something depends on: "what will decide whether the plan works?", "what does its success
# hinge on?", "what is the key to its success?" (general English, no topic)
_CONDITION_ASK = re.compile(r"\b(?:depend(?:s|ed)?|hinges?|hinged|rel(?:y|ies)|rests?|rides?)\s+(?:up)?on\b|"
                            r"\b(?:decides?|determines?|decided|determined)\s+(?:whether|if)\b|\bkey to\b.{0,20}\bsuccess\b|"
                            r"\bmake or break\b|"
                            # "how will anyone know if it's working?": what its success will be judged by is what it rests on
                            r"\bhow (?:will|would|do|does|can|could|should) (?:we|anyone|anybody|you|one|people|they|i) "
                            r"(?:ever )?(?:know|tell|judge|measure|see) (?:if|whether)\b", re.I)


def asks_condition(q: str) -> bool:
    """Does the question ask what something depends on?

    >>> asks_condition("What's going to decide whether the plan works?"), asks_condition("what does its success hinge on?")
    (True, True)
    >>> asks_condition("who decided to renew it?"), asks_condition("when was it renewed?")
    (False, False)
    """
    return bool(_CONDITION_ASK.search(q))


# A question for what something is confined to: "what kind of research is it limited to?", "what is the deal
# restricted to now?" (general English, no topic). Its answer says so ("focuses exclusively on X", "only X"), a
# sentence that merely names the thing ("recent versions of the deal…") does not.
# ...and what is still allowed once the rest is shut ("what are they still allowed to do together?") asks the same bound
_LIMIT_ASK = re.compile(r"\b(?:limited|restricted|confined|limit|restrict|confine)\s+(?:it\s+|them\s+)?to\b|"
                        r"\bwhat\b[^?]*\bstill\s+(?:allowed|permitted|ok|okay)\s+to\b", re.I)


def asks_limit(q: str) -> bool:
    """Does the question ask what something is limited to?

    >>> asks_limit("what kind of work is the new lease limited to?"), asks_limit("is the ferry limited?")
    (True, False)
    """
    return bool(_LIMIT_ASK.search(q))


# A question for what set something apart: "what was special / unique / notable about the pact when it was signed?"
_DISTINCTION_ASK = re.compile(r"\bwhat\s+(?:was|is|were|are|made)\s+(?:so\s+|historically\s+)?(?:special|unique|notable|"
                              r"remarkable|significant|distinctive|new)\s+about\b", re.I)


def asks_distinction(q: str) -> bool:
    """Does the question ask what set something apart? A sentence saying it was "the first" or "the only" of its
    kind, or "unprecedented", answers it; one telling its later history does not.

    >>> asks_distinction("what was special about the lease when it was signed?"), asks_distinction("what was the lease about?")
    (True, False)
    """
    return bool(_DISTINCTION_ASK.search(q))


# A question for a feared outcome: "what does the harbour piece fear the plan could split the port into?", "what
# do critics worry it might lead to?" (a verb of fearing, then a modal of what may come)
_FEARED_ASK = re.compile(r"^\W*(?:what|which)\b.{0,60}\b(?:fear|fears|feared|worr(?:y|ies|ied)|warn|warns|warned)\b"
                         r".{0,60}\b(?:could|might|would|will|may)\b|"
                         # ...or why something may turn out badly ("why could the plan backfire?"): the risk it runs
                         r"\bwhy\b.{0,80}\b(?:could|might|would|will|may)\s+(?:\w+\s+)?(?:backfire|go\s+wrong|hurt|"
                         r"harm|fail|damage|undermine)\b|"
                         # ...or what may go badly ("what could still go wrong?"): the outcome risked is the answer
                         r"^\W*(?:\w+\W+){0,6}?what\b.{0,40}\b(?:could|might|may)\s+(?:still\s+|yet\s+)?"
                         r"(?:go\s+wrong|backfire)\b|"
                         # ...or the risk a thing runs ("what's the risk of the plan?", a drawback said plainly:
                         # ``text.plain_drawback``): the bad outcome it may bring, not the word "risk" in a sentence
                         r"^\W*(?:(?:so|but|ok|and)\s+)?what(?:'s|’s|s|\s+is|\s+are|\s+was)\s+(?:the\s+)?(?:\w+\s+)?risks?\s+"
                         r"(?:of|with|to|in|for)\b", re.I)


def asks_feared(q: str) -> bool:
    """Does the question ask what someone fears something may bring about?

    >>> asks_feared("what does the harbour piece fear the plan could split the port into?"), asks_feared("what's the worry?")
    (True, False)
    >>> asks_feared("why does Ann Lee think the toll could backfire?"), asks_feared("why did the toll fail?")
    (True, False)
    """
    return bool(_FEARED_ASK.search(q))


# "how long has it been around?", "how old is the pact?": a span counted up to now, which the year the thing began
# tells as surely as a length does ("signed in 1979"); not "how old was it when…" nor "how long did it last", spans
# that ended at another time
_AGE_NOW = re.compile(r"\bhow\s+(?:long\s+(?:has|have)|old\s+(?:is|are))\b", re.I)


def asks_age_now(q: str) -> bool:
    """Does the question ask how long something has lasted up to now?

    >>> asks_age_now("how long has the ferry been around?"), asks_age_now("How old is the pact?")
    (True, True)
    >>> asks_age_now("how old was the pact when the piece was written?"), asks_age_now("how long did the talks last?")
    (False, False)
    """
    return bool(_AGE_NOW.search(q))


def asks_age(q: str) -> bool:
    """Does the question ask how old something is or was ("how old was the pact when…")?

    >>> asks_age("how old was the lease when the piece was written?"), asks_age("how long did the talks last?")
    (True, False)
    """
    return bool(re.search(r"\bhow\s+old\b", q, re.I))


# "what year did it all start?", "when did this begin?": the start of the whole matter, whose subject is a bare pronoun
# (not "when did the renewed deal start?", a start date of one version of it); answered by the year the thing began
_ORIGIN = re.compile(LEAD + r"(?:when|(?:what|which)\s+(?:year|date|day|month))\s+(?:did|does|do|had|has)\s+"
                     r"(?:it|this|that|it\s+all|this\s+all|all\s+this|all\s+of\s+this|everything|the\s+whole\s+thing)\s+"
                     r"(?:all\s+)?(?:first\s+)?(?:start|begin|get\s+started|kick\s+off)\b", re.I)


def asks_origin(q: str) -> bool:
    """Does a date question ask when the whole matter began, its subject a bare pronoun ("what year did it all start?")?

    >>> asks_origin("what year did it all start"), asks_origin("when did this begin?")
    (True, True)
    >>> asks_origin("when did the renewed deal start?"), asks_origin("when did it end?")
    (False, False)
    """
    return bool(_ORIGIN.match(q.strip()))


# "how many times did they extend it?": a count of occurrences of the act, answered by "twice" or "three times";
# "times" is no thing the articles must name, and a sentence's other numbers ("the two governments") count nothing
_HOW_MANY_TIMES = re.compile(r"\b(?:how many|(?:the )?number of)\s+times\b", re.I)


def asks_frequency(q: str) -> bool:
    """Does the question ask how many times something happened?

    >>> asks_frequency("how many times did they push it back?"), asks_frequency("how many patents were filed?")
    (True, False)
    >>> asks_frequency("how often is it renewed?")  # a rate ("every five years"), not a count of occurrences
    False
    """
    return bool(_HOW_MANY_TIMES.search(q))


# A question for how often something recurs: "how often is it renewed?", "how frequently do they meet?" (general
# English). Its answer states a recurrence ("every five years"), not a count of times ("twice": ``asks_frequency``).
_RATE_ASK = re.compile(r"\bhow\s+(?:often|frequently|regularly)\b", re.I)


def asks_rate(q: str) -> bool:
    """Does the question ask how often something recurs?

    >>> asks_rate("how often do they renew the lease?"), asks_rate("how many times was it renewed?")
    (True, False)
    """
    return bool(_RATE_ASK.search(q))


# A question for the word a writer uses: "what word does she use for the new setup?", "which term did the piece
# apply to it?" (general English). Its answer is the sentence holding that word, a coinage rarer than the words
# restating the topic (``reasons.coins_word``).
# ...and the everyday ways of asking for a name given to something: "what's the word / term / name for X?",
# "what do they call X?", "what's the buzzword for X?"
_WORD_ASK = re.compile(r"\b(?:what|which)\s+(?:word|term|phrase|label|adjective)s?\s+(?:does|do|did|is|was)\b|"
                       r"\bwhat(?:'s|’s|s|\s+is|\s+was)?\s+the\s+(?:word|term|name|phrase|label|expression)\s+for\b|"
                       r"\bwhat\s+(?:do|does|did|would)\s+(?:you|they|people|we|experts|critics)\s+call\b|"
                       r"\b(?:buzzword|catchword|catchphrase)s?\b", re.I)


def asks_word_used(q: str) -> bool:
    """Does the question ask which word someone uses for something?

    >>> asks_word_used("what word does the harbour piece use for the new lease?"), asks_word_used("what does the word mean?")
    (True, False)
    >>> asks_word_used("whats the word for leasing a pier but not the land?"), asks_word_used("what's the name of the mayor?")
    (True, False)
    """
    return bool(_WORD_ASK.search(q))


# "what's this 'de-risking' thing people mention?", "what is reciprocity?", "what does decoupling mean?"
_DEFINITION = re.compile(LEAD + r"what(?:'s|’s|\s+is|\s+are)\s+(?:this|that|the)?\s*(?:term\s+|word\s+)?"
                         r"(?:[\"'“‘][^\"'”’]{2,40}[\"'”’]|[a-z\-]+)(?:\s+(?:thing|term|concept|idea|stuff)\b[^?]*)?\s*\?*\s*$|"
                         + LEAD + r"what\s+does\s+[^?]{2,40}\s+mean\s*\?*\s*$", re.I)


def asks_definition(question: str) -> bool:
    """Does the question ask what one named thing is? Its answer defines the thing, so a follow-up's bare "that"
    ("which administration pushed that?") points at the thing named, not at the words of its definition.

    >>> asks_definition("what's this 'de-risking' thing people mention?"), asks_definition("what does decoupling mean?")
    (True, True)
    >>> asks_definition("what did the ferry deal change?"), asks_definition("what is the fine for speeding?")
    (False, False)
    """
    return bool(_DEFINITION.search(question.strip()))


# A why-question about a state denied: "why isn't it dead yet?", "why does the piece say it is not outdated?" (general
# English negation). Its answer corrects the premise ("it is not obsolete, but rather in transformation"), a sentence
# that often holds no cause word. The denied state is told by "be" or "have" negated, with or without its apostrophe
# ("isnt", typed on a phone); "why didn't they…" asks the reason for an act not done, which a cause word answers.
_NEG_AUX = r"(?:is|are|was|were|has|have|had|ai)n['’]?t"
_WHY_NOT = re.compile(r"\b(?:why|how come)\b.*\b(?:not|never|no longer|" + _NEG_AUX + r")\b", re.I)


def asks_why_not(q: str) -> bool:
    """Does a why-question ask why something is not so?

    >>> asks_why_not("why isn't the lease dead yet?"), asks_why_not("why is the lease dead?")
    (True, False)
    >>> asks_why_not("why wasnt the lease ended"), asks_why_not("how come it hasn't ended?")
    (True, True)
    >>> asks_why_not("why did they want the agreement?"), asks_why_not("why didnt they end it?")
    (False, False)
    """
    return bool(_WHY_NOT.search(q))
