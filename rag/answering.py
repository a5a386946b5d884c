"""Extractive answers: choose the sentences that answer a ``Query``, cite each, or abstain.

The shape of the answer follows the question's intent (``rag.query``):

- fact: the best sentence (preferring one of the asked type: a date, a count, a name), plus the one continuing it,
  one adding key terms, one tied with it, or another article's different number (they disagree: show both);
- yes_no: "Yes — " or "No — " from the best evidence sentence's polarity (``polarity.verdict``), both sides when two articles point different ways;
- why / overview / list: 2–4 sentences from several sources, without repetition;
- compare: the best sentence (or two) from each relevant article, grouped by source;
- "tell me more": the best sentences not yet shown on the same topic.

Each answer sentence is followed by ``[n]``; citation ``n`` carries the passage,
its offsets in the article body and the sentence offsets inside the passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.about_articles import META_STEMS
from rag.abstain import Evidence, Unknown, abstain_reason, closing_thing, unjudgeable
from rag.asksfor import gives_name
from rag.defined import unnamed_defined, unwritten_name
from rag.framewords import known_share
from rag.kinds import kind_named
from rag.quoted import form_shown
from rag.bylines import attribution, credited_first, pick_meta, unstated
from rag.compare import frame_terms, pick_compare
from rag.evidence import asked_weights, asks_speaker, bound_asked, Candidate, candidates, voiced, W_TYPE, weights_of
from rag.heldfor import other_duration
from rag.instances import named_instances
from rag.neighbours import (TYPED_SHARE, antecedents, elaboration, example_after, fresh as _fresh, listing_after,
                            listing_within, listings_within, reason_before, reason_beyond, reason_for_chosen, typed_follower,
                            with_reason)
from rag.sections import listed_under_heading, under_named_heading
from rag.narrative import dated_event, steps_before
from rag.between import middle_sentence
from rag.askedthing import KIND_WORDS
from rag.links import continues
from rag.rules import QUANTITIES, as_sure, numbers
from rag.schema import Passage
from rag.scope import DOCUMENT_STEMS, ranked_near_top, typed_among_named
from rag.aside import asides_after
from rag.lapse import lapse_first, lapse_told_with
from rag.livesonpool import lives_on_first, with_dated_renewal  # "dead or alive?": with the renewal deciding it
from rag.latest import latest_first
from rag.leftout import excluded_first
from rag.sequel import sequel_first
from rag.status import pick_status, standing_compared, with_status
from rag.accounts import account_of_named, account_weights
from rag.ties import near_ties
from rag.timing import pick_timed, timed_opening
from rag.typedreach import typed_window
from rag.spread import MAX_SPREAD, SPREAD_RATIO, closer_in_meaning, heard_from, pick_gist, pick_spread
from rag.yesno import pick_yes_no
from rag.wishes import wish_terms, wish_verdict
from rag.redated import redated

REQUIRE_ASKED_THING = True  # "what is the X of…" whose X the articles never mention: they cannot state it
TYPED_PREFERENCE = 0.8  # a sentence of the asked type wins over a better-scoring one this close
ADD_RATIO = 0.85  # an extra sentence must score at least this share of the best one
MAX_SENTENCES = 3  # fact: the best sentence and up to two that continue or complete it
MAX_SENTENCES_DISAGREE = 3
# Sentences that spell out the chosen ones (``_with_neighbours``) join an answer only up to this many: beyond, a
# comparison reads as a wall of quotes on a phone
MAX_SPELLED = 6


@dataclass
class Decision:
    sentences: list[Candidate]
    abstained: bool
    reason: str = ""
    signals: dict = field(default_factory=dict)
    prefix: str = ""  # "Yes — ", "No — ", "The articles differ — "
    disagree: bool = False


def _prefer_typed(cands: list[Candidate], query) -> Candidate:
    # "what could still go wrong?" (feared): the sentence telling the risked outcome leads as a date or a name would, as
    # do a bound and a rate (``bound_asked``), and for "how does it work?" (means) a sentence stating the arrangement
    best = cands[0]
    if (query.qtype or query.feared or query.condition or query.means or bound_asked(query)) and best.typed < 1 and not asks_speaker(query):  # "who warned…": the claim decides, not a name
        typed = [c for c in cands if c.typed > best.typed and c.score >= typed_window(query, TYPED_PREFERENCE) * best.score]
        if typed:  # the surest of them: "on May 3" before "in May" for "on what date…?"
            surest = max(typed, key=lambda c: (c.typed, c.score))
            cands.remove(surest)
            cands.insert(0, surest)
    return cands[0]


def pick_fact(query, cands: list[Candidate], weights: dict[str, float]) -> tuple[list[Candidate], list[str]]:
    """The best sentence, and at most one or two that continue it, complete it or disagree with it."""
    best = cands[0]
    chosen, why = [best], ["best"]
    top = max(weights.values(), default=1.0)
    heavy = {t for t, w in weights.items() if w >= 0.5 * top}
    nxt = [c for c in cands[1:] if c.doc_id == best.doc_id and c.passage.kind == best.passage.kind == "body"
           and 0 <= (c.passage.start + c.start) - (best.passage.start + best.end) <= 3]
    if nxt:
        c, short = nxt[0], len(best.text.split()) <= 15
        if (not (query.qtype and best.typed) or c.typed) and c.score >= (0.35 if continues(c.text) or short else 0.5) * best.score \
                and ((query.qtype and not best.typed and c.typed) or continues(c.text) or bool(heavy & (c.terms - best.terms))
                     or (query.qtype is None and (short or bool(heavy & c.terms)))):
            chosen.append(c)
            why.append("continues")
    covered = set().union(*(c.terms for c in chosen))
    nums = {best.doc_id: numbers(best.text)}
    focus = heavy & best.terms
    limit = MAX_SENTENCES
    for c in cands[1:]:
        if len(chosen) >= MAX_SENTENCES_DISAGREE or not _fresh(c, chosen):
            continue
        c_nums = numbers(c.text)
        if (query.qtype in QUANTITIES and c.doc_id not in nums and c_nums and focus & c.terms
                and (c.typed or not query.count_target) and as_sure(query.qtype, c.typed, best.typed)
                and all(c_nums.isdisjoint(v) for v in nums.values())
                and c.score >= 0.6 * best.score and c.overlap >= 0.7 * best.overlap):
            limit = MAX_SENTENCES_DISAGREE
            chosen.append(c)
            why.append("disagrees")
            nums.setdefault(c.doc_id, set()).update(c_nums)
        elif len(chosen) < limit and c.score >= ADD_RATIO * best.score and (c.typed or not query.qtype) \
                and as_sure(query.qtype, c.typed, best.typed) and heavy & (c.terms - covered) and c.overlap >= 0.6 * best.overlap:
            chosen.append(c)
            why.append("adds_terms")
            covered |= c.terms
    return chosen, why


def topic_weights(query, weights: dict[str, float]) -> dict[str, float]:
    """Comparisons: without the words that only name the articles ("the CSIS piece") or ask what each side
    says or sees ("how does each describe…", ``frame_terms``), when any others remain.

    Those words pick the article (which gains ``REF_BONUS``) or frame the comparison, not the sentence: left in,
    every sentence of a named article matches them through its headline, a rare "seem" or "view" outweighs the
    topic, and the question's topic decides nothing.
    """
    if query.wish:  # "the port piece wanted X - how does that square with…": "wanted" frames, X is the topic
        weights = {t: w for t, w in weights.items() if t not in wish_terms(query.text, list(weights))} or weights
    if query.about_articles or query.intent != "compare":
        return weights
    frame = query.naming | frame_terms(query.text, list(weights))  # "how does each describe…": how, not what
    topic = {t: w for t, w in weights.items() if t not in frame}
    return topic if topic and sum(topic.values()) > 0 else weights


def refused_unread(query, lexicon) -> str:
    """The refusal a question earns before any evidence is read, or "": what it counts or asks for is never
    mentioned. Close sentences about the rest of the question do not answer it.

    "How many berths…?" or "how many slips or berths…?" over articles that never mention a berth:
    "count_of_unknown" (not "how many ferries docked…?" over articles without "dock": that is a verb);
    "what is the annual toll of the bridge?" over articles without "toll": "asked_thing_unknown"; "…, who
    arbitrates?" over articles without "arbitrate": "asked_act_unknown"; "what's the harbour amendment?" over
    articles without "harbour": "defined_unknown" (``rag.defined``).
    """
    if query.count_target and not any(lexicon.known(t) for t in query.count_target):
        return "count_of_unknown"
    if not all(lexicon.known(t) for t in query.counted):
        return "count_of_unknown"
    thing = query.asked_thing or closing_thing(query.text, KIND_WORDS)
    # ...but an outlet or author asked of the articles themselves is read from their bylines, not their bodies
    if thing and not lexicon.known(thing) and not (query.about_articles and thing in META_STEMS) and REQUIRE_ASKED_THING:
        return "asked_thing_unknown"
    if query.asked_act and not query.about_articles and not lexicon.known(query.asked_act):  # "who wrote the piece?": bylines
        return "asked_act_unknown"  # "…, like, who arbitrates?" over articles that never name arbitration
    if not query.about_articles and unnamed_defined(query, lexicon.known):
        return "defined_unknown"  # a bare "what is X?" whose X holds a word they never write: they never name X
    return ""


def every_card(query, passages: list[Passage], lexicon) -> Decision | None:
    """ "How many articles are there?", "who wrote these?": every article's card, whatever words the question has
    (its only content word may be "articles"); None for any other question."""
    if not query.every_article or query.timed:
        return None
    chosen, why = pick_meta(query, candidates(query, passages, lexicon, set(), dict.fromkeys(query.terms or ["articl"], 1.0)))
    return Decision(chosen, False, "", {"intent": query.intent, "chosen_because": why}) if chosen else None


def select(query, passages: list[Passage], lexicon, unknown: Unknown | None = None) -> Decision:
    """Choose answer sentences from ``passages`` (best first), or decide to abstain."""
    unknown = unknown or Unknown([], [], [])
    if (cards := every_card(query, passages, lexicon)) is not None:
        return cards
    if query.gist:  # the named articles' main points: no topic words to match, nothing to abstain on
        chosen, why = pick_gist(query, candidates(query, passages, lexicon, set(), {t: 1.0 for t in query.terms}))
        if chosen:
            return Decision(chosen, False, "", {"intent": query.intent, "chosen_because": why},
                            disagree=len({c.doc_id for c in chosen}) > 1)
    full = unknown.idf or weights_of(query, lexicon)  # unknown_terms already weighed every question term
    # Everyday words the articles don't use weigh nothing in matching sentences: they are paraphrases.
    weights = {t: w for t, w in full.items() if t not in unknown.everyday}
    weights = account_weights(query, asked_weights(query, topic_weights(query, weights)))
    signals: dict = {"qterms": query.terms, "intent": query.intent, "qtype": query.qtype}
    # "which piece was written before the vote?", "A's timing vs the others'": the articles their own words place
    # (``rag.timing``), whatever else scores, and before the topic's words are needed ("timing" names no topic)
    timed = query.timed and pick_timed(query, candidates(query, passages, lexicon, set(), weights or dict.fromkeys(query.terms, 1.0)), passages)
    if timed:
        return Decision(timed[0], False, "", {**signals, "chosen_because": timed[1]}, timed_opening(query))
    if not weights or sum(weights.values()) <= 0:
        return Decision([], True, "no_content_terms", signals)
    signals.update(unknown=unknown.entities + unknown.rare, entities=unknown.entities, rare=unknown.rare,
                   everyday=unknown.everyday, unknown_share=round(unknown.share, 3))
    target = {t for t in query.count_target if lexicon.known(t)}
    refused = refused_unread(query, lexicon)
    if refused:
        return Decision([], True, refused, signals)
    cands = candidates(query, passages, lexicon, target, weights)
    cands = asides_after(query, cands)  # a side story's sentences give way to the article's own account
    cands = lapse_first(query, excluded_first(query, latest_first(query, cands)))
    cands = lives_on_first(query, cands)  # "is it dead or just changing?": the sentence telling whether it lives on
    if not cands or unwritten_name(query, cands):  # "what is the csis?": a byline's name, which no sentence defines
        return Decision([], True, "defined_unknown" if cands else "nothing_more" if query.more else "no_passages", signals)
    best = _prefer_typed(cands, query)
    pair = typed_follower(query, cands, best)
    if pair is not None:  # the close sentence leads; pick_fact adds its typed follower
        cands.remove(pair[0])
        cands.insert(0, pair[0])
        best = pair[0]
    best_sim = max(c.sim for c in cands)
    signals.update(best_overlap=round(best.overlap, 3), best_score=round(best.score, 3), best_sim=round(best_sim, 3),
                   top=[{"text": c.text[:80], "score": round(c.score, 3), "overlap": round(c.overlap, 3),
                         "sim": round(c.sim, 3), "typed": c.typed} for c in cands[:5]])
    ev = _evidence(query, cands, best, best_sim, target, unknown, pair is not None, known_share(weights, full, unknown.frame), lexicon.common)
    signals.update(counted=ev.counted, typed_found=ev.typed, spoken=ev.spoken, ranked=ev.ranked, named=ev.named,
                   full_overlap=round(ev.full_overlap, 3))
    reason = abstain_reason(ev)
    if reason and not query.more:
        return Decision([], True, reason, signals)
    chosen, why, prefix, disagree = with_dated_renewal(query, cands, _pick(query, cands, weights, lexicon.sentence_terms))
    if not chosen:  # the named article has no front matter: its byline is not stated
        return Decision([], True, "not_stated", signals)
    missing = unstated(query, chosen)
    if missing:  # the named article's card shows what it does state; the asked detail is not there
        signals["chosen_because"] = why[:1]
        return Decision(chosen[:1], True, "not_stated", signals, missing)
    chosen, why = named_instances(query, cands, *_with_neighbours(query, cands, chosen, why, weights))  # "A's X vs B's"
    signals["chosen_because"] = why
    return Decision(chosen, False, "", signals, prefix, disagree)


def spells_out(query) -> bool:
    """Does a comparison's or an untyped fact's answer take the listings that spell out its points, one for each
    article it quotes (``listings_within``; overviews and lists take one in all, ``listing_within`` in ``_pick``)?

    A writer states a point ("the revised pact narrows the scope of cooperation") and names what it consists of in a
    listing a sentence or two later ("it now covers A and B, excluding C"); that listing shares few words with a
    question put in general terms ("how is the old deal different from the new one?", "what is X about?"), so it is
    seldom chosen on its own. Not for a fact of an asked type (a date, a number, a name: the listing adds nothing
    to it), a yes/no verdict, a question about an article's byline, or "tell me more".

    >>> from types import SimpleNamespace as Q
    >>> spells_out(Q(intent="compare", qtype=None, about_articles=False, more=False))
    True
    >>> spells_out(Q(intent="fact", qtype=None, about_articles=False, more=False))
    True
    >>> spells_out(Q(intent="fact", qtype="date", about_articles=False, more=False))
    False
    >>> spells_out(Q(intent="yes_no", qtype=None, about_articles=False, more=False))
    False
    """
    if query.about_articles or query.more:
        return False
    return query.intent == "compare" or (query.intent == "fact" and not query.qtype)


def _with_neighbours(query, cands: list[Candidate], chosen: list[Candidate], why: list[str],
                     weights: dict[str, float]) -> tuple[list[Candidate], list[str]]:
    """The sentences that join the chosen ones for where they sit in their article: the example after a general
    claim, the sentence spelling out a comparison's short one, the listings that spell out a comparison's or an
    untyped fact's points (``spells_out``), the best of a section whose subheading states what is asked, a story's
    dated event, and the sentence the leader points back to (``compose`` puts them all back in reading order)."""
    example = example_after(chosen, cands) if query.intent != "yes_no" and not query.about_articles else None
    if example is not None:  # "X and Y have complementary strengths." -> "For example, X leads in A, while Y…"
        chosen, why = chosen + [example[1]], why + ["example"]  # compose() puts it back in reading order
    # A comparison's short sentence ("Do both sides have the will to sign?", "The plan is a big shift.") and the one
    # after it, which spells it out, as for overviews in ``_pick`` (``elaboration``)
    more = elaboration(chosen, cands) if query.intent == "compare" and not query.about_articles and not query.more \
        and len(chosen) < MAX_SPELLED else None
    if more is not None:
        chosen, why = chosen + [more[1]], why + ["elaborates"]
    listed = listings_within(chosen, cands)[:max(0, MAX_SPELLED - len(chosen))] if spells_out(query) else []
    # "the revised pact narrows the scope." -> "It now covers A, B and C", for each article; reading order in compose()
    chosen, why = chosen + listed, why + ["listing_within"] * len(listed)
    section = under_named_heading(heard_from(query, cands), chosen, weights) \
        if query.intent not in ("yes_no", "compare") and not query.about_articles and not query.more else None
    if section is not None:  # the section its writer titled with what is asked ("## The Fee Dispute"), of the named article
        chosen, why = chosen + [section], why + ["section"]
    event = dated_event(query.narrative, cands, chosen) if not query.about_articles else None
    if event is not None:  # a story asked for: when its turn came; compose() puts it in reading order
        chosen, why = chosen + [event], why + ["dated_event"]
    steps = steps_before(query.narrative, cands, chosen) if not query.about_articles else []
    chosen, why = chosen + steps, why + ["story_step"] * len(steps)  # "Finally, …" ends the steps told before it
    lapse = lapse_told_with(query, chosen, cands)
    if lapse is not None:  # "how did it end up in limbo?": it expired, then it was extended; compose() keeps reading order
        chosen, why = chosen + [lapse], why + ["lapse"]
    middle = middle_sentence(cands, chosen) if not query.about_articles else None
    if middle is not None:  # the step between two quoted steps of one account; compose() keeps reading order
        chosen, why = chosen + [middle], why + ["between"]
    antes = [a for a in antecedents(chosen[0], cands) if a not in chosen] if not query.about_articles else []
    chosen, why = antes + chosen, ["antecedent"] * len(antes) + why  # compose() puts them back in reading order
    return chosen, why


def _pick(query, cands: list[Candidate], weights: dict[str, float], terms_of=None) -> tuple[list[Candidate], list[str], str, bool]:
    """The rule for the question's shape: (sentences, why each, answer opening, sources disagree)."""
    if query.about_articles:
        return (*pick_meta(query, cands), "", False)
    if query.more:
        return (*pick_spread(query, sequel_first(query, cands), ratio=0.0, limit=3), "", False)
    if query.intent == "yes_no":  # "X hoped for Y. Is that what the plan did?": the deed decides, the wish follows
        return wish_verdict(query, cands, lambda q, cs: pick_yes_no(q, cs, weights, terms_of)) \
            or pick_yes_no(query, cands, weights, terms_of)
    if query.intent == "compare":  # named articles set apart by their writing: where things stood in each (``rag.status``)
        chosen, why = (query.written_apart and pick_status(query, cands)) \
            or with_status(query, cands, *pick_compare(query, cands))
        return chosen, why, "", len({c.doc_id for c in chosen}) > 1
    items = listed_under_heading(cands, weights, query.listed) if query.intent in ("list", "overview") else []
    if items:  # a bulleted section whose subheading states what is asked: its items are the list
        return items, ["listed"] * len(items), "", False
    if query.intent in ("why", "overview", "list"):
        cands = heard_from(query, cands)
        chosen, why = pick_spread(query, cands)
        found = reason_for_chosen(chosen, cands, MAX_SPREAD) if query.intent == "why" else None
        if found is not None:  # right after the fact it explains, within the spread's limit
            i, reason = found
            chosen = (chosen[:i + 1] + [reason] + chosen[i + 1:])[:MAX_SPREAD]
            why = (why[:i + 1] + ["reason_after"] + why[i + 1:])[:MAX_SPREAD]
        elif query.intent == "why":  # the fact stated with its reason, though the spread passed over it
            pair = reason_beyond(chosen, cands, MAX_SPREAD, SPREAD_RATIO * cands[0].score)
            if pair is not None:
                chosen, why = with_reason(chosen, why, *pair, MAX_SPREAD)
            cause = reason_before(chosen[0], cands, chosen) if pair is None and len(chosen) < MAX_SPREAD else None
            if cause is not None:  # the cause set out just before the act asked about; compose() keeps reading order
                chosen, why = chosen + [cause], why + ["reason_before"]
        more = elaboration(chosen, cands) if query.intent == "overview" else \
            listing_after(chosen, cands) if query.intent == "list" else None
        if more is not None:  # one sentence beyond the spread's limit: it completes one already chosen
            i, c = more
            chosen, why = chosen[:i + 1] + [c] + chosen[i + 1:], why[:i + 1] + ["elaborates"] + why[i + 1:]
        listed = listing_within(chosen, cands) if query.intent in ("overview", "list") else None
        if listed is not None:  # the listing that spells out a chosen point; compose() puts it in reading order
            chosen, why = chosen + [listed[1]], why + ["listing_within"]
        return chosen, why, "", False
    if query.account or query.sourced:  # "what risk does Ann Lee see…", "…per the SCMP piece?": another article's is not hers
        cands = typed_among_named(cands, heard_from(query, cands), TYPED_PREFERENCE)
    chosen, why = credited_first(query, *near_ties(query, cands, *closer_in_meaning(query, cands, *pick_fact(query, cands, weights))))
    return chosen, why, attribution(query, chosen), "disagrees" in why


COVER_CLOSE = 0.95  # a sentence scoring this close to the leading one vouches for the question's terms as well


def best_cover(cands: list[Candidate], best: Candidate, shaped: bool = False) -> float:
    """The share of the question's terms held by the leading sentence or by one scoring about as well.

    The leading sentence may be there for its type, not its words: for "which town hosted the last round of the
    ferry talks?" the sentence "They met in Oslo in March" (a place, no question word) leads, and the one scoring
    just below it ("the last round of ferry talks settled the fares") shows the articles are about the topic.
    A leader surer of its type than a plain one (``reasons.STATED_REASON``) lowers the bar by that surplus: its
    extra credit says nothing of the question's words, so the sentences it overtook still vouch for them. So does
    the whole credit of a leader typed by the question's shape (``shaped``: no thing asked, but a cause, a bound or a
    feared outcome, ``heldfor.shape_typed``): the sentence it overtook is still about the question's words.
    """
    def bar(c: Candidate) -> float:
        surplus = max(0.0, best.typed - 1.0, best.typed - c.typed if shaped else 0.0)
        return COVER_CLOSE * best.score - W_TYPE * surplus
    return max([best.overlap] + [c.overlap for c in cands if c.score >= bar(c)])


def _evidence(query, cands, best, best_sim, target, unknown, typed_next, known_share, common=None) -> Evidence:
    """What the abstention decision reads about the best evidence (``rag.abstain.Evidence``)."""
    counted = not target or any(c.typed for c in cands)
    # "Which ministry…?", "on what dates…?": some close sentence must hold a thing of that kind ("Who argued X?": ``attribution``)
    close = [c for c in cands if c.score >= typed_window(query, TYPED_SHARE) * best.score]
    typed = (not query.qtype or query.about_articles or asks_speaker(query) or typed_next or any(c.typed > other_duration(query) for c in close))
    # "What did the ministry say…?", "did the committee vote…?", "which port gets the most…?": a close sentence must name that speaker or actor, or rank something
    spoken = not query.speaker or any(voiced(query, c) for c in close)
    ranked = not query.ranking or ranked_near_top(cands, typed_window(query, TYPED_SHARE))
    cover = best_cover(cands, best, shaped=not query.qtype)
    # "what's the name of the clause…?": a close sentence must give a name the question lacks, not only tell of the clause
    named = not query.name_of or query.person or query.about_articles or \
        any(gives_name(c.text, query.text, common) for c in close)
    # "which scientists warned…? names please": a leader telling what "prominent scientists" warned names none of them
    named = named and not (query.names and not query.about_articles and not gives_name(best.text, query.text, common))
    named = named and (query.about_articles or kind_named(query.kind, [c.text for c in cands], best.text, [c.text for c in close]))
    # "does the pact say anything about X?": a sentence naming X beside the talks does not say the pact tells of it
    told = not query.told or any(set(query.told) <= c.terms and c.terms & DOCUMENT_STEMS for c in close)
    return Evidence(unknown, unknown.share, cover, cover * known_share, best_sim, counted, typed, spoken, ranked,
                    query.specific, best.score, named, told, not unjudgeable(query, unknown, best_sim), query.intent == "yes_no"
                    and redated(query.text, cands, unknown.idf, {*unknown.rare, *unknown.everyday}) is not None,
                    bool(query.named_docs), form_shown(query.form, [c.text for c in close]),
                    standing_compared(query) or account_of_named(query))

