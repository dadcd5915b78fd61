"""What a run works out about its names, kept for the next run of the same documents, so that a re-run of a
folder (after an edit of aliases.yaml) does not work it out again: the verdicts of its comparisons, and its
spellings parsed and keyed for blocking.

Comparing two parsed names is pure (`names.compare`): the same two names and the same code give the same
verdict, and comparing is the largest part of a re-run once the recogniser's spans come from the cache. So a
run keeps the verdict of every pair it compared, keyed by a digest of each name's parsed fields, in
`storage.cache_dir()/verdicts/`: one `marshal` file of plain values per set of documents (a re-run of a folder
finds its own), the newest `KEEP` of them kept. A file holds the pairs of its last run only, so it never grows
beyond one run's comparisons. The matching code's fingerprint (`alias_index.MATCHING_FINGERPRINT`) is in every
file: after an upgrade or an edit of a word list, old verdicts are not used.

Only what `compare` says is kept; what the alias file and the gazetteer decide before it (`Resolver.judge`)
depends on more than the two names and is worked out again in every run.

Reading a spelling (parsing it, finding its place, working out its blocking keys) is pure too, and the next
largest part: `KnownNames` keeps each name's spelling of a run, by its text and kind, as the alias index packs
its names (`alias_index.pack`), in `names/` beside the verdicts, with the same fingerprint and the same rule of
one run's names only.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Iterable
from pathlib import Path

from entnorm.names.gazetteer import Gazetteer, Place
from entnorm.names.parse import Name
from entnorm.names.verdict import Verdict
from entnorm.resolution.alias_index import MATCHING_FINGERPRINT, NAME_FIELDS, pack, prepare, unpack
from entnorm.resolution.surfaces import BlockingKeys
from entnorm.storage import cache_dir, documents_digest, store_newest

#: Bump when what is stored changes: old files are then not read.
FORMAT = 1
#: Files kept: a few folders re-run in turn each find their own.
KEEP = 4


def _read(path: Path) -> dict:
    """A kept file's table, or an empty one when there is no such file, or it is unreadable, of another format
    or of other matching code."""
    try:
        fingerprint, known = marshal.loads(path.read_bytes())
        if fingerprint == f"{FORMAT}:{MATCHING_FINGERPRINT}" and isinstance(known, dict):
            return known
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return {}


def _write(path: Path, kept: dict) -> None:
    """Write a run's table over the last one's. A cache that cannot be written is no reason to fail."""
    with contextlib.suppress(OSError):
        store_newest(path, marshal.dumps((f"{FORMAT}:{MATCHING_FINGERPRINT}", kept)), keep=KEEP)


class _LastRun:
    """A table kept for the next run of the same documents: the last run's (`_known`, read from `path`), and
    this run's (`_kept`; `_fresh` counts its entries the last run did not have), written by `save`."""

    #: The folder in `storage.cache_dir()` that holds the files of this kind.
    folder = ""

    def __init__(self, path: Path | None = None, known: dict | None = None) -> None:
        self.path = path
        self._known = known or {}
        self._kept: dict = {}
        self._fresh = 0

    @classmethod
    def _path(cls, docs: Iterable[str | None]) -> Path:
        return cache_dir() / cls.folder / f"{documents_digest(docs)}.marshal"

    def save(self) -> None:
        """Write this run's table, when it holds an entry the file did not or the file holds entries this run
        did not use: the file never grows beyond one run's. A cache that cannot be written is no reason to
        fail."""
        if self.path is not None and (self._fresh or len(self._kept) != len(self._known)):
            _write(self.path, self._kept)


class KnownVerdicts(_LastRun):
    """The verdicts of a set of documents' last run (`get`), and those of this run (`keep`, then `save`)."""

    folder = "verdicts"

    def __init__(self, path: Path | None = None, known: dict[bytes, tuple] | None = None) -> None:
        super().__init__(path, known)
        self._digests: dict[Name, bytes] = {}

    @classmethod
    def of_documents(cls, docs: Iterable[str | None]) -> KnownVerdicts:
        """The verdicts kept for these documents (see `_read`)."""
        path = cls._path(docs)
        return cls(path, _read(path))

    def pair(self, a: Name, b: Name) -> bytes:
        """The key of comparing `a` with `b` (in that order: the reason's wording depends on it)."""
        return self.digest(a) + self.digest(b)

    def digest(self, name: Name) -> bytes:
        """A digest of every parsed field of the name."""
        found = self._digests.get(name)
        if found is None:
            # repr, not marshal: marshal's bytes depend on which strings are interned and shared
            fields = repr(tuple(getattr(name, f) for f in NAME_FIELDS)).encode("utf-8", "surrogatepass")
            found = self._digests[name] = hashlib.blake2b(fields, digest_size=8).digest()
        return found

    def get(self, pair: bytes) -> Verdict | None:
        """What the comparison `pair` (see `pair`) gave last time, or None."""
        found = self._known.get(pair)
        return None if found is None else Verdict(*found)

    def keep(self, pair: bytes, verdict: Verdict) -> None:
        """Record what the comparison `pair` gave in this run."""
        held = self._known.get(pair)
        if held is None:
            self._fresh += 1
            held = (verdict.score, verdict.conflict, verdict.full, verdict.reason)
        self._kept[pair] = held  # a verdict read from the file is kept as read: no second copy of it


class KnownNames(_LastRun):
    """The spellings of a set of documents' last run, read and keyed (`prepared`), and those of this run
    (`save`)."""

    folder = "names"

    def __init__(self, gazetteer: Gazetteer, path: Path | None = None, known: dict[str, bytes] | None = None) -> None:
        super().__init__(path, known)
        self.gazetteer = gazetteer

    @classmethod
    def of_documents(cls, docs: Iterable[str | None], gazetteer: Gazetteer) -> KnownNames:
        """The spellings kept for these documents (see `_read`)."""
        path = cls._path(docs)
        return cls(gazetteer, path, _read(path))

    def prepared(self, text: str, kind: str) -> tuple[Name, Place | None, BlockingKeys]:
        """The spelling `text` of a `kind` name read (`surfaces.read_name`), with its blocking keys: as the last
        run packed it, else worked out."""
        k = f"{kind}\0{text}"
        record = self._known.get(k)
        if record is not None:
            self._kept[k] = record
            return unpack(record)
        surface = prepare(text, kind, self.gazetteer)
        self._kept[k] = pack(surface)
        self._fresh += 1
        return surface.name, surface.place, surface.blocking  # type: ignore[return-value]
