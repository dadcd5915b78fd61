"""The alias file's names found in raw text, so that a listed name is a mention with its entity's label even where
the model misses it or labels it otherwise (an acronym; a surname as ORG; a city as PERSON).

It runs on the text, not in the spaCy pipeline, so the model's output can be cached whatever the alias file
says. It takes plain (name, label) pairs, not the alias file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from entnorm import data
from entnorm.extraction.screen import Screen

_SUFFIXES = data.words("name_suffixes")
_ENDS = "\0"  # a trie key no word can be: the names that end at a node
#: Up to this many distinct first words, a text is first screened for any of them in one pass in C.
SCREEN_MAX_WORDS = 20_000
#: How names and texts are split into words. A name is only ever tried where a word of the text, case-folded,
#: is its `first_word` (what `kept_alias_spans` relies on).
WORD = re.compile(r"\w+")


def first_word(name: str) -> str | None:
    """The case-folded first word of a name, under which the matcher files it; None for a name with no word."""
    found = WORD.search(name)
    return found.group().casefold() if found else None


class AliasMatcher:
    """Finds (name, label) pairs in raw text as (start, end, label) spans, longest name first.

    Words are compared case-insensitively, with two exceptions: names written in capitals (acronyms) match only
    as written, so that "US" does not match "us"; and a word the name capitalises is not matched in lower case,
    so that "Turkey" does not match "roast turkey" (capitals, as in "TURKEY" in a dateline, do match). The words
    of a name may be separated by spaces, hyphens, apostrophes or dots ("al-Hashimi" = "al Hashimi"). A name
    followed by a generational suffix or a regnal numeral ("Jr.", "XVI") is not that name.
    The names are kept in a trie of words, so matching costs one pass over the words and a dictionary lookup
    for each (and one per further word of a name), however many names there are. A first word's branch of the
    trie is built the first time a text holds that word: a watchlist of 300,000 names costs what the texts
    touch, not its size, on a few articles. With a file of a few thousand names most texts hold none of their
    first words: one Aho-Corasick pass over the case-folded text (a word's case folding is a substring of the
    text's) rules them out before the words are split.
    """

    _WORD = WORD
    _GAP = re.compile(r"[\s\-'’.]{0,3}")
    _SUFFIX_GAP = re.compile(r",?\s{1,2}")
    _NUMERAL = re.compile(r"[IVXLC]{2,}")  # "XVI"; a lone "I" is more often the pronoun

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        # a trie of words (case-folded): each node maps a word to the next node, and lists under _ENDS the
        # names that end there, as (words as written, written in capitals, which words are capitalised, label);
        # names wait in `_waiting`, by their first word, until a text holds it
        self._root: dict = {}
        self._waiting: dict[str, list[tuple[str, str]]] = {}
        for name, label in names:
            if first := first_word(name):
                self._waiting.setdefault(first, []).append((name, label))
        self._screen = Screen(self._waiting) if 0 < len(self._waiting) <= SCREEN_MAX_WORDS else None

    def _branch(self, first: str) -> dict | None:
        """The trie node of a first word (case-folded), its names added on the first call."""
        node = self._root.get(first)
        if node is None and (waiting := self._waiting.pop(first, None)):
            for name, label in waiting:
                words = tuple(self._WORD.findall(name))
                node = self._root
                for word in words:
                    node = node.setdefault(word.casefold(), {})
                exact = name.replace(".", "").replace(" ", "").isupper()
                node.setdefault(_ENDS, []).append((words, exact, tuple(w[:1].isupper() for w in words), label))
            node = self._root[first]
        return node

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if not self._root and not self._waiting:
            return found
        if self._screen is not None and not self._screen.holds_any(text.casefold()):
            return found  # no listed name's first word is in the text
        # one pass over the words: a dictionary lookup for each, then one per further word of a name that
        # starts there, whatever the number of names
        words = [(w.start(), w.end(), w.group()) for w in self._WORD.finditer(text)]
        i = 0
        while i < len(words):
            match = self._match_at(text, words, i) if self._branch(words[i][2].casefold()) is not None else None
            if match:
                end_index, label = match
                found.append((words[i][0], words[end_index][1], label))
                i = end_index + 1
            else:
                i += 1
        return found

    def _match_at(self, text: str, words: list, i: int) -> tuple[int, str] | None:
        """The longest name that starts at words[i] and fits its case rules, as (index of its last word, label)."""
        best = None
        node = self._root
        for j in range(i, len(words)):
            if j > i and not self._GAP.fullmatch(text, words[j - 1][1], words[j][0]):
                break
            node = node.get(words[j][2].casefold())
            if node is None:
                break
            for pattern, exact, capitals, label in node.get(_ENDS, ()):
                if self._fits(words, i, pattern, exact, capitals) and not self._suffixed(text, words, j):
                    best = (j, label)
                    break
        return best

    @staticmethod
    def _fits(words: list, i: int, pattern: tuple[str, ...], exact: bool, capitals: tuple[bool, ...]) -> bool:
        """The words from words[i] are the name as its case rules want: as written for a name in capitals, and
        never in lower case where the name capitalises."""
        for offset, wanted in enumerate(pattern):
            word = words[i + offset][2]
            if (exact and word != wanted) or (capitals[offset] and word[:1].islower()):
                return False
        return True

    def _suffixed(self, text: str, words: list, last: int) -> bool:
        """The name ending at words[last] goes on with a generational suffix or a regnal numeral ("Jr.", "II")."""
        if last + 1 >= len(words):
            return False
        start, _, word = words[last + 1]
        if not self._SUFFIX_GAP.fullmatch(text, words[last][1], start):
            return False
        return word.casefold() in _SUFFIXES or bool(self._NUMERAL.fullmatch(word))


def overlay(
    model_spans: Iterable[tuple[int, int, str]], alias_spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The alias spans, and the model's spans that overlap none of them."""
    kept = [s for s in model_spans if not any(s[0] < a[1] and a[0] < s[1] for a in alias_spans)]
    return sorted(kept + alias_spans)
