"""When a plain word of age ("new", "old") names a version of the thing compared, and when a question's past tense
asks for a story.

"How is the new deal different from the old one?" sets two versions of one thing apart. A writer names such a version
with a definite determiner ("the new pact", "its old scope"); the same adjective with none or an indefinite one
introduces some other thing ("establishes new guardrails", "a new phase of competition", "added a new section"),
which tells nothing of which version it is. General English: no topic word.
"""

from __future__ import annotations

import re

# The plain adjectives of age that qualify any noun; the derived ones ("revised", "renewed", "original") name versions
BARE_AGE = ("new", "newer", "old", "older")
# ...and the determiners by which such an adjective points back to a thing already known (a version), not a new one
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}
_AGED = re.compile(rf"(?<![\w'\-])(\w+\s+)?(?:{'|'.join(BARE_AGE)})(?![\w'\-])", re.I)


def pointed_ages(text: str) -> str:
    """``text`` with each plain adjective of age that no definite determiner leads blanked out: only "the new pact",
    "its old scope" keep naming a version.

    >>> pointed_ages("The new pact adds new guardrails and a new phase.")
    'The new pact adds   guardrails and a   phase.'
    >>> pointed_ages("Its old scope was broad; old habits stay.")
    'Its old scope was broad;   habits stay.'
    """
    return _AGED.sub(lambda m: m.group(0) if (m.group(1) or "").strip().lower() in _DEFINITE else (m.group(1) or "") + " ",
                     text)


# "how was the old deal different from the new one?": the past tense only places the old version in its time; the
# question asks how the two differ, not for the story of either (general English: a copula before "different")
_PAST_OF_DIFFERENCE = re.compile(r"\b(?:was|were)\b[^?.;]*?\bdifferent\b", re.I)
_PAST = re.compile(r"\b(?:was|were|did|had|history)\b", re.I)


def asks_story(question: str) -> bool:
    """Does a comparison asking in the past tense ask for a story ("what did it cover over the decades?", "what was its
    place in history?"), rather than how two versions differ ("how was the old deal different from the new one?")?

    >>> asks_story("what was the old pact's place in history?"), asks_story("how was the old pact different from the new one?")
    (True, False)
    >>> asks_story("how is the new pact different?"), asks_story("what did it cover, and how was it different?")
    (False, True)
    """
    return bool(_PAST.search(_PAST_OF_DIFFERENCE.sub(" ", question)))


_AGE_STEMS = frozenset(BARE_AGE)


def asked_ages(question: str) -> frozenset[str]:
    """The plain adjectives of age a question points at a version with ("how long does the new deal last?": "new");
    none for "what new rules did it add?", which asks of new things, not of a version.

    >>> sorted(asked_ages("how long does the new deal last?")), sorted(asked_ages("what new rules did it add?"))
    (['new'], [])
    """
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", pointed_ages(question)) if w.lower() in _AGE_STEMS)


def unpointed(asked: frozenset[str], text: str) -> frozenset[str]:
    """Of the question's version words (``asked_ages``), those a sentence writes only before a new thing ("added a new
    section", "a new phase"): there the word names no version, and the sentence does not hold the asked one.

    >>> sorted(unpointed(frozenset({"new"}), "It added a new section.")), sorted(unpointed(frozenset({"new"}), "The new deal adds a new section."))
    (['new'], [])
    """
    if not asked:
        return frozenset()
    return asked - {w.lower() for w in re.findall(r"[A-Za-z]+", pointed_ages(text))}
