"""Names written in Hebrew, read as the Arabic letters of the same sounds and compared by the rules for Arabic.

Hebrew, like Arabic, writes a name's consonants and its long vowels (with alef, vav and yod) but not its short
vowels, so unidecode's letter-by-letter "brk Avbmh" (ברק אובמה) is far from "Barack Obama". The two scripts'
letters correspond one to one for the sounds names need (`data/hebrew_arabic.txt`), so a Hebrew name is
written in Arabic letters (`as_arabic`) and `arabic.reading` and `arabic.similarity` do the rest: "ברק אובמה"
reads "brk aubma", which "Barack Obama" spells.
"""

from __future__ import annotations

import re
import unicodedata

from entnorm import data

_HEBREW = re.compile(r"[\u05d0-\u05ea]")
#: Vowel points, the dagesh and cantillation marks, which names in news are written without.
_POINTS = re.compile(r"[\u0591-\u05c7]")
_AS_ARABIC = data.table("hebrew_arabic")
_UNIT = re.compile("|".join(sorted(map(re.escape, _AS_ARABIC), key=len, reverse=True)) + "|.")
#: A word's first bet and pe are b and p (they take a dagesh there); later, v and f.
_FIRST = {"ב": "ب", "פ": "پ"}
_HE, _TA_MARBUTA = "ה", "ة"


def is_hebrew(text: str) -> bool:
    return _HEBREW.search(text) is not None


def as_arabic(text: str) -> str:
    """`text` with its Hebrew words in Arabic letters: "ברק אובמה" → "برك اوبمة"."""
    text = _POINTS.sub("", unicodedata.normalize("NFC", text)).replace("'", "׳")
    words = []
    for word in text.split():
        units = _UNIT.findall(word)
        out = []
        for i, unit in enumerate(units):
            if i == 0 and unit in _FIRST:
                out.append(_FIRST[unit])
            elif unit == _HE and i == len(units) - 1 and i > 0:
                out.append(_TA_MARBUTA)  # a final he is a vowel
            else:
                out.append(_AS_ARABIC.get(unit, unit))
        words.append("".join(out))
    return " ".join(words)
