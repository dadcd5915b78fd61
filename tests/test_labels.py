from entnorm.labels import (
    DEFAULT_LABEL_OF_KIND,
    DEFAULT_LABELS,
    KIND_OF_LABEL,
    KNOWN_LABELS,
    ORG,
    PERSON,
    PLACE,
    kind_of,
)


def test_kinds():
    assert [kind_of(label) for label in ("PERSON", "PER", "GPE", "LOC", "FAC", "ORG", "EVENT", "DATE")] == [
        PERSON,
        PERSON,
        PLACE,
        PLACE,
        PLACE,
        ORG,
        ORG,
        ORG,
    ]


def test_the_tables_agree():
    assert set(DEFAULT_LABELS) <= set(KNOWN_LABELS)
    assert set(KIND_OF_LABEL) <= set(KNOWN_LABELS)
    assert set(DEFAULT_LABEL_OF_KIND) == {PERSON, ORG, PLACE}
    assert all(kind_of(label) == kind for kind, label in DEFAULT_LABEL_OF_KIND.items())
    assert len(KNOWN_LABELS) == len(set(KNOWN_LABELS))
