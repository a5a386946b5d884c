"""A question, understood once: the ``Query`` every later stage reads.

``understand`` cleans the text, resolves a follow-up against the conversation,
fixes misspelled non-words, and records what kind of answer is wanted (a date, a
yes/no verdict, reasons, each side of a comparison, an overview…), the content
terms, the articles the question names, and whether it is about the articles
themselves (the kind of question is read in ``rag.intent``). Retrieval and answering never
re-derive these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.intent import AUX, LEAD, asks_summary, intent_of, main_clause, two_articles_compared
from rag.persons import actor, asks_person, speaker
from rag.rules import GENERIC_BODIES, PERSON_NOUNS, plural
from rag.scope import asks_day, asks_ranking
from rag.sides import framed_by, sides_of, stance_side, unnamed_sides
from rag.sources import asked_field
from rag.text import ABBREVIATIONS, STOPWORDS, stem, terms, topic_text

META_WORDS = {"wrote", "write", "written", "writer", "writers", "author", "authors", "byline", "publish", "published",
              "publisher", "outlet", "outlets", "publication", "website", "url", "headline", "title", "titled",
              "newspaper", "magazine"}
# ...and words that do so only beside "article", "piece" and the like ("when did the article appear").
META_WEAK = {"appear", "appeared", "date", "dated", "full", "source", "online", "link", "site", "behind", "when",
             "called", "name", "named"}
ARTICLE_WORDS = {"article", "articles", "piece", "pieces", "story", "essay", "op", "ed", "report", "excerpt", "column",
                 "post", "analysis"}
META_STEMS = {stem(w) for w in META_WORDS | META_WEAK | ARTICLE_WORDS}
# Verbs asking what an article *argues*: such a question is about its content, even if it names its authors.
CONTENT_VERBS = re.compile(r"\b(argue[sd]?|arguing|say|says|said|claim(?:s|ed)?|think|thinks|see|sees|saw|believe[sd]?|"
                           r"propose[sd]?|recommend(?:s|ed)?|suggest(?:s|ed)?|conclude[sd]?|warn(?:s|ed)?|worr(?:y|ied|ies)|"
                           r"write about|wrote about|writing about|view|views|opinion|position|stance|point|"
                           r"talk(?:s|ed)? (?:to|with)|spoke (?:to|with)|fear(?:s|ed)?|describe[sd]?|mention(?:s|ed)?|"
                           r"discuss(?:es|ed)?|explain(?:s|ed)?|put it|(?:dis)?agree[sd]?|sum(?:s|med)? up|summari[sz]e[sd]?)\b")


# "who penned the … article" (not "who did the writer of the … piece talk to": an auxiliary is no such verb)
_WHO_DID_ARTICLE = re.compile(r"^\W*who\s+(?!(?:did|does|do|is|was|were|are|has|have|had)\b)[a-z]+\s+"
                              r"(?:the|that|this)\s+(?:[\w.\-]+\s+){0,4}(?:%s)\b"
                              % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))


# "how old is the SCMP article?", "how recent are those pieces?": an article's age is its date
_HOW_OLD = re.compile(LEAD + r"how\s+(?:old|recent|new|current)\s+(?:is|are|was|were)\s+(?:the|that|this|these|those)\s+"
                      r"(?:[\w.\-&']+\s+){0,4}?(?:%s)s?\s*\??\s*$" % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))
# "when did <someone> write about …": the writing is what is dated; its subject says whether an article's writer
_WHEN_WRITTEN = re.compile(LEAD + r"when\s+(?:did|does|do|was|were|had|has|have)\s+((?:[\w.\-&']+\s+){1,6}?)"
                           r"(?:write|wrote|written|publish|published|cover|covered)\b")


def writing_date(q: str, naming) -> bool:
    """ "When did the Harbor Post write about the levy?": asks the date of an article, when the one who wrote is an
    article's outlet or author or a word for them (``naming(text)``: the stems by which ``text`` names articles).
    "When did the council publish the rules?" dates the council's act.

    >>> names = lambda s: {"harbor", "post"} if "harbor post" in s.lower() else set()
    >>> writing_date("when did the Harbor Post write about the levy?", names), writing_date("when did the authors write?", names)
    (True, True)
    >>> writing_date("when did the council publish the rules?", names), writing_date("when was the levy raised?", names)
    (False, False)
    """
    m = _WHEN_WRITTEN.match(asked_part(q).lower())
    who = set(terms(m.group(1))) if m else set()
    return bool(who) and who <= naming(m.group(1)) | META_STEMS


def is_about_articles(q: str) -> bool:
    """Does the question ask for an article's byline facts (author, outlet, date, headline) rather than its content?

    >>> is_about_articles("Who wrote the SCMP piece?"), is_about_articles("What did the authors of the ChinaFile piece argue?")
    (True, False)
    >>> is_about_articles("what's the headline of the csis one"), is_about_articles("When was it renewed?")
    (True, False)
    >>> is_about_articles("who penned the scmp article about the renewal"), is_about_articles("who was quoted in the article")
    (True, False)
    """
    q = asked_part(q)
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)*", q.lower()))
    if _WHO_DID_ARTICLE.search(q.lower()) or _HOW_OLD.match(q.lower()):
        return True  # "who <did> the … article", "how old is the … piece": the article is what is asked about
    if counted_things(q) - META_STEMS:
        return False  # "how many papers do scientists publish?": a byline holds no count, unless of its own fields
    if CONTENT_VERBS.search(q.lower()) and not words & {"wrote", "written", "write", "headline", "title", "titled"} - {"write"}:
        return False
    return bool(words & META_WORDS) or bool(words & META_WEAK and words & ARTICLE_WORDS)


_WH_START = re.compile(LEAD + r"(?:what|when|where|which|who|whom|whose|why|how)\b")
_YES_NO_START = re.compile(LEAD + r"(?:%s)\b" % "|".join(AUX))
# Verbs whose object a "when" clause is ("does it say when the piece was written?"): there it is what is asked.
_NOT_TOLD = "".join(rf"(?<!\b{w})" for w in ("say", "says", "state", "states", "stated", "known", "clear", "mention",
                                              "mentions", "tell", "tells", "know"))


# A full stop after a word (not an initial as in "U.S.") ends a statement that a question may follow.
_STATEMENT = re.compile(r"(?<=[a-z]{2}[.!])\s+")
# A closing "according to X" / "per X" attributes the question to a source; it asks nothing (unless it holds a wh-word).
_SOURCE_AFTER = re.compile(r",?\s+(?:according\s+to|per(?=\s+(?:the|this|that|its|their)\b))\s+(?![^?]*\b(?:which|what|whom|who|whose)\b)[^,?]+\?*\s*$", re.I)


def question_sentence(q: str) -> str:
    """The closing question after statements that only set its scene (their words still name what it is about).

    >>> question_sentence("The harbour report hoped for ferries. Is that what the plan did?"), question_sentence("Why?")
    ('Is that what the plan did?', 'Why?')
    >>> question_sentence("Did the U.S. sign it?")
    'Did the U.S. sign it?'
    """
    told = _STATEMENT.split(q.strip())
    if len(told) > 1 and (_WH_START.match(told[-1].lower()) or _YES_NO_START.match(told[-1].lower())):
        return told[-1]
    return q


def asked_part(q: str) -> str:
    """The part of a question that asks: the wh-question after a dash or semicolon that follows a statement,
    without a trailing "when…" clause that only dates what is asked (in a yes/no question too, unless the clause
    is what a verb of telling asks about: "does it say when the report was written?").

    >>> asked_part("the two reports came out apart — where did the plan stand in each?")
    'where did the plan stand in each?'
    >>> asked_part("How big was the fund when the report was written?"), asked_part("when was it written?")
    ('How big was the fund?', 'when was it written?')
    >>> asked_part("were talks stalled when the report was written?"), asked_part("does it say when it was written?")
    ('were talks stalled?', 'does it say when it was written?')
    """
    parts = re.split(r"\s+[—–]\s+|\s+-{1,2}\s+|;\s*", q.strip())
    if len(parts) > 1 and _WH_START.match(parts[-1].lower()):
        q = parts[-1]
    q = question_sentence(q)
    q = _SOURCE_AFTER.sub("?", q)  # "…, according to the RS writer?" names whose account, not what is asked
    if _WH_START.match(q.lower()):
        q = re.sub(r"(?<=\w)\s+when\s+[^?]*", "", q)
    elif _YES_NO_START.match(q.lower()):
        q = re.sub(r"(?<=\w)" + _NOT_TOLD + r"\s+when\s+[^?]*", "", q)
    return q


def question_type(q: str) -> str | None:
    """What kind of thing the question asks for, from its question word (not one inside a clause).

    >>> question_type("When was it signed?"), question_type("how many protocols?"), question_type("What is de-risking?")
    ('date', 'number', None)
    >>> question_type("Which two leaders signed it?"), question_type("How long was it renewed for?")
    ('name', 'duration')
    >>> question_type("Is the lab where the research happens in China?")
    >>> question_type("from which earlier date was it backdated?"), question_type("what did the president say?")
    ('date', None)
    """
    ql = q.lower()
    head = _WHAT_THE.match(ql)
    if head and head.group(1) in _HEAD_FORMS:
        return _HEAD_FORMS[head.group(1)]  # "what is the date of…", "what was the ballot count?"
    if re.match(r"^\s*(who|what)\s+(is|was|are|were)\s+(?!the\s+(name|date|year|number)\b)[^,;]{1,40}\?*\s*$", ql):
        return None  # "Who is Brendan Kelly?" asks for a description, not a name
    if re.search(r"\b(?:the|a) number of\b", ql):
        return "number"
    # Only the question's own wh-word counts: the first one, near the start ("where" inside a clause does not).
    m = re.search(LEAD + r"(?:(?:and|so|but|in|on|at|from|by|for|with|to|of|since|until|during)\s+){0,2}"
                  r"(how (?:many|much|long|old)|when|where|whom|whose|who|which|what)\b"
                  r"((?:\s+[a-z\-'.]+){0,3})", ql)
    differ = _HOW_DIFFER.search(ql)
    if differ and differ.group(1) in _HEAD_FORMS:
        return _HEAD_FORMS[differ.group(1)]  # "how do their numbers differ?" compares numbers: each side's is asked
    if not m:
        return _trailing_type(ql)
    wh, rest = m.group(1), m.group(2).split()
    # "how old" asks for an age: a span of years ("a 40-year-old pact"), not a bare count
    simple = {"how long": "duration", "how old": "duration", "when": "date", "where": "place", "who": "name",
              "whom": "name", "whose": "name"}
    if wh == "where" and re.search(r"\b(?:stand|stands|stood|standing|headed|heading)\b", ql):
        return None  # "where do the talks stand?" asks for a state of affairs, not a place
    if wh == "where" and _WHERE_DEGREE.search(ql):
        return None  # "where is the US stronger?" asks in what respect, not in what place
    if wh in simple:
        return simple[wh]
    if wh.startswith("how"):
        return "number"
    # The asked-for noun is the first typed noun before any verb: "which (earlier) date was…", not "what did the president…".
    for w in rest:
        if w in AUX:
            break
        w = w.strip(".")
        if w in _HEAD_FORMS or w in PERSON_NOUNS:
            return _HEAD_FORMS.get(w, "name")
    return None


# Words of degree: after "where is/are X …" they ask in which field or respect X ranks higher, not a place.
_WHERE_DEGREE = re.compile(r"^\W*where\s+(?:is|are|was|were|does|do|did)\s+(?:[\w.\-']+\s+){1,4}?(?:stronger|weaker|"
                           r"better|worse|ahead|behind|strongest|weakest|best|worst|lead|leads|led|lag|lags|lagged|excel|"
                           r"excels)\b")
# "how do (their) X differ / compare": X, the thing set side by side, is what each side's answer must give
_HOW_DIFFER = re.compile(r"\bhow\s+(?:do|does|did)\s+(?:the|their|its|these|those|both)?\s*(?:[a-z\-]+\s+){0,2}?([a-z]+)\s+"
                         r"(?:differ|compare|vary|match|line up)\b")
_TRAILING_WH = re.compile(r"\b(?:from|by|in|on|at|to|with|after|of)\s+(?:which|what)\s+((?:[a-z\-'.]+\s+){0,2}[a-z\-]+)\s*\?*\s*$")


def _trailing_type(ql: str) -> str | None:
    """A question whose wh-phrase closes it ("…was modelled on which agency?") asks for that phrase's kind.

    >>> _trailing_type("the port board was modelled on which city agency?"), _trailing_type("it was signed, right?")
    ('name', None)
    """
    m = _TRAILING_WH.search(ql)
    head = m.group(1).split()[-1] if m else ""
    return _HEAD_FORMS.get(head, "name" if head in PERSON_NOUNS else None) if m else None


_HEADS = {"year": "date", "date": "date", "day": "date", "month": "date", "city": "place", "country": "place",
          "place": "place", "capital": "place", "number": "number", "percentage": "number", "amount": "number",
          "count": "number", "total": "number", "cost": "number",
          "figure": "number"}
# "what is the (adjective) X of…" / "what was the X?": X names the kind of answer
_WHAT_THE = re.compile(LEAD + r"what(?:'s|\s+(?:is|was|are|were))\s+the\s+(?:[a-z\-]+\s+){0,2}?([a-z]+)"
                       r"(?=\s+(?:of|for|when|in)\b|\s*\??\s*$)")
_HEAD_FORMS = {**_HEADS, **{plural(w): t for w, t in _HEADS.items()}}  # "what exact dates"


_COUNT = r"\b(?:how (?:many|much)|(?:the )?number of|amount of)\s+(?:more\s+|other\s+)?([a-z][a-z\-]+)"
_NOT_COUNTED = STOPWORDS | {"were", "was", "have", "has", "did", "does"}


def count_target(question: str) -> set[str]:
    """What a "how many X" / "the number of X" question counts: the stems of the next two words.

    >>> sorted(count_target("How many patents were filed?")), count_target("When?")
    (['patent'], set())
    """
    m = re.search(_COUNT + r"(?:\s+([a-z][a-z\-]+))?", question.lower())
    if not m:
        return set()
    words = [ABBREVIATIONS.get(w, w) for w in m.groups() if w]
    return {stem(w) for w in words if w not in _NOT_COUNTED}


def counted_things(question: str) -> set[str]:
    """The words a count question must be about: the first after "how many" (shorthand expanded), and the Y of
    "how many X or Y". Not the second word, which is often a verb ("how many ferries sailed") or a noun the
    first one qualifies; a count of something the articles never name cannot be answered from them.

    >>> sorted(counted_things("How many yrs did it run?")), sorted(counted_things("how many ferries or barges?"))
    (['year'], ['barg', 'ferri'])
    >>> counted_things("How much did the port spend?"), counted_things("When?")
    (set(), set())
    """
    m = re.search(_COUNT + r"(?:\s+or\s+([a-z][a-z\-]+))?", question.lower())
    words = [ABBREVIATIONS.get(w, w) for w in m.groups() if w] if m else []
    return {stem(w) for w in words if w not in _NOT_COUNTED}


_NEG = re.compile(r"\b(not|no|never|n't|without|isn't|doesn't|didn't|aren't|wasn't|weren't|don't|won't)\b|n't\b")


@dataclass
class Query:
    asked: str  # the question as typed, cleaned
    resolved: str  # after resolving a follow-up against the conversation (== asked when it stands alone)
    text: str  # resolved, with misspelled non-words fixed: what is searched and embedded
    fixes: dict[str, str] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)  # unique content-term stems of ``text``
    intent: str = "fact"  # yes_no | why | compare | overview | list | fact
    qtype: str | None = None  # date | number | name | place | duration
    about_articles: bool = False
    named_docs: set[str] = field(default_factory=set)
    naming: set[str] = field(default_factory=set)  # terms that only name those articles ("csis", "op", "ed")
    count_target: set[str] = field(default_factory=set)  # "how many patents were filed": {"patent", "file"}
    counted: set[str] = field(default_factory=set)  # ...of which the thing counted: {"patent"} (``counted_things``)
    sides: list = field(default_factory=list)  # "critics vs supporters": each side's own term stems
    asked_thing: str = ""  # "what is the annual budget of…": the stem of the thing asked for ("budget")
    gist: bool = False  # "sum up the CSIS piece", "how does CSIS's take differ from RS's": the named articles' main points
    negated: bool = False  # "doesn't it...?": a yes/no verdict is read against this
    more: bool = False  # "tell me more": continue the previous answer
    shown: set = field(default_factory=set)  # sentence keys already shown in the conversation
    notice: str = ""
    asked_field: str = ""  # a question about an article: the detail it asks for (authors, title, outlet, date)
    person: bool = False  # "which official signed it?", "who led the talks?": a person's name answers, not a place's
    speaker: str = ""  # "what did the ministry say…", "did the council vote…?": whose words or acts are asked for
    ranking: bool = False  # "which ports handle the most ferries?": asks which one ranks first
    day: bool = False  # "on what date…", "what day in May…": a month or a year alone does not answer
    within: bool = False  # "old vs new fares, per the harbour piece": a comparison read inside its one named article


# Words that ask for an article's main point without naming a topic ("sum up the CSIS piece").
GIST_STEMS = {stem(w) for w in ("sum", "summary", "summarize", "summarise", "gist", "overview", "tldr", "recap",
                                "conclude", "conclusion", "argue", "argument", "say", "main", "point", "points",
                                "takeaway", "take", "thesis", "differ", "difference", "compare", "contrast", "view",
                                "position", "stance", "overall", "basically", "short", "brief", "briefly", "key",
                                "message", "idea", "ideas", "think", "make", "thing", "things", "stuff")} | META_STEMS


def asks_gist(ts: list[str], name_terms: set[str]) -> bool:
    """Only article names and words for "main point" remain: the question asks what the articles say overall.

    >>> asks_gist(["sum", "csis", "piec"], {"csis"}), asks_gist(["protocol", "csis"], {"csis"})
    (True, False)
    >>> asks_gist(["brendan", "kelli"], {"brendan", "kelli"})  # "who is Brendan Kelly?" asks about him
    False
    """
    return any(t not in name_terms for t in ts) and all(t in GIST_STEMS or t in name_terms for t in ts)


_THING = re.compile(LEAD + r"(?:what|which)(?:'s|\s+(?:is|was|are|were))\s+the\s+((?:[a-z\-]+\s+){0,2}?[a-z\-]+)"
                    r"\s+(?:of|for|behind|in|on|at|under|between)\b")
# Words naming the *kind* of answer, not a thing the articles must mention ("what is the date of…").
KIND_WORDS = {"date", "year", "name", "title", "headline", "position", "role", "outlet", "website", "point", "purpose",
               "goal", "aim", "reason", "cause", "meaning", "impact", "effect", "role", "status", "state", "future",
               "deal", "story", "idea", "gist", "number", "amount", "size", "length", "scope", "focus", "main",
               "difference", "relationship", "significance", "importance", "view", "take", "argument", "point",
               "kind", "kinds", "sort", "sorts", "type", "types", "one", "ones", "way", "ways", "thing", "things"}


# "which (adjective) ministry is…", "what agency did…": the noun the wh-word asks about, right before its verb
_WH_HEAD = re.compile(LEAD + r"(?:which|what)\s+((?:[a-z\-]+\s+){0,2}?[a-z\-]+)\s+(?:is|are|was|were|do|does|did|has|"
                      r"have|had|can|could|will|would|should)\b")


def asked_thing(text: str) -> str:
    """The thing a "what is the X of Y" or "which X is…" question asks for, as a stem, unless X names a kind of answer.

    >>> asked_thing("What is the annual budget of the STA?"), asked_thing("what is the purpose of the pact?")
    ('budget', '')
    >>> asked_thing("which harbour ministry is in charge?"), asked_thing("which problems are covered?")
    ('ministri', '')
    """
    m = _THING.match(text.lower())
    wh = _WH_HEAD.match(text.lower())
    if not m and wh and wh.group(1).split()[-1] in PERSON_NOUNS:
        m = wh  # "which ministry…" asks for one by name: the articles can name none if they never mention one
    if not m:
        return ""
    words = m.group(1).split()
    head = words[-1]
    if len(words) > 1 and head.endswith("ing"):
        return ""  # "what was the crew aiming for": a subject and its verb, not a thing asked for
    return "" if head in KIND_WORDS | GENERIC_BODIES or head in STOPWORDS or stem(head) in COMPARE_CUES else stem(head)


# Words that ask for a comparison ("vs", "how do they differ"): the question's form, not its topic.
COMPARE_CUES = {stem(w) for w in ("vs", "versus", "compare", "comparison", "differ", "different", "difference",
                                  "agree", "disagree", "contrast", "similar", "similarity", "alike", "clash")}
# ...and words that ask for a cause ("what made it…"): "made" in a sentence is no evidence of a reason.
CAUSE_CUES = {stem(w) for w in ("made", "make", "makes", "caused", "cause", "led", "drove", "drives", "driving",
                                "motivated", "prompted", "triggered", "pushed", "behind", "spurred", "sparked", "reason",
                                "reasons")}
_CUES = {"compare": COMPARE_CUES, "why": CAUSE_CUES}


def topic_terms(ts: list[str], intent: str) -> list[str]:
    """The terms without the words that only ask for a comparison or a cause (a sentence saying "vs."
    or "made" is not about the topic).

    >>> topic_terms(["rs", "vs", "deal", "ai", "differ"], "compare"), topic_terms(["differ"], "compare")
    (['rs', 'deal', 'ai'], ['differ'])
    >>> topic_terms(["made", "polici", "tougher"], "why"), topic_terms(["made", "polici"], "fact")
    (['polici', 'tougher'], ['made', 'polici'])
    """
    cues = _CUES.get(intent, set())
    return [t for t in ts if t not in cues] or ts


def understand(asked: str, resolved: str, lexicon, more: bool = False, shown=frozenset(), notice: str = "") -> Query:
    """Build the ``Query`` for a cleaned question whose follow-up has been resolved."""
    text, fixes = lexicon.speller.correct(resolved)
    core = main_clause(question_sentence(text))  # its shape is read without a scene-setting opening clause or statement
    named = lexicon.referenced_docs(text)
    about = is_about_articles(core) or writing_date(core, lambda s: lexicon.name_terms(lexicon.referenced_docs(s)))
    sides, naming = sides_of(text), lexicon.naming_terms(text, named)
    intent = two_articles_compared(intent_of(core), named, about, bool(sides))
    every = lexicon.concepts(terms(topic_text(text)))  # "per the X piece", "used to be": no topic
    ts = topic_terms(every, intent)
    person = not about and asks_person(asked_part(core))
    qtype = question_type(core) or ("name" if person else None)  # "what's the name of the official who…"
    return Query(asked=asked, resolved=resolved, text=text, fixes=fixes, terms=ts,
                 intent=intent, qtype=qtype, about_articles=about,
                 named_docs=named, naming=naming, count_target=count_target(text),
                 counted=counted_things(text),
                 gist=bool(named) and not about and (asks_gist(every, lexicon.name_terms(named))
                                                      or (intent == "overview" and asks_summary(core))),
                 sides=unnamed_sides([stance_side(lexicon.concepts(terms(x)), x) for x in sides], naming),
                 asked_thing=asked_thing(text),
                 negated=bool(_NEG.search(normalize_neg(asked))), more=more, shown=set(shown), notice=notice,
                 asked_field=asked_field(text, question_type(text)) if about else "",
                 person=person and qtype == "name",
                 speaker=(speaker(text, META_STEMS) or (actor(text, META_STEMS) if intent == "yes_no" else ""))
                 if not named and not about and intent != "compare" else "",
                 ranking=asks_ranking(asked_part(text)), day=qtype == "date" and asks_day(asked_part(text)),
                 within=len(named) == 1 and intent == "compare" and framed_by(text, lexicon.naming_terms(text, named)))


def normalize_neg(q: str) -> str:
    return q.lower().replace("’", "'")
