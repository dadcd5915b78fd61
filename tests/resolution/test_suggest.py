from entnorm.aliasfile.read import parse_aliases
from entnorm.resolution.entities import build_entities
from entnorm.resolution.resolver import Resolver
from entnorm.resolution.suggest import suggest

from ..conftest import mention as M


def run(mentions, aliases_text=""):
    table = parse_aliases(aliases_text)
    analysis = Resolver(table).analyse(mentions, keep_comparisons=True)
    resolution = build_entities(analysis, table)
    return [s.as_record() for s in suggest(analysis, resolution, table)]


def test_inferred_merges_and_near_misses():
    mentions = [
        M("Khawa Panga Mandro", doc="a"),
        M("Kawa Panga", doc="b"),
        M("Kawa Mandro", doc="c"),
        M("Kyiv", "GPE", "a"),
    ]
    assert run(mentions) == [
        {
            "id": "m1",
            "kind": "merge",
            "label": "PERSON",
            "canonical": "Khawa Panga Mandro",
            "add": ["Kawa Mandro"],
            "score": 0.795,
            "reason": "grouped by inference",
        },
        {
            "id": "n1",
            "kind": "near-miss",
            "label": "PERSON",
            "canonical": "Khawa Panga Mandro",
            "add": ["Kawa Mandro", "Kawa Panga"],
            "score": 0.795,
            "reason": "shorter form of the name",
        },
    ]


def test_names_already_in_the_alias_file_are_not_suggested():
    mentions = [M("Sergei Lavrov"), M("Sergey Lavrov"), M("Lavrov")]
    assert run(mentions, "PERSON:\n  Sergei Lavrov: [Sergey Lavrov, Lavrov]\n") == []
    assert run(mentions, "PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n") == [
        {
            "id": "m1",
            "kind": "merge",
            "label": "PERSON",
            "canonical": "Sergei Lavrov",
            "add": ["Lavrov"],
            "score": 0.85,
            "reason": "new spellings of an entity in the alias file",
        },
    ]
