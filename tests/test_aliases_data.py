"""The shipped aliases.yaml is valid, and every name in it resolves to its own entity."""

from dataclasses import dataclass

from entnorm.aliasfile.read import load_aliases
from entnorm.resolution.resolver import Resolver

from .conftest import REPO


@dataclass(frozen=True)
class M:
    text: str
    label: str
    doc: None = None


def test_every_name_resolves_to_its_own_canonical():
    table = load_aliases(REPO / "aliases.yaml")
    assert len(table) > 10
    mentions = [M(name, entity.label) for entity in table.entities for name in entity.names]
    res = Resolver(table).resolve(mentions)
    expected = [entity.canonical for entity in table.entities for _ in entity.names]
    assert [res.entities[e].canonical for e in res.entity_of] == expected
