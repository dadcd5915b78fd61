"""The outcome of comparing two names, shared by the comparisons of `compare` and `distinguish`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of comparing two names. `score` > 0 means they may be merged; `conflict` means they must not
    end up in one entity (even through a third name)."""

    score: float
    conflict: bool
    full: bool
    reason: str


NO_MATCH = Verdict(0.0, False, False, "no name part in common")
