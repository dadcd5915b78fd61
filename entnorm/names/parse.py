"""Parsing a name into the parts that are compared: one concern, no matching decisions.

A person name becomes its content tokens: titles ("Dr.", "Sheikh") dropped; Arabic articles (al-, el-, ash-,
ad- ...) dropped wherever they stand; linking particles (bin, ibn, de, van ...) dropped inside a name; the
compounds abd/abdul/abdel + X and abu/abou + X joined into one token ("Abd al-Karim" = "Abdulkarim"); the
parts of a hyphenated word joined ("Jong-un" → "jongun", "Garcia-Marquez" → "garciamarquez"); initials
kept as one-letter tokens. A token with a glued article ("Alhashimi", "Alrashid") also yields an alternative
reading without it, and a Chinese name in Wade-Giles one in pinyin ("Mao Tse-tung" / "mao zedong").

An organisation name loses legal forms ("LLC", "Public Joint Stock Company", "OOO") and connectors ("of",
"the", "and"), so word order and "of" stop mattering; abbreviated generic words are written out ("Intl",
"Mfg"); its initials are kept for acronym matching.

A place name loses a trailing feature word ("Homs province", "Obolon Raion").

The word lists are data (`entnorm/data/`): particles, titles, legal forms, generic words; no entity names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from entnorm import data
from entnorm.labels import ORG, PERSON
from entnorm.names import arabic, greek, hangul, hebrew, loanwords, wade_giles
from entnorm.names.normalize import fold

ARTICLES = data.words("articles")
LINKS = data.words("name_links")
LATIN_PARTICLES = data.words("latin_particles")
#: Lower-case words that may open a name or stand inside one ("de Gaulle", "al-Assad", "bin Salman").
PARTICLES = ARTICLES | LINKS | LATIN_PARTICLES
TITLES = data.words("titles")
#: Longer phrases first, so "public joint stock company" goes before "joint stock company" can split it.
LEGAL_FORMS = data.entries("legal_forms")
_LEGAL_FORM_WORDS = frozenset(form for form in LEGAL_FORMS if " " not in form)
CONNECTORS = data.words("connectors")
ORG_GENERIC = data.words("org_generic")
PLACE_FEATURES = data.words("place_features")
SUFFIXES = data.words("name_suffixes")
ABD_PREFIXES = ("abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abdi", "abed", "abd")
ABU_PREFIXES = ("abou", "abu", "abo")
ABD_GLUED = ("abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abdi")  # "Abed" alone is also a name

MAX_READINGS = 8

_SPLIT = re.compile(r"[\s,;/]+")
_APOSTROPHES = re.compile(r"['’ʼʻ`´ʿʾ‘]")
_NON_WORD = re.compile(r"[^a-z0-9\-]+")


@dataclass(frozen=True, slots=True)
class Name:
    """A parsed name. `tokens` are compared; `readings` are alternative token sequences (glued articles)."""

    text: str
    kind: str
    tokens: tuple[str, ...]
    readings: tuple[tuple[str, ...], ...]
    initials: str = ""
    is_acronym: bool = False
    strong: tuple[str, ...] = ()  # the tokens longer than an initial
    #: What tells apart names that are otherwise alike: generational suffixes, regnal numerals, numbers, a
    #: final letter of an organisation ("Jr.", "XVI", "11", "Formula E"); they must agree exactly.
    qualifiers: tuple[str, ...] = ()
    #: The name itself when it is written in Chinese, Japanese or Korean characters (else ""): transliterated,
    #: different names share too many syllables to be compared as Latin text.
    cjk: str = ""
    #: The last word follows bin / ibn / ben ...: it is the father's name, not a family name.
    patronymic: bool = False
    #: The name is written in Arabic script: its tokens are its reading (`arabic.reading`), which a Latin
    #: name is compared with by `arabic.similarity`.
    arabic: bool = False
    #: The syllables of each word written syllable by syllable ("Geun-hye" → ("geun", "hye")): such a word is
    #: one given name, and two of them agree only syllable by syllable.
    syllables: tuple[tuple[str, ...], ...] = ()
    #: The name is written in Hangul: its tokens are its reading (`hangul.reading`), which a Latin name is
    #: compared with through `hangul.spellings`.
    hangul: bool = False
    #: The name is a foreign name transcribed in katakana or Hangul: compared with a Latin one by its consonants
    #: (`loanwords`).
    loanword: bool = False

    def __post_init__(self) -> None:
        strong = tuple(t for t in self.tokens if len(t) > 1)
        object.__setattr__(self, "strong", self.tokens if strong == self.tokens else strong)


_ORIGINAL_WORD = re.compile(r"[^\W_]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_ROMAN = re.compile(r"[IVXLC]+")
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _qualifiers(text: str, kind: str) -> tuple[str, ...]:
    """Suffixes, numerals and numbers after the first word, as written (see `Name.qualifiers`). A roman
    numeral counts only in a name not written all in capitals ("Louis XIV", not "XI JINPING"); a single
    letter only at the end and without a dot, since "J." is an initial."""
    if " " not in text.strip():
        return ()  # one word: nothing after the first
    words = list(_ORIGINAL_WORD.finditer(text))
    all_caps = text.upper() == text
    out = []
    for i, match in enumerate(words[1:], 1):
        word, last = match.group(), i == len(words) - 1
        dotted = text[match.end() : match.end() + 1] == "."
        if kind == PERSON and word.casefold() in SUFFIXES:
            out.append(word.casefold())
        elif word.isdigit():
            out.append(str(int(word)))
        elif all_caps or (dotted and len(word) == 1):
            continue
        elif _ROMAN.fullmatch(word) and (len(word) > 1 or last):
            out.append(roman_number(word) or word.casefold())
        elif kind != PERSON and last and len(word) == 1 and word.isupper():
            out.append(word.casefold())
    return tuple(out)


_ROMAN_VALUES = (("c", 100), ("xc", 90), ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def roman_number(word: str) -> str | None:
    """A roman numeral's value as digits ("XIV" → "14"), so that "Fund III" and "Fund 3" agree; None for
    letters that are not a numeral as numerals are written ("IIX")."""
    letters, value = word.casefold(), 0
    rest = letters
    for numeral, worth in _ROMAN_VALUES:
        while rest.startswith(numeral):
            rest, value = rest[len(numeral) :], value + worth
    return str(value) if not rest and value and _as_roman(value) == letters else None


def _as_roman(value: int) -> str:
    out = ""
    for numeral, worth in _ROMAN_VALUES:
        count, value = divmod(value, worth)
        out += numeral * count
    return out


def _without(tokens: list[str], qualifiers: tuple[str, ...]) -> list[str]:
    """The tokens less the qualifiers, numbers and numerals alike (kept when nothing else is left: "1984")."""
    rest = [t for t in tokens if t not in qualifiers and _as_number(t) not in qualifiers]
    return rest or tokens


def _as_number(token: str) -> str | None:
    return str(int(token)) if token.isdigit() else roman_number(token)


def _cjk(text: str) -> str:
    if text.isascii():
        return ""
    letters = [ch for ch in unicodedata.normalize("NFKC", text) if ch.isalpha()]
    return "".join(letters) if letters and all(_CJK.match(ch) for ch in letters) else ""


def _words(text: str) -> list[str]:
    folded = _APOSTROPHES.sub("", fold(text)).replace(".", " ")
    return [w for w in (_NON_WORD.sub(" ", part).strip(" -") for part in _SPLIT.split(folded)) for w in w.split() if w]


def _strip_prefix(token: str, prefixes: tuple[str, ...], min_rest: int) -> str | None:
    for prefix in prefixes:
        if token.startswith(prefix) and len(token) - len(prefix) >= min_rest:
            return token[len(prefix) :]
    return None


#: Two names written together, each capitalised ("JohnSmith"); a short first part is a prefix ("McDonald",
#: "DeSantis", "MacArthur"), not a name.
_GLUED_NAMES = re.compile(r"\b([A-Z][a-z]{3,})([A-Z][a-z]+)\b")


#: A capitalised word joined by hyphens to lower-case syllables ("Jong-un", "Geun-hye", "Tse-tung"): one
#: given name written syllable by syllable, as Korean and Chinese names are romanised.
_SYLLABIC = re.compile(r"\b[A-Z][a-z]*(?:-[a-z]+)+\b")


def syllabic_words(text: str) -> frozenset[str]:
    """The words of `text` written syllable by syllable, as folded tokens ("Kim Jong-un" → {"jongun"})."""
    if "-" not in text:
        return frozenset()
    return frozenset(_words(m.group().replace("-", ""))[0] for m in _SYLLABIC.finditer(text))


def _person_tokens(text: str) -> tuple[list[str], dict[int, tuple[str, ...]], dict[int, str]]:
    """Content tokens; for tokens joined from a hyphenated word, the parts it was joined from; and for tokens
    after a particle inside the name, the token written together with it ("Du Pont" → "dupont")."""
    words = _words(_GLUED_NAMES.sub(r"\1 \2", text))
    while len(words) > 1 and words[0].strip("-") in TITLES:
        words = words[1:]
    # hyphenated words: an article before another part is dropped ("al-Qasimi", "Abd-al-Karim"), a final
    # part never is ("Jong-an"); the other parts are kept together
    parts: list[list[str]] = []
    for word in words:
        pieces = [p for p in word.split("-") if p]
        content = [p for k, p in enumerate(pieces) if p not in ARTICLES or k == len(pieces) - 1]
        parts.append(content)
    flat: list[list[str]] = [p for p in parts if p]
    tokens: list[str] = []
    hyphenated: dict[int, tuple[str, ...]] = {}
    glued: dict[int, str] = {}
    particles = ""  # the Latin particles just passed, which may also be written joined to the next word
    i = 0
    while i < len(flat):
        pieces = flat[i]
        first = pieces[0]
        single = len(pieces) == 1
        if single and len(flat) > 1 and first in ARTICLES:
            i += 1
            continue
        if single and i > 0 and i < len(flat) - 1 and (first in LINKS or first in LATIN_PARTICLES):
            particles += first if first in LATIN_PARTICLES else ""
            i += 1
            continue
        if particles:
            glued[len(tokens)] = particles + "".join(pieces)
            particles = ""
        # abd al-X / abu X: the particle and the following word are one name
        if first in ABD_PREFIXES or first in ABU_PREFIXES:
            head = "abd" if first in ABD_PREFIXES else "abu"
            rest = pieces[1:]
            if not rest and i + 1 < len(flat):
                rest = flat[i + 1]
                i += 1
            tokens.append(head + "".join(rest))
            i += 1
            continue
        token = "".join(pieces)
        if len(pieces) > 1:
            hyphenated[len(tokens)] = tuple(pieces)
        if token.startswith(("abdull", "abdall")):  # Abdullah / Abdallah
            token = "abd" + token[5:]
        elif (rest := _strip_prefix(token, ABD_GLUED, 3)) is not None:  # Abdulrahman
            token = "abd" + rest
        elif (rest := _strip_prefix(token, ABU_PREFIXES[:1], 4)) is not None:  # Abouzeid
            token = "abu" + rest
        tokens.append(token)
        i += 1
    return (tokens, hyphenated, glued) if tokens else ([w for p in parts for w in p], {}, {})


def _readings(
    tokens: list[str], hyphenated: dict[int, tuple[str, ...]], glued: dict[int, str] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Alternative token sequences: a glued article split off ("alshara" → "shara"), a hyphenated word taken
    as its parts ("gorrinbelisario" → "gorrin belisario"), a word written together with the particles before
    it ("Du Pont" → "dupont", "De Niro" → "deniro"). The first reading is the tokens themselves."""
    options: list[list[tuple[str, ...]]] = []
    for i, token in enumerate(tokens):
        choices = [(token,)]
        if rest := _strip_prefix(token, ("al", "el"), 4):
            choices.append((rest,))
        if i in hyphenated:
            choices.append(hyphenated[i])
        if glued and i in glued:
            choices.append((glued[i],))
        options.append(choices)
    if all(len(choices) == 1 for choices in options):
        return (tuple(tokens),)
    readings = [tuple(t for part in combo for t in part) for combo in product(*options)]
    return tuple(readings[:MAX_READINGS])


def stem(word: str) -> str:
    """English inflection off an organisation word: Trading/Trade, Holdings/Holding, Wheeled/Wheel."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


_GLUED_INITIAL = re.compile(r"\b([A-Z])(?=[A-Z][a-z]{2,}\b)")


def _unglued(text: str) -> str:
    """An initial written against the next word is two words: "NKorea" is "N Korea"."""
    return _GLUED_INITIAL.sub(r"\1 ", text)


_NUMBER_WORDS = data.table("number_words")


_UNIT_NUMBER = re.compile(r"[1-9](?:st|nd|rd|th)?")


def _is_tens(word: str) -> bool:
    return word.isdigit() and len(word) == 2 and word.endswith("0") and word != "10"


def _numbers_as_digits(words: list[str]) -> list[str]:
    """Numbers written as words, as digits ("first" 1st, "forty four" 44), so that both spellings meet."""
    out: list[str] = []
    for word in words:
        number = _NUMBER_WORDS.get(word)
        if number is None:
            out.append(word)
        elif out and _is_tens(out[-1]) and _UNIT_NUMBER.fullmatch(number):
            # a tens word, then a unit: "forty four" 44, "twenty first" 21st
            out[-1] = str(int(out[-1]) + int(number[0])) + number[1:]
        else:
            out.append(number)
    return out


def _initialisms_joined(words: list[str]) -> list[str]:
    """Letters written one by one are one word: "J.P. Morgan" and "JP Morgan", "U.S. Steel" and "US Steel"."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1:
            run.append(word)
            continue
        out += ["".join(run)] if len(run) >= 2 else run
        run = []
        if word:
            out.append(word)
    return out


_POLITY_IN_ENGLISH = data.table("polity_translations")
#: Russian and Ukrainian adjectives of a place, as in "Luganskaya oblast": the ending after the place's "-sk".
_SLAVIC_ADJECTIVE = re.compile(r"(?<=sk)(aya|aia|a|oi|oy|iy|ii|yi|ij)$|(?<=s)ky$")


def _in_english(words: list[str]) -> list[str]:
    """A state's name in its Russian or Ukrainian words read in English ("Luganskaya Narodnaya Respublika" is
    "Lugansk Peoples Republic"): the polity words translated, and the place's adjective before them written as
    the place ("Luganskaya" as "Lugansk"). Names without such a word are left as they are."""
    if not any(w in _POLITY_IN_ENGLISH for w in words):
        return words
    first = next(i for i, w in enumerate(words) if w in _POLITY_IN_ENGLISH)
    out = [_SLAVIC_ADJECTIVE.sub("", w) if i < first else w for i, w in enumerate(words)]
    return [_POLITY_IN_ENGLISH.get(w, w) for w in out]


#: Letters joined by "&" are one word: "AT&T", "P & G".
_AMPERSAND_INITIALS = re.compile(r"\b([A-Z]{1,3})\s*&\s*([A-Z]{1,3})\b")
_ORG_ABBREVIATIONS = data.table("org_abbreviations")


def _org_tokens(text: str, english: bool = True) -> list[str]:
    text = _AMPERSAND_INITIALS.sub(r"\1\2", _unglued(text))
    words = _numbers_as_digits(_initialisms_joined([p for w in _words(text) for p in w.split("-") if p]))
    words = [_ORG_ABBREVIATIONS.get(w, w) for w in words]
    words = _in_english(words) if english else words
    joined = " " + " ".join(words) + " "
    for form in LEGAL_FORMS:
        if " " in form:
            joined = joined.replace(" " + form + " ", " ")
    tokens = [w for w in joined.split() if w not in CONNECTORS and w not in ARTICLES]
    without_forms = [w for w in tokens if w not in _LEGAL_FORM_WORDS]
    return [stem(w) for w in without_forms or tokens or words]


def _place_tokens(text: str, english: bool = True) -> list[str]:
    """A feature word in lower case is not part of the name ("Homs province" is Homs); a capitalised one is
    ("Moscow Oblast" is the region, not the city)."""
    text = _unglued(text)
    words = [p for w in _words(text) for p in w.split("-") if p and p not in CONNECTORS]
    words = _in_english(words) if english else words
    capitalised = {fold(w) for w in _CAPITALISED.findall(text)}
    trimmed = [w for w in words if w not in PLACE_FEATURES or w in capitalised]
    return trimmed or words


def _is_acronym(text: str) -> bool:
    letters = re.sub(r"[.\s&-]", "", text)
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=1 << 17)
def parse(text: str, kind: str) -> Name:
    """Parse `text` as a name of `kind` (PERSON, ORG or PLACE)."""
    if not text.isascii():  # another script is read into Latin letters first
        if arabic.is_arabic(text):
            return replace(parse(arabic.reading(text), kind), text=text, arabic=True)
        if hebrew.is_hebrew(text):  # read as the Arabic letters of the same sounds
            return replace(parse(hebrew.as_arabic(text), kind), text=text)
        if greek.is_greek(text):
            return replace(parse(greek.reading(text), kind), text=text)
        if hangul.is_hangul(text):  # compared with Latin names as its reading, with Hangul ones as written
            read = parse(hangul.reading(text, person=kind == PERSON), kind)
            if kind == PERSON and (given := hangul.given_name_reading(text)) is not None:
                read = replace(read, readings=(*read.readings, *parse(given, kind).readings)[:MAX_READINGS])
            foreign = kind != PERSON or hangul.is_foreign_name(text)
            return replace(read, text=text, cjk=_cjk(text), hangul=True, loanword=foreign)
        if loanwords.is_katakana(text):
            return replace(parse(loanwords.katakana_reading(text), kind), text=text, cjk=_cjk(text), loanword=True)
    qualifiers = _qualifiers(text, kind)
    cjk = _cjk(text)
    if kind == PERSON:
        tokens, hyphenated, glued = _person_tokens(text)
        words = _words(text)
        patronymic = len(words) > 2 and words[-2] in LINKS
        if qualifiers:
            tokens, hyphenated, glued = _without(tokens, qualifiers), {}, {}
        # a name written syllable by syllable is not read as its syllables: "Kim Jong" is not "Kim Jong-un"
        syllabic = syllabic_words(text)
        readings = _readings(tokens, {i: parts for i, parts in hyphenated.items() if tokens[i] not in syllabic}, glued)
        words_as_syllables = [hyphenated.get(i, (token,)) for i, token in enumerate(tokens)]
        if (pinyin := wade_giles.pinyin_reading(words_as_syllables)) and pinyin not in readings:
            readings = (*readings[: MAX_READINGS - 1], pinyin)
        syllables = tuple(parts for i, parts in sorted(hyphenated.items()) if tokens[i] in syllabic)
        return Name(
            text,
            kind,
            readings[0],
            readings,
            qualifiers=qualifiers,
            cjk=cjk,
            patronymic=patronymic,
            syllables=syllables,
        )
    tokens_of = _org_tokens if kind == ORG else _place_tokens
    tokens = tokens_of(text)
    if qualifiers:
        tokens = _without(tokens, qualifiers)
    # the initials of the name as written: "LNR" is "Luganskaya Narodnaya Respublika", read as "Lugansk Peoples
    # Republic" for its words
    written = tokens_of(text, english=False) if _POLITY_IN_ENGLISH.keys() & set(_words(text)) else tokens
    initials = "".join(t[0] for t in (tokens if written == tokens or qualifiers else written) if not t.isdigit())
    readings = _readings(tokens, {})
    # initials in capitals with only a legal form beside them are an acronym too ("IBM Corp")
    is_acronym = _is_acronym(text) or (
        len(tokens) == 1 and 2 <= len(tokens[0]) <= 6 and tokens[0].isalpha() and tokens[0].upper() in text.split()
    )
    return Name(text, kind, readings[0], readings, initials, is_acronym, qualifiers=qualifiers, cjk=cjk)


def is_generic(token: str) -> bool:
    """True for words that say what an organisation is, not which one ("ministry", "bank")."""
    return token in _GENERIC_STEMS


_GENERIC_STEMS = frozenset(ORG_GENERIC | {stem(w) for w in ORG_GENERIC})
