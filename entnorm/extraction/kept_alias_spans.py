"""The alias file's names found in each text by the last run on the same files, so that a re-run does not
search every text again for every listed name (with a watchlist of 100,000 entities, that search and the
cleaning of what it finds were about a quarter of a re-run after an edit).

What the matcher finds in a text (`alias_spans.AliasMatcher.spans`, then cleaned) depends on the text and on
the listed names whose first word the text holds, and on nothing else: a name is only ever tried where a word
of the text is its first word. So the last run's spans of a text stand, after an alias edit, unless the text
holds the first word of a (name, label) pair that the edit added or removed (a relabelled name is both). The
store keeps the last run's pairs to find those words, and each text's spans by a digest of the text; a text
holding one of those words (a substring test in one pass, `screen.Screen`, then its words split as the
matcher splits them) is searched again. Kept in `storage.cache_dir()/alias-spans/`, one file per set of input
files (the newest four), under a fingerprint of the matching and cleaning code.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from entnorm.extraction.alias_spans import WORD, first_word
from entnorm.extraction.screen import Screen
from entnorm.storage import cache_dir, code_fingerprint, documents_digest, store_newest

Span = tuple[int, int, str]

#: Bump when what is stored changes: old files are then not read.
FORMAT = 1
#: Files kept: a few folders re-run in turn each find their own.
KEEP = 4
#: The code the spans follow from: the matcher, the cleaning (and what it reads: labels, folding, particles).
_SOURCES = (
    "extraction/alias_spans.py",
    "extraction/spans.py",
    "extraction/mentions.py",
    "labels.py",
    "names/normalize.py",
    "names/parse.py",
    "data/*.txt",
)
_FINGERPRINT = f"{FORMAT}:{code_fingerprint(_SOURCES, ('unidecode',))[:16]}"


class KeptAliasSpans:
    """`spans(text, find)`: the listed names' spans in `text`, from the last run when they still stand, else
    found (`find()`); `save` keeps this run's for the next. Make with `of_run`."""

    def __init__(self, path: Path | None, pairs: list[tuple[str, str]], known: dict[bytes, list], changed: set[str]):
        self.path = path
        self._pairs = pairs
        self._known = known
        self._changed = changed  # the first words (case-folded) of the pairs added or removed since the last run
        self._screen = Screen(changed) if changed else None
        self._kept: dict[bytes, list] = {}

    @classmethod
    def of_run(cls, files: Sequence[str], pairs: list[tuple[str, str]]) -> KeptAliasSpans:
        """What the last run on `files` kept, made ready for this run's listed (name, label) `pairs`."""
        path = cache_dir() / "alias-spans" / f"{documents_digest(files)}.marshal"
        earlier_pairs, known = _read(path)
        if earlier_pairs is None:
            return cls(path, pairs, {}, set())
        changed = set(earlier_pairs).symmetric_difference(pairs) if earlier_pairs != pairs else set()
        return cls(path, pairs, known, {w for name, _ in changed if (w := first_word(name))})

    def spans(self, text: str, find: Callable[[], list[Span]]) -> list[Span]:
        """The spans of the listed names in `text`: the last run's if no changed name can start in it."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        found = self._known.get(digest)
        if found is None or self._may_hold_changed(text):
            found = find()
        self._kept[digest] = found
        return found

    def _may_hold_changed(self, text: str) -> bool:
        """A word of `text` is the first word of a changed pair. The one-pass substring test rules most texts
        out; a short word ("al") is a substring of nearly every text, so the words of the texts it lets through
        are split as the matcher splits them."""
        if self._screen is None or not self._screen.holds_any(text.casefold()):
            return False
        return any(m.group().casefold() in self._changed for m in WORD.finditer(text))

    def save(self) -> None:
        """Keep this run's pairs and spans for the next run on the same files. A cache that cannot be written is
        no reason to fail."""
        if self.path is None:
            return
        pairs = zlib.compress(marshal.dumps(self._pairs), 1)
        with contextlib.suppress(OSError, ValueError):  # ValueError: a value marshal cannot store
            store_newest(self.path, marshal.dumps((_FINGERPRINT, pairs, self._kept)), keep=KEEP)


def _read(path: Path) -> tuple[list[tuple[str, str]] | None, dict[bytes, list]]:
    """The last run's pairs and spans, or (None, {}) when there is no such file, or it is unreadable or of
    other code."""
    try:
        fingerprint, pairs, known = marshal.loads(path.read_bytes())
        if fingerprint == _FINGERPRINT and isinstance(known, dict):
            return [tuple(p) for p in marshal.loads(zlib.decompress(pairs))], known
    except (OSError, EOFError, ValueError, TypeError, zlib.error):
        pass
    return None, {}
