"""A writer's subheadings and the sections they head: a bulleted section whose subheading names the asked list,
a prose section whose subheading is its writer's summary of what is asked.

Each rule reads the article's own layout (``## `` subheadings, ``- `` bullets), never one wording of the corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.evidence import Candidate
from rag.neighbours import fresh
from rag.schema import Passage  # noqa: F401  (doctest)
from rag.text import terms

HEADING_MATCH = 0.35  # a subheading holding this share of the question's weighted terms names the asked list
MAX_ITEMS = 8
BULLETED = re.compile(r"(?m)^## (.+)\n+- ")  # a subheading whose section opens with a bullet


def heading_share(heading: str, weights: dict[str, float]) -> float:
    """The share of the question's weighted terms a subheading holds.

    >>> heading_share("Main Duties of the Harbour Master", {"duti": 2.0, "harbour": 1.0, "fee": 1.0})
    0.75
    """
    words = set(terms(heading))
    return sum(w for t, w in weights.items() if t in words) / (sum(weights.values()) or 1.0)


def names_the_list(heading: str, weights: dict[str, float], kind: str = "") -> float:
    """How surely a subheading states what a list question asks: the share of its weighted terms the subheading holds
    (``heading_share``), or at least ``HEADING_MATCH`` when it names the kind of things asked for ("what are the main
    pillars … for how the port works now?" over "## Key Pillars of the Port Today": the rest of the question tells
    what the pillars are of, in words a subheading need not use).

    >>> names_the_list("Key Pillars of the Port", {"pillar": 1.0, "work": 2.0}, "pillar"), names_the_list("Fees", {"pillar": 1.0})
    (0.35, 0.0)
    """
    share = heading_share(heading, weights)
    return max(share, HEADING_MATCH) if kind and kind in terms(heading) else share


def listed_under_heading(cands: list[Candidate], weights: dict[str, float], kind: str = "") -> list[Candidate]:
    """List and overview questions: the items of a bulleted section whose subheading states what is asked,
    in reading order.

    "What are the main duties of the harbour master?" over "## Main Duties of the Harbour Master" then
    "- Pilotage: …", "- Berths: …", "- Fees: …": the items are the list, each its own sentence, and no single
    sentence states it. Empty when no subheading holds ``HEADING_MATCH`` of the question's weight, or fewer than
    two of its items are among ``cands`` (a passage may begin mid-list: its first sentence counts as an item).
    """
    body = [c for c in cands if c.passage.kind == "body"]
    found = [(names_the_list(m.group(1), weights, kind), c.doc_id, c.passage.start + m.end())
             for c in body for m in BULLETED.finditer(c.passage.text)]
    found = [f for f in found if f[0] >= HEADING_MATCH]
    if not found:
        return []
    _, doc, at = max(found)
    ends = [c.passage.start + m.start() for c in body if c.doc_id == doc for m in re.finditer(r"(?m)^## ", c.passage.text)]
    end = min((e for e in ends if e > at), default=None)  # the next subheading closes the section
    mine = sorted({c.abs_key: c for c in body if c.doc_id == doc and c.abs_key[1] >= at
                   and (end is None or c.abs_key[1] < end)}.values(), key=lambda c: c.abs_key[1])
    items: list[Candidate] = []
    for c in mine:
        line_start = c.passage.text.rfind("\n", 0, c.start) + 1
        if c.passage.text[line_start:line_start + 2] != "- " and c.start > 0:
            break  # prose after the list
        items.append(c)
    return items[:MAX_ITEMS] if len(items) >= 2 else []


# a prose section's subheading holding this share of the question's weighted terms states what is asked (dev: 0.35 +0,
# 0.3 +1, 0.25 and 0.2 +1 with citation precision -0.003/-0.004); lower than a list's, since a prose section's
# subheading is its writer's few words for the whole section ("The Fee Dispute"), not the name of a list
SECTION_MATCH = 0.3
SUBHEADING = re.compile(r"(?m)^## (.+)$")


def section_heading(c: Candidate) -> str:
    """The subheading of the section a body sentence sits in: the last one before it in its passage, else the one in
    force where its passage begins (``Passage.section``); "" when it has none.

    >>> p = Passage("a:0", "a", "## Port Fees\\n\\nFees rose. Berths fell.", 0, 40, [])
    >>> section_heading(Candidate(0, p, 26, 38, "Berths fell.", set()))
    'Port Fees'
    >>> later = Passage("a:1", "a", "Berths fell.", 26, 38, [], section="Port Fees")  # it opens mid-section
    >>> section_heading(Candidate(0, later, 0, 12, "Berths fell.", set()))
    'Port Fees'
    """
    if c.passage.kind != "body":
        return ""
    last = None  # the last subheading line before the sentence, read up to its start as a search stopping there would
    for s, e, heading in subheadings(c.passage.text):
        if s + 3 >= c.start:
            break
        last = heading if e <= c.start else c.passage.text[s + 3:c.start]
    return last.strip() if last is not None else c.passage.section


@lru_cache(maxsize=16384)
def subheadings(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each subheading line of a passage: (start, end, its words). Remembered per passage text: answers read the
    section of many of its sentences, question after question."""
    return tuple((m.start(), m.end(), m.group(1)) for m in SUBHEADING.finditer(text))


def under_named_heading(cands: list[Candidate], chosen: list[Candidate], weights: dict[str, float]) -> Candidate | None:
    """The best sentence of a prose section whose subheading states what is asked, when none of it is chosen.

    A writer's subheading is their own summary of the section ("## The Harbour Fee Dispute"): for "what is the
    main dispute over fees?" the section's sentences say what it is in their own words ("this creates a rift:
    …"), which share little with the question, while a sentence elsewhere holding "fees" outscores them. A
    bulleted section is a list (``listed_under_heading``); here the section is prose, and one sentence of it
    (its best, ``cands`` being best first) is heard beside what the scores chose.
    """
    for c in cands:
        heading = section_heading(c)
        line_start = c.passage.text.rfind("\n", 0, c.start) + 1
        bullet = c.passage.text[line_start:line_start + 2] == "- "
        if not heading or bullet or heading_share(heading, weights) < SECTION_MATCH:
            continue
        if any(x.doc_id == c.doc_id and section_heading(x) == heading for x in chosen):
            return None  # the section is heard already
        return c if fresh(c, chosen) else None
    return None
