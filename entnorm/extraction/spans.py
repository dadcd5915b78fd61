"""Text hygiene for NER spans: what part of a span is the name.

The statistical model sometimes runs a span across a line break ("Staff Reporter\\n\\nLyon"), takes in a
possessive ("John Smith's", "Herald's Jane Doe"), a lowercase article ("the Pentagon"), quotes, or a run
of navigation words ("Subscribe to Our Newsletter"). `clean_span` turns one span into zero or more clean
(start, end) character ranges of the document, so offsets stay exact. A capitalised "The" is kept: in running
text it is part of a title ("The Herald Tribune").
"""

from __future__ import annotations

import re

from entnorm import data

_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_EDGE_JUNK = "\"'“”‘’«»()[]{}<>,;:!?*•·|/\\-–—_ \t\u00a0"
_LEADING_THE = re.compile(r"^the\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_INNER_POSSESSIVE = re.compile(r"^.*['’]s\s+(?=\S)", re.S)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

#: Bump when the cleaning code changes what it returns: cached spans are cleaned, so their cache key holds this
#: and a fingerprint of the word lists below (`CLEANING_RULES`); editing a comment changes neither.
CLEANING_VERSION = 1
_WORD_LISTS = ("not_in_names", "page_furniture")
CLEANING_RULES = f"{CLEANING_VERSION}.{data.fingerprint(*_WORD_LISTS)}"

_NOT_IN_NAMES = data.words("not_in_names")
_PAGE_FURNITURE_WORDS = frozenset(w for w in data.words("page_furniture") if " " not in w)
_PAGE_FURNITURE_PHRASES = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(data.words("page_furniture")) if " " in p) + r")\b", re.I
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def _clean_piece(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    start, end = _trim(text, start, end)
    for _ in range(3):  # each rule can expose the next ("the Pentagon's" → "Pentagon's" → "Pentagon")
        piece = text[start:end]
        if m := _LEADING_THE.match(piece):
            start += m.end()
        if m := _TRAILING_POSSESSIVE.search(text[start:end]):
            end = start + m.start()
        if label == "PERSON" and (m := _INNER_POSSESSIVE.match(text[start:end])):
            start += m.end()
        start, end = _trim(text, start, end)
    piece = text[start:end]
    words = _WORD.findall(piece)
    if not words or any(w in _NOT_IN_NAMES or w.casefold() in _PAGE_FURNITURE_WORDS for w in words):
        return None
    if _PAGE_FURNITURE_PHRASES.search(piece):
        return None
    return start, end


def clean_span(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Split a span at line breaks and trim each part to the name it holds.

    Args:
        text: the whole document.
        start, end: the span's character offsets in `text`.
        label: the NER label (the inner-possessive rule applies to PERSON only: "Herald's Jane Doe").

    Returns:
        Character ranges into `text`, in order; empty when nothing name-like is left.
    """
    ranges = []
    piece_start = start
    for brk in _LINE_BREAK.finditer(text, start, end):
        ranges.append((piece_start, brk.start()))
        piece_start = brk.end()
    ranges.append((piece_start, end))
    cleaned = (_clean_piece(text, s, e, label) for s, e in ranges)
    return [r for r in cleaned if r is not None]


def squash(text: str) -> str:
    """Whitespace runs to single spaces, ends stripped: the `text` field of a mention."""
    return _SPACES.sub(" ", text).strip()
