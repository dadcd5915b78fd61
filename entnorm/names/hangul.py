"""Korean names written in Hangul, read into the Latin letters English news uses for them.

unidecode writes "김정은" as one run, "gimjeongeun", where the news writes "Kim Jong-un": the family name, then
the given name's syllables joined by a hyphen. Here each Hangul syllable is decomposed into its initial,
vowel and final (Unicode arranges the syllables so that this is arithmetic) and romanised on its own, in the
Revised Romanization except that a word's first ㄱ is "k", as English texts write it ("Kim", "Kang",
"Ki-moon"). A word of two to four syllables is a name with its family name first, and its given name is
written with hyphens between syllables, which the parser reads as one name kept with its syllables. The
remaining differences ("jeong" / "jong", "geun" / "gun") are the vowel spellings `phonetic.sound` evens out;
`same_syllable` says whether two romanised syllables can be one, whichever system wrote them.
"""

from __future__ import annotations

import re

from entnorm import data
from entnorm.names.phonetic import consonants

_FIRST = 0xAC00
_LETTERS = data.table("hangul_letters")
_INITIALS, _VOWELS, _FINALS = (_LETTERS[role].split() for role in ("initials", "vowels", "finals"))
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")


def is_hangul(text: str) -> bool:
    return _HANGUL_WORD.search(text) is not None


def _syllable(ch: str, first: bool) -> str:
    index = ord(ch) - _FIRST
    initial, vowel, final = (
        index // (len(_VOWELS) * len(_FINALS)),
        index // len(_FINALS) % len(_VOWELS),
        index % len(_FINALS),
    )
    start = "k" if first and initial == 0 else _INITIALS[initial]
    return start.replace("-", "") + _VOWELS[vowel] + _FINALS[final].replace("-", "")


def _word(word: str, person: bool) -> str:
    """A word as romanised names are written: capitalised, and a person's given name syllable by syllable."""
    if not person:
        return "".join(_syllable(ch, i == 0) for i, ch in enumerate(word)).capitalize()
    syllables = [_syllable(ch, i == 0) for i, ch in enumerate(word)]
    if 2 <= len(syllables) <= 4:  # family name, then the given name's syllables
        return syllables[0].capitalize() + " " + "-".join(syllables[1:]).capitalize()
    return "-".join(syllables).capitalize()


def reading(text: str, *, person: bool) -> str:
    """`text` with each run of Hangul romanised: "김정은" → "Kim Jeong-eun", "김 정은" → "Kim Jeong-eun" (as a
    person's name), "서울" → "Seoul". The syllables of a given name stay joined by hyphens, so that it is read
    as one name (`parse.syllabic_words`)."""
    words = text.split()
    if person and len(words) > 1 and all(_HANGUL_WORD.fullmatch(w) for w in words):
        # written with a space after the family name: the given name is one word
        given = ["-".join(_syllable(ch, False) for ch in w).capitalize() for w in words[1:]]
        return " ".join([_word(words[0], False), *given])
    return _HANGUL_WORD.sub(lambda m: _word(m.group(), person), text)


def _vowels_written(table: dict[str, str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for vowel, spellings in table.items():
        for spelling in spellings.split():
            out.setdefault(spelling, set()).add(vowel)
    return {spelling: frozenset(vowels) for spelling, vowels in out.items()}


#: Each Latin spelling of a vowel, with the Hangul vowels (by their Revised Romanization) it may write.
_VOWELS_WRITTEN = _vowels_written(data.table("hangul_vowel_spellings"))
#: A romanised syllable: its initial consonants, its vowel (with a y or w glide), its final consonants.
_SYLLABLE = re.compile(r"([^aeiouwy]*)([wy]?[aeiou]+|w?oo|yo?u?)([^aeiouy]*)")


def same_syllable(a: str, b: str) -> bool:
    """Whether two folded Latin syllables can write one Hangul syllable: their consonants alike (the systems
    write ㄱ g or k, ㅈ j or ch) and a vowel that both spellings may write ("seok" / "suk", "hui" / "hee",
    "young" / "yong"; not "un" / "in", "yo" / "yong")."""
    ma, mb = _SYLLABLE.fullmatch(a), _SYLLABLE.fullmatch(b)
    if ma is None or mb is None:
        return False
    (onset_a, vowel_a, coda_a), (onset_b, vowel_b, coda_b) = ma.groups(), mb.groups()
    if consonants(onset_a or "a") != consonants(onset_b or "a") or consonants(coda_a or "a") != consonants(
        coda_b or "a"
    ):
        return False
    return bool(_VOWELS_WRITTEN.get(vowel_a, frozenset()) & _VOWELS_WRITTEN.get(vowel_b, frozenset()))
