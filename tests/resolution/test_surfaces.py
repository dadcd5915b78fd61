import pytest

from entnorm.aliasfile.read import AliasTable, parse_aliases
from entnorm.names.gazetteer import default_gazetteer
from entnorm.resolution.surfaces import Surface, Tally, build_surfaces, with_listed_names

from ..conftest import mention as M


def test_tally_counts_one_value_without_a_dict_then_many():
    tally = Tally()
    tally.add("a")
    tally.add("a")
    assert tally.items() == [("a", 2)] and tally._many is None
    tally.add("b", 3)
    assert tally.most_common() == [("b", 3), ("a", 2)] and tally.total() == 5


def test_surfaces_by_key_with_their_label():
    mentions = [M("Kiev", "PERSON"), M("Kiev", "GPE"), M("Kyiv", "GPE"), M("Budapest", "ORG")]
    surfaces, surface_of = build_surfaces(mentions, AliasTable(), default_gazetteer())
    assert [(s.key, s.label, s.mentions) for s in surfaces] == [
        ("budapest", "GPE", 1),  # a major place the recogniser called ORG
        ("kiev", "GPE", 2),  # a tie broken by the gazetteer
        ("kyiv", "GPE", 1),
    ]
    assert surface_of == [1, 1, 2, 0]


def test_a_listed_spelling_is_its_entity_with_the_file_label():
    table = parse_aliases("ORG:\n  Kremlin: [Kremlin Palace]\n")
    surfaces, surface_of = build_surfaces(
        [M("Kremlin", "PERSON"), M("Kremlin Palase", "ORG")], table, default_gazetteer()
    )
    assert [(s.key, s.label, s.mentions, s.alias_entity) for s in surfaces] == [
        ("kremlin", "ORG", 1, 0),
        ("kremlin palase", "ORG", 1, None),  # the file's other names join later, by reach
    ]
    assert surface_of == [0, 1]


def test_listed_names_join_in_key_order_and_mentions_are_renumbered():
    table = parse_aliases("ORG:\n  Kremlin: [Kremlin Palace]\n")
    surfaces, surface_of = build_surfaces(
        [M("Kremlin Palase", "ORG"), M("Kremlin", "PERSON")], table, default_gazetteer()
    )
    listed = [Surface("kremlin palace", Tally("Kremlin Palace"), Tally("ORG"), alias_entity=0), Surface("kremlin")]
    joined, renumbered = with_listed_names(surfaces, surface_of, listed)
    assert [(s.key, s.mentions) for s in joined] == [("kremlin", 1), ("kremlin palace", 0), ("kremlin palase", 1)]
    assert renumbered == [2, 0]  # "kremlin" was a mention's already: not listed twice
    assert with_listed_names(surfaces, surface_of, []) == (surfaces, surface_of)


def labels_of(mentions):
    surfaces, surface_of = build_surfaces(mentions, AliasTable(), default_gazetteer())
    return [surfaces[i].label for i in surface_of]


def test_a_state_or_a_division_is_a_place_whatever_the_recogniser_said():
    mentions = [
        M("Lugansk People's Republic", "PERSON", "a"),
        M("Luhansk Oblast", "ORG", "a"),
        M("Republican Party", "ORG", "a"),
    ]
    assert labels_of(mentions) == ["GPE", "GPE", "ORG"]


def test_labels_follow_what_the_corpus_shows_of_people():
    mentions = [
        M("Sergey Kuzhugetovich Shoygu", "PERSON", "a"),
        M("Shoygu", "ORG", "b"),  # a family name seen in the corpus: the person
        M("Oleksandr Sienkevych", "PERSON", "a"),
        M("Oleksandr Senkevich", "ORG", "b"),  # a given name seen in the corpus: a person
        M("Mykolaiv", "PERSON", "b"),  # a city and nobody's family name: the city
        M("Al Jazeera", "ORG", "b"),
        M("Al Assad", "PERSON", "b"),
    ]
    assert labels_of(mentions) == ["PERSON", "PERSON", "PERSON", "PERSON", "GPE", "ORG", "PERSON"]


def test_a_list_of_names_keeps_its_labels():
    assert labels_of([M("Sergey Shoygu"), M("Shoygu", "ORG"), M("Mykolaiv")]) == ["PERSON", "ORG", "PERSON"]


def test_a_states_acronym_and_a_given_name_of_the_corpus():
    mentions = [
        M("Lugansk People's Republic", "PERSON", "a"),
        M("LPR", "ORG", "b"),  # the initials of a state the corpus names
        M("Ramón Castro", "PERSON", "a"),
        M("Ramón", "GPE", "b"),  # a given name of the corpus, and no major place
        M("Jordan Peterson", "PERSON", "a"),
        M("Jordan", "GPE", "b"),  # a country keeps its label
    ]
    assert labels_of(mentions) == ["GPE", "GPE", "PERSON", "PERSON", "PERSON", "GPE"]


def test_a_given_name_of_the_corpus_is_not_read_as_the_town_of_that_name():
    mentions = [M("Ramón Castro", "PERSON", doc="a"), M("Ramón", "PERSON", doc="a"), M("Ramon", "PERSON", doc="b")]
    assert labels_of(mentions) == ["PERSON", "PERSON", "PERSON"]
    assert labels_of([M("Ramon", "PERSON", doc="b")]) == ["GPE"]  # nobody is named so: the town


def test_a_dateline_in_capitals_is_a_place_however_small():
    assert labels_of([M("MELITOPOL", "ORG", doc="a")]) == ["GPE"]
    assert labels_of([M("Melitopol", "ORG", doc="a")]) == ["ORG"]  # a small town's name may be a company's


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("Gazprom", "GPE", "ORG"),  # an industry word glued to a stem
        ("Rosatom", "PERSON", "ORG"),
        ("Sberbank", "PERSON", "ORG"),
        ("Kadyrovtsy", "PERSON", "ORG"),  # the followers of a leader, as a group
        ("Eubank", "PERSON", "PERSON"),  # the stem is too short to be one
        ("Prom", "PERSON", "PERSON"),
    ],
)
def test_one_word_built_as_an_organisation_name(text, label, expected):
    assert labels_of([M(text, label, doc="a")]) == [expected]
