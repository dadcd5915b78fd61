"""The shipped aliases.yaml passes `aliases check`, and every name in it resolves to its own entity."""

from entnorm.aliasfile.read import load_aliases
from entnorm.jobs import check_alias_file as check_aliases
from entnorm.resolution.resolver import Resolver

from .conftest import REPO
from .conftest import mention as M


def test_the_shipped_file_has_no_problems():
    path = REPO / "aliases.yaml"
    assert [p.describe("aliases.yaml") for p in check_aliases(path.read_text(encoding="utf-8"))] == []


def test_every_name_resolves_to_its_own_canonical():
    table = load_aliases(REPO / "aliases.yaml")
    assert len(table) > 10
    mentions = [M(name, entity.label) for entity in table.entities for name in entity.names]
    res = Resolver(table).resolve(mentions)
    expected = [entity.canonical for entity in table.entities for _ in entity.names]
    assert [res.entities[e].canonical for e in res.entity_of] == expected
