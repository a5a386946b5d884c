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

from rag.antecedents import determiner, is_plural, subjects  # "that change" is a noun phrase, not a bare "that"

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


# A parenthesis the rewriter added to a follow-up ("when was that (who signed the pact)?"): context, not its words.
_ADDED = re.compile(r"\s*\([^()]*\)\s*\??\s*$")
# A noun phrase of the question's own: an article, a possessive or a capitalised name (an acronym) after its first word.
_OWN_NOUN = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+[A-Za-z0-9]|(?<=.)\b[A-Z][\w.\-]*")
_DEMONSTRATIVE = re.compile(r"\b(?:that|this)\b", re.I)
# "did that worry scientists?": a bare verb follows do-support, and a plural noun after the word shows it was that verb
# (a noun after "that" would need a bare verb next, which takes no plural -s); "was that unusual?": a predicate ends it.
_VERB_THEN_PLURAL = re.compile(r"\b(?:do|does|did)\s+(?:that|this)\s+[a-z\-]+\s+([a-z\-]+s)\b", re.I)
_COPULA_END = re.compile(r"\b(?:is|was|are|were)\s+(?:that|this)\s+[a-z\-]+\s*\?*$", re.I)
# Adverbs that cannot open a noun phrase ("the still true" is a clause's tail, not a thing).
_ADVERB = {"still", "now", "just", "also", "even", "ever", "already", "really", "again", "finally", "actually"}


def own_words(question: str) -> str:
    """The question without a parenthesis the rewriter added at its end.

    >>> own_words("when was that (who signed the pact)?")
    'when was that?'
    """
    return _ADDED.sub("", question.strip()).rstrip("?") + "?"


def bare_pointer(question: str) -> bool:
    """Does the question point with a bare "that/this" and name no thing of its own? Its subject is a bare "that"
    ("has that led to new rules?"), or it names no noun phrase and has a "that/this" before no noun ("what led to
    that?", "when was that?"). Why: such a question names nothing a later "it" could stand for.

    >>> bare_pointer("what led to that?"), bare_pointer("is that still the case?"), bare_pointer("why was that?")
    (True, True, True)
    >>> bare_pointer("was that unusual?"), bare_pointer("did that worry scientists?")
    (True, True)
    >>> bare_pointer("what led to the lapse?"), bare_pointer("did that deal lapse?"), bare_pointer("what is it?")
    (False, False, False)
    """
    own = own_words(question)
    if pronoun_subject(own) or _COPULA_END.search(own):
        return True
    opening = _OPENING.match(own)  # "did that worry the pilots?": the subject is "that", a pronoun before a verb
    if opening and not determiner(own, _DEMONSTRATIVE.search(own, opening.start(2))):
        return True
    plural = _VERB_THEN_PLURAL.search(own)
    if plural and is_plural(plural.group(1)):
        return True
    bare = [m for m in _DEMONSTRATIVE.finditer(own) if not determiner(own, m)]
    return bool(bare) and not _OWN_NOUN.search(own)


def clause_like(phrase: str) -> bool:
    """Is a candidate antecedent ("the led", "the still true", "the happened") a clause's words, no noun phrase? Its
    first word is a past participle or an adverb (a participle before a noun is an adjective: "the renewed deal").

    >>> clause_like("the led"), clause_like("the still true"), clause_like("the happened")
    (True, True, True)
    >>> clause_like("the renewed deal"), clause_like("the pact"), clause_like("the STA")
    (False, False, False)
    """
    words = phrase.split()
    words = words[1:] if words and words[0].lower() == "the" else words
    if not words:
        return True
    first = words[0].lower()
    if first in _ADVERB or first in _IRREGULAR:
        return True
    return bool(re.match(r"\w+ed$", first)) and (len(words) == 1 or words[1].lower() in _ADVERB)


def reach(question: str, history: list, p=None) -> str | None:
    r"""The follow-up with its "it/its" replaced by the thing the question before a bare pointer was about: after
    "did the pact lapse?" -> "has that happened before?", "when was it renewed?" asks about the pact. Questions that
    only point are passed over; the thing must be one noun phrase that agrees in number. None otherwise.

    >>> from types import SimpleNamespace as T
    >>> h = [T(question="did the pact lapse?"), T(question="has that happened before?")]
    >>> q = "when was it renewed?"
    >>> reach(q, h, re.search(r"\bit\b", q))
    'when was the pact renewed?'
    >>> reach(q, h[1:], re.search(r"\bit\b", q)) is None
    True
    """
    word = p.group(0).lower() if p else ""
    if word not in ("it", "its") or len(history) < 2 or not bare_pointer(history[-1].question):
        return None
    for turn in reversed(history[:-1]):
        if not bare_pointer(turn.question):
            found = [s for s in subjects(own_words(turn.question)) if not clause_like(s)]
            if not found or is_plural(found[0]):  # its likeliest thing is several: "it" stands for none of them
                return None
            return question[:p.start()] + found[0] + ("'s" if word == "its" else "") + question[p.end():]
    return None
