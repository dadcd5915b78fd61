import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from entnorm.cli import cli


@pytest.fixture
def database(corpus, ruler_model):
    result = CliRunner().invoke(cli, ["extract", corpus, "-m", ruler_model, "-a", "/dev/null", "-o", "out.db", "-q"])
    assert (result.exit_code, result.output) == (0, "")
    connection = sqlite3.connect("out.db")
    yield connection
    connection.close()


def rows(connection, sql):
    return connection.execute(sql).fetchall()


def test_the_readme_query(database):
    sql = (
        "select canonical, count(*) from mentions join entities on mentions.entity = entities.id "
        "group by 1 order by 2 desc, 1 limit 3"
    )
    assert rows(database, sql) == [("Sergei Lavrov", 3), ("Asaad al-Shibani", 2), ("Bashar al-Assad", 1)]


def test_tables_hold_documents_entities_aliases_and_mentions_in_context(database):
    assert rows(database, "select * from documents order by path") == [
        ("corpus/a.txt", 79, 12, 5),
        ("corpus/b.txt", 81, 13, 4),
    ]
    assert rows(database, "select * from entities where id = 'kiev'") == [
        ("kiev", "Kiev", "GPE", 1, 1, '[{"text": "Kiev", "count": 1}]', '{"geonames": "703448"}')
    ]
    assert rows(database, "select * from aliases where entity = 'sergei-lavrov' order by text") == [
        ("sergei-lavrov", "Lavrov", 1),
        ("sergei-lavrov", "Sergei Lavrov", 1),
        ("sergei-lavrov", "Sergey Lavrov", 1),
    ]
    assert rows(database, "select * from mentions where doc = 'corpus/a.txt' and text = 'Lavrov'") == [
        (
            4,
            "corpus/a.txt",
            47,
            53,
            "Lavrov",
            "PERSON",
            "sergei-lavrov",
            "Sergei Lavrov met Asaad al-Shibani in Moscow. Lavrov said the Kremlin agreed.",
        )
    ]


def test_keys_link_mentions_to_entities_and_documents(database):
    links = rows(database, "select * from pragma_foreign_key_list('mentions')")
    assert sorted((link[2], link[3], link[4]) for link in links) == [
        ("documents", "doc", "path"),
        ("entities", "entity", "id"),
    ]
    assert rows(database, "PRAGMA foreign_key_check") == []
    indexes = {r[0] for r in rows(database, "select name from sqlite_master where type = 'index'")}
    assert {"mentions_entity", "mentions_doc", "aliases_text"} <= indexes


def test_full_text_search_over_contexts(database):
    sql = "select m.doc, m.text from mentions_fts f join mentions m on m.id = f.rowid where mentions_fts match 'text: Kiev'"
    assert rows(database, sql) == [("corpus/b.txt", "Kiev")]


def test_a_rerun_replaces_the_whole_file(corpus, ruler_model, database):
    database.close()
    (Path(corpus) / "b.txt").unlink()
    result = CliRunner().invoke(
        cli, ["extract", corpus, "-m", ruler_model, "-a", "/dev/null", "-f", "sqlite", "-o", "out.db", "-q"]
    )
    assert result.exit_code == 0
    with sqlite3.connect("out.db") as connection:
        assert rows(connection, "select path from documents") == [("corpus/a.txt",)]
    assert sorted(p.name for p in Path().iterdir()) == ["corpus", "out.db"]  # no temporary file left


def test_a_database_needs_a_file_name(corpus, ruler_model):
    result = CliRunner().invoke(cli, ["extract", corpus, "-m", ruler_model, "-f", "sqlite", "-q"])
    assert result.exit_code == 2
    assert "a database is a file: give it a name with -o, like -o corpus.db" in result.stderr


def test_a_failed_run_leaves_the_old_database(corpus, ruler_model, write):
    write("old.db", "previous")
    result = CliRunner().invoke(cli, ["extract", "missing-folder", "-m", ruler_model, "-o", "old.db", "-q"])
    assert result.exit_code != 0
    assert Path("old.db").read_text() == "previous"
