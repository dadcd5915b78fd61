"""A cache of the recogniser's output, so that a re-run (after editing aliases.yaml, or with other labels or
formats) resolves again without running the model again.

One SQLite file, `extract.sqlite` in `storage.cache_dir()`. A document's entry is keyed by the SHA-256 of its
decoded text, the model (name, version, components), the span-cleaning rules and the format of the entry, and
holds every entity span the model found, of every label, already cleaned (`extract.clean_spans`), as JSON, and
whether the text needed repair (`repair.repair`): a re-run reads a clean text as it is, without searching it
for mojibake again.
Labels are applied after the cache, so a run with other --labels reuses it too. The alias file plays no part
in it: its names are matched separately.

SQLite makes it safe: entries are written in transactions (an interrupted run loses at most the batch in
flight, never corrupts the file), the journal is in WAL mode so concurrent runs read while one writes, and a
writer waits (busy timeout) rather than fails when another holds the lock. A cache that cannot be opened is
reported once and skipped: the run goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from entnorm.extraction import spans
from entnorm.extraction.repair import REPAIR_RULES
from entnorm.storage import cache_dir

#: Bump when what is stored changes: old entries are then simply not found.
ENTRY_FORMAT = 4
#: Entries hold cleaned spans, so they depend on the cleaning rules too: the rules' version and a fingerprint
#: of their word lists make an upgrade that changes them miss the old entries instead of returning stale spans.
CLEANING_RULES = f"{spans.CLEANING_RULES}.{REPAIR_RULES}"
BUSY_TIMEOUT_MS = 30_000

Span = tuple[int, int, str]


class Entry(NamedTuple):
    """What the cache holds for one document: its clean spans (offsets into the repaired text), and whether
    repair changed the text (if not, the file's text is the text the spans index)."""

    spans: list[Span]
    repaired: bool


def document_key(text: bytes, *, model: str) -> str:
    """The cache key of one document's decoded text (as UTF-8 bytes) through `model`. The text is hashed after
    decoding, so the file's encoding needs no part in the key."""
    digest = hashlib.sha256(text).hexdigest()
    return f"{ENTRY_FORMAT}|{CLEANING_RULES}|{digest}|{model}"


class SpanCache:
    """get/put a document's entry (its spans, and whether its text was repaired) by document key. Use as a
    context manager; `flush` commits pending entries.

    A damaged cache (a bad page, a row that does not decode, a foreign table of our name) never stops a run:
    the first error is reported through `on_warning`, the run goes on without the cache, and the file is
    removed when the cache is closed, so the next run builds it anew.
    """

    def __init__(self, path: str | Path | None = None, *, batch: int = 64, on_warning=lambda message: None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / "extract.sqlite"
        self._warn = on_warning
        self._pending: list[tuple[str, str]] = []
        self._batch = batch
        self._damaged = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS spans (key TEXT PRIMARY KEY, spans TEXT NOT NULL)")
            columns = [row[1] for row in self._db.execute("PRAGMA table_info(spans)")]
            if columns != ["key", "spans"]:
                raise sqlite3.DatabaseError(f"its table 'spans' has the columns {', '.join(columns)}")
        except sqlite3.Error as exc:
            self._damage(exc)

    @property
    def usable(self) -> bool:
        return not self._damaged

    def _damage(self, exc: Exception) -> None:
        if not self._damaged:
            self._warn(f"cache {self.path} is damaged ({exc}); going on without it, and it will be rebuilt")
        self._damaged = True
        self._pending.clear()

    def get(self, key: str) -> Entry | None:
        if self._damaged:
            return None
        try:
            row = self._db.execute("SELECT spans FROM spans WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            entry = json.loads(row[0])
            spans = [(int(s), int(e), str(label)) for s, e, label in entry["spans"]]
            return Entry(spans, bool(entry["repaired"]))
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            self._damage(exc)
            return None

    def put(self, key: str, spans: Iterable[Span], *, repaired: bool = False) -> None:
        if self._damaged:
            return
        self._pending.append((key, json.dumps({"spans": [list(span) for span in spans], "repaired": repaired})))
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        if not self._pending or self._damaged:
            return
        try:
            with self._db:  # one transaction: all of the batch or none of it
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO spans (key, spans) VALUES (?, ?)", self._pending)
        except sqlite3.Error as exc:
            self._damage(exc)
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        self._db.close()
        if self._damaged:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @classmethod
    def open_or_warn(cls, on_warning, path: str | Path | None = None) -> SpanCache | None:
        """The cache, or None (after one warning) when it cannot be opened: a run never fails for it."""
        try:
            return cls(path, on_warning=on_warning)
        except (OSError, sqlite3.Error) as exc:
            on_warning(f"cache {path or cache_dir() / 'extract.sqlite'} not used ({exc}); pass --no-cache to skip it")
            return None

    def __enter__(self) -> SpanCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
