"""Entity labels: the one table of which labels entnorm knows, keeps and matches, and the kind of name each is.

A *label* is the recogniser's (spaCy's OntoNotes names: PERSON, GPE, ORG ...); a *kind* is how a name of that
label is parsed and compared (`PERSON`, `ORG` or `PLACE` rules). Labels are decided in these places, and only
there:

1. the recogniser labels each span (`extraction.recognisers`);
2. an alias-file name found in the text takes its entity's label (`extraction.alias_spans`);
3. a name that defines an acronym in parentheses is an organisation, not a person (`extraction.mentions`);
4. the alias file's label wins for a spelling it lists (`resolution.surfaces`);
5. otherwise a spelling takes the label most of its mentions carry, ties broken by evidence, and a one-word
   major place is a place whatever the recogniser said (`resolution.surfaces.vote_label`);
6. an entity takes the majority label of its mentions among the labels of its kind
   (`resolution.entities`), or the default label of its kind (`DEFAULT_LABEL_OF_KIND`).
"""

from __future__ import annotations

#: The kinds of name, each with its own parsing and comparison rules.
PERSON, ORG, PLACE = "person", "org", "place"

#: The entity labels of spaCy's English pipelines (OntoNotes 5), and PER / MISC of the WikiNER-trained ones.
KNOWN_LABELS = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "PER",
    "MISC",
)

#: Labels whose spans are names, and so are matched as names. The others (DATE, MONEY, CARDINAL ...) are values:
#: each distinct text is its own entity, never matched with a name or an alias-file entry ("March" is not
#: "March 10, 2025"; "today" is not an organisation's alias).
NAME_LABELS = frozenset(
    ["PERSON", "PER", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC"]
)

#: The labels entnorm keeps by default.
DEFAULT_LABELS = ("PERSON", "GPE", "LOC", "ORG")

#: Labels to the comparison rules used for them. Other labels (--labels EVENT, ...) use ORG's rules.
KIND_OF_LABEL = {"PERSON": PERSON, "PER": PERSON, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "ORG": ORG}

#: The label an entity of a kind gets when none of its mentions carries a label of that kind.
DEFAULT_LABEL_OF_KIND = {PERSON: "PERSON", ORG: "ORG", PLACE: "GPE"}


def is_name_label(label: str) -> bool:
    return label in NAME_LABELS


def kind_of(label: str) -> str:
    """The kind of name a label holds: PERSON, PLACE, or ORG for every other label."""
    return KIND_OF_LABEL.get(label, ORG)
