"""Korean names written in Hangul, read into the Latin letters English news uses for them.

unidecode writes "김정은" as one run, "gimjeongeun", where the news writes "Kim Jong-un": the family name, then
the given name's syllables joined by a hyphen. Here each Hangul syllable is decomposed into its initial,
vowel and final (Unicode arranges the syllables so that this is arithmetic) and romanised on its own, in the
Revised Romanization except that a word's first ㄱ is "k", as English texts write it ("Kim", "Kang",
"Ki-moon"). A word of two to four syllables is a name with its family name first, and its given name is
written with hyphens between syllables, so the parser reads it both joined and as its syllables. The
remaining differences ("jeong" / "jong", "geun" / "gun") are the vowel spellings `phonetic.sound` evens out.
"""

from __future__ import annotations

import re

from entnorm import data

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
    if not person:
        return "".join(_syllable(ch, i == 0) for i, ch in enumerate(word))
    syllables = [_syllable(ch, i == 0) for i, ch in enumerate(word)]
    if 2 <= len(syllables) <= 4:  # family name, then the given name's syllables
        return syllables[0] + " " + "-".join(syllables[1:])
    return "-".join(syllables)


def reading(text: str, *, person: bool) -> str:
    """`text` with each run of Hangul romanised: "김정은" → "kim jeong-eun", "김 정은" → "kim jeong-eun" (as a
    person's name), "서울" → "seoul"."""
    words = text.split()
    if person and len(words) > 1 and all(_HANGUL_WORD.fullmatch(w) for w in words):
        # written with a space after the family name: the given name is one word
        return " ".join([_word(words[0], False)] + ["-".join(_syllable(ch, False) for ch in w) for w in words[1:]])
    return _HANGUL_WORD.sub(lambda m: _word(m.group(), person), text)
