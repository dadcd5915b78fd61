from entnorm.aliasfile.read import parse_aliases
from entnorm.resolution.alike import alike_entries


def test_entries_that_look_like_one_entity():
    table = parse_aliases(
        "PERSON:\n  Sergei Lavrov: []\n  Sergey Lavrov: []\n  Sergei Shoigu: []\n  Lavrov: []\n"
        "GPE:\n  Sergei Lavrova: []\nORG:\n  Ministry of Defence: []\n  Defence Ministry: []\n"
    )
    found = [(a.canonical, b.canonical, a.label) for a, b, _ in alike_entries(table)]
    assert found == [
        ("Sergei Lavrov", "Sergey Lavrov", "PERSON"),  # not "Lavrov": a shorter form is not one entity
        ("Ministry of Defence", "Defence Ministry", "ORG"),  # one label at a time: the GPE entry stays apart
    ]
