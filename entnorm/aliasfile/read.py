"""aliases.yaml: the user's own mappings from spellings to entities.

The file is keyed by label, then by canonical name. The value is the list of aliases, or a mapping with an
`aliases` list and any free fields (a Wikidata id, a note) that are passed through to the output:

    PERSON:
      Sergei Lavrov: [Sergey Lavrov, Lavrov]
      Asaad al-Shaibani:
        aliases: [Asaad al-Shibani, Assad al-Sabani]
        wikidata: Q106622468
    GPE:
      Kyiv: [Kiev]

Every alias and every canonical name is indexed by `normalize.key`, the same key mentions are looked up with, so
case, accents and punctuation need not be listed. One key belongs to one entity only: listing it twice is an
error that names both places. An empty or absent file is valid and means "infer everything".
"""

from __future__ import annotations

from pathlib import Path

from entnorm.aliasfile.cache import cached_table, earlier_version, store_table
from entnorm.aliasfile.reread import reread
from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.aliasfile.validate import validate
from entnorm.errors import AliasFileError

__all__ = ["AliasEntity", "AliasTable", "load_aliases", "parse_aliases", "read_alias_file"]


def parse_aliases(text: str, *, path: str = "aliases.yaml") -> AliasTable:
    """Parse alias-file text into an AliasTable: from the cache of parsed files when this text was read
    before, else by parsing only what changed since the file's last version there (`reread`), else whole.

    Raises:
        AliasFileError: the first fatal problem, with file:line:col: YAML syntax, shape, unknown labels, a name
            under two entities.
    """
    cached = cached_table(text, path)
    if cached is not None:
        return cached
    earlier = earlier_version(path)
    table = reread(text, *earlier, path) if earlier is not None else None
    if table is None:
        table, problems = validate(text, path)
        fatal = [p for p in problems if p.fatal]
        if fatal:
            raise AliasFileError(path, fatal[0].line, fatal[0].col, fatal[0].message)
    store_table(text, table)
    return table


def read_alias_file(path: str | Path) -> str | None:
    """The text of an alias file, or None when there is no such file.

    Raises:
        AliasFileError: when the file exists but cannot be read as UTF-8 text.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(str(path), None, None, f"cannot be read: {exc}") from None


def load_aliases(path: str | Path | None) -> AliasTable:
    """Read an alias file; None or a missing default file gives an empty table.

    Raises:
        AliasFileError: when the file cannot be read or parsed.
    """
    if path is None:
        return AliasTable()
    text = read_alias_file(path)
    if text is None:
        return AliasTable(path=str(path))
    return parse_aliases(text, path=str(path))
