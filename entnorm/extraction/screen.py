"""Does a text hold any of a set of strings? One Aho-Corasick pass in C (pyahocorasick), however many strings:
a cheap test that rules a text out before slower, per-word work on it."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


class Screen:
    """`holds_any(text)`: one of `strings` (empty ones left out) occurs in `text`, as a substring."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for s in strings:
            if s:
                self._automaton.add_word(s, s)
        if len(self._automaton):
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def holds_any(self, text: str) -> bool:
        return bool(len(self._automaton)) and next(self._automaton.iter(text), None) is not None
