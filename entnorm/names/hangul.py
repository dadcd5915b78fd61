"""Korean names written in Hangul, read into the Latin letters English news uses for them.

unidecode writes "김정은" as one run, "gimjeongeun", where the news writes "Kim Jong-un": the family name, then
the given name's syllables joined by a hyphen. Here each Hangul syllable is decomposed into its initial,
vowel and final (Unicode arranges the syllables so that this is arithmetic) and romanised on its own, in the
Revised Romanization except that a word's first ㄱ is "k", as English texts write it ("Kim", "Kang"). A word
of two to four syllables is a name with its family name first, and its given name is written with hyphens
between syllables, which the parser reads as one name kept with its syllables (a word of two syllables may
also be a given name alone).

A Latin name is compared with a Hangul one through `spellings`: for each word, every spelling the usual
romanisations give it, syllable by syllable, from two data tables (`hangul_consonant_spellings`,
`hangul_vowel_spellings`): "이" is Yi, Lee or Rhee, "박" Bak, Pak or Park, "정" Jeong, Jong or Chung.
`same_syllable` says whether two romanised syllables can be one, whichever system wrote them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from math import prod

from entnorm import data
from entnorm.names.loanwords import Syllable, any_of
from entnorm.names.phonetic import consonants

_FIRST = 0xAC00
_LETTERS = data.table("hangul_letters")
_INITIALS, _VOWELS, _FINALS = (_LETTERS[role].split() for role in ("initials", "vowels", "finals"))
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")


def is_hangul(text: str) -> bool:
    return _HANGUL_WORD.search(text) is not None


def jamo(ch: str) -> Syllable:
    """A Hangul syllable's letters in the Revised Romanization: initial, vowel, final ("" for none)."""
    index = ord(ch) - _FIRST
    initial = _INITIALS[index // (len(_VOWELS) * len(_FINALS))]
    vowel = _VOWELS[index // len(_FINALS) % len(_VOWELS)]
    final = _FINALS[index % len(_FINALS)]
    return Syllable(initial.replace("-", ""), vowel, final.replace("-", ""))


def _syllable(ch: str, first: bool) -> str:
    initial, vowel, final = jamo(ch)
    start = "k" if first and initial == "g" else initial
    return start + vowel + final


#: What a run of Hangul is in a name: a person's family name, given name, or whole name when it cannot be
#: split (more than four syllables), or any other word.
FAMILY, GIVEN, NAME, WORD = "family", "given", "name", "word"


def _spaced_name(text: str, person: bool) -> bool:
    """A person's name written with a space after the family name: its given name is one word."""
    words = text.split()
    return person and len(words) > 1 and all(_HANGUL_WORD.fullmatch(w) for w in words)


def _groups(text: str, person: bool) -> list[tuple[str, str]]:
    """The runs of Hangul in `text` as its reading writes them, each a word, a family name or a given name."""
    if _spaced_name(text, person):
        words = text.split()
        return [(w, FAMILY if i == 0 else GIVEN) for i, w in enumerate(words)]
    out = []
    for m in _HANGUL_WORD.finditer(text):
        word = m.group()
        if person and 2 <= len(word) <= 4:  # family name, then the given name's syllables
            out += [(word[0], FAMILY), (word[1:], GIVEN)]
        elif person and len(word) == 1:  # a family name alone
            out.append((word, FAMILY))
        else:
            out.append((word, NAME if person else WORD))
    return out


def given_name_reading(text: str) -> str | None:
    """A person's name of one Hangul word of two syllables read as a given name alone ("서연" → "Seo-yeon"), or
    None: such a word is as often a given name as a family name and a one-syllable given name."""
    word = text.strip()
    return _written(word, GIVEN) if len(word) == 2 and _HANGUL_WORD.fullmatch(word) else None


def _written(group: str, role: str) -> str:
    """A word as romanised names are written: capitalised, a person's given name syllable by syllable, and a
    first ㄱ as k except inside a name ("Kim", "Kang"; "Jeong-gu")."""
    syllables = [_syllable(ch, i == 0 and role != GIVEN) for i, ch in enumerate(group)]
    written = ("-" if role in (GIVEN, NAME) else "").join(syllables)
    if len(written) == 1 and role == FAMILY:  # a vowel alone is no initial: 이 is "Yi", 오 "Oh"
        written = "yi" if written == "i" else written + "h"
    return written.capitalize()


def _token(group: str, role: str) -> str:
    """The folded token the parser reads a group's romanisation as ("Jeong-eun" → "jeongeun")."""
    return _written(group, role).replace("-", "").casefold()


def reading(text: str, *, person: bool) -> str:
    """`text` with each run of Hangul romanised: "김정은" → "Kim Jeong-eun", "김 정은" → "Kim Jeong-eun" (as a
    person's name), "서울" → "Seoul". The syllables of a given name stay joined by hyphens, so that it is read
    as one name (`parse.syllabic_words`)."""
    if _spaced_name(text, person):
        return " ".join(_written(group, role) for group, role in _groups(text, person))
    return _HANGUL_WORD.sub(lambda m: " ".join(_written(g, role) for g, role in _groups(m.group(), person)), text)


#: Each Hangul vowel (by its Revised Romanization) with its Latin spellings.
_SPELLINGS_OF_VOWEL = {vowel: spellings.split() for vowel, spellings in data.table("hangul_vowel_spellings").items()}


def _vowels_written() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for vowel, spellings in _SPELLINGS_OF_VOWEL.items():
        for spelling in spellings:
            out.setdefault(spelling, set()).add(vowel)
    return {spelling: frozenset(vowels) for spelling, vowels in out.items()}


#: Each Latin spelling of a vowel, with the Hangul vowels it may write.
_VOWELS_WRITTEN = _vowels_written()
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


_SPELLINGS_OF_CONSONANT = {rr: spellings.split() for rr, spellings in data.table("hangul_consonant_spellings").items()}
#: A family name whose first sound is ㅇ or ㄴ was written with r or l before the South's initial-sound rule
#: dropped it, and often still is ("Rhee", "Lee", "Roh", "Lim", "Ryu").
_INITIAL_LAW = {"": ["rh", "r", "l"], "n": ["r", "l"]}
#: The similarity of a word written in Hangul and a Latin word that spells it.
HANGUL_MATCH = 0.85


def _syllable_parts(ch: str, family: bool) -> tuple[list[str], list[str], list[str], list[str]]:
    """The spellings of a syllable's initial, vowel, an h after it, and final."""
    initial, vowel, final = jamo(ch)
    onsets = _SPELLINGS_OF_CONSONANT.get(initial, [initial]) + (_INITIAL_LAW.get(initial, []) if family else [])
    codas = _SPELLINGS_OF_CONSONANT.get(final, [final])
    # an h after the vowel is written where English would lengthen it ("Oh", "Roh", "Ahn")
    return onsets, _SPELLINGS_OF_VOWEL[vowel], ["", "h"], codas


def _syllable_pattern(ch: str, family: bool) -> str:
    return "".join(any_of(part) for part in _syllable_parts(ch, family))


#: A word is spelled out in full for blocking (`latin_spellings`) only when it has at most this many spellings.
MAX_SPELLED = 64


@lru_cache(maxsize=1 << 12)
def latin_spellings(text: str, *, person: bool) -> dict[str, tuple[str, ...]]:
    """For each word of `text`'s reading of one syllable, every Latin word that spells it ("박" → "bak", "pak",
    "park" ...): blocking probes them, since a short word's skeleton ("bk") says nothing of "Park". Longer words
    have too many spellings and are met through their other words."""
    out = {}
    for group, role in _groups(text, person):
        if len(group) == 1:
            parts = _syllable_parts(group, role == FAMILY)
            if prod(map(len, parts)) <= MAX_SPELLED:
                out[_token(group, role)] = tuple(sorted({"".join(p) for p in product(*parts)}))
    return out


@lru_cache(maxsize=1 << 12)
def spellings(text: str, *, person: bool) -> dict[str, re.Pattern[str]]:
    """For each word of `text`'s reading, as a folded token ("jeongeun"), the Latin words that spell it in any
    of the usual romanisations: "김정은" → {"kim": Kim, Gim; "jeongeun": Jong-un, Jeong-eun, Chong-un ...}."""
    out = {}
    groups = _groups(text, person)
    if person and given_name_reading(text) is not None:
        groups.append((text.strip(), GIVEN))
    for group, role in groups:
        pattern = "".join(_syllable_pattern(ch, role == FAMILY and i == 0) for i, ch in enumerate(group))
        out[_token(group, role)] = re.compile(pattern)
    return out


def is_foreign_name(text: str) -> bool:
    """A person's name in Hangul that is a foreign name transcribed, not a Korean one: a Korean name is a
    family name of one or two syllables and a given name of one to three, so a word of five syllables, or a
    name of two words either of which has three or more, is foreign ("도널드 트럼프", "블라디미르 푸틴")."""
    words = [w for w in text.split() if _HANGUL_WORD.fullmatch(w)]
    return any(len(w) >= 5 for w in words) or (len(words) >= 2 and any(len(w) >= 3 for w in words))


@lru_cache(maxsize=1 << 12)
def transcriptions(text: str, *, person: bool) -> dict[str, tuple[Syllable, ...]]:
    """Each word of `text`'s reading, as a folded token, with its syllables as a transcription of a foreign
    name (`loanwords`): "도널드 트럼프" → {"doneoldeu": do-neol-deu, "teureompeu": teu-reom-peu}."""
    return {_token(group, role): tuple(map(jamo, group)) for group, role in _groups(text, person)}
