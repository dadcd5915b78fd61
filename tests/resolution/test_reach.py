import pytest

from entnorm.aliasfile.read import parse_aliases
from entnorm.names.normalize import key
from entnorm.resolution.reach import entities_in_reach
from entnorm.resolution.resolver import Resolver

from ..conftest import mention as M

TABLE = parse_aliases(
    """\
PERSON:
  Asaad al-Shaibani: [Asaad al-Shibani]
  Shaibani Rami: []
  Asaad Haddad: []
  Omar Kassem: []
ORG:
  Hayat Tahrir al-Sham: []
  Kremlin: []
  Islamic Relief Worldwide: []
GPE:
  Kyiv: [Kiev]
"""
)
NAMES = [e.canonical for e in TABLE.entities]


def reached(*mentions: str) -> list[str]:
    return [NAMES[i] for i in entities_in_reach(TABLE, [key(m) for m in mentions])]


@pytest.mark.parametrize(
    "mention, entities",
    [
        ("Assad al-Sabani", ["Asaad al-Shaibani"]),  # two words agree by their skeletons
        ("al-Shaibani", ["Asaad al-Shaibani"]),  # a family name alone, the particle aside
        ("Asaad", []),  # a given name alone meets no person's family name
        ("Rami", ["Shaibani Rami"]),  # ... but it is the last word of this one
        ("HTS", ["Hayat Tahrir al-Sham"]),  # initials
        ("Tahrir", ["Hayat Tahrir al-Sham"]),  # a word of an organisation's name
        ("Kremlin press service", ["Kremlin"]),  # a one-word name inside a longer mention
        ("Kiyv", ["Kyiv"]),
        ("Relief", ["Islamic Relief Worldwide"]),
        ("Omar Haddad", []),  # each word belongs to another person
        ("", []),
    ],
)
def test_what_a_mention_reaches(mention, entities):
    assert reached(mention) == entities


def test_entities_out_of_reach_change_nothing():
    """Resolving with a file padded with names no mention can meet gives the same entities."""
    mentions = [M(t, doc="a") for t in ["Asaad al-Shibani", "Al Shabani", "Kiev", "HTS", "Hayat Tahrir al-Sham"]]
    padding = "".join(f"  Person{chr(97 + i)}x Bystander{chr(97 + i)}q: []\n" for i in range(20))
    text = "PERSON:\n  Asaad al-Shaibani: [Asaad al-Shibani]\n" + padding + "GPE:\n  Kyiv: [Kiev]\n"
    small = Resolver(parse_aliases("PERSON:\n  Asaad al-Shaibani: [Asaad al-Shibani]\nGPE:\n  Kyiv: [Kiev]\n"))
    padded = Resolver(parse_aliases(text))
    a, b = small.resolve(mentions), padded.resolve(mentions)
    assert [a.entities[e].canonical for e in a.entity_of] == [b.entities[e].canonical for e in b.entity_of]
    assert [a.entities[e].canonical for e in a.entity_of] == [
        "Asaad al-Shaibani",
        "Asaad al-Shaibani",
        "Kyiv",
        "HTS",  # an acronym joins its name only where a text defines it
        "Hayat Tahrir al-Sham",
    ]


def test_a_place_reaches_its_other_names_through_the_gazetteer():
    from entnorm.names.gazetteer import default_gazetteer

    table = parse_aliases("GPE:\n  Kyiv: []\n  Mumbai: []\n")
    places = default_gazetteer().by_key
    assert [table.entities[i].canonical for i in entities_in_reach(table, [key("Bombay")], places)] == ["Mumbai"]
    assert entities_in_reach(table, [key("Bombay")]) == []  # without the gazetteer, nothing says so
