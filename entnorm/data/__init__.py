"""The word lists entnorm's rules use, kept as data: one commented text file per list in this folder.

Each file holds one entry per line, lower case; `#` starts a comment, blank lines are skipped. The lists are
generic vocabulary (titles, particles, legal forms, words never found in names), never names of entities.
They are read once, on first use, and `fingerprint` hashes the lists a cached result depends on, so that
editing a list invalidates exactly the cache entries it should.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files

#: Every list shipped, by name (the file is NAME.txt beside this module).
LISTS = (
    "adjective_prefixes",
    "arabic_latin",
    "arabic_spellings",
    "articles",
    "connectors",
    "directions",
    "event_words",
    "greek_latin",
    "group_nouns",
    "hangul_consonant_spellings",
    "hangul_letters",
    "hangul_vowel_spellings",
    "hebrew_arabic",
    "katakana_romaji",
    "latin_particles",
    "legal_forms",
    "loanword_consonants",
    "name_links",
    "name_suffixes",
    "not_in_names",
    "number_words",
    "org_abbreviations",
    "org_generic",
    "org_word_endings",
    "page_furniture",
    "place_features",
    "polity_translations",
    "polity_words",
    "subsidiary_heads",
    "title_heads",
    "titles",
    "wade_giles_finals",
)


@cache
def _text(name: str) -> str:
    if name not in LISTS:
        raise KeyError(f"no word list {name!r}; the lists are: {', '.join(LISTS)}")
    return files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of one list, in file order (order matters for `legal_forms`: longer phrases first)."""
    out = []
    for line in _text(name).splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(" ".join(entry.split()))
    return tuple(out)


@cache
def table(name: str) -> dict[str, str]:
    """A list of "KEY VALUE" lines as a mapping ("-" for an empty value)."""
    pairs = (entry.split(" ", 1) for entry in entries(name))
    return {k: "" if v == "-" else v for k, v in pairs}


@cache
def words(name: str) -> frozenset[str]:
    """The entries of one list as a set."""
    return frozenset(entries(name))


def fingerprint(*names: str) -> str:
    """A short hash of the entries of the lists named (comments and layout do not count)."""
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode() + b"\0" + "\n".join(entries(name)).encode() + b"\0")
    return digest.hexdigest()[:12]
