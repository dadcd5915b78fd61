"""Entities from the resolver's groups: canonical name, label, counts, attributes, and a stable id.

The canonical name is the alias file's, else for a person the fullest, most used spelling, for an organisation
or a place the most used spelled-out one. The label is the alias file's, else the majority among the labels
of the entity's kind. Entities are ordered by mentions (most first), then canonical name; ids are slugs of the
canonical name, a clash getting the label, then a number.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from entnorm.aliasfile.table import AliasTable
from entnorm.labels import DEFAULT_LABEL_OF_KIND, PERSON, kind_of
from entnorm.names.normalize import key, slug
from entnorm.names.parse import parse
from entnorm.records import Entity, Resolution
from entnorm.resolution.surfaces import is_polity

if TYPE_CHECKING:
    from entnorm.resolution.resolver import Analysis


def build_entities(analysis: Analysis, aliases: AliasTable) -> Resolution:
    """One entity per group of `analysis`, and for every mention in order the index of its entity."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for m, c in enumerate(analysis.cluster_of):
        grouped[c].append(m)
    entities = [_entity(c, members, analysis, aliases) for c, members in grouped.items()]
    order = sorted(
        range(len(entities)),
        key=lambda e: (
            -entities[e].mentions,
            entities[e].canonical.casefold(),
            entities[e].label,
            entities[e].canonical,
        ),
    )
    entities = [entities[e] for e in order]
    rank = {old: new for new, old in enumerate(order)}
    _assign_ids(entities)
    cluster_rank = {c: rank[i] for i, c in enumerate(grouped)}
    return Resolution(entities, [cluster_rank[c] for c in analysis.cluster_of])


def _assign_ids(entities: list[Entity]) -> None:
    taken: set[str] = set()
    for entity in entities:
        base = entity.id
        candidate = base if base not in taken else f"{base}-{entity.label.lower()}"
        n = 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        entity.id = candidate


def _entity(cluster: int, members: list[int], analysis: Analysis, aliases: AliasTable) -> Entity:
    mentions, surfaces, surface_of = analysis.mentions, analysis.surfaces, analysis.surface_of
    texts: Counter = Counter(mentions[m].text for m in members)
    labels: Counter = Counter(mentions[m].label for m in members)
    docs = {mentions[m].doc for m in members if mentions[m].doc is not None}
    member_surfaces = sorted({surface_of[m] for m in members})
    alias_ids = {surfaces[s].alias_entity for s in member_surfaces if surfaces[s].alias_entity is not None}
    root_alias = surfaces[cluster].alias_entity
    alias_id = root_alias if root_alias is not None else (min(alias_ids) if alias_ids else None)
    kind = kind_of(surfaces[member_surfaces[0]].label)
    attributes: dict[str, str] = {}
    if alias_id is not None:
        declared = aliases.entities[alias_id]
        canonical, label = declared.canonical, declared.label
        attributes.update(declared.attributes)
    else:
        canonical = min(canonical_candidates(texts), key=lambda t: completeness(t, texts[t], kind))
        own_kind = Counter({lab: n for lab, n in labels.items() if kind_of(lab) == kind})
        label = min(own_kind.items(), key=lambda kv: (-kv[1], kv[0]))[0] if own_kind else DEFAULT_LABEL_OF_KIND[kind]
        if any(surfaces[s].label == "GPE" and is_polity(surfaces[s].text) for s in member_surfaces):
            label = "GPE"  # a state and its acronym ("Lugansk People's Republic", "LPR")
    places = Counter(surfaces[s].place for s in member_surfaces if surfaces[s].place is not None)
    if places and "geonames" not in attributes:
        place = min(places.items(), key=lambda kv: (-kv[1], kv[0].geonameid))[0]
        attributes["geonames"] = str(place.geonameid)
    return Entity(
        id=slug(canonical),
        canonical=canonical,
        label=label,
        mentions=len(members),
        documents=len(docs),
        aliases=sorted(texts.items(), key=lambda kv: (-kv[1], kv[0])),
        attributes=attributes,
    )


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _shouting(text: str) -> bool:
    return text.isupper() and (len(text.split()) > 1 or len(text) > 6)


def canonical_candidates(texts: Counter) -> list[str]:
    """The spellings that may be canonical: a Latin one over another script unless that script is seen more
    often; a mixed-case one over one in capitals ("Moscow" over "MOSCOW", "Kim Jong Un" over "KIM JONG UN")."""
    pool = list(texts)
    latin = [t for t in pool if _is_latin(t)]
    others = max((texts[t] for t in pool if t not in latin), default=0)
    if latin and max(texts[t] for t in latin) >= others:
        pool = latin
    mixed_keys = {key(t) for t in pool if not t.isupper()}
    calm = [t for t in pool if not (t.isupper() and (key(t) in mixed_keys or (mixed_keys and _shouting(t))))]
    return calm or pool


def completeness(text: str, count: int, kind: str) -> tuple:
    """Sort key for the canonical name. A person: the fullest name (most parts), then the most used. An
    organisation or place: the most used spelled-out form ("Bolivia" over "Plurinational State of Bolivia",
    "Deutsche Welle" over "DW"). Ties: capitalised, then longest, then alphabetical."""
    name = parse(text, kind)
    parts = -len(name.strong) if kind == PERSON else 0
    return (parts, name.is_acronym, -count, not text[:1].isupper(), -len(text), text)
