import pytest

from entnorm.aliasfile.read import load_aliases, parse_aliases
from entnorm.errors import AliasFileError

GOOD = """\
# people
PERSON:
  Sergei Lavrov: [Sergey Lavrov, Lavrov]
  Asaad al-Shaibani:
    aliases: [Asaad al-Shibani]
    wikidata: Q1
  Vladimir Putin:
GPE:
  Kyiv: Kiev
"""


def test_good_file():
    table = parse_aliases(GOOD)
    assert [(e.canonical, e.label, e.aliases, e.attributes, e.line) for e in table.entities] == [
        ("Sergei Lavrov", "PERSON", ("Sergey Lavrov", "Lavrov"), {}, 3),
        ("Asaad al-Shaibani", "PERSON", ("Asaad al-Shibani",), {"wikidata": "Q1"}, 4),
        ("Vladimir Putin", "PERSON", (), {}, 7),
        ("Kyiv", "GPE", ("Kiev",), {}, 9),
    ]
    assert table.lookup("  LAVROV ").canonical == "Sergei Lavrov"
    assert table.lookup("kiev").canonical == "Kyiv"
    assert table.lookup("Putin") is None


@pytest.mark.parametrize("text", ["", "# only a comment\n", "PERSON:\n"])
def test_empty_files_are_valid(text):
    assert len(parse_aliases(text)) == 0


def test_missing_file_is_empty(tmp_path):
    assert len(load_aliases(tmp_path / "nope.yaml")) == 0


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "PERSON:\n  A B: [x\n",
            "aliases.yaml:3:1: while parsing a flow sequence did not find expected ',' or ']'",
        ),
        (
            "PERSON:\n  A B: [x]\n  A B: [y]\n",
            "aliases.yaml:3:3: while constructing a mapping found duplicate key 'A B' (first on line 2); "
            "merge the two entries into one",
        ),
        (
            "PERSN:\n  A B: [x]\n",
            "aliases.yaml:1:1: unknown label 'PERSN'; use one of PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL, PER, MISC",
        ),
        ("- a\n- b\n", "aliases.yaml:1:1: the file must map labels to entities, like 'PERSON:' on its own line"),
        ("PERSON: [a, b]\n", "aliases.yaml:1:1: under PERSON: list entities as 'Canonical Name: [alias, alias]'"),
        ("PERSON:\n  A B:\n    aliases: [1]\n", "aliases.yaml:3:15: an alias of 'A B' must be text, got 1"),
        (
            "PERSON:\n  A B:\n    aliases: x\n",
            "aliases.yaml:3:5: the aliases of 'A B' must be a list, like [Name One, Name Two]",
        ),
        (
            "PERSON:\n  A B:\n    note: [x]\n",
            "aliases.yaml:3:5: field 'note' of 'A B' must be a single value (text or number)",
        ),
        (
            "PERSON:\n  A B: [Kiev]\nGPE:\n  Kyiv: [kiev]\n",
            "aliases.yaml:4:10: 'kiev' is listed under both 'A B' (line 2) and 'Kyiv'; a name can belong to one entity only",
        ),
        (
            "PERSON:\n  A B: [x]\n  X: [y]\n",
            "aliases.yaml:3:3: 'X' is listed under both 'A B' (line 2) and 'X'; a name can belong to one entity only",
        ),
        ("PERSON:\n  A B: 3\n", "aliases.yaml:2:3: 'A B' must have a list of aliases or a mapping with 'aliases:'"),
    ],
)
def test_bad_files_point_at_the_problem(text, message):
    with pytest.raises(AliasFileError) as info:
        parse_aliases(text)
    assert str(info.value) == message


def test_unreadable_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(AliasFileError, match="cannot be read"):
        load_aliases(path)


def test_yaml_tags_are_reported_and_never_run():
    from entnorm.jobs import check_alias_file as check_aliases

    text = 'PERSON:\n  A B: !!python/object/apply:os.system ["echo hi"]\n  C D: [!!python/name:os.system x]\n'
    problems = [p.describe("a.yaml") for p in check_aliases(text)]
    assert problems == [
        "a.yaml:2:3: a YAML tag ('tag:yaml.org,2002:python/object/apply:os.system') is not allowed: entnorm never runs one; fix: remove the tag",
        "a.yaml:3:9: a YAML tag ('tag:yaml.org,2002:python/name:os.system') is not allowed: entnorm never runs one; fix: remove the tag",
    ]
    with pytest.raises(AliasFileError, match="a YAML tag"):
        parse_aliases(text)


def test_an_expansion_bomb_gives_short_messages():
    from entnorm.jobs import check_alias_file as check_aliases

    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    text += "PERSON:\n  X Y: *i\n"
    problems = check_aliases(text)
    assert sum(len(p.describe("a.yaml")) for p in problems) < 10_000
