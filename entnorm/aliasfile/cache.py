"""A cache of parsed alias tables, so that a watchlist of 100,000 entities loads in a fraction of a second
rather than being parsed again by every command.

An entry is the table of one file text, keyed by the SHA-256 of the text and the format of the entry, in
`storage.cache_dir()/aliases/` as a `marshal` file of plain tuples (no code is ever loaded from it). Only files
that parse without a fatal problem are stored, and only big ones (`MIN_ENTITIES`): a small file parses faster
than a cache file is read. The writer stores the table of the text it writes, so the run after an edit finds
it. A cache that cannot be read or written is skipped: it only ever saves time.

An entry also holds the text it was read from (compressed), and the newest entry stored for each file path is
named in a small pointer file beside the entries (`<digest of the path>.latest`), so that after an edit by hand
only the changed entities are parsed again (`aliasfile.reread`, called by `read.parse_aliases`).

The last table read or stored is also kept in the process (`_recent`), so a command that reads the file and
then writes to it (`aliases suggest --write`) unpacks it once; callers get their own copy of its list and
index, since a writer edits the table it is given in step with the text.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import zlib
from pathlib import Path

from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.storage import cache_dir, code_fingerprint, store_newest, write_atomic

#: Bump when what is stored or how a file is read changes: old entries are then not found.
TABLE_FORMAT = 2
#: Files with fewer entities are parsed, not cached.
MIN_ENTITIES = 2_000
#: Entries kept; the oldest beyond this are removed when one is stored.
KEEP = 8


#: The source of the code that turns a file into a table (the parser, the validator, the match key): a change to
#: any of it makes every old entry miss, even in a development install.
_READER_SOURCES = ("aliasfile/nodes.py", "aliasfile/validate.py", "aliasfile/table.py", "names/normalize.py")
_READER = code_fingerprint(_READER_SOURCES)[:16]


#: The digest and table of the last text read or stored in this process.
_recent: tuple[str, AliasTable] | None = None


def _digest(text: str) -> str:
    return hashlib.sha256(f"{TABLE_FORMAT}|{_READER}|{text}".encode()).hexdigest()


def _path(digest: str) -> Path:
    return cache_dir() / "aliases" / f"{digest}.marshal"


def _latest(path: str) -> Path:
    """The pointer file naming the digest of the newest entry stored for the file at `path`; named after the
    entry format and the reader's code too, so that an entry made by other code is never built on."""
    name = hashlib.sha256(f"{TABLE_FORMAT}|{_READER}|{os.path.abspath(path)}".encode()).hexdigest()[:32]
    return cache_dir() / "aliases" / f"{name}.latest"


def _remember(digest: str, table: AliasTable) -> None:
    """Keep `table` as the process's last one: nobody else may hold it, since tables are edited in place."""
    global _recent
    _recent = (digest, table)


def _copy(table: AliasTable, path: str) -> AliasTable:
    # the entities are frozen: a new list and index are all an edit can touch
    return AliasTable(path=path, entities=list(table.entities), by_key=dict(table.by_key))


def cached_table(text: str, path: str) -> AliasTable | None:
    """The table of `text` if it is in the cache, with `path` as its file name; else None."""
    digest = _digest(text)
    if _recent is not None and _recent[0] == digest:
        return _copy(_recent[1], path)
    found = _load(digest, path)
    if found is None:
        return None
    _remember(digest, found[1])
    return _copy(found[1], path)


def earlier_version(path: str) -> tuple[str, AliasTable] | None:
    """The text and table of the newest entry stored for the file at `path` (before an edit), or None."""
    try:
        digest = _latest(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    found = _load(digest, path)
    if found is None:
        return None
    try:
        return zlib.decompress(found[0]).decode(), found[1]
    except (zlib.error, UnicodeDecodeError, TypeError):  # a damaged entry: parse the whole file
        return None


def _load(digest: str, path: str) -> tuple[bytes, AliasTable] | None:
    """The entry `digest`: its text, compressed, and its table."""
    try:
        rows, by_key, packed_text = marshal.loads(_path(digest).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    entities = [
        AliasEntity(canonical, label, aliases, attributes, line) for canonical, label, aliases, attributes, line in rows
    ]
    return packed_text, AliasTable(path=path, entities=entities, by_key=by_key)


def store_table(text: str, table: AliasTable) -> None:
    """Keep the table of `text` (a file that parsed without a fatal problem), if it is big enough to gain."""
    if len(table.entities) < MIN_ENTITIES:
        return
    rows = [(e.canonical, e.label, e.aliases, e.attributes, e.line) for e in table.entities]
    digest = _digest(text)
    _remember(digest, _copy(table, table.path))  # a copy: the caller may go on editing its own
    target = _path(digest)
    try:
        store_newest(target, marshal.dumps((rows, table.by_key, zlib.compress(text.encode(), 1))), keep=KEEP)
        write_atomic(_latest(table.path), digest.encode("ascii"))
    except OSError:
        pass  # no cache: the next run parses again
    except ValueError:  # marshal refuses a value it cannot store: leave it uncached
        if os.path.exists(target):
            os.unlink(target)
