"""Yes/no evidence that settles the question: the sentence about what is asked, not one that only shares its words.

``rag.yesno.pick_yes_no`` reads these after choosing the sentence that best holds the question's terms: a sentence can
hold them all and still not speak of the asked thing (the question's subject) or of the asked act as done.
"""

from __future__ import annotations

import re

from rag.conflicts import RETRO
from rag.evidence import Candidate
from rag.neighbours import antecedent, next_of
from rag.opposites import opposable, opposed, tells_change
from rag.polarity import is_modal, left_out, negations, without_choices
from rag.text import stem, terms

SETTLES_NEAR = 0.85  # a sentence settling the question is heard down to this share of the best sentence's score
RETRO_NEAR = 0.7  # ...and one telling an act reached back, for a question asking whether it did, down to this (dev)
OPPOSITE_NEAR = 0.7  # ...and one stating the opposite of the asked change (it shares no word of the claim) down to this (dev)

# "did it end up getting renewed?", "has the pier been rebuilt?", "was the pact signed in May?": the asked act as a
# regular past participle after a verb of being or getting, or after the subject of a question opening with one
_ASKED_ACT = re.compile(r"\b(?:get|gets|got|gotten|getting|be|been|being)\s+(?:\w+ly\s+)?([a-z]{3,}ed)\b|"
                        r"^\W*(?:so\s+|and\s+|but\s+)?(?:was|were|is|are)\s+(?:(?:the|this|that)\s+(?:[a-z0-9'’-]+\s+){1,3}?|"
                        r"(?:it|they)\s+(?:[a-z]+ly\s+)?)([a-z]{3,}ed)\b", re.I)  # ("the updated pact": a participle naming the subject)
# Words by which a sentence speaks of what will, may or must be: not of an act done (in lower case: "in May" is a month)
_NOT_DONE = re.compile(r"\b(?:will|shall|must|may|might|could|can|would|should)\b|^(?:Will|Shall|Must|May|Might|Could|Can|"
                       r"Would|Should)\b")


def asked_act(question: str) -> str:
    """The past participle a yes/no question asks about as done ("renewed"), lower case, or "".

    >>> asked_act("did the pact end up getting renewed?"), asked_act("Was the ferry pact signed in Oslo?")
    ('renewed', 'signed')
    >>> asked_act("does the renewed pact cover ferries?"), asked_act("did they renew it?"), asked_act("was it signed?")
    ('', '', 'signed')
    >>> asked_act("was the updated pact wrapped up in Oslo?"), asked_act("was the STA ever extended?")
    ('wrapped', 'extended')
    """
    m = _ASKED_ACT.search(question)
    return (m.group(1) or m.group(2)).lower() if m else ""


def tells_done(act: str, sentence: str) -> bool:
    """Does the sentence tell the act as done: its past participle, in a sentence not of what will or may be?

    >>> tells_done("renewed", "In May the port renewed the ferry pact."), tells_done("renewed", "It will need another renewal.")
    (True, False)
    >>> tells_done("renewed", "A renewed pact could cover barges.")
    False
    """
    return bool(re.search(rf"\b{re.escape(act)}\b", sentence, re.I)) and not _NOT_DONE.search(sentence)


def act_told(question: str, best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence telling the asked act as done, when the evidence speaks only of what will or may be.

    WHY: "did the pact end up getting renewed?" asks whether the act came about; "keeping it will require another
    renewal" holds the question's words but tells of a renewal to come, whichever way it went. The close sentence
    telling the act done in the question's own verb ("in May the ports renewed the pact") settles it.
    """
    act = asked_act(question)
    if not act or not _NOT_DONE.search(best.text) or tells_done(act, best.text):
        return best
    near = [c for c in cands[:4] if c.passage.kind == "body" and c.score >= SETTLES_NEAR * best.score
            and tells_done(act, c.text) and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


# "did the renewal only last a year?", "was the 2024 update done under X?": the subject, one noun after the article,
# known to be the whole subject by what follows it: an adverb, or after "was/were" a past participle ("the two
# countries renew…" has no such mark, and its first word is no subject)
_SUBJECT = re.compile(r"^\W*(?:so\s+|and\s+|but\s+)?(?:(?:do|does|did|has|have|had|will|would|can|could)\s+(?:the|this|that)\s+"
                      r"(?:\d{4}\s+)?([a-z]+)\s+(?:only|just|still|really|actually|ever|even|also|already|finally|[a-z]+ly)\b|"
                      r"(?:is|are|was|were)\s+(?:the|this|that)\s+(?:\d{4}\s+)?([a-z]+)\s+(?:only\s+|just\s+|still\s+|"
                      r"[a-z]+ly\s+)?(?:[a-z]+ed|done|made|given|taken|seen|kept|set|put)\b)", re.I)


def subject_of(question: str) -> str:
    """The stem of the one-word subject of a yes/no question ("the renewal"), "" for a participle ("the renewed
    pact": ``yesno.subject_participle``) or none.

    >>> subject_of("did the renewal only last a year?"), subject_of("was the 2024 update done in May?")
    ('renew', 'updat')
    >>> subject_of("does the renewed pact cover ferries?"), subject_of("is it done?"), subject_of("was the end of it near?")
    ('', '', '')
    >>> subject_of("did the two ports renew it?"), subject_of("does the pact require pilots?")
    ('', '')
    """
    m = _SUBJECT.match(question)
    word = (m.group(1) or m.group(2)).lower() if m else ""
    return "" if not word or word.endswith("ed") else stem(word)


def subject_held(question: str, weights: dict[str, float], best: Candidate, cands: list[Candidate],
                 skip=frozenset(), named=frozenset()) -> Candidate:
    """The near sentence naming the question's subject, when the evidence does not.

    WHY: "did the renewal only last a year?" asks about the renewal; "its last term expired last year" holds "last"
    and "year" in other senses and says nothing of it, while "they renewed it for five years" does. Words that
    name the document itself (``skip``: "the pact", which sentences call "it") or an article are no such subject.
    """
    subj = subject_of(question)
    if not subj or subj in skip or weights.get(subj, 0.0) <= 0 or subj in best.terms:
        return best
    near = [c for c in cands[:4] if c.passage.kind == "body" and c.score >= SETTLES_NEAR * best.score
            and subj in c.terms and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


# "did the update add anything on settling disputes?", "does it say something about visas?", "any new rules for
# ports?": the thing asked of, after a word standing for whatever was said of it (general English)
_ASKED_TOPIC = re.compile(r"\b(?:anything|something|any(?:\s+[a-z]+){0,2}?)\s+(?:on|about|regarding|concerning|"
                          r"covering|for|to\s+do\s+with|related\s+to|dealing\s+with)\s+([^?,;]+)", re.I)


def asked_topic(question: str, weights: dict[str, float]) -> list[str]:
    """The weighted terms of the thing a yes/no question asks "anything on" ("settling disputes" → ["disput"]).

    >>> asked_topic("did the update add anything on settling disputes?", {"disput": 3.0, "updat": 2.0})
    ['disput']
    >>> asked_topic("did the update add new rules?", {"rule": 2.0}), asked_topic("anything on it?", {})
    ([], [])
    """
    m = _ASKED_TOPIC.search(question)
    return [t for t in dict.fromkeys(terms(m.group(1))) if weights.get(t, 0.0) > 0] if m else []


def topic_held(question: str, weights: dict[str, float], best: Candidate, cands: list[Candidate],
               named=frozenset()) -> Candidate:
    """The near sentence holding the thing a yes/no question asks "anything on", when the evidence holds none of it.

    WHY: "did the 2024 update add anything on settling disputes?" asks about disputes; "in 2024 the two sides updated
    the pact" holds the year and the act, more of the question's weight, and says nothing of disputes, while "its
    revision includes provisions on dispute resolution" answers it. The evidence must hold what is asked; of the
    near sentences holding it, the one holding most of what the evidence held of the question (its subject) is first.
    """
    topic = asked_topic(question, weights)
    if not topic or set(topic) & best.terms:
        return best
    near = [c for c in cands[:4] if c.passage.kind == "body" and c.score >= SETTLES_NEAR * best.score
            and set(topic) <= c.terms and (best.doc_id not in named or c.doc_id in named)]
    # of those, one holding what the evidence held of the question ("these updates reflect wariness of espionage",
    # the subject) speaks of the same thing
    held = (best.terms & set(weights)) - set(topic)
    return max(near, key=lambda c: (sum(weights[t] for t in held & c.terms), c.score), default=best)


# Words by which a sentence tells what someone hopes, wishes or expects: general English, not a corpus phrase
_WISHED = re.compile(r"\b(?:hop(?:e|es|ed|ing)|hopefully|wish(?:es|ed|ing)?|would\s+like|(?:want|expect|anticipat)\w*)\b", re.I)


# Words by which a sentence tells that an outcome is still open as it is written, in the present tense ("remains
# uncertain", "hangs in the balance"): general English. A doubt told in the past ("its future became uncertain when it
# expired") is an account of what happened, written after it, and settles what it tells.
_OPEN = r"(?:uncertain|unclear|undecided|unresolved|in\s+(?:the\s+)?balance|up\s+in\s+the\s+air|in\s+limbo|in\s+doubt|pending)"
_UNDECIDED = re.compile(r"\b(?:is|are|remains?|hangs?|stays?)\s+(?:still\s+|very\s+|highly\s+|far\s+from\s+)?" + _OPEN + r"|"
                        r"\bremains?\s+to\s+be\s+seen\b|\b(?:is|are|remains?)\s+yet\s+to\s+be\b", re.I)
OUTCOME_NEAR = 0.7  # ...and one telling the asked act done, when the evidence tells the outcome open, down to this (dev)


def unsettled(question: str, asked: str, sentence: str) -> bool:
    """Does the sentence only wish for what is asked, or offer it as one choice among others?

    WHY: "one hopes the renewal will serve as a bridge" or "X would like it renewed" tells a wish, and "whether to
    extend, amend or terminate it" a choice; neither says what came about, whichever way it went. A question asking
    about a wish itself ("did they want it renewed?") is answered by the wish. ``asked``: the question's heaviest term.

    >>> unsettled("was it renewed?", "renew", "One hopes the renewal will last."), unsettled("was it renewed?", "renew", "It was renewed.")
    (True, False)
    >>> unsettled("was it extended?", "extend", "They must decide whether to extend or end it.")
    True
    >>> unsettled("did they want it renewed?", "renew", "They hoped it would be renewed.")
    False
    """
    if _WISHED.search(question) or _UNDECIDED.search(question):
        return False
    return bool(_WISHED.search(sentence)) or open_then(question, sentence) or (asked in terms(sentence) and asked not in terms(without_choices(sentence)))


def open_then(question: str, sentence: str) -> bool:
    """Does the sentence tell that the outcome was still open when it was written ("renewal remains uncertain")?

    WHY: "did it get renewed in the end?" asks how it came out; a sentence written while it hung in the balance holds
    the question's words and tells neither outcome, so it reads as a "no" though a later one tells it was renewed.
    A question asking about the doubt itself ("was the renewal uncertain?") is answered by it.

    >>> open_then("was the ferry permit renewed?", "Renewal of the permit remains uncertain.")
    True
    >>> open_then("was the ferry permit renewed?", "The permit was renewed."), open_then("was it unclear?", "It is unclear.")
    (False, False)
    >>> open_then("was the ferry permit renewed?", "Its future became uncertain when it expired.")
    False
    """
    return not re.search(_OPEN, question, re.I) and bool(_UNDECIDED.search(sentence))


def act_as_verb(act: str, sentence: str) -> bool:
    """Does the sentence use the asked participle as a verb, not after a determiner as an adjective ("the renewed pact")?

    WHY: "the renewed pact covers ferries" takes the renewal for granted and tells what the pact holds; "in May the
    ports renewed it" tells the act, which is what a question asking how it came out wants.

    >>> act_as_verb("renewed", "In May the ports renewed it."), act_as_verb("renewed", "The renewed pact covers ferries.")
    (True, False)
    """
    return bool(re.search(rf"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bthis )(?<!\bthat )\b{re.escape(act)}\b",
                          sentence, re.I))


def outcome_told(question: str, best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence telling the asked act done, when the evidence tells its outcome was still open.

    WHY: "did it get renewed in the end?" asks how it came out; "renewal remains uncertain", written before, holds more
    of its words than "finally, in May, the ports renewed it", written after, which tells the outcome.
    """
    act = asked_act(question)
    if not act or not open_then(question, best.text):
        return best
    near = [c for c in cands if c.passage.kind == "body" and c.score >= OUTCOME_NEAR * best.score
            and act_as_verb(act, c.text) and tells_done(act, c.text) and not open_then(question, c.text) and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


def settling(question: str, weights: dict[str, float], best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence that settles the claim, when the evidence only wishes for it or offers it as a choice
    (``unsettled``); the evidence itself when none near does.

    WHY: "has the pact been renewed?" is answered by what happened ("despite the pact's renewal…"), not by "one
    hopes the pact's renewal serves as a bridge", which holds every word of the question.
    """
    asked = max(weights, key=weights.get, default="")
    if not asked or not unsettled(question, asked, best.text):
        return best
    # a sentence of what could be ("a renewed pact could…") settles nothing either, when the evidence told an open outcome
    near = [c for c in cands[:4] if c is not best and c.passage.kind == "body" and c.score >= SETTLES_NEAR * best.score
            and c.terms & set(weights) and not unsettled(question, asked, c.text) and (best.doc_id not in named or c.doc_id in named)
            and not (open_then(question, best.text) and is_modal(c.text))]
    return near[0] if near else best


def exclusion_told(question: str, weights: dict[str, float], best: Candidate, cands: list[Candidate], terms_of,
                   named=frozenset()) -> Candidate:
    """The near sentence naming the asked thing as left out, when the question asks whether it is left out and the
    evidence does not say so.

    WHY: "does the new permit leave out barges?" asks about an exclusion; "barge traffic grew in May" holds "barges"
    and no negation, so against the question's "leave out" it reads as a no, while "it covers ferries, excluding
    barges", a little further down, answers it.
    """
    if terms_of is None or not negations(question, verbs_only=True) or left_out(weights, best.text, terms_of):
        return best
    near = [c for c in cands[:4] if c.passage.kind == "body" and c.score >= SETTLES_NEAR * best.score
            and left_out(weights, c.text, terms_of) and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


def opposite_told(question: str, best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence stating the opposite of the change a yes/no question asks about, when the evidence states
    neither that change nor its opposite.

    WHY: "did the new permit widen the routes?" shares its topic with many sentences ("the permit marks a shift");
    none of them says whether the routes widened, and read plainly each says yes. "It narrowed the routes to two"
    shares no word of the claim, so it scores lower, but it answers the question, and answers no.
    """
    if not opposable(question) or opposed(question, best.text) or tells_change(question, best.text):
        return best
    near = [c for c in cands if c.passage.kind == "body" and c.score >= OPPOSITE_NEAR * best.score
            and opposed(question, c.text) and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


def reach_back_told(question: str, best: Candidate, cands: list[Candidate], named=frozenset()) -> Candidate:
    """The near sentence telling that an act reached back in time ("retroactively", "backdated"), when the question
    asks whether it did and the evidence does not tell.

    WHY: "was the new lease backdated?" asks when the lease took effect; "the lease has been renewed every five
    years" holds more of its words and says nothing of that, while "it was renewed, retroactively effective from
    May" answers it in another word of the same sense, so it holds fewer of the question's words and scores lower.
    """
    if not RETRO.search(question) or RETRO.search(best.text):
        return best
    near = [c for c in cands if c.passage.kind == "body" and c.score >= RETRO_NEAR * best.score
            and RETRO.search(c.text) and (best.doc_id not in named or c.doc_id in named)]
    return near[0] if near else best


def exclusion_leaner(best: Candidate, cands: list[Candidate], weights, terms_of) -> Candidate | None:
    """The sentence right after a "no" evidence that leans back on it, when the no is read from an exclusion of an
    asked term ("…, excluding barges. This decision aims to…"), else None.

    WHY: a near sentence excluding what is asked is shown with the sentence completing it (``yesno.leaning_on``);
    the same exclusion read as the evidence's own verdict deserves the same completion. A no read from a date or a
    detail ("retroactively effective from May") has no such completion: what follows it is commentary.
    """
    if not weights or terms_of is None or not left_out(weights, best.text, terms_of):
        return None
    nxt = next_of(best, cands)
    return nxt if nxt is not None and antecedent(nxt, cands) is best else None
