import sqlite3
import subprocess
import sys
import textwrap

import pytest

from entnorm.extraction.cache import Entry, SpanCache, document_key


def test_put_get_round_trip_and_persistence(tmp_path):
    path = tmp_path / "c.sqlite"
    with SpanCache(path, batch=2) as cache:
        cache.put("a", [(0, 5, "PERSON")])
        assert cache.get("a") is None  # not flushed yet: pending entries are not read back
        cache.put("b", [])
        assert cache.get("a") == Entry([(0, 5, "PERSON")], False) and cache.get("b") == Entry(
            [], False
        )  # flushed at the batch size
        cache.put("c", [(1, 2, "ORG")])
    with SpanCache(path) as again:
        assert again.get("c") == Entry([(1, 2, "ORG")], False)  # closing flushed the last batch
        assert again.get("zzz") is None


def test_an_entry_says_whether_its_text_was_repaired(tmp_path):
    with SpanCache(tmp_path / "c.sqlite") as cache:
        cache.put("broken", [(0, 3, "GPE")], repaired=True)
        cache.put("clean", [(0, 3, "GPE")])
        cache.flush()
        assert cache.get("broken") == Entry([(0, 3, "GPE")], True)
        assert cache.get("clean") == Entry([(0, 3, "GPE")], False)


def test_keys_depend_on_text_and_model():
    base = document_key(b"text", model="m1")
    assert base == document_key(b"text", model="m1")
    assert len({base, document_key(b"text!", model="m1"), document_key(b"text", model="m2")}) == 3


def test_key_changes_with_the_span_cleaning_rules(monkeypatch):
    import entnorm.extraction.cache

    before = document_key(b"text", model="m1")
    monkeypatch.setattr(entnorm.extraction.cache, "CLEANING_RULES", "other-rules")
    assert document_key(b"text", model="m1") != before


def test_two_writers_at_once(tmp_path):
    path = tmp_path / "c.sqlite"
    one, two = SpanCache(path, batch=1), SpanCache(path, batch=1)
    for i in range(20):
        one.put(f"one{i}", [(i, i + 1, "GPE")])
        two.put(f"two{i}", [(i, i + 2, "ORG")])
    one.close()
    two.close()
    with SpanCache(path) as check:
        assert check.get("one19") == Entry([(19, 20, "GPE")], False) and check.get("two19") == Entry(
            [(19, 21, "ORG")], False
        )


def test_a_killed_writer_leaves_a_usable_cache(tmp_path):
    path = tmp_path / "c.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from entnorm.extraction.cache import SpanCache
        cache = SpanCache({str(path)!r}, batch=10)
        for i in range(1000):
            cache.put(f"k{{i}}", [(i, i + 1, "PERSON")])
            if i == 555:
                os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9
    with SpanCache(path) as cache:
        assert cache.get("k549") == Entry([(549, 550, "PERSON")], False)  # committed batches survive
        assert cache.get("k555") is None  # the batch in flight is simply absent
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_unopenable_cache_warns_and_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    warnings = []
    assert SpanCache.open_or_warn(warnings.append, blocker / "c.sqlite") is None
    assert len(warnings) == 1 and "pass --no-cache" in warnings[0]


def damaged(tmp_path, how):
    """A cache file with one entry, then damaged."""
    path = tmp_path / "c.sqlite"
    with SpanCache(path, batch=1) as cache:
        for i in range(200):
            cache.put(f"k{i}", [(0, 5, "PERSON")] * 20)
    if how == "page":
        data = bytearray(path.read_bytes())
        data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # the pages after the header
        path.write_bytes(bytes(data))
    elif how == "header":
        path.write_bytes(b"this is not a database" * 100)
    elif how == "row":
        db = sqlite3.connect(path)
        db.execute("UPDATE spans SET spans = 'not json' WHERE key = 'k1'")
        db.commit()
        db.close()
    elif how == "foreign":
        path.unlink()
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE spans (name TEXT, other INTEGER)")
        db.commit()
        db.close()
    return path


@pytest.mark.parametrize("how", ["page", "header", "row", "foreign"])
def test_a_damaged_cache_warns_once_goes_on_and_is_rebuilt(tmp_path, how):
    path = damaged(tmp_path, how)
    warnings = []
    with SpanCache(path, batch=1, on_warning=warnings.append) as cache:
        for i in range(3):
            assert cache.get(f"k{i}") in (None, Entry([(0, 5, "PERSON")] * 20, False))
            cache.put(f"new{i}", [(1, 2, "ORG")])
        assert cache.get("k1") is None or how == "page"
    assert len(warnings) == 1 and "is damaged" in warnings[0] and "rebuilt" in warnings[0]
    assert not path.exists()
    with SpanCache(path, batch=1, on_warning=warnings.append) as fresh:
        fresh.put("x", [(0, 1, "GPE")])
        fresh.flush()
        assert fresh.get("x") == Entry([(0, 1, "GPE")], False)
    assert len(warnings) == 1
