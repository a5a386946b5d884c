"""Extractive answers: pick the sentences that answer, cite each, or abstain.

1. Every citable sentence of the retrieved passages is a candidate (sentences
   repeated by chunk overlap are considered once).
2. Each is scored by how much of the question's *weighted* content it covers
   (rare terms weigh more: "budget" matters, "China" barely), by its passage's
   retrieval rank, and by whether it holds what the question asks for (a date
   for "when", a number for "how many", a name for "who", a place for "where").
3. The best sentence is kept, plus at most one or two more that add missing
   question terms, or that come from another article and give a different
   number or date (the articles disagree: show both).
4. Abstain when the question's key terms are absent from the corpus, or when
   even the best sentence covers too little of the question.

Each answer sentence is followed by ``[n]``; citation ``n`` carries the passage,
its offsets in the article body and the sentence offsets inside the passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.schema import Citation, Passage
from rag.text import normalize, stem, terms

# Words that make a question about the articles themselves (their authors, outlets, dates, links)...
META_WORDS = {"wrote", "write", "written", "writer", "author", "authors", "byline", "publish", "published",
              "outlet", "outlets", "publication", "co", "website", "url"}
# ...and words that do so only beside "article", "piece" and the like ("when did the article appear").
META_WEAK = {"appear", "appeared", "date", "dated", "read", "full", "source", "online", "link", "site", "behind",
             "newspaper", "when"}
ARTICLE_WORDS = {"article", "articles", "piece", "story", "essay", "op", "ed", "report", "excerpt", "column"}
META_STEMS = {stem(w) for w in META_WORDS | META_WEAK | ARTICLE_WORDS}
_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
_MONTH = r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\b"
_NUMWORDS = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|twice|dozens?|decades?)\b"
TYPE_PATTERNS = {
    # a full date counts as one thing: "December 13" is new even when the question says "December"
    "date": re.compile(rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|{_YEAR}|{_MONTH}"),
    "number": re.compile(rf"\d|{_NUMWORDS}", re.I),
    # capitalised words not opening the sentence: "Jimmy Carter", "ByteDance", "OpenAI"
    "name": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z]{2,}(?:\s+[A-Z][a-zA-Z]+)*"),
    "place": re.compile(r"\b(?:in|at|from)\s+[A-Z][a-z]+"),
    "duration": re.compile(rf"(?:\d+|{_NUMWORDS})[\s\-]+(?:years?|months?|weeks?|days?|decades?)\b", re.I),
}


_PERSONISH = ("leader", "leaders", "president", "presidents", "company", "companies", "firm", "firms", "person",
              "people", "administration", "department", "agency", "agencies", "official", "officials", "country",
              "countries", "outlet", "outlets", "organization", "organisations", "organizations", "institution",
              "university", "minister", "author", "authors", "scientist", "scientists", "group", "party")


def question_type(q: str) -> str | None:
    """What kind of thing the question asks for, from its first question word.

    >>> question_type("When was it signed?"), question_type("how many protocols?"), question_type("What is de-risking?")
    ('date', 'number', None)
    >>> question_type("Which two leaders signed it when it was first signed?"), question_type("How long was it renewed for?")
    ('name', 'duration')
    """
    ql = q.lower()
    if re.match(r"^\s*(who|what)\s+(is|was|are|were)\s+(?!the\s+(name|date|year|number)\b)[^,;]{1,40}\?*\s*$", ql):
        return None  # "Who is Brendan Kelly?" asks for a description, not a name
    if re.search(r"\b(?:the|a) number of\b", ql):
        return "number"
    m = re.search(r"\b(how (?:many|much|long|old)|when|where|whom|whose|who|which|what)\b((?:\s+[a-z\-']+){0,3})", ql)
    if not m:
        return None
    wh, rest = m.group(1), m.group(2).split()
    if wh == "how long":
        return "duration"
    if wh.startswith("how"):
        return "number"
    if wh == "when":
        return "date"
    if wh == "where":
        return "place"
    if wh in ("who", "whom", "whose"):
        return "name"
    nouns = [w for w in rest if w not in ("two", "three", "the", "a", "an", "u.s.", "us", "chinese", "american", "main", "leading")]
    head = nouns[0] if nouns else ""
    if head in ("year", "date", "day", "month"):
        return "date"
    if head in ("city", "country", "place", "capital") and head != "countries":
        return "place"
    if head in ("number", "percentage", "amount"):
        return "number"
    if head in _PERSONISH:
        return "name"
    return None


def is_meta_question(q: str) -> bool:
    """Is the question about an article itself rather than about the agreement?

    >>> is_meta_question("Who wrote the SCMP piece?"), is_meta_question("From which earlier date was it effective?")
    (True, False)
    """
    words = set(re.findall(r"[a-z]+", q.lower()))
    return bool(words & META_WORDS) or bool(words & META_WEAK and words & ARTICLE_WORDS)


@dataclass
class Candidate:
    passage_rank: int
    passage: Passage
    start: int  # offsets inside passage.text
    end: int
    text: str
    terms: set[str]
    score: float = 0.0
    overlap: float = 0.0
    sim: float = 0.0
    typed: bool = False

    @property
    def abs_key(self):
        if self.passage.kind != "body":
            return (self.passage.doc_id, "meta", self.start)
        return (self.passage.doc_id, self.passage.start + self.start)


@dataclass
class Decision:
    sentences: list[Candidate]
    abstained: bool
    reason: str = ""
    signals: dict = field(default_factory=dict)


# Calibrated on the shipped eval set's unanswerable questions (see README, "How answers are made").
MIN_BEST_OVERLAP = 0.34  # share of the question's weighted terms the best sentence must hold...
SIM_OK = 0.55  # ...unless it is at least this close to the question in embedding space
SIM_SURE = 0.70  # this close, a sentence answers even if the question uses words the corpus does not
MAX_UNKNOWN_SHARE = 0.20  # share of the question's weight carried by words the corpus never uses...
MIN_DELTA = -0.06  # ...is fine if dropping those words does not bring the question closer to the evidence
SIM_FLOOR = 0.35  # below this, no sentence is about the question at all
ADD_RATIO = 0.85  # an extra sentence must score at least this share of the best one
W_OVERLAP, W_SIM, W_RANK, W_TYPE = 0.4, 0.35, 0.1, 0.15  # sentence score weights
TYPED_PREFERENCE = 0.8  # a sentence of the asked type wins over a better-scoring one this close
REF_BONUS = 0.1  # sentences from an article the question names ("the ChinaFile article")
META_BONUS = 0.2  # for questions about an article, its byline card outranks sentences that merely mention it
QUANTITIES = ("number", "date", "duration")  # answer types on which articles can disagree
MAX_SENTENCES = 2
MAX_SENTENCES_DISAGREE = 3


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\b(?:nearly |over |more than |about |around |roughly )?\d[\d,.]*\b", text.lower()))


def has_new(qtype: str | None, text: str, question: str, common=None) -> bool:
    """Does ``text`` hold a thing of the asked type that the question does not already state?

    For names, ``common(word)`` tells words the corpus also writes in lower case: "Cooperation"
    opening a title is not a name, "Carter" or "ByteDance" is.

    >>> has_new("date", "It was signed in 1979.", "When was it signed?"), has_new("date", "In 2024 it was renewed.", "What happened in 2024?")
    (True, False)
    """
    if not qtype:
        return False
    qn = normalize(question)
    for m in TYPE_PATTERNS[qtype].finditer(text):
        frag = normalize(m.group(0)).strip()
        if not frag or f" {frag} " in f" {qn} ":
            continue
        if qtype == "name" and common is not None and all(common(w) for w in frag.split()):
            continue
        return True
    return False


def unknown_terms(question: str, qterms: list[str], known) -> tuple[list[str], list[str]]:
    """Question terms the corpus never uses, split into (entities, other words).

    Entities are numbers and capitalised names ("2029", "FIFA", "Minister"): if the
    corpus never mentions them, it cannot answer a question about them. Other words
    may be paraphrases of what the corpus says, which the embedding can vouch for.
    """
    meta = is_meta_question(question)
    caps = {stem(w.lower()) for w in re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][A-Za-z]+", question.strip())}
    ents, words = [], []
    for t in dict.fromkeys(qterms):
        if known(t) or (meta and t in META_STEMS):
            continue
        (ents if t.isdigit() or t in caps else words).append(t)
    return ents, words


def count_target(question: str) -> set[str]:
    """What a "how many X" / "the number of X" question counts: the stems of the next two words.

    >>> sorted(count_target("How many patents were filed?")), count_target("When?")
    (['patent'], set())
    >>> sorted(count_target("Do they agree on the number of cooperative protocols?"))
    ['cooper', 'protocol']
    """
    from rag.text import ABBREVIATIONS, STOPWORDS

    m = re.search(r"\b(?:how (?:many|much)|(?:the )?number of|amount of)\s+(?:more\s+|other\s+)?([a-z][a-z\-]+)(?:\s+([a-z][a-z\-]+))?",
                  question.lower())
    if not m:
        return set()
    words = [ABBREVIATIONS.get(w, w) for w in m.groups() if w]
    return {stem(w) for w in words if w not in STOPWORDS and w not in ("were", "was", "have", "has", "did", "does")}


def has_count_of(text: str, targets: set[str], window: int = 4) -> bool:
    """A number followed within ``window`` tokens by a target ("nearly 100 protocols")."""
    toks = [stem(t) for t in normalize(text).split()]
    for i, t in enumerate(toks):
        if re.fullmatch(r"\d[\d,.]*|" + _NUMWORDS.replace("\\b", ""), t):
            if targets & set(toks[i + 1:i + 1 + window]):
                return True
    return False


def expand(ts: set[str], expansions: dict[str, set[str]]) -> set[str]:
    """Add the long form of acronyms in ``ts`` (and an acronym whose long form is all there)."""
    out = set(ts)
    for acr, long in expansions.items():
        if acr in ts:
            out |= long
        elif long and long <= ts:
            out.add(acr)
    return out


_OPENER = re.compile(r"^(?:This|These|That|Those|It|Its|They|Their|Such|He|She|His|Her|Companies like)\b")


def select(question: str, qterms: list[str], passages: list[Passage], idf, known, delta: float | None = None,
           expansions: dict[str, set[str]] | None = None, referenced: set[str] = frozenset(),
           common=None) -> Decision:
    """Choose answer sentences from ``passages`` (best first), or decide to abstain.

    ``idf(term)`` weighs a term; ``known(term)`` says whether the corpus uses it at all;
    ``delta`` is how much closer the question is to its nearest sentence than the question
    without its unknown words (negative: those words pull away from the evidence).
    """
    qset = list(dict.fromkeys(qterms))
    weights = {t: idf(t) for t in qset}
    total = sum(weights.values())
    signals: dict = {"qterms": qset}
    if not qset or total <= 0:
        return Decision([], True, "no_content_terms", signals)
    meta = is_meta_question(question)
    ents, words = unknown_terms(question, qset, known)
    unknown_share = sum(weights[t] for t in ents + words) / total
    signals.update(unknown=ents + words, unknown_entities=ents, unknown_share=round(unknown_share, 3), delta=delta)
    asked_count = count_target(question)
    target = {t for t in asked_count if known(t)}
    if asked_count and not target:
        # "How many patents ...": the articles never mention what is being counted
        return Decision([], True, "count_of_unknown", {**signals, "count_target": sorted(asked_count)})

    qtype = question_type(question)
    top_score = max((p.score for p in passages), default=1.0) or 1.0
    all_sims = [v for p in passages for v in p.sims.values()]
    floor = min(all_sims) if all_sims else 0.0
    seen = set()
    cands: list[Candidate] = []
    for rank, p in enumerate(passages):
        hdr_terms = set(terms(" ".join([p.title, p.outlet, " ".join(p.authors)])))
        if p.kind == "metadata" and not meta:
            continue  # a byline card answers questions about the article, not about the agreement
        for s, e in p.sentences:
            text = p.text[s:e]
            c = Candidate(rank, p, s, e, text, expand(set(terms(text)), expansions or {}))
            if c.abs_key in seen:
                continue
            seen.add(c.abs_key)
            # Terms naming the article (outlet, title) count half: they pick the article, not the sentence.
            hit = sum(weights[t] for t in qset if t in c.terms)
            hit += 0.5 * sum(weights[t] for t in qset if t not in c.terms and t in hdr_terms)
            c.overlap = hit / total
            c.sim = p.sims.get(s, floor)
            c.typed = has_count_of(text, target) if target else has_new(qtype, text, question, common)
            if p.kind == "metadata":
                # only reached for questions about an article: its byline card is the answer
                c.typed, c.overlap, c.sim = True, max(c.overlap, 0.5 + 0.5 * c.overlap), max(c.sim, SIM_OK)
            c.score = W_OVERLAP * c.overlap + W_SIM * c.sim + W_RANK * (p.score / top_score) + W_TYPE * c.typed
            if p.kind == "metadata":
                c.score += META_BONUS
            if p.doc_id in referenced:
                c.score += REF_BONUS
            if len(c.terms) < 3 and p.kind == "body":
                c.score *= 0.5  # fragments ("Conclusion") are poor answers
            cands.append(c)
    if not cands:
        return Decision([], True, "no_passages", signals)
    cands.sort(key=lambda c: -c.score)
    best = cands[0]
    if qtype and not best.typed:
        # prefer a sentence holding what was asked for (a date, a count, a name) if it is nearly as good
        typed = [c for c in cands if c.typed and c.score >= TYPED_PREFERENCE * best.score]
        if typed:
            best = typed[0]
            cands.remove(best)
            cands.insert(0, best)
    best_sim = max(c.sim for c in cands)
    signals.update(best_overlap=round(best.overlap, 3), best_score=round(best.score, 3), best_sim=round(best_sim, 3),
                   best_typed=best.typed, qtype=qtype,
                   top=[{"text": c.text[:80], "score": round(c.score, 3), "overlap": round(c.overlap, 3),
                         "sim": round(c.sim, 3), "typed": c.typed} for c in cands[:5]])
    reason = abstain_reason(ents, unknown_share, delta, best.overlap, best_sim,
                            counted=not target or any(c.typed for c in cands))
    if reason:
        return Decision([], True, reason, signals)

    chosen = [best]
    why = ["best"]
    covered = set(best.terms)
    nums = {best.passage.doc_id: _numbers(best.text)}
    limit = MAX_SENTENCES
    # The words that made the best sentence relevant: a disagreeing sentence must be about them too.
    focus = {t for t in qset if t in best.terms and weights[t] >= 0.5 * max(weights.values())}
    heavy = {t for t in qset if weights[t] >= 0.5 * max(weights.values())}
    # The sentence right after the best one often completes it ("Companies like A, B and C ...",
    # "This decision aims to ...", "Brendan is a Fellow ..."): consider it first.
    nxt = [c for c in cands[1:] if c.passage.doc_id == best.passage.doc_id and c.passage.kind == best.passage.kind == "body"
           and 0 <= (c.passage.start + c.start) - (best.passage.start + best.end) <= 3]
    if nxt:
        c = nxt[0]
        opener = bool(_OPENER.match(c.text))
        short_best = len(best.text.split()) <= 15
        if (not (qtype and best.typed) or c.typed) and c.score >= (0.35 if opener or short_best else 0.5) * best.score and (
                (qtype and not best.typed and c.typed) or opener or bool(heavy & (c.terms - best.terms))
                or (qtype is None and (short_best or bool(heavy & c.terms)))):
            chosen.append(c)
            covered |= c.terms
            why.append("continues")
    for c in cands[1:]:
        if c in chosen:
            continue
        if len(chosen) >= limit and not (qtype in QUANTITIES and limit < MAX_SENTENCES_DISAGREE):
            break
        if any(_jaccard(c.terms, x.terms) > 0.5 for x in chosen):
            continue  # near-duplicate of a sentence already in the answer
        c_nums = _numbers(c.text)
        disagrees = (qtype in QUANTITIES and c.passage.doc_id not in nums and c_nums and focus & c.terms
                     and (c.typed or not target) and all(c_nums.isdisjoint(v) for v in nums.values())
                     and c.score >= 0.6 * best.score and c.overlap >= 0.7 * best.overlap)
        if disagrees:
            limit = MAX_SENTENCES_DISAGREE
            chosen.append(c)
            why.append("disagrees")
            nums.setdefault(c.passage.doc_id, set()).update(c_nums)
            continue
        if len(chosen) >= limit:
            continue
        good = c.score >= ADD_RATIO * best.score and (c.typed or not qtype)
        adds_terms = any(t in c.terms and t not in covered for t in heavy) and c.overlap >= 0.6 * best.overlap
        if good and adds_terms:
            chosen.append(c)
            why.append("adds_terms")
            covered |= c.terms
            nums.setdefault(c.passage.doc_id, set()).update(c_nums)
    # A question that names articles ("How does the Responsible Statecraft view compare...") hears from each.
    for d in sorted(referenced - {c.passage.doc_id for c in chosen}):
        alt = [c for c in cands if c.passage.doc_id == d and c.passage.kind == "body"]
        if alt and alt[0].score >= 0.5 * best.score and len(chosen) < MAX_SENTENCES_DISAGREE:
            chosen.append(alt[0])
            why.append("named_article")
    # "How does X compare with / differ from / agree with ..." wants the other side too.
    if referenced and re.search(r"\b(compare[sd]?|comparison|differ(?:s|ent|ence)?|agree|disagree|versus|vs)\b", question.lower()):
        other = [c for c in cands if c.passage.doc_id not in referenced and c.passage.kind == "body"
                 and c not in chosen and c.score >= 0.5 * best.score]
        if other and len(chosen) < MAX_SENTENCES_DISAGREE:
            chosen.append(other[0])
            why.append("other_side")
    signals["chosen_because"] = why
    return Decision(chosen, False, "", signals)


def abstain_reason(entities: list[str], unknown_share: float, delta: float | None, overlap: float, sim: float,
                   counted: bool = True) -> str:
    """Why to abstain, or "" to answer. Thresholds are calibrated on the eval set (see README)."""
    if sim < SIM_FLOOR:
        return "off_topic"
    if entities:
        return "unknown_entity"
    if unknown_share > MAX_UNKNOWN_SHARE and (delta is None or delta < MIN_DELTA):
        return "terms_unexplained"
    if not counted:
        return "no_count"
    if overlap < MIN_BEST_OVERLAP and sim < SIM_OK:
        return "weak_evidence"
    return ""


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


def compose(decision: Decision) -> tuple[str, list[Citation]]:
    """Answer text with ``[n]`` after each sentence, and the numbered citations."""
    # Keep sentences of one article together and in reading order.
    order: dict[str, int] = {}
    for c in decision.sentences:
        order.setdefault(c.passage.doc_id, len(order))
    sents = sorted(decision.sentences, key=lambda c: (order[c.passage.doc_id], c.abs_key[-1] if isinstance(c.abs_key[-1], int) else 0))
    cites: dict[str, Citation] = {}
    parts = []
    for c in sents:
        p = c.passage
        if p.chunk_id not in cites:
            cites[p.chunk_id] = Citation(
                n=len(cites) + 1, doc_id=p.doc_id, title=p.title, outlet=p.outlet, date=p.date, url=p.url,
                text=p.text, start=p.start if p.kind == "body" else None, end=p.end if p.kind == "body" else None,
                quotes=[], authors=list(p.authors), kind=p.kind)
        cit = cites[p.chunk_id]
        cit.quotes.append((c.start, c.end))
        parts.append(f"{c.text} [{cit.n}]")
    return " ".join(parts), list(cites.values())


MAX_LISTED = 8  # articles named in an abstention; a big collection gets "and N more"


def abstention_message(documents: list[dict]) -> str:
    """What to say when the articles do not answer: say so, and what they do cover."""
    lines = ["The articles don't say. I answer only from the articles in this collection, and none of them answers that.",
             "They are about the U.S.–China Science and Technology Agreement (STA); try asking about what they cover:"]
    for d in documents[:MAX_LISTED]:
        title = d.get("title") or f"Untitled article ({d.get('doc_id', '')})"
        extra = ", ".join(x for x in (d.get("outlet"), d.get("date")) if x)
        lines.append(f"- {title}" + (f" ({extra})" if extra else ""))
    if len(documents) > MAX_LISTED:
        lines.append(f"- and {len(documents) - MAX_LISTED} more")
    return "\n".join(lines)
