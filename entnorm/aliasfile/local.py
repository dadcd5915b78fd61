"""Filing a name by reading only the lines it touches, so that one edit to a watchlist of 100,000 entities takes
a fraction of a second rather than two parses of the whole file.

The table says where each entity's key is (`AliasEntity.line`). The lines of that entity (its key line and the
lines indented deeper) are parsed on their own, the edit is made with the same line edits as for a whole file
(`aliasfile.edit`), and the edited lines are parsed again to check that the entity now lists the name. An
entity's lines parse alone exactly when they parse in the file, since a block entry's meaning depends only on
its own indentation; conflicts with other entities are checked against the table by the caller. The table is
then updated in step (the entity's names, and the lines below an inserted line), so that it equals what a fresh
parse of the new text gives. A shape these edits do not cover returns None, and the caller edits the whole file.
"""

from __future__ import annotations

from dataclasses import replace

import yaml

from entnorm.aliasfile.edit import add_to_entity, scalar
from entnorm.aliasfile.nodes import Map, Seq, load
from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.names.normalize import key


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def has_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def entity_end(lines: list[str], start: int) -> int:
    """The line after the last line of the entry whose key is on line `start` (0-based): the lines below it
    indented deeper, up to the next line that is not (comments and blank lines after it are not its own)."""
    indent = indent_of(lines[start])
    end = start + 1
    for number in range(start + 1, len(lines)):
        if not has_content(lines[number]):
            continue
        if indent_of(lines[number]) <= indent:
            break
        end = number + 1
    return end


def _shift(node: object, lines: int, cols: int) -> None:
    """Move the positions of a snippet's nodes to where the snippet is in the file."""
    if isinstance(node, Map | Seq):
        node.line, node.col = node.line + lines, node.col + cols
    if isinstance(node, Map):
        node.key_positions = {k: (line + lines, col + cols) for k, (line, col) in node.key_positions.items()}
        for value in node.values():
            _shift(value, lines, cols)
    elif isinstance(node, Seq):
        node.item_positions = [(line + lines, col + cols) for line, col in node.item_positions]
        for value in node:
            _shift(value, lines, cols)


def _snippet(lines: list[str], start: int, end: int) -> Map | None:
    """The entry on lines [start, end) parsed alone, with its positions in the file; None if it does not
    parse as one mapping entry."""
    indent = indent_of(lines[start])
    text = "\n".join(line[indent:] if indent_of(line) >= indent else "" for line in lines[start:end]) + "\n"
    try:
        data = load(text).data
    except yaml.YAMLError:
        return None
    if not isinstance(data, Map) or len(data) != 1:
        return None
    _shift(data, start, indent)
    return data


def _lists(lines: list[str], start: int, end: int, name: str) -> bool:
    """The entry on lines [start, end) parses and lists `name` (by match key)."""
    data = _snippet(lines, start, end)
    if data is None:
        return False
    value = next(iter(data.values()))
    if isinstance(value, Map):
        value = value.get("aliases")
    return isinstance(value, Seq) and any(isinstance(v, str) and key(v) == key(name) for v in value)


def add_locally(lines: list[str], table: AliasTable, name: str, canonical: str, label: str) -> bool:
    """File `name` under `canonical` (created under `label` if new) by editing `lines` in place and updating
    `table` in step. False, with both unchanged, when the edit needs the whole file (a new label, an entity
    written in a shape the line edits do not cover). The caller has checked for conflicts."""
    target = table.lookup(canonical)
    before = len(lines)
    if target is not None:
        start = target.line - 1
        end = entity_end(lines, start)
        block = _snippet(lines, start, end)
        if block is None or not _is_key_of(next(iter(block)), canonical):
            return False  # not an entry of its own line (a flow-style label block, say)
        edited = list(lines)
        if not add_to_entity(edited, block, next(iter(block)), name):
            return False
        new_end = end + len(edited) - before
        if not _lists(edited, start, new_end, name):
            return False
        lines[:] = edited
        index = table.by_key[key(canonical)]
        table.entities[index] = replace(target, aliases=(*target.aliases, name))
        table.by_key[key(name)] = index
        _shift_lines(table, after=start + 1, by=len(lines) - before, skip=index)
        return True
    same_label = [i for i, e in enumerate(table.entities) if e.label == label]
    if not same_label:
        return False  # a new label block: the whole-file edit places it
    last = same_label[-1]
    start = table.entities[last].line - 1
    previous = _snippet(lines, start, entity_end(lines, start))
    if previous is None or not _is_key_of(next(iter(previous)), table.entities[last].canonical):
        return False
    at = entity_end(lines, start)
    entry = f"{scalar(canonical)}:" + ("" if key(name) == key(canonical) else f" [{scalar(name)}]")
    lines.insert(at, " " * indent_of(lines[start]) + entry)
    added = _snippet(lines, at, at + 1)
    if added is None or not _is_key_of(next(iter(added)), canonical):
        del lines[at]
        return False
    aliases = () if key(name) == key(canonical) else (name,)
    _shift_lines(table, after=at, by=1)
    table.entities.insert(last + 1, AliasEntity(canonical, label, aliases, {}, at + 1))
    table.by_key.clear()
    for index, entity in enumerate(table.entities):  # as `validate` indexes: the first owner of a key keeps it
        for listed in entity.names:
            if k := key(listed):
                table.by_key.setdefault(k, index)
    return True


def _is_key_of(written: object, canonical: str) -> bool:
    return isinstance(written, str) and key(written) == key(canonical)


def _shift_lines(table: AliasTable, *, after: int, by: int, skip: int | None = None) -> None:
    """Entities whose key is below 0-based line `after` move down `by` lines."""
    if not by:
        return
    for index, entity in enumerate(table.entities):
        if index != skip and entity.line - 1 >= after:
            table.entities[index] = replace(entity, line=entity.line + by)
