"""The thing a "what is the X of Y?" or "which X is…?" question asks for, which articles that never name X cannot
state ("what is the annual toll of the bridge?" over articles without "toll"), unless X names a kind of answer
("the date of…", "the purpose of…") or a stance or judgement the articles put in their own words.
"""

from __future__ import annotations

import re

from rag.intent import LEAD
from rag.kinds import is_item, is_sanction, is_sum, sanction_asked
from rag.rules import GENERIC_BODIES, PERSON_NOUNS
from rag.text import STOPWORDS, stem

# Words that ask for a comparison ("vs", "how do they differ"): the question's form, not its topic.
COMPARE_CUES = {stem(w) for w in ("vs", "versus", "compare", "comparison", "differ", "different", "difference",
                                  "agree", "disagree", "contrast", "similar", "similarity", "alike", "clash")}

_THING = re.compile(LEAD + r"(?:what|which)(?:'s|\s+(?:is|was|are|were))\s+the\s+((?:[a-z\-]+\s+){0,2}?[a-z\-]+)"
                    r"\s+(?:of|for|behind|in|on|at|under|between)\b")
# Words naming the *kind* of answer, not a thing the articles must mention ("what is the date of…").
KIND_WORDS = {"date", "year", "name", "title", "headline", "position", "role", "outlet", "website", "point", "purpose",
               "goal", "aim", "reason", "cause", "meaning", "impact", "effect", "role", "status", "state", "future",
               "deal", "story", "idea", "gist", "number", "amount", "size", "length", "scope", "focus", "main",
               "difference", "relationship", "significance", "importance", "view", "take", "argument", "point",
               "kind", "kinds", "sort", "sorts", "type", "types", "one", "ones", "way", "ways", "thing", "things",
               "word", "term", "phrase", "label", "picture", "overview", "summary", "takeaway", "latest",
               # words for an argument, as "argument" is: "the case for keeping X" asks for the reasons writers give,
               # which they write as "the argument for…" or "rooted in…", seldom as "case"
               "case", "rationale"} | {
               # words for a stance, a feeling or a judgement ("the main worry of…", "the mood in…", "the downside of…"):
               # the articles state one in their own words ("concerns", "fearing", "at the expense of"), seldom by the noun
               "worry", "worries", "fear", "fears", "concern", "concerns", "hope", "hopes", "mood", "tone", "attitude",
               "feeling", "feelings", "opinion", "opinions", "stance", "complaint", "complaints", "objection", "objections",
               "criticism", "criticisms", "problem", "problems", "issue", "issues", "downside", "downsides", "upside",
               "upsides", "lesson", "lessons", "message", "verdict", "assessment", "sentiment",
               # ...and for what a writer advises or concludes ("the bottom line of the piece", ``rag.accounts``)
               "line", "conclusion", "conclusions", "recommendation", "recommendations", "advice", "proposal",
               "proposals", "solution", "solutions"}
# Comparatives and superlatives are no things: "what is the US better at…" asks in what respect, not for a "better"
_DEGREE = {"better", "best", "worse", "worst", "more", "most", "less", "least"}
# ...and the heads of compounds naming a word as the answer ("buzzword", "catchphrase", "nickname"): "what's the
# buzzword for X?" asks for the word the articles use for X, not for a thing called a buzzword
_WORD_HEADS = ("word", "phrase", "name")


def names_a_word(head: str) -> bool:
    """A compound whose head names a word as the answer; three letters before the head make it a compound.

    >>> names_a_word("buzzword"), names_a_word("catchphrase"), names_a_word("sword"), names_a_word("budget")
    (True, True, False, False)
    """
    return any(head.endswith(k) and len(head) - len(k) >= 3 for k in _WORD_HEADS)


# "which (adjective) ministry is…", "what agency did…": the noun the wh-word asks about, right before its verb (an
# auxiliary, or a verb in -s or -ed whose object's determiner follows: "which ministry handles the pact")
_WH_HEAD = re.compile(LEAD + r"(?:which|what)\s+((?:[a-z\-]+\s+){0,2}?[a-z\-]+)\s+(?:(?:is|are|was|were|do|does|did|has|"
                      r"have|had|can|could|will|would|should)\b|[a-z]+(?:s|ed)\s+(?:the|a|an|its|their|this|that)\b)")


def asked_thing(text: str) -> str:
    """The thing a "what is the X of Y" or "which X is…" question asks for, as a stem, unless X names a kind of answer.

    >>> asked_thing("What is the annual budget of the STA?"), asked_thing("what is the purpose of the pact?")
    ('budget', '')
    >>> asked_thing("which harbour ministry is in charge?"), asked_thing("which problems are covered?")
    ('ministri', '')
    >>> asked_thing("which harbour ministry handles the pact?"), asked_thing("what space missions did they fly?")
    ('ministri', 'mission')
    >>> asked_thing("what penalties does a ferry face if it breaks the rules?"), asked_thing("what problems does it face?")
    ('penalti', '')
    >>> asked_thing("what budget does the port have?"), asked_thing("what fees do ferries pay under the lease?")
    ('budget', 'fee')

    >>> asked_thing("what's the line the port draws between ferries and barges?"), asked_thing("what are the berths listed in it?")
    ('', 'berth')
    >>> asked_thing("what is the port better at than the dock?"), asked_thing("what's the bigger picture of the ferry war?")
    ('', '')
    >>> asked_thing("what's the main worry of people who want to end the lease?")
    ''
    """
    m = _THING.match(text.lower())
    wh = _WH_HEAD.match(text.lower())
    head = wh.group(1).split()[-1] if wh else ""
    if not m and wh and (head in PERSON_NOUNS or is_item(re.sub(r"s$", "", head)) or is_sanction(head) or is_sum(head)):
        # "which ministry / what space missions / what penalties / what fees…": none if the articles never mention one
        m = wh
    m = m or sanction_asked(text)  # "what are the penalties if someone breaks the rules?": no verb after the noun
    if not m:
        return ""
    if m.group(0).endswith("between"):
        return ""  # "what's the line they draw between A and B": a relation of A and B, stated through them
    words = m.group(1).split()
    if len(words) > 1 and re.fullmatch(r"[a-z]{3,}ed", words[-1]) and words[-2].endswith("s"):
        words = words[:-1]  # "the key pillars listed in…": a participle describing a plural noun, which is what is asked
    head = words[-1]
    if len(words) > 1 and head.endswith("ing"):
        return ""  # "what was the crew aiming for": a subject and its verb, not a thing asked for
    if head in KIND_WORDS | GENERIC_BODIES | _DEGREE or head in STOPWORDS or stem(head) in COMPARE_CUES or names_a_word(head):
        return ""
    return stem(head)
