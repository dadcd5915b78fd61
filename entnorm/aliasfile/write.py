"""Writing to aliases.yaml without losing the user's work.

- Comments, key order, quoting and flow/block style survive: the file is edited as a ruamel.yaml round-trip
  document, with the indentation guessed from the file itself.
- Every write is atomic: the new text goes to a temporary file in the same folder, is flushed to disk, and
  replaces the old file in one `os.replace`. A crash leaves either the old file or the new one, never half of
  one, and no temporary file behind.
- Nothing that would not load is written: the new text is parsed (`aliases.parse_aliases`) first.
- A name is never given to a second entity: adding it where another entity has it is refused.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from entnorm.aliasfile import local
from entnorm.aliasfile.cache import MIN_ENTITIES, store_table
from entnorm.aliasfile.edit import add_to_text
from entnorm.aliasfile.read import parse_aliases, read_alias_file
from entnorm.aliasfile.table import AliasTable
from entnorm.errors import AliasFileError, EntnormError
from entnorm.names.normalize import key
from entnorm.storage import write_atomic


class AliasConflict(EntnormError):
    """The name already belongs to another entity of the alias file."""


@dataclass(frozen=True, slots=True)
class Addition:
    """One name to file under an entity (created if the file does not have it)."""

    name: str
    canonical: str
    label: str


_NESTED_KEY = re.compile(r"^( +)[^\s#\-][^\n]*:", re.M)


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes with the file's own indentation (2 spaces for a new file)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a user's long line
    mapping, sequence, offset = 2, 2, 0
    if text.strip():
        _, sequence, offset = load_yaml_guess_indent(text)
        nested = _NESTED_KEY.search(text)
        mapping = len(nested.group(1)) if nested else 2
        sequence = sequence or mapping
        offset = offset or 0
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def _flow(items: Iterable[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _find(data: CommentedMap, canonical: str) -> tuple[str, object] | None:
    """(label, canonical key as written) of an entity, matched by match key."""
    wanted = key(canonical)
    for label, block in data.items():
        if isinstance(block, CommentedMap):
            for written in block:
                if isinstance(written, str) and key(written) == wanted:
                    return label, written
    return None


def _add_to_document(data: CommentedMap, addition: Addition) -> bool:
    """File one name in the document; False when the entity already lists it."""
    found = _find(data, addition.canonical)
    if found is None:
        block = data.get(addition.label)
        if not isinstance(block, CommentedMap):
            block = data[addition.label] = CommentedMap()
        same = key(addition.name) == key(addition.canonical)
        block[addition.canonical] = _flow([] if same else [addition.name])
        return True
    label, written = found
    block = data[label]
    value = block[written]
    if key(addition.name) == key(str(written)):
        return False
    if value is None:
        block[written] = _flow([addition.name])
    elif isinstance(value, str):
        block[written] = _flow([value, addition.name])
    elif isinstance(value, CommentedSeq):
        if any(isinstance(v, str) and key(v) == key(addition.name) for v in value):
            return False
        value.append(addition.name)
    elif isinstance(value, CommentedMap):
        seq = value.get("aliases")
        if isinstance(seq, CommentedSeq):
            if any(isinstance(v, str) and key(v) == key(addition.name) for v in seq):
                return False
            seq.append(addition.name)
        else:
            value.insert(0, "aliases", _flow([addition.name]))
    return True


def add_names(path: str | Path, additions: Iterable[Addition]) -> list[Addition]:
    """File names under entities of the alias file at `path` (created if missing), in one atomic write.

    Returns:
        The additions that changed the file (a name the entity already lists is skipped).

    Raises:
        AliasConflict: a name belongs to another entity; nothing is written.
        AliasFileError: the file is malformed; nothing is written.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise EntnormError(f"cannot write {path}: there is no folder {path.parent}; create it first")
    original = text = read_alias_file(path) or ""
    table = parse_aliases(text, path=str(path))
    text, table, changed = file_additions(text, table, additions, path)
    if changed and text != original:
        if len(table.entities) < MIN_ENTITIES:  # cheap for a small file: check the whole result once more
            _reparse(text, path)
        write_atomic(path, text)
        store_table(text, table)  # the next command finds the new text's table without parsing it
    return changed


def file_additions(
    text: str, table: AliasTable, additions: Iterable[Addition], path: Path
) -> tuple[str, AliasTable, list[Addition]]:
    """The text and table with the additions filed, and the additions that changed them; nothing written.

    Raises:
        AliasConflict: a name belongs to another entity.
    """
    lines = text.split("\n")
    changed = []
    for addition in additions:
        owner = table.lookup(addition.name)
        if owner is not None and key(owner.canonical) != key(addition.canonical):
            raise AliasConflict(
                f"{addition.name!r} already belongs to {owner.canonical!r} ({path}:{owner.line}); a name can belong "
                f"to one entity only: remove it there first"
            )
        target = table.lookup(addition.canonical)
        if target is not None and key(target.canonical) != key(addition.canonical):
            raise AliasConflict(
                f"{addition.canonical!r} is an alias of {target.canonical!r} ({path}:{target.line}); "
                f"add the name to {target.canonical!r} instead"
            )
        listed = table.lookup(addition.name)
        if listed is not None and table.lookup(addition.canonical) is listed:
            continue  # the entity lists it already
        if not local.add_locally(lines, table, addition.name, addition.canonical, addition.label):
            text, table = _file("\n".join(lines), addition, path)  # the whole file, parsed again
            lines = text.split("\n")
        changed.append(addition)
    return "\n".join(lines), table, changed


def _file(text: str, addition: Addition, path: Path) -> tuple[str, AliasTable]:
    """The text with one more name filed, and its table. A line edit keeps the layout (`edit.add_to_text`);
    a shape it does not cover goes through a round-trip dump, which keeps comments and order."""
    edited = add_to_text(text, addition)
    if edited is not None:
        try:
            table = parse_aliases(edited, path=str(path))
            owner = table.lookup(addition.name)
            if owner is not None and key(owner.canonical) == key(addition.canonical):
                return edited, table
        except AliasFileError:
            pass  # the edit went wrong somewhere: the round trip below is the safe way
    yaml = _yaml(text)
    data = (yaml.load(text) if text.strip() else None) or CommentedMap()
    _add_to_document(data, addition)
    dumped = _dump(yaml, data)
    return dumped, _reparse(dumped, path)


def _dump(yaml: YAML, data: CommentedMap) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _reparse(text: str, path: Path) -> AliasTable:
    try:
        return parse_aliases(text, path=str(path))
    except AliasFileError as exc:  # a bug if it happens: refuse rather than write a broken file
        raise EntnormError(f"refusing to write {path}: the result would not load ({exc})") from None
