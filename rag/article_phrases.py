"""A run of everyday words the articles never use, put in the articles' own phrase for the same thing ("settling
disagreements" -> "dispute resolution", "bugs on crops" -> "agricultural pest"), when the embedding model holds the
two phrases nearly the same.

WHY: a reader who does not know the articles' term names the thing in a few plain words, none of which the articles
use; single words miss it ("settling" is near no word of theirs, "bugs" only 0.66 from "pest"), so the question's
terms weigh nothing known and another sentence is quoted. The model's vectors of short phrases hold a paraphrase
close ("settling disagreements" and "dispute resolution" 0.69, "stopping bugs on crops" and "agricultural pest
control" 0.74) while other topics stay far ("settling disagreements" and "intellectual property" 0.23), so a high bar
keeps them apart. Only runs made wholly of words the articles never use are put in their words: a word they use is
asked as written, and so is a run they could only name as a name (a phrase they capitalise, a place).
The articles' phrases are their runs of two or three words within a clause (~900 on the real corpus, ~1 s to embed);
an ingest embeds them with the generation it builds (``save``, beside the articles' words), reusing the previous
generation's vectors, and ``MOST_PHRASES`` bounds the cost at any corpus size. A question never embeds them: a
generation without the file (an older index) asks every question as written.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from rag.article_words import unit, with_saved
from rag.places import is_place
from rag.spelling import zipf
from rag.text import STOPWORDS, stem

SAME_PHRASE = 0.69  # cosine of two short phrases' vectors above which the reader's phrase is the articles' (MiniLM)
PLAIN = 3.0  # every word of the reader's run at least this common in English (zipf): plain words, not names or typos
MOST_PHRASES = 5000  # the articles' most used phrases embedded at ingest: ~900 on the real corpus, bounded at any size
FORMAT = 1  # bump when what is saved changes: older files are then ignored (and the mapping skipped until an ingest)
_FILES = ("article_phrases.json", "article_phrases.npy")
# general English words that join, hedge or stand in for a phrase rather than name a thing (indefinite pronouns, vague
# nouns, prepositions): a phrase never starts or ends on one
_JOINERS = frozenset("like unlike including such also even just still yet very really quite per via versus vs "
                     "much many more most less least other another every each anything something everything nothing anyone someone "
                     "everyone somebody anybody whatever stuff thing things way ways kind sort lot bit without within "
                     "toward towards upon across along among amongst despite beyond against around behind".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]")
_CLAUSE = re.compile(r"[.;:!?,()\"\u201c\u201d\u2014\u2013\[\]]")


def _edge_ok(word: str) -> bool:
    """Can ``word`` (lower case) open or close a phrase naming a thing? Not a function word, hedge, or adverb."""
    return word not in STOPWORDS and word not in _JOINERS and not word.endswith("ly") and len(word) >= 3


def article_phrases(texts) -> list[str]:
    """The articles' terms: runs of two or three content words within a clause ("dispute resolution", not "talks on
    dispute": a term of theirs is a compound, a run through "the" or "on" is a piece of a sentence), lower-cased, most
    used first; a run with a capitalised word past a clause's first is a name (never another thing's paraphrase).

    >>> article_phrases(["Talks on dispute resolution stalled.", "Jimmy Carter signed; dispute resolution"])
    ['dispute resolution', 'dispute resolution stalled', 'resolution stalled']
    """
    seen: Counter = Counter()
    for text in texts:
        for clause in _CLAUSE.split(text):
            words = _WORD.findall(clause)
            for n in (2, 3):
                for i in range(len(words) - n + 1):
                    run = words[i:i + n]
                    low = [w.lower() for w in run]
                    if any(w[0].isupper() for w in run[1 if i == 0 else 0:]) or not all(_edge_ok(w) for w in low):
                        continue
                    seen[" ".join(low)] += 1
    return sorted(seen, key=lambda p: (-seen[p], p))[:MOST_PHRASES]


class ArticlePhrases:
    """The articles' phrase for a reader's run of plain words, by the embedding of short phrases: the articles' vectors
    are given (saved by the ingest), only the reader's runs are embedded at question time."""

    def __init__(self, phrases: list[str], vecs, embed):
        self.phrases, self._vecs, self._embed, self._cache = list(phrases), vecs, embed, {}

    def scored(self, runs: list[str], embed=None) -> list[tuple[str | None, float]]:
        """The articles' phrase nearest each run and its cosine (None, 0.0 when they have none); a question's new runs
        are embedded in one call (one per run cost ~10 ms more at p95 on dev), by ``embed`` when given (one that also
        encodes the question: ``querycache.documents_with_query``)."""
        new = [r for r in dict.fromkeys(runs) if r not in self._cache]
        if new and self.phrases:
            sims = unit((embed or self._embed)(new)) @ np.asarray(self._vecs).T
            for run, row in zip(new, sims):
                best = int(np.argmax(row))
                self._cache[run] = (self.phrases[best], float(row[best]))
        return [self._cache.get(r, (None, 0.0)) for r in runs]

    def phrases_for(self, runs: list[str], embed=None) -> list[tuple[str, float] | None]:
        """The articles' phrase for each run and its cosine when at least ``SAME_PHRASE`` close, else None."""
        return [(p, sim) if p and sim >= SAME_PHRASE else None for p, sim in self.scored(runs, embed)]


def save(texts, embed, folder: Path) -> None:
    """The articles' phrases of ``texts`` and their unit vectors (``embed``: the model's ``embed_documents``, reusing a
    previous generation's, ``reusing``) into an index generation's reader folder (``rag.reader_files``)."""
    phrases = article_phrases(texts)
    vecs = unit(embed(phrases)) if phrases else np.zeros((0, 1), np.float32)
    np.save(Path(folder) / _FILES[1], vecs, allow_pickle=False)
    (Path(folder) / _FILES[0]).write_text(json.dumps({"format": FORMAT, "phrases": phrases}), encoding="utf-8")


def _saved(folder: Path | None, mmap: bool) -> tuple[list[str], np.ndarray] | None:
    """The phrases and vectors saved in ``folder``, or None (absent, older format, damaged)."""
    try:
        meta = json.loads((Path(folder) / _FILES[0]).read_text(encoding="utf-8"))
        vecs = np.load(Path(folder) / _FILES[1], mmap_mode="r" if mmap else None, allow_pickle=False)
        ok = meta.get("format") == FORMAT and vecs.ndim == 2 and len(vecs) == len(meta["phrases"])
        return (list(meta["phrases"]), vecs) if ok else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # TypeError: no folder (None)
        return None


def load(folder: Path | None, embed) -> ArticlePhrases | None:
    """The phrases a generation's ingest saved in ``folder``, or None: an index without them (older code, ``rag
    bench``'s copies) asks every question as written rather than embed thousands of phrases at question time."""
    got = _saved(folder, mmap=True)
    return ArticlePhrases(got[0], got[1], embed) if got and got[0] else None


def reusing(folder: Path | None, embed):
    """``embed`` that takes the vectors of phrases saved in ``folder`` (the previous generation's) as they are, and
    runs only the others through the model: adding an article embeds its new phrases, not all of them again."""
    got = _saved(folder, mmap=False)
    return with_saved(dict(zip(*got)) if got else {}, embed)


def _plain_unknown(word: str, known) -> bool:
    """Is ``word`` a plain English word (each part of a hyphenated one) the articles never use, and no place?"""
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(not known(stem(p)) and zipf(p) >= PLAIN and not is_place(p) for p in parts)


def plain_runs(text: str, known) -> list[tuple[int, int]]:
    """Character spans of the runs of two to four words in ``text`` whose every content word is a plain word the
    articles never use (``known``: a stem they use), opening and closing on such a word; longest first.

    >>> t = "did it help with stopping bugs on crops?"
    >>> [t[a:b] for a, b in plain_runs(t, {"help"}.__contains__)]
    ['stopping bugs on crops', 'bugs on crops', 'stopping bugs']
    """
    words = list(re.finditer(r"[a-z][a-z\-']*[a-z]", text.lower()))
    plain: dict[str, bool] = {}  # each word is judged once, not once per run holding it (up to nine runs)
    out = []
    for n in (4, 3, 2):
        for i in range(len(words) - n + 1):
            run = [m.group(0) for m in words[i:i + n]]
            inner = [w for w in run if w not in STOPWORDS]
            if not (_edge_ok(run[0]) and _edge_ok(run[-1])) or any("'" in w for w in run):
                continue
            if len(inner) >= 2 and all(plain[w] if w in plain else plain.setdefault(w, _plain_unknown(w, known))
                                       for w in inner):
                out.append((words[i].start(), words[i + n - 1].end()))
    return out


def _on_topic(text: str, known) -> bool:
    """Does ``text`` use a content word the articles use? Only then is a run of other words a paraphrase of theirs: a
    question none of whose words they use ("how do i fix a leaky faucet") is about something else, and a near phrase
    ("prevent the leakage") must not make it look answerable."""
    return any(_edge_ok(w) and known(stem(w)) for w in re.findall(r"[a-z]+", text.lower()))


def in_article_phrases(text: str, known, phrases_for) -> str:
    """``text`` with each run of plain words the articles never use (``plain_runs``) put in their phrase for it
    (``phrases_for``: for a list of runs, each one's phrase and closeness, None when none is close), the closest
    first, never overlapping: a longer run may hold a word the phrase drops ("stealing inventions a worry" -> "technology theft"
    loses the worry, "stealing inventions" is closer), so closeness, not length, picks among them.

    >>> near = lambda runs: [{"settling disagreements": ("dispute resolution", 0.7)}.get(r) for r in runs]
    >>> in_article_phrases("did it add anything about settling disagreements?", {"add"}.__contains__, near)
    'did it add anything about dispute resolution?'
    >>> in_article_phrases("did it add anything about settling rows?", {"add"}.__contains__, near)
    'did it add anything about settling rows?'
    >>> in_article_phrases("how do i go about settling disagreements?", set().__contains__, near)  # no word of theirs
    'how do i go about settling disagreements?'
    """
    spans = plain_runs(text, known) if phrases_for is not None and _on_topic(text, known) else []
    if not spans:
        return text
    hits = phrases_for([text[a:b].lower() for a, b in spans])
    found = [(hit[1], a, b, hit[0]) for (a, b), hit in zip(spans, hits) if hit]
    taken: list[tuple[int, int, str]] = []
    for _, a, b, phrase in sorted(found, key=lambda f: (-f[0], f[1])):
        if not any(a < y and x < b for x, y, _ in taken):
            taken.append((a, b, phrase))
    for a, b, phrase in sorted(taken, reverse=True):
        text = text[:a] + phrase + text[b:]
    return text
