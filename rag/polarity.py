"""Polarity rules: does a sentence affirm or deny what a yes/no question asks?

A sentence denies what it mentions when it holds a negator ("not", "never") or a verb of
absence ("excludes", "ended"); a detail of the asked act stated otherwise (another year, other
signers, after rather than before: ``rag.conflicts``) is a no too. The verdict is read in the clause about the question's subject, and a statement of
what is outranks one of what may be. Each rule is about a kind of sentence, never a wording.
"""

from __future__ import annotations

import re
import statistics

from rag.asked import asked_part
from rag.change import stated_change
from rag.conflicts import act_conflict, conflict
from rag.counts import counted_otherwise
from rag.modifiers import held_by, modifier_part, names_the_document
from rag.opposites import opposed
from rag.scope import DOCUMENT_STEMS
from rag.text import OUT_BARRING, terms
from rag.unasserted import asserted, left_object

# Negators, and verbs that state an absence: a sentence with one of these denies what it mentions.
# ("exclusively" is no such word: "focuses exclusively on X" affirms X.)
_NEGATORS = r"not|no|never|without|neither|nor|cannot|n't"
_NEG_VERBS = (r"exclu(?:de[sd]?|ding|sions?)|except|ban(?:s|ned|ning)?|prohibit\w*|bar(?:s|red|ring)?|restrict\w*|cancel\w*|kill\w*|"
              r"end(?:s|ed|ing)?|lapse[sd]?|terminat\w*|scrap\w*|lack\w*|den(?:y|ies|ied)|reject\w*|refus\w*|"
              r"stop(?:s|ped)?|abandon\w*|withdr\w*|deni\w*|instead|rather|gone|dead|expir\w*|drop(?:s|ped)?|"
              # states of a thing past its use, like "dead": "not obsolete" says it lives on
              r"obsolete|defunct|outdated|outmoded|moribund|outlived\s+(?:its|their)\s+(?:usefulness|purpose)|off[\s-]limits")  # "off-limits": barred, as "banned"
# Phrasal verbs of removal or ending: English often says "get rid of", "pull X out", "call it off" where
# one word ("scrap", "withdraw", "cancel") would do, and the particle may follow the verb's object.
_NEG_PHRASES = (r"rid|d(?:o|oes|id|oing|one)\s+away\s+with|d(?:ie|ies|ied|ying)\s+(?:off|out)|"
                r"(?:opt|back|drop)\w*\s+out|walk\w*\s+away|"
                # a turn away from a thing leaves it: "a shift away from X", "moving away from X" (general English)
                r"(?:shift|mov|turn|step|pivot|veer|drift)\w*\s+away\s+from|"
                r"(?:pull|phase|throw)\w*\s+(?:\w+\s+){0,3}?out|(?:call|cut)\w*\s+(?:\w+\s+){0,3}?off|"
                r"(?:shut|wind)\w*\s+(?:\w+\s+){0,3}?down|(?:leav(?:e|es|ing)|left|keep(?:s|ing)?|kept|"
                r"cut(?:s|ting)?|strip(?:s|ped|ping)?|carv(?:e|es|ed|ing)|" + OUT_BARRING + r")\s+(?:\w+\s+){0,3}?out|omit\w*")
_NEG_VERBS += "|" + _NEG_PHRASES
# ("in the end", "at the end of the year", "by the end of May": "end" as a point in time after a preposition dates
# what is said, as "finally" would; "did it get renewed in the end?" asks whether it was, nothing ended)
_AT_THE_END = r"\b(?:in|at|by|towards?|until|till)\s+the\s+(?:very\s+)?end\b"
# ("not A but rather B" holds one negation: "but rather" completes the "not", it does not deny again)
# ("end up" / "ended up" means "in the end", "did it end up renewed?": the act came about, nothing ended)
# (a sentence opening "Instead," / "Rather," completes the negation of the sentence before it and affirms what it says:
# "It does not mandate cooperation. Instead, it is an umbrella agreement.")
# ("limited to X", "restricted to X", "confined to X" bound a thing to X: they affirm X, where "restricts X" denies it)
_CONFINED_TO = r"\b(?:limit|restrict|confin)\w*\s+(?:only\s+|solely\s+|exclusively\s+|strictly\s+)?to\b"
_AFFIRM = re.compile(r"^\W*(?:instead|rather)\s*,|\bnot (?:only|just|merely)\b|\bno (?:doubt|mistaking|longer)\b|\bbut (?:rather|instead)\b|"
                     r"\bend(?:s|ed|ing)? up\b|" + _AT_THE_END + "|" + _CONFINED_TO, re.I)



# Alternatives offered, not asserted: "whether to extend, amend, or terminate", "either renew it or let it lapse",
# "if they renew or scrap it": the span from the opener to the last choice after "or" (within one clause)
_CHOICES = re.compile(r"\b(?:whether|either|if)\b[^.;:!?—–()]*?\bor\s+(?:not\b|(?:to\s+|if\s+|whether\s+)?\w+)", re.I)


def without_choices(text: str) -> str:
    """The text with its offered alternatives taken out ("whether to extend, amend, or terminate the pact" -> " the pact").

    WHY: choices after "whether", "either" or "if … or" are no claims: "the decision on whether to extend or terminate
    the pact" neither says it was terminated nor that it was extended, so its "terminate" is no denial.

    >>> without_choices("The decision on whether to extend, amend, or terminate the pact matters.")
    'The decision on   the pact matters.'
    >>> without_choices("They did not renew it."), without_choices("If it lapses, ferries stop.")
    ('They did not renew it.', 'If it lapses, ferries stop.')
    """
    return _CHOICES.sub(" ", text)


def negations(text: str, verbs_only: bool = False) -> int:
    """How many negations a text holds ("not only", "no doubt" affirm, so they don't count).

    >>> negations("The permit does not require a pilot."), negations("It offers not only a berth.")
    (1, 0)
    >>> negations("covers day routes, excluding barges"), negations("Does it exclude barges?", verbs_only=True)
    (1, 1)
    >>> negations("It focuses exclusively on ferries, excluding buses.")
    1
    >>> negations("Are they pulling their night crews out of the harbour?", verbs_only=True)
    1
    >>> negations("did the new permit leave out barges?", verbs_only=True), negations("It omits barges.")
    (1, 1)
    >>> negations("are barges kept out of the new permit?", verbs_only=True), negations("It keeps ferries running.")
    (1, 0)
    >>> negations("were barges cut out of the new permit?", verbs_only=True), negations("a cutting-edge ferry is out")
    (1, 0)
    >>> negations("They must decide whether to renew or end the permit."), negations("Either renew it or not.")
    (0, 0)
    >>> negations("did it get renewed in the end?", verbs_only=True), negations("It ended in May.", verbs_only=True)
    (0, 1)
    >>> negations("Instead, it is an umbrella permit."), negations("Rather than a lease, it is a permit.")
    (0, 1)
    >>> negations("A shift away from open berths toward permits."), negations("They moved the ferry away.")
    (1, 0)
    """
    t = _AFFIRM.sub(" ", without_choices(text).lower().replace("’", "'"))
    pat = _NEG_VERBS if verbs_only else f"{_NEGATORS}|{_NEG_VERBS}"
    return len(re.findall(rf"(?:\b(?:{pat})\b)|n't\b", t)) if not verbs_only else len(re.findall(rf"\b(?:{pat})\b", t))


_CLAUSE = re.compile(r"\s*(?:;|:|—|–|\(|\)|,\s+(?:but|while|whereas|although|though|yet)\b|\s+but\s+)\s*")
# What a sentence leaves out starts a clause of its own: "It focuses on X, excluding Y" affirms X and denies Y, so the
# verdict on X is read before the exclusion and the verdict on Y after it ("…, explicitly excluding Y", "…and except Y")
_EXCLUSION = re.compile(r"(?:\s*,|\s+and)\s+(?=(?:[a-z]+ly\s+)?(?:exclud|except)\w*\b)", re.I)


# An aside set off by a pair of dashes: "the pact — renewed twice — is due to lapse"
_ASIDE = re.compile(r"\s*[—–]\s*([^—–]+?)\s*[—–]\s*")


def without_aside(sentence: str) -> tuple[str, str]:
    """The sentence with an aside between a pair of dashes taken out, and that aside ("" when there is none).

    WHY: the dashes enclose a parenthesis; the clause they interrupt goes on after it ("But today the pact — which was
    extended twice — is due to lapse"), and split at each dash its subject and its verb would be two clauses.

    >>> without_aside("Today the pact — extended twice last year — is due to lapse.")
    ('Today the pact is due to lapse.', 'extended twice last year')
    >>> without_aside("It covers ferries — and barges.")
    ('It covers ferries — and barges.', '')
    """
    m = _ASIDE.search(sentence)
    if not m:
        return sentence, ""
    return sentence[:m.start()] + " " + sentence[m.end():], m.group(1)


# A short parenthesis glossing the words before it ("total decoupling (complete separation)", "(IP)"): it restates them,
# so it is read in their clause, not as a clause of its own that a question in the gloss's words would find bare
_GLOSS = re.compile(r"\s*\(([^()]{1,40})\)")


def focus_clause(question: str, sentence: str) -> str:
    """The clause of ``sentence`` that shares most content words with the question.

    A long sentence can affirm one thing and exclude another; its verdict on the question
    is read where the question's subject is.

    >>> focus_clause("does it include night ferries?", "It covers day routes; the exclusion of night ferries")
    'the exclusion of night ferries'
    >>> q = "does it still cover day routes?"
    >>> s = "It covers day routes, excluding night ferries"
    >>> focus_clause(q, s), focus_clause("and night ferries?", s), focus_clause("does it cover night ferries?", s)
    ('It covers day routes', 'excluding night ferries', 'excluding night ferries')
    >>> focus_clause("do they back full separation?", "Notes: a move away from split ports (full separation) toward links")
    'a move away from split ports full separation toward links'
    """
    main, aside = without_aside(sentence)
    parts = [p for p in _CLAUSE.split(_GLOSS.sub(r" \1", main)) + [aside] if p and p.strip()]
    q = set(terms(question))
    clause = sentence
    if len(parts) >= 2:
        scored = [(len(q & set(terms(p))), -i, p) for i, p in enumerate(parts)]
        best = max(scored)
        clause = best[2] if best[0] > 0 else sentence
    return bound_or_left_out(terms(question), clause, question)


def bound_or_left_out(asked: list[str], clause: str, question: str = "") -> str:
    """The part of a clause "X, excluding Y" that the question (its terms ``asked``, in order) speaks of: before the
    exclusion, or from it on, decided by the question's last term held by one part alone (a yes/no question ends on the
    thing it asks about: "does the new permit leave out barges?"; "is it just about basic research?" against "basic
    research, excluding applied research" is decided by "basic"); the words naming the document, which every sentence
    about it holds, decide nothing. The clause whole when no term decides. An acronym written out ("artificial
    intelligence" for "AI") is held by its part, and a head's modifier held by the other part alone names the kind
    asked (``rag.modifiers``).

    >>> bound_or_left_out(["new", "permit", "leav", "barg"], "The new permit covers ferries, excluding barges")
    'excluding barges'
    >>> bound_or_left_out(["pact", "basic", "research"], "The pact covers basic research, excluding applied research")
    'The pact covers basic research'
    >>> bound_or_left_out(["ai", "pact"], "The pact covers day routes, excluding artificial intelligence")
    'excluding artificial intelligence'
    >>> bound_or_left_out(["ai", "research", "left"], "It covers basic research, excluding artificial intelligence",
    ...                   "is ai research left out?")
    'excluding artificial intelligence'
    """
    parts = _EXCLUSION.split(clause)
    if len(parts) < 2:
        return clause
    # an acronym written out ("artificial intelligence" for "ai") is held too (``rag.modifiers``)
    held = [held_by(p, asked) for p in parts]
    for t in reversed([t for t in asked if t not in DOCUMENT_STEMS and not names_the_document(question, t)]):
        where = [i for i, h in enumerate(held) if t in h]
        if len(where) == 1:
            # "AI research" against "basic research, excluding AI": the head's modifier names the kind asked
            kind = modifier_part(question, asked, t, parts, held) if question else None
            return parts[where[0] if kind is None else kind]
    return clause


def verdict(question: str, sentence: str) -> str:
    """ "yes" or "no": does the sentence affirm the yes/no question's claim?

    A sentence that negates what it states says no, unless the question itself asks about
    the negative ("does it exclude barges?" + "…excluding barges" is a yes; "did they want it
    gone?" + "…calling for its cancellation" too); a detail of the asked act stated otherwise
    (another year, another signer: ``rag.conflicts.conflict``) is a no. The negation is read in the clause about the question's subject.

    >>> verdict("Does the new permit cover barges?", "It covers day ferries, excluding barges.")
    'no'
    >>> verdict("Does the permit exclude barges?", "It covers day ferries, excluding barges.")
    'yes'
    >>> verdict("Was the pier built in 1962?", "Built in 1962 by the port board."), verdict("Was it built in 1985?", "Built in 1962.")
    ('yes', 'no')
    >>> verdict("did they want it gone", "They called for its cancellation.")
    'yes'
    >>> verdict("is the permit only about day routes?", "It covers day routes exclusively, excluding night ferries.")
    'yes'
    >>> verdict("is the permit restricted to day routes?", "It covers day routes exclusively, excluding night ferries.")
    'yes'
    >>> verdict("is the permit only about night ferries?", "It covers day routes exclusively, excluding night ferries.")
    'no'
    >>> verdict("did the fees make the harbour more tense?", "Fees meant to restrict barges are raising tensions.")
    'yes'
    """
    if conflict(question, sentence) or counted_otherwise(question, sentence):  # a count stated otherwise
        return "no"
    focus = focus_clause(question, sentence)
    claim = asked_part(question)  # "…when it expired?" dates the claim: its ending word is not what is asked
    if (changed := stated_change(claim, focus)) is not None:  # "more tense?" / "…increasing tensions" (``rag.change``)
        return "no" if (changed == "no") != (claimed_negators(claim) % 2 == 1) else "yes"
    # (a wished act, "calling for its cancellation", and an exclusion of an unasked thing assert nothing of the claim)
    ended = negations(claim, verbs_only=True)  # "was it cancelled?" asks an act of ending, which a wish names unasserted
    neg = (negations(asserted(question, focus, ended > 0)) + opposed(question, focus)) % 2 == 1  # "narrowed" for "widen?"
    q_neg = (ended + claimed_negators(claim)) % 2 == 1
    return "no" if neg != q_neg else "yes"


# The opening of a question in the negative ("isn't it…", "did it not…"): it asks the plain claim
_NEGATIVE_OPENING = re.compile(r"^\W*(?:\w+n['’]t\b|\w+\s+(?:it|they|he|she|we|you|this|that|there)\s+not\b)", re.I)


def claimed_negators(question: str) -> int:
    """How many "not"/"never" the claim of a yes/no question holds, past a negative opening ("isn't it…?").

    WHY: "does the piece say cooperation is not zero-sum?" claims the negative, and "it is not a zero-sum game"
    affirms it; "isn't it zero-sum?" asks the plain claim, which the same sentence denies.

    >>> claimed_negators("does the piece say it is not zero-sum?"), claimed_negators("isn't it zero-sum?")
    (1, 0)
    >>> claimed_negators("did it not lapse?"), claimed_negators("was it never renewed?")
    (0, 1)
    >>> claimed_negators("is it a big deal or not really?")
    0
    """
    rest = _NEGATIVE_OPENING.sub(" ", question, count=1)
    return len(re.findall(r"(?<!\bor )\b(?:not|never)\b", rest, re.I))  # "…a big deal or not?" offers both


_MODAL = re.compile(r"\b(?:may|might|could|can|would|should)\b", re.I)


def is_modal(text: str) -> bool:
    """Does a sentence (or question) speak of what may or could be, rather than what is or was?

    >>> is_modal("It may get another permit."), is_modal("It got two permits.")
    (True, False)
    """
    return bool(_MODAL.search(text))


# Words that leave something out of what a sentence covers ("excluding X", "the exclusion of X", "bans X").
_LEAVES_OUT = re.compile(r"\b(?:exclu(?:de[sd]?|ding|sions?)|except(?:ing)?|ban(?:s|ned|ning)?|prohibit\w*|bar(?:s|red|ring)?)\b",
                         re.I)
# Verbs of obligation: "does it force / require X?" is denied by "it does not mandate X". "Force" the noun is none:
# "is it still in force?", "came into force", "a force for good", "task force" (general English).
_OBLIGES = (r"(?<!\bin\s)(?<!\binto\s)(?<!\ba\s)(?<!\bthe\s)(?<!\bby\s)(?<!\btask\s)forc\w*|"
            r"requir\w*|mandat\w*|oblig\w*|compel\w*")
# ...and a duty put in everyday words, which no sentence denies in those words: "do they have to / must they share
# data?", "does it make agencies work together?" (causative "make" + an object ending in a pronoun or a plural noun +
# a plain verb, not a comparative: "make ties closer" is no duty; nor a preposition or other word of function: "make
# changes to the pact" is "make" with its object, no one made to do anything; general English)
_ASKED_DUTY = re.compile(rf"\b(?:{_OBLIGES}|ha(?:ve|s|d)\s+to|must|needs?\s+to|mak(?:e|es)\s+(?:them|us|him|her|"
                         r"(?:[\w.\-']+\s+){0,3}[\w\-']+s)\s+(?!(?:more|less|worse|better|\w+er)\b)"
                         r"(?!(?:to|for|of|in|on|at|by|with|from|about|into|under|over|since|during|the|a|an|and|or|"
                         r"too|as|so|that|this|it)\b)[a-z]+)\b", re.I)
_DENIED_DUTY = re.compile(rf"\b(?:not|no|never|n't|neither|nor)\s+(?:\w+\s+){{0,2}}(?:{_OBLIGES})\b", re.I)


def left_out(question_weights: dict[str, float], sentence: str, terms_of) -> set[str]:
    """The question's telling terms that the sentence names only as left out ("…, excluding night ferries").

    A term tells when it weighs at least the question's average (the ferry, not the harbour every
    sentence names); it is left out when it follows an excluding word within one clause, and the
    sentence does not name it before. ``terms_of`` reads a text's terms as the index does (acronyms
    and their long form are one term).

    >>> w = {"night": 2.0, "ferri": 2.0, "permit": 1.0, "cover": 0.5}
    >>> sorted(left_out(w, "The permit covers day ferries, excluding night runs.", lambda t: set(t.lower().split())))
    ['night']
    >>> left_out(w, "The permit covers night ferries.", lambda t: set(t.lower().split()))
    set()
    """
    if not question_weights:
        return set()
    # the (lower) median, not the mean: a few rare modifiers ("cutting edge") lift the mean over the thing asked about
    middle = statistics.median_low(question_weights.values())
    telling = {t for t, w in question_weights.items() if w >= middle} | {last_term(question_weights)}
    out: set[str] = set()
    for clause in _CLAUSE.split(sentence):
        m = _LEAVES_OUT.search(clause or "")
        if m:
            before = terms_of(sentence[:sentence.find(clause)] + clause[:m.start()])
            out |= (telling & terms_of(left_object(clause[m.end():]))) - before  # not a clause after it
    return out


def last_term(question_weights: dict[str, float]) -> str:
    """The question's last weighed term (the weights keep the question's order): the thing a yes/no question ends on.

    WHY: "does the pact let them work together on AI?" asks about AI, though everyday words of the claim ("work",
    "together") weigh more; a sentence leaving out the thing the question ends on answers it.

    >>> last_term({"work": 2.7, "togeth": 2.7, "ai": 2.1}), last_term({})
    ('ai', '')
    """
    return next(reversed(question_weights), "")


def duty_denied(question: str, sentence: str) -> bool:
    """Does the question ask whether something obliges, and the sentence say it does not?

    >>> duty_denied("Does the permit force skippers to carry a pilot?", "The permit does not mandate a pilot.")
    True
    >>> duty_denied("Does the permit force skippers to carry a pilot?", "The permit requires a pilot.")
    False
    >>> duty_denied("Does the permit cover barges?", "It does not require barges.")
    False
    >>> duty_denied("Does it require a pilot?", "It not only requires a pilot.")
    False
    >>> duty_denied("Does the permit make skippers carry a pilot?", "It does not mandate a pilot.")
    True
    >>> duty_denied("Do skippers have to carry a pilot?", "It does not mandate a pilot.")
    True
    >>> duty_denied("Did the port make changes to the permit too?", "It does not mandate a pilot.")
    False
    >>> duty_denied("Is the permit still in force?", "It does not mandate a pilot.")  # "in force": in effect, no duty
    False
    """
    said = _AFFIRM.sub(" ", sentence.replace("’", "'"))  # "not only requires" affirms the duty
    return bool(_ASKED_DUTY.search(question)) and bool(_DENIED_DUTY.search(said))


# A claim that something is acceptable ("is it fine to let…", "is it a good idea to…"), and a verdict that it is not
# ("it would be a mistake", "it is wrong to…"): general English words of judgement, no corpus phrase
_APPROVED = re.compile(r"\b(?:is|it's|it is|was|be|are|were)\s+(?:\w+\s+)?(?:fine|ok|okay|acceptable|alright|all right|"
                       r"a good idea|wise|sensible|right)\b", re.I)
_JUDGED_WRONG = re.compile(r"\b(?:mistake|mistaken|wrong|misguided|unwise|foolish|ill-advised|short-sighted|shortsighted|"
                           r"a bad idea|an error)\b", re.I)


def judged_wrong(question: str, sentence: str) -> bool:
    """Does the question ask whether something is acceptable, and the sentence judge it a mistake?

    WHY: "does the writer think it's fine to let the feud wreck the pact?" shares its topic with every sentence on
    the feud; none negates anything, so each reads as a yes. The one that judges the outcome ("it would be a
    mistake for the pact to be damaged") answers the question asked, and answers no.

    >>> judged_wrong("is it fine to let the feud wreck the pact?", "It would be a mistake to let the pact fail.")
    True
    >>> judged_wrong("is it fine to let the feud wreck the pact?", "The feud risks the pact."), judged_wrong("did it fail?", "a mistake")
    (False, False)
    """
    return bool(_APPROVED.search(question.replace("’", "'"))) and bool(_JUDGED_WRONG.search(sentence))


def denial(question: str, weights: dict[str, float], cands: list, floor: float, terms_of, leaned: bool = False):
    """The best sentence scoring at least ``floor`` that leaves out what the question asks about, says the
    duty it asks about is none, or contradicts a detail it asserts of the act ("signed by X?" / "signed by Y");
    None when there is none, or the question asks about the negative itself.

    A sentence close to "is the night ferry covered?" that only says what is covered ("it covers harbour
    routes") says less than one that names the night ferry as excluded: the exclusion answers the question.
    ``leaned``: the sentences are ones that close sentences lean on ("It does not oblige anyone. Instead, it sets
    terms for agencies…"): the sentence leaning on one holds the question's words, so it need share none itself.
    """
    if negations(question):  # "does it exclude barges?", "isn't it…?": the plain verdict reads these
        return None
    for c in cands:
        if c.score < floor:
            break
        if c.passage.kind != "body" or (c.overlap <= 0 and not leaned):
            continue  # a byline card, or a sentence sharing no term with the question, says nothing of the claim
        if left_out(weights, c.text, terms_of) or duty_denied(question, c.text) or act_conflict(question, c.text) \
                or judged_wrong(question, c.text):
            return c
    return None
