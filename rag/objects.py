"""Where a subject noun phrase ends because its verb takes an object: "does the science pact force us agencies to…".

Why: after "does/did the …" the words up to the first stop word were read as the subject ("the science pact force
us"), so "what does it actually do?" was asked of a thing that names nothing. A noun phrase cannot run on into an
article or an object pronoun, so the word before one is a verb and the subject ends before it.
"""

from __future__ import annotations

# Words that open a verb's object: articles, object pronouns, possessives ("us" is also the country, as an adjective
# before a noun, where it opens the object's noun phrase all the same).
_OBJECT_OPENS = {"the", "a", "an", "us", "them", "him", "her", "me", "you", "its", "their", "our", "his", "any", "every"}


def before_object(words: list[str], nxt: str = "") -> list[str]:
    """``words`` (a noun phrase's words, ``nxt`` the word after them) cut before the verb whose object follows; a
    verb needs a subject word before it, so the first two words are never cut.

    >>> before_object(["ferry", "pact", "force", "us"]), before_object(["ferry", "pact", "force"], "the")
    (['ferry', 'pact'], ['ferry', 'pact'])
    >>> before_object(["old", "us", "pact"]), before_object(["ferry", "pact"], "lapse")
    (['old', 'us', 'pact'], ['ferry', 'pact'])
    """
    seq = [w.lower() for w in words] + ([nxt.lower()] if nxt else [])
    for i in range(2, len(seq)):
        if seq[i] in _OBJECT_OPENS:
            return words[:i - 1]
    return words


_ARTICLES = {"the", "a", "an", "its", "their", "his", "her", "our"}
_PREPOSITIONS = {"in", "on", "at", "of", "to", "for", "with", "from", "about", "into", "under", "over", "between"}


def no_later_verb(rest: str) -> bool:
    """Are the words after a do-support subject's run ("what did the old plan change | in the pact?") a preposition
    and one-noun phrases only, so they hold no verb and the run's last word must be its verb? A second content word
    in a phrase may be that verb ("…with the town lapse?"), so the run is then left whole.

    >>> no_later_verb("in the pact"), no_later_verb("to the pact and the port"), no_later_verb("in 2023")
    (True, True, True)
    >>> no_later_verb("with the town lapse"), no_later_verb("with Oslo lapse"), no_later_verb("")
    (False, False, False)
    """
    words = [w.lower() for w in rest.replace("?", " ").split()]
    if not words or words[0] not in _PREPOSITIONS:
        return False
    nouns, after_article = 0, False
    for w in words[1:]:
        if w in _ARTICLES:
            nouns, after_article = 0, True
        elif w in _PREPOSITIONS or w == "and":
            after_article = False
        elif w.isdigit():  # "in 2023": a number is a phrase of its own
            after_article, nouns = False, 0
        elif not after_article or nouns:
            return False  # a content word outside an article's phrase, or a second one inside it: maybe the verb
        else:
            nouns += 1
    return True
