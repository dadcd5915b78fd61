"""`aliases check`: every problem of an alias file, the fatal ones that stop a run and the others worth fixing
(a name listed twice, two entries that look like one entity)."""

from __future__ import annotations

from entnorm.aliasfile.table import AliasEntity
from entnorm.aliasfile.validate import Problem, validate
from entnorm.labels import kind_of
from entnorm.names.compare import compare
from entnorm.names.normalize import key
from entnorm.names.parse import parse
from entnorm.resolution.blocking import candidate_pairs
from entnorm.resolution.surfaces import Surface


def check_aliases(text: str, *, path: str = "aliases.yaml") -> list[Problem]:
    """Every problem of an alias file, fatal or not, in file order; also entries of one label whose
    canonical names look like one entity ("Sergei Lavrov" / "Sergey Lavrov"). Only the pairs the resolver's
    blocking would compare are compared, so the check finds what a run would merge, in time linear in the
    file's size."""
    table, problems = validate(text, path)
    by_label: dict[str, list[AliasEntity]] = {}
    for entity in table.entities:
        by_label.setdefault(entity.label, []).append(entity)
    for label, entities in by_label.items():
        kind = kind_of(label)
        names = [parse(e.canonical, kind) for e in entities]
        surfaces = [Surface(key(e.canonical), name=name) for e, name in zip(entities, names, strict=True)]
        # blocked as the resolver blocks: a watchlist of 100,000 entries cannot compare all pairs
        for i, j in candidate_pairs(surfaces):
            a, b = entities[i], entities[j]
            verdict = compare(names[i], names[j])
            if verdict.full and verdict.score > 0:
                problems.append(
                    Problem(
                        b.line,
                        3,
                        f"{b.canonical!r} and {a.canonical!r} (line {a.line}) look like one entity ({verdict.reason})",
                        "merge the two entries, or keep both if they really are different",
                        fatal=False,
                    )
                )
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))
