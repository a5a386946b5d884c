"""Place names of the world, from the time-zone database every system ships (IANA tz, read through ``zoneinfo``).

A question typed in lower case ("what's the paris climate agreement about") names a city the articles never
mention with a word English also writes often ("paris" is as common as "deal"): its frequency alone makes it look
like an everyday paraphrase. The tz database lists the world's countries (``iso3166.tab``) and the cities that name
its zones ("Europe/Paris"), so such a word is known to be a place name, which English writes with a capital.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache
from pathlib import Path

# the areas whose zones are named after a city ("Europe/Paris"); not "US/Central" or "Etc/UTC"
_AREAS = {"Europe", "Asia", "Africa", "America", "Australia", "Pacific", "Atlantic", "Indian", "Antarctica", "Arctic"}


def _country_names() -> set[str]:
    """The country names of the tz database's ``iso3166.tab``, wherever the system or the tzdata package keeps it."""
    dirs = [Path(p) for p in zoneinfo.TZPATH]
    try:
        import tzdata

        dirs.append(Path(tzdata.__file__).parent / "zoneinfo")
    except ImportError:
        pass
    for d in dirs:
        tab = d / "iso3166.tab"
        if tab.is_file():
            rows = tab.read_text(encoding="utf-8").splitlines()
            return {r.split("\t")[1].strip() for r in rows if r and not r.startswith("#") and "\t" in r}
    return set()


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """One-word city and country names, in lower case ("paris", "tokyo", "japan"); empty without a tz database."""
    cities = {z.split("/")[1] for z in zoneinfo.available_timezones() if z.count("/") == 1 and z.split("/")[0] in _AREAS}
    return frozenset(p.lower() for p in cities | _country_names() if re.fullmatch(r"[A-Za-z]+", p))


def is_place(word: str) -> bool:
    """Is ``word`` (lower case) the one-word name of a city or country?

    >>> is_place("paris"), is_place("tokyo"), is_place("deal")
    (True, True, False)
    """
    return word in world_places()
