from entnorm.aliasfile.read import AliasTable
from entnorm.labels import ORG, PERSON
from entnorm.resolution.entities import completeness
from entnorm.resolution.resolver import Resolver

from ..conftest import mention as M


def test_canonical_is_the_fullest_person_name_and_the_most_used_org_form():
    people = ["Lavrov", "Sergei Lavrov", "Sergei V. Lavrov"]
    assert min(people, key=lambda t: completeness(t, 1, PERSON)) == "Sergei V. Lavrov"
    orgs = {"DW": 5, "Deutsche Welle": 2}
    assert min(orgs, key=lambda t: completeness(t, orgs[t], ORG)) == "Deutsche Welle"


def test_entities_by_mentions_with_slug_ids_and_the_majority_label():
    mentions = [M("Jordan", "GPE"), M("Jordan", "GPE"), M("Michael Jordan"), M("Jordan", "ORG", "x")]
    resolution = Resolver(AliasTable()).resolve(mentions)
    assert [(e.id, e.label, e.mentions, e.documents) for e in resolution.entities] == [
        ("jordan", "GPE", 3, 1),
        ("michael-jordan", "PERSON", 1, 0),
    ]
    assert resolution.entity_of == [0, 0, 1, 0]
