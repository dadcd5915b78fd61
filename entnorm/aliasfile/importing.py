"""`aliases import`: a list of entities (a spreadsheet saved as CSV or TSV, or JSON lines) merged into the alias
file, so that a sanctions list or the people of an investigation become entities entnorm knows.

A row is one entity: a name column (its canonical name), an optional aliases column (several names in one cell,
split on `;` or another separator), an optional label column (else one label for all), and any other columns,
kept as the entity's free fields (a Wikidata id, a list's own reference). A JSON line is an object with the same
keys; its aliases may be a list.

The merge refuses what `aliases check` would: a name that would belong to two entities (in the file, or in two
rows) is an error that names both places, and nothing is written. A name listed twice for one entity is only
reported. Names already in the file are added to their entity, new entities are appended to their label's
block (with their fields, in the mapping form), and the result is parsed once before one atomic write.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from entnorm.aliasfile.edit import scalar
from entnorm.aliasfile.local import entity_end
from entnorm.aliasfile.read import parse_aliases, read_alias_file
from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.aliasfile.validate import Problem
from entnorm.aliasfile.write import Addition, file_additions
from entnorm.errors import BadOption, EntnormError
from entnorm.labels import KNOWN_LABELS
from entnorm.names.normalize import key
from entnorm.storage import write_atomic

#: The file's extension picks the format when none is given.
FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(slots=True)
class Columns:
    """Which column holds what; matched without regard to case."""

    name: str = "name"
    aliases: str = "aliases"
    label: str = "label"
    split: str = ";"
    default_label: str = "PERSON"


def list_format(path: str, requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise BadOption("--format", f"cannot tell the format of {path}; give --format csv, tsv or jsonl")
    return fmt


def read_entries(path: str, fmt: str, columns: Columns) -> tuple[list[AliasEntity], list[Problem]]:
    """The entries of a list file, and the problems of its rows (a row without a name, an unknown label).

    Raises:
        EntnormError: the file cannot be read, or has no name column.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = list(_json_rows(stream, path) if fmt == "jsonl" else _table_rows(stream, fmt, columns, path))
    except UnicodeDecodeError as exc:
        raise EntnormError(
            f"cannot read {path}: it is not UTF-8 text (byte {exc.start}); save it as UTF-8 (in a spreadsheet: "
            "CSV UTF-8)"
        ) from None
    except OSError as exc:
        raise EntnormError(f"cannot read {path}: {exc.strerror}") from None
    entries: list[AliasEntity] = []
    problems: list[Problem] = []
    for line, row in rows:
        entry = _entry(row, line, columns, problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _table_rows(stream, fmt: str, columns: Columns, path: str) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(stream, delimiter="\t" if fmt == "tsv" else ",")
    headers = [h for h in (reader.fieldnames or []) if h is not None]
    if columns.name.casefold() not in {h.strip().casefold() for h in headers}:
        found = ", ".join(repr(h) for h in headers) or "none"
        raise BadOption("--name-column", f"{path} has no column {columns.name!r} (its columns: {found})")
    for row in reader:
        yield reader.line_num, {(k or "").strip(): v for k, v in row.items() if k is not None}


def _json_rows(stream, path: str) -> Iterator[tuple[int, dict]]:
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EntnormError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise EntnormError(f'{path}:{number}: each line must be a JSON object, like {{"name": "..."}}')
        yield number, row


def _cell(row: dict, column: str) -> object:
    for name, value in row.items():
        if name.casefold() == column.casefold():
            return value
    return None


def _entry(row: dict, line: int, columns: Columns, problems: list[Problem]) -> AliasEntity | None:
    name = _cell(row, columns.name)
    if not isinstance(name, str) or not name.strip():
        problems.append(
            Problem(line, None, f"a row without a name (column {columns.name!r})", "fill it in or remove the row")
        )
        return None
    label = _cell(row, columns.label)
    label = label.strip().upper() if isinstance(label, str) and label.strip() else columns.default_label
    if label not in KNOWN_LABELS:
        problems.append(
            Problem(
                line, None, f"unknown label {label!r} for {name.strip()!r}", f"use one of {', '.join(KNOWN_LABELS)}"
            )
        )
        return None
    raw = _cell(row, columns.aliases)
    aliases = raw if isinstance(raw, list) else (raw or "").split(columns.split) if isinstance(raw, str) else []
    kept = {columns.name.casefold(), columns.aliases.casefold(), columns.label.casefold()}
    fields = {
        str(k): str(v).strip()
        for k, v in row.items()
        if k.casefold() not in kept and isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip()
    }
    names = tuple(a.strip() for a in aliases if isinstance(a, str) and a.strip())
    return AliasEntity(name.strip(), label, names, fields, line)


@dataclass(slots=True)
class Imported:
    """What an import did (or, with problems, would have done: nothing is written then)."""

    new_entities: int = 0
    names_added: int = 0
    problems: list[Problem] = field(default_factory=list)


def import_entries(alias_file: str, entries: Iterable[AliasEntity], source: str, *, refuse: bool = False) -> Imported:
    """Merge the entries into the alias file (created if missing), in one atomic write, unless one would give a
    name to two entities: then every such problem is returned and nothing is written. With `refuse` (the
    list had bad rows) the problems are found and nothing is written either.

    Raises:
        AliasFileError: the alias file is malformed.
    """
    path = Path(alias_file)
    if not path.parent.is_dir():
        raise EntnormError(f"cannot write {path}: there is no folder {path.parent}; create it first")
    text = read_alias_file(path) or ""
    table = parse_aliases(text, path=str(path))
    result = Imported()
    owners: dict[str, tuple[str, str]] = {}  # a name's key -> (its entity's canonical key, where it was seen)
    for k, index in table.by_key.items():
        entity = table.entities[index]
        owners[k] = (key(entity.canonical), f"{path}:{entity.line}")
    existing: list[Addition] = []
    new: dict[str, AliasEntity] = {}  # by the key of the canonical name, in the list's order
    for entry in entries:
        entity_key = key(entry.canonical)
        target = table.lookup(entry.canonical)
        seen: set[str] = set()
        for name in entry.names:
            k = key(name)
            if not k:
                continue
            if k in seen:
                result.problems.append(_twice(source, entry, name))
                continue
            seen.add(k)
            owner = owners.setdefault(k, (entity_key, f"{source}:{entry.line}"))
            if owner[0] != entity_key:
                result.problems.append(_conflict(source, entry, name, owner[1]))
        if target is not None:
            existing += [Addition(name, target.canonical, target.label) for name in entry.aliases]
        elif entity_key in new:  # the same entity on two rows: one entry
            first = new[entity_key]
            aliases = tuple(dict.fromkeys((*first.aliases, *entry.aliases)))
            new[entity_key] = AliasEntity(
                first.canonical, first.label, aliases, {**entry.attributes, **first.attributes}, first.line
            )
        else:
            new[entity_key] = entry
    if refuse or any(p.fatal for p in result.problems):
        return result
    text, table, changed = file_additions(text, table, existing, path)
    result.names_added = len(changed)
    lines = text.split("\n")
    by_label: dict[str, list[AliasEntity]] = {}
    for entry in new.values():
        by_label.setdefault(entry.label, []).append(entry)
    last_line = {e.label: e.line for e in table.entities}  # the last entity of each label, by file order
    # from the bottom of the file up, so that lines inserted below never move a place still to come
    for label in sorted(by_label, key=lambda label: -last_line.get(label, 0)):
        block = by_label[label]
        _append_entities(lines, table, label, block)
        result.new_entities += len(block)
        result.names_added += sum(1 + len({key(a) for a in e.aliases} - {key(e.canonical)}) for e in block)
    text = "\n".join(lines)
    if result.names_added:
        # the whole result parsed once (and its table cached): refuse rather than write a broken file
        parse_aliases(text, path=str(path))
        write_atomic(path, text)
    return result


def _twice(source: str, entry: AliasEntity, name: str) -> Problem:
    return Problem(
        entry.line,
        None,
        f"{name!r} is listed twice for {entry.canonical!r} ({source})",
        "remove one of them",
        fatal=False,
    )


def _conflict(source: str, entry: AliasEntity, name: str, where: str) -> Problem:
    return Problem(
        entry.line,
        None,
        f"{name!r} is listed for {entry.canonical!r} ({source}) and for another entity at {where}; "
        "a name can belong to one entity only",
        "keep it under one of them; if they are one entity, give them one name",
    )


def _entity_lines(entry: AliasEntity, indent: str) -> list[str]:
    aliases = [a for a in dict.fromkeys(entry.aliases) if key(a) != key(entry.canonical)]
    listed = "[" + ", ".join(scalar(a) for a in aliases) + "]"
    if not entry.attributes:
        return [f"{indent}{scalar(entry.canonical)}:" + (f" {listed}" if aliases else "")]
    inner = indent * 2
    lines = [f"{indent}{scalar(entry.canonical)}:", f"{inner}aliases: {listed}"]
    lines += [f"{inner}{scalar(k)}: {scalar(v)}" for k, v in entry.attributes.items() if k != "aliases"]
    return lines


def _append_entities(lines: list[str], table: AliasTable, label: str, entries: list[AliasEntity]) -> None:
    """New entities at the end of their label's block, indented as its entities are; under the label's line if
    it has no entities yet; or in a new block at the end of the file."""
    same_label = [e for e in table.entities if e.label == label]
    indent = _indent_of(lines, table)
    if same_label:
        start = same_label[-1].line - 1
        indent = " " * (len(lines[start]) - len(lines[start].lstrip(" ")))
        at = entity_end(lines, start)
    else:
        at = next(
            (i + 1 for i, line in enumerate(lines) if _LABEL_LINE.fullmatch(line) and line.split(":")[0] == label), None
        )
    new_lines = [line for entry in entries for line in _entity_lines(entry, indent)]
    if at is not None:
        lines[at:at] = new_lines
        return
    while lines and not lines[-1].strip():
        lines.pop()
    lines += [f"{label}:", *new_lines, ""]


_LABEL_LINE = re.compile(r"[A-Z_]+:\s*(#.*)?")


def _indent_of(lines: list[str], table: AliasTable) -> str:
    """The file's indentation of entities (two spaces in a file that has none)."""
    for entity in table.entities[:1]:
        first = lines[entity.line - 1]
        return " " * (len(first) - len(first.lstrip(" "))) or "  "
    return "  "
