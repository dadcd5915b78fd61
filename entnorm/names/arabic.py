"""Names written in Arabic script, compared with their Latin spellings.

Letter-by-letter transliteration (unidecode) loses what matters. The script does not write short vowels, so
"محمد" becomes "mhmd", far from "Mohammed" in edit distance, and it writes waw and ya as w / y even where they
are the long vowels u and i. Here an Arabic name is *read* into Latin letters that keep what the script does
say: its consonants, and its long vowels where they stand (`reading`). A Latin word then matches that reading
when it is the same consonants, each in one of its usual spellings (`data/arabic_spellings.txt`), with a
vowel of the right quality wherever the script writes a long one, and any short vowels between
(`similarity`):

- "mhmd" (محمد) meets "Mohammed" and "Muhammad"; "mhmud" (محمود) meets "Mahmoud" but not "Mohammed";
- "hsin" (حسين) meets "Hussein" but not "Hassan".

A vowel seat at the start of a word (alif, hamza, ayn) stands for any vowel or none ("Omar", "Ibrahim" /
"Ebrahim" / "Brahim"). Only the reading's letters are used elsewhere (blocking keys, sounds).
"""

from __future__ import annotations

import re
from functools import lru_cache

from entnorm import data
from entnorm.names.phonetic import consonants

ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
#: Vowel marks and the tatweel, which news text rarely writes and names never depend on.
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
#: Letters that start a word with a vowel of any quality: alif and its hamza forms, and ayn.
_SEATS = frozenset("اأإآٱع")
#: Letters that are a vowel seat inside a word (hamza, ayn) and are not written in Latin, or as a vowel.
_INNER_SEATS = frozenset("ءؤئعأإ")
_LONG_A = frozenset("اآىٱ")
_WAW, _YA = frozenset("و"), frozenset("يیى")
#: Whole words that are linking particles: bin, ibn, bint.
_LINKS = {"بن": "bin", "ابن": "ibn", "بنت": "bint"}
_ARTICLE = "ال"
#: "عبدالله" is "Abd Allah": the article after abd starts the second word.
_ABD = "عبد"


def is_arabic(text: str) -> bool:
    return ARABIC.search(text) is not None


def reading(text: str) -> str:
    """`text` read into Latin letters: its consonants (their first spelling in the data list), its long vowels
    (a, u, i), w and y where waw and ya are consonants, "a" for a vowel seat starting a word, and "al-" for
    the article. "أحمد الشرع" → "ahmd al-shra"."""
    words = []
    for word in _MARKS.sub("", text).split():
        if word.startswith(_ABD + _ARTICLE) and len(word) > len(_ABD + _ARTICLE):
            words += [_read_word(_ABD), "al-" + _read_word(word[len(_ABD + _ARTICLE) :])]
        elif word in _LINKS:
            words.append(_LINKS[word])
        elif word.startswith(_ARTICLE) and len(word) > 3:
            words.append("al-" + _read_word(word[2:]))
        else:
            words.append(_read_word(word))
    return " ".join(words)


def _read_word(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        after = word[i + 1] if i + 1 < len(word) else ""
        if i == 0 and ch in _SEATS:
            out.append("a")
        elif ch in _WAW or ch in _YA:
            # a consonant at the start, or before a long a ("Marwan", "Walid", "Yusuf"); else a long vowel
            if ch != "ى" and (i == 0 or after in _LONG_A):
                out.append("w" if ch in _WAW else "y")
            else:
                out.append("u" if ch in _WAW else ("a" if ch == "ى" else "i"))
        elif ch in _LONG_A:
            out.append("a")
        elif ch == "ة" or (ch == "ع" and not after):
            out.append("a")  # ta marbuta; a final ayn is written as a vowel ("al-Sharaa")
        elif ch in _INNER_SEATS:
            continue
        elif ch in _CONSONANTS:
            out.append(_CONSONANTS[ch][0])
        elif ch.isascii():
            out.append(ch)
    return "".join(out)


def _spellings() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(letter → its spellings, first spelling → every spelling of the letters read with it)."""
    by_letter = {letter: tuple(value.split("|")) for letter, value in data.table("arabic_spellings").items()}
    by_reading: dict[str, list[str]] = {}
    for spellings in by_letter.values():
        known = by_reading.setdefault(spellings[0], [])
        known += [s for s in spellings if s not in known]
    return by_letter, {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_reading.items()}


_CONSONANTS, _LATIN_OF = _spellings()
_UNIT = re.compile("|".join(sorted(map(re.escape, _LATIN_OF), key=len, reverse=True)) + "|.")
_SHORT_VOWELS = "[aeiou]*"
#: What a Latin spelling may write for each vowel of the reading.
_VOWEL_SPELLINGS = {
    "a": "(?:[ae]+|u)",  # alif: "Salem" / "Salim" for سالم; and a foreign short u ("Trump" ترامب)
    "u": "(?:[ou]+|w)",
    "i": "(?:[iey]+|j)",  # a j for y as German and Dutch write it ("Benjamin")
    "w": "(?:w|v|ou|o|u)",
    "y": "(?:y|i|j|e)",
}


@lru_cache(maxsize=1 << 14)
def _pattern(read: str) -> re.Pattern[str]:
    """The Latin spellings of one word of a reading, as a regular expression over a folded word."""
    parts = []
    units = _UNIT.findall(read)
    for i, unit in enumerate(units):
        if i == 0 and unit == "a":
            parts.append("[aeiou]?")  # a vowel seat: any vowel, or none
        elif i == len(units) - 1 and unit == "a":
            parts.append("[aeiou]+h?")  # a final a (ta marbuta, alif): "Fatima" / "Fatimah"
        elif unit in _VOWEL_SPELLINGS:
            parts.append(_VOWEL_SPELLINGS[unit])
        elif unit in _LATIN_OF:
            parts.append("(?:" + "|".join(_LATIN_OF[unit]) + ")+")  # a doubled letter (shadda) is not written
        else:
            parts.append(re.escape(unit))
    # a final consonant may be followed by a silent e, as French writes it ("Yasmine", "Amine", "Karime")
    ending = "e?" if units and units[-1] not in _VOWEL_SPELLINGS and units[-1] != "a" else ""
    return re.compile(_SHORT_VOWELS.join(parts) + ending)


def consonant_keys(read: str) -> tuple[str, ...]:
    """The consonants (`phonetic.consonants`) of the Latin spellings of a word of a reading, for blocking: as
    read, then with one letter at a time in each of its other spellings ("jml", then "kml": جمال is "Jamal" and,
    in Egypt, "Gamal"; عثمان "Othman" and "Osman")."""
    units = _UNIT.findall(read)
    keys = [consonants(read)]
    for i, unit in enumerate(units):
        for spelling in _LATIN_OF.get(unit, ()):
            if spelling != unit and (key := consonants("".join([*units[:i], spelling, *units[i + 1 :]]))) not in keys:
                keys.append(key)
    return tuple(keys)


#: The similarity of an Arabic-script word and a Latin word that spells it.
ARABIC_MATCH = 0.85


@lru_cache(maxsize=1 << 15)
def similarity(read: str, latin: str) -> float:
    """How alike a word of an Arabic name's reading and a folded Latin word are: `ARABIC_MATCH` when the Latin
    word spells it, else 0. Words of one consonant say too little and must be spelled alike."""
    if read == latin:
        return 1.0
    if sum(ch not in "aiuwy" for ch in read) < 2:
        return 0.0
    return ARABIC_MATCH if _pattern(read).fullmatch(latin) else 0.0
