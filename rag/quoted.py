"""A question asking for a text's own words or for a procedure step by step, and whether a sentence gives them.

"What's the exact wording of the clause…?" asks for a quotation: a sentence telling that "the agreement excludes
AI" says what the clause does, not how it reads. "Walk me through how the appeal works step by step" asks for a
sequence: a sentence telling that "the revision includes provisions on appeals" names the procedure but none of its
steps. Quoting either answers what the articles leave open. General English only: the words asking for a text's
wording or for steps, quotation marks, and the words English orders steps by.
"""

from __future__ import annotations

import re

# "the exact wording / words / language of…", "word for word", "verbatim", "quote the clause": the text itself
_WORDING_ASK = re.compile(r"\b(?:exact|precise|actual|specific)\s+(?:wording|words|language|phrasing|text)\b|"
                          r"\bword[\s-]for[\s-]word\b|\bverbatim\b|\bquote\s+(?:the|it|them|that|this)\b")
# "step by step", "each step of…", "what are the steps…": a procedure told as its steps
_STEPS_ASK = re.compile(r"\bstep[\s-]by[\s-]step\b|\b(?:each|every)\s+step\b|\bwhat\s+are\s+the\s+steps\b")
# a quotation of several words ("“fueling its own destruction”"), not one term a writer puts in quotes ("“de-risking”")
_QUOTATION = re.compile(r"[“\"][^”\"]{12,}[”\"]")
# the words English orders the steps of a procedure by (not "first", which also dates: "first signed in 1990")
_SEQUENCE = re.compile(r"\b(?:then|next|afterwards|after\s+that|subsequently|followed\s+by|secondly|thirdly|"
                       r"finally|lastly|steps?|stages?)\b", re.I)
_SHOWS = {"wording": _QUOTATION, "steps": _SEQUENCE}


def asked_form(question: str) -> str:
    """The form the answer must take: "wording" (a text's own words), "steps" (a procedure), or "".

    >>> asked_form("what's the exact wording of the berth clause?"), asked_form("walk me through the appeal step by step")
    ('wording', 'steps')
    >>> asked_form("what does the berth clause say?"), asked_form("what steps did the port take?")
    ('', '')
    """
    q = question.lower()
    return "wording" if _WORDING_ASK.search(q) else "steps" if _STEPS_ASK.search(q) else ""


def form_shown(form: str, sentences) -> bool:
    """No form asked, or some of the sentences gives it: a quotation of several words, or words ordering steps.

    >>> form_shown("wording", ["The clause bars “any vessel over forty tonnes”."]), form_shown("wording", ["It bars big ships."])
    (True, False)
    >>> form_shown("steps", ["A claim is filed, then a panel hears it."]), form_shown("steps", ["It covers appeals."])
    (True, False)
    >>> form_shown("", [])
    True
    """
    pattern = _SHOWS.get(form)
    return pattern is None or any(pattern.search(s) for s in sentences)
