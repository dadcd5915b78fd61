import pytest

from entnorm.aliasfile import cache
from entnorm.aliasfile.read import parse_aliases


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_recent", None)  # each test starts as a new process


def big_file(n):
    return "PERSON:\n" + "".join(f"  Person{i:05d} Name: [P{i:05d} Name]\n" for i in range(n))


def test_a_big_table_is_kept_and_found_again(monkeypatch):
    text = big_file(cache.MIN_ENTITIES)
    assert cache.cached_table(text, "a.yaml") is None
    parsed = parse_aliases(text, path="a.yaml")
    found = cache.cached_table(text, "b.yaml")
    assert found is not None and found.path == "b.yaml"
    assert found.entities == parsed.entities and found.by_key == parsed.by_key
    calls = []
    monkeypatch.setattr("entnorm.aliasfile.read.validate", lambda *a: calls.append(a))
    assert parse_aliases(text).entities == parsed.entities and calls == []  # not parsed again


def test_a_small_table_is_parsed_every_time():
    text = big_file(3)
    parse_aliases(text)
    assert cache.cached_table(text, "a.yaml") is None


def test_a_damaged_entry_is_a_miss():
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text)
    entry = next((cache.cache_dir() / "aliases").glob("*.marshal"))
    entry.write_bytes(b"\x00garbage")
    cache._recent = None  # another process
    assert cache.cached_table(text, "a.yaml") is None
    assert len(parse_aliases(text)) == cache.MIN_ENTITIES


def test_the_last_table_is_kept_in_the_process_and_each_reader_gets_its_own_copy():
    text = big_file(cache.MIN_ENTITIES)
    parse_aliases(text, path="a.yaml")
    for entry in (cache.cache_dir() / "aliases").glob("*.marshal"):
        entry.unlink()
    first = cache.cached_table(text, "b.yaml")
    assert first is not None and first.path == "b.yaml" and len(first) == cache.MIN_ENTITIES
    first.entities.pop()
    first.by_key.clear()
    second = cache.cached_table(text, "c.yaml")
    assert len(second.entities) == cache.MIN_ENTITIES and second.lookup("P00000 Name").canonical == "Person00000 Name"
    assert cache.cached_table(big_file(cache.MIN_ENTITIES + 1), "d.yaml") is None  # another text misses
