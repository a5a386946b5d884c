"""Candidate sentences: every citable sentence of the retrieved passages, scored against the ``Query``.

A sentence's score mixes how much of the question's *weighted* content it covers
(rare terms weigh more: "budget" matters, "China" barely; acronyms match their long
form), its embedding similarity to the question, its passage's retrieval rank, and
whether it holds what the question asks for (a date for "when", a count for "how many").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.askverbs import unheld
from rag.derived import DERIVED_SHARE, derived_only
from rag.initials import spells_out
from rag.currentterm import asks_term
from rag.heldfor import OTHER_DURATION_TYPED, dating_text, held_for_question, shape_typed
from rag.leads import claimant_first, named_doer_first, voiced_first
from rag.members import each_party_first
from rag.persons import reports_words
from rag.phrases import asked_phrases, phrase_first
from rag.reasons import corrective_contrast
from rag.rules import (SAID, byline_note, dates_start, durations_of_other, has_count_of, has_new, names_people,
                       proper_name, tells_frequency)
from rag.schema import Passage
from rag.scope import tells_age
from rag.text import PLACE_NAMES, terms
from rag.versionwords import asked_ages, unpointed

# Sentence score weights. Similarity weighs as much as word overlap: a sentence answering a paraphrased question
# shares few of its words (W_SIM 0.35 -> 0.4: dev +2 with no loss, citation precision -0.002; 0.38, 0.42: +1).
W_OVERLAP, W_SIM, W_RANK, W_TYPE = 0.4, 0.4, 0.1, 0.15
REF_BONUS = 0.1  # sentences from an article the question names ("the ChinaFile article")
META_BONUS = 0.2  # for questions about an article, its byline card outranks sentences that merely mention it
SIM_OK = 0.55  # a byline card counts as at least this close to a question about its article
HEADING_FACTOR = 0.7
# Word overlap counts in full only for a question whose weighted terms add up to this much idf ("science", "China" and
# "agreement" weigh under 1 each): dev 4-5 +3 with no loss, 3 +2, 6 -1 net (``overlap_mass``)
OVERLAP_MASS = 5.0
THESIS_CREDIT = 0.025  # overview: a point stated by correction ("not X but Y"); 0.015-0.04 score alike on dev
# overview: a sentence's score less this much per unit of cosine to the collection's centre above the mean (``rag.typical``):
# the sentences every question about the collection comes close to crowd out the specific ones (dev: 0.03-0.05 +1, 0.06 +0)
TYPICAL_DISCOUNT = 0.04
BYLINE_FACTOR = 0.5  # a body sentence naming its own article's writer (a bio or editor's note)...
SPREAD_INTENTS = ("compare", "overview", "why", "list")  # ...in an answer about what the articles argue
PEOPLE_TYPED = 0.5
INSTITUTION_TYPED = 0.75
ENDS = re.compile(r"[.!?…\"”’')\]]\s*$")


@dataclass
class Candidate:
    passage_rank: int
    passage: Passage
    start: int  # offsets inside passage.text
    end: int
    text: str
    terms: set[str]
    score: float = 0.0
    overlap: float = 0.0
    sim: float = 0.0
    typed: float = 0.0  # holds what was asked: 1 (a name, a date…), 0.5 for people named by role ("experts"), 0

    @property
    def abs_key(self):
        return abs_key(self.passage, self.start)

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id


def abs_key(p: Passage, start: int) -> tuple:
    """Where a sentence sits in its article, whichever passage holds it (overlapping chunks share sentences)."""
    return (p.doc_id, "meta", start) if p.kind != "body" else (p.doc_id, p.start + start)


@lru_cache(maxsize=65536)
def ends_as_statement(text: str) -> bool:
    """Does a sentence end as a statement does (not as a heading)? Remembered: the same sentences are scored
    question after question.

    >>> ends_as_statement("It was renewed."), ends_as_statement("The road ahead")
    (True, False)
    """
    return bool(ENDS.search(text))


def weights_of(query, lexicon, ignore: set[str] = frozenset()) -> dict[str, float]:
    """Each content term's weight (idf); ``ignore``d terms (everyday words the corpus never uses) weigh nothing."""
    return {t: lexicon.idf(t) for t in query.terms if t not in ignore}


SET_ASIDE_WEIGHT = 0.0  # a term of what the question sets aside ("not just X") weighs this share of its idf


def asked_weights(query, weights: dict[str, float]) -> dict[str, float]:
    """Without the weight of the terms naming what the question sets aside (``Query.set_aside``: "not just between
    the two countries", "instead of renewing it"), when others remain: a sentence holding those words speaks of what
    the question is not asking about ("the renewal of the two countries' agreement" for "how could it help science
    worldwide and not just between the two countries?"), and their weight would rank it above the answer.
    """
    kept = {t: w * (SET_ASIDE_WEIGHT if t in query.set_aside else 1.0) for t, w in weights.items()}
    return kept if sum(kept.values()) > 0 else weights


# a year named from the writer's own: "last year", "this year", "next year" (not "the past year": twelve months back)
_RELATIVE_YEAR = re.compile(r"\b(last|previous|this|next)\s+year\b", re.I)
_YEAR_OFFSET = {"last": -1, "previous": -1, "this": 0, "next": 1}


@lru_cache(maxsize=8192)  # every question scores the same corpus sentences: their years are read once
def relative_years(text: str, date: str) -> frozenset[str]:
    """The years a sentence names relative to its article's date: "its term expired in August last year" in a piece
    dated 2024-12-20 tells of 2023, which a question asks by its number; an undated article's "last year" is no year.

    >>> sorted(relative_years("Its term expired last year; talks resume next year.", "2024-12-20"))
    ['2023', '2025']
    >>> relative_years("Its term expired last year.", "")
    frozenset()
    """
    if not re.match(r"(?:19|20)\d\d\b", date or ""):
        return frozenset()
    return frozenset(str(int(date[:4]) + _YEAR_OFFSET[w.lower()]) for w in _RELATIVE_YEAR.findall(text))


def candidates(query, passages: list[Passage], lexicon, target: set[str], weights: dict[str, float]) -> list[Candidate]:
    """Every sentence of ``passages`` once (chunk overlap repeats some), scored and sorted best first."""
    total = sum(weights.values()) or 1.0
    top_score = max((p.score for p in passages), default=1.0) or 1.0
    all_sims = [v for p in passages for v in p.sims.values()]
    floor = min(all_sims) if all_sims else 0.0
    shown = {tuple(s) for s in query.shown}
    # initials the articles never write ("nsf"): a sentence spelling them out ("National Science Foundation") holds them
    initials = [t for t in query.terms if 2 <= len(t) <= 6 and t.isalpha() and not lexicon.known(t)]
    # "is it just about basic research?": a yes/no claim's two asked words a sentence should write together (other
    # intents quote several sentences, and leading them with a phrase's holder changed 18 dev answers, mostly worse)
    phrases = asked_phrases(query.text, weights) if query.intent == "yes_no" else frozenset()
    # ...only for the term in force ("how long does the new deal last?"; dev: -2 when every question took it)
    ages = asked_ages(query.text) if asks_term(query) else frozenset()
    # "sum up", "seem to", "look like": the question's asking verbs, which a sentence writes in another sense ("zero-sum")
    asking = unheld(query.text)
    seen, out = set(), []
    for rank, p in enumerate(passages):
        if p.kind == "metadata" and not query.about_articles:
            continue  # a byline card answers questions about the article, not about the agreement
        hdr_terms = set(terms(" ".join([p.title, p.outlet, " ".join(p.authors)])))
        hdr_weights = [(t, w) for t, w in weights.items() if t in hdr_terms]  # in ``weights``' order, as summed
        for s, e in p.sentences:
            key = abs_key(p, s)
            if key in seen or key in shown:
                continue
            seen.add(key)
            text = p.text[s:e]
            said, spelled = lexicon.sentence_terms(text), {t for t in initials if spells_out(t, text)}
            said = said - asking if asking & said else said
            if ages and ages & said:  # "the new deal" asked: "added a new section" holds no version (``rag.versionwords``)
                said = said - unpointed(ages, text)
            spelled |= relative_years(text, p.date) & set(query.terms)  # "last year" holds the asked "2023"
            c = Candidate(rank, p, s, e, text, said | spelled if spelled else said)  # the remembered set when unchanged
            _score(c, query, weights, total, hdr_weights, floor, top_score, target, lexicon)
            out.append(c)
    out.sort(key=lambda c: -c.score)
    out = phrase_first(phrases, out)  # "basic research" written whole beats "new … researchers" (``rag.phrases``)
    led = claimant_first(query, named_doer_first(query, voiced_first(query, out, voiced)), asks_speaker, reports_words)
    return each_party_first(query, led)


# A sentence opening by setting something aside ("Beyond the port, …", "Apart from the ferry, …", general English):
# what it goes on to say is of something else, and the words of what it set aside do not make it an answer about that
_ASIDE_OPENER = re.compile(r"^(?:beyond|apart from|aside from|besides|outside(?: of)?|other than)\s+([^,]{1,60}),\s", re.I)


def set_aside_terms(text: str, terms_of) -> set:
    """The terms a sentence names only in an opening that sets them aside (``terms_of``: a text's term set).

    >>> sorted(set_aside_terms("Beyond the port, the town has scrutinised the ferry.", lambda t: set(t.lower().split())))
    ['port']
    """
    m = _ASIDE_OPENER.match(text)
    if not m:
        return set()
    return set(terms_of(m.group(1))) - set(terms_of(text[m.end():]))


def _score(c: Candidate, query, weights, total, hdr_weights, floor, top_score, target, lexicon) -> None:
    p, said = c.passage, c.terms
    # Terms naming the article (outlet, title: ``hdr_weights``) count half: they pick the article, not the sentence.
    # "Beyond the halls of Congress, …" is not about Congress, when the asker named it (a follow-up's words echo the sentence)
    aside = set_aside_terms(c.text, lexicon.sentence_terms)
    aside = aside & set(terms(query.asked)) if aside else aside
    # a stem shared only across a part-of-speech suffix ("care" / "careful") counts a share (``rag.derived``)
    shared = [(t, w) for t, w in weights.items() if t in said and t not in aside]
    derived = derived_only(query.text, c.text) if shared else frozenset()  # most sentences share no asked term
    hit = sum([w * (DERIVED_SHARE if t in derived else 1.0) for t, w in shared])
    hit += 0.5 * sum([w for t, w in hdr_weights if t not in said])
    c.overlap = hit / total
    c.sim = p.sims.get(c.start, floor)
    c.typed = float(has_count_of(c.text, target) if target else has_new(query.qtype, c.text, query.text, lexicon.common,
                                                                                  not query.member))
    if query.qtype == "name" and c.typed and not proper_name(c.text, query.text, lexicon.common):
        c.typed = INSTITUTION_TYPED  # "the PRC Agreement", "the State Department": a name, but not a person's or firm's
    if query.qtype == "duration" and c.typed and durations_of_other(c.text, query.text):
        c.typed = OTHER_DURATION_TYPED  # "two three-week permits" is not how long the deal runs
    if query.age and c.typed and not tells_age(c.text) and not dates_start(c.text):
        c.typed = OTHER_DURATION_TYPED  # "how old…?": "over four decades of the pact" spans what was done under it
    if query.age_now and query.qtype == "duration" and not c.typed and dates_start(c.text):
        c.typed = 1.0  # "how long has it been around?": the year it began ("signed in 1979") tells its age
    if query.origin and p.kind == "body" and c.typed:
        c.typed = float(dates_start(c.text))  # "when did it all start?": a renewal's date is no answer, the signing's is
    if query.member and c.typed and not shares_beyond_places(c.terms, weights):
        c.typed = 0.0  # "which US universities…?": a name in a sentence sharing only "US" with the question is another thing's
    # "prominent scientists noted…" answers "who said…?", less surely than a name; "government agencies" does not say
    # which universities "which universities…?" asks for
    if not c.typed and query.qtype == "name" and not query.member and names_people(c.text, query.text):
        c.typed = PEOPLE_TYPED
    if query.qtype and p.kind == "body":
        c.typed = held_for_question(c.typed, c.text, query, target, dating_text(c))
    if query.frequency and p.kind == "body":
        c.typed = float(tells_frequency(c.text))  # "how many times…?": "twice", not "the two governments"
    c.typed = shape_typed(query, c.text, c.typed)
    if p.kind == "metadata":  # only reached for questions about an article: its byline card is the answer
        c.typed, c.overlap, c.sim = True, max(c.overlap, 0.5 + 0.5 * c.overlap), max(c.sim, SIM_OK)
    c.score = W_OVERLAP * overlap_mass(query.intent, total) * c.overlap + W_SIM * c.sim + W_RANK * (p.score / top_score) + W_TYPE * type_credit(query, c)
    if p.kind == "metadata":
        c.score += META_BONUS
    if p.doc_id in query.named_docs:
        c.score += REF_BONUS
    if query.intent == "overview" and p.kind == "body" and corrective_contrast(c.text):
        c.score += THESIS_CREDIT  # "what is the main point?" is often answered by a correction ("not X but Y")
    if query.intent == "overview" and p.kind == "body":
        c.score -= TYPICAL_DISCOUNT * p.typical.get(c.start, 0.0)  # it says what every article says (``rag.typical``)
    if p.kind == "body" and (query.intent in SPREAD_INTENTS or query.account) and not query.about_articles \
            and byline_note(c.text, p.authors):
        c.score *= BYLINE_FACTOR  # "Dr Ann Lee is a professor at…" tells where she works, not what her article argues
    if query.done and p.kind == "body" and _MAY_BE.search(c.text):
        c.score *= MAY_BE_FACTOR  # "what has it achieved?" is answered by what it did, not by what it could do
    if len(c.terms) < 3 and p.kind == "body":
        c.score *= 0.5  # fragments and subheads ("Conclusion") are poor answers
    elif p.kind == "body" and not ends_as_statement(c.text):
        c.score *= HEADING_FACTOR  # a line with no closing punctuation is a heading or standfirst, not a statement


def bound_asked(query) -> bool:
    """Does a fact question ask for a bound, a rate or a word used ("what is it limited to?", "how often is it
    renewed?", "what word does she use for it?")? Its answer is the sentence stating one ("focuses exclusively on X",
    "every five years", "a compartmentalised approach"), which often shares fewer of the question's words than one
    restating the topic ("recent versions of the deal…"), so it leads within the typed window."""
    return query.intent == "fact" and not query.qtype and (query.limit or query.rate or query.word_used)


def shares_beyond_places(sentence_terms, weights: dict[str, float]) -> bool:
    """Does a sentence hold a weighted question term other than a country's name ("us", "chines")? A sentence
    sharing only the country with "which US universities take part?" speaks of something else of that country.

    >>> shares_beyond_places({"us", "congress"}, {"us": 1.0, "universiti": 2.0}), shares_beyond_places({"us", "universiti"}, {"us": 1.0, "universiti": 2.0})
    (False, True)
    """
    return any(t in sentence_terms and t not in PLACE_NAMES and w > 0 for t, w in weights.items())


def overlap_mass(intent: str, total: float) -> float:
    """How much a sentence's word overlap counts in its score: in full when the question's weighted terms add up
    to ``OVERLAP_MASS`` (idf) or more, less for a question made only of a few words every article uses ("what are the
    big worries about doing science with China?" weighs "science" and "China"). Most sentences hold all of those, so
    overlap then sets apart only the sentences that spell them another way ("Chinese scientists…"), and the ones
    closest in meaning among the rest fall behind sentences that merely name the topic. (``overlap`` itself, read by
    the abstention rules, is unchanged.) A why-question's or a comparison's few words are its cause or its sides,
    and they keep their full weight (dev: -2 for why, -1 for comparisons).

    >>> overlap_mass("overview", 2.5), overlap_mass("fact", 6.0), overlap_mass("why", 2.5)
    (0.5, 1.0, 1.0)
    """
    if intent in ("why", "compare"):
        return 1.0
    return min(1.0, total / OVERLAP_MASS)


MAY_BE_FACTOR = 0.9
# What a sentence says may or could be: modal verbs and "has the potential to", "is likely to"
_MAY_BE = re.compile(r"\b(?:may|might|could|would|can|has\s+the\s+potential|have\s+the\s+potential|"
                     r"(?:is|are)\s+(?:likely|expected)\s+to)\b", re.I)


def voiced(query, c: Candidate) -> bool:
    """Does the sentence give the asked speaker's say: it names them and, when their words are asked for ("what did
    the mayor say…?", ``Query.words``), tells what someone said? "Signed by the mayor in 1979" names the mayor and
    tells nothing the mayor said."""
    return query.speaker in c.terms and (not query.words or reports_words(c.text))


def asks_speaker(query) -> bool:
    """ "Who warned that…?": a question for whoever said something (a verb of saying after "who")."""
    return query.qtype == "name" and _says(query.text)


@lru_cache(maxsize=4096)  # asked once per candidate sentence of one question
def _says(question: str) -> bool:
    return bool(SAID.search(question.lower()))


def type_credit(query, c: Candidate) -> float:
    """How much a sentence gains in score for holding what was asked (``typed``).

    "Who warned that the ferry will stop?" is answered by any sentence that states the warning: one naming
    no one is its writers' claim (``rag.bylines.attribution`` credits them). A sentence that merely names
    someone ("the Oslo port closed") is no better an answer, so for such questions every sentence gains alike
    and the claim decides; ``typed`` still tells whether the sentence names its own speaker.
    """
    return 1.0 if asks_speaker(query) else float(c.typed)
