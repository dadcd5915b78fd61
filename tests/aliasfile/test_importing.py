from pathlib import Path

import pytest
from click.testing import CliRunner

from entnorm.aliasfile.importing import Columns, import_entries, read_entries
from entnorm.aliasfile.read import load_aliases
from entnorm.aliasfile.table import AliasEntity
from entnorm.cli import cli
from entnorm.errors import EntnormError

EXISTING = "# my file\nPERSON:\n  Vladimir Putin: [Putin]   # keep me\nGPE:\n  Kyiv: [Kiev]\n"


def run(*args):
    return CliRunner().invoke(cli, ["aliases", "import", *args])


def test_a_spreadsheet_is_merged_into_the_file(write):
    write("aliases.yaml", EXISTING)
    write(
        "list.csv",
        "Name,Aliases,Label,Wikidata\n"
        "Sergei Lavrov,Sergey Lavrov; Lavrov,,Q1\n"
        "Vladimir Putin,V. Putin,,\n"  # an entity the file has: its names join it
        "Hayat Tahrir al-Sham,HTS,ORG,\n"
        "Lviv,Lvov,GPE,\n"
        "Sergei Lavrov,S. Lavrov,,\n",  # the same entity on a second row
    )
    result = run("list.csv")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "aliases.yaml: 3 new entities, 9 names filed from list.csv\n"
    assert Path("aliases.yaml").read_text(encoding="utf-8") == (
        "# my file\n"
        "PERSON:\n"
        "  Vladimir Putin: [Putin, V. Putin] # keep me\n"
        "  Sergei Lavrov:\n"
        "    aliases: [Sergey Lavrov, Lavrov, S. Lavrov]\n"
        "    Wikidata: Q1\n"
        "GPE:\n"
        "  Kyiv: [Kiev]\n"
        "  Lviv: [Lvov]\n"
        "ORG:\n"
        "  Hayat Tahrir al-Sham: [HTS]\n"
    )
    table = load_aliases("aliases.yaml")
    assert table.lookup("hts").canonical == "Hayat Tahrir al-Sham"
    assert table.lookup("Lavrov").attributes == {"Wikidata": "Q1"}


def test_tsv_and_json_lines_with_columns_of_their_own(write):
    write("people.tsv", "Full name\tAKA\nAsaad al-Shaibani\tAsaad al-Shibani|Al Shabani\n")
    assert run("people.tsv", "--name-column", "full name", "--aliases-column", "aka", "--split", "|").exit_code == 0
    write("orgs.jsonl", '{"name": "Rosatom", "aliases": ["State Atomic Energy Corporation"], "ref": 7}\n\n')
    assert run("orgs.jsonl", "--label", "ORG").exit_code == 0
    table = load_aliases("aliases.yaml")
    assert table.lookup("Al Shabani").canonical == "Asaad al-Shaibani"
    assert (table.lookup("Rosatom").label, table.lookup("Rosatom").attributes) == ("ORG", {"ref": "7"})


def test_a_name_under_two_entities_stops_the_import(write):
    write("aliases.yaml", EXISTING)
    write("list.csv", "name,aliases\nSergei Lavrov,Putin\nSergey Shoigu,Shoigu\nS. Shoigu,Shoigu\n")
    result = run("list.csv")
    assert result.exit_code == 1
    assert result.stdout == (
        "list.csv:2:1: 'Putin' is listed for 'Sergei Lavrov' (list.csv) and for another entity at aliases.yaml:3; "
        "a name can belong to one entity only; fix: keep it under one of them; if they are one entity, give them "
        "one name\n"
        "list.csv:4:1: 'Shoigu' is listed for 'S. Shoigu' (list.csv) and for another entity at list.csv:3; a name "
        "can belong to one entity only; fix: keep it under one of them; if they are one entity, give them one name\n"
    )
    assert Path("aliases.yaml").read_text(encoding="utf-8") == EXISTING  # nothing written


def test_bad_rows_stop_the_import_and_say_where(write):
    write("list.csv", "name,label\nSergei Lavrov,\n,PERSON\nMoscow,CITY\n")
    result = run("list.csv")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "list.csv:3:1: a row without a name (column 'name'); fix: fill it in or remove the row",
        "list.csv:4:1: unknown label 'CITY' for 'Moscow'; fix: use one of PERSON, NORP, FAC, ORG, GPE, LOC, "
        "PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL, "
        "PER, MISC",
    ]
    assert result.stderr == "aliases.yaml: nothing written; fix the names above and import again\n"


def test_a_name_twice_for_one_entity_is_only_reported(write):
    write("list.csv", "name,aliases\nSergei Lavrov,Lavrov;LAVROV\n")
    result = run("list.csv")
    assert result.exit_code == 0
    assert (
        result.stdout
        == "list.csv:2:1: 'LAVROV' is listed twice for 'Sergei Lavrov' (list.csv); fix: remove one of them\n"
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("list.csv", "title,aliases\nX,Y\n", "list.csv has no column 'name' (its columns: 'title', 'aliases')"),
        ("list.txt", "name\nX\n", "cannot tell the format of list.txt; give --format csv, tsv or jsonl"),
        ("list.jsonl", '{"name": "X"}\n[1]\n', "list.jsonl:2: each line must be a JSON object"),
        ("list.jsonl", "{oops\n", "list.jsonl:1: not JSON"),
        ("list.csv", b"name\nCaf\xe9\n", "cannot read list.csv: it is not UTF-8 text (byte 8); save it as UTF-8"),
    ],
)
def test_files_that_are_not_lists(write, name, content, message):
    write(name, content)
    result = run(name)
    assert result.exit_code in (1, 2) and message in result.stderr
    assert not Path("aliases.yaml").exists()


def test_read_entries_keeps_other_columns_as_fields(write):
    write("l.csv", "name,aliases,country,empty\nAsaad al-Shaibani,,Syria,\n")
    entries, problems = read_entries("l.csv", "csv", Columns())
    assert (entries, problems) == ([AliasEntity("Asaad al-Shaibani", "PERSON", (), {"country": "Syria"}, 2)], [])


def test_import_into_a_missing_folder():
    with pytest.raises(EntnormError, match="there is no folder"):
        import_entries("no/such/aliases.yaml", [AliasEntity("A B", "PERSON", ())], "l.csv")
