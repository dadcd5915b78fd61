import random

import pytest

from entnorm.aliasfile import cache
from entnorm.aliasfile.read import parse_aliases
from entnorm.aliasfile.reread import reread
from entnorm.aliasfile.validate import validate

BASE = """\
# people first
PERSON:
  Sergei Lavrov: [Sergey Lavrov, Lavrov]
  Asaad al-Shaibani:
    aliases: [Asaad al-Shibani]
    wikidata: Q106622468
  Omar Kassem:
    - Omar Qassem
    - O. Kassem
  "Kim Jong-un": []

  Rami Haddad: [R. Haddad]  # a note
ORG:
  Hayat Tahrir al-Sham: [HTS]
  Kremlin: []
  Islamic Relief Worldwide:
    aliases:
      - IRW
GPE:
  Kyiv: [Kiev]
  Mumbai: [Bombay]
"""


def full(text):
    table, problems = validate(text, "a.yaml")
    return None if any(p.fatal for p in problems) else table


def earlier():
    table = full(BASE)
    assert table is not None
    return table


def edited(old, new):
    return reread(BASE.replace(old, new, 1), BASE, earlier(), "a.yaml")


def test_an_entity_added_in_a_block_is_read_and_those_below_move_down():
    text = BASE.replace("  Kremlin: []\n", "  Kremlin: []\n  Rosneft: [Rosneft Oil]\n", 1)
    table = reread(text, BASE, earlier(), "a.yaml")
    assert table is not None
    assert table.entities == full(text).entities and table.by_key == full(text).by_key
    assert table.lookup("Rosneft Oil").line == 16 and table.lookup("Kyiv").line == 21


def test_an_alias_added_to_a_block_list_is_read():
    table = edited("    - O. Kassem\n", "    - O. Kassem\n    - Omar Kasem\n")
    assert table is not None and table.lookup("Omar Kasem").canonical == "Omar Kassem"
    assert table.lookup("Kim Jong-un").line == 11


def test_a_removed_entity_goes_with_its_names():
    table = edited("  Kremlin: []\n", "")
    assert table is not None and table.lookup("Kremlin") is None and table.lookup("Kyiv").line == 19


def test_an_entity_at_the_top_of_a_block_is_read_from_the_line_below_the_label():
    table = edited(
        "ORG:\n  Hayat Tahrir al-Sham: [HTS]\n", "ORG:\n  Rosneft: []\n  Hayat Tahrir al-Sham: [HTS, H.T.S]\n"
    )
    expected = full(
        BASE.replace(
            "ORG:\n  Hayat Tahrir al-Sham: [HTS]\n", "ORG:\n  Rosneft: []\n  Hayat Tahrir al-Sham: [HTS, H.T.S]\n"
        )
    )
    assert table is not None and table.entities == expected.entities and table.by_key == expected.by_key
    assert table.lookup("Rosneft").line == 14


def test_a_new_top_of_a_block_indented_otherwise_than_the_entities_below_is_left_to_the_full_parse():
    assert edited("ORG:\n", "ORG:\n      Rosneft: []\n") is None  # the full parse fails at the next entity


def test_the_last_entity_of_the_file_can_change():
    table = edited("  Mumbai: [Bombay]\n", "  Mumbai: [Bombay, Mumbay]\n  Delhi: []\n")
    assert table is not None and table.lookup("Mumbay").canonical == "Mumbai" and table.lookup("Delhi").line == 22


@pytest.mark.parametrize(
    "old, new",
    [
        ("ORG:\n", "NORP:\n"),  # a label line: every entity below changes label
        ("  Kremlin: []\n", "LOC:\n  Kremlin: []\n"),  # a new label line
        ("  Kremlin: []\n", "  Kremlin: [Kiev]\n"),  # a name another entity lists: the full parse says where
        ("  Kremlin: []\n", "  Kremlin: [Kremlin, kremlin]\n"),  # a problem in the changed entity
        ("  Kremlin: []\n", "  Kremlin: &k []\n"),  # an anchor
        ("  Kremlin: []\n", "  Kremlin: [\n"),  # broken syntax
        ("# people first\n", "# people\n"),  # above the first label
    ],
)
def test_what_cannot_be_shown_equal_to_a_full_parse_is_left_to_it(old, new):
    assert edited(old, new) is None


def test_a_block_in_flow_style_is_left_to_the_full_parse():
    before = "PERSON: {Sergei Lavrov: [Lavrov],\n  Omar Kassem: []}\nGPE:\n  Kyiv: []\n"
    after = before.replace("Omar Kassem: []", "Omar Kassem: [Omar Qassem]")
    assert reread(after, before, full(before), "a.yaml") is None


def test_line_breaks_yaml_reads_but_a_line_split_does_not_are_left_to_the_full_parse():
    assert edited("  Kremlin: []\n", "  Kremlin: []\r  Rosneft: []\n") is None
    windows = BASE.replace("\n", "\r\n")
    text = windows.replace("  Kremlin: []\r\n", "  Kremlin: [Kreml]\r\n")
    table = reread(text, windows, full(windows), "a.yaml")
    assert table is not None and table.entities == full(text).entities


LINES = [
    "  Rosneft: [Rosneft Oil]",
    "    - Omar K.",
    "  Kremlin: [Kiev]",
    "  Lavrov: []",
    "LOC:",
    "  New Name: &a [x]",
    "      deep: [y]",
    "  Quoted: [\"a, b\", 'c']",
    "  Bad: [",
    "  # a comment",
    "",
    "    wikidata: Q1",
    "  Mapping:",
    "    aliases: [M1, M2]",
    " Odd: []",
    "      - deeper",
    "GPE:",
    "   Three: []",
    "  'Quoted Key': [q]",
    "  Multi: [a,",
    "    b]",
    '  "Open',
    "  Plain text line",
    "  Tab:\t[x]",
    "  - item",
    "ORG:  # orgs",
    "  Blk: |",
    "    text",
    "  ? complex",
    "  : [v]",
]


def test_random_edits_give_what_a_full_parse_gives_or_none():
    rng = random.Random(20261204)
    old = BASE
    accepted = 0
    for step in range(2000):
        if step % 8 == 0:
            old = BASE  # walks of a few edits, so the file never wears down to nothing
        lines = old.split("\n")
        at = rng.randrange(1, len(lines))
        choice = rng.random()
        if choice < 0.4:
            lines.insert(at, rng.choice(LINES))
        elif choice < 0.7 and len(lines) > 3:
            del lines[at]
        else:
            lines[at] = rng.choice(LINES)
        new = "\n".join(lines)
        expected = full(new)
        earlier_table = full(old)
        got = reread(new, old, earlier_table, "a.yaml") if earlier_table is not None else None
        if got is not None:
            accepted += 1
            assert expected is not None, new
            assert got.entities == expected.entities, new
            assert got.by_key == expected.by_key, new
        if expected is not None:
            old = new  # edit on from a text that parses
    assert accepted >= 300  # the edits do exercise the reread, not only the fallback


@pytest.fixture
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_recent", None)


def big_file(n):
    return "PERSON:\n" + "".join(f"  Person{i:05d} Name: [P{i:05d} Name]\n" for i in range(n))


def test_a_big_file_edited_by_hand_is_read_from_its_last_version(own_cache, monkeypatch):
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text, path="a.yaml")
    monkeypatch.setattr(cache, "_recent", None)  # a new process
    edited_text = text.replace("  Person00007 Name: [P00007 Name]\n", "  Person00007 Name: [P00007 Name, P7]\n")
    sizes = []
    real_validate = validate

    def counting(snippet, path):
        sizes.append(sum(1 for line in snippet.split("\n") if line.strip()))
        return real_validate(snippet, path)

    monkeypatch.setattr("entnorm.aliasfile.reread.validate", counting)
    table = parse_aliases(edited_text, path="a.yaml")
    assert sizes == [3]  # the label line, the entity edited and the one above it
    assert table.lookup("P7").canonical == "Person00007 Name"
    fresh = real_validate(edited_text, "a.yaml")[0]
    assert table.entities == fresh.entities and table.by_key == fresh.by_key
    monkeypatch.setattr(cache, "_recent", None)
    assert cache.cached_table(edited_text, "a.yaml").entities == fresh.entities  # stored for the next command


def test_another_file_is_not_read_from_this_ones_versions(own_cache, monkeypatch):
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text, path="a.yaml")
    calls = []
    monkeypatch.setattr("entnorm.aliasfile.reread.validate", lambda *a: calls.append(a))
    parse_aliases(text.replace("P00007 Name]", "P00007 Name, P7]"), path="b.yaml")
    assert calls == []


def test_a_damaged_last_version_means_a_full_parse(own_cache, monkeypatch):
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text, path="a.yaml")
    monkeypatch.setattr(cache, "_recent", None)
    for entry in (cache.cache_dir() / "aliases").glob("*.marshal"):
        entry.write_bytes(b"\x00damaged")
    assert cache.earlier_version("a.yaml") is None
    edited_text = text.replace("P00007 Name]", "P00007 Name, P7]")
    assert parse_aliases(edited_text, path="a.yaml").lookup("P7").canonical == "Person00007 Name"


def test_a_version_stored_by_another_reader_is_not_built_on(own_cache, monkeypatch):
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text, path="a.yaml")
    assert cache.earlier_version("a.yaml") is not None
    monkeypatch.setattr(cache, "_READER", "other code")
    assert cache.earlier_version("a.yaml") is None
