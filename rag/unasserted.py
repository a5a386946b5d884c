"""What a sentence says without asserting it of the asked claim: a wished act, and an exclusion of another thing.

``rag.polarity.verdict`` counts a sentence's negations ("excluding", "cancellation", "end") to read its yes or no.
Two kinds of such words say nothing of the claim a yes/no question asks, and are read out before counting:

- a wish or a call for an act is not the act (``without_wishes``): "they called for its cancellation" does not say
  it was cancelled, so it does not affirm "was it ever cancelled?" (its "cancellation" would match the question's);
- an exclusion of a thing the question does not ask about (``without_unasked_exclusions``): "by excluding sensitive
  fields, the port aims to limit risks" says nothing against "is the port worried about theft?".

General English only: verbs of wanting, calling, urging and threatening; words that leave something out.
"""

from __future__ import annotations

import re

from rag.text import terms

# Verbs of wanting, calling for, urging, threatening or proposing an act: what follows them is wished, not done
_WISH = (r"call(?:s|ed|ing)?\s+for|(?:push|press)(?:es|ed|ing)?\s+(?:for|to)|urg(?:e|es|ed|ing)|want(?:s|ed|ing)?|"
         r"wish(?:es|ed|ing)?|hop(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)|demand(?:s|ed|ing)?|"
         r"propos(?:e|es|ed|ing|als?)|advocat(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|ask(?:s|ed|ing)?\s+for|"
         r"seek(?:s|ing)?\s+to|sought\s+to|plead(?:s|ed|ing)?\s+(?:for|to)|campaign(?:s|ed|ing)?\s+(?:for|to)")
_WISH_WORD = re.compile(rf"\b(?:{_WISH})\b", re.I)
# ...and the phrase it governs, up to the end of its clause (a comma, a dash, "but"), at most eight words
_WISHED = re.compile(rf"\b(?:{_WISH})\b(?:\s+(?!but\b)[\w'’“”\"-]+){{1,8}}", re.I)


def without_wishes(question: str, text: str, asks_act: bool = True) -> str:
    """The text with each wished act taken out ("…and calling for its cancellation" -> "…and"), unless the question
    itself asks about a wish ("did they want it gone?": then the wish is the claim); only when the question asks of an
    act of ending or leaving out (``asks_act``, which a wished one would seem to affirm): for "were they in favour of
    keeping it?", a call for its cancellation is what answers no.

    WHY: "was the pact ever cancelled?" is not affirmed by "lawmakers called for its cancellation": the call names
    the act only as wanted; read as said, its "cancellation" agreed with the question's and the answer was a yes.

    >>> without_wishes("was the pact cancelled?", "Lawmakers attacked it, calling for its cancellation.")
    'Lawmakers attacked it, .'
    >>> without_wishes("did they want it gone?", "They called for its cancellation.")
    'They called for its cancellation.'
    >>> without_wishes("was it ended?", "Critics pushed to end it, but it was renewed.")
    'Critics , but it was renewed.'
    """
    if _WISH_WORD.search(question) or not asks_act:
        return text
    return _WISHED.sub(" ", text).replace("  ", " ")


# Words that leave a thing out, with the thing they leave out (up to the end of the phrase); not "restricted to X",
# which bounds a thing to X and affirms it
_EXCLUDES = re.compile(r"\b(?:exclu(?:de[sd]?|ding|sions?\s+of)|except(?:ing)?|without|"
                       r"ban(?:s|ned|ning)?|bar(?:s|red|ring)?|prohibit(?:s|ed|ing)?|restrict(?:s|ed|ing)?(?!\s+to\b))"
                       r"([^;:—–()]*?)(?=[;:—–()]|\.\s|\.$|$|\s+(?:while|but|whereas)\b|"
                       r"\s+and\s+(?:has|have|had|is|are|was|were|will|would|can|could|also)\b|"
                       # (where the left-out thing goes or comes from, or why, is no part of it: "exports to X")
                       r"\s+(?:to|from|into|against|toward|towards|due|amid)\b|"
                       r",\s+(?:the|a|an|it|they|this|that|these|those|we|he|she|its|their|such|by|with)\b)", re.I)


def _initials(words: list[str]) -> set[str]:
    """Initials of each run of two to four words ("artificial intelligence" -> "ai"): an acronym asked of the thing."""
    return {"".join(w[0] for w in words[i:i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}


def bears_on(question: str, left: str) -> bool:
    """Does the thing a sentence leaves out (``left``) hold a content word of the question, or its initials?

    >>> bears_on("does it cover ai?", "artificial intelligence"), bears_on("is it about theft?", "sensitive fields")
    (True, False)
    """
    asked = set(terms(question))
    words = re.findall(r"[a-z]+", left.lower())
    return bool(asked & set(terms(left))) or bool(asked & _initials(words))


# Verbs of cutting, limiting or keeping apart (general English): a question asking such an act ("did they want to cut
# ties?") may be put by a sentence's exclusion in other words ("measures to restrict transfers"), so its exclusions stay
_REDUCES = re.compile(r"\b(?:cut\w*|limit\w*|reduc\w*|curb\w*|curtail\w*|sever\w*|restrict\w*|block\w*|stop\w*|end\w*|"
                      r"decoupl\w*|separat\w*|split\w*|ban\w*|bar|barred|exclu\w*|except\w*|without|prohibit\w*|"
                      r"shut\w*|clos\w*|freez\w*|halt\w*|narrow\w*|shrink\w*|drop\w*|remov\w*|leave|left|keep|kept)\b", re.I)


def without_unasked_exclusions(question: str, text: str) -> str:
    """The text with each exclusion of a thing the question does not ask about taken out, when the rest of the text
    still speaks of the question (holds one of its content words).

    WHY: "is the port worried about theft?" over "by excluding sensitive fields, the port aims to limit risks" read
    the exclusion as a denial of the worry; what is left out is another thing than the one asked about.

    >>> without_unasked_exclusions("is the port worried about theft?", "By excluding sensitive fields, the port aims to limit risks.")
    'By  , the port aims to limit risks.'
    >>> without_unasked_exclusions("is the port worried about oslo?", "It bans exports to Oslo over fears.")
    'It   to Oslo over fears.'
    >>> without_unasked_exclusions("did they want to cut ties?", "Measures to restrict transfers, the port says.")
    'Measures to restrict transfers, the port says.'
    >>> without_unasked_exclusions("does it cover ai?", "It covers basic research, excluding artificial intelligence.")
    'It covers basic research, excluding artificial intelligence.'
    >>> without_unasked_exclusions("is the port worried about theft?", "It banned ferries and has raised fees over theft.")
    'It   and has raised fees over theft.'
    >>> without_unasked_exclusions("is the port worried?", "It banned ferries.")  # nothing else of the question
    'It banned ferries.'
    """
    if _REDUCES.search(question):  # the question asks an act of cutting or leaving out: any exclusion may be it
        return text
    asked = set(terms(question))
    out = text
    for m in reversed(list(_EXCLUDES.finditer(text))):
        if bears_on(question, m.group(1)):
            continue
        rest = out[:m.start()] + " " + out[m.end():]
        if asked & set(terms(rest)):
            out = rest
    return out


# A comma before a word opening a clause of its own ("…, the port aims…") ends what an exclusion leaves out; a comma
# in a list ("excluding AI, quantum and chips") does not
_NEW_CLAUSE = re.compile(r",\s+(?=(?:the|a|an|it|they|this|that|these|those|we|he|she|its|their|such|by|with)\b)", re.I)


def left_object(after: str) -> str:
    """What an exclusion leaves out, from the text right after its word: up to a clause of its own.

    WHY: "excluding sensitive fields, the port aims to limit risks" leaves out the fields, not the port; read to the
    clause's end, the port was named as left out and "is the port worried?" was answered no.

    >>> left_object(" sensitive fields, the port aims to limit risks"), left_object(" AI, quantum and chips")
    (' sensitive fields', ' AI, quantum and chips')
    """
    return _NEW_CLAUSE.split(after, 1)[0]


def asserted(question: str, text: str, asks_act: bool = True) -> str:
    """The part of a sentence that asserts something of the question's claim: wishes and unasked exclusions out."""
    return without_unasked_exclusions(question, without_wishes(question, text, asks_act))
