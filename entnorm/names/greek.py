"""Names written in Greek letters, read as Modern Greek (`data/greek_latin.txt`).

unidecode spells Greek as the ancient language was: β is b, η is e, and ντ / μπ stay two letters, so
"Αντώνης Σαμαράς" becomes "Antones" and "Ντόναλντ" "Ntonalnt". Read as Greek is read today they are "Andonis"
and "Donald", one edit or none from their Latin spellings.
"""

from __future__ import annotations

import re
import unicodedata

from entnorm import data

_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LETTERS = data.table("greek_latin")
_PAIRS = re.compile("|".join(k for k in _LETTERS if len(k) == 2) + "|.", re.S)
#: ντ, μπ, γκ: a voiced stop starting a word or after a consonant, a nasal and the stop after a vowel.
_STOPS = {"ντ": ("d", "nd"), "μπ": ("b", "mb"), "γκ": ("g", "ng")}
_STOP = re.compile("|".join(_STOPS))
_VOWELS = frozenset("αεηιουω")


def is_greek(text: str) -> bool:
    return _GREEK.search(text) is not None


def reading(text: str) -> str:
    """`text` with its Greek letters in Latin letters: "Ντόναλντ Τραμπ" → "Donald Tramb"."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    lower = plain.lower()

    def stop(m: re.Match[str]) -> str:
        before = lower[m.start() - 1] if m.start() else " "
        at_end = not lower[m.end() : m.end() + 1].isalpha()
        voiced, nasal = _STOPS[m.group()]
        # a final ντ ends a foreign name in d ("Ντόναλντ", "Μαχμούντ")
        return voiced if at_end and m.group() == "ντ" else nasal if before in _VOWELS else voiced

    lower = _STOP.sub(stop, lower)
    out = "".join(_LETTERS.get(unit, unit) for unit in _PAIRS.findall(lower))
    return " ".join(word.capitalize() for word in out.split())
