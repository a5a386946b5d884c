"""When to say "the articles don't say": several signals, not one threshold.

"The articles don't cover this" is told apart from "the question uses words the
articles don't": a number or name the corpus never mentions is decisive, and so
is a count of a thing the articles never name (``answering.refused_unread``); any
other unknown word is judged with the rest of the question, by how close the best
sentence is and how much of the question it holds (a question made mostly of such
words, with no close sentence, is about something else); an everyday English word
the articles happen not to use ("deal", "alive", "scrap") weighs nothing.
Thresholds are calibrated on the ``dev`` split only (``evals/calibrate.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rag.about_articles import META_STEMS
from rag.askframe import asking_words
from rag.docnames import document_name
from rag.framewords import frame_words
from rag.initials import spells_out
from rag.namewords import bound_prefixes
from rag.places import is_place
from rag.spelling import common_slip, english_word, in_dictionary, zipf
from rag.text import PLACE_NAMES, STOPWORDS, stem, tokens

# Share of the question's weighted terms the best-covering close sentence must hold... (0.25 until the d2/d3
# outsider questions joined dev: a paraphrase shares few words and a close sentence may still hold them)
MIN_BEST_OVERLAP = 0.1
SIM_OK = 0.45  # ...unless it is at least this close to the question in embedding space
# ...or this close when the question names one of the articles ("which technologies does the SCMP piece count as
# important?"): the article it names vouches for the topic, and its sentences often list what it asks in other words
NAMED_SIM_OK = 0.4
SIM_FLOOR = 0.3  # below this, no sentence is about the question at all...
HARD_FLOOR = 0.2  # ...and below this no shared word makes it on topic ("how do I make banana bread")
OFF_TOPIC_OVERLAP = 0.2  # ...unless a close sentence holds this share of all the question's terms (was 0.3)
MOSTLY_UNKNOWN = 0.8  # unknown words carry more than this share of the question...
MOSTLY_UNKNOWN_SIM = 0.4  # ...and no sentence is this close: the question is about something else
REQUIRE_TYPED = True  # a "which ministry / what date" question needs a sentence holding such a thing
EVERYDAY_ZIPF = 3.5  # an unknown word at least this common in English is a paraphrase, not a new topic
ACRONYM_ZIPF = 3.0  # ...and a three- or four-letter non-word this common is initials typed in lower case
# a yes/no "does X mention Y?" whose Y holds a word the articles never use is answered when a sentence is this close
# (dev: unanswerable ones' best sentences 0.28-0.52, the answerable "poaching talent" one's 0.69): ``unjudgeable``
VOUCHED_SIM = 0.6
PRECISE_SCORE = 0.61  # "which specific X…?" needs a best sentence scoring this much (dev: answered 0.62-0.70, unanswerable 0.37-0.60)


ORDINALS = {stem(w) for w in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")}


@dataclass
class Unknown:
    entities: list[str]  # numbers and names the corpus never mentions ("2029", "FIFA")
    rare: list[str]  # rare words the corpus never uses ("budget" is everyday; "biosecurity" is rare)
    everyday: list[str]  # common English words the corpus happens not to use
    idf: dict = field(default_factory=dict)  # every question term's weight
    unlisted: list[str] = field(default_factory=list)  # rare words no English dictionary lists: names, mostly ("70s" is a decade)
    frame: frozenset = frozenset()  # words that only frame the question ("does the writer think…": ``framewords``)

    @property
    def share(self) -> float:
        """The share of the question's weight these words carry, the everyday words framing it ("why does the writer
        think…") counted on neither side (``framewords``)."""
        idf = {t: w for t, w in self.idf.items() if not (t in self.frame and t in self.everyday)}
        total = sum(idf.values())
        return sum(idf.get(t, 0.0) for t in {*self.entities, *self.rare, *self.everyday}) / total if total > 0 else 0.0

    def naming(self, names: list[str]) -> "Unknown":
        """These terms plus ``names`` the question writes and no passage does ("j-1", "article 3", "the china
        initiative"): names the articles never mention, as decisive as a year they never write."""
        return replace(self, entities=[*self.entities, *names]) if names else self


def unknown_terms(query, lexicon) -> Unknown:
    """Question terms the corpus never uses, split into entities, rare words and everyday words.

    Entities are numbers and names (capitalised, an acronym typed in lower case, or two rare words in a row):
    if the corpus never mentions them, it cannot answer about them. Other words may be paraphrases, which the embedding can vouch for.
    """
    caps = {stem(w.lower()) for w in re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][A-Za-z]+", query.text.strip())}
    surface: dict[str, str] = {}
    for w in tokens(query.text):
        surface.setdefault(stem(w), w)
    # The initials by which the question names an article ("the RS piece", "per RS") are a name the collection
    # holds though its bodies never write it: in capitals as in lower case, not an unknown name
    caps -= query.naming
    ents, rare, everyday = [], [], []
    prefixes = {stem(w) for w in bound_prefixes(query.text)}
    for t in query.terms:
        # "usa" is no unknown name when the corpus writes "U.S.": another name of a country it speaks of
        if lexicon.known(t) or lexicon.known(PLACE_NAMES.get(t, t)) or (query.about_articles and t in META_STEMS) \
                or within_told_years(t, lexicon.known):
            continue
        # "third" is a number, "fbi" a name, and "paris" a place, however often English writes it
        if t.isdigit() or t in caps or t in ORDINALS or is_place(surface.get(t, t)) \
                or (lower_acronym(surface.get(t, t)) and t not in prefixes):
            ents.append(t)
        elif zipf(surface.get(t, t)) >= EVERYDAY_ZIPF:
            everyday.append(t)
        else:
            rare.append(t)
    named = name_run(query.text, set(rare))
    ents += [t for t in rare if t in named]
    # "the rs piece" names an article, not a body; "the justice department": a body's name (``Query.bodies``);
    # "the usmca trade deal", "the nuclear non-proliferation treaty": a document's name (``docnames``)
    initials = (the_initials(query.text) - set(query.naming)) | set(query.bodies) | document_name(query.text, lexicon.known)
    ents += [t for t in everyday if t in initials] + [t for t in rare if t in initials and t not in named]
    rare = [t for t in rare if t not in named and t not in initials]
    return Unknown(ents, rare, [t for t in everyday if t not in initials], {t: lexicon.idf(t) for t in query.terms},
                   [t for t in rare if surface.get(t, t).isalpha() and not in_dictionary(surface.get(t, t))],
                   # the noun of the asked kind ("which city") and "deal" for their "agreement" name no topic either
                   frame_words(query.text) | asking_words(query.text, query.terms, lexicon.known))


def within_told_years(term: str, known) -> bool:
    """Is the term a year between two years the articles write ("2023" between "2018" and "2024")? A story the
    articles tell across those years passes through it, told without its number ("its term expired last August"),
    so it is no unknown name; a year before the first or after the last they write is outside their story.

    >>> known = {"1979", "2024"}.__contains__
    >>> within_told_years("2023", known), within_told_years("2025", known), within_told_years("fbi", known)
    (True, False, False)
    """
    if not (len(term) == 4 and term.isdigit() and term[:2] in ("19", "20")):
        return False
    year = int(term)
    return any(known(str(y)) for y in range(1900, year)) and any(known(str(y)) for y in range(year + 1, 2100))


def name_run(text: str, rare: set[str]) -> set[str]:
    """Rare unknown words standing next to each other: a name written in lower case ("did jon vikstrand sign
    it?"), which the capitalisation test cannot see. One rare word is often a paraphrase ("stopgap"); two in a
    row seldom are, and a first name with a surname is a person the articles never mention.

    >>> sorted(name_run("did jon vikstrand sign it", {"jon", "vikstrand"})), name_run("a zorblat treaty", {"zorblat"})
    (['jon', 'vikstrand'], set())
    """
    stems = [stem(w) for w in tokens(text)]
    return {t for a, b in zip(stems, stems[1:]) if a in rare and b in rare for t in (a, b)}


def lower_acronym(word: str) -> bool:
    """A common word of English text that no dictionary lists: an acronym or brand typed in lower case ("fbi",
    "nato"), a name as surely as its capitalised form. Two letters are too ambiguous ("ok", "op-ed"), and a
    contraction typed without its apostrophe ("wasnt") is an ordinary word.

    >>> lower_acronym("nato"), lower_acronym("ok"), lower_acronym("wasnt"), lower_acronym("deal")
    (True, False, False, False)
    >>> lower_acronym("nih"), lower_acronym("dont"), lower_acronym("reserch"), lower_acronym("manny")
    (True, False, False, False)
    >>> lower_acronym("skeptical")  # the American spelling of a listed word
    False
    """
    # a short one (three or four letters) is an acronym at a lower frequency ("nih", "nsf"): English text writes
    # few such letter runs that are not initials, while a slip of typing is rarer still (zipf ~0)
    floor = ACRONYM_ZIPF if len(word) <= 4 else EVERYDAY_ZIPF
    if len(word) < 3 or not word.isalpha() or zipf(word) < floor or english_word(word):
        return False
    # a slip of a far commoner word ("manny" for "many") is that word mistyped, not initials
    return not any(in_dictionary(word[:i] + "'" + word[i:]) for i in range(1, len(word))) and not common_slip(word)


# "the eu", "the un's": two letters after "the", not the first part of a compound ("the op-ed")
_THE_TWO = re.compile(r"\bthe\s+([a-z]{2})\b(?!-)")


def the_initials(text: str) -> set[str]:
    """Two-letter words after "the" that English text uses often but no dictionary lists: the initials of a
    body or a country typed in lower case ("the eu", "the un"). Alone two letters are too ambiguous for
    ``lower_acronym`` ("ok", "dc", "fi" of "sci-fi"); after "the" they name a thing, as initials of a body do.

    >>> sorted(the_initials("did the un or the eu's fleet sign it?")), the_initials("ok, the op-ed in dc?")
    (['eu', 'un'], set())
    """
    return {w for w in _THE_TWO.findall(text.lower()) if zipf(w) >= EVERYDAY_ZIPF and not in_dictionary(w)}


def spelled_out(unknown: Unknown, question: str, passages) -> Unknown:
    """The unknown terms without the acronyms the retrieved passages write out in full: "NSF" is a name the
    articles mention when they say "Harbor Research Authority", though never its initials ("HRA")."""
    caps = {w.lower() for w in re.findall(r"\b[A-Z]{2,6}\b", question)} | {w for w in tokens(question) if lower_acronym(w)}
    spelled = {t for t in unknown.entities if t in caps and any(spells_out(t, p.text) for p in passages)}
    if not spelled:
        return unknown
    # only the entities change: the rare words no dictionary lists (``unlisted``) still make a yes/no unjudgeable
    return replace(unknown, entities=[t for t in unknown.entities if t not in spelled])


# "…, what's the fine?": the noun a clause's "what is the X?" asks for, the question mark right after it
_CLOSING_THING = re.compile(r"(?:^|[,;:]\s*)(?:what|which)(?:'s|\s+(?:is|was|are|were))\s+the\s+([a-z]+)\s*\?")


def closing_thing(text: str, kind_words=frozenset()) -> str:
    """The stem of the thing "what is the X?" asks for when X ends the clause, as "what is the X of Y" does
    (``query.asked_thing``): a thing the articles never name is one they cannot state.

    >>> closing_thing("if a ferry sinks, what's the fine?"), closing_thing("what's the fine for speeding?")
    ('fine', '')
    >>> closing_thing("what's the worry exactly?"), closing_thing("what's the point?", {"point"})
    ('', '')
    """
    m = _CLOSING_THING.search(text.lower().replace("’", "'"))
    return "" if not m or m.group(1) in kind_words else stem(m.group(1))


# "…, like, who arbitrates?": a clause asking who does an act, its verb the last word before the question mark, or
# before a clause that only says on what occasion ("under the lease, who decides when ports disagree?" asks as
# "when ports disagree, who decides?" does: the verb has no object, the act is all that is asked), or before the
# object the act is done to ("…, like who settles the quarrels?": the act on them is still all that is asked)
_CLOSING_ACT = re.compile(r"(?:^|[,;:]\s*)(?:like,?\s+)?who\s+([a-z]+)(?:\s+(?:the|any|such|these|those)\s+[a-z]+)?"
                          r"(?:\s*\?\s*$|\s+(?:when|whenever|if|once)\s)")


def closing_act(text: str) -> str:
    """The stem of the verb a closing "who <verb>?" asks the doer of (not a word of function or manner: "who
    else?", "who exactly?"). Like ``closing_thing``: an act the articles never name is one whose doer they
    cannot state, however close their sentences on the rest of the question.

    >>> closing_act("how are disputes settled - like, who arbitrates?"), closing_act("who signed it?")
    ('arbitr', '')
    >>> closing_act("so who decides?"), closing_act("and then, who else?")
    ('', '')
    >>> closing_act("under the new lease, who decides when ports disagree?"), closing_act("who led when talks began?")
    ('decid', 'led')
    >>> closing_act("how do appeals work, like who hears the appeals?"), closing_act("who signed the pact for Oslo?")
    ('hear', '')
    """
    m = _CLOSING_ACT.search(text.lower())
    word = m.group(1) if m else ""
    return "" if not word or word in STOPWORDS or word == "else" or word.endswith("ly") else stem(word)



# "how did the ministry react to the renewal?": the manner of an act, its verb right before a preposition and the
# thing it was done to (an adverb in -ly may sit between: "react publicly to the…"). Only with a determiner after
# the preposition: "how did they try to protect…" asks about protecting, not trying. Like ``closing_act``: an act
# the articles never name is one they cannot tell the manner of, however close their sentences on the doer
_MANNER_ACT = re.compile(r"^(?:so,?\s+|and\s+)?how\s+(?:did|do|does|has|have|had|will|would|might|could)\s+"
                         r"(?:[a-z'.-]+\s+){1,5}?([a-z]+)(?:\s+[a-z]+ly)?\s+(?:to|with|at|about|on|over|toward)\s+"
                         r"(?:the|a|an|its|their|this|that|these|those|his|her|our)\b")


def manner_act(text: str, form_stems=frozenset()) -> str:
    """The stem of the verb whose manner "how did X <verb> to the Y?" asks, or "" (nor a verb of the question's
    form, ``form_stems``: "how did the changes compare with the…" asks a comparison, which no sentence need name).

    >>> manner_act("how did regular people react to the renewal?"), manner_act("how did they try to protect ip?")
    ('react', '')
    >>> manner_act("how did the ministry react publicly to the deal"), manner_act("how did beijing push back on us controls?")
    ('react', '')
    >>> manner_act("how did the changes compare with the new ones?", {"compar"})
    ''
    >>> manner_act("how does the harbour piece's take on the fee compare with the ferry column?", {"compar"})
    ''
    """
    low = text.lower().replace("’", "'")
    m = _MANNER_ACT.search(low)
    word = m.group(1) if m else ""
    if not word or word in STOPWORDS or word.endswith("ly") or stem(word) in form_stems:
        return ""
    # a verb of the question's form further on is its main verb ("how does the X take on the fee compare with…"):
    # the word matched before it is a noun of the subject, no act whose manner is asked
    return "" if any(stem(w) in form_stems for w in re.findall(r"[a-z]+", low[m.end():])) else stem(word)


def unjudgeable(query, unknown: Unknown, sim: float = 0.0) -> bool:
    """A yes/no question naming a rare word that neither the articles nor an English dictionary list, a name
    typed in lower case mostly ("do the articles talk about tiktok?", "did rubio back it?"): a "Yes —" or "No —"
    would rest on a sentence that never names the thing asked about. A rare word the dictionary lists ("was it
    backdated?", "a stopgap") is a paraphrase the embedding may vouch for, and an everyday one weighs nothing.

    >>> from types import SimpleNamespace as Q
    >>> u = Unknown([], ["tiktok"], [], unlisted=["tiktok"])
    >>> yes_no, fact = Q(intent="yes_no", about_articles=False, mentions=[]), Q(intent="fact", about_articles=False)
    >>> unjudgeable(yes_no, u), unjudgeable(fact, u)
    (True, False)
    >>> unjudgeable(Q(intent="yes_no", about_articles=False, mentions=[]), Unknown([], ["stopgap"], []))
    False
    >>> unjudgeable(Q(intent="yes_no", about_articles=False, mentions=[]), Unknown([], [], ["deal"]))
    False
    """
    if query.intent != "yes_no" or query.about_articles:
        return False
    # ...but a sentence this close in meaning vouches for a dictionary word of the asked thing as a paraphrase
    # ("poaching talent" / "recruiting engineers"); a name no dictionary lists stays unjudgeable however close
    return bool(unknown.unlisted) or (bool(set(query.mentions) & {*unknown.rare, *unknown.everyday}) and sim < VOUCHED_SIM)


@dataclass
class Evidence:
    """What the abstention decision reads: how well the best evidence covers the question."""
    unknown: Unknown
    unknown_share: float  # share of the question's weight carried by words the corpus never uses
    overlap: float  # share of the question's weighted *known* terms the best sentence (or one as close) holds
    full_overlap: float  # the same share of *all* its terms ("make" alone in "make banana bread" is little)
    sim: float  # the best sentence's cosine to the question
    counted: bool = True  # "how many X": some sentence counts X
    typed: bool = True  # "which ministry / what date": some close sentence holds such a thing
    spoken: bool = True  # "what did the ministry say…": some close sentence names that speaker
    ranked: bool = True  # "which ports handle the most ferries?": some close sentence ranks something
    precise: bool = False  # "which specific X…?": the question asks for one named instance (``asks_specifics``)
    score: float = 1.0  # the best sentence's score (``evidence.Candidate.score``)
    named: bool = True  # "what's the name of X?": some close sentence gives a name the question lacks (``gives_name``)
    told: bool = True  # "does the pact say anything about X?": a close sentence names the document and X
    judged: bool = True  # a yes/no question names no rare word the articles never use (``unjudgeable``)
    redated: bool = False  # a close sentence dates the act a yes/no question dates to an unwritten year (``rag.redated``)
    named_doc: bool = False  # the question names one of the articles or its outlet ("the scmp piece": ``Query.named_docs``)
    formed: bool = True  # "the exact wording of…", "step by step": a close sentence gives that form (``rag.quoted``)
    # a comparison of named articles on how things stand or are headed ("how does A's outlook compare with B's?"):
    # the articles it names vouch for its topic (``status.standing_compared``)
    standing: bool = False


def abstain_reason(e: Evidence) -> str:
    """Why to abstain, or "" to answer.

    A rare word the articles never use is not a refusal by itself: the question is judged by how close
    the best sentence is and how much of the rest of the question it holds.

    >>> abstain_reason(Evidence(Unknown(["2029"], [], []), 0.3, 0.5, 0.5, 0.6))
    'unknown_entity'
    >>> abstain_reason(Evidence(Unknown([], ["biosecurity"], []), 0.3, 0.5, 0.4, 0.6))
    ''
    """
    if e.sim < HARD_FLOOR or (e.sim < SIM_FLOOR and e.full_overlap < OFF_TOPIC_OVERLAP and not e.standing):
        # informal wording can sit far from every sentence: the shared terms vouch for the topic, and so do the named
        # articles whose own reading of the matter is compared ("how does A's outlook compare with B's?")
        return "off_topic"
    # ...but a year the articles never write is answered by a close sentence dating the asked act otherwise
    if e.unknown.entities and not (e.redated and all(t.isdigit() for t in e.unknown.entities)):
        return "unknown_entity"
    if e.unknown_share > MOSTLY_UNKNOWN and e.sim < MOSTLY_UNKNOWN_SIM and not e.standing:  # (named articles vouch)
        return "mostly_unknown"  # "recommend a good sci-fi novel": nearly every word is one the articles never use
    if not e.counted:
        return "no_count"
    if not e.typed and REQUIRE_TYPED:
        return "no_typed_answer"  # asked for a name, date or place that no close sentence gives
    if not e.spoken:
        return "speaker_absent"  # the topic is there, but not a word from the one asked about
    if not e.ranked:
        return "no_ranking"  # the things are named, but nothing says which comes first
    if not e.named:
        return "no_name_given"  # "what's the name of the clause…?": the clause is told of, its name is not
    if not e.told:
        return "not_in_document"  # "does the pact say anything about X?": X is named, never as the pact's
    if not e.judged:
        return "unknown_in_yes_no"  # "do the articles talk about tiktok?": no sentence names it, to affirm or deny
    if not e.formed:
        return "form_not_given"  # "the exact wording of the clause?": the clause is told of, its words are not quoted
    if e.precise and e.score < PRECISE_SCORE:
        return "vague_evidence"  # a sentence on the topic in general is no answer to "which specific one?"
    if e.overlap < MIN_BEST_OVERLAP and e.sim < (NAMED_SIM_OK if e.named_doc else SIM_OK) and not e.standing:
        return "weak_evidence"
    return ""
