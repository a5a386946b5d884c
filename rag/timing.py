"""Which article was written before (or after) an event: each article's own time, read from how it speaks of the event.

"Which of the pieces was written before the vote?" asks for an article, picked out by its time, not for a byline.
Most articles state no date; but a writer tells their own time by the way they speak of the event: before it
happened, it is pending ("the vote may slip again", "its passage remains uncertain", "a passed bill could…");
after it, it is told as done ("on May 3 the council passed it", "the passage on May 3 was…"). So an article that
tells the event as done was written after it; one that speaks of it only as still to come was written before it;
one that never speaks of it is not placed. The answer is each such article's card (what it is) and its own words
placing it: for "before", the sentences where it tells where things stood as it wrote (``status.status_of``) and
the one speaking of the event as pending; for "after", the one telling the event as done.
General English only: verbs of writing, words of time, modal and uncertain words, past-tense endings.
"""

from __future__ import annotations

import re

from rag.evidence import Candidate
from rag.intent import LEAD
from rag.rules import MONTH
from rag.status import status_of, written_apart
from rag.text import stem
from rag.timesides import times_apart

# "which (of the) article(s) was written / came out before X", "which one is from after X": an article asked for by
# its time (the article words, "one" for any of them; general English)
_ARTICLE = r"(?:articles?|pieces?|ones?|op-?eds?|stories|story|essays?|reports?|columns?|texts?)"
_WHICH_BY_TIME = re.compile(
    LEAD + r"(?:which|what)\s+(?:ones?\b|of\s+(?:the|these|those|them)(?:\s+(?:two|three|four|five|several))?"
    r"(?:\s+" + _ARTICLE + r")?|(?:[\w'-]+\s+){0,2}?" + _ARTICLE + r")\s*"
    r"(?:(?:was|were|is|are|got|had\s+been|has\s+been)\s+)?(?:(?:first|actually|originally)\s+)?"
    r"(?:written|published|penned|released|posted|put\s+out|came\s+out|come\s+out|appeared|ran|from|dated?)\s+"
    r"(?:(?:well|long|just|shortly|right|way)\s+)?(before|after|prior\s+to|ahead\s+of|following|since|once)\s+"
    r"(.+?)\s*[?.!]*$", re.I)
# "before"/"after" by its words
_BEFORE = {"before", "prior to", "ahead of"}
# verbs that only say the event took place or the wording around it ("the renewal actually happened"): they name
# no act of their own (general English light and aspect verbs, auxiliaries)
_LIGHT = {stem(w) for w in ("happened", "occurred", "took", "taken", "got", "gotten", "came", "went", "done", "made",
                            "started", "began", "begun", "finished", "ended", "completed", "been", "had", "said",
                            "need", "needed", "indeed", "ed", "red", "bed", "shed", "feed", "seed", "speed")}
# a word naming an act: a past form or a participle ("renewed", "signed", "written"), or a noun made of a verb
# ("renewal", "signing", "election", "agreement", "closure")
_ACT_FORM = re.compile(r"^[a-z]{3,}(?:ed|en|al|ion|ions|ment|ing|ure)$")
# words after which a participle describes a noun ("a renewed pact", "the revised deal"), not an act done
_DESCRIBES = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
              "newly", "freshly", "any", "such", "another"}
# how a writer speaks of what has not happened yet: modals, conditionals, uncertainty, schedules (general English;
# "may" in lower case, since "May" is a month)
_PENDING = re.compile(r"\b(?:[Ww]ill|[Ww]ould|[Cc]ould|[Mm]ight|[Ss]hall|[Ss]hould|[Cc]an(?:not)?|[Mm]ust|[Ii]f|[Uu]nless|"
                      r"[Ww]hether|[Uu]ncertain(?:ty)?|[Pp]ending|[Pp]rospects?|(?:is|are|was|were)\s+(?:due|set|"
                      r"expected|likely|unlikely|yet)\s+to|remains?\s+to\s+be|won't|wouldn't|can't|couldn't)\b|\bmay\b")
# a time right after a noun of the act ("the renewal on Dec. 13", "the vote in May 2024"): the act dated, so done
_DATED = re.compile(r"^\W*(?:on|in|of)\s+(?:" + MONTH + r"|\d{4}\b)")
# a recurrence ("they renew it every five years"): the act's earlier rounds, not the one asked about
_HABIT = re.compile(r"\b(?:every|each\s+time|regularly|routinely|usually)\b", re.I)
_DAY = re.compile(MONTH + r"\s+\d{1,2}\b")  # "on Dec. 13": a sentence dating the act tells best when it was done
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def time_asked(text: str) -> tuple:
    """("before" or "after", the event's text) when the question asks which article was written before or after an
    event, else ().

    >>> time_asked("which of these articles was written before the vote was held?")
    ('before', 'the vote was held')
    >>> time_asked("which piece came out after the merger?"), time_asked("which one is from before the vote?")
    (('after', 'the merger'), ('before', 'the vote'))
    >>> time_asked("what happened before the vote?"), time_asked("who wrote the piece published after the vote?")
    ((), ())
    >>> time_asked("which studies were published after the vote?"), time_asked("which of these was published prior to it?")
    ((), ('before', 'it'))
    """
    m = _WHICH_BY_TIME.match(text.strip().lower())
    if not m:
        return ()
    rel = re.sub(r"\s+", " ", m.group(1))
    return ("before" if rel in _BEFORE else "after", m.group(2))


# "the timing of the A piece vs the others", "A was written at a different time from the rest": when an article was
# written, set against the others' (general English); with two or more articles named and a time against which they
# were written, ``status.written_apart`` answers instead
_TIMING = re.compile(r"\btiming\b|\bwritten\s+at\s+(?:a\s+)?different\s+(?:times?|points?)\b", re.I)
_SET_AGAINST = re.compile(r"\b(?:others?|rest|differ\w*|different|compar\w*|vs\.?|versus|contrast\w*)\b", re.I)


def timed_of(text: str, named: set) -> tuple:
    """What ``Query.timed`` holds: ("before"/"after", event) for "which article was written before X?" (no article
    named), ("apart", "") for an article's timing set against the others', else ().

    >>> timed_of("which piece came out after the vote?", set()), timed_of("how is the timing of A different from the others?", {"a"})
    (('after', 'the vote'), ('apart', ''))
    >>> timed_of("what was the timing of the vote?", set()), timed_of("was A written before the vote and B after?", {"a", "b"})
    ((), ())
    """
    if times_apart(text):  # "the piece written before X vs the ones written after": both sides, named or not
        return times_apart(text)
    if not named and time_asked(text):
        return time_asked(text)
    return ("apart", "") if _TIMING.search(text) and _SET_AGAINST.search(text) and not written_apart(text, named) else ()


def act_stems(event: str) -> set[str]:
    """The stems of the words naming the event's act ("the vote was held" -> none; "the deal was renewed" ->
    {"renew"}; "the renewal actually happened" -> {"renew"}): a past form, a participle or a noun made of a verb,
    not a light verb that only says it took place.

    >>> sorted(act_stems("the deal was renewed")), sorted(act_stems("the renewal actually happened"))
    (['renew'], ['renew'])
    >>> sorted(act_stems("the election")), sorted(act_stems("the talks"))
    (['elect'], [])
    """
    words = [w for w in re.findall(r"[a-z]+", event.lower()) if _ACT_FORM.match(w)]
    return {stem(w) for w in words} - _LIGHT


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.end()) for m in _WORD.finditer(text)]


def tells_done(text: str, acts: set[str]) -> bool:
    """Does the sentence tell the act as done: a past form of its verb not describing a noun ("Washington renewed
    it", "they have renewed it") or a noun of it with its date ("the renewal on Dec. 13 was…"), and no word of
    what is still to come?

    >>> tells_done("Finally, on May 3, the council renewed the lease.", {"renew"})
    True
    >>> tells_done("The renewal on Dec. 13 was an important step.", {"renew"})
    True
    >>> tells_done("A renewed lease could include new terms.", {"renew"}), tells_done("Its renewal remains uncertain.", {"renew"})
    (False, False)
    """
    if _PENDING.search(text) or _HABIT.search(text):
        return False
    toks = _tokens(text)
    for i, (w, end) in enumerate(toks):
        low = w.lower()
        if stem(low) not in acts:
            continue
        if low.endswith("ed") and (i == 0 or toks[i - 1][0].lower() not in _DESCRIBES):
            return True
        if not low.endswith("ed") and _DATED.match(text[end:]):
            return True
    return False


def tells_pending(text: str, acts: set[str]) -> bool:
    """Does the sentence speak of the act as still to come (it names the act beside a modal, a condition or an
    uncertainty)?

    >>> tells_pending("Renewal of the lease could rebuild trust.", {"renew"}), tells_pending("Its renewal remains uncertain.", {"renew"})
    (True, True)
    >>> tells_pending("The council renewed the lease.", {"renew"}), tells_pending("It may lapse.", {"renew"})
    (False, False)
    """
    return bool(_PENDING.search(text)) and any(stem(w.lower()) in acts for w, _ in _tokens(text))


def placed(cands: list[Candidate], acts: set[str]) -> dict[str, str]:
    """Each article's time against the act, from its body sentences among ``cands``: "after" when one tells the act
    as done, "before" when none does and one speaks of it as pending; an article that never speaks of it is left out."""
    out: dict[str, str] = {}
    for c in cands:
        if c.passage.kind != "body":
            continue
        if tells_done(c.text, acts):
            out[c.doc_id] = "after"
        elif tells_pending(c.text, acts):
            out.setdefault(c.doc_id, "before")
    return out


def _card(passages: list, doc: str) -> Candidate | None:
    """The article's card as a sentence to quote (cards are no candidates unless the question is about articles)."""
    p = next((p for p in passages if p.doc_id == doc and p.kind == "metadata" and p.sentences), None)
    if p is None:
        return None
    s, e = p.sentences[0]
    return Candidate(0, p, s, e, p.text[s:e], set())


def pick_timed(query, cands: list[Candidate], passages: list) -> tuple[list[Candidate], list[str]] | None:
    """"Which article was written before/after X?": each article placed on that side of X (``placed``, in the order
    its best sentence ranks), as its card and its own words placing it; None when the question asks no such thing
    or no article is placed there (the answer is then read as before)."""
    if not query.timed:
        return None
    rel, event = query.timed
    if rel == "apart":
        return _each_own_time(query, cands, passages)
    acts = act_stems(event)
    side = placed(cands, acts) if acts else {}
    order = list(dict.fromkeys(c.doc_id for c in cands))
    rels = ("before", "after") if rel == "both" else (rel,)  # "the piece before X vs the ones after": before first
    if rel == "both" and not all(r in side.values() for r in rels):
        return None  # one side unplaced: no comparison of the two times to show
    chosen: list[Candidate] = []
    why: list[str] = []
    # a side the question names an article for ("the A one written after") is that article's alone
    named = {r: [d for d in order if side.get(d) == r and d in query.named_docs] for r in rels}
    for doc, r in ((d, r) for r in rels for d in (named[r] or order) if side.get(d) == r):
        picked, ways = _placed_words(query, cands, passages, doc, r, acts)
        chosen, why = chosen + picked, why + ways
    return (chosen, why) if chosen else None


def _placed_words(query, cands: list[Candidate], passages: list, doc: str, rel: str, acts: set
                  ) -> tuple[list[Candidate], list[str]]:
    """An article placed ``rel`` the event: its card, then its own words placing it (for "before", where things
    stood as it wrote and the event spoken of as pending; for "after", the event told done, a dated sentence first)."""
    own = [c for c in cands if c.doc_id == doc and c.passage.kind == "body"]
    tell = tells_done if rel == "after" else tells_pending
    told = sorted((c for c in own if tell(c.text, acts)), key=lambda c: not _DAY.search(c.text))[:1]  # dated first
    stood = status_of(query, own, doc) if rel == "before" else []
    card = _card(passages, doc)
    picked = [card] if card is not None else []
    keys = set()
    for c in stood + told:
        if c.abs_key not in keys:
            keys.add(c.abs_key)
            picked.append(c)
    return picked, ["card"] * (card is not None) + ["timed"] * (len(picked) - (card is not None))


def _each_own_time(query, cands: list[Candidate], passages: list) -> tuple[list[Candidate], list[str]] | None:
    """An article's timing set against the others': each article telling where things stood as it wrote
    (``status.status_of``), the named ones first, as its card (its date, when stated) and those sentences; None
    when no named article tells it."""
    docs = sorted(dict.fromkeys(c.doc_id for c in cands), key=lambda d: d not in query.named_docs)
    chosen: list[Candidate] = []
    why: list[str] = []
    for doc in docs:
        stood = status_of(query, [c for c in cands if c.doc_id == doc and c.passage.kind == "body"], doc)
        card = _card(passages, doc) if stood else None
        chosen += [card] * (card is not None) + stood
        why += ["card"] * (card is not None) + ["status"] * len(stood)
    return (chosen, why) if {c.doc_id for c in chosen} & set(query.named_docs) else None


def timed_pool(retriever, query, pool: list) -> list:
    """Every body passage and the card of the articles in ``pool``, which ``pool`` lacks: an article is placed by
    all it says of the event (one sentence telling it done outweighs any number speaking of it as pending), and the
    answer shows what it is. Only for a question asking which article was written before or after something."""
    if not query.timed:
        return []
    docs = list(dict.fromkeys(p.doc_id for p in pool))
    have = {p.chunk_id for p in pool}
    return [p for p in retriever.bodies(docs) + retriever.cards_for(docs) if p.chunk_id not in have]


def timed_opening(query) -> str:
    """The answer's opening: "Written before it — " or "Written after it — "; none for timings set side by side."""
    rel = query.timed[0] if query.timed else "apart"
    return "" if rel in ("apart", "both") else f"Written {rel} it — "
