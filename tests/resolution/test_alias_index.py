import pytest

from entnorm.aliasfile.read import parse_aliases
from entnorm.names.gazetteer import default_gazetteer
from entnorm.resolution import alias_index as index_module
from entnorm.resolution.alias_index import alias_index
from entnorm.resolution.resolver import Resolver
from entnorm.resolution.surfaces import build_surfaces

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
  Mumbai: []
"""
)
INDEX = alias_index(TABLE, default_gazetteer())


def reached(*mentions: tuple[str, str]) -> list[str]:
    surfaces, _ = build_surfaces([M(text, label, "a") for text, label in mentions], TABLE, default_gazetteer())
    return [INDEX.keys[i] for i in INDEX.in_reach(surfaces)]


@pytest.mark.parametrize(
    "mention, names",
    [
        # two words agree by their skeletons, with the given name; and a rare word meets every full name
        # holding it, as the blocker has it (`blocking.RARE_WORD_BLOCK`)
        (("Assad al-Sabani", "PERSON"), ["asaad al shaibani", "asaad al shibani", "shaibani rami", "asaad haddad"]),
        (("Assad Sabani", "ORG"), []),  # names are blocked within their kind
        (("al-Shaibani", "PERSON"), ["asaad al shaibani", "asaad al shibani"]),  # a family name alone
        (("Asaad", "PERSON"), []),  # a given name alone meets no person's family name
        (("Rami", "PERSON"), ["shaibani rami"]),  # ... but it is the last word of this one
        (("HTS", "ORG"), ["hayat tahrir al sham"]),  # initials
        (("Tahrir", "ORG"), ["hayat tahrir al sham"]),  # a word of an organisation's name
        (("Kremlin press service", "ORG"), ["kremlin"]),  # a one-word name inside a longer mention
        (("Kiyv", "GPE"), ["kyiv", "kiev"]),  # the spellings whose sound, vowels aside, is its own
        (("Bombay", "GPE"), ["mumbai"]),  # the gazetteer's other names of a place
        (("Relief", "ORG"), ["islamic relief worldwide"]),
        (("Omar Haddad", "PERSON"), ["asaad haddad", "omar kassem"]),  # rare words, each of another person
        (("Kremlin", "ORG"), []),  # a listed spelling is its entity's already
    ],
)
def test_what_a_mention_reaches(mention, names):
    assert reached(mention) == names


def test_listed_names_out_of_reach_change_nothing():
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


def test_a_listed_name_becomes_a_surface_with_its_entity_and_keys():
    surface = INDEX.surface(INDEX.keys.index("kiev"))
    assert (surface.key, surface.text, surface.label, surface.mentions, surface.alias_entity) == (
        "kiev",
        "Kiev",
        "GPE",
        0,
        7,
    )
    assert surface.place is not None and surface.place.name == "Kyiv" and surface.short
    assert surface.blocking == (
        ("*%place:kp", "*geo:703448", "place=kav", "place=kev"),
        ("*geo:703448", "*place=kf", "place=kav", "place=kev"),
    )


def test_out_of_reach_names_count_in_a_key_size():
    spellings = [INDEX.surface(INDEX.keys.index(k)) for k in ("asaad al shaibani", "asaad al shibani")]
    family = "PL:spn"  # the family name both spellings end in, by its skeleton
    assert INDEX.filed_count(family) == 2
    assert INDEX.outside(spellings[:1])(family) == 1 and INDEX.outside(spellings)(family) == 0


def big_table(n: int, extra: str = ""):
    lines = ["PERSON:"] + [f"  Person{i:05d} Family{i % 97:02d}x: [P{i:05d} Family{i % 97:02d}x]" for i in range(n)]
    return parse_aliases("\n".join(lines) + "\n" + extra)


def test_a_big_file_is_indexed_once_and_an_edit_prepares_only_its_new_names(monkeypatch):
    gazetteer = default_gazetteer()
    table = big_table(index_module.MIN_ENTITIES)
    first = alias_index(table, gazetteer)
    prepared = []
    real = index_module._prepare
    monkeypatch.setattr(index_module, "_prepare", lambda *a: prepared.append(a[0]) or real(*a))
    again = alias_index(table, gazetteer)
    assert prepared == [] and again.keys == first.keys and again.filed == first.filed
    edited = big_table(index_module.MIN_ENTITIES, "GPE:\n  Kyiv: [Kiev]\n")
    after = alias_index(edited, gazetteer)
    assert prepared == ["Kyiv", "Kiev"]
    assert after.keys[: len(first)] == first.keys and after.records[: len(first)] == first.records


def test_an_index_updated_after_an_edit_equals_one_built_anew(monkeypatch):
    gazetteer = default_gazetteer()
    n = index_module.MIN_ENTITIES
    alias_index(big_table(n), gazetteer)
    lines = big_table(n).entities
    text = "PERSON:\n" + "".join(
        f"  {e.canonical}: [{', '.join(e.aliases)}]\n"
        for i, e in enumerate(lines)
        if i != 10  # one entity gone
    )
    text = text.replace("  Person00020 ", "  Kim Jong-un: []\n  Person00020 ")  # one new in the middle
    text = text.replace("[P00030 Family30x]", "[P00030 Family30x, Persson Family30x]")  # one more name
    edited = parse_aliases(text + "GPE:\n  Kyiv: [Kiev]\n")
    updated = alias_index(edited, gazetteer)
    monkeypatch.setattr(index_module, "_newest_kept", lambda: None)
    monkeypatch.setattr(index_module, "_read", lambda path: None)
    anew = alias_index(edited, gazetteer)
    for part in ("keys", "entities", "labels", "texts", "records", "sounds", "filed", "probed"):
        assert getattr(updated, part) == getattr(anew, part), part


def test_a_name_holding_the_text_separator_is_indexed_and_the_next_index_is_built_anew(monkeypatch):
    gazetteer = default_gazetteer()
    table = big_table(index_module.MIN_ENTITIES, 'GPE:\n  "Odd\\x1fName": []\n')
    assert table.lookup("Odd\x1fName") is not None
    first = alias_index(table, gazetteer)
    assert first.texts == "" and index_module._texts(first) is None
    prepared = []
    real = index_module._prepare
    monkeypatch.setattr(index_module, "_prepare", lambda *a: prepared.append(a[0]) or real(*a))
    after = alias_index(big_table(index_module.MIN_ENTITIES, "GPE:\n  Kyiv: [Kiev]\n"), gazetteer)
    assert len(prepared) == len(after.keys)  # nothing taken from an index whose texts it could not keep


def test_a_damaged_index_file_is_built_again(monkeypatch):
    gazetteer = default_gazetteer()
    table = big_table(index_module.MIN_ENTITIES)
    first = alias_index(table, gazetteer)
    for path in index_module._folder().glob("*.marshal"):
        path.write_bytes(b"\x00not an index")
    assert alias_index(table, gazetteer).filed == first.filed


def test_an_organisation_spelling_reaches_and_takes_a_listed_place():
    """The recogniser's ORG for a spelling of a place only the alias file names: read as a place, it reaches
    the listed place, takes its label and joins it."""
    table = parse_aliases("GPE:\n  Deir Hafer: [Dayr Hafir]\n")
    resolution = Resolver(table).resolve([M("Deir Hafir", "ORG", "a")])
    entity = resolution.entities[resolution.entity_of[0]]
    assert (entity.canonical, entity.label) == ("Deir Hafer", "GPE")


def test_the_reach_keeps_each_spelling_s_keys_for_the_blocker_and_the_resolver_drops_them():
    from entnorm.resolution.blocking import blocking_keys

    surfaces, _ = build_surfaces([M("Assad al-Sabani", "PERSON", "a")], TABLE, default_gazetteer())
    assert surfaces[0].blocking is None
    keys = blocking_keys(surfaces[0])
    INDEX.in_reach(surfaces)
    assert surfaces[0].blocking == keys
    resolver = Resolver(TABLE)
    analysis = resolver.analyse([M("Assad al-Sabani", "PERSON", "a"), M("Asaad Haddad", "PERSON", "a")])
    assert [s.blocking for s in analysis.surfaces] == [None] * len(analysis.surfaces)  # judged: dropped


def test_unpacked_names_share_their_words_and_keys():
    gazetteer = default_gazetteer()
    first = index_module.unpack(index_module.pack(index_module.prepare("Asaad Haddad", "person", gazetteer)))
    second = index_module.unpack(index_module.pack(index_module.prepare("Asaad Kassem", "person", gazetteer)))
    assert first[0].tokens == ("asaad", "haddad") and second[0].tokens == ("asaad", "kassem")
    assert first[0].tokens[0] is second[0].tokens[0]
    shared = set(first[2][0]) & set(second[2][0])
    assert shared
    for k in shared:
        assert first[2][0][first[2][0].index(k)] is second[2][0][second[2][0].index(k)]
    assert first[0] == index_module.prepare("Asaad Haddad", "person", gazetteer).name
