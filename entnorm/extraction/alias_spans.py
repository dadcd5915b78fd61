"""The alias file's names found in raw text, so that a listed name is a mention with its entity's label even where
the model misses it or labels it otherwise (an acronym; a surname as ORG; a city as PERSON).

It runs on the text, not in the spaCy pipeline, so the model's output can be cached whatever the alias file
says. It takes plain (name, label) pairs, not the alias file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class AliasMatcher:
    """Finds (name, label) pairs in raw text as (start, end, label) spans, longest name first.

    Words are compared case-insensitively, except names written in capitals (acronyms), which match only as
    written so that "US" does not match "us"; the words of a name may be separated by spaces, hyphens,
    apostrophes or dots ("al-Hashimi" = "al Hashimi"). Matching costs one pass over the words.
    """

    _WORD = re.compile(r"\w+")
    _GAP = re.compile(r"[\s\-'’.]{0,3}")

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for name, label in names:
            words = tuple(self._WORD.findall(name))
            if not words:
                continue
            exact = name.replace(".", "").replace(" ", "").isupper()
            pattern = words if exact else tuple(w.casefold() for w in words)
            self._by_first.setdefault(pattern[0].casefold(), []).append((pattern, exact, label))
        for patterns in self._by_first.values():
            patterns.sort(key=lambda p: -len(p[0]))  # longest name first
        self._longest = max((len(p[0]) for ps in self._by_first.values() for p in ps), default=1)
        firsts = sorted(self._by_first, key=len, reverse=True)
        # one C-speed scan for the first words; only their neighbourhoods are looked at word by word
        self._first = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, firsts)) + r")(?!\w)", re.IGNORECASE) if firsts else None
        )

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if self._first is None:
            return found
        resume = 0
        for hit in self._first.finditer(text):
            if hit.start() < resume:
                continue
            words = []
            for w in self._WORD.finditer(text, hit.start()):
                words.append((w.start(), w.end(), w.group()))
                if len(words) >= self._longest:
                    break
            match = self._match_at(text, words, 0)
            if match:
                end_index, label = match
                found.append((words[0][0], words[end_index][1], label))
                resume = words[end_index][1]
        return found

    def _match_at(self, text: str, words: list, i: int) -> tuple[int, str] | None:
        for pattern, exact, label in self._by_first.get(words[i][2].casefold(), ()):
            if i + len(pattern) > len(words):
                continue
            ok = True
            for offset, wanted in enumerate(pattern):
                start, _end, word = words[i + offset]
                if (word if exact else word.casefold()) != wanted:
                    ok = False
                    break
                if offset and not self._GAP.fullmatch(text, words[i + offset - 1][1], start):
                    ok = False
                    break
            if ok:
                return i + len(pattern) - 1, label
        return None


def overlay(
    model_spans: Iterable[tuple[int, int, str]], alias_spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The alias spans, and the model's spans that overlap none of them."""
    kept = [s for s in model_spans if not any(s[0] < a[1] and a[0] < s[1] for a in alias_spans)]
    return sorted(kept + alias_spans)
