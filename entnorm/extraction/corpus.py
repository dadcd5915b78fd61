"""Finding and reading the input: the texts of `extract`, and the name lists of `resolve` and `explain`.

Paths are expanded in the order given; folders are walked recursively and their files sorted, so output order
never depends on the file system. Files are read one at a time (`iter_documents` is lazy). A file that is not
text is skipped and reported through `on_warning`; a file that is not UTF-8 is decoded with a fallback and
reported, so nothing is silently lost.
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from entnorm.errors import CorpusError, InputError
from entnorm.labels import KNOWN_LABELS
from entnorm.records import Document, Mention

DEFAULT_GLOB = "*.txt"
#: Used when a file is not valid UTF-8 and no --encoding was given: the usual encoding of Western news text
#: saved on Windows. Bytes it leaves undefined fall back to latin-1, which decodes anything.
FALLBACK_ENCODING = "cp1252"
BINARY_SNIFF_BYTES = 8192
#: Byte-order marks that name their encoding (UTF-32 first: its little-endian mark starts with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: The callbacks a run reports through: a warning, and a document read.
Warn = Callable[[str], None]
Progress = Callable[[Document], None]


def list_files(
    paths: Iterable[str], *, pattern: str = DEFAULT_GLOB, on_warning: Warn = lambda message: None
) -> list[str]:
    """Expand the paths a user gave into the files to read (see `iter_paths`), each file once (a file given
    twice, or reached through two paths, is read once).

    Raises:
        CorpusError: when the folders hold no file matching `pattern`.
    """
    paths = list(paths)
    files, seen = [], set()
    for path in iter_paths(paths, pattern=pattern, on_warning=on_warning):
        identity = path if path == "-" else os.path.realpath(path)
        if identity not in seen:
            seen.add(identity)
            files.append(path)
    if not files:
        raise CorpusError(f"no text files under {', '.join(paths)} (looked for {pattern}; use --glob to change)")
    return files


def iter_paths(
    paths: Iterable[str], *, pattern: str = DEFAULT_GLOB, on_warning: Warn = lambda m: None
) -> Iterator[str]:
    """Yield the files to read: files as given, folders walked recursively, sorted, dot-files skipped. A folder
    that cannot be read is reported through `on_warning`.

    Args:
        paths: files, folders, or "-" for standard input.
        pattern: which files to take from folders (files named explicitly are always read), matched against the
            file's name; a pattern with a "/" ("**/*.txt", "2024/*.txt") against its path inside the folder.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        found = []

        def unreadable(error: OSError) -> None:
            on_warning(f"{error.filename}: skipped, cannot be read ({error.strerror})")

        for root, dirs, files in os.walk(path, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith(".") and _matches(os.path.join(root, name), path, pattern):
                    found.append(os.path.join(root, name))
        yield from sorted(found, key=lambda p: Path(p).parts)


def _matches(file: str, folder: str, pattern: str) -> bool:
    if "/" not in pattern:
        return fnmatch.fnmatch(os.path.basename(file), pattern)
    relative = Path(os.path.relpath(file, folder))
    # "**/" matches any folders, none included, as in a shell with globstar
    return relative.match(pattern) or (pattern.startswith("**/") and relative.match(pattern[3:]))


def decode(data: bytes, *, name: str, encoding: str | None, on_warning: Warn) -> str | None:
    """Bytes to text, or None for a binary file (a NUL byte near the start).

    A byte-order mark is dropped; one of UTF-16 or UTF-32 picks that encoding (their text holds NUL bytes, so
    it is not taken for binary), as does --encoding utf-16 / utf-32. Offsets in the output count characters
    of the returned text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom) and (encoding is None or codecs.lookup(encoding).name.startswith(codec[:6])):
            encoding = codec
            break
    wide = encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    nul = -1 if wide else data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul >= 0:
        on_warning(f"{name}: skipped, looks like a binary file (NUL byte at offset {nul})")
        return None
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            on_warning(f"{name}: not valid {encoding} (byte {exc.start}); undecodable bytes replaced with U+FFFD")
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        try:
            text, used = data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
        except UnicodeDecodeError:
            text, used = data.decode("latin-1"), "latin-1"
        on_warning(
            f"{name}: not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); read as {used}. "
            f"Pass --encoding to choose another encoding"
        )
        return text


def iter_documents(
    files: Iterable[str],
    *,
    encoding: str | None = None,
    on_warning: Warn = lambda message: None,
    stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read(),
) -> Iterator[Document]:
    """Yield each readable file as a Document, lazily, in the order given ("-" reads standard input).

    Raises:
        CorpusError: when none of the files held text (all binary or unreadable).
    """
    seen_any = False
    for path in files:
        try:
            data = stdin() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            on_warning(f"{path}: skipped, cannot be read ({exc.strerror})")
            continue
        text = decode(data, name=path, encoding=encoding, on_warning=on_warning)
        if text is None:
            continue
        seen_any = True
        yield Document(name=display_name(path), text=text)
    if not seen_any:
        raise CorpusError("no readable text in the files given (every file was skipped; see the warnings above)")


def display_name(path: str) -> str:
    """The path as output shows it: a byte of the file name that is not UTF-8 (kept by the file system's
    decoding as a lone surrogate) becomes U+FFFD, so JSON and CSV output stay valid UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_lines(source: str, *, stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read()) -> list[str]:
    """The lines of a names file (or "-" for standard input), decoded as UTF-8.

    Raises:
        InputError: the file is not UTF-8.
    """
    data = stdin() if source == "-" else Path(source).read_bytes()
    try:
        # lines end at "\n" only: U+2028 and the like may stand inside a JSON string
        return [line.removesuffix("\r") for line in data.decode("utf-8-sig").split("\n")]
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start}); save the list as UTF-8") from None


def read_names(lines: Iterable[str], *, default_label: str, source: str = "-") -> list[Mention]:
    """Parse `entnorm resolve` input: one name per line, or JSON lines {"text": ..., "label": ...}.

    Blank lines are skipped; control characters (NUL, escapes) in a name become spaces. Raises InputError with
    the line number for malformed JSON, a JSON value that is not an object, a missing text or an unknown label.
    """
    names = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[0] in "{[":
            try:
                row = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise InputError(f"{source}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(row, dict):
                raise InputError(f'{source}:{number}: a JSON line must be an object, like {{"text": "Name"}}')
            text = row.get("text")
            if not isinstance(text, str) or not _clean(text):
                raise InputError(f'{source}:{number}: a JSON line needs a "text" field with the name')
            label = row.get("label") or default_label
            if not isinstance(label, str) or label.upper() not in KNOWN_LABELS:
                raise InputError(f'{source}:{number}: "label" must be one of {", ".join(KNOWN_LABELS)}')
            names.append(Mention.named(_clean(text), label.upper()))
        elif text := _clean(stripped):
            names.append(Mention.named(text, default_label))
    return names


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _clean(name: str) -> str:
    return " ".join(_CONTROL.sub(" ", name).split())
