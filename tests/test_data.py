"""The word lists in entnorm/data/: well-formed, and apart where the rules need them apart."""

import pytest

from entnorm import data
from entnorm.data import LISTS, entries, fingerprint, words

from .conftest import REPO

#: A word of a name's own vocabulary must never mark a span as "not a name".
MUST_NOT_OVERLAP = [
    ("not_in_names", "latin_particles"),
    ("not_in_names", "name_links"),
    ("not_in_names", "articles"),
    ("not_in_names", "titles"),
    ("org_generic", "connectors"),
    ("page_furniture", "org_generic"),
]


def test_every_list_file_is_declared_and_every_declared_list_exists():
    files = sorted(p.stem for p in (REPO / "entnorm" / "data").glob("*.txt"))
    assert files == sorted(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_lower_case_unique_and_commented(name):
    listed = entries(name)
    assert listed, f"{name} is empty"
    assert [e for e in listed if e != e.lower()] == []
    assert len(listed) == len(set(listed)), f"{name} has duplicates"
    text = (REPO / "entnorm" / "data" / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("# "), f"{name}.txt should say what the list is for"


@pytest.mark.parametrize("a, b", MUST_NOT_OVERLAP)
def test_lists_that_must_stay_apart(a, b):
    assert sorted(words(a) & words(b)) == []


def test_unknown_list_is_an_error():
    with pytest.raises(KeyError, match="no word list 'nope'"):
        entries("nope")


def test_fingerprint_follows_entries_not_comments(monkeypatch):
    before = fingerprint("titles")
    assert fingerprint("titles") == before and len(before) == 12
    assert fingerprint("titles", "articles") == fingerprint("articles", "titles") != before
    original = data._text("titles")
    data._text.cache_clear()
    data.entries.cache_clear()
    monkeypatch.setattr(data, "_text", lambda name: "# another comment\n" + original)
    assert fingerprint("titles") == before
    monkeypatch.setattr(data, "_text", lambda name: original + "\nviceroy\n")
    data.entries.cache_clear()
    assert fingerprint("titles") != before
    data.entries.cache_clear()
