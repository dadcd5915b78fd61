"""Transliteration-aware spelling of one name token.

One person's name reaches English text through many romanisation schemes: Russian "Никита Хрущёв" is Nikita
Khrushchev, Chruschtschow, Khrouchtchev, Hruščov; Arabic "القاسمي" is al-Qasimi, al-Kassimi, el-Qassemi.
`sound` rewrites a folded ASCII token so that the common scheme differences vanish: sibilant and affricate
spellings (s/z/sh/sch/sz/zh → s; ch/tsch/tsj/cz/ts → c), kh/gh/dh/th/ph/w/q/x, j versus y versus i, a silent h,
ou/oe/oo versus u, ee versus i, Korean eo/eu versus o/u, doubled letters, Slavic -iy/-ij/-ii endings and
-ow/-off, Arabic final -ah.
`skeleton` goes further and keeps consonant classes only; it is the blocking key. The rules are ordered: the
longest spellings are rewritten first.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Consonant spellings, tried longest first at each position in ONE pass, so a rewrite is never rewritten again.
# Upper-case letters are the sound classes: S (s, z, sh, zh), C (ch, ts), J (dzh), K, H (kh).
_CONSONANTS: dict[str, str] = {
    "schtsch": "S",
    "shch": "S",
    "szcz": "S",
    "stsch": "S",
    "sjtsj": "S",
    "tsch": "C",
    "tsj": "C",
    "tch": "C",
    "tsh": "C",
    "cz": "C",
    "ch": "C",
    "ts": "C",
    "tz": "C",
    "dsch": "J",
    "dzh": "J",
    "dzj": "J",
    "dj": "J",
    "sch": "S",
    "sh": "S",
    "sz": "S",
    "sj": "S",
    "zh": "S",
    "zj": "S",
    "zs": "S",
    "s": "S",
    "z": "S",
    "kh": "H",
    "gh": "G",
    "ck": "K",
    "q": "K",
    "k": "K",
    "x": "KS",
    "dh": "d",
    "th": "t",
    "ph": "f",
    "w": "v",
}
_CONSONANT_RX = re.compile("|".join(sorted(map(re.escape, _CONSONANTS), key=len, reverse=True)) + r"|dz(?=[aeiouy])|c")


def _consonant(m: re.Match[str]) -> str:
    found = m.group(0)
    if found == "dz":
        return "J"
    if found == "c":
        # c before e/i/y is soft; a final c is usually Slavic č/ć (Petrović); otherwise it is k (Costa)
        return "C" if m.end() == len(m.string) or m.string[m.end()] in "eiy" else "K"
    return _CONSONANTS[found]


_VOWEL_RULES = [
    (re.compile(r"oo"), "u"),  # before doubled letters go: Yoon / Yun, Moon / Mun
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters (again at the end: rules can create new pairs)
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"ou|oe|oo|uu"), "u"),
    (re.compile(r"eo"), "o"),  # Korean eo / eu as written in Revised Romanization: Jeong / Jong, Geun / Gun
    (re.compile(r"eu"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ie(?![aeiou])"), "e"),  # Slavic ye spelled ie/ye/je/e: Gennadiev / Gennadev
    (re.compile(r"ae"), "a"),
    (re.compile(r"(?<=[aeiou])[hH](?![aeiou])"), ""),  # a silent h (or kh) after a vowel: John / Jon, Makhmud
    (re.compile(r"(?<=.)i+$"), "i"),  # Slavic adjective endings once j/y are i: -skiy / -skij / -skii / -ski
    (re.compile(r"(?<=[aeiou])f$"), "v"),  # -off / -ov
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
]
_VOWELS = re.compile(r"[aeiou]+")
_CLASSES = str.maketrans({"b": "p", "v": "f", "d": "t", "g": "k", "c": "s", "j": "s", "h": None})


@lru_cache(maxsize=1 << 17)
def sound(token: str) -> str:
    """A folded ASCII token rewritten so that transliteration variants coincide or come close.

    >>> sound("sergey"), sound("sergej"), sound("sergei")
    ('sergei', 'sergei', 'sergei')
    """
    s = _CONSONANT_RX.sub(_consonant, token)
    for pattern, repl in _VOWEL_RULES:
        s = pattern.sub(repl, s)
    return s.lower() or token


@lru_cache(maxsize=1 << 17)
def skeleton(token: str) -> str:
    """Consonant classes of `sound(token)` with vowels dropped after the first letter, and an h dropped except
    as the first letter: the blocking key.

    >>> skeleton("shaibani") == skeleton("sabani") == skeleton("shibani")
    True
    """
    s = sound(token)
    head, tail = s[:1], _VOWELS.sub("", s[1:])
    # an h inside a word is often only a spelling (Mohamed / Muhamad); a first h is heard (Khalid / Halid); a
    # first vowel is kept as "a", whichever it is, since scripts and schemes differ most there (Itqan / Etqaan,
    # Usama / Osama)
    head = "a" if head in "aeiou" else head if head == "h" else head.translate(_CLASSES)
    out = head + tail.translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", out)


@lru_cache(maxsize=1 << 17)
def consonants(token: str) -> str:
    """Consonant classes of `sound(token)` with every vowel and h dropped, the first letter too: how a word
    written in a script without short vowels is keyed against its Latin spellings ("Raisi" / "رئيسي" → "rs").

    >>> consonants("omar") == consonants("amr")
    True
    """
    out = _VOWELS.sub("", sound(token)).translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", out)


_LONE_H = re.compile(r"(?<![cgkpstz])h")


def ukrainian_h_as_g(token: str) -> str | None:
    """The word with a Ukrainian h written as the Russian g ("Luhansk" / "Lugansk", "Halyna" / "Galina"),
    or None when it has no lone h. The skeleton drops an h but keeps a g, so blocking keys the word both ways."""
    variant = _LONE_H.sub("g", token)
    return variant if variant != token else None


_SOFT_G = re.compile(r"(?<=[aeiou])g(?=[ei])")
#: An x that may write Greek χ or Cyrillic х, as kh: inside a word ("Mixail") or before a consonant ("Xristos");
#: a first x before a vowel is left alone, as pinyin writes it ("Xi", "Xu": not "Khu").
_X_AS_KH = re.compile(r"(?<=.)x|^x(?![aeiouy])")


def x_as_kh(token: str) -> str | None:
    """The word with an x written as kh, as Greek χ and Cyrillic х are written in English ("Mixail" /
    "Mikhail", "Xristos" / "Khristos"), or None when it has no such x. The sound reads x as ks, as in
    "Alexei" / "Aleksei", so both readings are tried."""
    variant = _X_AS_KH.sub("kh", token)
    return variant if variant != token else None


#: Nominative endings Baltic languages add to foreign names: Petrov → Petrovs (lv), Petrovas (lt).
BALTIC_ENDINGS = ("s", "as", "is", "us", "ys")


@lru_cache(maxsize=1 << 17)
def other_spellings(token: str) -> tuple[str, ...]:
    """Spellings of the word whose skeletons differ from its own, for blocking: a Ukrainian h as the Russian
    g; ch as kh, which German, Polish and Czech write ch ("Promtechnologia" / "Promtekhnologiya"); a first j as
    zh, and a g before e or i as zh, as French writes them ("Jirinovski", "Prigogine"); an x as kh ("Mixail");
    and the word without a Baltic nominative ending ("Safinas" / "Safin"), longest ending first."""
    out = []
    if (variant := ukrainian_h_as_g(token)) is not None:
        out.append(variant)
    if "ch" in token and "sch" not in token:
        out.append(token.replace("ch", "kh"))
    if token.startswith("j"):  # French and Persian j for zh ("Jirinovski" / "Zhirinovsky")
        out.append("zh" + token[1:])
    if (soft := _SOFT_G.sub("zh", token)) != token:  # French g before e / i ("Prigogine" / "Prigozhin")
        out.append(soft)
    if (kh := x_as_kh(token)) is not None:
        out.append(kh)
    if (stem := baltic_stem(token)) is not None:
        out.append(stem)
    return tuple(out)


@lru_cache(maxsize=1 << 17)
def baltic_stem(token: str) -> str | None:
    """The word without a Baltic nominative ending, longest ending first ("safinas" → "safin"), or None when
    it has none or too little would be left."""
    for ending in _BALTIC_LONGEST_FIRST:
        if token.endswith(ending) and len(token) - len(ending) >= 4 and not token.endswith("ss"):
            return token[: -len(ending)]
    return None


_BALTIC_LONGEST_FIRST = sorted(BALTIC_ENDINGS, key=len, reverse=True)
