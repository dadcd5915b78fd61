from entnorm.labels import PERSON
from entnorm.names.parse import parse
from entnorm.resolution.clusters import AGREEMENT_RATIO, Clusters, anchored, merge_same_sounds
from entnorm.resolution.surfaces import Surface


def surfaces(*texts, alias=None):
    out = []
    for i, text in enumerate(texts):
        name = parse(text, PERSON)
        out.append(Surface(text.lower(), name=name, short=len(name.strong) <= 1, alias_entity=(alias or {}).get(i)))
    return out


def test_two_alias_file_entities_never_merge():
    clusters = Clusters(surfaces("A B", "C D", alias={0: 0, 1: 1}))
    assert not clusters.can_merge(0, 1)


def test_a_contradiction_blocks_a_merge_unless_agreement_dominates():
    clusters = Clusters(surfaces(*(f"N{i} X" for i in range(AGREEMENT_RATIO + 2))))
    clusters.conflicts[0].append(1)
    clusters.conflicts[1].append(0)
    assert not clusters.can_merge(0, 1)
    for j in range(2, AGREEMENT_RATIO + 2):  # 1 agrees with AGREEMENT_RATIO names merged with 0
        clusters.merge(0, j)
        clusters.matches[1].append(j)
    assert clusters.can_merge(0, 1)
    clusters.merge(0, 1)
    assert clusters.find(1) == clusters.find(0)


def test_equal_sounds_merge_and_share_a_representative():
    found = surfaces("Dmitri Ivanov", "Dmitry Ivanov", "Oleg Ivanov")
    clusters = Clusters(found)
    assert merge_same_sounds(clusters, found) == [0, 0, 2]
    assert clusters.find(1) == clusters.find(0) != clusters.find(2)


def test_short_forms_are_not_anchors_unless_listed():
    short, listed = surfaces("Lavrov", "Lavrov", alias={1: 0})
    assert not anchored(short) and anchored(listed)
