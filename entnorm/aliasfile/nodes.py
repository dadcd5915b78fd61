"""Alias-file YAML read into plain dicts and lists that remember where each key and item was written.

Validation and line edits need positions; a watchlist of 100,000 entities must still load in seconds. So the
file is parsed by libyaml (PyYAML's C parser) into nodes, and the nodes are built into `Map` and `Seq` here,
never through a constructor: no tag is ever run. Plain scalars are typed as YAML 1.2 reads them (only
true/false are booleans, so `NO` (Norway) and `on` stay text); quoted scalars are always text. A tag other
than the plain ones is reported, with where it was written, in `Document.tagged`. A key written twice in one
mapping is an error, as a YAML 1.2 parser makes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

import yaml

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = ("", "~", "null", "Null", "NULL")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))

try:
    _BASE = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: the same result, only slower
    _BASE = yaml.SafeLoader


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """No implicit resolvers: every plain scalar stays a string node; typing is done here, as YAML 1.2."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


class Map(dict):
    """A mapping, with the 0-based (line, col) of itself and of each key."""

    def __init__(self, line: int, col: int, flow: bool) -> None:
        super().__init__()
        self.line, self.col, self.flow = line, col, flow
        self.key_positions: dict[object, tuple[int, int]] = {}

    def key_at(self, key: object) -> tuple[int, int]:
        return self.key_positions[key]


class Seq(list):
    """A sequence, with the 0-based (line, col) of itself and of each item."""

    def __init__(self, line: int, col: int, flow: bool) -> None:
        super().__init__()
        self.line, self.col, self.flow = line, col, flow
        self.item_positions: list[tuple[int, int]] = []

    def item_at(self, index: int) -> tuple[int, int]:
        return self.item_positions[index]


class DuplicateKey(yaml.MarkedYAMLError):
    """A mapping lists one key twice."""


@dataclass(slots=True)
class Document:
    """The file's top value and the (line, col, tag) of every explicitly tagged value, both 0-based."""

    data: object
    tagged: list[tuple[int, int, str]] = field(default_factory=list)


def load(text: str) -> Document:
    """Parse alias-file text.

    Raises:
        yaml.MarkedYAMLError: a syntax error or a duplicate key, with its mark.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    document = Document(None)
    if node is not None:
        document.data = _Builder(document.tagged).build(node)
    return document


class _Builder:
    """Nodes to values. A node shared through a YAML anchor is built once and shared, so a file of nested
    anchors costs its size, not its expansion."""

    def __init__(self, tagged: list[tuple[int, int, str]]) -> None:
        self._tagged = tagged
        self._built: dict[int, object] = {}

    def build(self, node: yaml.Node) -> object:
        done = self._built.get(id(node))
        if done is not None:
            return done
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = self._sequence(node)
        else:
            value = self._mapping(node)
        self._built[id(node)] = value
        return value

    def _child(self, node: yaml.Node, line: int, col: int) -> object:
        if node.tag not in _PLAIN_TAGS:
            self._tagged.append((line, col, node.tag))
        return self.build(node)

    def _sequence(self, node: yaml.SequenceNode) -> Seq:
        seq = Seq(node.start_mark.line, node.start_mark.column, bool(node.flow_style))
        self._built[id(node)] = seq
        for item in node.value:
            position = (item.start_mark.line, item.start_mark.column)
            seq.item_positions.append(position)
            seq.append(self._child(item, *position))
        return seq

    def _mapping(self, node: yaml.MappingNode) -> Map:
        mapping = Map(node.start_mark.line, node.start_mark.column, bool(node.flow_style))
        self._built[id(node)] = mapping
        for key_node, value_node in node.value:
            position = (key_node.start_mark.line, key_node.start_mark.column)
            key = _hashable(self.build(key_node))
            if key in mapping.key_positions:
                first = mapping.key_positions[key][0] + 1
                raise DuplicateKey(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r} (first on line {first})",
                    key_node.start_mark,
                )
            mapping.key_positions[key] = position
            mapping[key] = self._child(value_node, *position)
        return mapping


def _scalar(node: yaml.ScalarNode) -> object:
    value = node.value
    if node.style or node.tag != "tag:yaml.org,2002:str":  # libyaml: "" plain, PyYAML: None
        return value  # quoted, or explicitly tagged (reported, never run): text
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _hashable(value: object) -> object:
    """A key as a dict can hold it: a list or mapping used as a key becomes a tuple (and is reported later as
    a key that is not text)."""
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value
