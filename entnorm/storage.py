"""Where entnorm keeps its own files, what its cache entries are made by, and how it replaces a file without
ever leaving half of one."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TextIO

from entnorm.errors import OutputError


def cache_dir() -> Path:
    """Where entnorm keeps derived data: $ENTNORM_CACHE_DIR, else $XDG_CACHE_HOME/entnorm, else ~/.cache/entnorm."""
    if explicit := os.environ.get("ENTNORM_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "entnorm"


#: The entnorm package's folder, which `code_fingerprint` reads its sources from.
PACKAGE = Path(__file__).resolve().parent


def code_fingerprint(sources: Iterable[str], libraries: Iterable[str] = ()) -> str:
    """A digest of the package's source and data files matching `sources` (patterns inside the package, such as
    "names/*.py", each pattern's files in sorted order, path and bytes) and of the installed versions of the
    `libraries`. A cache entry filed under it is missed after an upgrade, and after an edit of the code that
    made it even in a development install. An install without its sources digests the versions only."""
    digest = hashlib.sha256()
    for pattern in sources:
        for source in sorted(PACKAGE.glob(pattern)):
            try:
                digest.update(str(source.relative_to(PACKAGE)).encode() + b"\0" + source.read_bytes())
            except OSError:
                digest.update(b"unreadable")
    for name in libraries:
        try:
            digest.update(f"\0{name}={version(name)}".encode())
        except PackageNotFoundError:  # run from a source folder
            digest.update(f"\0{name}=-".encode())
    return digest.hexdigest()


def documents_digest(docs: Iterable[str | None]) -> str:
    """Which cache file a run on these documents (or files) keeps its state in: a digest of their names, in any
    order, repeats and None left out."""
    digest = hashlib.sha256()
    for doc in sorted({d for d in docs if d is not None}):
        digest.update(doc.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def _put_in_place(fd: int, tmp: str, target: Path) -> None:
    """The last steps of every atomic write: the temporary file on disk, with the target's mode if there is
    one, then renamed over it."""
    os.fsync(fd)
    if target.exists():
        shutil.copymode(target, tmp)
    os.replace(tmp, target)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8) in one step: a temporary file in the same folder,
    fsync, os.replace.

    A crash or a full disk leaves either the old file or the new one, never half of one, and no temporary file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            stream.flush()
            _put_in_place(stream.fileno(), tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_newest(path: Path, data: bytes, *, keep: int) -> None:
    """Write a cache file (`write_atomic`, its folder made if need be), then delete all but the `keep` newest
    files with its suffix in its folder, so that a cache folder never grows past a few entries.

    Raises:
        OSError: as `write_atomic`, or a file could not be listed or deleted.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    kept = sorted(path.parent.glob(f"*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[keep:]:
        old.unlink(missing_ok=True)


@contextmanager
def replaced_file(path: str) -> Iterator[str]:
    """A temporary path in the folder of `path` to build a file at (a database, which is not written as a
    stream); when the block ends without an error it is flushed to disk and replaces `path` in one
    `os.replace`, so a failed run leaves the previous file whole. Checked before the work starts, as
    `open_output` is.

    Raises:
        OutputError: the path cannot be written (no such folder, a folder, no permission).
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FileNotFoundError:
        raise OutputError(f"cannot write {path}: there is no folder {target.parent}") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            if not target.exists():
                os.chmod(tmp, 0o666 & ~_umask())
            _put_in_place(fd, tmp, target)
        finally:
            os.close(fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    """A text stream for the output: standard output for "-"; for a device or a pipe (/dev/stdout, a FIFO)
    the path itself; for a file, a temporary file in the same folder that replaces the file when the block
    ends without an error, so a failed run (a full disk, an interrupted job) leaves the previous file whole.

    Open it before the work starts: a path that cannot be written fails at once.

    Raises:
        OutputError: the path cannot be written (no such folder, a folder, no permission, a full disk).
    """
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if not path:
        raise OutputError("-o needs a file name (or - for standard output)")
    target = Path(path)
    try:
        special = target.exists() and not stat.S_ISREG(target.stat().st_mode)
        if target.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder; give a file name")
        if special:
            with open(target, "w", encoding="utf-8", newline="") as stream:
                checked = _Checked(stream, path)
                yield checked
                checked.flush()
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FileNotFoundError:
        raise OutputError(f"cannot write {path}: there is no folder {target.parent}") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield _Checked(stream, path)
            _commit(stream, tmp, target, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _commit(stream: TextIO, tmp: str, target: Path, path: str) -> None:
    """Flush the temporary file to disk and put it in the target's place."""
    try:
        stream.flush()
        if not target.exists():
            os.chmod(tmp, 0o666 & ~_umask())  # a new output file gets the mode any new file would
        _put_in_place(stream.fileno(), tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}; the previous file, if any, is unchanged") from None


class _Checked:
    """A stream whose write errors say which output failed (`OutputError`), so that they are told apart from
    the errors of the work that produces the output."""

    def __init__(self, stream: TextIO, path: str) -> None:
        self._stream, self._path = stream, path

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(f"cannot write {self._path}: {exc.strerror}") from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(f"cannot write {self._path}: {exc.strerror}") from None

    def isatty(self) -> bool:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
