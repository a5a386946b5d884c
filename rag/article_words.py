"""An everyday word the articles never use, put in the articles' own word for the same thing ("farming" ->
"agriculture"), when the embedding model holds the two words nearly the same.

WHY: "did the deal ever cover farming?" shares no content word with "areas such as agriculture and public health"; its
terms then weigh nothing known and the question is refused as off topic, though the articles answer it. The model's
vectors of single words know "farming" and "agriculture" for one field (0.76 with MiniLM) while "fishing" is far from
both (0.28), so a high bar keeps other topics out. Only a common English word the articles never use is put in
their word: a rare word may be a name, and a word they use is asked as written.
An ingest embeds the words with the generation it builds (``save``, beside BM25 and the Lexicon), so a reader's
first such question costs no embedding (~0.8 s of ~1k words on the real corpus); a folder without them (older
code, a server with no local folder) embeds them on first use.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from rag.forms import lemmas_of
from rag.places import is_place
from rag.spelling import zipf
from rag.text import STOPWORDS, stem

MOST_WORDS = 5000  # the most widely used corpus words embedded: ~1k on the real corpus (<1 s), bounded at any size
SAME_WORD = 0.7  # cosine of two single words' vectors above which the everyday word is the articles' word (MiniLM)
EVERYDAY = 3.5  # a word at least this common in English (zipf) is an everyday word, not a name (as rag.abstain)
_WORD = re.compile(r"\b[a-z]{4,}\b")
FORMAT = 1  # bump when what is saved changes: older files are then ignored (and embedded on first use)
_FILES = ("article_words.json", "article_words.npy")


class ArticleWords:
    """The articles' word for an everyday word, by the embedding of single words (vectors built on first use)."""

    def __init__(self, vocab, embed, spread=None, vecs=None):
        """``spread``: a word's number of passages (``Lexicon.df`` by stem); with it, a vocabulary larger than
        ``MOST_WORDS`` keeps its most widely used words, so the first lookup costs seconds at most at any corpus size
        (a word used in one passage of a huge corpus is seldom the articles' word for an everyday one)."""
        words = [w for w in vocab if w.isalpha() and len(w) >= 4 and w not in STOPWORDS]
        if spread is not None and len(words) > MOST_WORDS:
            words = sorted(words, key=lambda w: (-spread(w), w))[:MOST_WORDS]
        self.vocab = sorted(words)
        self._embed, self._vecs, self._cache = embed, vecs, {}

    @classmethod
    def of_lexicon(cls, lex, embed, folder: Path | None = None) -> "ArticleWords":
        """The words of a ``Lexicon``, their vectors read from ``folder`` when an ingest saved them for the same
        words, else embedded on first use."""
        words = cls(lex.speller.vocab, embed, spread=lambda w: lex.df.get(stem(w), 0))
        words._vecs = _load(folder, words.vocab)
        return words

    def vectors(self) -> np.ndarray:
        """The unit vectors of ``vocab``, one row per word (embedded now unless given or done)."""
        if self._vecs is None:
            self._vecs = self._unit(self.vocab) if self.vocab else np.zeros((0, 1), np.float32)
        return self._vecs

    def _unit(self, words: list[str]) -> np.ndarray:
        return unit(self._embed(words))

    def word_for(self, word: str) -> str | None:
        """The corpus word nearest ``word`` (else nearest its lemma, ``forms.lemmas_of``) when at least ``SAME_WORD``
        close, else None: a single word's vector holds its inflected forms less surely ("steals" is 0.6 from "theft",
        "steal" 0.7), and the articles' word answers the plain verb as it answers the inflected one."""
        if word not in self._cache:
            self._cache[word] = next(filter(None, map(self._nearest, [word, *lemmas_of(word)])), None)
        return self._cache[word]

    def _nearest(self, word: str) -> str | None:
        sims = self.vectors() @ self._unit([word])[0] if self.vocab else np.zeros(0)
        best = int(np.argmax(sims)) if len(sims) else -1
        return self.vocab[best] if best >= 0 and sims[best] >= SAME_WORD else None



def save(words: ArticleWords, folder: Path) -> None:
    """The words' vectors, embedded now, into an index generation's reader folder (``rag.reader_files``)."""
    folder = Path(folder)
    np.save(folder / _FILES[1], words.vectors(), allow_pickle=False)
    (folder / _FILES[0]).write_text(json.dumps({"format": FORMAT, "words": words.vocab}), encoding="utf-8")


def reusing(folder: Path | None, embed):
    """``embed`` that takes the vectors of words saved in ``folder`` (the previous generation's) as they are, and runs
    only the others through the model: adding an article embeds its new words, not all of them again."""
    try:
        meta = json.loads((Path(folder) / _FILES[0]).read_text(encoding="utf-8"))
        vecs = np.load(Path(folder) / _FILES[1], allow_pickle=False)
        saved = dict(zip(meta["words"], vecs)) if meta.get("format") == FORMAT and len(vecs) == len(meta["words"]) else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # none saved (a first build), older, damaged
        saved = {}
    return with_saved(saved, embed)


def with_saved(saved: dict, embed):
    """``embed`` that takes the vectors of texts in ``saved`` as they are and runs only the others through the model
    (``reusing`` here and in ``rag.article_phrases``: one generation's vectors carried into the next).

    >>> calls = []
    >>> e = with_saved({"port": np.ones(2, np.float32)}, lambda ts: calls.append(ts) or np.zeros((len(ts), 2)))
    >>> e(["port", "ferry"]).tolist(), calls
    ([[1.0, 1.0], [0.0, 0.0]], [['ferry']])
    """
    def embed_new(texts: list[str]) -> np.ndarray:
        new = [t for t in texts if t not in saved]
        fresh = dict(zip(new, np.asarray(embed(new), dtype=np.float32))) if new else {}
        return np.array([saved[t] if t in saved else fresh[t] for t in texts], dtype=np.float32)
    return embed_new


def unit(vecs) -> np.ndarray:
    """Rows scaled to unit length (float32), so a dot product is a cosine."""
    v = np.asarray(vecs, dtype=np.float32).reshape(len(vecs), -1)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)


def _load(folder: Path | None, vocab: list[str]) -> np.ndarray | None:
    """The saved vectors of exactly ``vocab`` (memory-mapped), or None (absent, older, other words, unreadable)."""
    try:
        meta = json.loads((Path(folder) / _FILES[0]).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("words") != vocab:
            return None
        vecs = np.load(Path(folder) / _FILES[1], mmap_mode="r", allow_pickle=False)
        return vecs if vecs.ndim == 2 and len(vecs) == len(vocab) else None
    except (OSError, ValueError, TypeError, AttributeError):  # TypeError: no folder (None)
        return None


def in_article_words(text: str, known, word_for, asked: str) -> str:
    """The question with each everyday word the articles never use, in the thing it asks whether they tell of
    (``asked``: "did the pact cover farming?": "farming"), put in their word (``known``: a stem they use).

    WHY only there: what a yes/no question asks them to tell of is a topic, which the articles may name in their own
    word; elsewhere a near word is often another thing ("the senate" is no "congress", "a whole decade" no "an entire"
    one), and a place is never another place.

    >>> near = {"farming": "agriculture", "senate": "congress"}.get
    >>> in_article_words("did the pact ever cover farming?", {"pact", "agricultur"}.__contains__, near, "farming")
    'did the pact ever cover agriculture?'
    >>> in_article_words("did the senate cover farming?", set().__contains__, near, "farming")
    'did the senate cover agriculture?'
    >>> in_article_words("did the pact cover zorbing?", set().__contains__, near, "zorbing")
    'did the pact cover zorbing?'
    """
    at = text.lower().rfind(asked) if asked else -1
    if at < 0:
        return text

    def put(m: re.Match) -> str:
        w = m.group(0)
        if w in STOPWORDS or known(stem(w)) or zipf(w) < EVERYDAY or is_place(w):
            return w
        return word_for(w) or w
    return text[:at] + _WORD.sub(put, text[at:at + len(asked)]) + text[at + len(asked):]
