"""Yes/no questions asserting under whose leadership an act was done ("was the 2031 lease signed under Berg?").

"Under Berg" asserts a leader, which the articles name as "the Berg administration" (general English: a
government is called by its leader's name). A sentence telling of the act but naming no leader ("In 2031 the
port signed the lease") says nothing of who led then, so it cannot answer yes; when the articles tie the asked
leader to another year of the act ("the 2019 renegotiation under Berg") the asked year was not theirs, and the
answer is no, told with the sentence naming the administration of the time if one is heard
(``rag.yesno.pick_yes_no``).
"""

from __future__ import annotations

import re

from rag.conflicts import conflicting_value, years_in
from rag.text import STOPWORDS

# "under Berg", "under the first Berg administration": the leader word a question asserts
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:(?:first|second|last|outgoing|new|former)\s+)?"
                    r"(?:(?:president|premier|chairman|prime\s+minister|governor|mayor)\s+)?([a-z][\w\-']+)", re.I)
# "the Berg administration", "Berg's administration": a government named by its leader
_ADMINISTRATION = re.compile(r"\b([A-Z][a-z][\w\-']*?)(?:['\u2019]s)?\s+administration\b")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][\w\-']*", text.lower()))


# "the 2019 renegotiation under Berg": a leader a sentence names as the one an act was done under
_UNDER_NAME = re.compile(r"\b(?i:under)\s+([A-Z][a-z][\w\-']*)")


def administrations(text: str, known: set[str] | frozenset = frozenset()) -> set[str]:
    """The leaders whose governments a sentence names ("the Berg administration"), lower-cased; with ``known``
    (leaders named so elsewhere), also those it names an act done under ("the 2019 renegotiation under Berg").

    >>> sorted(administrations("The outgoing Berg administration’s plan and the Lund administration."))
    ['berg', 'lund']
    >>> administrations("Under Moe, talks stalled."), administrations("Under Moe, talks stalled.", {"moe"})
    (set(), {'moe'})
    >>> administrations("The administration said so.")
    set()
    """
    found = {w.lower() for w in _ADMINISTRATION.findall(text)} - STOPWORDS
    return found | ({w.lower() for w in _UNDER_NAME.findall(text)} & set(known))


def asserted_leader(question: str, cands: list) -> str:
    """The leader a yes/no question asserts ("under berg"), when the articles name a government after that word.

    WHY: "under pressure" or "under the pact" asserts no leader; a word the heard sentences call an administration's
    name ("the Berg administration") does.

    >>> from types import SimpleNamespace as C
    >>> asserted_leader("was the lease signed under berg?", [C(text="The Berg administration spoke.")])
    'berg'
    >>> asserted_leader("was the lease signed under pressure?", [C(text="The Berg administration spoke.")])
    ''
    """
    named = set().union(*(administrations(c.text) for c in cands)) if cands else set()
    for m in _UNDER.finditer(question):
        if m.group(1).lower() in named:
            return m.group(1).lower()
    return ""


def leader_denied(question: str, best, cands: list) -> list | None:
    """The sentences answering no to "was <act of a year> done under <leader>?", or None.

    When the evidence names another leader of the act ("the 2019 renegotiation under Lund"), that is the no. When
    the evidence names no leader, and a heard sentence names that leader with another year
    ("the 2019 renegotiation under Berg" for "was the 2031 lease signed under Berg?"), the asked act was not theirs:
    the answer shows the sentence naming another administration (the one of the time) and the one dating the
    asked leader's act.
    """
    leader = asserted_leader(question, cands)
    if not leader or leader in _words(best.text):
        return None
    named = set().union(*(administrations(c.text) for c in cands))
    if administrations(best.text, named):  # the evidence names the leader of the act, and another one: no
        return [best]
    if not years_in(question):
        return None
    body = [c for c in cands if c.passage.kind == "body"]
    theirs = [c for c in body if leader in _words(c.text) and conflicting_value(question, c.text)]
    if not theirs:
        return None
    others = [c for c in body if administrations(c.text, named) - {leader} and leader not in _words(c.text)
              and not conflicting_value(question, c.text)]
    return others[:1] + theirs[:1]
