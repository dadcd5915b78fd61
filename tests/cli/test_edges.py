"""The hardening cases through the CLI, one test each: what a user does wrong or unusually, and what they see."""

import json
import os

import pytest
from click.testing import CliRunner

from entnorm.cli import cli


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


@pytest.fixture
def value_model(tmp_path_factory):
    """A recogniser that finds names, a person-labelled city, and dates."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [
            {"label": "PERSON", "pattern": "Sergei Lavrov"},
            {"label": "PERSON", "pattern": "Kiev"},
            {"label": "GPE", "pattern": "Kyiv"},
            {"label": "DATE", "pattern": "March"},
            {"label": "DATE", "pattern": "March 10, 2025"},
            {"label": "DATE", "pattern": "today"},
        ]
    )
    path = tmp_path_factory.mktemp("value-model") / "m"
    nlp.to_disk(path)
    return str(path)


def entities(result):
    return [(r["canonical"], r["label"]) for r in map(json.loads, result.stdout.splitlines())]


def test_labels_limit_the_output(write, value_model):
    write("a.txt", "Sergei Lavrov was in Kiev, and then Kyiv, in March and on March 10, 2025, today.\n")
    write("aliases.yaml", "ORG:\n  Russia Today: [Today]\n")
    person = run("extract", "a.txt", "-m", value_model, "--labels", "PERSON", "-f", "jsonl")
    assert entities(person) == [("Sergei Lavrov", "PERSON")]  # "Kiev" is a place, whatever the recogniser said
    dates = run("extract", "a.txt", "-m", value_model, "--labels", "DATE", "-f", "jsonl")
    assert sorted(entities(dates)) == [("March", "DATE"), ("March 10, 2025", "DATE"), ("today", "DATE")]


def test_a_lower_case_word_is_not_a_capitalised_alias(write, value_model):
    write("a.txt", "We had roast turkey. Turkey said so, and trump cards were played.\n")
    write("aliases.yaml", "GPE:\n  Turkey: [Türkiye]\nPERSON:\n  Donald Trump: [Trump]\n")
    result = run("extract", "a.txt", "-m", value_model, "--level", "mentions", "-f", "jsonl")
    assert [(r["text"], r["start"]) for r in map(json.loads, result.stdout.splitlines())] == [("Turkey", 21)]


def test_a_missing_file_named_by_the_environment_is_an_error(write, monkeypatch, value_model):
    write("a.txt", "Sergei Lavrov.\n")
    monkeypatch.setenv("ENTNORM_ALIASES", "nowhere.yaml")
    result = run("extract", "a.txt", "-m", value_model)
    assert result.exit_code == 2
    assert "Invalid value for --aliases: $ENTNORM_ALIASES names nowhere.yaml, which does not exist" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_a_warning(write, tmp_path, value_model):
    write("corpus/a.txt", "Sergei Lavrov.\n")
    write("corpus/locked/b.txt", "Kyiv.\n")
    os.chmod(tmp_path / "corpus" / "locked", 0)
    try:
        result = run("extract", "corpus", "-m", value_model, "-a", "/dev/null")
    finally:
        os.chmod(tmp_path / "corpus" / "locked", 0o755)
    assert result.exit_code == 0 and "corpus/locked: skipped, cannot be read" in result.stderr


def test_an_unreadable_folder_is_reported_through_the_callback(tmp_path, monkeypatch):
    from entnorm.extraction import corpus

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("x")

    def walk(path, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "c" / "locked")))
        yield str(tmp_path / "c"), [], ["a.txt"]

    monkeypatch.setattr(corpus.os, "walk", walk)
    warnings = []
    assert corpus.list_files([str(tmp_path / "c")], on_warning=warnings.append) == [str(tmp_path / "c" / "a.txt")]
    assert warnings == [f"{tmp_path / 'c' / 'locked'}: skipped, cannot be read (Permission denied)"]


@pytest.mark.parametrize("command", [["resolve", "-l", "PLANET"], ["explain", "X", "-l", "PLANET"]])
def test_unknown_labels_are_a_usage_error(command):
    result = run(*command, input="A\n")
    assert result.exit_code == 2 and "unknown label 'PLANET'" in result.stderr


def test_explain_needs_a_name():
    result = run("explain", "")
    assert result.exit_code == 2 and "give the name to explain" in result.stderr


def test_names_lose_their_control_characters():
    result = run("resolve", "-a", "/dev/null", input="Sergei\x00 Lavrov\x1b\n\x07\n")
    assert [json.loads(line)["canonical"] for line in result.stdout.splitlines()] == ["Sergei Lavrov"]


def test_a_file_given_twice_is_read_once(write, value_model):
    write("a.txt", "Sergei Lavrov.\n")
    result = run("extract", "a.txt", "./a.txt", "-m", value_model, "-a", "/dev/null", "-f", "jsonl")
    assert [json.loads(line)["mentions"] for line in result.stdout.splitlines()] == [1]


@pytest.mark.parametrize("encoding", [None, "utf-16"])
def test_utf16_with_a_byte_order_mark_is_text(write, value_model, encoding):
    write("a.txt", "Sergei Lavrov in Kyiv.\n".encode("utf-16"))
    extra = ["--encoding", encoding] if encoding else []
    result = run("extract", "a.txt", "-m", value_model, "-a", "/dev/null", "--level", "mentions", "-f", "jsonl", *extra)
    assert result.exit_code == 0 and result.stderr == ""
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["Sergei Lavrov", "Kyiv"]


def test_a_file_name_that_is_not_utf8_keeps_the_output_valid(tmp_path, value_model):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Sergei Lavrov.\n")
    result = CliRunner().invoke(cli, ["extract", name, "-m", value_model, "-a", "/dev/null", "--level", "mentions"])
    assert result.exit_code == 0
    assert json.loads(result.stdout_bytes.decode("utf-8"))["doc"] == "caf\ufffd.txt"


@pytest.mark.parametrize(
    "line, message",
    [
        ('["Sergei Lavrov"]', "a JSON line must be an object"),
        ('{"text": "X", "label": "PLANET"}', '"label" must be one of'),
    ],
)
def test_json_lines_that_are_not_name_objects_are_errors(line, message):
    result = run("resolve", "-a", "/dev/null", input=f"{line}\n")
    assert result.exit_code == 1 and f"Error: -:1: {message}" in result.stderr


def test_lines_end_at_newline_only():
    result = run("resolve", "-a", "/dev/null", input='{"text": "Sergei\\u2028Lavrov"}\n{"text": "A\u2029B"}\n')
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_accept_needs_write(write, value_model):
    write("a.txt", "Sergei Lavrov.\n")
    result = run("aliases", "suggest", "a.txt", "-m", value_model, "--accept", "m1")
    assert result.exit_code == 2 and "--accept chooses what --write files" in result.stderr


def test_a_bogus_encoding_is_a_usage_error(write, value_model):
    write("a.txt", "Sergei Lavrov.\n")
    result = run("extract", "a.txt", "-m", value_model, "--encoding", "bogus-enc")
    assert result.exit_code == 2 and "unknown encoding 'bogus-enc'" in result.stderr


def test_aliases_add_into_a_missing_folder_is_an_error():
    result = run("aliases", "add", "X", "--to", "Y", "-a", "missing/dir/a.yaml")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: cannot write missing/dir/a.yaml: there is no folder missing/dir; create it first\n",
    )


def test_glob_with_folders(write, value_model):
    write("c/top.txt", "Sergei Lavrov.\n")
    write("c/2024/deep.txt", "Kyiv.\n")
    result = run("extract", "c", "--glob", "**/*.txt", "-m", value_model, "-a", "/dev/null", "--level", "mentions")
    assert sorted(json.loads(line)["doc"] for line in result.stdout.splitlines()) == ["c/2024/deep.txt", "c/top.txt"]


def test_limit(write, value_model):
    write("a.txt", "Sergei Lavrov in Kyiv. Sergei Lavrov again.\n")
    result = run("extract", "a.txt", "-m", value_model, "-a", "/dev/null", "--limit", "1", "-f", "jsonl")
    assert entities(result) == [("Sergei Lavrov", "PERSON")]


def test_help_lists_commands_without_cutting_them():
    commands = run("--help").stdout.split("Commands:")[1]
    assert "..." not in commands and "Find the entities in files and resolve their spellings." in commands


def test_mojibake_is_repaired_and_offsets_still_index_the_file(write, tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "ORG", "pattern": "Café Nero"}, {"label": "PERSON", "pattern": "Zelensky"}]
    )
    nlp.to_disk(tmp_path / "m")
    text = "Zelenskyâ€™s team met at CafÃ© Nero.\n"
    write("a.txt", text)
    args = ("extract", "a.txt", "-m", str(tmp_path / "m"), "-a", "/dev/null", "--level", "mentions", "-f", "jsonl")
    cold, warm = run(*args), run(*args)  # the second run's spans come from the cache
    rows = [json.loads(line) for line in cold.stdout.splitlines()]
    assert [(r["text"], text[r["start"] : r["end"]]) for r in rows] == [
        ("Zelensky", "Zelensky"),
        ("Café Nero", "CafÃ© Nero"),
    ]
    assert warm.stdout == cold.stdout  # the cache knows the text was repaired, and repairs it again
