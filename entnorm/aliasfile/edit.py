"""Adding a name to alias-file text by editing the lines it touches, so that everything else (indentation,
comment alignment, quoting, blank lines) stays exactly as the user wrote it.

The parsed file (`aliasfile.nodes`) says where things are; the edit itself is text: a name appended inside a flow list
(`[a, b]` -> `[a, b, c]`), a new item line under a block list, a new entity line at the end of its label's
block, a new label block at the end of the file. A shape these edits do not cover returns None, and the
caller falls back to a round-trip dump.
"""

from __future__ import annotations

import json
import re

import yaml

from entnorm.aliasfile.nodes import Map, Seq, load
from entnorm.names.normalize import key

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*")
_KEY_LINE = re.compile(r"^(?P<head>\s*(?:\"[^\"]*\"|'[^']*'|[^#]*?)\s*:)(?P<gap>[ \t]*)(?P<comment>#.*)?$")


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where that reads back the same, else double-quoted."""
    plain = _PLAIN.fullmatch(text) and text == text.strip() and ": " not in text and " #" not in text
    if plain and text.lower() not in ("null", "true", "false", "yes", "no", "on", "off", "~"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _load(text: str) -> Map | None:
    try:
        data = load(text).data
    except yaml.YAMLError:
        return None
    return data if isinstance(data, Map) else None


def _find(data: Map, canonical: str) -> tuple[Map, object] | None:
    """(label block, canonical key as written) of an entity, matched by match key."""
    wanted = key(canonical)
    for block in data.values():
        if isinstance(block, Map):
            for written in block:
                if isinstance(written, str) and key(written) == wanted:
                    return block, written
    return None


def _append_to_flow(lines: list[str], seq: Seq, name: str) -> bool:
    """`[a, b]` on one line becomes `[a, b, name]`."""
    line = lines[seq.line]
    start = seq.col
    if line[start : start + 1] != "[":
        return False
    depth, quote = 0, ""
    for i in range(start, len(line)):
        ch = line[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                added = (", " if line[start + 1 : i].strip() else "") + scalar(name)
                rest = line[i + 1 :]
                gap = len(rest) - len(rest.lstrip(" "))
                if rest.lstrip(" ").startswith("#"):  # a comment after the list keeps its column if it can
                    rest = " " * max(1, gap - len(added)) + rest.lstrip(" ")
                lines[seq.line] = line[:i].rstrip() + added + "]" + rest
                return True
    return False  # a flow list over several lines


def _append_to_block(lines: list[str], seq: Seq, name: str) -> bool:
    """A new `- name` line after the last item, indented as the items are."""
    if not len(seq):
        return False
    item_line, item_col = seq.item_at(len(seq) - 1)
    last = lines[item_line]
    dash = last.rfind("-", 0, item_col)
    if dash < 0 or last[:dash].strip():
        return False
    lines.insert(item_line + 1, last[:item_col] + scalar(name))
    return True


def _append(lines: list[str], seq: Seq, name: str) -> bool:
    return _append_to_flow(lines, seq, name) if seq.flow else _append_to_block(lines, seq, name)


def _give_value(lines: list[str], line_number: int, value: str) -> bool:
    """`Name:` (with no value, perhaps a comment) becomes `Name: value`."""
    match = _KEY_LINE.match(lines[line_number])
    if not match:
        return False
    comment = match.group("comment")
    line = match.group("head") + " " + value
    if comment:  # the comment stays in its column when there is room
        column = len(lines[line_number]) - len(comment)
        line = line.ljust(column - 1) + " " + comment
    lines[line_number] = line
    return True


def _entity_line(block: Map, lines: list[str], indent: str) -> int:
    """The line after which a new entity goes: the block's last line with content."""
    keys = list(block)
    last_line = block.key_at(keys[-1])[0] if keys else block.line
    end = last_line
    for number in range(last_line + 1, len(lines)):
        stripped = lines[number].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[number]) - len(lines[number].lstrip()) < len(indent):
            break
        end = number
    return end


def add_to_entity(lines: list[str], block: Map, written: object, name: str) -> bool:
    """File `name` under the entity whose key is `written` in `block`, editing `lines` in place; False (and
    `lines` unchanged) when the entity's shape is not one these edits cover."""
    value = block[written]
    if isinstance(value, Map):
        seq = value.get("aliases")
        if isinstance(seq, Seq):
            return _append(lines, seq, name)
        if seq is None and "aliases" not in value and len(value):
            first_line, first_col = value.key_at(next(iter(value)))
            lines.insert(first_line, " " * first_col + f"aliases: [{scalar(name)}]")
            return True
        return False
    if isinstance(value, Seq):
        return _append(lines, value, name)
    if value is None:
        return _give_value(lines, block.key_at(written)[0], f"[{scalar(name)}]")
    return False  # a single alias written as a scalar: leave it to the round trip


def add_to_text(text: str, addition) -> str | None:
    """The text with `addition` (an `aliasfile.write.Addition`) filed, or None when the file's shape is one
    these edits do not cover. The caller has checked that the name belongs to no other entity."""
    data = _load(text) if text.strip() else Map(0, 0, False)
    if data is None:
        return None
    lines = text.split("\n")
    same = key(addition.name) == key(addition.canonical)
    new_value = "[]" if same else f"[{scalar(addition.name)}]"
    found = _find(data, addition.canonical)
    if found is not None:
        block, written = found
        return "\n".join(lines) if add_to_entity(lines, block, written, addition.name) else None
    block = data.get(addition.label)
    entry = f"{scalar(addition.canonical)}:" + ("" if same else f" {new_value}")
    if isinstance(block, Map) and len(block):
        indent = " " * block.key_at(next(iter(block)))[1]
        lines.insert(_entity_line(block, lines, indent) + 1, indent + entry)
        return "\n".join(lines)
    if addition.label in data:
        return None  # an empty label line: its indentation is unknown, leave it to the round trip
    indent = _indent_of(data) or "  "
    spaced = any(not lines[data.key_at(k)[0] - 1].strip() for k in list(data)[1:])  # blank lines between labels
    while lines and not lines[-1].strip():
        lines.pop()
    lines += ([""] if lines and spaced else []) + [f"{addition.label}:", indent + entry, ""]
    return "\n".join(lines)


def _indent_of(data: Map) -> str:
    for block in data.values():
        if isinstance(block, Map) and len(block):
            return " " * block.key_at(next(iter(block)))[1]
    return ""
