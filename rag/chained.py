"""A pronoun that points through a pronoun: "and how has it affected X?" after "has that made Y harder?".

When the last question's own subject is a demonstrative pronoun ("has that made visas harder?", "is that still so?"), that
question names no thing for a new "it" to stand for: its noun-phrase finder would take a clause ("that made visas
harder") for a noun. Both pronouns stand for what the question before it asked about, so the follow-up is asked
together with that question ("and how has it affected X (why are scientists getting more scrutiny)?").

>>> pronoun_subject("has that made visas harder?"), pronoun_subject("is that still true?")
(True, True)
>>> pronoun_subject("did they renew the pact?")  # "it" after it may well be the pact
False
>>> pronoun_subject("has that deal lapsed?"), pronoun_subject("when was the pact renewed?")
(False, False)
"""

from __future__ import annotations

import re

from rag.antecedents import determiner  # "that change" is a noun phrase, not a bare "that"

# A question opening with an auxiliary (after a wh-word or "and/so") whose subject is "it/they/that/this".
_OPENING = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:(?:what|when|where|why|how|which|who)\s+)?"
                      r"(is|are|was|were|has|have|had|do|does|did|will|would|can|could|should)\s+"
                      r"(that|this)\b\s*([A-Za-z][\w\-']*)?", re.I)
# Common irregular past participles (general English): after "has that" they are the verb, not an adjective.
_IRREGULAR = {"made", "done", "gone", "been", "had", "got", "gotten", "led", "left", "kept", "brought", "meant", "put",
              "set", "cut", "hurt", "held", "taken", "given", "seen", "become", "come", "run", "won", "lost", "built",
              "sent", "spent", "felt", "found", "told", "said", "paid", "shown", "grown", "drawn", "known", "thrown",
              "driven", "broken", "spoken", "chosen", "fallen", "risen", "begun", "caught", "taught",
              "thought", "sought", "bought", "fought", "struck", "stuck", "dealt", "undone", "overtaken",
              "upset", "let", "shut", "spread", "cost", "hit", "split", "cast", "bet", "quit"}  # same as the bare verb
# After "is/was that", a word that is no noun: an adverb or a predicate ("is that still true?", "was it signed?").
_NO_NOUN = re.compile(r"^(?:still|now|just|really|also|even|ever|already|true|right|so|the|a|an|all|because|why|"
                      r"\w+ly|\w+ed|\w+ing)$", re.I)
_PERFECT = {"has", "have", "had"}
# A question asking the cause of a happening: the happening is what a later bare "that" points at.
_WHY = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:why|how come)\b", re.I)


def pronoun_subject(question: str) -> bool:
    """Is the question's subject a bare "that/this", so that it names nothing a later pronoun could stand for? It is
    when no noun follows: a participle after "has/have/had", a word that is no noun after any auxiliary, or nothing
    ("is that so?"). ("did they renew the pact?" names the pact, which a later "it" may well stand for.)"""
    m = _OPENING.match(question.strip())
    if not m:
        return False
    aux, nxt = m.group(1).lower(), (m.group(3) or "").lower()
    if not nxt:
        return True
    if aux in _PERFECT and (nxt in _IRREGULAR or re.match(r"\w+(?:ed|en)$", nxt)):
        return True  # "has that made…", "had this changed…": the perfect's participle
    return aux not in _PERFECT and bool(_NO_NOUN.match(nxt))


def through(question: str, history: list, p=None) -> str | None:
    r"""The follow-up asked with the question before the last, when that one asked "why" and the last one's subject
    was a bare "that" (so both pronouns stand for the happening it asked about); None otherwise. ``p`` is the
    follow-up's pronoun (a match): only a singular one that is no determiner ("it", "that", not "that change").

    >>> from types import SimpleNamespace as T
    >>> h = [T(question="why are the ports busier?"), T(question="has that made ferries late?")]
    >>> q = "and how has it affected the fares?"
    >>> through(q, h, re.search(r"\bit\b", q))
    'and how has it affected the fares (why are the ports busier)?'
    >>> through(q, h[1:], re.search(r"\bit\b", q)) is None
    True
    >>> through(q, [T(question="what worries the port?"), h[1]], re.search(r"\bit\b", q)) is None
    True
    """
    word = p.group(0).split()[0].lower() if p else ""
    if word not in ("it", "its", "this", "that") or determiner(question, p):
        return None
    if len(history) < 2 or not pronoun_subject(history[-1].question) or not _WHY.match(history[-2].question):
        return None
    earlier = history[-2].question.strip().rstrip("?")
    return f"{question.strip().rstrip('?')} ({earlier})?"
