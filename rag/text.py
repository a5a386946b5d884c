"""Shared term analysis: one tokenizer for BM25, sentence scoring and abstention.

>>> terms("When was the U.S.-China STA first signed?")
['us', 'china', 'sta', 'first', 'sign']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is isn't it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves s t can't don't won't
tell say said says please pls plz know explain describe give list mention according article articles piece one ones many much
besides except apart kind kinds type types sort
""".split())

_stemmer = Stemmer.Stemmer("english")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def poses_question(text: str) -> bool:
    """Is a statement of the article a question its writer puts ("can the truce last while both towns compete?")?
    A writer asks in the body the question the article turns on; the sentences around it answer or narrate it, so
    it is less typical of the article than they are, and no words of a "sum it up" question match it.

    >>> poses_question("Yet a hard question remains: can the truce last?"), poses_question("The truce held.")
    (True, False)
    """
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def drop_format_chars(text: str) -> str:
    """Remove invisible format characters (Unicode category Cf: zero-width space and joiners,
    bidi marks, BOM, soft hyphen). Deleted, not turned into spaces: they sit inside words.

    >>> drop_format_chars("sig\u200bned in 19\u00ad79")
    'signed in 1979'
    """
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation noise; "U.S." becomes "us".

    >>> normalize("The U.S.–China S&T Agreement!")
    'the us china s t agreement '
    >>> normalize("it isn't China's")
    'it is not china '
    """
    t = unicodedata.normalize("NFKD", drop_format_chars(text))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"\b([a-z])\.([a-z])\.", r"\1\2", t)  # u.s. -> us, p.r.c. stays close enough
    t = t.replace("’", "'")
    # Contractions: "isn't" is "is not" (a negation, not a word "isn"); "china's" is "china".
    t = re.sub(r"\b(wo|ca|sha)n't\b", lambda m: {"wo": "will", "ca": "can", "sha": "shall"}[m.group(1)] + " not", t)
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"'(?:s|re|ve|ll|d|m)\b", " ", t)
    return re.sub(r"[^a-z0-9']+", " ", t)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


# Chat shorthand, expanded so "how many yrs" means years.
ABBREVIATIONS = {"yrs": "years", "yr": "year", "govt": "government", "gov": "government", "dept": "department",
                 "intl": "international", "info": "information", "approx": "approximately", "mos": "months",
                 "wks": "weeks", "abt": "about", "bc": "because", "w": "with", "ppl": "people",
                 # month abbreviations, as in "Dec. 13" (the articles use them too)
                 "jan": "january", "feb": "february", "aug": "august", "sept": "september", "sep": "september",
                 "oct": "october", "nov": "november", "dec": "december"}


def tokens(text: str) -> list[str]:
    """All normalized tokens (stop words kept, no stemming, shorthand expanded)."""
    return [ABBREVIATIONS.get(w, w) for w in (t.split("'")[0] for t in _TOKEN.findall(normalize(text)))]


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(text) if len(t) > 1 and t not in STOPWORDS)


def terms(text: str) -> list[str]:
    """Content terms: normalized, stop words removed, Snowball-stemmed."""
    return list(_terms(text))


# Words of a question that carry no topic though they look like content words: "per" frames a source ("per the
# harbour piece") and "used to" before a verb of being or doing is the habitual past ("how it used to be"), not
# the verb "use". General English; read off the question only, so the index's tokenizer is untouched.
# A span of time said in passing ("over the years", "in recent decades", "these days") dates nothing: a sentence
# saying "five years" is no closer to "what has it covered over the years?".
_NO_TOPIC = re.compile(r"\bper\b|\bused to(?= (?:be|have|do|work|look|go|see)\b)"
                       r"|\b(?:over|through|across|in|during)\s+(?:all\s+)?(?:the\s+)?(?:recent\s+|past\s+|last\s+)?"
                       r"(?:years|decades)\b(?!\s+(?:of|since|after|before)\b)|\bthese\s+days\b|\bnowadays\b"
                       # Frame words of a question: "whether" opens an indirect question, and "actually", "really",
                       # "exactly"... only stress the asking. A sentence that happens to say "whether" or "actually" is
                       # no closer to the topic. ("regarding" stays: writers echo "concerns regarding X" too.)
                       r"|\b(?:whether|actually|really|exactly|basically|essentially|specifically|honestly|literally)\b"
                       # "in force" says that a thing holds, which a writer tells as "renewed", "remains", not in the
                       # noun "force" (whose stem is the verb's: "forced transfers")
                       r"|\b(?:in|into)\s+force\b",
                       re.I)


# Phrases that frame how a question is asked, not what it is about: "big picture, …", "broadly speaking", "at this
# point", "over time", "day to day", "so far", "in a nutshell", "in plain English", "what's the point of X" (its
# purpose). General English; their words ("picture", "speak", "point", "day", "time") are never the topic, and a
# sentence that happens to say "pointed to" or "over the day" is no closer to it. ("right now" stays: "right" is
# left to the index's own weighting.)
_FRAMES = re.compile(r"\b(?:the\s+)?big[- ]picture\b|\b(?:broadly|generally|roughly|strictly|loosely)\s+speaking\b"
                     r"|\bat\s+(?:this|that|the\s+present)\s+(?:point|stage|juncture)(?:\s+in\s+time)?\b"
                     r"|\bover\s+time\b|\bday[- ]to[- ]day\b|\bso\s+far\b(?!\s+as\b)|\bin\s+a\s+nutshell\b"
                     r"|\bin\s+(?:plain|simple)\s+(?:english|terms|words|language)\b"
                     r"|\b(?:in\s+general|more\s+generally|generally|roughly|as\s+a\s+whole)\b|(?<=\bthe\s)whole\b"
                     r"|(?<=\bthe\s)point(?=\s+of\s+(?:it|this|that|all\s+this|\w+ing)\b)",
                     re.I)


def topic_text(question: str) -> str:
    """A question without its words that carry no topic.

    >>> terms(topic_text("per the harbour piece, how is the ferry different from how it used to be?"))
    ['harbour', 'ferri', 'differ']
    >>> terms(topic_text("which tools are used to repair the ferry?"))  # the verb "use" stays
    ['tool', 'use', 'repair', 'ferri']
    >>> terms(topic_text("what has the ferry carried over the years?")), terms(topic_text("over the years of the lease"))
    (['ferri', 'carri'], ['year', 'leas'])
    >>> terms(topic_text("do the pieces agree on whether ferries should actually run?"))  # frame words: no topic
    ['piec', 'agre', 'ferri', 'run']
    >>> terms(topic_text("is the lease still in force?")), terms(topic_text("does it force skippers?"))
    (['leas', 'still'], ['forc', 'skipper'])
    >>> terms(topic_text("big picture, broadly speaking, how has the ferry done over time and so far?"))
    ['ferri', 'done']
    >>> terms(topic_text("what's the point of using the ferry, at this point?")), terms(topic_text("the point of sale"))
    (['use', 'ferri'], ['point', 'sale'])
    >>> terms(topic_text("how does the ferry work day to day, in a nutshell, in plain english?"))
    ['ferri', 'work']
    """
    return _FRAMES.sub(" ", _NO_TOPIC.sub(" ", question))


# Idioms of gaining: "what did X get out of Y?" asks what X gained from Y, and "how does X come out ahead?" how X
# gains; writers say "gained", "benefited". Only "get … out of" with the wh-word as its object: "how did X get out
# of the deal?" is leaving it, and stays.
_GAINED = {"get": "gain", "gets": "gains", "got": "gained", "gotten": "gained", "getting": "gaining"}
# (after an opening aside of one or two words: "honestly, what did X get out of it?")
_GAIN_IDIOMS = ((re.compile(r"^(\W*(?:[a-z]+(?:\s+[a-z]+)?,\s+)?(?:(?:and|so|but|ok)\s+)?what\b(?:\s+[\w.'’\-]+){1,6}?\s+)"
                            r"(get|gets|got|gotten|getting)"
                            r"\s+out\s+of\b", re.I), lambda m: m.group(1) + _GAINED[m.group(2).lower()] + " from"),
                (re.compile(r"\b(?:come|comes|came|coming)\s+out\s+(?:ahead|on\s+top)\b((?:\s+(?:from|of|in)\b)?)", re.I),
                 r"gain\1"))


def plain_gain(question: str) -> str:
    """The question with an idiom of gaining said plainly ("get out of" -> "gain from").

    >>> plain_gain("what did the US get out of the ferry pact?"), plain_gain("how did the port come out ahead?")
    ('what did the US gain from the ferry pact?', 'how did the port gain?')
    >>> plain_gain("how did the US get out of the ferry pact?")
    'how did the US get out of the ferry pact?'
    >>> plain_gain("honestly, what did the port get out of it?")
    'honestly, what did the port gain from it?'
    """
    for pattern, plain in _GAIN_IDIOMS:
        question = pattern.sub(plain, question)
    return question


# Words for a drawback (general English): "what's the catch with X?", "the downside of X" ask what X risks bringing
# about, which writers tell as a risk ("it risks reinforcing…"); read literally, "catch" is a word the articles never
# use, and a question made of such words reads as off the topic.
_DRAWBACK = re.compile(r"^(\W*(?:(?:so|but|ok|and)\s+)?what(?:'s|’s|s|\s+is|\s+are|\s+was)\s+(?:the\s+)?(?:(?:big|main|real|"
                       r"biggest|only|one)\s+)?)(?:catch|downsides?|drawbacks?|snags?|pitfalls?)\s+(?:with|of|to|in|for)\b", re.I)


def plain_drawback(question: str) -> str:
    """The question with a word for a drawback said as the risk it is ("what's the catch with X?" -> "what's the risk of X?").

    >>> plain_drawback("what's the catch with the new ferry plan?"), plain_drawback("so what are the downsides of it?")
    ("what's the risk of the new ferry plan?", 'so what are the risk of it?')
    >>> plain_drawback("did they catch the ferry?"), plain_drawback("what's the catch?")
    ('did they catch the ferry?', "what's the catch?")
    """
    return _DRAWBACK.sub(lambda m: m.group(1) + "risk of", question)


# Words for what lies ahead (general English): "the outlook for X", "X's prospects" ask for X's future, the word
# writers use ("the future of X hangs in the balance"); read literally, "outlook" is a word articles seldom use, and a
# question made of such words reads as off the topic. A holder's "outlook" ("the writer's outlook", "their outlook
# on trade") is their view, not what lies ahead, and stays.
_OUTLOOK_WORD = re.compile(r"\bprospects\b|\boutlook(?=\s+(?:for|of)\b)|(?<=\bthe\s)outlook\b", re.I)


def plain_outlook(question: str) -> str:
    """The question with a word for what lies ahead said as the future it is ("the outlook for X" -> "the future for X").

    >>> plain_outlook("what's the outlook for the ferry pact?"), plain_outlook("what are the lease's prospects?")
    ("what's the future for the ferry pact?", "what are the lease's future?")
    >>> plain_outlook("how does the port piece's outlook differ?"), plain_outlook("does it change their outlook on trade?")
    ("how does the port piece's outlook differ?", 'does it change their outlook on trade?')
    """
    return _OUTLOOK_WORD.sub("future", question)


# Idioms of exclusion (general English): "off the table", "out of bounds" mean excluded, the word writers use; read
# literally, "table" or "bounds" would match a sentence about negotiators "at the table".
_EXCLUDED_IDIOM = re.compile(r"\b(?:off\s+the\s+table|out\s+of\s+bounds)\b", re.I)
# Verbs of forbidding, as a participle ("which tech is banned?", "what is not allowed now?"): what a rule forbids is
# what it excludes, the word writers of an agreement's scope use ("excluding AI"); said once, as a yes/no question's
# verdict reads each word of denial in it (general English)
_FORBIDDEN = re.compile(r"\b(banned|barred|forbidden|prohibited|disallowed|not\s+(?:allowed|permitted))\b", re.I)


# The phrasal verb "leave … out" (general English) means exclude; "out" is a stop word and "left" mostly means the
# direction or departing, so the question also says it plainly, keeping its own words for the sentences that use them.
# "Cut … out", "keep … out", "strip … out" and "carve … out" are its siblings: verbs of removal with "out"; so are the
# verbs of barring with "out" (``OUT_BARRING``: "rule out", "shut out", "lock out", "freeze out", "squeeze out", "take
# out"): "was AI ruled out of the deal?" asks whether it was excluded, and read as "ruled" alone it found no exclusion
# (a "No" from the very sentence excluding it)
OUT_BARRING = (r"rul(?:e|es|ed|ing)|shut(?:s|ting)?|lock(?:s|ed|ing)?|fr(?:eeze|eezes|eezing|oze|ozen)|"
               r"squeez(?:e|es|ed|ing)|t(?:ake|akes|aken|aking|ook)")
_LEFT_OUT = re.compile(r"\b(?:leave|leaves|leaving|left|cut|cuts|cutting|keep|keeps|keeping|kept|strip|strips|stripped|"
                       r"carve|carves|carved|" + OUT_BARRING + r")\b(?:\s+[\w\-']+){0,4}?\s+out\b(?!\s+(?:for|to|in|at|with)\b)", re.I)


# Verbs of handling a problem (general English): "how does the deal deal with / cope with that?" asks how it addresses
# it, the word writers use for a response to a concern ("to address the concerns"); read literally, "deal" is the
# agreement's own everyday name and "cope" a word no sentence uses, so the act asked reads as unknown. Only the verb:
# within four words after an auxiliary, "to" or a pronoun ("how does the new deal deal with…"); "the big deal with
# it", "what was the deal with…", "a science deal with a rival" are the noun
_HANDLES = re.compile(r"\b((?:to|does|do|did|will|would|can|could|should|might|must|they|it|we|you|i)\s+"
                      r"(?:[\w'’-]+\s+){0,3}?)(deal|cope)(s|t|d|ing)?\s+with\b", re.I)
_ADDRESS = {"": "address", "s": "addresses", "d": "addressed", "t": "addressed", "ing": "addressing"}


def plain_handling(question: str) -> str:
    """The question with a verb of handling a problem said as "address".

    >>> plain_handling("how does the new deal deal with that?"), plain_handling("how will they cope with theft?")
    ('how does the new deal address that?', 'how will they address theft?')
    >>> plain_handling("what's the big deal with this agreement?"), plain_handling("why keep a science deal with a rival?")
    ("what's the big deal with this agreement?", 'why keep a science deal with a rival?')
    """
    return _HANDLES.sub(lambda m: m.group(1) + _ADDRESS.get((m.group(3) or "").lower(), "address"), question)


def plain_excluded(question: str) -> str:
    """The question with an idiom of exclusion said plainly.

    >>> plain_excluded("should ferries be off the table?"), plain_excluded("are the docks out of bounds now?")
    ('should ferries be excluded?', 'are the docks excluded now?')
    >>> plain_excluded("which boats are banned now?"), plain_excluded("what is not allowed at the port?")
    ('which boats are excluded now?', 'what is excluded at the port?')
    """
    return _FORBIDDEN.sub("excluded", _EXCLUDED_IDIOM.sub("excluded", question))


def left_out_plain(question: str) -> str:
    """The question's words with "leave … out" said as "excluded" too, for the terms it is matched by (its text,
    read for its shape and polarity, keeps the phrasal verb, which ``rag.polarity`` already hears as a negation).

    >>> left_out_plain("what got left out of the deal?"), left_out_plain("why leave ai and quantum out of it?")
    ('what got left out excluded of the deal?', 'why leave ai and quantum out excluded of it?')
    >>> left_out_plain("what tech got cut out of the deal?"), left_out_plain("is the port cut out for ferries?")
    ('what tech got cut out excluded of the deal?', 'is the port cut out for ferries?')
    """
    return _LEFT_OUT.sub(lambda m: m.group(0) + " excluded", question)


# The phrasal verb "run out" said of a term or a deal (general English) means expire; "out" is a stop word and "run"
# mostly means operating ("how is the program run?"), so the question also says it plainly. "Run out of X" (to have
# no X left) is another sense and is left alone.
_RAN_OUT = re.compile(r"\b(?:run|runs|ran|running)\s+out\b(?!\s+of\b)", re.I)


# ...but "when is it going to run out?" asks of an end to come, which no sentence telling a past expiry answers
_FUTURE = re.compile(r"\b(?:will|won't|going\s+to|gonna|about\s+to|due\s+to)\s+(?:[\w']+\s+){0,4}?$", re.I)


def ran_out_plain(question: str) -> str:
    """The question's words with "run out" (of the past or the present) said as "expired" too, for the terms it is
    matched by.

    >>> ran_out_plain("when did the old agreement run out?"), ran_out_plain("did they run out of money?")
    ('when did the old agreement run out expired?', 'did they run out of money?')
    >>> ran_out_plain("when will the new one run out?")
    'when will the new one run out?'
    """
    return _RAN_OUT.sub(lambda m: m.group(0) if _FUTURE.search(question[:m.start()]) else m.group(0) + " expired",
                        question)


# "is it limited / restricted / confined to X?" frames a yes/no claim of confinement, which writers put as "focuses
# exclusively on X" or "only X"; the frame word is no topic (weighted, "limited" drew "a more limited range of
# technologies" ahead of the sentence confining the deal to X), so the claim is matched said as "only to X"
_CONFINED_FRAME = re.compile(r"\b(?:limited|restricted|confined)\s+(?=(?:only\s+|solely\s+|strictly\s+)?to\b)", re.I)


# "anything like X", "stuff like X" (general English): "like" there only hedges the thing asked ("such as"), naming no
# topic; as a term it drew a sentence listing "technologies like quantum computing" ahead of the one telling of X, and
# in a yes/no question that sentence gave the verdict. Only there: elsewhere it reorders reasons without a gain (dev)
_HEDGED_LIKE = re.compile(r"\b(anything|something|everything|stuff|things)\s+(?:like|such\s+as)\b", re.I)


# A yes/no question's idiom of barring (general English), said plainly too for the terms it is matched by: "is AI
# off-limits?" asks whether it is excluded (``rag.polarity`` hears "off-limits" as a denial); a wh-question's "what's off
# limits?" keeps its words: there "excluded" drew another listing (dev)
_OFF_LIMITS = re.compile(r"\boff[\s-]limits\b", re.I)


def off_limits_plain(text: str) -> str:
    """A yes/no question's "off-limits" with its plain word beside it.

    >>> off_limits_plain("is night fishing off-limits now?"), off_limits_plain("are the docks off limits?")
    ('is night fishing off-limits excluded now?', 'are the docks off limits excluded?')
    """
    return _OFF_LIMITS.sub(lambda m: m.group(0) + " excluded", text)


def said_plainly(text: str, intent: str) -> str:
    """The question with its phrasal verbs said plainly too, for the terms it is matched by: "left out" as "excluded",
    and "run out" as "expired" except in a yes/no question, which keeps its own words to find its verdict sentence and
    that sentence's sequel (probe: "did it run out in 2023?" lost the sequel of its verdict sentence); a yes/no
    question's frame of confinement ("limited to") and hedge ("anything like X") as "only" and "anything X".

    >>> said_plainly("when did it run out?", "fact"), said_plainly("did it run out?", "yes_no")
    ('when did it run out expired?', 'did it run out?')
    >>> said_plainly("is the permit limited to day routes?", "yes_no"), said_plainly("what limited the routes?", "yes_no")
    ('is the permit only to day routes?', 'what limited the routes?')
    >>> said_plainly("did it help with anything like ferry fares?", "yes_no"), said_plainly("is it like that?", "yes_no")
    ('did it help with anything ferry fares?', 'is it like that?')
    """
    if intent == "yes_no":
        return off_limits_plain(_CONFINED_FRAME.sub("only ", left_out_plain(_HEDGED_LIKE.sub(r"\1", text))))
    return ran_out_plain(left_out_plain(text))


# The two countries the whole corpus is about go by several names in plain English: "America", "the U.S." (whose
# long form "United States" the lexicon already folds into "us"), "American", "Chinese". General knowledge, not
# corpus wording: a side named one way is heard in a sentence naming it another ("what did America get" is
# answered by "the U.S. gained…"). Capitals are left out: "Washington vs Beijing" sets two governments apart, and
# a sentence naming the country ("China's firms…") speaks of more than its government (measured: a loss on dev).
PLACE_NAMES = {"us": "us", "usa": "us", "america": "us", "american": "us",
               "china": "china", "chines": "china"}


# "back in 79", "since '79": a year written with two digits, as people type it. Only after a word that introduces
# a time ("in", "since"…) or an apostrophe, never as a share or a decimal ("in 79%"), and after a word of time not
# before a content word ("in 79 ports" counts ports; "the '79 pact" is a year).
_SHORT_YEAR = re.compile(r"(?:\b(?:in|since|until|till)\s+|(?<![a-z])['’])(\d\d)\b(?!\s*%|[.,]\d)(?:\s+([a-z]+))?", re.I)


def full_years(text: str, known) -> tuple[str, dict[str, str]]:
    """``text`` with each two-digit year written in full when the articles know exactly one century of it
    ("79" is 1979 where they mention 1979 and not 2079), and the replacements made.

    >>> full_years("who signed it back in 79?", {"1979"}.__contains__)
    ('who signed it back in 1979?', {'79': '1979'})
    >>> full_years("was it renewed in 79 ports?", {"1979"}.__contains__)[0], full_years("in 79?", lambda t: False)[0]
    ('was it renewed in 79 ports?', 'in 79?')
    >>> full_years("did the '79 pact rise in 79%?", {"1979"}.__contains__)[0]
    'did the 1979 pact rise in 79%?'
    """
    fixes: dict[str, str] = {}

    def full(m: re.Match) -> str:
        yy, after = m.group(1), m.group(2)
        years = [c + yy for c in ("19", "20") if known(c + yy)]
        lead = m.group(0)[: m.start(1) - m.start(0)]
        if len(years) != 1 or (after and after.lower() not in STOPWORDS and lead[-1] not in "'’"):
            return m.group(0)
        fixes[yy] = years[0]
        lead = lead.rstrip("'’")
        return lead + years[0] + m.group(0)[m.end(1) - m.start(0):]

    return _SHORT_YEAR.sub(full, text), fixes
