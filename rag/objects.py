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
