import json
import re
from pathlib import Path

from click.testing import CliRunner

from entnorm.aliasfile.read import parse_aliases
from entnorm.cli import cli
from entnorm.jobs import review_files
from entnorm.resolution.suggest import Suggestion
from entnorm.review.report import accept_command, render_report, report_data, suggestion_yaml

SUGGESTION = Suggestion("n1", "near-miss", "PERSON", "Asaad al-Shaibani", ("Al Shabani", "yes"), 0.9, "same name")


def test_the_yaml_that_accepting_files():
    assert suggestion_yaml(SUGGESTION) == 'PERSON:\n  Asaad al-Shaibani: [Al Shabani, "yes"]\n'


def test_the_command_that_accepts_quotes_what_the_shell_would_split():
    assert accept_command(["my corpus/"], SUGGESTION, None) == (
        "entnorm aliases suggest 'my corpus/' --write --accept n1"
    )
    assert accept_command(["c/"], SUGGESTION, "a.yaml") == "entnorm aliases suggest c/ -a a.yaml --write --accept n1"


def _data(corpus, ruler_model):
    found = review_files([corpus], aliases=parse_aliases(""), model=ruler_model, jobs=1, use_cache=False)
    return report_data(found.documents, found.mentions, found.resolution, found.suggestions, paths=[corpus])


def test_the_data_holds_documents_mentions_entities_and_suggestions(corpus, ruler_model):
    data = _data(corpus, ruler_model)
    assert data["title"] == "entnorm report: corpus"
    assert [name for name, _ in data["documents"]] == ["corpus/a.txt", "corpus/b.txt"]
    names = [e["canonical"] for e in data["entities"]]
    text = data["documents"][0][1]
    assert [(text[s:e], names[i]) for s, e, i in data["mentions"][0]] == [
        ("Sergei Lavrov", "Sergei Lavrov"),
        ("Asaad al-Shibani", "Asaad al-Shibani"),
        ("Moscow", "Moscow"),
        ("Lavrov", "Sergei Lavrov"),
        ("Kremlin", "Kremlin"),
    ]
    assert [(s["id"], s["canonical"], s["command"]) for s in data["suggestions"]][:1] == [
        ("m1", "Sergei Lavrov", "entnorm aliases suggest corpus --write --accept m1")
    ]


def test_the_page_is_self_contained_and_its_data_cannot_end_the_script(corpus, ruler_model, write):
    write("corpus/c.txt", "Sergei Lavrov wrote </script><script>alert(1)</script> and <!-- this.\n")
    page = render_report(_data(corpus, ruler_model))
    assert page.count("</script>") == 2  # the data block's and the script's own
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from anywhere
    block = page.split('<script type="application/json" id="data">')[1].split("</script>")[0]
    assert json.loads(block)["documents"][2][1].startswith("Sergei Lavrov wrote </script><script>")


def test_report_command_writes_the_page(corpus, ruler_model):
    result = CliRunner().invoke(cli, ["report", corpus, "-m", ruler_model, "-a", "/dev/null", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "report.html: 6 entities, 9 mentions, 2 documents, 2 suggestions\n"
    page = Path("report.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<title>entnorm report: corpus</title>" in page


def test_report_refuses_a_folder_as_output(corpus, ruler_model, write):
    write("out/x", "")
    result = CliRunner().invoke(cli, ["report", corpus, "-m", ruler_model, "-o", "out", "-q"])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr
