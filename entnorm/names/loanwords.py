"""Foreign names as Japanese katakana and Korean Hangul transcribe them, compared with their Latin spellings.

Katakana (and Hangul, for a foreign name) write a name's sounds in syllables of their own: "Vladimir Putin" is
"ウラジーミル・プーチン" (u-ra-ji-ー-mi-ru pu-ー-chi-n) and "블라디미르 푸틴" (beul-la-di-mi-reu pu-tin), "Donald
Trump" "ドナルド・トランプ" and "도널드 트럼프". Vowels are added between consonants and English vowels are written as
the language hears them, so only the consonants can be compared, each as one of the letters it transcribes
(`data/loanword_consonants.txt`: r for r and l, ch and j for t, d, z ...), with any vowels, or none, between
them (`pattern`). A transcription is a list of `Syllable`s, read from katakana by `katakana_syllables` and
from Hangul by `hangul.transcriptions`.

Blocking cannot use the Latin skeleton, so a coarser key is worked out on both sides (`key`, `latin_key`):
consonant classes only, with the letters a transcription may drop or turn into a vowel (v, w, h, y) left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from entnorm import data
from entnorm.labels import PERSON

if TYPE_CHECKING:
    from entnorm.names.parse import Name


class Syllable(NamedTuple):
    """A transcribed syllable: its first consonant ("" for none), its vowels, its last consonant ("")."""

    onset: str
    vowel: str
    coda: str


_LETTERS_OF = {consonant: spellings.split("|") for consonant, spellings in data.table("loanword_consonants").items()}
_ROMAJI = data.table("katakana_romaji")
_KANA_UNIT = re.compile("|".join(sorted(map(re.escape, _ROMAJI), key=len, reverse=True)) + "|.")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]")
_SPLIT_ROMAJI = re.compile(r"([^aeiou]*)([aeiou]*)")
#: Any vowels, or none; an r, h or w after a vowel may be silent in the Latin spelling ("Peter" ピーター).
_VOWELS = r"(?:[aeiouy]|(?<=[aeiouy])[rhw])*"
#: The similarity of a transcription and a Latin word whose consonants it transcribes.
LOANWORD_MATCH = 0.85


def is_katakana(text: str) -> bool:
    """Written in katakana (with its middle dot ・ between words and the long-vowel mark ー)."""
    letters = [ch for ch in text if ch.isalpha() or ch == "ー"]
    return bool(letters) and all(_KATAKANA.match(ch) for ch in letters)


def katakana_words(text: str) -> list[str]:
    """The words of a katakana name: split at the middle dot, the equals sign and spaces."""
    return [w for w in re.split(r"[\s・=＝·]+", unicodedata.normalize("NFKC", text)) if w]


def katakana_syllables(word: str) -> list[Syllable]:
    """A katakana word as syllables: "プーチン" → pu, chi, n. The long-vowel mark and the small ッ (a doubled
    consonant) add nothing a Latin spelling must have."""
    out = []
    for unit in _KANA_UNIT.findall(word):
        romaji = _ROMAJI.get(unit)
        if romaji is None:
            continue  # ー, ッ and anything else
        onset, vowel = _SPLIT_ROMAJI.fullmatch(romaji).groups()  # type: ignore[union-attr]
        out.append(Syllable(onset, vowel, ""))
    return out


def romanised(syllables: list[Syllable]) -> str:
    """The syllables written out: the token a transcription is compared as ("puchin")."""
    return "".join(s.onset + s.vowel + s.coda for s in syllables)


def any_of(spellings: list[str]) -> str:
    """A regular expression for any one of `spellings`, the longest tried first."""
    return "(?:" + "|".join(sorted(map(re.escape, spellings), key=len, reverse=True)) + ")"


@lru_cache(maxsize=1 << 12)
def pattern(syllables: tuple[Syllable, ...]) -> re.Pattern[str]:
    """The Latin words a transcription may write, as a regular expression over `latin_form(word)`: each
    consonant as one of its letters, vowels free. A syllable of the vowel u alone may stand for a v or w
    ("ウラジーミル" Vladimir, "キーウ" Kyiv); a last consonant before the same first consonant is one letter
    ("블라" is "bla")."""
    parts = [_VOWELS]
    for i, s in enumerate(syllables):
        if s.onset:
            parts.append(any_of(_LETTERS_OF.get(s.onset, [s.onset])))
        elif s.vowel == "u":
            parts.append("(?:v|w)?")
        parts.append(_VOWELS)
        if s.coda:
            coda = _LETTERS_OF.get(s.coda, [s.coda])
            after = syllables[i + 1].onset if i + 1 < len(syllables) else ""
            shared = after and set(coda) & set(_LETTERS_OF.get(after, [after]))
            parts.append(any_of(coda) + ("?" if shared else ""))
            parts.append(_VOWELS)
    return re.compile("".join(parts))


_DOUBLED = re.compile(r"(.)\1+")


def latin_form(word: str) -> str:
    """A folded Latin word as transcriptions are compared with it: doubled letters single, x as ks."""
    return _DOUBLED.sub(r"\1", word.replace("x", "ks"))


def similarity(syllables: tuple[Syllable, ...], latin: str) -> float:
    """`LOANWORD_MATCH` when the folded Latin word is spelled by the transcription's consonants, else 0. A
    transcription of one consonant (a u alone counting as a v) says too little."""
    consonants = sum(bool(s.onset) + bool(s.coda) + (not s.onset and s.vowel == "u") for s in syllables)
    if consonants < 2:
        return 0.0
    return LOANWORD_MATCH if pattern(syllables).fullmatch(latin_form(latin)) else 0.0


# -- blocking keys ------------------------------------------------------------------------------------------
_CLASS = {"r": "r", "l": "r", "b": "p", "p": "p", "f": "p", "v": "p", "m": "n", "n": "n", "k": "k", "g": "k", "q": "k"}
_CLASS |= dict.fromkeys("dtszjc", "t")
#: Latin spellings written as one sound before the classes are taken.
_LATIN_SOUNDS = [("ph", "f"), ("ck", "k"), ("sch", "s"), ("tch", "t"), ("ch", "t"), ("sh", "s"), ("th", "t")]
_SOFT_C = re.compile(r"c(?=[eiy])")


def _classes(letters: str) -> str:
    """Consonant classes, with w, h, y and vowels dropped and repeats made one."""
    return _DOUBLED.sub(r"\1", "".join(_CLASS.get(ch, "") for ch in letters))


#: A key of fewer consonant classes says too little to block by.
MIN_KEY = 2


def latin_key(word: str) -> str:
    """The blocking key of a folded Latin word: "vladimir" → "prtnr", "putin" → "ptn", "trump" → "trnp"."""
    word = _SOFT_C.sub("s", word.replace("x", "ks"))
    for spelling, sound in _LATIN_SOUNDS:
        word = word.replace(spelling, sound)
    return _classes(word)


def keys(syllables: tuple[Syllable, ...]) -> tuple[str, ...]:
    """The blocking keys of a transcription, as `latin_key` gives them for the Latin word it transcribes: as
    written, and with each syllable of the vowel u alone read as a v ("ウラジーミル" → "rtnr", "prtnr")."""
    written = [s.onset.replace("ch", "t").replace("sh", "s") + s.coda for s in syllables]
    as_v = ["v" if not s.onset and s.vowel == "u" else w for s, w in zip(syllables, written, strict=True)]
    return tuple(dict.fromkeys([_classes("".join(written)), _classes("".join(as_v))]))


@lru_cache(maxsize=1 << 12)
def katakana_transcriptions(text: str) -> dict[str, tuple[Syllable, ...]]:
    """Each word of a katakana name, as the folded token its reading gives, with its syllables."""
    out = {}
    for word in katakana_words(text):
        syllables = tuple(katakana_syllables(word))
        if syllables:
            out[romanised(list(syllables))] = syllables
    return out


def katakana_reading(text: str) -> str:
    """A katakana name in Hepburn romaji, word by word: "ウラジーミル・プーチン" → "Urajimiru Puchin"."""
    return " ".join(token.capitalize() for token in katakana_transcriptions(text))


def transcriptions(name: Name) -> dict[str, tuple[Syllable, ...]]:
    """The transcribed words of a parsed name (`Name.loanword`), by token: from katakana or from Hangul."""
    from entnorm.names import hangul  # hangul reads its syllables with this module's Syllable

    if not name.loanword:
        return {}
    if name.hangul:
        return hangul.transcriptions(name.text, person=name.kind == PERSON)
    return katakana_transcriptions(name.text)
