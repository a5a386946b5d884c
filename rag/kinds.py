"""Which named thing of a kind a question asks for, and whether a sentence names one.

"Which universities run projects under the pact?" or "what's the name of the ministry that runs it?" asks for
a university or a ministry by its name: a sentence telling that "universities and agencies joined projects"
is on the topic but names none, and quoting it answers a question the articles leave open. English names such
institutions with a proper name built on the kind's own noun ("Tsinghua University", "Ministry of Science",
"State Department"); a question after "which agency / body / organization" may be answered by a name built on
any institution's noun ("National Science Foundation").

Other things are asked for one by one too, by a name or as items of their kind: "which vaccine…", "which critical
minerals…", "who were the scientists who warned…" (``_ITEM``). A close sentence that tells of the kind itself
("prominent scientists noted…", "to develop vaccines for emerging pathogens") names none of them: it restates the
question's noun. Such sentences answer only when some close sentence names an instance, by a name at the noun
("the Apollo mission", "Dr Ann Lee") or by items listed after it ("minerals such as gallium").
"""

from __future__ import annotations

import re

from rag.intent import LEAD
from rag.persons import names_person
from rag.places import is_demonym, names_place
from rag.text import PLACE_NAMES

# nouns of the institutions English calls by a proper name; general English, not the articles' words
_KIND = (r"(universit(?:y|ies)|colleges?|ministr(?:y|ies)|departments?|agenc(?:y|ies)|institutes?|academ(?:y|ies)|"
         r"foundations?|commissions?|committees?|subcommittees?|bureaus?|councils?|bod(?:y|ies)|organi[sz]ations?|"
         r"institutions?|outfits?)")
# "which us universities…", "name a few specific american universities", "the name of the chinese ministry": the
# kind after the asking word and up to three words that qualify it; an auxiliary in between makes the kind the
# subject of another question ("what did the foreign ministry say?" asks what was said, not which ministry)
_AUX = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|might|may)"
# "name" as the verb of a request, opening the question or after "you"/"please": not "big-name scientists"
_NAME = r"(?:(?<=you\s)|(?<=please\s)|(?<![a-z-]\s)(?<![a-z-]))name(?:\s+(?:a\s+few|some|one|two|three|any|the))?"
_ASKED = re.compile(r"\b(?:which|what|" + _NAME + r"|the\s+name\s+of\s+the)"
                    r"\s+(?:(?!" + _AUX + r"\b)[a-z.'-]+\s+){0,3}?" + _KIND + r"\b")
# things asked for one by one (general English): people by their calling, who are named as persons; products,
# missions and substances, named by a proper name at the noun or listed as its items. Not abstract kinds ("areas",
# "risks", "elements"), whose items no one names: "which risks…" is answered by a sentence telling of risks
_ITEM = (r"(scientists?|researchers?|experts?|scholars?|academics?|economists?|analysts?|negotiators?|diplomats?|"
         r"vaccines?|drugs?|medicines?|missions?|satellites?|rockets?|spacecraft|telescopes?|minerals?|metals?|"
         r"chemicals?)")
PEOPLE_ITEMS = frozenset({"scientist", "researcher", "expert", "scholar", "academic", "economist", "analyst",
                          "negotiator", "diplomat"})
# ...asked as an institution is ("which…", "name a few…") or as the identity of the ones a question already calls by
# their kind ("who were the scientists who…"),
# ...by the question's opening: a "which" further on may be relative ("the pact, which scientists praised") or an
# afterthought ("whose safety does it protect, which researchers?") whose answer is the kind itself
_ASKED_ITEM = re.compile(LEAD + r"(?:(?:can|could|would|will)\s+you\s+|please\s+)?"
                         r"(?:which|what|who(?:'s|\s+(?:is|are|was|were))\s+the|" + _NAME + r"|the\s+name\s+of\s+the)"
                         r"\s+(?:(?!" + _AUX + r"\b)[a-z.'-]+\s+){0,3}?" + _ITEM + r"\b")
# the words after a kind's noun that list its items: "minerals such as…", "missions, including…", "(e.g., …"
_LISTED = r"\s*,?\s*(?:such\s+as|like|including|especially|notably|namely|e\.g\.|i\.e\.|:|\(|—|–)\s*\w"
# the kinds whose names carry their own noun; any other kind is answered by any institution's name
_OWN_NOUN = {"universit": ("University", "College", "Institute"), "college": ("University", "College", "Institute"),
             "ministr": ("Ministry",), "department": ("Ministry", "Department"),
             "committee": ("Committee", "Subcommittee"), "subcommittee": ("Committee", "Subcommittee")}
_HEADS = ("University", "College", "Ministry", "Department", "Agency", "Institute", "Academy", "Foundation",
          "Commission", "Bureau", "Council", "Center", "Centre", "Office", "Administration", "Laboratory", "School",
          "Association", "Society")


def asked_kind(text: str) -> str:
    """The institution's noun (its stem, as the ``_OWN_NOUN`` keys spell it) a question asks one of by name, or "".

    >>> asked_kind("which us universities run projects under the sta"), asked_kind("what did the foreign ministry say?")
    ('universit', '')
    >>> asked_kind("what's the name of the chinese ministry that runs it"), asked_kind("which US agency said so?")
    ('ministr', 'agenc')
    >>> asked_kind("who were the big-name scientists who warned?"), asked_kind("which rare minerals did it curb?")
    ('scientist', 'mineral')
    >>> asked_kind("what did scientists warn?"), asked_kind("which congressional committee held hearings?")
    ('', 'committee')
    >>> asked_kind("what did big name scientists say?"), asked_kind("so can you name some scientists who warned?")
    ('', 'scientist')
    >>> asked_kind("whose safety does it protect, which researchers?")
    ''
    >>> asked_kind("which harbour committee went after the lease?")
    'committee'

    """
    m = _ASKED.search(text.lower())
    if m:
        return re.sub(r"(?:y|ies|s)$", "", m.group(1))
    m = _ASKED_ITEM.search(text.lower().replace("’", "'"))
    return re.sub(r"s$", "", m.group(1)) if m else ""


def names_kind(sentence: str, kind: str) -> bool:
    """Does the sentence name an institution of that kind: capitalised words before the kind's noun ("Tsinghua
    University", "State Department") or the noun before "of", "for" or "on" and a capitalised word ("Ministry of
    Science", "Center for Policy Studies")?

    >>> names_kind("Researchers at Tsinghua University joined.", "universit"), names_kind("Universities joined.", "universit")
    (True, False)
    >>> names_kind("It was modeled on the National Science Foundation.", "agenc"), names_kind("the Ministry of Science", "ministr")
    (True, True)
    >>> names_kind("She directs the Center for Policy Studies.", "organiz")
    True
    >>> names_kind("the State Department said so", "universit"), names_kind("The University said so", "universit")
    (False, False)
    """
    heads = "|".join(_OWN_NOUN.get(kind, _HEADS))
    before = r"\b(?:(?!(?:The|A|An|Its|Their)\s)[A-Z][\w.&'-]*\s+)+(?:" + heads + r")\b"
    after = r"\b(?:" + heads + r")\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]"
    return bool(re.search(before, sentence) or re.search(after, sentence))


def is_item(kind: str) -> bool:
    """Is the asked kind (``asked_kind``) a thing asked for one by one (``_ITEM``), not an institution?

    >>> is_item("vaccine"), is_item("universit")
    (True, False)
    """
    return bool(kind) and re.fullmatch(_ITEM, kind + "s") is not None


# the sanctions a rule sets for breaking it (general English): a text states them by these nouns or not at all; a
# sentence on the rule itself ("strengthens intellectual property protections") names no penalty for breaking it
_SANCTION = r"(?:penalt(?:y|ies)|punishments?|fines?)"


def is_sanction(noun: str) -> bool:
    """Is the noun a wh-question's head asks for (``query.asked_thing``: "what penalties does a side face…?") a
    sanction for breaking a rule? Like an item, it is asked for as itself: articles that never write the noun
    cannot state it, however close their sentences on the rule.

    >>> is_sanction("penalties"), is_sanction("punishment"), is_sanction("problems"), is_sanction("finest")
    (True, True, False, False)
    """
    return re.fullmatch(_SANCTION, noun) is not None


# sums of money paid or set by name (general English): "what budget does it have?" asks for a figure of that sum,
# which a sentence on the agreement's scope does not give; not "cost(s)" or "price", often a harm or a concession told
# in other words ("what price did science pay for the tensions?")
_SUM = r"(?:budgets?|fees?|salar(?:y|ies)|wages?|stipends?|tuition)"


def is_sum(noun: str) -> bool:
    """Is the noun a wh-question's head asks for ("what fees do researchers pay…?") a sum of money named by its
    noun? As for a sanction (``is_sanction``), articles that never write the noun cannot state the sum.

    >>> is_sum("budget"), is_sum("fees"), is_sum("salaries"), is_sum("costs"), is_sum("price"), is_sum("feed")
    (True, True, True, False, False, False)
    """
    return re.fullmatch(_SUM, noun) is not None


# "what are the penalties if someone breaks the rules?", "what's the fee?": a sanction or a sum asked after "what is
# the", where no verb follows it for ``query._WH_HEAD`` to see; it is the thing asked when the clause ends at it or a
# condition follows ("if", "when"…), not a modifier of another noun ("what's the fine print on X?")
_THE_SANCTION = re.compile(LEAD + r"(?:what|which)(?:'s|\s+(?:is|was|are|were|would\s+be|will\s+be))\s+the\s+"
                           r"((?:[a-z\-]+\s+){0,2}?(?:" + _SANCTION + "|" + _SUM + r"))"
                           r"(?=\s*(?:[?,.;!]|$)|\s+(?:if|when|whenever|once|unless|should|in\s+case)\b)")


def sanction_asked(text: str) -> re.Match | None:
    """The match whose group 1 ends on the sanction or sum a "what is the X if…?" question asks for, else None (the
    match read as ``query.asked_thing`` reads "what is the X of Y"): articles that never write its noun cannot
    state it, however close their sentences on the rule broken (``is_sanction``).

    >>> sanction_asked("what are the penalties if someone breaks the rules?").group(1)
    'penalties'
    >>> sanction_asked("so what's the actual fine when a lab leaks data").group(1), sanction_asked("what's the fee?").group(1)
    ('actual fine', 'fee')
    >>> sanction_asked("what's the fine print on data?"), sanction_asked("what are the problems if it lapses?")
    (None, None)
    """
    return _THE_SANCTION.match(text.lower().replace("’", "'"))


def tells_of(sentence: str, kind: str) -> bool:
    """Does the sentence write the kind's own noun ("prominent scientists noted…")?

    >>> tells_of("Prominent scientists noted it.", "scientist"), tells_of("The science pact.", "scientist")
    (True, False)
    """
    return re.search(rf"\b{kind}s?\b", sentence, re.I) is not None


def names_item(sentence: str, kind: str) -> bool:
    """Does the sentence name an item of the kind at its noun: items listed after it ("minerals such as gallium"), a
    name right after it ("the mission Chang'e") or before it ("the Apollo missions", not "Chinese vaccines": a
    nationality says whose they are, though for people it says which: "which scientists…?", "American and Chinese
    scientists"), "X and other minerals", or for people a person by a title ("Dr Ann Lee")?

    >>> names_item("It curbed minerals such as gallium.", "mineral"), names_item("It curbed rare minerals.", "mineral")
    (True, False)
    >>> names_item("The Apollo missions flew.", "mission")
    True
    >>> names_item("Both U.S. and Chinese vaccines work.", "vaccine")
    False
    >>> names_item("Why can't American & Chinese scientists get along?", "scientist")
    True
    >>> names_item("It scrutinized Chinese scientists and researchers.", "researcher")
    True
    >>> names_item("It makes vaccines for new pathogens.", "vaccine"), names_item("Gallium and other metals.", "metal")
    (False, True)
    >>> names_item("Tools (e.g., vaccines, gene therapies) grew.", "vaccine")
    False
    >>> names_item("Dr Ann Lee warned.", "scientist")
    True
    """
    noun = rf"(?i:\b{kind}s?\b)"
    if re.search(noun + _LISTED, sentence) or re.search(noun + r"\s+[A-Z]", sentence) \
            or re.search(r"\b(?:and|or)\s+other\s+(?:[a-z-]+\s+){0,2}?" + noun, sentence):
        return True
    people = kind in PEOPLE_ITEMS  # "which scientists…?" is answered by "American and Chinese scientists" too
    # the name may qualify two nouns at once: "Chinese scientists and researchers"
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b((?:[A-Z][\w'’.&-]*\s+)+)(?:[a-z-]+,?\s+(?:and|or|&)\s+)?" + noun,
                         sentence):
        if people or any(not (is_demonym(w) or _place(w)) for w in m.group(1).split()):
            return True
    return people and names_person(sentence)


def _place(word: str) -> bool:
    """A country's or a city's name, its initials too ("U.S.", "US", "Japan")."""
    w = word.lower().replace(".", "")
    return names_place(w) or w in PLACE_NAMES


def kind_named(kind: str, sentences, leader: str = "", close=()) -> bool:
    """No kind asked, or some of the sentences names one of it (``names_kind``): "which universities…". A thing asked
    one by one (``is_item``: "which vaccine…") is named unless the leading sentence or one scoring near it (``close``)
    tells of the kind itself and none of them names an item of it: the leader may be there for another word of the
    question ("House Republicans…" for "which famous scientists spoke out…?") while the close sentence telling of the
    kind ("prominent scientists noted…") shows the articles speak of it without naming one.

    >>> kind_named("scientist", [], "Prominent scientists warned.", ["Prominent scientists warned."])
    False
    >>> kind_named("scientist", [], "The pact was renewed.", ["The pact was renewed."])
    True
    >>> kind_named("scientist", [], "House Republicans objected.", ["Prominent scientists warned."])
    False
    """
    if is_item(kind):
        return not any(tells_of(s, kind) for s in [leader, *close]) or any(names_item(s, kind) for s in close)
    return not kind or any(names_kind(s, kind) for s in sentences)
