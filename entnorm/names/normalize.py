"""Match keys: the one function that turns any name into the string used to look it up, and ids made from it.

Alias-file names and mention texts go through the same `key` so they meet. The key is for matching only; output
always shows names as they were written. No I/O here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

from entnorm import data

_APOSTROPHES = re.compile(r"['’ʼʻ`´ʿʾ‘]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^(?:the )+")


#: Armenian writes u as two letters, ո and ւ, which unidecode spells one by one ("Պուտին" as "Powtin").
_ARMENIAN_U = re.compile("[Ոո][ւՒ]")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, transliterate to ASCII (unidecode), casefold. "Türkiye" → "turkiye", "Žores" → "zores",
    "Պուտին" → "putin"."""
    text = unicodedata.normalize("NFKC", text)
    if "ւ" in text or "Ւ" in text:
        text = _ARMENIAN_U.sub("u", text)
    return unidecode(text).casefold()


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The exact-match key of a name: folded, apostrophes dropped, other punctuation to spaces, a leading
    "the" removed, whitespace squashed. Idempotent: key(key(x)) == key(x).

    >>> key("  the Plurinational  State-of-Bolivia’s ")
    'plurinational state of bolivias'
    """
    folded = _APOSTROPHES.sub("", fold(text))
    squashed = _NON_ALNUM.sub(" ", folded).strip()
    return _LEADING_THE.sub("", squashed)


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff])")


def _arabic_to_latin(text: str) -> str:
    """A readable spelling of Arabic-script text, for ids: "أحمد الشرع" → "ahmd al-shra"."""
    letters = data.table("arabic_latin")
    text = _ARABIC_ARTICLE.sub("al-", unicodedata.normalize("NFC", text))
    return "".join(letters.get(ch, ch) for ch in text)


def slug(text: str) -> str:
    """A lowercase ASCII id fragment: "Jane Q. Doe" → "jane-q-doe". Arabic script is spelled with its long
    vowels, which plain transliteration drops ("محمد بن سلمان" → "mhmd-bn-slman", not "mhmd-bn-slmn")."""
    if _ARABIC.search(text):
        text = _arabic_to_latin(text)
    return re.sub(r"\s+", "-", key(text)) or "entity"
