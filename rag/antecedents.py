"""What a follow-up's pronoun stands for, read from the last question (and its answer's citations).

A follow-up's "it", "they", "she" or "those" points at a thing or a person the last question named; these
helpers find the candidates in that question (``subjects``: an acronym, a name, a "the …" noun phrase, the
plural thing a "which …s" question asks about) and pick the one that agrees in number, or a person
(``person_of``), or the writers an answer named (``writers``). ``rag.followup`` decides when to use them.

>>> subject("when did they renew the pact?", plural=False)
'the pact'
>>> subject("what do the port and Oslo each do best?", plural=True)
'the port and Oslo'
"""

from __future__ import annotations

import re

from rag.objects import before_object, no_later_verb  # "does the pact force us agencies…": the subject ends at its verb
from rag.text import PLACE_NAMES, STOPWORDS, stem, tokens

WH = {"what", "when", "who", "why", "how", "where", "which", "whom", "whose", "does", "did", "is", "was", "were", "are",
      "do", "can", "could", "will", "would", "has", "have", "had"}
PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those)\b", re.I)
TIME_NOUN = re.compile(r"(?:time|year|week|month|day|round)s?$", re.I)  # "this time": an adverb, no reference
# A noun phrase may open with a year or number ("the 2024 renewal").
_NP = re.compile(r"\b(?:the|this|that|these|those)\s+([a-z0-9][\w.\-']*(?:\s+[a-z][\w.\-']*){0,3})", re.I)
# "get/got" make a passive ("did the renewal get signed"): a verb, like the participle after it.
_NOT_NOUN = re.compile(r"^(?:first|last|ever|still|now|just|originally|also|really|actually|almost|nearly|already|"
                       r"again|never|get|gets|got|gotten|\w+ed|\w+ing|\w+ly)$", re.I)
_ADJECTIVE = re.compile(r"\w+ed$|(?:first|last|second|third|next)$", re.I)  # before a noun: "the renewed/first deal"


def noun_phrase(words: list[str]) -> list[str]:
    """The run of noun-phrase words that opens ``words``; a participle opening it before a noun is an adjective.

    >>> noun_phrase("renewed deal last".split()), noun_phrase("renewed in 2024".split()), noun_phrase(["renewed"])
    (['renewed', 'deal'], [], [])
    """
    out = []
    for i, w in enumerate(words):
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if not out and _ADJECTIVE.match(w) and nxt and nxt not in STOPWORDS and not _NOT_NOUN.match(nxt):
            out.append(w)  # "the renewed deal", "the updated pact", "the first plan": an adjective before a noun
            continue
        if w.lower() in STOPWORDS or w.lower() in WH or _NOT_NOUN.match(w):
            break
        out.append(w)
    return out


# "which ports were…", "what tech areas got…", "what tech does X leave out", "which ports trade…" (a bare verb, not a
# preposition, article or pronoun): the thing asked about (a passive with "got", or the object of "does/did", is too).
WH_PLURAL = re.compile(r"^\W*(?:which|what)\s+((?:[A-Za-z\-]+\s+){0,2}[A-Za-z\-]{3,}(?<!ss)(?<!us)(?<!is)s)\s+"
                        r"(?:are|were|have|had|do|did|can|could|will|would|has|got|get|(?!(?:of|in|on|at|for|to|with|"
                        r"from|by|about|under|between|and|or|if|is|the|a|an|it|they|we|you|he|she|i)\b)[a-z]+(?<!s))\b"
                        r"|^\W*(?:which|what)\s+((?:[A-Za-z\-]+\s+){0,2}[A-Za-z\-]{3,})\s+(?:do|does|did)\b", re.I)
# A compound of names joined by a hyphen ("Oslo-Bergen", "Franco-Prussian") modifies the noun after it.
_NAME_COMPOUND = re.compile(r"^(?:the\s+)?[A-Z][\w.]*-[A-Z][\w.\-]*$", re.I)


def subjects(question: str) -> list[str]:
    """The things a question may be about, most likely first: an acronym, a capitalised name, a "the …" noun
    phrase, else its first content words; the plural noun a "which …s" question asks about comes first."""
    q = question.strip().rstrip("?")
    out = []
    wh = WH_PLURAL.match(q)
    asked = (wh.group(1) or wh.group(2)).split() if wh else []
    if asked and not any(w.lower() in STOPWORDS or w.lower() in WH for w in asked):  # not "what does the X do"
        out.append("the " + " ".join(asked))
    acr = re.search(r"\b(?:the\s+)?[A-Z][A-Z&]{1,}\b(?![\-\w])", q)
    if acr:
        out.append(acr.group(0) if acr.group(0).lower().startswith("the ") else "the " + acr.group(0))
    name = re.search(r"(?:\b[Tt]he\s+)?(?<!^)\b[A-Z][\w.\-]*(?:\s+(?:and\s+)?[A-Z][\w.\-]*)*", q[1:])
    if name:
        n = name.group(0).strip()
        if _NAME_COMPOUND.match(n):  # "the Oslo-Bergen ferry accord": the name only modifies the noun
            n = " ".join([n] + noun_phrase(q[1 + name.end():].split()))
        out.append(n)
    for m in _NP.finditer(q):  # "when did they renew the pact": the pact, not "renew"
        np_ = noun_phrase(m.group(1).split())
        nxt = (m.group(1).split()[len(np_):] + q[m.end(1):].split() + [""])[0]
        np_ = np_[:-1] if _verb_closes(q, m, np_) else before_object(np_, nxt) if _DO_BEFORE.search(q[:m.start()]) else np_
        if np_:
            out.append("the " + " ".join(np_) + coordinated(" ".join(m.group(1).split()[len(np_):]) + q[m.end(1):]))
            break
    run: list[str] = []
    for w in tokens(q):  # the first run of consecutive content words is the subject noun phrase
        if w in STOPWORDS or w in WH:
            if run:
                break
            continue
        run.append(w)
    if run and len(run) > 1 and _DO_SUPPORT.match(q) and len(run) == _verb_at(q, run) and not is_plural(run[-1]):
        run = run[:-1]  # "what did house republicans think of…": after do-support the run closes with the verb
    if run:
        out.append("the " + " ".join(run[:4]))
    return out


# "what did X think…", "why do critics say…": a wh-word and do-support, then the subject, then the bare verb
_DO_SUPPORT = re.compile(r"^\W*(?:what|why|how|when|where)\s+(?:do|does|did)\s", re.I)


def _verb_at(q: str, run: list[str]) -> int:
    """How many words of ``run`` follow the do-support directly (the run is right after it, so its last word is the
    verb), else 0. (The caller keeps a last word in -s: do-support takes the bare verb, so "what did house
    republicans say…", whose verb is a stop word, ends its run on the plural noun.)

    >>> _verb_at("what did house republicans think of it", ["house", "republicans", "think"])
    3
    >>> _verb_at("what did the old house republicans think", ["old", "house"])
    0
    """
    m = _DO_SUPPORT.match(q)
    return len(run) if m and tokens(q[m.end():])[:len(run)] == run else 0


def coordinated(rest: str) -> str:
    """ "the port and Oslo are…": a second one-word noun joined by "and" belongs to the same subject, which is
    then several things ("they"). A longer conjunct is left out: "the science and technology agreement" is one thing.

    >>> coordinated("and oslo are each good at"), coordinated("and the city"), coordinated("and technology pact")
    (' and oslo', '', '')
    """
    words = rest.split()
    if len(words) < 2 or words[0].lower() != "and":
        return ""
    word, after = words[1].strip("?,."), (words[2].lower() if len(words) > 2 else "")
    ok = lambda w: w.lower() not in STOPWORDS and w.lower() not in WH and not _NOT_NOUN.match(w)
    return f" and {word}" if ok(word) and (not after or not ok(after)) else ""


def is_plural(phrase: str) -> bool:
    """Does a noun phrase name several things ("Harbor Democrats", "the Danish bakeries"; not "the OBA")?

    >>> is_plural("Harbor Democrats"), is_plural("the OBA"), is_plural("the progress"), is_plural("the NGOs")
    (True, False, False, True)
    """
    last = phrase.split()[-1] if phrase.split() else ""
    if re.search(r"\s+and\s+\S+$", phrase):  # "the port and Oslo": two things
        return True
    return bool(re.search(r"[A-Za-z]s$", last)) and not re.search(r"(?:ss|us|is)$", last)


def subject(question: str, plural: bool | None = None) -> str:
    """The thing a question was about; for "they" a plural one, for "it" a singular one, when the question has one."""
    found = subjects(question)
    if plural is not None:
        agree = [x for x in found if is_plural(x) == plural]
        found = agree or found
    return found[0] if found else ""


PERSONAL = re.compile(r"\b(she|he|her|him|his)\b", re.I)
_PERSON_NAME = re.compile(r"(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def person_of(last) -> str:
    """Whom "she"/"he" stands for: a person the last question named ("What did Ann Lee argue?", or "what did ann
    lee argue?" as the answer spells her), else the writer of the article its answer cited (after "who wrote the
    piece?"); "" when there is none. Why: readers type names in lower case; the answer quoting them capitalises them.

    >>> from rag.followup import Turn as T
    >>> person_of(T("What did Ann Lee argue?")), person_of(T("what did ann lee say?", [{"authors": ["Bo"]}], said="So Ann Lee said."))
    ('Ann Lee', 'Ann Lee')
    """
    sources, asked = " ".join(f"{c.get('outlet') or ''} {c.get('title') or ''}" for c in last.cited).lower(), last.question.lower()
    for m in [*_PERSON_NAME.finditer(last.question.strip()), *_PERSON_NAME.finditer(last.said or "")]:
        if m.group(0).lower() not in sources and m.group(0).lower() in asked:  # "the Harbor Daily Times piece" names an outlet, not a person
            return m.group(0)
    return next((c["authors"][0] for c in last.cited if c.get("authors")), "")


def personal(question: str, last) -> str | None:
    """ "where does she work?": the pronoun replaced by the person; None when no person is known."""
    p = PERSONAL.search(question)
    who = person_of(last) if p else ""
    if not who:
        return None
    word, rest = p.group(0).lower(), question[p.end():]
    own = word == "his" or (word == "her" and re.match(r"\s+[a-z]", rest) and rest.split()[0].lower() not in STOPWORDS)
    return question[:p.start()] + who + ("'s" if own else "") + rest


_PLURAL_PERSONAL = re.compile(r"\b(they|them|their)\b", re.I)
# "who wrote the piece?", "who are the authors?": a byline question, after which "they" are its writers (asked_people)
_AUTHORSHIP = re.compile(r"^\W*(?:(?:and|so|ok)\s+)?who\s+(?:wrote|writes|authored|penned|co-?wrote|"
                         r"(?:is|are|was|were)\s+(?:the\s+)?(?:author|writer|co-?author|byline)s?)\b", re.I)


def writers(question: str, last) -> str | None:
    """ "what are their backgrounds?" after "who wrote the piece?": "they" are the writers the answer named, when it
    named several (for one writer "they" would be the piece's subject). None otherwise.

    >>> from rag.followup import Turn
    >>> writers("where are they based?", Turn("who wrote it?", [{"authors": ["Ann Lee", "Bo Park"]}]))
    'where are Ann Lee and Bo Park based?'
    >>> writers("what are their backgrounds?", Turn("who wrote it?", [{"authors": ["Ann Lee", "Bo Park"]}]))
    "what are Ann Lee and Bo Park's backgrounds?"
    """
    p = _PLURAL_PERSONAL.search(question)
    authors = next((c["authors"] for c in last.cited if c.get("authors")), [])
    if not p or len(authors) < 2 or not _AUTHORSHIP.match(last.question):
        return None
    who = " and ".join(authors)
    return question[:p.start()] + who + ("'s" if p.group(0).lower() == "their" else "") + question[p.end():]


_WHO_ASKED = re.compile(r"^\W*(?:(?:and|so|ok|but)\s+)?who(?:m|se)?\b", re.I)
_PEOPLE_PRONOUN = re.compile(r"\b(?:they|them|their|he|him|his|she|her)\b", re.I)


def asked_people(question: str, last) -> bool:
    """Does the follow-up's "they"/"he"/"she" stand for the people a "who …?" question asked for ("who in the
    council opposed the plan?" -> "what do they want instead?")? So when the last question asked "who", not about a
    byline, and named no person itself. Why: those people are the last question's answer, not the cited article's
    writers nor a thing that question named ("the plan"); the question that asked for them is what finds them.

    >>> from rag.followup import Turn as T
    >>> asked_people("what do they want?", T("who in the council opposed it?")), asked_people("and he?", T("who wrote it?"))
    (True, False)
    >>> asked_people("where does she work?", T("who did Ann Lee meet?")), asked_people("when was it?", T("who signed?"))
    (False, False)
    """
    q = last.question.strip()
    return bool(_PEOPLE_PRONOUN.search(question) and _WHO_ASKED.match(q)) and not (_AUTHORSHIP.match(q) or _PERSON_NAME.search(q))


def no_antecedent(word: str, last_question: str) -> bool:
    """ "they"/"it" when the last question names nothing of that number ("what did they find?" after "did the
    writer visit the port?"): then it stands for what the answer told. A "which/what …s" opening names a plural.

    >>> no_antecedent("they", "did the writer visit the port?"), no_antecedent("they", "which ports closed?")
    (True, False)
    """
    plural = word in ("they", "them", "their")
    if plural and re.match(r"^\W*(?:what|which)\s+(?:[a-z\-]+\s+){0,2}[a-z\-]{3,}s\b", last_question, re.I):
        return False
    return not any(is_plural(x) == plural for x in subjects(last_question))


_POINTING = re.compile(r"\b(?:these|those)(?:\s+ones)?\b", re.I)


def pronoun(question: str):
    """The pronoun that stands for the last question's thing. "those"/"these" point at things named before, while
    "they" beside them is usually the people acting ("why did they leave those out?"), so the pointing word wins.

    >>> pronoun("why did they leave those out?").group(0), pronoun("why cut those ones?").group(0)
    ('those', 'those ones')
    >>> pronoun("when did they sign it?").group(0)
    'they'
    """
    return _POINTING.search(question) or PRONOUN.search(question)


def determiner(question: str, p) -> bool:
    """Is the demonstrative ``p`` a determiner before a noun ("that change") rather than a pronoun ("who did that")?

    >>> q = "when did that change happen?"; determiner(q, re.search("that", q))
    True
    >>> q = "who did that?"; determiner(q, re.search("that", q))
    False
    >>> q = "what year did that happen?"; determiner(q, re.search("that", q))
    False
    """
    if p.group(0).lower() not in ("this", "that", "these", "those"):
        return False
    nxt = re.match(r"\s+([A-Za-z][\w\-']*)(\s+[A-Za-z][\w\-']*)?", question[p.end():])
    if nxt and _DO_BEFORE.search(question[:p.start()]) and _verb_slot(nxt.group(2)):
        return False  # "did that happen?", "does that change the deal?": after "did" the word is the verb
    return bool(nxt) and nxt.group(1).lower() not in STOPWORDS and nxt.group(1).lower() not in WH \
        and not _NOT_NOUN.match(nxt.group(1)) and not TIME_NOUN.match(nxt.group(1))


# "did/does/will that X …": with no second content word after X, X is the question's verb ("did that happen?",
# "does that change the deal?"); a noun after "that" needs a verb of its own ("did that change happen?").
_DO_BEFORE = re.compile(r"\b(?:do|does|did|will|would|can|could|should|may|might)\s*$", re.I)


def _verb_slot(after: str | None) -> bool:
    """Is the word after the one following "did that" no content word (so that one was the verb)?

    >>> _verb_slot(None), _verb_slot(" the"), _verb_slot(" happen")
    (True, True, False)
    """
    if after is None:
        return True
    w = after.strip().lower()
    return w in STOPWORDS or w in WH


# Particles of phrasal verbs ("leave out", "set up", "cut off"): after a run of content words they end its verb
_PARTICLE = re.compile(r"(?:out|up|off|down|away|back|aside)\b", re.I)


def _verb_closes(q: str, m, np_: list[str]) -> bool:
    """After "did/does/will the …" the subject needs a verb of its own, so when the run of content words ends the
    question ("when did the ferry pact lapse?") or a verb particle follows it ("…leave out of…"), its last word is that
    verb, not part of the subject, as when only one-noun phrases follow ("…change in the pact?"). (Else a run ending
    before a preposition is left whole: "did the ferry pact with Oslo lapse?" puts the verb later.)

    >>> q = "when did the ferry pact lapse"; _verb_closes(q, _NP.search(q), ["ferry", "pact", "lapse"])
    True
    >>> q = "when was the ferry pact renewal"; _verb_closes(q, _NP.search(q), ["ferry", "pact", "renewal"])
    False
    >>> q = "did the old ferry pact deal lapse"; _verb_closes(q, _NP.search(q), ["old", "ferry", "pact", "deal"])
    False
    >>> q = "what did the 2020 plan leave out of the pact"; _verb_closes(q, _NP.search(q), ["2020", "plan", "leave"])
    True
    """
    if len(np_) < 2 or not _DO_BEFORE.search(q[:m.start()]):
        return False
    rest = (" ".join(m.group(1).split()[len(np_):]) + q[m.end(1):]).strip(" ?!.")  # the group holds four words at most
    return not rest or bool(_PARTICLE.match(rest)) or no_later_verb(rest)  # a particle closes a phrasal verb


# "anything", "something", "any X": a thing the last question asked after without naming it
_INDEFINITE = re.compile(r"\b(?:anything|something|anyone|someone|anybody|somebody)\b", re.I)


def indefinite(word: str, last_question: str) -> bool:
    """Does "it"/"that" stand for the unnamed thing the last question asked after ("did the port copy anything
    from Oslo?" -> "what was it?")? Then no noun of that question is meant: "it" is what its answer found.

    >>> indefinite("it", "did the port copy anything from Oslo?"), indefinite("it", "did the port copy the Oslo plan?")
    (True, False)
    >>> indefinite("they", "did the port copy anything from Oslo?")
    False
    """
    return word in ("it", "that", "this") and bool(_INDEFINITE.search(last_question))


# One of the two countries, named in any of its forms, alone or as a side ("the chinese side", "china's side")
_COUNTRY_WORD = re.compile(r"(?:\b[Tt]he\s+)?(?<![\w.])([A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z]))*\.?)('s)?(?![\w.'])")
_SIDE_TAIL = re.compile(r"\s+(?:side|government|end|part)\s*$", re.I)
_COUNTRY_NOUN = {"us": "the US", "china": "China"}


def _country(word: str, the: bool) -> str:
    """The country a word names ("chinese", "U.S.", "the us"); a lower-case "us" only after "the" (else a pronoun)."""
    plain = word.replace(".", "")
    if plain == "us" and not the:
        return ""
    return PLACE_NAMES.get(stem(plain.lower()), "") if plain.lower() != "u" else ""


def other_side(new: str, base: str) -> str:
    """ "what about the chinese side?" after "what did the US get out of the pact?": the last question asked of the
    other country ("what did China get out of the pact"), its one country swapped; "" when ``new`` names no country
    or the last question names none, or both. Why: the question is the same, only the side changes; replacing
    its last word instead ("…out of the the chinese side") loses the verb and keeps the wrong side.

    >>> other_side("the chinese side", "what did the US get out of the pact"), other_side("America", "is China ahead")
    ('what did China get out of the pact', 'is the US ahead')
    >>> other_side("china's side", "what is China good at"), other_side("quantum", "what did the US get")
    ('', '')
    """
    m = _COUNTRY_WORD.fullmatch(_SIDE_TAIL.sub("", new.strip()))
    now = _country(m.group(1), m.group(0)[:3].lower() == "the") if m else ""
    if not now:
        return ""
    found = [(x, _country(x.group(1), x.group(0)[:3].lower() == "the")) for x in _COUNTRY_WORD.finditer(base)]
    found = [(x, c) for x, c in found if c]
    if len({c for _, c in found}) != 1 or found[0][1] == now:
        return ""
    out = base
    for x, _ in reversed(found):
        out = out[:x.start()] + _COUNTRY_NOUN[now] + (x.group(2) or "") + out[x.end():]
    return out
