"""`entnorm explain` through the CLI: every documented field in every machine format."""

import json

from click.testing import CliRunner

from entnorm.cli import cli
from entnorm.records import EXPLAIN_FIELDS


def explain(*args):
    return CliRunner().invoke(cli, ["explain", *args], catch_exceptions=False)


def test_explain_piped_has_every_field(write):
    write("names.txt", "Sergey Lavrov\nBashar al-Assad\n")
    result = explain("Sergei Lavrov", "--names", "names.txt", "-a", "/dev/null")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0] == {
        "name": "Sergei Lavrov",
        "entity": "sergei-lavrov",
        "canonical": "Sergei Lavrov",
        "label": "PERSON",
        "candidate": "Sergey Lavrov",
        "candidate_label": "PERSON",
        "candidate_entity": "sergei-lavrov",
        "score": rows[0]["score"],
        "outcome": "match",
        "reason": rows[0]["reason"],
    }
    assert all(list(row) == list(EXPLAIN_FIELDS) for row in rows)


def test_explain_table_says_name_and_resolution_in_its_title(write):
    write("names.txt", "Sergey Lavrov\n")
    result = explain("Sergei Lavrov", "--names", "names.txt", "-a", "/dev/null", "-f", "table")
    title = result.stdout.splitlines()[0]
    assert title == "'Sergei Lavrov' (PERSON) resolves to Sergei Lavrov (sergei-lavrov), PERSON"
    header = result.stdout.splitlines()[1].split()
    assert header == ["candidate", "label", "entity", "score", "outcome", "reason"]


def test_explain_csv_to_a_file_has_every_field(write, tmp_path):
    write("names.txt", "Sergey Lavrov\n")
    explain("Sergei Lavrov", "--names", "names.txt", "-a", "/dev/null", "-o", "why.csv")
    assert (tmp_path / "why.csv").read_text().splitlines()[0] == ",".join(EXPLAIN_FIELDS)
