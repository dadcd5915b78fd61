import os

import pytest

from entnorm.storage import cache_dir, write_atomic


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
