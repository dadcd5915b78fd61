"""Entries of an alias file that look like one entity ("Sergei Lavrov" / "Sergey Lavrov" listed apart): what a
run would merge if the file did not keep them apart, found with the resolver's own blocking and comparison."""

from __future__ import annotations

from collections.abc import Iterator

from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.labels import kind_of
from entnorm.names.compare import compare
from entnorm.names.normalize import key
from entnorm.names.parse import parse
from entnorm.resolution.blocking import candidate_pairs
from entnorm.resolution.surfaces import Surface


def alike_entries(table: AliasTable) -> Iterator[tuple[AliasEntity, AliasEntity, str]]:
    """(earlier entry, later entry, reason) for entries of one label whose canonical names match in full.
    Only the pairs the resolver's blocking would compare are compared, so a watchlist of 100,000 entries is
    checked in time linear in its size, not quadratic."""
    by_label: dict[str, list[AliasEntity]] = {}
    for entity in table.entities:
        by_label.setdefault(entity.label, []).append(entity)
    for label, entities in by_label.items():
        kind = kind_of(label)
        names = [parse(e.canonical, kind) for e in entities]
        surfaces = [Surface(key(e.canonical), name=name) for e, name in zip(entities, names, strict=True)]
        for i, j in candidate_pairs(surfaces):
            verdict = compare(names[i], names[j])
            if verdict.full and verdict.score > 0:
                yield entities[i], entities[j], verdict.reason
