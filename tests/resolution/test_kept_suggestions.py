import pytest

from entnorm.aliasfile.read import AliasTable, parse_aliases
from entnorm.resolution import kept_suggestions as kept
from entnorm.resolution.kept_suggestions import keep_suggestions, kept_suggestions, run_key
from entnorm.resolution.suggest import Suggestion

SUGGESTIONS = [
    Suggestion("m1", "merge", "PERSON", "Sergei Lavrov", ("Lavrov", "Sergey Lavrov"), 0.98, "grouped by inference"),
    Suggestion("n1", "near-miss", "GPE", "Kyiv", ("Kiev",), 0.84, "historical name"),
]


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def files(write):
    write("a.txt", "Sergei Lavrov spoke.")
    write("b.txt", "Sergey Lavrov spoke.")
    return ["a.txt", "b.txt"]


def test_the_key_follows_every_input(files, write, monkeypatch):
    table = AliasTable()
    first = run_key(files, table, "en_core_web_sm-3.8.0:ner")
    assert run_key(files, AliasTable(), "en_core_web_sm-3.8.0:ner") == first  # the same inputs, the same key
    assert run_key(files[::-1], table, "en_core_web_sm-3.8.0:ner") != first  # the order of the documents
    assert run_key(files, table, "en_core_web_sm-3.7.1:ner") != first  # another pipeline
    assert run_key(files, parse_aliases("PERSON:\n  Sergei Lavrov: [Lavrov]\n"), "en_core_web_sm-3.8.0:ner") != first
    write("b.txt", "Sergey Lavrov spoke again.")
    edited = run_key(files, table, "en_core_web_sm-3.8.0:ner")
    assert edited != first  # a document's bytes
    monkeypatch.setattr(kept, "LIBRARIES", ("entnorm", "no-such-library"))
    assert run_key(files, table, "en_core_web_sm-3.8.0:ner") != edited  # the libraries' versions


def test_standard_input_is_never_kept(files):
    assert run_key([*files, "-"], AliasTable(), "m") is None


def test_an_unreadable_file_still_has_a_key(files):
    assert run_key([*files, "missing.txt"], AliasTable(), "m") != run_key(files, AliasTable(), "m")


def test_kept_suggestions_come_back_as_they_were_kept(files):
    run = run_key(files, AliasTable(), "m")
    assert kept_suggestions(run) is None
    keep_suggestions(run, SUGGESTIONS, ["b.txt: not valid UTF-8"])
    assert kept_suggestions(run) == (SUGGESTIONS, ["b.txt: not valid UTF-8"])
    assert kept_suggestions(run_key(files[:1], AliasTable(), "m")) is None


def test_a_damaged_entry_is_not_used(files, tmp_path):
    run = run_key(files, AliasTable(), "m")
    keep_suggestions(run, SUGGESTIONS, [])
    (tmp_path / "cache" / "suggestions" / f"{run}.marshal").write_bytes(b"\x00not marshal")
    assert kept_suggestions(run) is None


def test_a_cache_that_cannot_be_written_is_skipped(files, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(blocker))
    run = run_key(files, AliasTable(), "m")
    keep_suggestions(run, SUGGESTIONS, [])  # no error
    assert kept_suggestions(run) is None


def test_only_the_newest_entries_are_kept(files, tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "KEEP", 2)
    runs = [run_key(files, AliasTable(), f"model-{i}") for i in range(3)]
    for run in runs:
        keep_suggestions(run, SUGGESTIONS, [])
    assert len(list((tmp_path / "cache" / "suggestions").glob("*.marshal"))) == 2
