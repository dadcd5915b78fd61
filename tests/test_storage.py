import os

import pytest

from entnorm import storage
from entnorm.storage import cache_dir, code_fingerprint, documents_digest, write_atomic


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("ENTNORM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x" / "entnorm"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "entnorm"


def test_write_atomic_replaces_keeps_the_mode_and_takes_bytes(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    os.chmod(path, 0o640)
    write_atomic(path, "néw\n")
    assert path.read_bytes() == "néw\n".encode()
    assert oct(path.stat().st_mode & 0o777) == "0o640"
    write_atomic(path, b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "f.txt"
    path.write_text("old")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_store_newest_writes_and_keeps_only_the_newest_files_of_its_kind(tmp_path):
    import os

    from entnorm.storage import store_newest

    folder = tmp_path / "cache" / "kind"
    (folder.parent).mkdir()
    for i, name in enumerate(["a", "b", "c"]):
        store_newest(folder / f"{name}.marshal", name.encode(), keep=2)
        os.utime(folder / f"{name}.marshal", (1000 + i, 1000 + i))  # a, b, c in age order
    (folder / "other.txt").write_text("not of its kind")
    assert sorted(p.name for p in folder.iterdir()) == ["b.marshal", "c.marshal", "other.txt"]
    store_newest(folder / "d.marshal", b"d", keep=2)
    assert sorted(p.name for p in folder.iterdir()) == ["c.marshal", "d.marshal", "other.txt"]
    assert (folder / "d.marshal").read_bytes() == b"d"


def test_code_fingerprint_follows_the_sources_and_the_versions(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "PACKAGE", tmp_path)
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "a.py").write_text("A = 1\n")
    first = code_fingerprint(["names/*.py"], ["entnorm"])
    assert code_fingerprint(["names/*.py"], ["entnorm"]) == first
    assert len(first) == 64
    (tmp_path / "names" / "a.py").write_text("A = 2\n")
    edited = code_fingerprint(["names/*.py"], ["entnorm"])
    assert edited != first  # a file's bytes
    (tmp_path / "names" / "a.py").rename(tmp_path / "names" / "b.py")
    assert code_fingerprint(["names/*.py"], ["entnorm"]) != edited  # a file's name
    assert code_fingerprint(["names/*.py"], ["entnorm", "no-such-distribution"]) != code_fingerprint(
        ["names/*.py"], ["entnorm"]
    )  # the libraries, installed or not


def test_code_fingerprint_without_sources_digests_the_versions_only(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "PACKAGE", tmp_path / "zipped")
    assert code_fingerprint(["names/*.py"], ["entnorm"]) == code_fingerprint([], ["entnorm"])
    assert code_fingerprint(["names/*.py"]) != code_fingerprint([], ["entnorm"])


def test_documents_digest_ignores_order_repeats_and_names_without_a_document():
    assert documents_digest(["b", "a", "a", None]) == documents_digest(["a", "b"]) != documents_digest(["a"])
