"""Resolve follow-up questions against the conversation, without an LLM.

Only real anaphora or ellipsis is rewritten: a pronoun standing for the last
question's subject ("who signed it?"), a reference to the last cited article
("who wrote that one?"), "what about X?", or "tell me more"; a "that" only the
last answer explains ("what did that lead to?") is asked with that answer's
heaviest words. A question that stands on its own is never merged with earlier words.

>>> rewrite("When was it renewed?", [Turn("What is the STA?", [])]).text
'When was the STA renewed?'
>>> rewrite("When was the STA signed?", [Turn("What is de-risking?", [])]).text
'When was the STA signed?'
>>> rewrite("who signed it?", [Turn("what is this agreement and why does it matter?", [])]).text
'who signed the agreement?'
>>> rewrite("what about quantum computing?", [Turn("Does the new deal cover AI?", [])]).text
'Does the new deal cover quantum computing?'
>>> rewrite("and how long is it good for", [Turn("when did they renew the pact?", [])]).text
'and how long is the pact good for'
>>> rewrite("what about the CSIS one", [Turn("how many protocols according to the SCMP piece?", [])]).text
'how many protocols according to the CSIS one?'
>>> rewrite("what about the new one?", [Turn("what did the old plan change?", [])]).text
'what did the old plan change (the new one)?'
>>> rewrite("and from what date does it count?", [Turn("how long does the pact last?", [])]).text
'and from what date does the pact count?'
>>> rewrite("and when was that", [Turn("what did Trump change in the pact?", [])]).text
'and when was that (what did Trump change in the pact)?'
>>> rewrite("what about its backers?", [Turn("what do critics think of the pact?", [])]).text
'what do critics think of the pact (its backers)?'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.chained import reach, through  # "and how has it…" after "has that made…": both stand for the question before
from rag.dated import dated_said, with_dated_event  # "and what year was that?": the event an answer dated, or the last question's
from rag.antecedents import (PERSONAL, PRONOUN, WH, asked_people, determiner, indefinite, no_antecedent, other_side,
                             personal, pronoun, subject, writers)
from rag.listed import asks_why_listed, listed_things  # "why did they drop it?" after "what tech was left out?": the things listed
from rag.pointing import answer_terms, happened_as_told, points_at_answer  # "what did that lead to?": what the last answer said
from rag.fragments import FILLER, asks_other_kind, bridged, is_fragment, no_known_subject
from rag.instead import asks_instead, said_instead
from rag.moreabout import asks_more_about_pointer, more_about  # "tell me more about that": the last question's topic
from rag.intent import is_more
from rag.sequel import asks_sequel  # "what came next?": go on from the last answer
from rag.proforms import one_for_noun  # "which american one?": "one" is the noun the last question asked about
from rag.vague import pointer_for_vague  # "this whole thing" points, like "this"
from rag.text import STOPWORDS, stem, tokens
from rag.wants import asks_definition

_ARTICLE_REF = re.compile(r"\b(that|this|the same|the last|the first|the previous) (one|article|piece|story|op-ed|essay|source)\b"
                          r"|\bthat one\b", re.I)
# "the SCMP piece", "the responsible statecraft one": a mention of one article
_ARTICLE_MENTION = re.compile(r"\bthe\s+(?:[\w.\-&']+\s+){1,4}(?:piece|article|one|op-ed|story|report|essay|write-up|analysis)\b",
                              re.I)
# "it" that refers to nothing: "is it true that…", "it seems", "what is it about…" keeps its subject later.
_DUMMY_IT = re.compile(r"\b(?:is it true|it seems|it is said|it's said|it appears|is it the case)\b"
                       r"|\b(?:true|say|said|says|mean|means|think|believe|claim|claims|argue|argues|suggest|suggests|"
                       r"report|reports|so|such|fact|now) that\b", re.I)  # "…true that AI…": a conjunction, not a pronoun
# "and the CSIS one?" is elliptical; "and who signed it?" is a question of its own (its pronoun is resolved instead).
_ELLIPSIS = re.compile(r"^\s*(?:and\s+|but\s+|ok\s+)?(?:what|how|anything(?:\s+else)?)\s+about\s+(.+?)\s*\??\s*$"
                       r"|^\s*and\s+(?!(?:what|when|where|which|who|whom|whose|why|how|is|are|was|were|do|does|did|can|"
                       r"could|will|would|has|have|had)\b)(.+?)\s*\?\s*$", re.I)
# "and from what date…", "and in which year…": a wh-word inside makes it a question, not a fragment to splice
_WH_INSIDE = re.compile(r"\b(?:what|when|where|which|who|whom|whose|why|how)\b", re.I)
# "what did X change?", "how does X work?": after do-support the final word, right after a noun, is the verb, not
# the thing asked about ("what does X say it is good at in science?" ends in its noun)
_DO_QUESTION = re.compile(r"^\W*(?:what|how|why|where|when|which\s+\w+)\s+(?:do|does|did)\b", re.I)
# A short question whose only reference is "that"/"this": it stands for the last question's event.
_EVENT_REF = re.compile(r"^\s*(?:and|so|but|ok)?\s*(?:when|where|why|how|who)\b[\w\s']{0,20}\b(?:that|this)\s*\??\s*$", re.I)
# "why did they do that?", "was it renewed after that?": a "that" done or followed in time is the last question's
# event (what it asked about), not something its answer said; a noun after it ("after that meeting") names its own.
_DONE_OR_AFTER = re.compile(r"\b(?:do|does|did|doing|done|after|before|since|until|following)\s+(?:that|this)\b"
                            r"(?=\s*(?:[?.!,]|$|(?:again|too|then|now|first|either)\b))", re.I)


SAID_CHARS = 400  # what an answer quoted, kept for the next question: two sentences or so; the page state stays small


@dataclass
class Turn:
    question: str  # as asked (or as rewritten, for chains of follow-ups)
    cited: list[dict] = field(default_factory=list)  # citations of the answer: title, outlet, doc_id
    shown: list = field(default_factory=list)  # keys of the sentences the answer quoted
    said: str = ""  # the text the answer quoted (its first SAID_CHARS): what "what did that lead to?" points at
    listed: str = ""  # the things the answer listed of the kind asked for (``rag.listed``), read from all it quoted


@dataclass
class Resolved:
    text: str
    more: bool = False  # "tell me more": continue the previous answer
    shown: list = field(default_factory=list)  # sentences already shown, not to repeat


def turn_of(ans) -> Turn:
    """What the follow-up rewriter needs from an answer: its question, what it cited and quoted."""
    cited = [{"title": c.title, "outlet": c.outlet, "doc_id": c.doc_id, "authors": list(c.authors)} for c in ans.citations]
    shown = [[c.doc_id, (c.start or 0) + s] for c in ans.citations for s, _ in c.quotes]
    said = " ".join(c.text[s:e] for c in ans.citations if c.kind == "body" for s, e in c.quotes)
    question = ans.rewritten_question or ans.question
    return Turn(question, cited, shown, said[:SAID_CHARS], listed_things(question, said))


# "what does it want…", "did they agree…": "it/they" as the question's subject stands for something earlier
# however long the rest of the question is (an object "it" in a long question may be a dummy or a new topic).
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:(?:what|when|where|why|how|which|who)\s+)?"
                              r"(?:do|does|did|is|are|was|were|can|could|will|would|has|have|had|should)\s+(?:it|they)\b", re.I)


def needs_context(question: str) -> bool:
    """A pronoun or article reference that the question itself does not resolve."""
    if _ARTICLE_REF.search(question):
        return True
    q = _DUMMY_IT.sub(" ", question)
    content = [w for w in tokens(q) if w not in STOPWORDS and w not in WH]
    return bool(PRONOUN.search(q) or PERSONAL.search(q)) and (len(content) <= 3 or bool(_SUBJECT_PRONOUN.match(q)))


def _named_article(new: str) -> str:
    """The article an ellipsis names: all of it ("the Harbor Daily one"), else the last mention after a placeholder
    ("the other one, the Harbor Daily piece": "the other one" only points at it); "" when it names none.

    Why: a reader often says "the other one" first and then names it; the whole phrase is no article name.

    >>> _named_article("the other one, the Harbor Daily piece"), _named_article("the Harbor Daily one")
    ('the Harbor Daily piece', 'the Harbor Daily one')
    >>> _named_article("the other one"), _named_article("quantum computing")
    ('', '')
    """
    if _ARTICLE_MENTION.fullmatch(new):
        return "" if _OTHER_ONE.fullmatch(new) else new
    found = [m.group(0) for m in _ARTICLE_MENTION.finditer(new) if not _OTHER_ONE.fullmatch(m.group(0))]
    return found[-1] if found else ""


_OTHER_ONE = re.compile(r"the\s+(?:other|same|last|first|previous|next)\s+(?:one|article|piece)", re.I)
# "what about its backers?": a thing owned by the last question's thing, so that thing is no word to replace
_OWNED = re.compile(r"(?:its|their|his|her)\b", re.I)


# "is X covered / allowed / included (under the new deal)?": a yes/no question whose subject X is what "what about
# Y?" swaps out, the rest (its participle and what follows) being the claim asked again of Y (general English)
_SUBJECT_CLAIM = re.compile(r"^(\W*(?:and\s+|so\s+)?(?:is|are|was|were)\s+)(.+?)(\s+(?:still\s+|also\s+)?"
                            r"(?:(?:[a-z]+ed|allowed|included|ok|okay|off[\s-]+limits|in|out)"
                            r"(?:\s+(?:under|in|by|for|with|from|of)\b.*)?|part\s+of\b.*))$", re.I)


def subject_swapped(new: str, base: str) -> str | None:
    """ "what about Y?" after "is X allowed under the deal?": the same claim asked of Y; None when the last question is
    no such yes/no question or Y holds a number (a year: "what about 2019?" asks of another time, not another thing).

    >>> subject_swapped("public health", "is quantum computing covered under the new deal")
    'is public health covered under the new deal?'
    >>> subject_swapped("2019", "was the deal renewed in 2024"), subject_swapped("ferries", "what did the port ban")
    (None, None)
    """
    m = _SUBJECT_CLAIM.match(base)
    if not m or re.search(r"\d", new) or re.match(r"(?:it|they|this|that)$", new, re.I):
        return None
    return m.group(1) + new + m.group(3) + "?"


def _ellipsis(question: str, last: str) -> str | None:
    """ "what about X?" after a question: the last question with its final content words replaced by X."""
    m = _ELLIPSIS.match(question)
    if not m:
        return None
    if m.group(2) and _WH_INSIDE.search(m.group(2)):
        return None  # "and from what date does it count?" is a question of its own, its pronoun resolved later
    new = re.sub(r"\s+(?:too|also|as well)$", "", (m.group(1) or m.group(2)).strip(), flags=re.I)
    base = last.strip().rstrip("?")
    if swapped := other_side(new, base):  # "what about the chinese side?": the same question of the other country
        return swapped + "?"
    now = _named_article(new)
    # "what about the CSIS one?" after "…according to the SCMP piece?": the same question, other article ("the
    # new one" names an article only where the last question named one: else it is the thing asked about)
    if now and (_ARTICLE_MENTION.search(base) or not _ONE.search(now)):
        return with_source(base, now)
    if swapped := subject_swapped(new, base):  # "what about public health?" after "is AI covered?"
        return swapped
    words = list(re.finditer(r"[A-Za-z][\w.\-']*", base))
    # the thing the last question asked about is its final word, when that is a noun, not a verb ("renewed")
    last = words[-1] if words else None
    if last is None or last.group(0).lower() in STOPWORDS or re.search(r"(ed|ing)$", last.group(0)) or _OWNED.match(new) \
            or (_DO_QUESTION.match(base) and len(words) > 1 and words[-2].group(0).lower() not in STOPWORDS):
        return f"{base} ({new})?"
    return _before_last(base[:last.start()], new) + new + "?"


_PREPOSITION = r"(?:on|in|for|about|with|to|at|from|by|of|under|over|into|toward|towards)"


def _before_last(head: str, new: str) -> str:
    """The last question up to its final word, without its closing preposition when "what about X?" brings its own
    ("…work together on climate" + "on ai": "…work together on ai", not "on on ai").

    >>> _before_last("can they still work together on ", "on ai"), _before_last("is it allowed in ", "ferries")
    ('can they still work together ', 'is it allowed in ')
    """
    if re.match(_PREPOSITION + r"\s", new, re.I):
        return re.sub(r"\b" + _PREPOSITION + r"\s+$", "", head, flags=re.I)
    return head


def parallel(question: str, last: str) -> str | None:
    """ "and what did the US get?" after "what did China get out of the pact?": a question opening with "and" whose
    every word but its country the last question used asks that question of the other country; None otherwise.
    Why: its shortness is ellipsis (the rest is understood), and its own words would ask something vaguer.

    >>> parallel("and what did the US get?", "what did China get out of the pact?")
    'what did the US get out of the pact?'
    >>> parallel("and what did the US sign?", "what did China get out of the pact?") is None
    True
    """
    sides = [m.group(0) for m in re.finditer(r"(?:\bthe\s+)?[\w.']+", question, re.I) if other_side(m.group(0), last)]
    had = {stem(w) for w in tokens(last)}
    if len(sides) != 1 or not re.match(r"^\W*and\s", question, re.I) or not all(
            stem(w) in had for w in tokens(question.replace(sides[0], " ")) if w not in STOPWORDS and w not in WH):
        return None
    return other_side(sides[0], last.strip().rstrip("?")) + "?"


def _with_answer(question: str, last: Turn, weight) -> str:
    """ "what did that lead to?" -> "what did that lead to (fares doubled strike …)?": asked with the last answer."""
    return f"{question.strip().rstrip('?')} ({answer_terms(last.said, question, weight)})?"


_ONE = re.compile(r"\bone$", re.I)  # "the new one": an article only when the talk is already about articles
# "…according to Ann Berg", "…per the SCMP": where the last question said whose account it asked for
_SOURCE_PHRASE = re.compile(r"\s*,?\s*\b(?:according\s+to|per)\s+[^,?]+$", re.I)
# Words that only ask what an article reports ("what number does the CSIS piece give?"): no topic of their own
_REPORTING = {"say", "says", "said", "give", "gives", "gave", "number", "figure", "count", "put", "puts", "tell", "tells",
              "claim", "claims", "report", "reports", "mention", "mentions", "state", "states", "write", "writes",
              "wrote", "answer", "version", "estimate", "estimates", "cite", "cites", "list", "lists", "have", "has"}


def with_source(base: str, article: str) -> str:
    """The last question asked of another article: its article mention or "according to …" replaced, else added.

    >>> with_source("how many ferries run per the Harbor Daily piece", "the Bay Times one")
    'how many ferries run per the Bay Times one?'
    >>> with_source("how many ferries run according to Ann Berg", "the Bay Times one")
    'how many ferries run according to the Bay Times one?'
    >>> with_source("how many ferries run", "the Bay Times one")
    'how many ferries run according to the Bay Times one?'
    """
    was = _ARTICLE_MENTION.search(base)
    if was:
        return base[:was.start()] + article + base[was.end():] + "?"
    src = _SOURCE_PHRASE.search(base)
    return (base[:src.start()] if src else base) + f" according to {article}?"


def source_switch(question: str, last: str) -> str | None:
    """ "what number does the Bay Times piece give?" after a question: the question names an article and asks
    only what it reports, so it is the last question asked of that article; None for a question with a topic.

    >>> source_switch("what number does the Bay Times piece give?", "how many ferries run per Ann Berg?")
    'how many ferries run according to the Bay Times piece?'
    >>> source_switch("what does the Bay Times piece say about fares?", "how many ferries run?") is None
    True
    """
    m = _ARTICLE_MENTION.search(question)
    if not m or _OTHER_ONE.fullmatch(m.group(0)) or _ONE.search(m.group(0)):
        return None
    rest = question[:m.start()] + " " + question[m.end():]
    if any(w not in STOPWORDS and w not in WH and w not in _REPORTING and not FILLER.match(w) for w in tokens(rest)):
        return None
    return with_source(last.strip().rstrip("?"), m.group(0))


def together(question: str, last: Turn) -> str:
    """The follow-up asked with the last question, and with the things its answer listed when it asked for several
    ("which ports were closed?" -> "…such as Dover and Hull"): "why did they do that?" is about those things.

    Why: the last question only names their kind ("ports"); the answer's sentence that lists them is the one
    whose reason or sequel is asked, and it may share no word with the question ("kept out" / "excluded").

    >>> together("why did they do that?", Turn("which ports were closed?", said="It closed ports such as Dover and Hull."))
    'why did they do that (which ports were closed: Dover and Hull)?'
    >>> together("how come?", Turn("when was the port closed?", said="It closed ports such as Dover and Hull."))
    'how come (when was the port closed)?'
    """
    listed = last.listed or (listed_things(last.question, last.said) if last.said else "")
    return f"{question.strip().rstrip('?')} ({last.question.strip().rstrip('?')}{': ' + listed if listed else ''})?"


def _about_answer(question: str, last: Turn, weight) -> Resolved | None:
    """A follow-up about what the last answer said, asked with that answer's words (or, after "what's X?", with
    that question, since X is what "that" stands for); None when it points at nothing the answer told."""
    if asks_instead(question) and said_instead(last.said):  # "so what is it then?" after "…Instead, it sets terms"
        return Resolved(_with_answer(question, Turn(last.question, said=said_instead(last.said)), weight))
    if undated := dated_said(question, last.said):  # "and what year was that?" after "First signed in 1962…": its event
        return Resolved(_with_answer(question, Turn(last.question, said=undated), weight))
    if last.said and happened_as_told(question, last.question):  # "how many times did that happen?" after "what happened…?"
        return Resolved(_with_answer(question, last, weight))
    if last.said and not _ARTICLE_REF.search(question) and points_at_answer(question, last.question):
        if asks_definition(last.question):  # "who pushed that?" after "what's X?": X, not the words defining it
            return Resolved(together(question, last))
        return Resolved(_with_answer(question, last, weight))  # "what did that lead to?"
    return None


def rewrite(question: str, history: list[Turn], weight=None, known=None) -> Resolved:
    """The follow-up as a question of its own; ``weight`` (a stem's corpus idf) picks the last answer's heaviest
    words when the question points at what that answer said; ``known`` (does the corpus use a stem?) tells a
    question with words of its own from one whose every word is a paraphrase (see ``no_known_subject``)."""
    if not history:
        return Resolved(pointer_for_vague(question))
    last = history[-1]
    if is_more(question):
        return Resolved(last.question, more=True, shown=[s for t in history for s in t.shown])
    if asks_more_about_pointer(question):  # "tell me more about that": "that" is what the last question asked about
        return Resolved(more_about(question, last.question))
    if ell := _ellipsis(question, last.question):
        return Resolved(ell)
    if switched := source_switch(question, last.question) or parallel(question, last.question) or one_for_noun(question, last.question):
        return Resolved(switched)
    if asks_sequel(question):  # "what came next?": go on from the last answer, like "tell me more"
        return Resolved(last.question, more=True, shown=[s for t in history for s in t.shown])
    if _DONE_OR_AFTER.search(question) or bridged(question) or asked_people(question, last):  # the event done; the people a "who?" asked for
        return Resolved(together(question, last))
    if asks_why_listed(question, last.listed):  # "why did they drop it?" after "what tech was left out?": the tech listed
        return Resolved(together(question, last))
    if told := _about_answer(question, last, weight):  # "what did that lead to?": what the last answer said
        return told
    if not needs_context(question):
        if is_fragment(question):  # "how come?" after "did the ferry fares fall?": both together
            return Resolved(together(question, last))
        if no_known_subject(question, known):  # asks the last question again, for what its answer did not say…
            # …unless it asks another kind of answer, which the sentences already quoted may give ("from when?")
            said = [] if asks_other_kind(question, last.question) else list(last.shown)
            return Resolved(together(question, last), shown=said)
        return Resolved(question)
    m = _ARTICLE_REF.search(question)
    if m and last.cited:
        c = last.cited[0]
        ref = f'the article "{c["title"]}"' if c.get("title") else (f"the {c['outlet']} article" if c.get("outlet") else "")
        if ref:
            return Resolved(question[:m.start()] + ref + question[m.end():])
    if _EVENT_REF.match(question):  # "and when was that?": "that" is the whole event the last question asked about
        return Resolved(together(question, last))
    person = personal(question, last) or writers(question, last)  # each a question, or None
    if person is not None:
        return Resolved(person)
    p = pronoun(_DUMMY_IT.sub(lambda x: " " * len(x.group(0)), question))
    word = p.group(0).split()[0].lower() if p else ""
    subj = subject(last.question, True if word in ("they", "them", "their", "these", "those") else
                   False if word in ("it", "its") else None)
    if word in ("these", "those"):  # "should those be cut?" after "which ports were cut?": the ports the answer named
        subj = last.listed or listed_things(last.question, last.said) or subj
    if (chain := through(question, history, p) or reach(question, history, p)) or indefinite(word, last.question):
        return Resolved(chain or together(question, last))  # last a bare "that" (chained); "…anything?": its find
    if last.said and word in ("it", "its", "they", "them", "their") and no_antecedent(word, last.question):
        return Resolved(_with_answer(question, last, weight))  # "what did they find?" after a question about one writer
    if not subj or not p:
        return Resolved(question)
    if determiner(question, p):  # "when did that change happen?": the noun names the thing, "that" only points
        return Resolved(question[:p.start()] + "the" + question[p.end():])
    out = question[:p.start()] + subj + ("'s" if word in ("its", "their") else "") + question[p.end():]
    return Resolved(_with_event_context(with_dated_event(out, question, last.question), last.question))


_WHY = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?(?:why|how come)\b", re.I)
# "which article says the pact is dead?", "who argues that…": the last question asked whose claim something is
_CLAIM_SOURCE = re.compile(r"^\W*(?:(?:which|what)\s+(?:article|piece|op-ed|story|essay|report|outlet|source|writer|author|"
                           r"expert|analyst)s?|who)\s+(?:says?|said|argues?|argued|claims?|claimed|thinks?|contends?|"
                           r"suggests?|writes?|wrote|insists?|believes?)\b", re.I)


def _with_event_context(question: str, last_question: str) -> str:
    """A "why" follow-up asks the reason for the event the last question asked about, which its pronoun alone
    does not carry ("why did they leave the ports out?" after "which ports were dropped from the plan?"), so
    it is asked together with that question. So is a follow-up after a question asking whose claim something
    is ("which piece says the ferry isn't dead?" -> "so what is it becoming?"): it asks about the thing in that
    account, and the claim's words find the passage that makes it.

    >>> _with_event_context("why did they leave the ports out?", "which ports were dropped?")
    'why did they leave the ports out (which ports were dropped)?'
    >>> _with_event_context("who signed the plan?", "when was it dropped?")
    'who signed the plan?'
    >>> _with_event_context("why was the plan dropped?", "when was the plan dropped?")
    'why was the plan dropped?'
    >>> _with_event_context("what is the ferry becoming?", "which piece says the ferry isn't dead?")
    "what is the ferry becoming (which piece says the ferry isn't dead)?"
    """
    have = {stem(w) for w in tokens(question)}
    if not (_WHY.match(question) or _CLAIM_SOURCE.match(last_question)) or all(stem(w) in have for w in tokens(last_question) if w not in STOPWORDS and w not in WH):
        return question  # "why was the pact renewed?" after "when was the pact renewed?" already says it all
    return f"{question.strip().rstrip('?')} ({last_question.strip().rstrip('?')})?"
