"""Chinese names in Wade-Giles, the romanisation English texts used before pinyin ("Mao Tse-tung", "Teng
Hsiao-ping"), rewritten syllable by syllable in pinyin ("Mao Zedong", "Deng Xiaoping").

The two systems spell most syllables differently but map one to one, so the rewrite is a handful of rules on
a syllable's initial and final, not a table of names. A name is rewritten only when every word of it is made
of Wade-Giles syllables and at least one syllable has a spelling pinyin never uses (hs-, ts-, -ih, -ieh,
-ien, -ung, chi- before a vowel): "Li Peng" is left alone, since it may well be pinyin already. Texts drop the
apostrophe that marks aspiration (ch'ing / ching), so p, t, k, ch, ts are read unaspirated (b, d, g, zh / j,
z); the aspirated syllable is then one letter from its pinyin ("ping" → "bing" / "ping"), within the typo
budget of the comparison.
"""

from __future__ import annotations

import re

from entnorm import data

_INITIAL = r"(?:ch|hs|ts|tz|ss|sz|sh|[jkptfhlmnswy])?"
_SYLLABLE = re.compile(
    _INITIAL + "(?:" + "|".join(sorted(data.entries("wade_giles_finals"), key=len, reverse=True)) + ")"
)
#: Spellings only Wade-Giles has: hs-, ts- / tz-, -ih, -ieh, -ien, -ung, and chi- before a vowel or n.
_ONLY_WADE_GILES = re.compile(r"^(?:hs|ts|tz|ss|sz)|ih$|ieh$|ien$|ung$|^chi(?:[aeiou]|n)|^[kpt]uei$")
_FINAL_RULES = (
    (re.compile(r"ih$"), "i"),
    (re.compile(r"ieh$"), "ie"),
    (re.compile(r"ien$"), "ian"),
    (re.compile(r"iung$"), "iong"),
    (re.compile(r"ung$"), "ong"),
    (re.compile(r"ueh$"), "ue"),
    (re.compile(r"uei$"), "ui"),
    (re.compile(r"erh$"), "er"),
    (re.compile(r"eh$"), "e"),
)


def is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(word) is not None


def to_pinyin(syllable: str) -> str:
    """One Wade-Giles syllable in pinyin: "hsi" → "xi", "tse" → "ze", "tung" → "dong", "chih" → "zhi"."""
    if syllable in ("tzu", "tsu", "ssu", "szu"):
        return "si" if syllable[0] == "s" else "zi"
    initial = re.match(_INITIAL, syllable).group()  # type: ignore[union-attr]
    final = syllable[len(initial) :]
    if initial in ("k", "h") and final == "o":  # ko / ho are ge / he
        final = "e"
    if initial == "ch":  # chi- is ji-; chih, cha-, chu- are zhi, zha-, zhu-
        initial = "j" if final.startswith("i") and final != "ih" else "zh"
    else:
        initial = _INITIALS.get(initial, initial)
    for pattern, repl in _FINAL_RULES:
        final = pattern.sub(repl, final, count=1)
    return initial + final


_INITIALS = {"hs": "x", "ts": "z", "tz": "z", "ss": "s", "sz": "s", "j": "r", "k": "g", "p": "b", "t": "d"}


def pinyin_reading(words: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The name in pinyin, one token per word (each word given as its syllables), or None when the name is not
    written in Wade-Giles (see the module docstring)."""
    syllables = [s for word in words for s in word]
    if not syllables or not all(is_syllable(s) for s in syllables):
        return None
    if not any(_ONLY_WADE_GILES.search(s) for s in syllables):
        return None
    return tuple("".join(to_pinyin(s) for s in word) for word in words)
