"""Why names went where they went: `explain` for one name, `near_misses` for the whole input.

Both read the resolver's `Analysis` (made with `keep_comparisons=True`) and never resolve again: a verdict they
report is the one the resolver acted on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from entnorm.names.compare import NO_MATCH, Verdict
from entnorm.names.normalize import key
from entnorm.records import Candidate, Explanation, Resolution

if TYPE_CHECKING:
    from entnorm.resolution.resolver import Analysis, Resolver


def _entity_of_surfaces(analysis: Analysis, resolution: Resolution) -> dict[int, int]:
    """The entity (index) of each surface that has mentions: that of its first mention."""
    entity_of: dict[int, int] = {}
    for m, s in enumerate(analysis.surface_of):
        entity_of.setdefault(s, resolution.entity_of[m])
    return entity_of


def _compared(analysis: Analysis, a: int, b: int) -> bool:
    ra, rb = analysis.representative[a], analysis.representative[b]
    comparisons = analysis.comparisons or {}
    return ra == rb or (min(ra, rb), max(ra, rb)) in comparisons


def explain(
    resolver: Resolver, analysis: Analysis, resolution: Resolution, mention: int, *, near_misses: int = 5
) -> Explanation:
    """Why mention number `mention` of the analysed input resolved where it did.

    Every name of the same kind that matches or contradicts it is listed with its score and the reason (names
    the resolver never compared with it say so); then the `near_misses` most similar-looking names that did
    neither.
    """
    from rapidfuzz import fuzz

    if analysis.comparisons is None:
        raise ValueError("explain needs an Analysis made with keep_comparisons=True")
    surfaces = analysis.surfaces
    t = analysis.surface_of[mention]
    target = surfaces[t]
    entity_of = _entity_of_surfaces(analysis, resolution)
    entity_of_alias = {s.alias_entity: entity_of[i] for i, s in enumerate(surfaces) if i in entity_of}
    kind = target.name.kind  # type: ignore[union-attr]
    outcomes, misses = [], []
    for i, s in enumerate(surfaces):
        if i == t or not s.matchable or s.name is None or s.name.kind != kind:
            continue
        verdict = resolver.judge(target, s)
        if not _compared(analysis, t, i):
            verdict = Verdict(
                0.0, False, False, f"not compared (no blocking key in common); would be: {verdict.reason}"
            )
        index = entity_of.get(i, entity_of_alias.get(s.alias_entity) if s.alias_entity is not None else None)
        entity = resolution.entities[index].id if index is not None else ""
        outcome = "conflict" if verdict.conflict else "match" if verdict.score > 0 else "no match"
        row = Candidate(s.text, s.label, entity, round(verdict.score, 3), outcome, verdict.reason)
        if outcome == "no match":
            misses.append((-fuzz.token_sort_ratio(key(target.text), s.key), s.key, row))
        else:
            outcomes.append(row)
    outcomes.sort(key=lambda c: (c.outcome != "match", -c.score, c.text))
    misses.sort(key=lambda m: m[:2])
    return Explanation(
        resolution.entities[resolution.entity_of[mention]], outcomes + [m[2] for m in misses[:near_misses]]
    )


def near_misses(analysis: Analysis, resolution: Resolution) -> list[tuple[int, int, Verdict]]:
    """Pairs of entities (indices into `resolution.entities`) holding two names that match but were not
    merged (a contradiction elsewhere, or a short form that went to a better candidate); best pair first."""
    if analysis.comparisons is None:
        raise ValueError("near_misses needs an Analysis made with keep_comparisons=True")
    entity_of = _entity_of_surfaces(analysis, resolution)
    best: dict[tuple[int, int], Verdict] = {}
    for (i, j), verdict in sorted(analysis.comparisons.items()):
        a, b = entity_of.get(i), entity_of.get(j)
        if a is None or b is None or a == b:
            continue
        pair = (min(a, b), max(a, b))
        if verdict.score > 0 and verdict.score > best.get(pair, NO_MATCH).score:
            best[pair] = verdict
    return sorted(((a, b, v) for (a, b), v in best.items()), key=lambda t: (-t[2].score, t[0], t[1]))
