"""What kind of question it is: yes/no, why, a comparison, a list, an overview, or a plain fact.

Read from the question's shape (its opening words, a scene-setting clause set aside), never from
its topic; ``rag.query.understand`` records the result once in the ``Query``.

>>> intent_of("does the new permit cover barges?"), intent_of("why do some in the port want to end it?")
('yes_no', 'why')
>>> intent_of("how do the articles differ on the fees?"), intent_of("give me the gist of the 2030 changes")
('compare', 'overview')
"""

from __future__ import annotations

import re

from rag.standing import asks_standing
from rag.listkind import listed_noun
from rag.text import stem
from rag.whyask import CAUSE_ASK

# Auxiliary verbs: one opening a question makes it yes/no; one after a wh-word ends its asked-for noun phrase.
AUX = ("is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "had",
       "should", "shall", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't",
       "didn't", "won't", "wouldn't", "hasn't", "haven't", "can't", "couldn't", "shouldn't")
# Openings that ask nothing: fillers, and adverbs placing the question at the outcome ("in the end did it…?",
# "eventually, was it…?"), which the question still asks of with its own auxiliary or wh-word
LEAD = (r"^(?:(?:so|and|but|ok|okay|hey|hi|well|also|then|just|quick question|one more thing|in the end|"
        r"at the end of the day|eventually|ultimately|finally|after all|anyway)[,:]?\s+)*")
_WH = r"\b(?:what|when|where|which|who|whom|whose|why|how)\b"


# "can you sum up…", "could you tell me…": a polite request, not a yes/no question
_REQUEST = re.compile(LEAD + r"(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+|briefly\s+)?"
                      r"(?:sum|summari[sz]e|tell|explain|give|list|describe|name|show|walk|break|outline|remind|recap|"
                      r"say|share|help)\b")


def is_yes_no(q: str) -> bool:
    """A question answered by yes or no: it opens with an auxiliary verb and offers no alternatives.

    >>> is_yes_no("Is AI covered?"), is_yes_no("was it signed in beijing or washington?"), is_yes_no("What is it?")
    (True, False, False)
    >>> is_yes_no("can you sum up the csis piece for me"), is_yes_no("can scientists still work together?")
    (False, True)
    >>> is_yes_no("so is the pier finished or what, according to the review?"), is_yes_no("is it done or not yet?")
    (True, True)
    >>> is_yes_no("so in the end did the pier get rebuilt?"), is_yes_no("eventually, was it signed?")
    (True, True)
    """
    ql = q.lower().strip()
    m = re.match(LEAD + r"([a-z']+)\b", ql)
    if not m or m.group(1) not in AUX or _REQUEST.match(ql):
        return False
    # "…, or not?", "is it outdated or what?": an "or" offering no other answer leaves a yes/no question
    return not re.search(r"\bor\b", examples_joined(re.sub(r"\bor\s+(?:not|what|no)\b", " ", ql)))


# "companies like A or B", "areas such as A or B": an "or" joining examples offers no choice between them
_EXAMPLES_OR = re.compile(r"\b(?:like|such\s+as|including)\s+[a-z0-9\-']+(?:\s+[a-z0-9\-']+)?\s+or\b")


def examples_joined(ql: str) -> str:
    """The question without the "or" that joins examples ("do they mention firms like A or B?" asks whether any is).

    WHY: "was it signed in A or B?" asks which; "do they mention firms like A or B?" asks yes or no of the examples.

    >>> examples_joined("do they mention firms like acme or zeta?"), examples_joined("was it signed in oslo or bergen?")
    ('do they mention firms like acme  zeta?', 'was it signed in oslo or bergen?')
    """
    return _EXAMPLES_OR.sub(lambda m: m.group(0)[:-2], ql)


def is_more(q: str) -> bool:
    """ "tell me more", "go on", "anything else?": continue the last answer.

    >>> is_more("Tell me more"), is_more("go on"), is_more("more about the budget?")
    (True, True, False)
    """
    ql = re.sub(r"[^a-z ]", "", q.lower()).strip()
    return bool(re.fullmatch(r"(?:(?:ok|okay|and|so|please|pls)\s+)*(?:tell me more|more|go on|continue|keep going|"
                             r"(?:can you |could you )?(?:elaborate|expand on that|say more|explain more)|"
                             r"more (?:details|detail|info|information)|what else|anything else"
                             r"|what else do they say|and then)(?:\s+please)?", ql))


# "does A list any X that B doesn't?": what one has and the other lacks, asked in an elliptical negative clause
# closing the question; answered by what each says, not by a verdict
_LACKS = re.compile(r"\b(?:that|which)\b[^?]*\b(?:doesn't|don't|didn't|does not|do not|did not)\s*\??\s*$")


# "does the port piece agree (that) fares should rise?": one party (singular "does") agreeing with a claim is that
# party's stance, asked yes or no; "do A and B agree?", "does A agree with B?" set two accounts side by side.
_STANCE = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?does\s+(?!.*\b(?:and|both|each)\b.*\bagree)[^?]{1,60}?\b(?:agree|disagree)"
                     r"\s+(?!with\b|on\b|about\b|over\b|\?|$)\w")


def asks_stance(q: str) -> bool:
    """Does a yes/no question ask whether one party agrees with a claim ("does the port piece agree fares should rise?")?

    >>> asks_stance("does the port piece agree fares should rise?"), asks_stance("does the port piece agree with the review?")
    (True, False)
    >>> asks_stance("do the articles agree?"), asks_stance("does the port piece and the review agree that fares rose?")
    (False, False)
    """
    return bool(_STANCE.search(q.lower()))


def intent_of(q: str) -> str:
    """What shape of answer the question wants: yes_no, why, compare, overview, list or fact.

    >>> intent_of("which routes are still allowed"), intent_of("what happens next"), intent_of("do the articles agree?")
    ('list', 'fact', 'compare')
    >>> intent_of("does the port piece agree fares should rise?"), intent_of("does the port piece agree with the review?")
    ('yes_no', 'compare')
    >>> intent_of("what dangers do the articles say face both ports?"), intent_of("which danger do the articles say is worst?")
    ('list', 'compare')
    """
    ql = q.lower()
    if is_yes_no(q) and (not re.search(r"\b(compare|differ|differently (?:than|from)|difference|agree|disagree|vs|versus|the same|different (?:articles|pieces|writers|authors|sources))\b", ql)
                         or asks_stance(ql)) and not _LACKS.search(ql):  # "differently than X", "the different writers": a view set against others
        return "yes_no"
    cues = _COMPARE.findall(ql)
    # "what problems do the articles say need both?" asks for the things they name, together: a list, not their views
    cues = [c for c in cues if not (c in ("the articles say", "do the articles") and (_PLURAL_ASK.search(ql) or _LIST_ASK.search(ql)))]
    if cues and not (len(cues) == 1 and cues[0] in _ONE_SIDE and re.search(r"\bwhy\b", ql)) and not joint_why(ql, cues):
        return "compare"  # but "why do critics want it gone?" asks one side's reasons: a why-question
    if own_shape_after_summary(ql) == "why":
        return "why"  # "big picture, what's driving the changes?": the summary word frames a question asking a cause
    if _SUMMARY_ASK.search(ql):
        return "overview"  # "the gist of the piece asking why…": the "why" names the piece, the gist is asked
    if re.search(r"\bwhy\b|\bhow come\b|\breasons?\b|(?<!\bon )\bpurpose\b|\bmotive|" + CAUSE_ASK, ql):
        return "why"
    if re.search(r"\b(overview|summary|summari[sz]e|sum (?:it |this |that )?up|tl;?dr|recap|takeaways?|main points?|"
                 # "a quick history of the deal": its record in several points; "what the pact is even about": what-is-it-about, indirect
                 r"gist|nutshell|in short|big picture|background|history|explain|what changed|"
                 r"tell me about|what(?:'?s| is) (?:the )?(?:deal|story) with|" + _STATE_ASK + r"|" + _DEFINE_ASK + r"|" + _KNOW_ASK + r"|"
                 r"what(?:'s| is| are) .{0,40}\babout\b|what .{0,50}\b(?:is|are) (?:\w+ )?about\b|why does it matter|matter)\b", ql):
        return "overview"
    if _WHOLE_ASK.search(ql):
        return "overview"  # "what's the main tension around X?": the matter's gist in one of its aspects, told whole
    if _PLACE_ASK.search(ql):
        return "overview"  # "how does this fit into the wider rivalry?": where it sits in a larger matter, told whole
    if re.search(r"\bhow (?:does|did|do|is|was|will|would|can|could|has|have|are|were|should|must|might)\b", ql) \
            and not re.search(r"\bhow (?:many|much|long|old)\b", ql):
        return "why"  # "how does it work / how did it change / how are they supposed to stop leaks?": an explanation
    if asks_standing(ql):  # after "how…?", which asks an explanation ("how are things looking going forward?")
        return "overview"  # "where do things stand with X?", "the outlook for X": the matter's state, told whole
    if re.search(r"\b(?:list|name some|name the|examples?|what (?:areas|fields|topics|kinds|types|sorts|companies|"
                 r"firms|countries|technologies|things|stuff|safeguards|changes|provisions|benefits|risks|concerns|"
                 r"challenges|events))\b|\bwhich (?:areas|fields|companies|firms|technologies|countries|events)\b", ql):
        return "list"
    if _PLURAL_ASK.search(ql) or _SEVERAL_ASK.search(ql):
        return "list"  # "what global problems…", "which areas…", "what are the main risks", "what three goals": several things
    return "fact"


# "walk me through it", "what role / what good does it play / do?", "what does it mean for X?": asked as a whole
_STATE_ASK = (r"walk (?:me|us) through|what role|what good (?:has|have|did|does|do|will|would)\b|"
              r"what (?:does|do|did|will|would) .{0,40}\bmean for")
# "how does this fit into the wider rivalry?", "how does that square with the visa rules?": where a thing sits in a
# larger matter, which the account of that matter tells (an overview), not how the thing works. Not "relate to" or
# "tie into": those ask one link between two named things, which a fact sentence naming both gives best.
_PLACE_ASK = re.compile(r"\bhow (?:does|do|did|will|would|is|are) (?:[a-z0-9\-']+ ){1,6}?(?:fit|fits|square|squares) "
                        r"(?:in|into|with)\b")
# "what's the main tension around X?", "what's the big deal with X?", "the basic case for X": a singular thing asked
# with an adjective of generality (general English: main, basic, big, whole, core…) before a preposition naming the
# matter; the asker wants the matter's gist in that aspect, which several sentences tell, not one fact of it.
# A plural noun asks for a list ("the main pillars"), which the list rules read ("fuss", "process": no plural).
_WHOLE_ASK = re.compile(r"\bwhat(?:'?s| is)(?: really)? the (?:basic|big|main|whole|real|core|central|overall|general|"
                        r"broad|bottom-line)[- ](?:[a-z\-]+ )?[a-z\-]+(?:(?<!s)|(?<=ss)) "
                        r"(?:with|around|about|behind|for|over|between|of|in)\b")
_SUMMARY_LEAD = re.compile(r"^(?:big[- ]picture|in a nutshell|tl;?dr|overview|summary)\s*[,:]\s*")


def own_shape_after_summary(ql: str) -> str:
    """'why' when a leading summary word frames a question asking a cause in so many words ("big picture, what's
    driving the changes?"), else '': the frame asks for brevity, the question's own words say what is asked.
    >>> own_shape_after_summary("big picture, what's driving the fee changes?"), own_shape_after_summary("big picture, how are ties?")
    ('why', '')
    """
    rest = _SUMMARY_LEAD.sub("", ql)
    cause = re.search(r"\bwhy\b|\bhow come\b|\breasons?\b|" + CAUSE_ASK, rest)
    return "why" if cause and rest != ql and not _SUMMARY_ASK.search(rest) else ""


# "what should I know about the fees?", "what do we need to know about the pact?": a reader asking what matters
# about a thing as a whole, as "tell me about" does, not one fact of it (general English, no topic word)
_KNOW_ASK = (r"what (?:(?:should|must|would) (?:i|we|you|one|someone|people) (?:really )?|(?:do|does) (?:i|we|you|one|someone|"
             r"people) (?:really )?(?:need|have) to )(?:know|understand)")


# "what is this agreement?", "so what is this U.S.-China science pact, basically?": what the articles' subject
# is, asked for as a whole (its overview); its name may carry modifiers, but it must end what is asked:
# "what is the term of the deal?" and "what is the agreement's term?" ask one fact of it.
_DEFINE_ASK = (r"what(?: even)?(?:'s| is)(?: even)? (?:this|the) (?:(?!(?:of|for|on|in|by|with|to|from)\b)[a-z\-]+ ){0,6}?"
               r"(?:agreement|sta|pact|deal)(?=\s*(?:[?,.]|$))")


# Words that ask for a summary whatever else the question holds ("the big-picture argument", "the overall take"; any
# adjective of generality, as in ``_WHOLE_ASK``: "the basic take", "the core message" ask the same).
# "the short version", "the quick version of it": the asker wants the whole told briefly, a summary (general English);
# "what is the piece getting / driving at?" asks what its writer means to say overall: its main point
_SUMMARY_ASK = re.compile(r"\b(?:overview|summary|summari[sz]e|tl;?dr|recap|gist|nutshell|big[- ]picture|"
                          r"(?:short|quick|brief|condensed) version|(?:getting|driving) at|"
                          r"(?:overall|main|central|key|basic|core|general|broad) (?:take|argument|point|message|idea|thesis|takeaway))\b")


def asks_summary(q: str) -> bool:
    """Does the question ask for a summary in so many words ("the gist of…", "the main argument of…")?

    With a named article it asks for that article's main points, whatever topic words it adds to name
    the article ("the overview of the port piece on the new fees").

    >>> asks_summary("sum up the central argument of the port report on fees"), asks_summary("what does the port piece say on fees")
    (True, False)
    """
    return bool(_SUMMARY_ASK.search(q.lower()))


_COMPARE = re.compile(r"\b(compare[sd]?|comparison|differ(?:s|ent|ently|ence|ences)?|versus|vs\.?|disagree|agree|contrast|"
                      r"each (?:article|side|source)|both sides|critics|supporters|opponents|proponents|skeptics|"
                      r"sides|the articles say|do the articles|different views?|views? on)\b")
_ONE_SIDE = {"critics", "supporters", "opponents", "proponents", "skeptics"}
# "why did both sides keep extending it?": "both sides" the subject of one act they did together asks the reason
# for that act, a why-question, not each side's view set against the other's
_JOINT_WHY = re.compile(r"\b(?:why|how come)\s+(?:(?:did|do|does|would|will|are|were|have|had|should|could)\s+)?"
                        r"both sides\b")


def joint_why(ql: str, cues: list) -> bool:
    """Is "both sides", the only compare cue, the subject of a why-question's one act?

    >>> joint_why("why did both sides keep extending it?", ["both sides"]), joint_why("how do both sides see it?", ["both sides"])
    (True, False)
    >>> joint_why("why do both sides disagree?", ["both sides", "disagree"])
    False
    """
    return cues == ["both sides"] and bool(_JOINT_WHY.search(ql))
# "what/which (adjective) <plural noun>" before any verb ("which fees does the report say…" asks for several too)
# or a verb in the past ("which big events made…", "what tech areas got cut…"); "of" may narrow the kind
# ("what categories of tech does…"). The past forms are English's commonest irregular ones: a regular one ends in -ed.
_PLURAL_ASK = re.compile(LEAD + r"(?:what|which)\s+(?:[a-z\-]+\s+){0,3}?[a-z\-]{3,}(?<!ss)(?<!us)(?<!is)s\s+"
                         r"(?:of\s+(?:[a-z\-]+\s+){1,2}?)?"
                         r"(?:are|were|do|does|did|have|had|need|could|can|will|would|should|might|remain|still|"
                         r"got|made|led|took|gave|saw|came|became|brought|drove|left|kept|held|grew|rose|fell|"
                         r"[a-z]{2,}ed)\b")


# "what are the (key) <plural noun>", "what three <plural noun>": asks for several things by their kind or their count
_SEVERAL_ASK = re.compile(LEAD + r"(?:what|which)\s+(?:(?:are|were)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?|"
                          r"(?:two|three|four|five|six|seven|several)\s+(?:[a-z\-]+\s+)?)"
                          r"[a-z\-]{3,}(?<!ss)(?<!us)(?<!is)s\b")


# "list the worldwide problems…", "name the risks…": a request for several things of a kind, as "what problems…" asks
_LIST_ASK = re.compile(LEAD + r"(?:please\s+)?(?:list|name)\s+(?:all\s+|some\s+|the\s+)*(?:[a-z\-]+\s+){0,2}?"
                       r"([a-z\-]{3,}(?<!ss)(?<!us)(?<!is)s)\b")


# "each", "both", "respectively": the question is put to each named article in turn ("how do A and B each sum up…")
_EACH = re.compile(r"\b(?:each|both|respectively)\b")


# Words that make a question about an article itself (its author, outlet, date, headline, link)...


def two_articles_compared(intent: str, named: set, about: bool, sided: bool = False, q: str = "") -> str:
    """A question that names two or more articles and asks anything but yes/no or their bylines sets them
    side by side: it is a comparison, whatever its question word; so is one that names two sides (``sided``:
    "where is X stronger and where is Y?"). An overview of two named articles is one too when it is put to
    each of them (``_EACH``: "how do A and B each sum up the renewal?" asks for two accounts, not one summary).

    "How do the Harbor Times piece and the Dock Weekly column each describe the ferry rules?" opens like
    an explanation ("how do…"), but is answered by what each article says.

    >>> two_articles_compared("why", {"a", "b"}, False), two_articles_compared("why", {"a"}, False)
    ('compare', 'why')
    >>> two_articles_compared("yes_no", {"a", "b"}, False), two_articles_compared("fact", {"a", "b"}, True)
    ('yes_no', 'fact')
    >>> two_articles_compared("overview", {"a", "b"}, False, q="how do a and b each sum up the fees?")
    'compare'
    >>> two_articles_compared("overview", {"a", "b"}, False, q="summarize a and b")
    'overview'
    """
    each = intent == "overview" and bool(_EACH.search(q.lower()))
    asks = intent in ("why", "fact", "list") or each
    return "compare" if (len(named) >= 2 or sided) and not about and asks else intent


# "…worldwide and not just between the two countries", "why shrink it instead of renewing it?", "besides X, what…":
# the words after these name what the question sets aside, not what it asks (general English, no topic); the phrase
# ends at a comma, a full stop, a question mark or "but" ("not just X but Y" asks for Y)
_SET_ASIDE = re.compile(r"\b(?:not (?:just|only|merely|simply)|rather than|instead of|besides|apart from|other than)\s+"
                        r"(.+?)(?=\s*(?:[,;.?!]|\bbut\b|$))", re.I)


def set_aside_text(q: str) -> str:
    """The words setting aside what the question does not ask ("not just X", "instead of X", "besides X"), or "":
    the connective's own words ("instead", "besides") are no topic either.

    >>> set_aside_text("how could it help science worldwide and not just between the two countries")
    'not just between the two countries'
    >>> set_aside_text("besides data sharing, which provisions changed?"), set_aside_text("why was it renewed?")
    ('besides data sharing', '')
    >>> set_aside_text("is it not just X but Y?")
    'not just X'
    """
    return " ".join(m.group(0) for m in _SET_ASIDE.finditer(q))


# "when the report came out, …", "according to the port report, …", "although it was agreed, …": a clause
# setting the scene before the question proper (never one that is itself a question: "when was it signed, and…")
_SCENE = re.compile(r"^\s*(?:when|after|before|once|while|whilst|as of|by the time|according to|per|in|although|though|"
                    r"even though|since|if|given|despite|now that)\b(?!\s+(?:{a})\b)[^,?]{{1,120}},\s*"
                    r"(?=(?:[a-z]+\s+){{0,2}}(?:what|when|where|which|who|whom|whose|why|how|{a})\b)"
                    .format(a="|".join(sorted(AUX))), re.I)


def main_clause(q: str) -> str:
    """The question without a leading clause that sets its scene; its kind (yes/no, a date…) is read there.

    >>> main_clause("when the port report came out, was the ferry still running?")
    'was the ferry still running?'
    >>> main_clause("according to the port report, why is it late?"), main_clause("when was it signed?")
    ('why is it late?', 'when was it signed?')
    >>> main_clause("in a nutshell, what does the port report conclude?")
    'in a nutshell, what does the port report conclude?'
    """
    scene = _SCENE.match(q.strip())
    if scene and _SUMMARY_ASK.search(scene.group(0).lower()):
        return q.strip()  # "in a nutshell, what…": an opening asking for a summary shapes the question, sets no scene
    return _SCENE.sub("", q.strip(), count=1)


# "what are the main pillars…", "which areas…", "what global problems…": the plural noun naming the kind of the things
# a list question asks for (the first plural after the wh-word and at most two modifiers)
_LISTED = re.compile(LEAD + r"(?:what|which)\s+(?:(?:are|were)\s+(?:the\s+)?)?(?:[a-z\-]+\s+){0,2}?"
                     r"([a-z\-]{3,}(?<!ss)(?<!us)(?<!is)s)\b")


def kind_modifiers(q: str) -> str:
    """The words before the noun naming what a list question asks for ("list the worldwide problems…": "worldwide"), or "".

    >>> kind_modifiers("list the worldwide problems the report names"), kind_modifiers("what big global risks are named?")
    ('worldwide', 'big global')
    >>> kind_modifiers("which areas are open?"), kind_modifiers("when was it signed?")
    ('', '')
    """
    m = _LISTED.search(q.lower()) or _LIST_ASK.search(q.lower())
    words = re.sub(r"^.*?\b(?:what|which|list|name)\s+(?:(?:are|were)\s+)?(?:the\s+|all\s+|some\s+)*", "", m.group(0)).split() if m else []
    return " ".join(words[:-1])


def listed_kind(q: str) -> str:
    """The stem of the noun naming what a list question asks for, or "".

    >>> listed_kind("what are the main pillars the report lists for the port?"), listed_kind("which areas are open?")
    ('pillar', 'area')
    >>> listed_kind("when was it signed?"), listed_kind("what does the report conclude?")
    ('', '')
    >>> listed_kind("which agency runs the port?"), listed_kind("what kinds of science do they share?")
    ('', 'scienc')
    """
    m = _LISTED.search(q.lower())
    return listed_noun(q.lower(), m) if m else ""


# Words asking where a matter is heading ("the overall direction of the ties", "where is it heading?"): general
# English for a course; "lately", "these days" only date a state ("how are ties these days?"), "trend" names one
_TREND = re.compile(r"\b(?:direction|heading|headed|trajector(?:y|ies))\b|\bwhere\b.{0,60}\bgoing\b", re.I)


def asks_trend(text: str) -> bool:
    """Does the question ask which way a matter is moving ("what's the overall direction of port ties lately?")?

    >>> asks_trend("where is the port cooperation heading overall?"), asks_trend("what is the port's budget?")
    (True, False)
    """
    return bool(_TREND.search(text))
