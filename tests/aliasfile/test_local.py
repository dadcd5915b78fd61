import pytest

from entnorm.aliasfile.local import add_locally, entity_end
from entnorm.aliasfile.validate import validate

TEXT = """\
# people
PERSON:
    Sergei Lavrov:
        - Sergey Lavrov   # Russian spelling
        - Lavrov
    Vladimir Putin:       # no aliases yet
    Jane Doe:
      aliases: [J. Doe]
      wikidata: Q1
GPE:
  Kyiv: [Kiev]

  # a comment at the end of the block
ORG:
  RT:
    note: state media
"""


def fresh(lines):
    table, problems = validate("\n".join(lines), "a.yaml")
    assert [p for p in problems if p.fatal] == []
    return table


@pytest.mark.parametrize(
    "name, canonical, label, expected_line",
    [
        ("S. Lavrov", "Sergei Lavrov", "PERSON", "        - S. Lavrov"),
        ("Putin", "vladimir putin", "PERSON", "    Vladimir Putin: [Putin] # no aliases yet"),
        ("Jane D.", "Jane Doe", "PERSON", "      aliases: [J. Doe, Jane D.]"),
        ("Kiew", "Kyiv", "GPE", "  Kyiv: [Kiev, Kiew]"),
        ("Russia Today", "RT", "ORG", "    aliases: [Russia Today]"),
        ("Witkoff", "Steve Witkoff", "PERSON", "    Steve Witkoff: [Witkoff]"),
        ("Lviv", "Lviv", "GPE", "  Lviv:"),
    ],
)
def test_a_local_edit_gives_the_table_a_fresh_parse_gives(name, canonical, label, expected_line):
    lines = TEXT.split("\n")
    table = fresh(lines)
    assert add_locally(lines, table, name, canonical, label)
    assert expected_line in lines
    assert table.entities == fresh(lines).entities and table.by_key == fresh(lines).by_key


def test_what_needs_the_whole_file_is_left_to_it():
    lines = TEXT.split("\n")
    table = fresh(lines)
    assert not add_locally(lines, table, "AP", "AP", "NORP")  # a new label block
    flow = ["PERSON: {A B: [x]}", ""]
    flow_table = fresh(flow)
    assert not add_locally(flow, flow_table, "y", "A B", "PERSON")  # not an entry of its own lines
    assert not add_locally(flow, flow_table, "C D", "C D", "PERSON")
    assert flow == ["PERSON: {A B: [x]}", ""] and len(flow_table) == 1


def test_an_entry_ends_where_the_next_key_begins():
    lines = TEXT.split("\n")
    assert entity_end(lines, 2) == 5  # Sergei Lavrov: its two items, not Vladimir Putin
    assert entity_end(lines, 10) == 11  # Kyiv: not the blank line and comment after it
