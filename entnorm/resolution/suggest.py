"""Suggestions for aliases.yaml from a resolved corpus: what inference merged, and what it nearly merged.

A *merge* is an entity whose spellings the alias file does not list yet: writing it pins the grouping (and its
canonical name) for future runs. A *near miss* is a pair of entities holding two names that match but were
kept apart; writing it files both entities' spellings under the first, which fixes a wrong split. Merges
are written by `--write`; near misses only when accepted by id, since they need a human look.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from entnorm.aliasfile.table import AliasTable
from entnorm.aliasfile.write import Addition
from entnorm.labels import kind_of
from entnorm.names.compare import compare
from entnorm.names.normalize import key
from entnorm.names.parse import parse
from entnorm.records import Entity, Resolution
from entnorm.resolution.diagnostics import near_misses

if TYPE_CHECKING:
    from entnorm.resolution.resolver import Analysis


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One reviewable change to the alias file."""

    id: str
    kind: str  # "merge" or "near-miss"
    label: str
    canonical: str
    add: tuple[str, ...]
    score: float
    reason: str

    def as_record(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "canonical": self.canonical,
            "add": list(self.add),
            "score": self.score,
            "reason": self.reason,
        }

    def additions(self) -> list[Addition]:
        return [Addition(name, self.canonical, self.label) for name in (self.canonical, *self.add)]


def _unlisted(entity: Entity, table: AliasTable) -> list[str]:
    """The entity's spellings the alias file does not list, one per match key, most used first."""
    seen = {key(entity.canonical)}
    out = []
    for text, _ in entity.aliases:
        k = key(text)
        if k not in seen and table.lookup(text) is None:
            seen.add(k)
            out.append(text)
    return out


def suggest(analysis: Analysis, resolution: Resolution, table: AliasTable) -> list[Suggestion]:
    """Merges first (most mentioned entity first), then near misses (best score first).

    `analysis` must keep its comparisons (`Resolver.analyse(..., keep_comparisons=True)`), and `resolution` is
    the entities built from it."""
    out: list[Suggestion] = []
    for entity in resolution.entities:
        add = _unlisted(entity, table)
        if not add:
            continue
        kind = kind_of(entity.label)
        canonical = parse(entity.canonical, kind)
        score = min(compare(canonical, parse(text, kind)).score for text in add)
        known = table.lookup(entity.canonical) is not None
        reason = "new spellings of an entity in the alias file" if known else "grouped by inference"
        out.append(
            Suggestion(f"m{len(out) + 1}", "merge", entity.label, entity.canonical, tuple(add), round(score, 3), reason)
        )
    merges = len(out)
    for a, b, verdict in near_misses(analysis, resolution):
        keep, other = resolution.entities[a], resolution.entities[b]
        if table.lookup(other.canonical) is not None and table.lookup(keep.canonical) is not None:
            continue  # two alias-file entities: the user keeps them apart on purpose
        if table.lookup(other.canonical) is not None:
            keep, other = other, keep
        # the kept entity's own spellings too: once filed, they no longer depend on inference
        add = _unlisted(keep, table) + [text for text, _ in other.aliases if table.lookup(text) is None]
        add = list(dict.fromkeys(t for t in add if key(t) != key(keep.canonical)))
        out.append(
            Suggestion(
                f"n{len(out) - merges + 1}",
                "near-miss",
                keep.label,
                keep.canonical,
                tuple(add),
                round(verdict.score, 3),
                verdict.reason,
            )
        )
    return out
