"""Which articles a question names: by outlet, author, acronym, web domain or words of its headline.

The names and headlines are indexed once per ``Lexicon`` (``NameIndex``), so naming costs a question
the same at five articles or at 100k chunks: scanning every article's names and headline per question
took 6–14 ms of each question at 100k synthetic chunks, and ~190 ms for one that describes a headline
("the piece on how …"), whose rarity test compared every headline term with every headline.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rag.records import acronym
from rag.schema import Passage
from rag.text import STOPWORDS, normalize, terms


# A plural's possessive apostrophe ("the RS authors' view", "the writers' take"): ``normalize`` drops the "'s" of a
# singular one ("the author's") but keeps this one on its word, which then spells no article's name ("rs authors'")
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)'(?![a-z])")


def asked_names(question: str) -> str:
    """The question normalized for looking up the names it gives the articles, a plural's possessive apostrophe
    dropped as a singular's "'s" is.

    >>> asked_names("how do their views differ from the RS authors'?")
    'how do their views differ from the rs authors '
    >>> asked_names("the author's 'bright spot' piece")  # a singular's "'s", and a quotation's marks, as before
    "the author 'bright spot' piece"
    """
    return _PLURAL_POSSESSIVE.sub("", normalize(question))


def article_names(p: Passage) -> list[str]:
    """Normalized names an article can be referred to by: outlet parts, acronym, authors, surnames, domain."""
    ns = [x for x in re.split(r"/|,|;", p.outlet) if x.strip()] + list(p.authors)
    ns += [a.split()[-1] for a in p.authors if len(a.split()) > 1]
    if acronym(p.outlet):
        ns.append(acronym(p.outlet))
    if "." in p.outlet:
        ns.append(p.outlet.split(".")[0])  # csis.org -> csis
    out = [f" {n} " for n in (normalize(x).strip() for x in ns) if len(n) >= 3]
    # A two-letter acronym ("RS") names the article only right before a word for one or for its writer
    # ("the HW piece", "the HW author"): alone it is too easily an ordinary token ("us").
    two = [x.split() for x in re.split(r"/|,|;", p.outlet) if len(x.split()) == 2 and all(w[:1].isupper() for w in x.split())]
    short = [normalize(x).strip() for x in ns if len(normalize(x).strip()) == 2] + ["".join(w[0] for w in t).lower() for t in two]
    return out + [f" {n} {w} " for n in short for w in _ARTICLE_NOUNS + _WRITER_NOUNS]


_ARTICLE_NOUNS = ("piece", "article", "one", "story", "op", "essay", "report", "take", "write", "writeup", "analysis")
_WRITER_NOUNS = ("writer", "writers", "author", "authors", "column", "editorial")
# Words that, right after a few title words, refer to an article or its writer ("the bright-future piece",
# "the quiet-harbour story", "the quiet-harbour write-up"); "take" is left out: "the broad take" is a view.
TITLE_REF_NOUNS = frozenset(_ARTICLE_NOUNS[:7] + ("write", "writeup", "analysis") + _WRITER_NOUNS)
TITLE_REF_WORDS = 3  # words before such a noun that may echo a title

_JOINED = r"(?:and|or|&|vs|versus)"
# Words that name a source right after them ("per HW", "according to HW"): an article's initials there name it
_SOURCE_CUE = r"per|according to"
_PLURALS = ("pieces", "articles", "stories", "essays", "reports")

# Words that, right after a word for an article, begin a description of what it says ("the column on …",
# "the op-ed arguing for …", "the report asking whether …").
_DESCRIBES = frozenset(("on", "about", "asking", "arguing", "saying", "claiming", "explaining", "suggesting",
                        "warning", "describing", "examining", "discussing", "titled", "called", "headlined"))
TITLE_AFTER_WORDS = 12  # words after such a description's first word that may echo a title
TITLE_AFTER_MIN = 2  # distinctive headline terms a description must echo
_YEAR = re.compile(r"(?:1[89]|2[01])\d\d")  # a year: a date many articles share, whatever one headline or opening holds
# Words describing an article by what it lacks ("the untitled piece", "the unsigned December 2024 article"): general
# English for "no headline" and "no byline". They name the one article that lacks it, alone or with headline words.
UNTITLED_WORDS = ("untitled", "headlineless")
UNSIGNED_WORDS = ("unsigned", "anonymous", "uncredited", "authorless", "bylineless")
# ...and the same said after the word for an article: "the one without a title", "the piece with no author"
_LACKS = re.compile(r"^(?:that |which )?(?:has |had |comes |came |is |was )?(?:with no|without|no|lacking|missing) "
                    r"(?:a |an |any )?(?:named )?(title|headline|author|byline|writer)s?\b")
_LACKED = {"title": "untitled", "headline": "untitled", "author": "unsigned",
           "byline": "unsigned", "writer": "unsigned"}
FAMILY = 4  # letters two stems of five or more letters share to be one word family ("evolut"/"evolv")


def same_family(a: str, b: str) -> bool:
    """Two stems of one word family: equal, or sharing their first ``FAMILY`` letters when both are longer
    ("evolut"/"evolv"); a short stem ("us") must match whole."""
    return a == b or (min(len(a), len(b)) > FAMILY and a[:FAMILY] == b[:FAMILY])


def words_before(toks: list[str], i: int) -> list[str]:
    """Content-term stems of the few words right before ``toks[i]``, up to a stopword."""
    before: list[str] = []
    for x in reversed(toks[max(0, i - TITLE_REF_WORDS):i]):
        if x in STOPWORDS:
            break
        before.extend(terms(x))
    return before


class NameIndex:
    """Article names and headline terms, indexed by word: each lookup reads only the articles that share
    a word with the question. ``names``: doc_id -> normalized names, each padded with spaces (" port post ");
    ``titles``: doc_id -> content-term stems of its headline."""

    def __init__(self, names: dict[str, list[str]], titles: dict[str, list[str]],
                 untitled: frozenset = frozenset(), unsigned: frozenset = frozenset()):
        self.n_titles = len(titles)
        # stem of a word for what an article lacks -> the articles lacking it (``UNTITLED_WORDS``)
        self.lacking = {t: set(docs) for words, docs in ((UNTITLED_WORDS, untitled), (UNSIGNED_WORDS, unsigned))
                        for t in terms(" ".join(words))}
        self.by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first word -> (name, doc_id)
        for d, ns in names.items():
            for n in ns:
                if n.split():
                    self.by_first[n.split()[0]].append((n, d))
        self.shorts = {n.split()[0]: d for d, ns in names.items() for n in ns
                       if len(n.split()) == 2 and len(n.split()[0]) == 2}
        long = sorted({n.strip() for ns in names.values() for n in ns if len(n.split()[0]) > 2} | set(self.shorts), key=len)
        other = "|".join(re.escape(n) for n in reversed(long))
        nouns = "|".join(_ARTICLE_NOUNS + _WRITER_NOUNS + _PLURALS)
        self.acronym_patterns = {
            a: [re.compile(rf" {re.escape(a)} (?:{nouns}) "), re.compile(rf" (?:{_SOURCE_CUE}) {re.escape(a)} ")]
            + ([re.compile(rf" {re.escape(a)} {_JOINED} (?:the )?(?:{other}) "),
                re.compile(rf" (?:{other}) {_JOINED} (?:the )?{re.escape(a)} ")] if other else [])
            for a in self.shorts}
        self.titles = titles
        self.with_term: dict[str, set[str]] = defaultdict(set)  # headline stem -> articles using it
        self.with_family: dict[str, set[str]] = defaultdict(set)  # first letters of a long stem -> articles
        for d, ts in titles.items():
            for t in ts:
                self.with_term[t].add(d)
                if len(t) > FAMILY:
                    self.with_family[t[:FAMILY]].add(d)

    def named(self, q: str) -> set[str]:
        """Articles whose name ``q`` (normalized, padded with spaces) spells out."""
        return {d for w in set(q.split()) for n, d in self.by_first.get(w, ()) if n in q}

    def coordinated_acronyms(self, q: str) -> dict[str, str]:
        """See the module function ``coordinated_acronyms``."""
        return {d: a for a, d in self.shorts.items() if any(p.search(q) for p in self.acronym_patterns[a])}

    def title_reference(self, question: str) -> set[str]:
        """See the module function ``title_reference``."""
        toks = asked_names(question).split()
        out: set[str] = set()
        for i, w in enumerate(toks):
            if w not in TITLE_REF_NOUNS:
                continue
            before = {t for t in words_before(toks, i) if t not in self.lacking}
            pool = self.lacks(toks, i)
            if pool is None and all(_YEAR.fullmatch(t) for t in before):
                continue  # "the 2024 one" is the year's agreement or any article of that year, not a headline's
            hits = set.intersection(*(self.with_term.get(t, set()) for t in before)) if before else set()
            hits = (hits & pool if before else pool) if pool is not None else hits
            if len(hits) == 1:
                out |= hits
        return out | self.title_after_noun(toks)

    def lacks(self, toks: list[str], i: int) -> set[str] | None:
        """The articles lacking what the words around the article noun ``toks[i]`` say it lacks ("the untitled
        piece", "the one without a byline"), or None when they say nothing of the kind. Only what an article's
        front matter leaves empty is read: the reader cannot call an article by a headline or a byline it has not."""
        said = [t for t in words_before(toks, i) if t in self.lacking]
        m = _LACKS.match(" ".join(toks[i + 1:i + 8]))
        if m:
            said += terms(_LACKED[m.group(1)])
        return set.intersection(*(self.lacking[t] for t in said)) if said else None

    def lacks_words(self, toks: list[str]) -> set[str]:
        """Stems of the words describing an article by what it lacks (``lacks``): they name it, asking nothing."""
        out: set[str] = set()
        for i, w in enumerate(toks):
            if w in TITLE_REF_NOUNS and self.lacks(toks, i) is not None:
                out |= {t for t in words_before(toks, i) if t in self.lacking}
                m = _LACKS.match(" ".join(toks[i + 1:i + 8]))
                out |= set(terms(m.group(0))) if m else set()
        return out

    def _family(self, term: str) -> set[str]:
        """Articles whose headline has a stem of ``term``'s word family."""
        return self.with_family.get(term[:FAMILY], set()) if len(term) > FAMILY else self.with_term.get(term, set())

    def _rare(self, term: str) -> bool:
        """Is a headline term's family ("scienc", "scientist", "scientif") in at most half of the titles?"""
        return 2 * len(self._family(term)) <= self.n_titles

    def title_after_noun(self, toks: list[str]) -> set[str]:
        """See the module function ``title_after_noun``."""
        out: set[str] = set()
        for i, w in enumerate(toks):
            j = i + 2 if toks[i:i + 2] == ["op", "ed"] else i + 1  # "op-ed" is read as two words
            if w not in TITLE_REF_NOUNS or j >= len(toks) or toks[j] not in _DESCRIBES:
                continue
            said = {t for x in toks[j + 1:j + 1 + TITLE_AFTER_WORDS] for t in terms(x)}
            cands = set().union(*(self._family(s) | self.with_term.get(s, set()) for s in said)) if said else set()
            echo = {d: sum(any(same_family(t, s) for s in said) and self._rare(t) for t in self.titles[d])
                    for d in cands}
            best = max(echo.values(), default=0)
            top = [d for d, n in echo.items() if n == best]
            if best >= TITLE_AFTER_MIN and len(top) == 1:
                out.add(top[0])
        return out


def coordinated_acronyms(q: str, names: dict[str, list[str]]) -> dict[str, str]:
    """Articles named by a two-letter acronym that shares its article noun with another name ("the HW and
    Port Post pieces", "the HW articles") or is set against another article's name ("Port Post vs HW"):
    the noun, or the other name, says the acronym is an article's, as "the HW piece" does. ``q`` is the
    normalized question padded with spaces; returns doc_id -> acronym.

    >>> names = {"a": [" port post ", " hw piece ", " hw author "], "b": [" port post "]}
    >>> coordinated_acronyms(" do the hw and port post pieces agree ", names), coordinated_acronyms(" how do we hw ", names)
    ({'a': 'hw'}, {})
    >>> coordinated_acronyms(" how old was the ferry per hw ", names), coordinated_acronyms(" according to hw it sank ", names)
    ({'a': 'hw'}, {'a': 'hw'})
    """
    return NameIndex(names, {}).coordinated_acronyms(q)


def title_reference(question: str, titles: dict[str, list[str]]) -> set[str]:
    """Articles a question names by words of their headline right before a word for an article or its
    writer: "the 'quiet harbour' op-ed", "the harbour-quiet piece" name the one article whose title
    has all those words; words shared by several titles name none.

    >>> sorted(title_reference("what does the quiet harbour piece say?", {"a": ["quiet", "harbour", "town"], "b": ["town"]}))
    ['a']
    >>> title_reference("what does the town piece say?", {"a": ["quiet", "town"], "b": ["town"]})
    set()
    """
    return NameIndex({}, titles).title_reference(question)


def title_after_noun(toks: list[str], titles: dict[str, list[str]]) -> set[str]:
    """Articles a question names by describing their headline after the word for an article: "the piece
    on how the harbour levies were raised" names the article headlined "Harbour raises its levy". A title
    counts only by its distinctive terms (whose word family is in at most half of the titles: "harbour"
    in every title names nothing), matched by word family ("evolved" echoes "evolution"), and only the
    one title echoing at least ``TITLE_AFTER_MIN`` of them, more than any other, is named. Words after
    the noun are the reader's paraphrase, not the headline's order, so any of the next few count.

    >>> titles = {"a": ["harbour", "levi", "rais"], "b": ["harbour", "ferri", "strike"], "c": ["harbour", "town"]}
    >>> title_after_noun("the piece on how the harbour levies were raised".split(), titles)
    {'a'}
    >>> title_after_noun("the piece on the harbour town".split(), titles)
    set()
    """
    return NameIndex({}, titles).title_after_noun(toks)
