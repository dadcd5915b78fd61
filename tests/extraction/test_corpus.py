import pytest

from entnorm.errors import CorpusError
from entnorm.extraction.corpus import decode, iter_documents, iter_paths, list_files


def test_folders_are_walked_recursively_and_sorted(write, tmp_path):
    write("c/b.txt", "b")
    write("c/a.txt", "a")
    write("c/sub/a.txt", "s")
    write("c/.hidden.txt", "h")
    write("c/.git/x.txt", "g")
    write("c/notes.md", "m")
    assert list(iter_paths(["c"])) == ["c/a.txt", "c/b.txt", "c/sub/a.txt"]
    assert list(iter_paths(["c"], pattern="*.md")) == ["c/notes.md"]


def test_files_named_explicitly_are_read_whatever_their_extension(write):
    write("notes.md", "m")
    assert list_files(["notes.md"]) == ["notes.md"]


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"no text files under empty \(looked for \*\.txt"):
        list_files(["empty"])


def test_binary_files_are_skipped_with_a_warning(write):
    write("bin.txt", b"PNG\x00\x01")
    write("ok.txt", "Hello")
    warnings = []
    docs = list(iter_documents(["bin.txt", "ok.txt"], on_warning=warnings.append))
    assert [d.name for d in docs] == ["ok.txt"]
    assert warnings == ["bin.txt: skipped, looks like a binary file (NUL byte at offset 3)"]


def test_all_files_skipped_is_an_error(write):
    write("bin.txt", b"\x00")
    with pytest.raises(CorpusError, match="every file was skipped"):
        list(iter_documents(["bin.txt"], on_warning=lambda m: None))


def test_non_utf8_falls_back_to_cp1252_with_a_warning():
    warnings = []
    text = decode("Caf\xe9 Moscow".encode("cp1252"), name="x.txt", encoding=None, on_warning=warnings.append)
    assert text == "Café Moscow"
    assert warnings == [
        "x.txt: not valid UTF-8 (byte 0xe9 at offset 3); read as cp1252. Pass --encoding to choose another encoding"
    ]


def test_forced_encoding():
    assert decode("Café".encode("latin-1"), name="x", encoding="latin-1", on_warning=lambda m: None) == "Café"


def test_forced_encoding_that_fails_replaces_and_warns():
    warnings = []
    assert decode(b"\xff", name="x", encoding="utf-8", on_warning=warnings.append) == "\ufffd"
    assert warnings == ["x: not valid utf-8 (byte 0); undecodable bytes replaced with U+FFFD"]


def test_utf8_bom_is_dropped():
    assert decode("\ufeffKyiv".encode("utf-8"), name="x", encoding=None, on_warning=lambda m: None) == "Kyiv"


def test_stdin_is_read_for_dash():
    docs = list(iter_documents(["-"], stdin=lambda: b"Moscow"))
    assert [(d.name, d.text) for d in docs] == [("-", "Moscow")]
