"""Which lower-case words of a question name a thing, and which only describe it or join a word.

The capitalisation test of ``rag.abstain.unknown_terms`` cannot see a name typed in lower case: a word before
"department" or "agency" names a body ("the energy department"), unless it is one word more of a description
("a science money agency"); and a prefix before a hyphen ("pre-renewal") is no initials typed in lower case.
"""

from __future__ import annotations

import re

from rag.places import is_place
from rag.text import PLACE_NAMES, STOPWORDS, stem


# "pre-renewal", "co-chair", "mid-term": a prefix English writes before a hyphen (general English, not the articles')
PREFIXES = frozenset({"pre", "co", "re", "ex", "bi", "tri", "mid", "non", "post", "anti", "semi", "multi", "sub",
                       "inter", "quasi", "neo", "pseudo", "proto", "micro", "macro", "mega", "mini", "ultra"})
_HYPHENED = re.compile(r"\b([a-z]+)-[a-z]")


def bound_prefixes(text: str) -> set[str]:
    """The prefixes the question writes before a hyphen: "pre" of "the pre-renewal article" is no acronym typed in
    lower case (as "nsf" is), though English text writes it often and no dictionary lists it on its own.

    >>> sorted(bound_prefixes("how does the pre-renewal piece compare with the post-deal ones?"))
    ['post', 'pre']
    >>> bound_prefixes("was the nsf-funded lab closed?")
    set()
    """
    return {w for w in _HYPHENED.findall(text.lower()) if w in PREFIXES}


# "the justice department's", "the commerce ministry": a word naming which body, typed in lower case; and so does a
# word before the noun of an institution English names with a proper name ("confucius institutes", "the yale
# university", "the wellcome foundation"), which the noun alone never says
# (not "lab" or "council": "a biotech lab", "a research council" say what kind, as often as which one)
_BODY = re.compile(r"(?:\b([a-z']+)\s+)?\b([a-z]+)\s+(?:department|ministry|agency|bureau|commission|institute|universit(?:y|ie)|foundation|"
                   r"academ(?:y|ie)|college)s?\b")
# ...not a word that only points at or qualifies one ("which agency", "the federal agency")
NOT_A_NAME = {"which", "what", "the", "a", "an", "any", "this", "that", "each", "every", "same", "other", "one", "its",
               "their", "his", "her", "our", "us", "government", "federal", "national", "main", "top", "relevant",
               "elite", "prestigious", "major", "big", "public", "private", "partner", "foreign", "local", "joint"}


def body_name(text: str) -> set[str]:
    """The stems of words that say which body a lower-case "X department / ministry / agency / institute" is. Its words are
    a body's name, as "Justice Department" is in capitals: when the articles never use the word, they never
    mention that body, however everyday the word ("justice", "energy") is. Only unknown words count (the caller
    keeps them): "the state department" the articles name; "which department" or "the same agency" name none,
    and a gerund says what a body does, not which one it is ("a funding agency").

    >>> sorted(body_name("did the energy department's plan matter?")), body_name("which agency signed?")
    (['energi'], set())
    >>> body_name("is its main funding agency modeled on another?")
    set()
    >>> sorted(body_name("was anything about confucius institutes in it?")), body_name("did elite universities join?")
    (['confucius'], set())
    >>> body_name("was its main science money agency copied?"), sorted(body_name("did the us energy department act?"))
    (set(), ['energi'])
    """
    return {stem(w) for before, w in _BODY.findall(text.lower())
            if w not in NOT_A_NAME and not w.endswith("ing") and not describes(before)}


def describes(before: str) -> bool:
    """Is the word before "X agency" one more word saying what kind of body it is ("a science money agency")? Then
    X describes too, as each word of such a run does; a name stands first, after a word that only points at the
    body ("the", "which", "main") or a country that owns it ("the us energy department", "china's science ministry").
    """
    word = before.removesuffix("'s").rstrip("'")
    return bool(word) and word not in STOPWORDS and word not in NOT_A_NAME and stem(word) not in PLACE_NAMES \
        and not is_place(word)
