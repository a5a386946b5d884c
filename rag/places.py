"""Place names of the world, from the time-zone database every system ships (IANA tz, found through ``zoneinfo``).

A question typed in lower case ("what's the paris climate agreement about") names a city the articles never
mention with a word English also writes often ("paris" is as common as "deal"): its frequency alone makes it look
like an everyday paraphrase. The tz database lists the world's countries (``iso3166.tab``) and, in ``zone.tab``, the
cities that name each country's zones ("Europe/Paris"), so such a word is known to be a place name, which English
writes with a capital.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache
from pathlib import Path

from rag.text import PLACE_NAMES


def _tz_table(name: str) -> list[list[str]]:
    """The rows (tab-separated fields) of one of the tz database's tables, from the tzdata package (a pinned
    dependency, so every machine reads the same list) or else the system's zoneinfo directory; none without either."""
    dirs = []
    try:
        import tzdata

        dirs.append(Path(tzdata.__file__).parent / "zoneinfo")
    except ImportError:
        pass
    dirs += [Path(p) for p in zoneinfo.TZPATH]
    for d in dirs:
        tab = d / name
        if tab.is_file():
            return [r.split("\t") for r in tab.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    return []


def _city(row: list[str]) -> str:
    """The city a ``zone.tab`` row's zone is named after ("Europe/Paris": "Paris"), or "". Not an Antarctic station
    (named after people: "Casey", "Davis"), nor an island group, whose one word names it only with "Islands"
    ("Pacific/Midway": "Midway Islands"), nor a zone within a state ("America/North_Dakota/Center": a county's)."""
    if len(row) < 3 or row[2].startswith("Antarctica/") or (len(row) > 3 and "Island" in row[3]) or row[2].count("/") != 1:
        return ""
    return row[2].split("/")[1]


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """One-word city and country names, in lower case ("paris", "tokyo", "japan"); empty without a tz database."""
    names = {_city(r) for r in _tz_table("zone.tab")} | {r[1].strip() for r in _tz_table("iso3166.tab") if len(r) > 1}
    return frozenset(p.lower() for p in names if re.fullmatch(r"[A-Za-z]+", p))


def is_place(word: str) -> bool:
    """Is ``word`` (lower case) the one-word name of a city or country?

    >>> is_place("paris"), is_place("tokyo"), is_place("japan"), is_place("deal"), is_place("midway")
    (True, True, True, False, False)
    """
    return word in world_places()


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """The world's regions that name the tz database's areas ("Europe/Paris": "europe", "Asia/Tokyo": "asia")."""
    return frozenset(r[2].split("/")[0].lower() for r in _tz_table("zone.tab") if len(r) > 2 and "/" in r[2])


# The endings English forms a place's adjective with, and what the place's name ends with instead ("Chin-ese":
# "Chin-a", "Ind-ian": "Ind-ia", "Ital-ian": "Ital-y", "Mexic-an": "Mexic-o", "Swed-ish": "Swed-en", "Europe-an": "Europe")
_DEMONYM_ENDINGS = ("ese", "ian", "ean", "an", "ish", "i", "n")
_NAME_ENDINGS = ("", "a", "ia", "y", "e", "o", "en")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Is ``word`` (any case) the adjective of a country or a world region ("Chinese", "Japanese", "European")?
    It tells whose a thing is, not which one: "Chinese universities" names no university.

    >>> is_demonym("Chinese"), is_demonym("japanese"), is_demonym("Canadian"), is_demonym("European")
    (True, True, True, True)
    >>> is_demonym("Carter"), is_demonym("Japan"), is_demonym("Brian"), is_demonym("Milan")
    (False, False, False, False)
    """
    w = word.lower()
    places = world_places() | _regions()
    for end in _DEMONYM_ENDINGS:
        base = w[:-len(end)]
        if w.endswith(end) and len(base) >= 3 and any(base + e in places for e in _NAME_ENDINGS if base + e != w):
            return True
    return False


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country names of any length, in lower case ("united states", "korea" of "Korea (South)")."""
    names = {re.sub(r"\s*\(.*\)", "", r[1]).strip().lower() for r in _tz_table("iso3166.tab") if len(r) > 1}
    return frozenset(n for n in names if n)


def names_place(words: str) -> bool:
    """Are ``words`` (normalized: lower case, spaced) the name of a country or a city ("united states", "tokyo")?

    >>> names_place("united states"), names_place("china"), names_place("state department")
    (True, True, False)
    """
    return words in world_places() or words in _countries()


# --- the sides' place names, as stems: which of a comparison's named places a word names ---
# A place's adjective names it as a side ("Chinese firms" for "China", "American labs" for "America"): the endings
# English forms them with, on the stem (a final vowel of the name dropped: "chin-es", "canad-ian").
DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "ean", "es", "ese", "ish"})


def demonym_of(term: str, name: str) -> bool:
    """Is a stemmed word the adjective of a stemmed place name?

    >>> demonym_of("chines", "china"), demonym_of("canadian", "canada"), demonym_of("chinatown", "china")
    (True, True, False)
    """
    if len(name) < 4 or term == name:
        return False
    bases = {name, name[:-1]} if name[-1] in "aeiouy" else {name}
    return any(term.startswith(b) and term[len(b):] in DEMONYM_ENDINGS for b in bases)


def same_place(term: str, name: str) -> bool:
    """Do two stems name the same country?

    >>> same_place("us", "america"), same_place("america", "usa"), same_place("chines", "us"), same_place("port", "port")
    (True, True, False, False)
    """
    return term != name and PLACE_NAMES.get(term, term) == PLACE_NAMES.get(name, name) and term in PLACE_NAMES


def as_named(ts: set[str], names: set[str]) -> set[str]:
    """``ts`` with each place adjective, or other name of a place, read as the place it names among ``names``.

    >>> sorted(as_named({"chines", "firm"}, {"china"})), sorted(as_named({"us", "chines"}, {"america", "china"}))
    (['china', 'firm'], ['america', 'china'])
    """
    # Only a term sharing a name's first three letters (an adjective starts with its place's stem, four letters at
    # least) or itself a place name can name one: the rest are kept without trying each name (a comparison asked
    # this ~500 times a question, of every word of every candidate sentence).
    heads = {n[:3] for n in names}
    return {next((n for n in names if demonym_of(t, n) or same_place(t, n)), t)
            if t[:3] in heads or t in PLACE_NAMES else t for t in ts}
