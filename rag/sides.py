"""The two sides of a "X vs Y" question, and a side named by its stance ("critics", "supporters").

A comparison answer hears each side in its own sentence (``pick_sides``); the rest of this module
reads the question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.contrast import eras, in_era, narrated, of_extent, of_its_time, opened_apart
from rag.evidence import Candidate
from rag.pairs import possessed
from rag.neighbours import fresh as _fresh
from rag.stances import regarding_subject, stance_of_clause
from rag.kin import as_kin
from rag.replies import reply_bonus, replying_side
from rag.text import STOPWORDS, stem, terms

_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared? (?:to|with)|as opposed to|differ(?:s|ent)? from|contrast(?:ed)? with)\s", re.I)
SIDE_WORDS = 2  # content words on each side of "vs" that name that side
# "…vs china when it comes to science": a side ends where a clause of its own begins
_SUBORDINATORS = frozenset({"when", "if", "because", "since", "whenever", "once"})
# "the port vs the council on fares": the topic both sides share follows one of these, and is no side's own
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _side(words: list[str]) -> str:
    out, n = [], 0
    for w in words:
        if re.fullmatch(r"[,:;?!]", w) or w.lower() in TOPIC_PREPOSITIONS or w.lower() in _SUBORDINATORS:
            break  # "washington vs beijing: how…", "… vs beijing on chips": the side ends there
        out.append(w)
        n += w.lower() not in STOPWORDS
        if n >= SIDE_WORDS:
            break
    return " ".join(out)


def sides_of(text: str) -> list[str]:
    """The two things a question sets against each other: the words right before and after "vs" (or "differ from").

    >>> sides_of("what do critics vs supporters say about the pact")
    ['critics', 'supporters say']
    >>> sides_of("washington vs beijing: how has each side hit back"), sides_of("When was it signed?")
    (['washington', 'beijing'], [])
    >>> sides_of("the port vs the council on raising fares")  # "raising fares" is what both sides speak to
    ['the port', 'the council']
    """
    text = _VICE_VERSA.sub("", text)  # "X compared to Y and vice versa": the two sides each way round
    m = _VERSUS.search(text)
    if m and _ITS_PAST.match(text[m.end():]):  # "how is the new deal different from how it used to be?"
        return _against_its_past(text[:m.start()])
    if not m or re.match(r"\s*(?:what|where|how)\b", text[m.end():], re.I):
        return clause_sides(text)  # "what did X get vs what Y got": each side is the subject of its own clause
    tok = r"[\w'\-.]+|[,:;?!]"
    before, after = re.findall(tok, text[:m.start()]), re.findall(tok, text[m.end():])
    a = " ".join(reversed(_side(list(reversed(before))).split()))
    b = _side(after)
    a = _subject_of(text[:m.start()], a)
    one = _standing_for(after)
    if one:  # "the 1979 deal vs the 2024 one": "deal" is what both are, the years set them apart
        a, b = _modifiers(before), one
    elif pair := possessed(before, after):  # "trump's update differ from biden's": the owners are the sides
        owner, b = pair
        a = " ".join(reversed(_side(list(reversed(owner))).split()))
    elif _dated(text[m.end():]) and terms(_modifiers(before)):  # "the trump-era update vs the changes made in 2024"
        a, b = _modifiers(before), _dated(text[m.end():])
    return [a, b] if terms(a) and terms(b) else []


_AUX = re.compile(r"\b(?:is|are|was|were|did|does|do|has|have|had)\b", re.I)
_VICE_VERSA = re.compile(r",?\s*(?:and|or)\s+vice\s+versa\b", re.I)
# "different from how it used to be / what it was": the thing set against its own earlier self; general English
_ITS_PAST = re.compile(r"\s*(?:how|what)\s+(?:it|they|things|this|that)\s+(?:used\s+to\s+be|was|were)\b", re.I)


def _against_its_past(before: str) -> list[str]:
    """The sides of a thing set against its past: the thing as named now ("the new deal": "new"), and "old"."""
    a = _subject_of(before, " ".join(reversed(_side(list(reversed(re.findall(r"[\w'\-.]+|[,:;?!]", before)))).split())))
    return [a, "old"] if terms(a) else []


def _subject_of(before: str, side: str) -> str:
    """The first side when it ends a wh-clause ("what is the port better at vs the council"): that clause's subject
    ("port"), not the words after it that ask about both ("better"); else ``side`` unchanged.

    >>> _subject_of("what is the port better at", "port better"), _subject_of("the old port", "old port")
    ('port', 'old port')
    >>> _subject_of("how do harbour pilots see the fee", "see fee")  # whose view is asked: ``regarding_subject``
    'harbour pilots'
    >>> _subject_of("what is the port better at in fares", "better at in fares"), _subject_of("how long were the waits", "waits")
    ('port', 'waits')
    """
    ms = list(_WH_CLAUSE.finditer(before))
    subject = ms[-1].group(1) if ms else ""
    if subject.lower() in side.lower().split():
        return subject
    # "what is the port better at in fares vs…": the side's words all ask about the clause's subject after its verb
    # (not "how long were the extensions": "long" follows no verb and is no subject)
    after = (subject and _AUX.search(ms[-1].group(0)) and subject.lower() not in STOPWORDS
             and set(terms(before[ms[-1].end(1):])) >= set(terms(side)))
    return (ms and regarding_subject(before[ms[-1].start(1):])) or (subject if after else side)


# "the changes made in 2024", "the pact signed in 1979": a noun phrase set apart by the year that follows it
_DATED = re.compile(r"^\s*(?:the\s+|its\s+|their\s+)?(?:[a-z\-]+\s+){1,3}?in\s+((?:1[89]|20)\d\d)\b", re.I)


def _dated(after: str) -> str:
    """The year that sets the other side's noun phrase apart ("the changes made in 2024": "2024"), or "".

    The noun ("changes") is what both sides are, said in other words ("the Trump-era update"); the year is the
    side's own, as the modifier before the first side's noun is its own.

    >>> _dated("the changes made in 2024?"), _dated("the council on fares in 2024"), _dated("the council")
    ('2024', '', '')
    """
    m = _DATED.match(after)
    return m.group(1) if m and not set(m.group(0).lower().split()) & TOPIC_PREPOSITIONS else ""


# English words after which a noun phrase's head is done and its complement begins ("the change to the pact")...
_PREPOSITIONS = frozenset({"to", "of", "in", "on", "for", "under", "with", "from", "at", "by", "about"})
# ...and words that open a noun phrase ("the", "its"), or end the words before it ("how did", "is")
_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my"})


def _standing_for(after: list[str]) -> str:
    """The words before a "one" that stands for the other side's noun ("the 2024 one in scope": "2024"), or "".

    >>> _standing_for("the 2024 one in scope".split()), _standing_for("the council on fares".split())
    ('2024', '')
    """
    words = after[1:] if after and after[0].lower() in _OPENERS else after
    for i, w in enumerate(words[:3]):
        if w.lower() in ("one", "ones"):
            return " ".join(words[:i]) if terms(" ".join(words[:i])) else ""
    return ""


def _modifiers(before: list[str]) -> str:
    """What sets apart the noun phrase ending ``before`` ("how did the trump-era change to the pact"): the words
    before its head noun ("trump-era"), its complement ("to the pact") left out.

    >>> _modifiers("how did the trump-era change to the pact".split()), _modifiers("how is the 1979 deal".split())
    ('trump-era', '1979')
    """
    words = list(before)
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in _PREPOSITIONS and words[i - 1].lower() not in _OPENERS:
            words = words[:i]  # "change to the pact": the complement names no side
            break
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() not in _OPENERS and words[start - 1].lower() not in STOPWORDS:
        start -= 1
    return " ".join(words[start:-1])


# "where is X stronger and where is Y stronger", "what's X good at vs what's Y good at": two parallel questions,
# each asking about its own subject. "which"/"who" are left out: "which leaders…" asks for the noun after it; a
# wh-word is no subject ("how does what the port charges…": the clause is "what the port charges").
_WH_CLAUSE = re.compile(r"\b(?:what|where|how)(?:'s\s+|\s+)(?:(?:is|are|was|were|did|does|do|has|have|had)\s+)?(?:the\s+)?"
                        r"(?!(?:what|where|how)\b)([\w.\-']+)", re.I)
# ...joined by a word that sets them side by side ("and", "vs", "contrast with": "how does what X does contrast with
# what Y does", "clash with")
_JOINED = re.compile(r"(?:\band|\bvs\.?|\bversus|\bcompared? (?:to|with)|\bbut|\bcontrast(?:s|ed)? (?:to|with)|"
                     r"\bin contrast to|\bclash(?:es|ed)? with|\bconflicts? with)\s*$", re.I)


def clause_sides(text: str) -> list[str]:
    """The subjects of two questions set side by side ("what did the port get vs what the council got"), or [].

    >>> clause_sides("where is the port busier and where is the council busier?"), clause_sides("what is it and who signed it?")
    (['port', 'council'], [])
    >>> clause_sides("how does what the port charges contrast with what the council pays?")
    ['port', 'council']
    >>> clause_sides("how does the port view compare with what the council wants?")  # "compare", not only "compared"
    ['port', 'council']
    """
    ms = list(_WH_CLAUSE.finditer(text))
    for a, b in zip(ms, ms[1:]):
        x, y = a.group(1).lower(), b.group(1).lower()
        if _JOINED.search(text[a.end():b.start()]) and x != y and x not in STOPWORDS and y not in STOPWORDS:
            return [a.group(1), b.group(1)]
    return []


def unnamed_sides(sides: list[list[str]], naming: set[str]) -> list[list[str]]:
    """The sides, unless one is named by an article ("the harbour piece's view vs the new law"): an article's
    sentences never name it, so such a comparison is read article by article ([]); a word both sides hold is no
    side's own.

    >>> unnamed_sides([["view", "fare"], ["harbour", "post"]], {"harbour", "post"}), unnamed_sides([["port"], ["council"]], set())
    ([], [['port'], ['council']])
    >>> unnamed_sides([["old", "style"], ["new", "style"]], set())  # what both share names neither
    [['old'], ['new']]
    """
    if any(set(s) & naming for s in sides):
        return []
    shared = set.intersection(*(set(s) for s in sides)) if sides else set()
    own = [[t for t in s if t not in shared] for s in sides]  # "trump-era vs biden-era": "era" sets neither apart
    return own if all(own) else sides


# A side named by its stance ("critics", "supporters") is heard in the words that take that stance:
# general English for finding fault or finding worth (never a stem the stance noun collides with: "critical").
_FAULT = ("concern", "worry", "fear", "risk", "threat", "danger", "oppose", "warn", "cancel", "condemn", "attack",
          "doubt", "harm", "against", "undermine", "threaten")
_WORTH = ("benefit", "advantage", "value", "valuable", "gain", "vital", "essential", "important", "help",
          "opportunity", "success", "progress", "positive", "useful")
STANCES = {**{stem(w): {stem(x) for x in _FAULT} for w in ("critics", "opponents", "skeptics", "sceptics", "detractors")},
           **{stem(w): {stem(x) for x in _WORTH} for w in ("supporters", "proponents", "advocates", "backers",
                                                             "defenders")}}


def stance_side(side: list[str], phrase: str = "") -> list[str]:
    """A side's terms, or, when the side is a stance ("critics", "the folks who back the ferry plan"), the words
    that take that stance.

    >>> "concern" in stance_side(["critic", "pact"]), "critic" in stance_side(["critic"]), stance_side(["washington"])
    (True, False, ['washington'])
    >>> "benefit" in stance_side(["folk", "back"], "the folks who back the ferry plan")
    True
    """
    for t in side:
        if t in STANCES:
            return sorted(STANCES[t])
    clause = stance_of_clause(phrase)
    return sorted(STANCES[stem(clause)]) if clause else side


SIDE_BONUS = 0.3  # compare: a sentence naming one side's terms ("critics") gains up to this much for that side
SIDE_FULL = 2  # ...reached at this many of the side's terms (a stance side has a dozen words, no sentence holds them all)


def side_bonus(side: set[str], c: Candidate, era: frozenset = frozenset()) -> float:
    """How much a sentence gains for one side of a comparison: ``SIDE_BONUS`` at ``SIDE_FULL`` of its terms.

    A stance side ("supporters") is a dozen words that take it (benefit, vital, valuable…): a sentence
    holding two of them ("its benefits are vital") speaks for that side, and must outweigh a better-scoring
    sentence with one in passing ("it raised fears, though with one benefit").
    """
    return SIDE_BONUS * min(1.0, len(side & as_kin(in_era(c.terms, side, era), side)) / min(len(side), SIDE_FULL))


# "the port gained fares, while the council lost berths": general English markers of contrast or of a reply, one of
# which stands between the two sides' names when a sentence speaks of each in turn (not in "the port, modelled on
# the council's, …", which names both but says one thing)
_CONTRAST = re.compile(r"\b(?:while|whereas|but|however|yet|meanwhile|unlike|instead|in turn|even as|in contrast|"
                       r"by contrast|on the other hand|in response|opposed to|at odds with)\b", re.I)
APART = 4  # words from one side's name to the other's for a sentence to speak of each on its own ("the port and the council": 3)


def _mentions(text: str, one: set[str], other: set[str]) -> list[int]:
    """Word positions where ``text`` names side ``one`` on its own: not inside a hyphened pair with ``other``
    ("the port-council talks" names the pair, not either side).

    >>> _mentions("port-council talks; the port won", {"port"}, {"council"})
    [3]
    """
    out, names = [], tuple(one | other)  # iterated in the order ``as_named`` always saw them
    for i, w in enumerate(text.split()):
        ts = named_word(w, names)
        if ts & one and not ("-" in w and ts & other):
            out.append(i)
    return out


@lru_cache(maxsize=65536)
def named_word(word: str, names: tuple[str, ...]) -> frozenset[str]:
    """A word's terms, places and kin words read as the side they name among ``names`` (``kin.as_kin``). Remembered: a comparison
    reads each word of each candidate sentence for each side, and the same sentences and sides come back.

    >>> sorted(named_word("Chinese-American", ("china", "america")))
    ['america', 'china']
    """
    return frozenset(as_kin(set(terms(word)), names))


def sets_apart(text: str, a: set[str], b: set[str]) -> bool:
    """Does a sentence speak of each side on its own ("the port gained fares, while the council lost berths"),
    not of both as one ("the port and the council", "port-council talks"), nor of one in the other's terms
    ("the port's board was modelled on the council's")? A marker of contrast stands between the two names.

    >>> sets_apart("the port gained fares, while the council lost berths", {"port"}, {"council"})
    True
    >>> sets_apart("the port and the council met", {"port"}, {"council"}), sets_apart("port-council talks", {"port"}, {"council"})
    (False, False)
    >>> sets_apart("the port's new board was closely modelled on the council", {"port"}, {"council"})
    False
    """
    xs, ys = _mentions(text, a, b), _mentions(text, b, a)
    words = text.split()
    return any(abs(x - y) >= APART and (_CONTRAST.search(" ".join(words[min(x, y) + 1:max(x, y)]))
                                        or opened_apart(words, min(x, y), max(x, y))) for x in xs for y in ys)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def of_its_year(side: set[str], cands: list[Candidate], other: frozenset = frozenset()) -> list[Candidate]:
    """For a side named by a year ("the 2024 changes"), the sentences that name no other year, when any do; for a
    side named otherwise ("the original charter") set against a year (``other``), those not naming that year.

    "In 2024 the port updated its 1979 charter" dates one time against another: it tells neither time's own
    state, and a sentence holding both years ranks high for every comparison of the two.

    >>> from types import SimpleNamespace as S
    >>> cs = [S(text="In 2024 the port updated its 1979 charter."), S(text="The 2024 changes cut fares.")]
    >>> [c.text for c in of_its_year({"2024"}, cs)], len(of_its_year({"port"}, cs))
    (['The 2024 changes cut fares.'], 2)
    >>> [c.text for c in of_its_year({"origin"}, cs + [S(text="The original charter set fares.")], frozenset({"2024"}))]
    ['The original charter set fares.']
    """
    years = {t for t in side if _YEAR.fullmatch(t)}
    if years:
        own = [c for c in cands if set(_YEAR.findall(c.text)) <= years]
    else:
        own = [c for c in cands if not set(_YEAR.findall(c.text)) & {t for t in other if _YEAR.fullmatch(t)}]
    return own or cands


def pick_sides(query, cands: list[Candidate]) -> list[Candidate]:
    """ "critics vs supporters": for each side, the best sentence that names it (none if no sentence does),
    preferring one that names the side on its own, and one that sets both sides apart (it answers for each)."""
    return [order[0][1] for order in side_orders(query, cands)]


def side_orders(query, cands: list[Candidate]) -> list[list[tuple[float, Candidate]]]:
    """Each side's sentences (not one heard for an earlier side) with their worth for it, best first, if any."""
    chosen, orders = [], []
    sides, times = [set(s) for s in query.sides], [frozenset(e) for e in eras(query.sides)]
    named = all(len(s) <= SIDE_WORDS for s in sides)  # a stance side is a dozen words of attitude, not a name
    replying = replying_side(getattr(query, "text", ""), query.sides) if named else None  # "…how did X answer?": its reply
    for i, st in enumerate(sides):
        rest = set().union(*(s for j, s in enumerate(sides) if j != i)) if named else set()
        pool = [c for c in cands if c.passage.kind == "body" and st & as_kin(in_era(c.terms, st, times[i]), st)
                and _fresh(c, chosen)]
        pool = of_its_year(st, pool, frozenset(rest))  # a year's own sentence, not one dating it against another year
        if pool and len(times) == 2:  # ...nor one leading to the other
            pool = of_its_time(times[i] and st | times[i], times[1 - i], pool, query.text)
        own = [c for c in pool if _mentions(c.text, st | times[i], rest)] if rest else pool
        if order := sorted(((c.score + side_bonus(st, c, times[i]) + (SIDE_BONUS if rest and sets_apart(c.text, st, rest)
                                                                       else 0.0) - narrated(c.text, times[i], query.text)
                             + of_extent(c.terms, times[i], query.text) + reply_bonus(i == replying, c.text), c)
                            for c in own or pool), key=lambda x: -x[0]):
            chosen.append(order[0][1])
            orders.append(order)
    return orders


# Words that attribute what follows to a source: "per X", "according to X", "in X" ("in the harbour piece") before
# its name, or a verb of saying right after it ("does the harbour piece say…", "how does the port column describe…").
# General English for reporting or portraying speech: a name framed so is where the whole comparison is to be read.
_FRAMING_BEFORE = {"per", "in", "according"}
_SAYING = set("say says said describe describes described argue argues argued think thinks put puts see sees frame frames "
              "framed portray portrays portrayed claim claims write writes wrote suggest suggests".split())
# ...and the words that may stand between such a word and the name ("per the harbour piece", "the port column says")
_BETWEEN = {"the", "to", "this", "that", "s", "piece", "article", "op", "ed", "column", "story", "report", "essay",
            "writer", "writers", "author", "authors", "one", "analysis"}


def framed_by(text: str, naming: set[str]) -> bool:
    """Does the question read its comparison inside one named article ("per the harbour piece, old vs new fares")
    rather than set that article against something else ("the harbour piece vs the new law")?

    >>> framed_by("old vs new fares, per the harbour piece?", {"harbour"}), framed_by("how does dockside say it changed?",
    ...                                                                                  {"docksid"})
    (True, True)
    >>> framed_by("the harbour piece vs the new law", {"harbour"}), framed_by("how does the harbour view compare with it?",
    ...                                                                        {"harbour"})
    (False, False)
    """
    toks = re.findall(r"[a-z0-9]+", text.lower())
    for i, t in enumerate(toks):
        if stem(t) not in naming:
            continue
        j = i - 1
        while j >= 0 and toks[j] in _BETWEEN:
            j -= 1
        k = i + 1
        while k < len(toks) and (toks[k] in _BETWEEN or stem(toks[k]) in naming):
            k += 1
        if (j >= 0 and toks[j] in _FRAMING_BEFORE) or (k < len(toks) and toks[k] in _SAYING):
            return True
    return False
