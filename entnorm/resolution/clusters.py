"""Grouping surfaces: a union-find that refuses bad merges, and the merge phases the resolver runs in order.

1. `group_alias_entities`: the spellings of one alias-file entity start as one group.
2. `merge_same_sounds`: spellings that sound alike word for word ("al-Hashimi" / "Al Hashimi") are one name;
   only one of them (its representative) is compared with the rest.
3. (the resolver judges the candidate pairs found by `blocking`)
4. `merge_full_names`: full names merge best match first, refused across a contradiction unless agreement
   dominates (`AGREEMENT_RATIO`), so A~B and B~C never join A and C when A and C disagree.
5. `attach_short_forms`: a one-word name or an acronym attaches, per document, to a full name of that document
   when one matches there, otherwise to the best-supported full name in the whole input.
6. `attach_given_names`: a one-word person name that is the first name of exactly one person of its document,
   and no family name there, is that person ("Raúl" after "Raúl Castro").
7. `group_lone_short_forms`: short forms that match no full name group among themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from entnorm.labels import PERSON
from entnorm.names.phonetic import sound
from entnorm.resolution.blocking import sound_signature
from entnorm.resolution.surfaces import Surface

#: Two groups whose names contradict each other somewhere merge only if at least this many pairs across them
#: agree for every pair that contradicts.
AGREEMENT_RATIO = 4
#: Among candidate full names for a short form, those within this score of the best count as equally good,
#: and the one with most mentions wins.
SCORE_BAND = 0.1


@dataclass(slots=True)
class _Group:
    members: list[int]
    alias_entity: int | None


class Clusters:
    """Union-find over surfaces that refuses merges across a contradiction or two alias-file entities."""

    def __init__(self, surfaces: list[Surface]) -> None:
        self.parent = list(range(len(surfaces)))
        self.alias_entities = [s.alias_entity for s in surfaces]
        self.groups: dict[int, _Group] = {}  # made on the first merge; a lone surface needs none
        self.conflicts: dict[int, list[int]] = defaultdict(list)
        self.matches: dict[int, list[int]] = defaultdict(list)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_merge(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ga, gb = self._group(ra), self._group(rb)
        if ga.alias_entity is not None and gb.alias_entity is not None:
            return False
        small, other = (ga, rb) if len(ga.members) <= len(gb.members) else (gb, ra)
        conflicts = sum(self.find(n) == other for m in small.members for n in self.conflicts.get(m, ()))
        if not conflicts:
            return True
        # Relatives and namesakes contradict on (nearly) every pair of their spellings; one odd spelling of a
        # large group (a typo in one list of aliases) contradicts a few. Merge only when agreement dominates.
        agreements = sum(self.find(n) == other for m in small.members for n in self.matches.get(m, ()))
        return agreements >= AGREEMENT_RATIO * conflicts

    def _group(self, root: int) -> _Group:
        return self.groups.get(root) or _Group([root], self.alias_entities[root])

    def merge(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self._group(ra).members) < len(self._group(rb).members):
            ra, rb = rb, ra
        kept, absorbed = self._group(ra), self._group(rb)
        self.groups.pop(rb, None)
        self.groups[ra] = kept
        self.parent[rb] = ra
        kept.members.extend(absorbed.members)
        if kept.alias_entity is None:
            kept.alias_entity = absorbed.alias_entity


def group_alias_entities(clusters: Clusters, surfaces: list[Surface]) -> None:
    first_of_entity: dict[int, int] = {}
    for i, s in enumerate(surfaces):
        if s.alias_entity is not None:
            first = first_of_entity.setdefault(s.alias_entity, i)
            if first != i:
                clusters.merge(first, i)


def merge_same_sounds(clusters: Clusters, surfaces: list[Surface]) -> list[int]:
    """Merge spellings with equal sound signatures; returns each surface's representative (itself for most)."""
    representative = list(range(len(surfaces)))
    first_of_sound: dict[tuple, int] = {}
    for i, s in enumerate(surfaces):
        if not s.matchable:
            continue
        first = first_of_sound.setdefault(sound_signature(s), i)
        if first != i and clusters.can_merge(first, i):
            clusters.merge(first, i)
            representative[i] = first
    return representative


def anchored(s: Surface) -> bool:
    """Full names and alias-file entities can take short forms."""
    return not s.short or s.alias_entity is not None


def merge_full_names(clusters: Clusters, surfaces: list[Surface], matches: list[tuple[bool, float, int, int]]) -> None:
    for _, _, i, j in matches:
        if anchored(surfaces[i]) and anchored(surfaces[j]) and clusters.can_merge(i, j):
            clusters.merge(i, j)


def attach_short_forms(
    clusters: Clusters,
    surfaces: list[Surface],
    matches: list[tuple[bool, float, int, int]],
    representative: list[int],
) -> tuple[dict[tuple[int, str | None], int], set[int]]:
    """For each (short surface, document), the group it attaches to; and the short surfaces that had a choice."""
    options: dict[int, dict[int, float]] = defaultdict(dict)
    for _, score, i, j in matches:
        for short, other in ((i, j), (j, i)):
            if not anchored(surfaces[short]) and anchored(surfaces[other]):
                root = clusters.find(other)
                options[short][root] = max(score, options[short].get(root, 0.0))
    for i, r in enumerate(representative):
        if r != i and r in options:
            options[i] = options[r]
    docs_of: dict[int, set] = defaultdict(set)
    mentions_of: Counter = Counter()
    for i, s in enumerate(surfaces):
        if anchored(s):
            docs_of[clusters.find(i)].update(s.docs)
            mentions_of[clusters.find(i)] += s.mentions
    attached: dict[tuple[int, str | None], int] = {}
    for short, choices in options.items():
        for doc in surfaces[short].docs:
            local = {c: sc for c, sc in choices.items() if doc is not None and doc in docs_of[c]}
            pool = local or choices
            best = max(pool.values())
            near = [c for c, sc in pool.items() if sc >= best - SCORE_BAND]
            attached[(short, doc)] = min(near, key=lambda c: (-mentions_of[c], -pool[c], surfaces[c].key))
    return attached, set(options)


def attach_given_names(
    clusters: Clusters, surfaces: list[Surface], attached: dict[tuple[int, str | None], int]
) -> None:
    """A one-word person name that matches no family name in its document is a given name there when exactly
    one person of that document has it as their first name ("Raúl" after "Raúl Castro"); `attached` gains
    those (surface, document) pairs. Two people of one document with that first name: it stays alone."""
    people: dict[str | None, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    families: dict[str | None, set[str]] = defaultdict(set)
    for i, s in enumerate(surfaces):
        if anchored(s) and s.name is not None and s.name.kind == PERSON and len(s.name.strong) > 1:
            for doc in s.docs:
                if doc is not None:
                    people[doc][sound(s.name.tokens[0])].add(clusters.find(i))
                    families[doc].add(sound(s.name.strong[-1]))
    if not people:
        return
    roots_of = {doc: {root for roots in by_first.values() for root in roots} for doc, by_first in people.items()}
    for i, s in enumerate(surfaces):
        if anchored(s) or s.name is None or s.name.kind != PERSON or len(s.name.strong) != 1:
            continue
        given = sound(s.name.strong[0])
        for doc in s.docs:
            if doc not in people:
                continue  # no full name of a person in that document (or no document at all)
            local = attached.get((i, doc))
            if local is not None and clusters.find(local) in roots_of[doc]:
                continue  # a family name of this document already took it
            if given in families[doc]:
                continue  # it is a family name in this document ("Assad" beside "Bashar Assad")
            candidates = people[doc].get(given, set())
            if len(candidates) == 1:
                attached[(i, doc)] = next(iter(candidates))


def group_lone_short_forms(
    clusters: Clusters, surfaces: list[Surface], matches: list[tuple[bool, float, int, int]], attachable: set[int]
) -> None:
    for _, _, i, j in matches:
        if anchored(surfaces[i]) or anchored(surfaces[j]) or i in attachable or j in attachable:
            continue
        if clusters.can_merge(i, j):
            clusters.merge(i, j)
