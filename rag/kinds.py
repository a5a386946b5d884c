"""Which named thing of a kind a question asks for, and whether a sentence names one.

"Which universities run projects under the pact?" or "what's the name of the ministry that runs it?" asks for
a university or a ministry by its name: a sentence telling that "universities and agencies joined projects"
is on the topic but names none, and quoting it answers a question the articles leave open. English names such
institutions with a proper name built on the kind's own noun ("Tsinghua University", "Ministry of Science",
"State Department"); a question after "which agency / body / organization" may be answered by a name built on
any institution's noun ("National Science Foundation").
"""

from __future__ import annotations

import re

# nouns of the institutions English calls by a proper name; general English, not the articles' words
_KIND = (r"(universit(?:y|ies)|colleges?|ministr(?:y|ies)|departments?|agenc(?:y|ies)|institutes?|academ(?:y|ies)|"
         r"foundations?|commissions?|committees?|bureaus?|councils?|bod(?:y|ies)|organi[sz]ations?|institutions?|outfits?)")
# "which us universities…", "name a few specific american universities", "the name of the chinese ministry": the
# kind after the asking word and up to three words that qualify it; an auxiliary in between makes the kind the
# subject of another question ("what did the foreign ministry say?" asks what was said, not which ministry)
_AUX = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|might|may)"
_ASKED = re.compile(r"\b(?:which|what|name(?:\s+(?:a\s+few|some|one|two|three|any|the))?|the\s+name\s+of\s+the)"
                    r"\s+(?:(?!" + _AUX + r"\b)[a-z.'-]+\s+){0,3}?" + _KIND + r"\b")
# the kinds whose names carry their own noun; any other kind is answered by any institution's name
_OWN_NOUN = {"universit": ("University", "College", "Institute"), "college": ("University", "College", "Institute"),
             "ministr": ("Ministry",), "department": ("Ministry", "Department"), "committee": ("Committee",)}
_HEADS = ("University", "College", "Ministry", "Department", "Agency", "Institute", "Academy", "Foundation",
          "Commission", "Bureau", "Council", "Center", "Centre", "Office", "Administration", "Laboratory", "School",
          "Association", "Society")


def asked_kind(text: str) -> str:
    """The institution's noun (its stem, as the ``_OWN_NOUN`` keys spell it) a question asks one of by name, or "".

    >>> asked_kind("which us universities run projects under the sta"), asked_kind("what did the foreign ministry say?")
    ('universit', '')
    >>> asked_kind("what's the name of the chinese ministry that runs it"), asked_kind("which US agency said so?")
    ('ministr', 'agenc')
    >>> asked_kind("which harbour committee went after the lease?")
    'committee'

    """
    m = _ASKED.search(text.lower())
    return re.sub(r"(?:y|ies|s)$", "", m.group(1)) if m else ""


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


def kind_named(kind: str, sentences) -> bool:
    """No kind asked, or some of the sentences names one of it (``names_kind``)."""
    return not kind or any(names_kind(s, kind) for s in sentences)
