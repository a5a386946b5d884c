"""Spelling: fix only tokens that are not words, never a real English word.

A token is a word when the corpus uses it, when SymSpell's curated English dictionary
(82,765 words, shipped in ``symspellpy``) lists it ("backdated", "detente"), or when English
uses it often (``wordfreq`` Zipf ≥ ``MIN_ZIPF``: "deal" 5.3, "gonna"). Frequency alone
is not enough: common misspellings are frequent too ("teh" 3.0, "goverment" 2.7). Non-words are corrected with SymSpell against English words plus the
corpus vocabulary (corpus words win ties: "vally" → "valley", as in Silicon Valley).

>>> s = Speller({"signed", "agreement"})
>>> s.fix_token("sined"), s.fix_token("deal"), s.fix_token("whole"), s.fix_token("agreemnt")
('signed', None, None, 'agreement')
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from rag.text import stem

MIN_ZIPF = 3.3  # a token neither the corpus nor the dictionary knows is a word only if this frequent
# A non-word that English text writes this often is a name or a borrowed word ("jinping" 2.8, "huawei" 3.3) unless
# one edit away from a word: a slip of two edits is rarer than a name the corpus lacks ("jinping" is not "finding"),
# while common misspellings sit one edit away ("goverment" 2.7)
NAME_ZIPF = 2.5
ENGLISH_WORDS = 60000  # the most frequent English words that SymSpell may correct towards
QUESTION_WORDS = ("what", "when", "where", "which", "who", "why", "how")
_lock = threading.RLock()
_english = None  # SymSpell over English words, built once per process on the first non-word


@lru_cache(maxsize=65536)  # remembered: wordfreq tokenizes the word on every call, and questions repeat their words
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


_dictionary: frozenset | None = None


def in_dictionary(word: str) -> bool:
    """Is ``word`` in SymSpell's curated English frequency dictionary?"""
    global _dictionary
    with _lock:
        if _dictionary is None:
            from importlib.resources import files

            path = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
            _dictionary = frozenset(line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    return word in _dictionary


# American and British spellings of one word (general English): SymSpell's list holds one of the two for many
# ("sceptical" but not "skeptical", "labour" but not "labor"), and a word it lacks was read as initials or a name
_SPELLINGS = ((r"^sk", "sc"), (r"^sc", "sk"), (r"yze", "yse"), (r"yse", "yze"), (r"ize", "ise"), (r"ise", "ize"),
              (r"or(?=s?$|ed$|ing$|ers?$)", "our"), (r"our(?=s?$|ed$|ing$|ers?$)", "or"), (r"er(?=s?$)", "re"),
              (r"re(?=s?$)", "er"), (r"ense(?=s?$)", "ence"), (r"ence(?=s?$)", "ense"), (r"og(?=s?$)", "ogue"),
              (r"ogue(?=s?$)", "og"), (r"(?<=[aeiou])l(?=ed$|ing$|er$)", "ll"), (r"ll(?=ed$|ing$|er$)", "l"))


def english_word(word: str) -> bool:
    """Is ``word`` in the dictionary as written or in its other (American or British) spelling?

    >>> english_word("skeptical"), english_word("labor"), english_word("analyze"), english_word("nato")
    (True, True, True, False)
    """
    return in_dictionary(word) or any(in_dictionary(re.sub(a, b, word, count=1)) for a, b in _SPELLINGS
                                      if re.search(a, word))


def import_for_warming() -> None:
    """Import, in the calling thread, what the warming threads use. Two threads importing at once can deadlock on
    the import locks, and CPython then raises ``_DeadlockError`` in one of them: `rag serve` died at start when the
    model's imports (huggingface_hub -> importlib.metadata -> importlib.abc) ran beside the dictionary's
    (importlib.resources, symspellpy, wordfreq)."""
    import importlib.abc  # noqa: F401
    import importlib.metadata  # noqa: F401
    import importlib.resources  # noqa: F401

    import symspellpy  # noqa: F401
    import wordfreq  # noqa: F401


def warm_in_background() -> threading.Thread:
    """Build the English dictionaries in a daemon thread, so that a long-running server's first question with a
    slip does not wait ~1.3 s for them (a one-shot ``rag ask`` builds them only if its question needs them)."""
    import_for_warming()
    t = threading.Thread(target=lambda: (in_dictionary("the"), _english_symspell()), name="spelling-warm", daemon=True)
    t.start()
    return t


def _english_symspell():
    global _english
    with _lock:
        if _english is None:
            from symspellpy import SymSpell
            from wordfreq import top_n_list

            # One edit against English (1 s to build, not 3.5 s for two): longer slips are caught against the
            # corpus's own words, which is what matters for finding the answer.
            s = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
            for i, w in enumerate(top_n_list("en", ENGLISH_WORDS)):
                if w.isalpha() and len(w) > 1 and in_dictionary(w):  # never correct towards a common misspelling
                    s.create_dictionary_entry(w, ENGLISH_WORDS - i)
            _english = s
    return _english


KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def neighbours_of(key: str) -> str:
    """The keys beside ``key`` on its QWERTY row, left one first ("" for a key on no row).

    >>> neighbours_of("s"), neighbours_of("q"), neighbours_of("7")
    ('ad', 'w', '')
    """
    for row in KEYBOARD_ROWS:
        i = row.find(key)
        if i >= 0:
            return row[max(i - 1, 0):i] + row[i + 1:i + 2]
    return ""


def adjacent_keys(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` neighbours on a QWERTY row (the usual slip of a finger)?"""
    return len(b) == 1 and b in neighbours_of(a)


_VOWELS = set("aeiou")


def slip_class(typo: str, cand: str) -> float:
    """How ordinary the one-edit slip from ``cand`` to ``typo`` is: 0 for the commonest slips of typing (two
    letters swapped, a neighbouring key, a letter doubled), 1 for a dropped letter, 1.5 for one vowel written
    for another (spelling by ear: "meny", "renewel"), 2 for another wrong letter, 3 for an extra one.

    >>> slip_class("meny", "many"), slip_class("meny", "menu"), slip_class("wory", "work"), slip_class("thoe", "the")
    (1.5, 0, 2, 3)
    """
    if len(typo) == len(cand):
        diff = [i for i, (a, b) in enumerate(zip(typo, cand)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and typo[diff[0]] == cand[diff[1]] and typo[diff[1]] == cand[diff[0]]:
            return 0
        if len(diff) == 1 and adjacent_keys(typo[diff[0]], cand[diff[0]]):
            return 0
        return 1.5 if len(diff) == 1 and typo[diff[0]] in _VOWELS and cand[diff[0]] in _VOWELS else 2
    if len(cand) == len(typo) + 1:
        return 1
    doubled = any(typo[i] == typo[i - 1] and typo[:i] + typo[i + 1:] == cand for i in range(1, len(typo)))
    return 0 if doubled else 3


_VOWEL_LETTERS = re.compile(r"[aeiouwy]")  # "w" and "y" write vowels too: "ew", "ay"


def by_ear(typo: str, cand: str) -> bool:
    """Is ``typo`` ``cand`` spelled by ear: only its vowel letters differ, its consonants all there in order?

    WHY: a word spelled as it sounds ("renued" for "renewed", "definately") is two edits from it, while an unusual
    one-edit slip reaches some other word ("rented"); two edits of vowels alone keep the word's sound, and when
    that word is the articles' own it is the likelier meaning (``Speller._closest``).

    >>> by_ear("renued", "renewed"), by_ear("renued", "rented"), by_ear("renued", "renewal")
    (True, False, False)
    """
    return typo != cand and _VOWEL_LETTERS.sub("", typo) == _VOWEL_LETTERS.sub("", cand)


SLIP_MARGIN = 2.0  # a word is a slip of one this much more frequent (Zipf): a hundred times as common in English


def common_slip(word: str) -> str:
    """The far commoner dictionary word that ``word`` is an ordinary slip of (a letter doubled, two swapped, a
    neighbouring key: ``slip_class`` 0), or "". English text writes some slips often enough to pass as words
    ("manny" 3.5, a name too), yet beside a word a hundred times as common ("many" 5.9) a question means that
    word; initials typed in lower case ("nato", "nih") are no such slip of any word. Three or four letters are
    too short to tell: many initials are one slip from a word ("wto" of "two", "dod" of "did").

    >>> common_slip("manny"), common_slip("nato"), common_slip("many"), common_slip("wto")
    ('many', '', '', '')
    """
    from symspellpy import Verbosity

    if len(word) < 5:
        return ""
    for s in _english_symspell().lookup(word, Verbosity.CLOSEST, 1):
        if s.distance == 1 and slip_class(word, s.term) == 0 and zipf(s.term) >= zipf(word) + SLIP_MARGIN:
            return s.term
    return ""


def _likelihood(typo: str, cand: str, corpus: int) -> tuple:
    """Sort key among corrections at the same edit distance, most likely first: the corpus's own words
    (``corpus`` 0), which are what the articles can answer about ("vally" → "valley"), then words of
    their families (1: "renew" for "renewed"), then others (2); then the more ordinary slip
    ("frist" → "first", swapped; "kimds" → "kinds", a neighbouring key, not "kids"); then the more
    frequent English word.

    >>> sorted(["frost", "first"], key=lambda t: _likelihood("frist", t, 2))[0]
    'first'
    >>> sorted(["kids", "kinds"], key=lambda t: _likelihood("kimds", t, 2))[0]
    'kinds'
    >>> sorted(["seeking", "selling"], key=lambda t: _likelihood("selking", t, 2))[0]
    'selling'

    A corpus word reached only by an unusual slip (a far key, an extra letter) comes after an ordinary slip
    (swapped, a neighbouring key, a doubled or dropped letter, a vowel for a vowel) to any word; a word of the
    corpus's family keeps its place. Without context the guess is often wrong either way ("ging" may become
    "gong" rather than "going"), but a wrong English word the articles don't use weighs nothing in the search,
    while a wrong corpus word ("Jing", "the" for "thoe") sends it elsewhere: measured on `dev` with one slip
    per question (seeds 1–4), 5 more right answers and none fewer.

    >>> sorted(["jing", "going"], key=lambda t: _likelihood("ging", t, 0 if t == "jing" else 2))[0]
    'going'
    """
    cls = slip_class(typo, cand)
    return cls >= 2 and corpus != 1, corpus, cls, -zipf(cand), cand


DROPPED_G_MARGIN = 1.0  # "doin" (3.8) is written often enough to pass as a word, yet "doing" (5.6) is far commoner


def dropped_g(word: str) -> str:
    """The "-ing" word that ``word`` writes with its g dropped, as speech does ("doin" for "doing"), or "".
    Such spellings are common enough in English text to pass the frequency test for a word, so they are
    never corrected, and a question's "doin" turns into an unknown name; only a non-word is read so
    ("thin" is a word, not "thing"; "kevin" is a name, and "keving" no word).

    >>> dropped_g("doin"), dropped_g("lookin"), dropped_g("thin"), dropped_g("jin")
    ('doing', 'looking', '', '')
    """
    if len(word) < 4 or not word.endswith("in") or in_dictionary(word) or not in_dictionary(word + "g"):
        return ""
    return word + "g" if zipf(word + "g") >= zipf(word) + DROPPED_G_MARGIN else ""


class Speller:
    """Corrects non-words against English plus the corpus vocabulary (``vocab``: normalized words)."""

    def __init__(self, vocab: set[str]):
        self.vocab = {w for w in vocab if w.isalpha()}
        self._corpus = None
        self._stems: set[str] | None = None
        self._cache: dict[tuple, str | None] = {}

    def is_word(self, w: str) -> bool:
        return w in self.vocab or not w.isalpha() or in_dictionary(w) or zipf(w) >= MIN_ZIPF

    def _corpus_symspell(self):
        if self._corpus is None:
            from symspellpy import SymSpell

            s = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
            for w in self.vocab:
                s.create_dictionary_entry(w, 1)
            self._corpus = s
        return self._corpus

    def fix_token(self, w: str, name: bool = False) -> str | None:
        """The correction of ``w``, or None when it is a word (or nothing is close).

        A capitalised word inside a sentence (``name``) may be a name the corpus lacks: it is
        only corrected towards the corpus's own words ("Bytedanse" → "bytedance"), never English.
        """
        key = (w, name)
        if key in self._cache:
            return self._cache[key]
        out = None if name or w in self.vocab else dropped_g(w) or None  # "doin" is frequent enough to pass as a word
        if out is None and len(w) >= 3 and not self.is_word(w):
            out = self._closest(w, name)
        if len(self._cache) > 20000:
            self._cache.clear()
        self._cache[key] = out
        return out

    def _closest(self, w: str, corpus_only: bool = False) -> str | None:
        from symspellpy import Verbosity

        cut = 1 if len(w) <= 5 else 2  # "nafta" is not two edits from "data"
        corpus = self._corpus_symspell().lookup(w, Verbosity.CLOSEST, cut)
        english = [] if corpus_only else _english_symspell().lookup(w, Verbosity.CLOSEST, 1)
        best = min([s.distance for s in corpus + english], default=None)
        if best is None or (best > 1 and zipf(w) >= NAME_ZIPF):
            return None
        near = {x.term for x in corpus if x.distance == best}
        pool = near | {x.term for x in english if x.distance == best}
        heard = {x.term for x in corpus if x.distance == 2 and by_ear(w, x.term)}
        if heard and (best == 2 or all(slip_class(w, t) >= 2 and t not in near and not self.in_family(t) for t in pool)):
            near = pool = heard  # "renued" → "renewed" (the articles' word, spelled by ear), not "rented"; "artical" → "article"
        # A word of the corpus's family counts as the corpus's own: "rened" → "renew" (the articles say
        # "renewed"), not "rented".
        return min(pool, key=lambda t: _likelihood(w, t, 0 if t in near else 1 if self.in_family(t) else 2)) if pool else None

    def in_family(self, word: str) -> bool:
        """Does the corpus use a word of the same stem ("renew" for "renewed")?"""
        if self._stems is None:
            self._stems = {stem(v) for v in self.vocab}
        return stem(word) in self._stems

    def warm(self) -> threading.Thread:
        """Build the English dictionary in the background, so a server's first misspelled question is not slow."""
        import_for_warming()
        t = threading.Thread(target=_english_symspell, name="speller-warm", daemon=True)
        t.start()
        return t

    def fix_question_word(self, w: str) -> str | None:
        """A slip in the opening question word ("wen", "wat", "hw"): a closed class, so safe to fix."""
        from rapidfuzz.distance import Levenshtein

        if w in QUESTION_WORDS or w in self.vocab or len(w) > 5 or zipf(w) >= 4.0:
            return None
        near = [q for q in QUESTION_WORDS if Levenshtein.distance(w, q) == 1]
        return min(near, key=lambda q: slip_class(w, q)) if near else None  # "whee" → "where", not "when"

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """``text`` with non-words replaced; and the fixes made ({typo: correction}).

        >>> Speller({"signed"}).correct("wen was it sined?")
        ('when was it signed?', {'wen': 'when', 'sined': 'signed'})
        >>> Speller({"obsolete"}).correct("it isn't obsolete")
        ("it isn't obsolete", {})
        >>> Speller({"zhang"}).correct("what is Zhnag's view")
        ("what is Zhang's view", {'zhnag': 'zhang'})
        """
        fixes: dict[str, str] = {}
        first = True

        def sub(m: re.Match) -> str:
            nonlocal first
            raw = m.group(0)
            w = raw.lower()
            fix = self.fix_question_word(w) if first else None
            name = raw[:1].isupper() and not first
            first = False
            fix = fix or self.fix_token(w, name)
            if not fix or fix == w:
                return raw
            fixes[w] = fix
            return fix.capitalize() if raw[:1].isupper() else fix

        def token(m: re.Match) -> str:
            word, tail = m.group(1), m.group(2) or ""
            if not tail or tail.lower() in ("'s", "’s"):  # a possessive is its word plus "'s": "Zhnag's" → "Zhang's"
                return sub(re.match(r".+", word)) + tail
            return m.group(0)  # a contraction is one word ("isn't"): its halves are not misspellings of "in" and "t"

        return re.sub(r"([A-Za-z]+)((?:['’][A-Za-z]+)?)", token, text), fixes
