import os

import pytest

from entnorm.aliasfile.read import load_aliases
from entnorm.aliasfile.write import Addition, AliasConflict, add_names, write_atomic

ORIGINAL = """\
# my aliases: keep this comment
PERSON:
    Sergei Lavrov:
        - Sergey Lavrov   # Russian spelling
        - Lavrov
    Vladimir Putin:       # no aliases yet
GPE:
  Kyiv: [Kiev]
ORG:
  RT:
    aliases: [Russia Today]
    wikidata: Q1103
"""


@pytest.fixture
def aliases(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def test_round_trip_keeps_comments_order_and_layout(aliases):
    changed = add_names(
        aliases,
        [
            Addition("S. Lavrov", "Sergei Lavrov", "PERSON"),
            Addition("Putin", "vladimir putin", "PERSON"),
            Addition("Kiew", "Kyiv", "GPE"),
            Addition("RT News", "RT", "ORG"),
            Addition("TASS", "TASS", "ORG"),
            Addition("Witkoff", "Steve Witkoff", "PERSON"),
        ],
    )
    assert len(changed) == 6
    assert (
        aliases.read_text(encoding="utf-8")
        == """\
# my aliases: keep this comment
PERSON:
    Sergei Lavrov:
        - Sergey Lavrov   # Russian spelling
        - Lavrov
        - S. Lavrov
    Vladimir Putin: [Putin] # no aliases yet
    Steve Witkoff: [Witkoff]
GPE:
  Kyiv: [Kiev, Kiew]
ORG:
  RT:
    aliases: [Russia Today, RT News]
    wikidata: Q1103
  TASS:
"""
    )
    table = load_aliases(aliases)
    assert table.lookup("kiew").canonical == "Kyiv" and table.lookup("Putin").canonical == "Vladimir Putin"


def test_a_name_already_listed_changes_nothing(aliases):
    before = aliases.stat().st_mtime_ns
    assert add_names(aliases, [Addition("lavrov", "Sergei Lavrov", "PERSON")]) == []
    assert aliases.read_text(encoding="utf-8") == ORIGINAL and aliases.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "addition, message",
    [
        (Addition("Lavrov", "Pavel Lavrov", "PERSON"), "'Lavrov' already belongs to 'Sergei Lavrov'"),
        (Addition("Sergey Lavrov", "Sergey Lavrov Jr", "PERSON"), "'Sergey Lavrov' already belongs to 'Sergei Lavrov'"),
        (Addition("S. Lavrov", "Lavrov", "PERSON"), "'Lavrov' is an alias of 'Sergei Lavrov'"),
    ],
)
def test_conflicts_are_refused_and_nothing_is_written(aliases, addition, message):
    with pytest.raises(AliasConflict, match=message):
        add_names(aliases, [Addition("Kiew", "Kyiv", "GPE"), addition])
    assert aliases.read_text(encoding="utf-8") == ORIGINAL


def test_missing_file_is_created(tmp_path):
    path = tmp_path / "new.yaml"
    add_names(path, [Addition("Kiev", "Kyiv", "GPE")])
    assert path.read_text(encoding="utf-8") == "GPE:\n  Kyiv: [Kiev]\n"


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_a_crash_during_the_write_leaves_the_old_file_and_no_temporary(aliases, monkeypatch, failing):
    def crash(*args, **kwargs):
        raise OSError("disk on fire")

    _module, name = failing.split(".")
    monkeypatch.setattr(os, name, crash)
    with pytest.raises(OSError, match="disk on fire"):
        add_names(aliases, [Addition("Kiew", "Kyiv", "GPE")])
    monkeypatch.undo()
    assert aliases.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in aliases.parent.iterdir()) == ["aliases.yaml"]


def test_write_atomic_keeps_the_file_mode(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("x", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "y")
    assert path.read_text(encoding="utf-8") == "y" and (path.stat().st_mode & 0o777) == 0o640


def test_edits_touch_only_the_lines_they_change(tmp_path):
    path = tmp_path / "aliases.yaml"
    original = (
        "PERSON:\n"
        "    Jane Doe:    # aligned comment\n"
        "        - J. Doe     # first\n"
        "        - Janie\n"
        "    Bob:   [B]       # short\n"
        "GPE:\n"
        "    Paris: [Paree]\n"
    )
    path.write_text(original, encoding="utf-8")
    add_names(
        path,
        [
            Addition("Jane D.", "Jane Doe", "PERSON"),
            Addition("Bobby", "Bob", "PERSON"),
            Addition("yes: no", "Paris", "GPE"),
            Addition("Lyon", "Lyon", "GPE"),
            Addition("Kyiv Post", "Kyiv Post", "ORG"),
        ],
    )
    assert path.read_text(encoding="utf-8") == (
        "PERSON:\n"
        "    Jane Doe:    # aligned comment\n"
        "        - J. Doe     # first\n"
        "        - Janie\n"
        "        - Jane D.\n"
        "    Bob:   [B, Bobby] # short\n"
        "GPE:\n"
        '    Paris: [Paree, "yes: no"]\n'
        "    Lyon:\n"
        "ORG:\n"
        "    Kyiv Post:\n"
    )
    table = load_aliases(path)
    assert table.lookup("yes: no").canonical == "Paris" and table.lookup("Bobby").canonical == "Bob"
