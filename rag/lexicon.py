"""Corpus-wide facts, built once with the index: vocabulary, term statistics, acronyms, article names.

The query understanding (``rag.query``), retrieval and answering all read the
same ``Lexicon`` instead of each re-deriving what the corpus knows.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rag.naming import TITLE_AFTER_WORDS, TITLE_REF_NOUNS, NameIndex, article_names, asked_names, same_family, words_before
from rag.schema import Passage
from rag.spelling import Speller
from rag.text import stem, terms, tokens


def find_acronyms(texts) -> dict[str, set[str]]:
    """Acronyms the articles define, mapped to the stems of their long form.

    >>> sorted(find_acronyms(["The Science and Technology Agreement (STA) was signed."])["sta"])
    ['agreement', 'scienc', 'technolog']
    """
    out: dict[str, set[str]] = {}
    pat = re.compile(r"((?:[A-Z][\w\-]*\s+(?:(?:and|of|for|on|the|&)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,9})\)")
    for text in texts:
        for m in pat.finditer(text):
            words, acr = m.group(1).split(), m.group(2)
            caps = [w for w in words if w[:1].isupper()]
            letters = [c for c in acr if c.isupper()]
            if len(letters) >= 2 and len(caps) >= len(letters):
                long = caps[-len(letters):]
                if [w[0] for w in long] == letters:
                    out[stem(acr.lower())] = {t for w in long for t in terms(w)}
    return out


# Acronyms used without definition are matched to their long form in the first passages only: the scan
# is the slowest part of building the Lexicon (every start), and a long form turns up early if at all.
INITIALISM_SAMPLE = 3000
SENTENCE_MEMO = 65_536  # sentences whose terms are remembered (as many as rag.text caches); past this it starts over


def initialisms(texts) -> dict[str, set[str]]:
    """Acronyms the articles use without defining, matched to a run of words they also use whose
    initials spell them ("AI" and "artificial intelligence", "IP" and "intellectual property").

    >>> sorted(initialisms(["AI is excluded.", "Artificial intelligence and quantum computing."])["ai"])
    ['artifici', 'intellig']
    """
    from collections import Counter as _C

    from rag.text import STOPWORDS

    texts = list(texts)
    acrs = {a for t in texts for a in re.findall(r"\b[A-Z]{2,5}\b", t)}
    wanted = {a.lower() for a in acrs}
    # Only runs whose initials spell an acronym the articles use are counted: one pass, small memory,
    # so building the Lexicon stays linear in the corpus (it runs at every start).
    runs: dict[str, _C] = {}
    for t in texts:
        words = [w for w in re.findall(r"[A-Za-z][a-z\-]+|[A-Z]+", t) if w.lower() not in STOPWORDS]
        for n in range(2, 6):
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                initials = "".join(w[0] for w in gram).lower()
                if initials in wanted and not any(w.isupper() for w in gram):
                    runs.setdefault(initials, _C())[tuple(w.lower() for w in gram)] += 1
    out: dict[str, set[str]] = {}
    for a in acrs:
        hits = runs.get(a.lower())
        if hits:
            g = max((c, g) for g, c in hits.items())[1]
            out[stem(a.lower())] = {stem(w) for w in g}
    return out


@dataclass
class Lexicon:
    df: Counter  # content-term stem -> number of passages using it
    n: int  # passages
    vocab: set[str]  # normalized surface words of the articles and their metadata
    lower_words: set[str]  # words the articles write in lower case: a capitalised one of these is not a name
    expansions: dict[str, set[str]]  # acronym stem -> stems of its long form
    names: dict[str, list[str]]  # doc_id -> normalized names it can be referred to by
    titles: dict[str, list[str]] = field(default_factory=dict)  # doc_id -> content-term stems of its headline
    speller: Speller = field(repr=False, default=None)
    _variants: dict = field(repr=False, default_factory=dict)
    _sentence_terms: dict = field(repr=False, compare=False, default_factory=dict)
    _naming: NameIndex | None = field(repr=False, compare=False, default=None)
    # articles with no headline / no byline (``name_untitled``): "the untitled piece", "the unsigned article"
    untitled: frozenset = field(repr=False, compare=False, default=frozenset())
    unsigned: frozenset = field(repr=False, compare=False, default=frozenset())
    _sorted_stems: list[str] | None = field(repr=False, compare=False, default=None)  # sorted(df), made on first use

    @property
    def naming(self) -> NameIndex:
        """The names and headlines indexed by word, built on first use (and again after ``name_untitled``)."""
        if self._naming is None:
            self._naming = NameIndex(self.names, self.titles, self.untitled, self.unsigned)
        return self._naming

    @classmethod
    def build(cls, passages: list[Passage], headers: list[str], extra_words: set[str] = frozenset()) -> "Lexicon":
        doc_terms = [terms(h + "\n" + p.text) for p, h in zip(passages, headers)]
        vocab = {w for p in passages for w in tokens(p.text)} | {w for h in headers for w in tokens(h)} | set(extra_words)
        names: dict[str, list[str]] = {}
        for p in passages:
            names.setdefault(p.doc_id, article_names(p))
        titles = {d: ts for d, ts in {p.doc_id: sorted(set(terms(p.title))) for p in passages}.items() if ts}
        return cls(df=Counter(t for ts in doc_terms for t in set(ts)), n=len(passages), vocab=vocab,
                   lower_words={w for p in passages if p.kind == "body" for w in re.findall(r"\b[a-z][a-z\-]+\b", p.text)},
                   expansions={**initialisms(p.text for p in passages[:INITIALISM_SAMPLE]),
                               **find_acronyms(p.text for p in passages)},
                   names=names, titles=titles, speller=Speller(vocab))

    def to_json(self) -> dict:
        return {"df": dict(self.df), "n": self.n, "vocab": sorted(self.vocab), "lower_words": sorted(self.lower_words),
                "expansions": {a: sorted(x) for a, x in self.expansions.items()}, "names": self.names,
                "titles": self.titles}

    @classmethod
    def from_json(cls, d: dict) -> "Lexicon":
        vocab = set(d["vocab"])
        return cls(df=Counter(d["df"]), n=int(d["n"]), vocab=vocab, lower_words=set(d["lower_words"]),
                   expansions={a: set(x) for a, x in d["expansions"].items()}, names=d["names"], titles=d.get("titles", {}), speller=Speller(vocab))

    def known(self, term: str) -> bool:
        """Does any passage use this content-term stem, or a derived form of it ("america" for "american")?"""
        return self.df.get(term, 0) > 0 or self.variant(term) is not None

    def variant(self, term: str) -> str | None:
        """A corpus stem that is ``term`` plus a short derivational ending (or the reverse), else None.

        The stemmer keeps "america"/"american" and "europ"/"european" apart; a name the articles
        use in another form is still a name they mention.
        """
        if len(term) < 5 or term.isdigit():
            return None
        if term not in self._variants:
            self._variants[term] = self._first_variant(term)
        return self._variants[term]

    def _first_variant(self, term: str) -> str | None:
        """The first stem, in sorted order, that is ``term`` less or plus one or two letters (five letters at least).

        Shorter ones sort before ``term`` and longer ones right after it, among the stems that start with it, so this
        looks up two prefixes and bisects once; sorting every stem for each new term was ~0.35 ms a question at 10k
        chunks (profiled, 300 dev questions).
        """
        for t in (term[:-2], term[:-1]):
            if len(t) >= 5 and t in self.df:
                return t
        if self._sorted_stems is None:
            self._sorted_stems = sorted(self.df)
        stems = self._sorted_stems
        for j in range(bisect_right(stems, term), len(stems)):
            if not stems[j].startswith(term):
                break
            if len(stems[j]) <= len(term) + 2:
                return stems[j]
        return None

    def concepts(self, ts) -> list[str]:
        """Terms with each acronym's spelled-out long form folded into the acronym ("artifici intellig" -> "ai").

        An acronym and its long form are one concept: counted once, matched by either spelling.
        """
        ts = list(dict.fromkeys(ts))
        for acr, long in self.expansions.items():
            if long and long <= set(ts):
                ts = [t for t in ts if t not in long] + ([acr] if acr not in ts else [])
        return ts

    def expand(self, ts: set[str]) -> set[str]:
        """A sentence's terms plus the acronym of every long form it spells out (never the reverse:
        a sentence that says "STA" does not thereby say "technology")."""
        return set(ts) | {acr for acr, long in self.expansions.items() if long and long <= ts}

    def searched(self, ts) -> list[str]:
        """Query terms for keyword search: each acronym also searched by its long form ("ai" -> "artifici intellig").

        ``concepts`` folds a spelled-out long form into its acronym, and an article may write either one; BM25
        matches words, not concepts, so "AI" alone never reached a passage that only says "artificial intelligence"
        (sentence scoring already matches both through ``expand``). Only an acronym rarer than each word of its
        long form is: "US" is in nearly every passage and tells none apart, while "state" and "unit" are rarer
        (and "state" says other things: "State Department"), so they would outweigh the concept itself.

        >>> lex = Lexicon(Counter({"ai": 1, "artifici": 2, "intellig": 2, "us": 9, "state": 3}), 10, set(), set(),
        ...               {"ai": {"artifici", "intellig"}, "us": {"state", "unit"}}, {})
        >>> lex.searched(["ai", "exclud"]), lex.searched(["us", "exclud"])
        (['ai', 'exclud', 'artifici', 'intellig'], ['us', 'exclud'])
        """
        ts = list(ts)
        return ts + [t for a in ts for t in sorted(self.expansions.get(a, ()))
                     if t not in ts and self.spells_apart(a)]

    def spells_apart(self, acr: str) -> bool:
        """Is the acronym rarer than each word of its long form, and each of those words in at most half the passages?
        Words most passages use ("agreement", "science" for "STA") find nothing the acronym does not."""
        dfs = [self.df.get(x, 0) for x in self.expansions.get(acr, ())]
        return bool(dfs) and self.df.get(acr, 0) <= min(dfs) and max(dfs) <= self.n / 2

    def sentence_terms(self, text: str) -> frozenset[str]:
        """``expand(set(terms(text)))``, remembered: every question scores the sentences of its passages, and the
        same sentences come back question after question (frozen, since candidates share it).

        >>> Lexicon(Counter(), 0, set(), set(), {"sta": {"scienc", "technolog", "agreement"}}, {}).sentence_terms(
        ...     "The Science and Technology Agreement was renewed.") == {"scienc", "technolog", "agreement", "renew", "sta"}
        True
        """
        got = self._sentence_terms.get(text)
        if got is None:
            if len(self._sentence_terms) >= SENTENCE_MEMO:
                self._sentence_terms.clear()
            got = self._sentence_terms[text] = frozenset(self.expand(set(terms(text))))
        return got

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def common(self, word: str) -> bool:
        """Do the articles write this word in lower case, or is it the acronym of words they do ("STA",
        "AI")? Then capitalised it is not a name."""
        return word.lower() in self.lower_words or stem(word.lower()) in self.expansions

    def name_terms(self, doc_ids) -> set[str]:
        """Content-term stems of the names the articles ``doc_ids`` go by ("csis", "respons", "statecraft")."""
        return {t for d in doc_ids for n in self.names.get(d, []) for t in terms(n)}

    def name_untitled(self, openings: dict[str, str], unsigned=frozenset()) -> None:
        """An article with no headline goes by its opening words ("the December 2024 piece" for one opening
        "In December 2024, …"): they stand in for its headline in ``title_reference``. It, and an article with
        no byline (``unsigned``), also go by what they lack: "the untitled piece", "the unsigned one"."""
        self.untitled, self.unsigned, self._naming = frozenset(openings), frozenset(unsigned), None
        for d, words in openings.items():
            if not self.titles.get(d) and terms(words):
                self.titles[d] = sorted(set(terms(words)))
                self._naming = None

    def naming_terms(self, text: str, doc_ids) -> set[str]:
        """Stems of the words by which ``text`` names the articles ``doc_ids`` (an outlet or author it spells,
        headline words before "piece", the word "piece" or "op-ed" itself): they pick an article, not a sentence."""
        q, toks = f" {asked_names(text)} ", asked_names(text).split()
        out = {t for d in doc_ids for n in self.names.get(d, []) if n in q for t in terms(n)}
        out |= {t for d, a in self.naming.coordinated_acronyms(q).items() if d in doc_ids for t in terms(a)}
        for i, w in enumerate(toks):
            if w not in TITLE_REF_NOUNS:
                continue
            before = [t for t in words_before(toks, i) if t not in self.naming.lacking]  # "the unsigned May piece"
            if before and any(set(before) <= set(self.titles.get(d, [])) for d in doc_ids):
                out |= set(before)
            out |= set(terms(" ".join(toks[i:i + 2]))) if w == "op" else set(terms(w))  # "op ed"
        return out | self.naming.lacks_words(toks) | self.described_by(toks, doc_ids)

    def described_by(self, toks: list[str], doc_ids) -> set[str]:
        """Stems of a description after the word for an article that echo the headline (or opening words) of one
        of ``doc_ids`` ("the piece on the harbour levies": "harbour", "levi"): they say which article, not what."""
        out: set[str] = set()
        for i, w in enumerate(toks):
            if w in TITLE_REF_NOUNS and self.naming.title_after_noun(toks[i:]) & set(doc_ids):
                said = {t for x in toks[i + 2:i + 2 + TITLE_AFTER_WORDS] for t in terms(x)}
                out |= {s for s in said for d in doc_ids if any(same_family(t, s) for t in self.titles.get(d, []))}
        return out

    def referenced_docs(self, text: str) -> set[str]:
        """Articles ``text`` names by outlet, its acronym, an author, a web domain, or words of its headline."""
        q = f" {asked_names(text)} "
        return self.naming.named(q) | set(self.naming.coordinated_acronyms(q)) | self.naming.title_reference(text)


# Saved by `rag ingest` into each index generation beside the BM25: building it is most of a start at
# 100k chunks (~28 s), and a sealed generation never changes, so it is built once per generation.
FILE = "lexicon.json"
FORMAT = 4  # bump whenever Lexicon.build changes what it derives: older saved files are then rebuilt at start


def _digest(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def save(lex: Lexicon, ids: list[str], folder: Path) -> None:
    data = {"format": FORMAT, "chunk_ids_sha256": _digest(ids), **lex.to_json()}
    (Path(folder) / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load(folder: Path | None, ids: list[str]) -> Lexicon | None:
    """The saved Lexicon of ``folder``, or None if absent, unreadable or built over other chunks."""
    path = Path(folder) / FILE if folder is not None else None
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        same = data.get("format") == FORMAT and data.get("chunk_ids_sha256") == _digest(list(ids))
        return Lexicon.from_json(data) if same else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
