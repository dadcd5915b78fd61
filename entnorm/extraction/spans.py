"""Text hygiene for NER spans: what part of a span is the name, with the boundaries a reader would draw.

The statistical model sometimes runs a span across a line break ("Staff Reporter\\n\\nLyon"), takes in a
possessive ("John Smith's", "Herald's Jane Doe", "Iraq's Popular Forces"), a title ("Crown Prince", "Maj. Gen."),
a lowercase article or trailing word ("the Pentagon", "Kharkiv region"), quotes, a handle, a footnote digit
glued to a word, or a run of navigation words ("Subscribe to Our Newsletter"). `clean_span` turns one span into
zero or more clean (start, end) character ranges of the document, so offsets stay exact. A capitalised "The" is
kept: in running text it is part of a title ("The Herald Tribune"). A name holds at least one capital letter.
The word lists are data (`entnorm/data/`).
"""

from __future__ import annotations

import re

from entnorm import data
from entnorm.labels import is_name_label
from entnorm.names.normalize import fold
from entnorm.names.parse import PARTICLES

_LEGAL_FORM_WORDS = frozenset(w for w in data.words("legal_forms") if " " not in w)
#: A model's designation: a name with a code after a hyphen ("Iskander-M", "Tu-160" is too short to tell).
_MODEL = re.compile(r"[A-Za-z]{3,}[-‐‑][A-Z0-9]{1,3}")
_ADJECTIVE_PREFIX = re.compile("(?:" + "|".join(sorted(data.words("adjective_prefixes"))) + r")[-‐‑]\w")

#: Where a span holds two names: a colon ("Photo: Global Look Press"); for people and organisations also a comma
#: ("Kharkiv, Igor Terekhov"), unless a legal form or a suffix follows it ("Acme, Inc."); places keep theirs
#: ("Paris, Texas").
_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+|:\s+")
_LIST_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+|:\s+|,\s+(?!(?:%s)\b)")
_EDGE_JUNK = "\"'“”‘’«»()[]{}<>,;:!?*•·|/\\-–—_ \t\u00a0"
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_INNER_POSSESSIVE = re.compile(r"(.*)['’]s\s+(?=\S)", re.S)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_GLUED_DIGITS = re.compile(r"(?<=[a-z])\d+$")

#: Bump when the cleaning code changes what it returns: cached spans are cleaned, so their cache key holds this
#: and a fingerprint of the word lists below (`CLEANING_RULES`); editing a comment changes neither.
CLEANING_VERSION = 8
_WORD_LISTS = (
    "title_heads",
    "adjective_prefixes",
    "directions",
    "event_words",
    "polity_words",
    "polity_translations",
    "not_in_names",
    "page_furniture",
    "titles",
    "latin_particles",
    "articles",
    "name_links",
    "org_generic",
    "place_features",
    "connectors",
    "legal_forms",
    "name_suffixes",
)
CLEANING_RULES = f"{CLEANING_VERSION}.{data.fingerprint(*_WORD_LISTS)}"

_NOT_IN_NAMES = data.words("not_in_names")
_PAGE_FURNITURE_WORDS = frozenset(w for w in data.words("page_furniture") if " " not in w)
_PAGE_FURNITURE_PHRASES = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(data.words("page_furniture")) if " " in p) + r")\b", re.I
)
_TITLE_WORDS = frozenset(w for w in data.words("titles") if " " not in w)
_TITLE_PHRASES = sorted((tuple(p.split()) for p in data.words("titles") if " " in p), key=len, reverse=True)
_GENERIC = data.words("org_generic")
_GENERIC_STEMS = frozenset(w.rstrip("s") for w in _GENERIC)
_FEATURES = data.words("place_features")
#: A name of one word is not one of these: a generic word, a feature, a title, a function word ("Republic",
#: "Oblast", "Your", "Thé").
_CONNECTORS = data.words("connectors")
_NOT_A_NAME_ALONE = _GENERIC | _FEATURES | _TITLE_WORDS | _NOT_IN_NAMES | _CONNECTORS | data.words("directions")
_EVENT_WORDS = data.words("event_words")
_TRANSLATED_POLITY = data.table("polity_translations")
#: A place or an organisation named by these words alone is a kind of state, not one ("Narodnaya Respublika");
#: generic organisation words alone still name one ("Ministry of Defence").
_ONLY_KIND_OF_STATE = (
    data.words("polity_words") | _TRANSLATED_POLITY.keys() | set(_TRANSLATED_POLITY.values()) | _FEATURES
)
_KEPT_AFTER_COMMA = sorted(_LEGAL_FORM_WORDS | data.words("name_suffixes"))
_LIST_BREAK = re.compile(_LIST_BREAK.pattern % "|".join(map(re.escape, _KEPT_AFTER_COMMA)), re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def _plain(word: str) -> str:
    """A word as the lists hold it: folded to ASCII, lower case, without dots ("Gen." → "gen", "Thé" → "the")."""
    return fold(word).replace(".", "")


def _tokens(text: str, start: int, end: int) -> list[re.Match]:
    return list(_TOKEN.finditer(text, start, end))


def _strip_titles(text: str, start: int, end: int) -> int:
    """The start of a person name after the titles before it, stacked or of several words ("Maj. Gen.")."""
    while True:
        tokens = _tokens(text, start, end)
        if len(tokens) < 2:
            return start
        plain = [_plain(t.group()) for t in tokens]
        taken = next((len(p) for p in _TITLE_PHRASES if tuple(plain[: len(p)]) == p and len(p) < len(plain)), 0)
        if not taken and plain[0] in _TITLE_WORDS:
            taken = 1
        if not taken or not any(c.isupper() for t in tokens[taken:] for c in t.group()):
            return start
        start = tokens[taken].start()


def _strip_owner(text: str, start: int, end: int, label: str) -> int:
    """The start of a name after someone else's possessive: "Paramount’s Dan Cohen" → "Dan Cohen" for a person;
    "Iraq's Popular Forces" → "Popular Forces" for others; unless the owner is a generic word, part of the name
    ("Lugansk People's Republic"), or, but for people, nothing but generic words would be left."""
    match = _INNER_POSSESSIVE.match(text, start, end)
    if not match:
        return start
    owner = _plain(match.group(1).split()[-1]) if match.group(1).split() else ""
    rest = [_plain(w) for w in text[match.end() : end].split()]
    if owner.rstrip("s") in _GENERIC_STEMS and rest[:1] and rest[0].rstrip("s") in _GENERIC_STEMS:
        return start  # a generic word's possessive inside a name: "People's Republic", "Workers' Party"
    if label == "PERSON":
        return match.end()
    return start if all(w in _GENERIC for w in rest) else match.end()


def _lower(token: str) -> bool:
    """A word with no capital letter ("region", "ín"); "an-Nasser" has one."""
    return not any(c.isupper() for c in token) and any(c.isalpha() for c in token)


def _strip_lower_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Lower-case words at the edges are not part of the name ("Kharkiv region", "ín Thé"), except particles
    that open one ("de Gaulle")."""
    tokens = _tokens(text, start, end)
    while tokens and _lower(tokens[-1].group()):
        tokens.pop()
    while tokens and _lower(tokens[0].group()) and _plain(tokens[0].group()) not in PARTICLES:
        tokens.pop(0)
    if not tokens:
        return start, start
    return tokens[0].start(), tokens[-1].end()


_NAME_TAIL = re.compile(r"(?:[ \t]+(?:(?:of|the|and|for)[ \t]+)*[A-Z][\w'’.\-]*)+")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_POSSESSIVE_WORD = re.compile(r"(\w+)(?:['’]s|(?<=s)['’])$")


def _extend(text: str, start: int, end: int, label: str) -> int:
    """Where the model stopped too early: a generic word in the possessive cannot end a name ("Lugansk
    People's" goes on to "Republic", "Workers' Party of Korea"), and a place goes on with a capitalised feature
    word after it ("Moscow Oblast", a region of its own)."""
    possessive = _POSSESSIVE_WORD.search(text, start, end)
    if (
        possessive
        and _plain(possessive.group(1)).rstrip("s") in _GENERIC_STEMS
        and (tail := _NAME_TAIL.match(text, end))
    ):
        return tail.end()
    if label in ("GPE", "LOC") and (m := _NEXT_WORD.match(text, end)) and _plain(m.group(1)) in _FEATURES:
        return m.end()
    return end


def _clean_piece(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    if not is_name_label(label):  # a value ("today", "10 May"): only its edges are trimmed
        start, end = _trim(text, start, end)
        return (start, end) if any(c.isalnum() for c in text[start:end]) else None
    while end > start and text[end - 1].isspace():  # extended before the edges are trimmed: they hold the
        end -= 1  # possessive's apostrophe ("Workers'")
    end = _extend(text, start, end, label)
    start, end = _trim(text, start, end)
    if text[start : start + 1] in ("@", "#"):  # a handle or a hashtag
        return None
    for _ in range(4):  # each rule can expose the next ("the Pentagon's" → "Pentagon's" → "Pentagon")
        before = (start, end)
        if m := _TRAILING_POSSESSIVE.search(text, start, end):
            end = m.start()
        if m := _GLUED_DIGITS.search(text, start, end):  # a footnote mark glued to a word ("Today7")
            end = m.start()
        start = _strip_owner(text, start, end, label)
        if label == "PERSON":
            start = _strip_titles(text, start, end)
        start, end = _strip_lower_edges(text, start, end)
        start, end = _trim(text, start, end)
        if (start, end) == before:
            break
    if (m := _TOKEN.match(text, start, end)) and _plain(m.group()) == "the" and m.group() != "The":
        start, end = _trim(text, m.end(), end)  # a "the" a spam filter dressed up ("Thé")
    piece = text[start:end]
    words = _WORD.findall(piece)
    if not words or not any(c.isupper() for c in piece):
        return None
    if len(words) == 1 and len(piece.split()) == 1 and _plain(words[0]) in _NOT_A_NAME_ALONE:
        return None
    # a linking word inside a joined place name ("Rostov-on-Don") is not a lower-case word of the text
    lower = [_plain(w) for w in _WORD.findall(_LINKING_WORD.sub("-", piece)) if w[:1].islower()]
    if any(w in _NOT_IN_NAMES for w in lower) or any(_plain(w) in _PAGE_FURNITURE_WORDS for w in words):
        return None
    if _PAGE_FURNITURE_PHRASES.search(piece):
        return None
    if _ADJECTIVE_PREFIX.match(piece):
        return None  # "pro-Moscow": an adjective
    if label in ("PERSON", "ORG", "GPE", "LOC") and _MODEL.fullmatch(piece):
        return None  # "Iskander-M": a product's model, not who or where
    if label == "PERSON" and len(words) > 1 and all(w.isupper() and len(w) <= 4 for w in words):
        return None  # initials and codes in capitals ("SKS NPK"): no person's name is written so
    plain = [_plain(w).replace("'", "").replace("’", "") for w in words]
    if all(w in _LEGAL_FORM_WORDS for w in plain):
        return None  # a legal form alone ("PMC", "LLC") names no company
    if all(w in _ONLY_KIND_OF_STATE or w in _CONNECTORS for w in plain):
        return None  # a kind of state with no state named ("Narodnaya Respublika"), whatever the label
    if label in ("ORG", "GPE", "LOC") and plain[-1] in _EVENT_WORDS:
        return None  # an event ("Syrian Civil War")
    return start, end


_IN_A_TITLE = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in sorted(data.words("title_heads"))) + r")s? of (?:the )?$"
)
_LINKED = r"(?:on|upon|sur|am|an|en|le|la|de|del|di|im)"
_LINKED_BEFORE = re.compile(rf"[A-Z][^\W\d_]*-{_LINKED}-$")
_LINKED_AFTER = re.compile(rf"-{_LINKED}-[A-Z][^\W\d_]*")
_LINKING_WORD = re.compile(rf"(?<=[^\W\d_])-{_LINKED}-(?=[A-Z])")


def in_a_title(text: str, start: int) -> bool:
    """The text at `start` follows the head of a law's or an honour's title and "of" ("the Law of ", "Hero of
    the "): a place there is part of the title."""
    return bool(_IN_A_TITLE.search(text, max(0, start - 40), start))


def _whole_joined_place(text: str, start: int, end: int) -> tuple[int, int]:
    """A span inside a place name joined by a linking word ("Don" of "Rostov-on-Don", "Frankfurt" of
    "Frankfurt-am-Main") grows to the whole name."""
    before = _LINKED_BEFORE.search(text, max(0, start - 40), start)
    if before and before.end() == start:
        start = before.start()
    after = _LINKED_AFTER.match(text, end)
    if after:
        end = after.end()
    return start, end


def clean_span(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Split a span at line breaks and trim each part to the name it holds.

    Args:
        text: the whole document.
        start, end: the span's character offsets in `text`.
        label: the NER label: a PERSON span also splits at commas, loses leading titles and any owner's
            possessive ("Herald's Jane Doe").

    Returns:
        Character ranges into `text`, in order; empty when nothing name-like is left.
    """
    start, end = _whole_joined_place(text, start, end)
    if label in ("GPE", "LOC") and in_a_title(text, start):
        return []  # "the Law of Ukraine", "Hero of the Russian Federation": a title, not the place
    ranges = []
    piece_start = start
    breaks = _LIST_BREAK if label in ("PERSON", "ORG") else _BREAK
    for brk in breaks.finditer(text, start, end):
        ranges.append((piece_start, brk.start()))
        piece_start = brk.end()
    ranges.append((piece_start, end))
    cleaned = (_clean_piece(text, s, e, label) for s, e in ranges)
    return [r for r in cleaned if r is not None]


def squash(text: str) -> str:
    """Whitespace runs to single spaces, ends stripped: the `text` field of a mention."""
    return _SPACES.sub(" ", text).strip()
