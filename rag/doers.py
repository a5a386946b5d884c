"""The act a "who <did it>?" question asks the doer of, which the answering sentence must tell.

"What's the name of the official who signed the renewal?" asks for whoever did the signing: a sentence naming
some person by a title ("Dr Lee is a professor at…") names a person, but not the one who signed; only a
sentence telling of the signing can name its signatory. General English: the verb right after "who".

The other way round, "did Berg sign the original lease?" names the doer: a sentence telling the act but no doer
("originally signed in 1990") answers nothing of Berg, and one telling it done by other people says no
(``other_doer``, read by ``rag.yesno.pick_yes_no``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import STOPWORDS, stem, terms

# "who signed", "who actually led": the verb after "who" (an adverb in -ly between them is no act)
_WHO_ACT = re.compile(r"\bwho\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
# after "who", a verb of being or having tells what someone is, not an act ("who is the official…?")
_NO_ACT = {"is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "could",
           "would", "will", "should", "may", "might", "must", "else", "exactly"}


@lru_cache(maxsize=4096)
def asked_act(question: str) -> str:
    """The stem of the act "who <verb>…" asks the doer of, or "".

    >>> asked_act("what's the name of the official who signed the renewal?"), asked_act("who actually led the talks?")
    ('sign', 'led')
    >>> asked_act("who is the official in charge?"), asked_act("which official signed it?")
    ('', '')
    """
    m = _WHO_ACT.search(question.lower())
    if not m or m.group(1) in _NO_ACT or m.group(1) in STOPWORDS:
        return ""
    return stem(m.group(1))


def tells_act(question: str, text: str) -> bool:
    """Does the sentence tell the act the question asks the doer of (``asked_act``), or is none asked?

    >>> tells_act("who signed the renewal?", "It was signed by Mayor Ann Berg."), tells_act("who signed it?", "Dr Lee is a professor.")
    (True, False)
    """
    act = asked_act(question)
    return not act or act in terms(text)


# "did berg sign it?", "did berg ever renew it?": one word right after the auxiliary, then the verb: its doer
_SUBJECT_DOER = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:did|does|has|had)\s+([a-z][a-z\-]+)\s+"
                           r"(?:(?:ever|actually|really|also|personally|originally|first|once)\s+)?([a-z]+)\b")
# "was it signed under berg?", "was the pact first renewed by berg?": the act in the passive, its doer after it
_PASSIVE_DOER = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:was|were|is|are|has\s+been|had\s+been)\s+"
                           r"(?:[a-z'\-]+\s+){0,6}?([a-z]+ed)\s+(?:under|by)\s+(?:(?:president|premier|chairman|"
                           r"leader|prime\s+minister|governor|mayor)\s+)?([a-z][a-z\-]+)(?:\s+administration)?\s*\??\s*$")
# words standing for whoever, or for a body or a country, not one named person: general English
_NO_PERSON = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "people", "folks", "nobody",
                        "they", "it", "he", "she", "we", "you", "i", "this", "that", "these", "those", "any", "all",
                        "both", "either", "neither", "congress", "washington", "beijing", "government", "administration"})


def subject_doer(question: str) -> tuple[str, str] | None:
    """(act stem, doer) when a yes/no question names a person as the doer of an act ("did berg sign it?"), or None;
    not a body, a country or a role ("did the port sign it?", "did china sign it?", "did the mayor sign it?").

    >>> subject_doer("did berg sign the first lease?"), subject_doer("did berg ever renew it?")
    (('sign', 'berg'), ('renew', 'berg'))
    >>> subject_doer("did china sign it?"), subject_doer("did the mayor sign it?"), subject_doer("did anyone sign it?")
    (None, None, None)
    >>> subject_doer("was the lease signed under berg?"), subject_doer("was it renewed by the port?")
    (('sign', 'berg'), None)
    """
    from rag.persons import ROLES
    from rag.places import is_demonym, names_place
    from rag.rules import PERSON_NOUNS
    from rag.text import PLACE_NAMES
    q = question.lower().replace("’", "'")
    m, passive = _SUBJECT_DOER.match(q), _PASSIVE_DOER.match(q)
    if not m and not passive:
        return None
    who, act = m.groups() if m else reversed(passive.groups())
    if who in _NO_PERSON or who in STOPWORDS or act in STOPWORDS or who in PLACE_NAMES or names_place(who) \
            or is_demonym(who) or who.rstrip("s") in ROLES or who in PERSON_NOUNS:
        return None
    return stem(act), who


def other_doer(question: str, cands: list, floor: float):
    """The heard sentence telling the asked act done by other named people, when the question names its doer
    ("did berg sign the first lease?" / "first signed by Mayor Tor Lund and Governor Ann Moe"), and no heard sentence
    ties the asked doer to the act; else None.

    WHY: the sentence best holding the claim ("originally signed in 1990") often names no one, and answers yes to
    whoever the question names; the sentence naming who did it says that it was someone else.
    """
    from rag.persons import names_person
    asked = subject_doer(question)
    if asked is None:
        return None
    act, who = asked
    heard = [c for c in cands if c.score >= floor and c.passage.kind == "body" and acts_at(act, c.text)]
    if any(near_act(act, who, c.text) for c in heard):
        return None
    return next((c for c in heard if names_person(c.text)), None)


TIED = 10  # words: a doer named this near the act's word is told as its doer, farther off as of another act


def acts_at(act: str, text: str) -> list[int]:
    """Where (word positions) the text tells the act (a word of its stem: "signing" for "sign")."""
    return [i for i, w in enumerate(re.findall(r"[a-z]+", text.lower())) if stem(w) == act]


def near_act(act: str, who: str, text: str) -> bool:
    """Does the text name ``who`` within ``TIED`` words of the act?

    WHY: "since its signing four decades ago, it was renewed every five years, most recently under Berg" names Berg
    of the renewal, not of the signing; "first signed by Mayor Lund" ties Lund to it.

    >>> near_act("sign", "berg", "Since its signing four decades ago, the two towns have renewed it every five years, most recently under Berg.")
    False
    >>> near_act("sign", "lund", "First signed in 1990 by Mayor Lund.")
    True
    """
    words = re.findall(r"[a-z]+", text.lower())
    return any(abs(i - j) <= TIED for i in acts_at(act, text) for j, w in enumerate(words) if w == who)
