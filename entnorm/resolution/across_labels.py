"""Spellings the recogniser labelled as an organisation that write a place of the same corpus ("NKorea" as ORG
beside "North Korea" as GPE): they take the place's label before matching, since names are blocked and compared
within one kind.

Only a spelling read in documents (a list given to `resolve` keeps its labels), of two words or more, and with
no organisation evidence (a word that says what an organisation is, an acronym) moves, and only to a place it
matches in full: "Kremlin" spells no place and stays an organisation, and "Hamas" is not "Hama" (one word moves
only by the gazetteer's major places, in `surfaces.vote_label`).
"""

from __future__ import annotations

from entnorm.labels import ORG, PLACE, kind_of
from entnorm.names.compare import compare
from entnorm.names.gazetteer import Gazetteer
from entnorm.names.parse import parse
from entnorm.resolution.blocking import candidate_pairs
from entnorm.resolution.surfaces import Surface, has_org_evidence, in_documents, is_short

#: How sure the match with the place must be.
PLACE_MATCH = 0.85


def _movable(s: Surface) -> bool:
    return (
        s.matchable
        and s.alias_entity is None
        and kind_of(s.label) == ORG
        and s.name is not None
        and len(s.name.tokens) >= 2
        and in_documents(s)
        and not has_org_evidence(s.text)
    )


def as_places(surfaces: list[Surface]) -> list[Surface]:
    """The organisation spellings that may move, read as places: what they would be compared with places as
    (and so what the alias file's places they can reach)."""
    return [Surface(s.key, name=parse(s.text, PLACE)) for s in surfaces if _movable(s)]


def places_labelled_as_organisations(surfaces: list[Surface], gazetteer: Gazetteer) -> int:
    """Give each movable organisation spelling that matches a place spelling in full (one of the corpus, or
    of the alias file) that place's label (and its reading as a place); returns how many moved."""
    orgs = [i for i, s in enumerate(surfaces) if _movable(s)]
    places = [i for i, s in enumerate(surfaces) if s.matchable and kind_of(s.label) == PLACE and s.name is not None]
    if not orgs or not places:
        return 0
    readings = as_places(surfaces)  # in the order of `orgs`
    pool = [surfaces[i] for i in places] + readings
    best: dict[int, tuple[float, int]] = {}
    for a, b in candidate_pairs(pool):
        if not a < len(places) <= b:
            continue
        verdict = compare(pool[b].name, pool[a].name)  # type: ignore[arg-type]
        org = b - len(places)
        sure = verdict.full and not verdict.conflict and verdict.score >= PLACE_MATCH
        if sure and verdict.score > best.get(org, (0.0, 0))[0]:
            best[org] = (verdict.score, places[a])
    for org, (_, place) in sorted(best.items()):
        s = surfaces[orgs[org]]
        s.label = surfaces[place].label
        s.name = readings[org].name
        s.place = gazetteer.lookup(s.text)
        s.short = is_short(s.name)  # type: ignore[arg-type]
        s.blocking = None  # keyed again, as the place it now is
    return len(best)
