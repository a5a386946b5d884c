"""Comparisons asking whether the articles agree: each article that speaks to the topic is heard.

"Do the articles agree about X?" names no article and sets no sides: its answer is each article's own sentence on X.
A comparison otherwise hears an article only when its best sentence comes near the overall best
(``compare.COMPARE_RATIO``, ``compare.SECOND_SOURCE``), so one article holding the question's words in a sentence
of its own (a word taken in another sense, a topic told in passing) outranks every other article's account, and the
reader hears one party to the agreement asked about.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate
from rag.neighbours import fresh

# "do the articles agree…", "do they disagree…", "do the writers see eye to eye…": general English for asking whether
# accounts agree ("agreement", "agreed" as a noun or a deal's past are not matched)
_AGREE = re.compile(r"\b(?:agree|disagree|see eye to eye|on the same page)\b", re.I)
TOPIC_SHARE = 0.25  # a question term held by more of the pool's sentences than this names no topic of its own
# "agree on whether X": the word opening the matter in dispute, never the matter itself (general English); the topic
# is read from the best sentence holding another question term ("whether the results will be shared" is no topic)
OPEN_QUESTION = {"whether"}
AGREE_SHARE = 0.45  # an article is heard at its best sentence holding a question word, down to this share of the best


def asks_agreement(query) -> bool:
    """Does a comparison ask whether the articles, none named and no sides set, agree on a topic?

    >>> from types import SimpleNamespace as Q
    >>> asks_agreement(Q(text="do the articles agree about ferry fares?", named_docs=set(), sides=[], within=False))
    True
    >>> asks_agreement(Q(text="how was the agreement changed?", named_docs=set(), sides=[], within=False))
    False
    >>> asks_agreement(Q(text="do the port piece and the review agree?", named_docs={"p", "r"}, sides=[], within=False))
    False
    """
    return not (query.named_docs or query.sides or query.within) and bool(_AGREE.search(getattr(query, "text", "")))


def topic_of(query, cands: list[Candidate]) -> set[str]:
    """The question's terms the best sentence holds that few sentences of the pool hold (at most ``TOPIC_SHARE`` of
    them): what it speaks to, not a word every sentence holds ("China" in a pool about China) or a frame word. The
    best sentence holding a question term other than "whether" (``OPEN_QUESTION``) gives them.

    >>> from types import SimpleNamespace as S
    >>> cs = [S(terms={"port", "fare", "rise"}, passage=S(kind="body"))] + [S(terms={"port"}, passage=S(kind="body"))] * 3
    >>> sorted(topic_of(S(terms=["port", "fare", "whether"]), cs))
    ['fare']
    >>> cs = [S(terms={"whether", "doubt"}, passage=S(kind="body"))] + cs  # a best sentence holding only "whether"
    >>> sorted(topic_of(S(terms=["port", "fare", "whether"]), cs))
    ['fare']
    """
    body = [c for c in cands if c.passage.kind == "body"]
    asked = set(getattr(query, "terms", [])) - OPEN_QUESTION
    held = asked & next((c.terms for c in cands if c.terms & asked), set())
    return {t for t in held if sum(t in c.terms for c in body) <= TOPIC_SHARE * len(body)}


def every_article(query, cands: list[Candidate], chosen: list[Candidate], why: list[str], limit: int
                  ) -> tuple[list[Candidate], list[str]]:
    """For a question asking whether the articles agree (``asks_agreement``): each article not yet heard is heard at
    the sentence holding most of the question's words (``overlap``, the better score on a tie) among those scoring
    ``AGREE_SHARE`` of the best: the topic, not a frame word ("whether", "cooperate") it shares in passing; within
    ``limit``, an article's second sentence gives way to another article's first."""
    if not cands or not chosen or not asks_agreement(query):
        return chosen, why
    bar, heard = AGREE_SHARE * cands[0].score, {c.doc_id for c in chosen}
    topic = topic_of(query, cands)
    best: dict[str, Candidate] = {}  # each other article's sentence holding most of the question's weight
    for c in cands:
        if c.passage.kind == "body" and c.doc_id not in heard and c.terms & topic and c.score >= bar and fresh(c, chosen):
            if c.doc_id not in best or c.overlap > best[c.doc_id].overlap:
                best[c.doc_id] = c
    added = sorted(best.values(), key=lambda c: -c.score)
    if not added:
        return chosen, why
    firsts = [i for i, c in enumerate(chosen) if all(x.doc_id != c.doc_id for x in chosen[:i])]
    seconds = [i for i in range(len(chosen)) if i not in firsts]
    order = [(chosen[i], why[i]) for i in firsts] + [(c, "each_article") for c in added] \
        + [(chosen[i], why[i]) for i in seconds]
    order = order[:max(limit, len(firsts))]
    return [c for c, _ in order], [w for _, w in order]
