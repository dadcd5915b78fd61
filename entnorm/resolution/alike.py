"""Entries of an alias file that look like one entity ("Sergei Lavrov" / "Sergey Lavrov" listed apart): what a
run would merge if the file did not keep them apart, found with the resolver's own blocking and comparison."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.labels import kind_of
from entnorm.names.compare import compare
from entnorm.names.normalize import key
from entnorm.names.parse import Name, parse
from entnorm.names.verdict import Verdict
from entnorm.resolution.blocking import candidate_pairs
from entnorm.resolution.surfaces import Surface
from entnorm.resolution.verdicts import judged


def alike_entries(table: AliasTable, *, jobs: int = 1) -> Iterator[tuple[AliasEntity, AliasEntity, str]]:
    """(earlier entry, later entry, reason) for entries of one label whose canonical names match in full.
    Only the pairs the resolver's blocking would compare are compared, so a watchlist of 100,000 entries is
    checked in time linear in its size, not quadratic; in `jobs` processes when there are many
    (`verdicts`)."""
    by_label: dict[str, list[AliasEntity]] = {}
    for entity in table.entities:
        by_label.setdefault(entity.label, []).append(entity)
    for label, entities in by_label.items():
        kind = kind_of(label)
        names = [parse(e.canonical, kind) for e in entities]
        surfaces = [Surface(key(e.canonical), name=name) for e, name in zip(entities, names, strict=True)]
        pairs = candidate_pairs(surfaces)
        for i, j, verdict in judged(pairs, _comparing(names), jobs=jobs):
            if verdict.full and verdict.score > 0:
                yield entities[i], entities[j], verdict.reason


def _comparing(names: list[Name]) -> Callable[[int, int], Verdict]:
    return lambda i, j: compare(names[i], names[j])
