import pytest

from entnorm.aliasfile.read import parse_aliases
from entnorm.resolution.resolver import Resolver

from ..conftest import mention as M


def groups(mentions, aliases=None, links=()):
    """{entity canonical: sorted distinct texts}, and the resolution."""
    res = Resolver(aliases).resolve(mentions, acronyms=links)
    out: dict[str, set[str]] = {}
    for m, e in zip(mentions, res.entity_of, strict=True):
        out.setdefault(res.entities[e].canonical, set()).add(m.text)
    return {k: sorted(v) for k, v in out.items()}, res


def test_seed_like_spellings_group_and_stay_apart():
    mentions = [
        M(t, doc="a")
        for t in ["Asaad al-Shibani", "Assad al-Sabani", "Al Shabani", "Bashar al-Assad", "Al Assad", "Assad"]
    ]
    mentions += [M(t, doc="b") for t in ["Asaad al-Shaibani", "al-Shaibani", "Bashar Assad", "Assad"]]
    got, _ = groups(mentions)
    assert got == {
        "Asaad al-Shaibani": ["Al Shabani", "Asaad al-Shaibani", "Asaad al-Shibani", "Assad al-Sabani", "al-Shaibani"],
        "Bashar al-Assad": ["Al Assad", "Assad", "Bashar Assad", "Bashar al-Assad"],
    }


def test_short_form_goes_to_the_full_name_of_its_own_document():
    mentions = [
        M("Bashar al-Assad", doc="a"),
        M("Assad", doc="a"),
        M("Hafez al-Assad", doc="b"),
        M("Assad", doc="b"),
    ]
    res = Resolver().resolve(mentions)
    names = [res.entities[e].canonical for e in res.entity_of]
    assert names == ["Bashar al-Assad", "Bashar al-Assad", "Hafez al-Assad", "Hafez al-Assad"]


def test_short_form_alone_goes_to_the_most_mentioned_full_name():
    mentions = [
        M("Bashar al-Assad", doc="a"),
        M("Bashar al-Assad", doc="b"),
        M("Hafez al-Assad", doc="c"),
        M("Assad", doc="d"),
    ]
    res = Resolver().resolve(mentions)
    assert res.entities[res.entity_of[-1]].canonical == "Bashar al-Assad"


def test_no_chaining_through_a_shorter_name():
    got, _ = groups([M("Sergey Ivanov"), M("Sergey Borisovich Ivanov"), M("Sergey Petrovich Ivanov")])
    assert len(got) == 2
    assert ["Sergey Borisovich Ivanov", "Sergey Petrovich Ivanov"] not in got.values()


def test_one_word_names_with_no_full_name_group_together():
    got, _ = groups([M("Medinsky", doc="a"), M("Medisnky", doc="a")])
    assert got == {"Medinsky": ["Medinsky", "Medisnky"]}


def test_bare_given_names_meet_their_spellings():
    got, _ = groups([M("Khaled"), M("Khalid"), M("Hossein"), M("Hussein")])
    assert sorted(got.values()) == [["Hossein", "Hussein"], ["Khaled", "Khalid"]]


def test_names_in_arabic_script_join_their_latin_spellings():
    got, _ = groups([M("Ebrahim Raisi"), M("إبراهيم رئيسي"), M("محمود عباس"), M("Mahmoud Abbas"), M("Mohammed Abbas")])
    assert sorted(got.values()) == [
        ["Ebrahim Raisi", "إبراهيم رئيسي"],
        ["Mahmoud Abbas", "محمود عباس"],
        ["Mohammed Abbas"],
    ]


def test_label_vote_and_gazetteer_evidence():
    mentions = [
        M("Sergei Lavrov", doc="a"),
        M("Lavrov", "ORG", doc="a"),
        M("Lavrov", "PERSON", doc="b"),
        M("Kiev", "PERSON", doc="b"),
    ]
    res = Resolver().resolve(mentions)
    by_name = {e.canonical: e for e in res.entities}
    assert by_name["Sergei Lavrov"].label == "PERSON" and by_name["Sergei Lavrov"].mentions == 3
    assert by_name["Kiev"].label == "GPE"
    assert by_name["Kiev"].attributes == {"geonames": "703448"}


def test_a_major_place_the_ner_called_org_is_a_place_unless_it_has_organisation_evidence():
    res = Resolver().resolve(
        [M("Budapest", "ORG"), M("Budapest", "ORG"), M("Tirgu Mures", "ORG"), M("UK", "ORG"), M("Springfield", "ORG")]
    )
    labels = {e.canonical: e.label for e in res.entities}
    # one-word major place: GPE; two words, an acronym, or a small town keep the NER's label
    assert labels == {"Budapest": "GPE", "Tirgu Mures": "ORG", "UK": "ORG", "Springfield": "ORG"}


def test_places_meet_through_the_gazetteer():
    got, _ = groups(
        [
            M("Kiev", "GPE"),
            M("Kyiv", "GPE"),
            M("Türkiye", "GPE"),
            M("Turkey", "GPE"),
            M("Syria", "GPE"),
            M("the Syrian Arab Republic", "GPE"),
        ]
    )
    assert sorted(map(tuple, got.values())) == [
        ("Kiev", "Kyiv"),
        ("Syria", "the Syrian Arab Republic"),
        ("Turkey", "Türkiye"),
    ]


def test_organisations():
    got, _ = groups(
        [
            M("Defense Ministry", "ORG", "a"),
            M("Ministry of Defense", "ORG", "a"),
            M("Russian Ministry of Defense", "ORG", "b"),
            M("Hayat Tahrir al-Sham", "ORG", "c"),
            M("HTS", "ORG", "c"),
        ]
    )
    assert sorted(map(tuple, got.values())) == [
        ("Defense Ministry", "Ministry of Defense"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("Russian Ministry of Defense",),
    ]


def test_links_from_the_text_join_names():
    got, _ = groups(
        [M("Federal Security Service", "ORG", "a"), M("FSB", "ORG", "a")], links=[("Federal Security Service", "FSB")]
    )
    assert got == {"Federal Security Service": ["FSB", "Federal Security Service"]}


def test_alias_file_decides_canonical_label_and_attributes():
    table = parse_aliases("PERSON:\n  Sergei Lavrov:\n    aliases: [Lavrov]\n    wikidata: Q1\n")
    mentions = [M("Lavrov", "ORG", "a"), M("Sergey Lavrov", "PERSON", "b")]
    res = Resolver(table).resolve(mentions)
    assert len(res.entities) == 1
    entity = res.entities[0]
    assert (entity.id, entity.canonical, entity.label, entity.mentions, entity.documents) == (
        "sergei-lavrov",
        "Sergei Lavrov",
        "PERSON",
        2,
        2,
    )
    assert entity.attributes == {"wikidata": "Q1"}
    assert entity.aliases == [("Lavrov", 1), ("Sergey Lavrov", 1)]


def test_two_alias_file_entities_never_merge():
    table = parse_aliases("PERSON:\n  Bashar al-Assad: []\n  Asaad al-Shaibani: [Assad al-Sabani]\n")
    got, _ = groups([M("Bashar al-Assad"), M("Assad al-Sabani"), M("Asaad al-Shibani")], aliases=table)
    assert got == {"Asaad al-Shaibani": ["Asaad al-Shibani", "Assad al-Sabani"], "Bashar al-Assad": ["Bashar al-Assad"]}


def test_ids_are_unique_and_order_is_deterministic():
    mentions = [M("Georgia", "GPE"), M("Georgia", "PERSON"), M("Jordan", "GPE")]
    first = Resolver().resolve(mentions)
    second = Resolver().resolve(list(reversed(mentions)))
    assert [e.id for e in first.entities] == [e.id for e in second.entities]
    assert len({e.id for e in first.entities}) == len(first.entities)


def test_canonical_is_the_fullest_person_name_and_the_commonest_place_name():
    got, _res = groups(
        [
            M("Putin"),
            M("Putin"),
            M("Vladimir Putin"),
            M("Syria", "GPE"),
            M("Syria", "GPE"),
            M("Syrian Arab Republic", "GPE"),
        ]
    )
    assert set(got) == {"Vladimir Putin", "Syria"}


def test_empty_input():
    res = Resolver().resolve([])
    assert res.entities == [] and res.entity_of == []


@pytest.mark.parametrize(
    "texts",
    [["Kim Jong-un", "Kim Jong-il"], ["Sa'ad bin Laden", "Osama bin Laden"], ["Vladimir Putin", "Vladimir Zelensky"]],
)
def test_relatives_stay_apart(texts):
    got, _ = groups([M(t) for t in texts])
    assert len(got) == 2


def test_suffixes_numbers_and_scripts_keep_names_apart_through_every_phase():
    names = ["Donald Trump", "Donald Trump Jr.", "Louis XIV", "Louis XVI", "李强", "李克强"]
    got, _ = groups([M(n) for n in names] + [M("Name 1", "ORG"), M("Name 11", "ORG")])
    assert sorted(got) == sorted([*names, "Name 1", "Name 11"])


def test_a_longer_name_holding_a_place_name_is_not_that_place():
    got, _ = groups([M("Russia Today", "GPE", "a"), M("Russia", "GPE", "a")])
    assert got == {"Russia Today": ["Russia Today"], "Russia": ["Russia"]}


def test_canonical_prefers_latin_and_mixed_case():
    got, _ = groups(
        [M("Луганск", "GPE"), M("Lugansk", "GPE"), M("MOSCOW", "GPE"), M("MOSCOW", "GPE"), M("Moscow", "GPE")]
    )
    assert set(got) == {"Lugansk", "Moscow"}


def test_a_dateline_in_capitals_is_the_place():
    res = Resolver().resolve([M("KIEV", "PERSON"), M("Kyiv", "GPE")])
    assert [(e.canonical, e.label) for e in res.entities] == [("Kyiv", "GPE")]


def test_a_given_name_alone_is_the_one_person_of_its_document_with_that_first_name():
    mentions = [
        M("Raúl Castro", doc="a"),
        M("Raúl", doc="a"),
        M("Fidel Castro", doc="b"),
        M("Raúl", doc="c"),  # no one of that name in this document
        M("Ramón Castro", doc="d"),
        M("Ramón Perez", doc="d"),
        M("Ramón", doc="d"),  # two people of that first name: it stays alone
    ]
    res = Resolver().resolve(mentions)
    got = [res.entities[e].canonical for e in res.entity_of]
    assert got[:3] == ["Raúl Castro", "Raúl Castro", "Fidel Castro"]
    assert got[3] == "Raúl" and got[6] == "Ramón"


def test_a_family_name_of_the_document_is_not_read_as_a_given_name():
    """ "Assad" beside "Bashar Assad" is the family name, even where "Assad al-Sabani" (a given name Assad) is
    in the same document and the alias file lists them both; beside the minister alone it is his given name."""
    table = parse_aliases(
        "PERSON:\n"
        "  Asaad al-Shaibani: [Asaad al-Shibani, Assad al-Shaibani, Assad al-Sabani, Al Shabani, al-Shaibani]\n"
        "  Bashar al-Assad: [Bashar Assad, Al Assad]\n"
    )
    mentions = [
        M(t, doc=d)
        for d, t in [
            ("a", "Assad al-Sabani"),
            ("a", "Bashar Assad"),
            ("a", "Assad"),
            ("b", "Bashar al-Assad"),
            ("b", "Assad"),
            ("c", "Assad al-Shaibani"),
            ("c", "Assad"),
        ]
    ]
    res = Resolver(table).resolve(mentions)
    assert [res.entities[e].canonical for e in res.entity_of] == [
        "Asaad al-Shaibani",
        "Bashar al-Assad",
        "Bashar al-Assad",
        "Bashar al-Assad",
        "Bashar al-Assad",
        "Asaad al-Shaibani",
        "Asaad al-Shaibani",
    ]


def test_an_organisation_in_arabic_script_joins_its_latin_spelling():
    got, _ = groups([M("حزب الله", label="ORG"), M("Hezbollah", label="ORG")])
    assert list(got.values()) == [["Hezbollah", "حزب الله"]]


def test_a_place_inside_an_organisations_name_meets_its_other_spellings():
    got, _ = groups([M("Zaporozhye NPP", label="ORG"), M("Zaporizhzhya NPP", label="ORG")])
    assert list(got.values()) == [["Zaporizhzhya NPP", "Zaporozhye NPP"]]


def test_a_places_adjective_meets_the_place_in_an_organisations_name():
    got, _ = groups([M("Korean Workers' Party", label="ORG"), M("Workers' Party of Korea", label="ORG")])
    assert len(got) == 1


def test_a_french_spelling_of_a_family_name_meets_its_full_name():
    got, _ = groups([M("Yevgeny Prigozhin", doc="a"), M("Prigogine", doc="b")])
    assert list(got.values()) == [["Prigogine", "Yevgeny Prigozhin"]]
