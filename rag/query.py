"""A question, understood once: the ``Query`` every later stage reads.

``understand`` cleans the text, resolves a follow-up against the conversation,
fixes misspelled non-words, and records what kind of answer is wanted (a date, a
yes/no verdict, reasons, each side of a comparison, an overview…), the content
terms, the articles the question names, and whether it is about the articles
themselves (the kind of question is read in ``rag.intent``, what it asks for in ``rag.asked``,
whether it is about an article itself in ``rag.about_articles``). Retrieval and answering never
re-derive these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.sourced import names_source
from rag.about_articles import META_STEMS, asks_every_article, asks_their_account, counts_articles, is_about_articles, writing_date
from rag.abstain import closing_act, manner_act
from rag.accounts import whole_collection_compared
from rag.asksfor import asks_name_of, asks_names, asks_specifics
from rag.asked import (asked_part, asks_member, own_ask, count_target, counted_things, question_sentence,
                       question_type)
from rag.contrast import asks_two_times, asks_when
from rag.course import asks_course_change, asks_history
from rag.stakes import asks_stakes
from rag.article_phrases import in_article_phrases
from rag.article_words import in_article_words
from rag.existence import asked_instance
from rag.forms import in_corpus_forms
from rag.intent import (LEAD, asks_stance, asks_summary, asks_trend, intent_of, kind_modifiers, listed_kind, main_clause,
                        set_aside_text, two_articles_compared)
from rag.whyask import asks_cause, asks_means, asks_worth, without_working
from rag.narrative import asks_narrative
from rag.counterfactual import asks_outcome
from rag.persons import actor, asked_role, asks_person, asks_words, speaker, unnamed_actor
from rag.rules import GENERIC_BODIES, PERSON_NOUNS
from rag.scope import asked_mention, asks_day, asks_if_told, in_own_words, asks_ranking, era_of, told_in_document
from rag.pairs import each_sides
from rag.sides import framed_by, sides_of, stance_side, unnamed_sides
from rag.voices import party_side
from rag.askedthing import COMPARE_CUES, KIND_WORDS, asked_thing  # noqa: F401 (KIND_WORDS: read from here too)
from rag.kinds import asked_kind
from rag.namewords import body_name
from rag.sources import asked_field
from rag.status import asks_state, written_apart
from rag.timing import timed_of
from rag.text import STOPWORDS, full_years, plain_drawback, plain_excluded, plain_gain, plain_handling, plain_outlook, said_plainly, stem, terms, topic_text
from rag.wants import (asks_age, asks_age_now, asks_condition, asks_distinction, asks_feared,
                       asks_frequency, asks_limit, asks_origin, asks_rate, asks_why_not, asks_word_used)
from rag.itsday import as_written
from rag.yesno import asks_value
from rag.members import asks_each_party
from rag.measures import asked_measure
from rag.quoted import asked_form
from rag.wishes import as_wished, named_in_scene

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
    party: list = field(default_factory=list)  # "the pilots vs the harbour piece's writer": the side no article names
    kind: str = ""  # "which universities…", "the name of the ministry…": the institution asked for by name (``kinds``)
    asked_thing: str = ""  # "what is the annual budget of…": the stem of the thing asked for ("budget")
    gist: bool = False  # "sum up the CSIS piece", "how does CSIS's take differ from RS's": the named articles' main points
    negated: bool = False  # "doesn't it...?": a yes/no verdict is read against this
    more: bool = False  # "tell me more": continue the previous answer
    shown: set = field(default_factory=set)  # sentence keys already shown in the conversation
    notice: str = ""
    asked_field: str = ""  # a question about an article: the detail it asks for (authors, title, outlet, date)
    person: bool = False  # "which official signed it?", "who led the talks?": a person's name answers, not a place's
    speaker: str = ""  # "what did the ministry say…", "did the council vote…?": whose words or acts are asked for
    words: bool = False  # "what did the ministry say…": its spoken words, told by a sentence reporting them (``persons.asks_words``)
    ranking: bool = False  # "which ports handle the most ferries?": asks which one ranks first
    day: bool = False  # "on what date…", "what day in May…": a month or a year alone does not answer
    era: str = ""  # "the original lease" ("earlier") or "the revised lease" ("later"): the version asked about
    within: bool = False  # "old vs new fares, per the harbour piece": a comparison read inside its one named article
    specific: bool = False  # "which specific berths…", "the very first ferry": one named instance, not the topic
    narrative: bool = False  # "walk me through the saga": a course of events, answered with dated events
    two_times: bool = False  # "fares back in the day vs now": two time words set against each other
    when: bool = False  # "how does the date it was signed compare to when it began?": when things happened is asked
    asserts_count: bool = False  # "was it renewed for a whole decade?": a yes/no claim stating a count or span
    as_written: bool = False  # "had it lapsed when the harbour piece was written?": a yes/no claim as of an article's writing
    done: bool = False  # "what has it achieved?", "what did it do?": what happened, not what may
    wish: bool = False  # "the port piece wanted X - how does that square with what the plan did?" (``rag.wishes``)
    scene_named: bool = False  # "The harbour piece hoped for X. Is that what the plan did?": its article only sets the scene
    meant: str = ""  # the words the question is embedded from when it is answered from its named articles (``meaning_text``)
    condition: bool = False  # "what will decide whether it works?": what something depends on is the asked thing
    history: bool = False  # "a quick history of the pact": an overview whose answer starts at its start (``course.asks_history``)
    stakes: bool = False  # "why should I care?": the shared problems at stake answer (``stakes.asks_stakes``)
    worth: bool = False  # "why is it still worth keeping?": what something is good for, not what caused it
    bodies: set = field(default_factory=set)  # "the justice department's": stems naming which body (``body_name``)
    asked_act: str = ""  # "…, like, who arbitrates?": the stem of the act whose doer is asked for (``closing_act``), or whose manner "how did X react to the Y?" asks (``manner_act``)
    age_now: bool = False  # "how long has it been around?": a span up to now, which the year it began tells
    listed: str = ""  # "what are the main pillars…": the stem of the kind of things a list question asks for
    frequency: bool = False  # "how many times did they extend it?": answered by "twice", not by any number
    means: bool = False  # "how does it work?": a how-question asking for the means or arrangement (``intent.asks_means``)
    name_of: bool = False  # "what's the name of the clause…": a name the question lacks must be given (``asksfor.gives_name``)
    names: bool = False  # "which scientists warned…? names please": the leading sentence must give a name (``asks_names``)
    state: bool = False  # "how does A's outlook differ from B's?": how things stand is asked (``status.asks_state``)
    written_apart: bool = False  # "was A written before the vote and B after?": where things stood in each (``rag.status``)
    told: list = field(default_factory=list)  # "does the pact say anything about X?": X's terms (``scope.told_in_document``)
    mentions: list = field(default_factory=list)  # "does the piece mention X?", "was X part of it?": X's terms (``asked_mention``)
    if_told: bool = False  # ...asking whether a text speaks of X ("mention", "talk about"), not whether it covers X
    set_aside: list = field(default_factory=list)  # "not just between the two countries": terms of what is set aside
    account: bool = False  # "what risk does Ann Lee see…": what its one named article says, not who its writer is
    sourced: bool = False  # "how many protocols, per the SCMP piece?": its one named article is the source (``rag.sourced``)
    every_article: bool = False  # "which outlets are these articles from?", "how many articles are there?": all cards
    origin: bool = False  # "what year did it all start?": when the whole matter began (``wants.asks_origin``)
    each_party: bool = False  # "what does each country get?": each party's own clause answers (``rag.members``)
    trend: bool = False  # "where are the port ties heading?": an overview asking which way a matter moves (``asks_trend``)
    measure: str = ""  # "how much did it cost?", "what share of…": the measure a number must be of (``rag.measures``)
    form: str = ""  # "the exact wording of…", "step by step": the form the answer must take (``rag.quoted``)
    coverage: bool = False  # "what's the harbour piece covering?": the subjects a named article takes up (``asks_coverage``)
    distinction: bool = False  # "what was special about it?": a sentence saying it was the first or only one answers
    outcome: bool = False  # "what would happen if it ended?": a consequence told as possible answers (``rag.counterfactual``)
    feared: bool = False  # "what does X fear it could lead to?": a sentence telling a risked outcome answers
    member: bool = False  # "which universities…", "who in the US government…": no country's name answers (``asks_member``)
    limit: bool = False  # "what kind of research is it limited to?": what confines it is the asked thing (``asks_limit``)
    rate: bool = False  # "how often is it renewed?": a recurrence ("every five years") answers (``asks_rate``)
    why_not: bool = False  # "why isn't it dead yet?": a sentence correcting the premise answers (``asks_why_not``)
    word_used: bool = False  # "what word does she use for it?": the sentence coining a rare word answers (``asks_word_used``)
    age: bool = False  # "how old was the pact when…": an age ("a 45-year-old pact") answers, not any span (``asks_age``)
    stance: bool = False  # "does the port piece agree fares should rise?": that one article's view (``intent.asks_stance``)
    timed: tuple = ()  # "which piece was written before the vote?": ("before", "the vote"), an article by its time (``rag.timing``)


# Words that ask for an article's main point without naming a topic ("sum up the CSIS piece").
GIST_STEMS = {stem(w) for w in ("sum", "summary", "summarize", "summarise", "gist", "overview", "tldr", "recap",
                                "conclude", "conclusion", "argue", "argument", "say", "main", "point", "points",
                                "takeaway", "take", "thesis", "differ", "difference", "compare", "contrast", "view",
                                "position", "stance", "overall", "basically", "short", "brief", "briefly", "key",
                                "message", "idea", "ideas", "think", "make", "thing", "things", "stuff", "cover", "covering", "topics", "subjects", "themes", "touch")} | META_STEMS


def asks_gist(ts: list[str], name_terms: set[str]) -> bool:
    """Only article names and words for "main point" remain: the question asks what the articles say overall.

    >>> asks_gist(["sum", "csis", "piec"], {"csis"}), asks_gist(["protocol", "csis"], {"csis"})
    (True, False)
    >>> asks_gist(["brendan", "kelli"], {"brendan", "kelli"})  # "who is Brendan Kelly?" asks about him
    False
    """
    return any(t not in name_terms for t in ts) and all(t in GIST_STEMS or t in name_terms for t in ts)


# ...and words that ask for a cause ("what made it…"): "made" in a sentence is no evidence of a reason.
CAUSE_CUES = {stem(w) for w in ("made", "make", "makes", "caused", "cause", "led", "drove", "drives", "driving",
                                "motivated", "prompted", "triggered", "pushed", "behind", "spurred", "sparked", "reason",
                                "reasons")}
# ...and the verbs that only ask for a list to be set out ("the pillars it lays out", "the steps it outlines"): a
# sentence saying "laid" or "outlined" is not about the things listed (general English, no topic word)
LIST_CUES = {stem(w) for w in ("lay", "lays", "laid", "outline", "outlines", "outlined", "enumerate", "enumerates")}
_CUES = {"compare": COMPARE_CUES, "why": CAUSE_CUES, "list": LIST_CUES}
# ...and the words asking which way a matter moves ("the overall direction lately"): "direct technology transfer" is
# no answer to them (``intent.asks_trend``)
TREND_STEMS = {stem(w) for w in ("direction", "heading", "headed", "trend", "trends", "trending", "trajectory", "lately",
                                 "days", "nowadays", "going", "overall")}


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


def wanted_shapes(text: str, core: str, qtype: str | None, intent: str, named: set) -> dict:
    """The ``Query`` flags read from the question's shape alone (``rag.wants`` and kin): what it wants of its answer
    beyond a kind of thing, each a general-English pattern of the asking part."""
    asking, core_asking = asked_part(text), asked_part(core)
    return dict(condition=asks_condition(asking), age_now=asks_age_now(core_asking), age=asks_age(core_asking),
                origin=qtype == "date" and asks_origin(core_asking), limit=asks_limit(asking), rate=asks_rate(asking),
                word_used=asks_word_used(text), why_not=asks_why_not(asking),
                distinction=asks_distinction(text), feared=asks_feared(text), state=asks_state(text),
                outcome=asks_outcome(asking),
                member=qtype == "name" and asks_member(core_asking),
                stance=intent == "yes_no" and len(named) == 1 and asks_stance(core),
                measure=asked_measure(asking) if qtype == "number" else "", timed=timed_of(text, named))


def asked_in_their_words(text: str, known, article_word) -> str:
    """A yes/no question's asked thing put in the articles' words ("cover farming?": agriculture, ``rag.article_words``), and a
    list question's kind's modifiers ("worldwide problems": global; not its noun, "issues" drew other senses); others as typed."""
    shape = intent_of(main_clause(question_sentence(text))) if article_word is not None else ""
    asked = asked_mention(text) if shape == "yes_no" else kind_modifiers(text) if shape == "list" else ""
    return in_article_words(text, known, article_word, asked) if asked else text


def understand(asked: str, resolved: str, lexicon, more: bool = False, shown=frozenset(), notice: str = "", article_word=None, article_phrases=None) -> Query:
    """Build the ``Query`` for a cleaned question whose follow-up has been resolved."""
    text, fixes = lexicon.speller.correct(resolved)
    text, years = full_years(text, lexicon.known)  # "back in 79": the year the articles write in full
    text = plain_handling(plain_excluded(plain_outlook(plain_drawback(plain_gain(text)))))  # "what did X get out of it?": what X gained; "the catch with X": its risk; "the outlook": its future; "off the table?": excluded
    text = in_article_phrases(asked_in_their_words(text, lexicon.known, article_word), lexicon.known, article_phrases)  # "farming": agriculture; "settling disagreements": dispute resolution
    core = main_clause(question_sentence(text))  # its shape is read without a scene-setting opening clause or statement
    named = lexicon.referenced_docs(text)
    apart = written_apart(text, named)  # named articles set apart by their writing: what each says, not its byline
    about = not apart and (is_about_articles(core) or writing_date(core, lambda s: lexicon.name_terms(lexicon.referenced_docs(s))))
    all_cards = not named and asks_every_article(core) and (about or counts_articles(core))  # the whole collection's
    about = about or all_cards
    sides, naming = sides_of(text) or ([] if named else each_sides(text)), lexicon.naming_terms(text, named)
    shape = intent_of(core)  # its own shape: "the gist of each of A and B" still asks for their main points (gist)
    intent = "compare" if apart else two_articles_compared(shape, named, about, bool(sides), core)
    # "how has X changed over the years?": its course up to now, though "how has…" reads as a how-question (``course``)
    trend = not about and not named and ((intent in ("fact", "overview") and asks_trend(core))
                                         or (intent in ("why", "overview") and asks_course_change(core)))
    intent, wish = as_wished("overview" if trend else intent, named, about, text)  # a course: an overview; a wish: compared
    scene = len(named) == 1 and named_in_scene(text, lexicon.referenced_docs)
    # "what risk does Ann Lee see…": her one article's account is asked, heard from it alone and not from her bio
    account = len(named) == 1 and not about and intent == "fact" and asks_their_account(asked_part(core))
    every = lexicon.concepts(in_corpus_forms(in_own_words(terms(topic_text(said_plainly(text, intent))), lexicon.known), text, lexicon.known))  # "per the X piece": no topic; "send" as "sent"
    ts = without_working([t for t in topic_terms(every, intent) if not (trend and t in TREND_STEMS)] or topic_terms(every, intent), intent, text)
    person = not about and asks_person(asked_part(core))
    qtype = question_type(core) or ("name" if person else None)  # "what's the name of the official who…"
    freq = asks_frequency(asked_part(own_ask(text)))  # "how many times…": "times" is no thing counted
    # "does the piece mention X?": X; "has anyone been X-ed?": X (``rag.existence``)
    mention = (asked_mention(text) or asked_instance(text)) if intent == "yes_no" else ""
    docs = set(lexicon.names) if whole_collection_compared(intent, every, named, about, COMPARE_CUES) else set()  # all
    return Query(asked=asked, resolved=resolved, text=text, fixes={**fixes, **years}, terms=ts,
                 intent=intent, qtype=qtype, about_articles=about, named_docs=named or docs,  # docs: every article's gist
                 naming=naming, count_target=set() if freq else count_target(own_ask(text)),
                 counted=set() if freq else counted_things(own_ask(text)),
                 gist=bool(docs) or bool(named) and not about and (asks_gist(every, lexicon.name_terms(named) | naming)
                                                      or (shape == "overview" and asks_summary(core))),
                 sides=unnamed_sides(sided := [stance_side(lexicon.concepts(terms(x)), x) for x in sides], naming),
                 party=party_side(sided, naming) if len(named) == 1 else [],
                 asked_thing=asked_thing(text) or (asked_role(asked_part(core)) if person else ""),  # "who was X's minister?"
                 negated=bool(_NEG.search(normalize_neg(asked))), more=more, shown=set(shown), notice=notice,
                 asked_field=asked_field(text, question_type(text)) if about else "",
                 person=person and qtype == "name",
                 speaker=(speaker(text, META_STEMS) or (actor(text, META_STEMS) or unnamed_actor(text, lexicon.known) if intent == "yes_no" else ""))
                 if not named and not about and intent != "compare" else "",
                 ranking=asks_ranking(asked_part(text)), day=qtype == "date" and asks_day(asked_part(text)),
                 era=era_of(text),
                 within=len(named) == 1 and intent == "compare" and framed_by(text, lexicon.naming_terms(text, named)),
                 specific=asks_specifics(text), narrative=asks_narrative(text), two_times=asks_two_times(text),
                 when=asks_when(text), asserts_count=asks_value(text), done=asks_done(text), as_written=intent == "yes_no" and as_written(text),
                 scene_named=scene, wish=wish, worth=asks_worth(text), stakes=asks_stakes(text), history=intent == "overview" and asks_history(core),
                 bodies=body_name(text), asked_act=closing_act(text) or manner_act(text, COMPARE_CUES), kind=asked_kind(text),
                 listed=listed_kind(core) if intent in ("list", "overview") else "",
                 meant=meaning_text(text, naming) if heard_whole(intent, named, scene, about) or account or wish else "",
                 frequency=freq, name_of=asks_name_of(text), names=asks_names(text), words=asks_words(text), form=asked_form(text),
                 told=lexicon.concepts(terms(told_in_document(text))),
                 mentions=terms(mention), if_told=bool(mention) and asks_if_told(text),
                 means=intent == "why" and not qtype and not asks_cause(text) and asks_means(text),
                 set_aside=terms(set_aside_text(text)), coverage=asks_coverage(core), trend=trend, each_party=asks_each_party(text),
                 account=account, sourced=not account and len(named) == 1 and not about and intent == "fact" and names_source(text), written_apart=apart, every_article=all_cards,
                 **wanted_shapes(text, core, qtype, intent, named))


def heard_whole(intent: str, named: set, scene: bool, about: bool) -> bool:
    """Is the question answered from the articles it names, every passage of them heard (``pipeline.named_extra``)?
    A comparison setting two or more of them side by side is, and so is a why-question naming one ("why, per the
    harbour piece, …": its reasons only, ``spread.heard_from``), unless that one only sets the scene (``scene``).

    >>> heard_whole("compare", {"a", "b"}, False, False), heard_whole("why", {"a"}, False, False)
    (True, True)
    >>> heard_whole("why", {"a"}, True, False), heard_whole("fact", {"a"}, False, False), heard_whole("compare", {"a"}, False, False)
    (False, False, False)
    """
    if about:
        return False
    return (intent == "compare" and len(named) >= 2) or (intent == "why" and len(named) == 1 and not scene)


def meaning_text(text: str, naming: set[str]) -> str:
    """A question answered from the articles it names (``heard_whole``) without the words that name them: what its
    sentences are matched against in meaning. Every passage of those articles is heard whatever the question's words
    (``named_extra``), so the names pick nothing more; left in, they pull the question's embedding towards the
    articles' headlines and bylines, and a sentence saying what is asked in other words ranks below one that restates
    the topic. In a comparison their words already count for nothing in a sentence's match (``answering.topic_weights``).

    >>> meaning_text("how do the harbour piece and Dockside each see the ferry?", {"harbour", "docksid"})
    'how do the piece and each see the ferry?'
    """
    return " ".join(w for w in text.split() if not (terms(w) and set(terms(w)) <= naming))


# Words asking which subjects a text takes up ("what does it cover", "what topics does it touch on"): general English
_COVERAGE = re.compile(r"\bcover(?:s|ed|ing)?\b|\b(?:topics|subjects|themes)\b|\btouch(?:es|ed|ing)? on\b", re.I)


def asks_coverage(text: str) -> bool:
    """Does the question ask what subjects a text takes up, not its main point ("what's the port piece covering?")?
    Read with ``gist``: only of a named article, then answered by its outline (``spread.outline``).

    >>> asks_coverage("what's the port piece covering overall?"), asks_coverage("what's the port piece arguing?")
    (True, False)
    """
    return bool(_COVERAGE.search(text))


# "what has it achieved", "what did the pact do", "what have they accomplished": a question about what happened; the
# subject between may be hyphenated or abbreviated ("what good has east-west ferry work done?", "has the U.S. done")
_DONE = re.compile(r"\b(?:has|have|had|did)\s+(?:[\w\-.]+\s+){0,4}?(?:achiev\w*|accomplish\w*|done|do|delivered|produced|"
                   r"yielded|brought|changed)\b|\b(?:achievements?|accomplishments?|track\s+record)\b", re.I)


def asks_done(text: str) -> bool:
    """Does the question ask what has happened or been done ("what has the pact achieved?"), not what may be?

    >>> asks_done("tell me more about what the pact has achieved"), asks_done("what could the pact achieve?")
    (True, False)
    """
    return bool(_DONE.search(text))


def normalize_neg(q: str) -> str:
    return q.lower().replace("’", "'")
