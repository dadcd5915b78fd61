"""From YAML text to an alias table and every problem found on the way, each with its line, column and fix.

Validation collects rather than stops, so `aliases check` can report everything at once; `read.parse_aliases`
refuses a file with a fatal problem. The shape is LABEL -> canonical name -> a list of aliases, or a mapping
with an `aliases` list and free fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from entnorm.aliasfile.nodes import Map, Seq, load
from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.errors import where
from entnorm.labels import KNOWN_LABELS
from entnorm.names.normalize import key

_SCALAR = (str, int, float, bool)
#: A message quotes at most this many characters of a value (an expansion bomb must not print megabytes).
QUOTE_CHARS = 60


def _quote(value: object) -> str:
    """A value as a message quotes it: repr, bounded however large or deeply nested the value is."""
    text = _bounded(value, 0)
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _bounded(value: object, depth: int) -> str:
    """repr of at most 4 items a level, 2 levels deep: a sequence or mapping is never shown whole."""
    if isinstance(value, dict):
        if depth >= 2:
            return "{…}"
        shown = [f"{_bounded(k, depth + 1)}: {_bounded(v, depth + 1)}" for k, v in list(value.items())[:4]]
        return "{" + ", ".join(shown) + (", …" if len(value) > 4 else "") + "}"
    if isinstance(value, list):
        if depth >= 2:
            return "[…]"
        shown = [_bounded(v, depth + 1) for v in value[:4]]
        return "[" + ", ".join(shown) + (", …" if len(value) > 4 else "") + "]"
    return repr(value)[: QUOTE_CHARS + 1]


def _position(node: object, item: object = None) -> tuple[int | None, int | None]:
    """1-based (line, col) of a mapping key / sequence item, or of the node itself."""
    try:
        if item is not None and isinstance(node, Map):
            line, col = node.key_at(item)
        elif item is not None and isinstance(node, Seq):
            line, col = node.item_at(item)
        elif isinstance(node, Map | Seq):
            line, col = node.line, node.col
        else:
            return None, None
    except (KeyError, IndexError, TypeError):
        return None, None
    return line + 1, col + 1


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in an alias file, where, and how to fix it. A fatal problem makes the file unusable;
    the others (a name listed twice, two entries that look like one entity) are reported by `jobs.check_alias_file`."""

    line: int | None
    col: int | None
    message: str
    fix: str = ""
    fatal: bool = True

    def describe(self, path: str) -> str:
        return f"{where(path, self.line, self.col)}: {self.message}" + (f"; fix: {self.fix}" if self.fix else "")


def _read(text: str, problems: list[Problem]) -> object:
    try:
        document = load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        fix = "check the quotes, brackets and indentation there"
        if "duplicate key" in message:
            message += "; merge the two entries into one"
            fix = ""
        problems.append(Problem(mark.line + 1 if mark else None, mark.column + 1 if mark else None, message, fix))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(None, None, str(exc)))
        return None
    for line, col, tag in document.tagged:
        problems.append(
            Problem(
                line + 1,
                col + 1,
                f"a YAML tag ({_quote(tag)}) is not allowed: entnorm never runs one",
                "remove the tag",
            )
        )
    return None if document.tagged else document.data


def _entity(label: str, canonical: object, value: object, block: Map, problems: list[Problem]) -> AliasEntity | None:
    line, col = _position(block, canonical)
    if not isinstance(canonical, str) or not canonical.strip():
        problems.append(
            Problem(line, col, f"a canonical name must be text, got {_quote(canonical)}", 'quote it, like "1984 Group"')
        )
        return None
    attributes: dict[str, str] = {}
    raw_aliases: object = []
    if isinstance(value, str):
        raw_aliases = [value]
    elif isinstance(value, Seq):
        raw_aliases = value
    elif isinstance(value, Map):
        raw_aliases = value.get("aliases") or []
        for field_name, field_value in value.items():
            if field_name == "aliases":
                continue
            if not isinstance(field_value, _SCALAR):
                fline, fcol = _position(value, field_name)
                problems.append(
                    Problem(
                        fline,
                        fcol,
                        f"field {_quote(field_name)} of {_quote(canonical)} must be a single value (text or number)",
                        "write it on one line, like wikidata: Q1899",
                    )
                )
                continue
            attributes[str(field_name)] = str(field_value)
    elif value is not None:
        problems.append(
            Problem(
                line,
                col,
                f"{_quote(canonical)} must have a list of aliases or a mapping with 'aliases:'",
                f"write {canonical}: [alias, alias]",
            )
        )
        return None
    if not isinstance(raw_aliases, list):
        aline, acol = _position(value, "aliases") if isinstance(value, Map) else (line, col)
        problems.append(
            Problem(
                aline,
                acol,
                f"the aliases of {_quote(canonical)} must be a list, like [Name One, Name Two]",
                "put the names in square brackets",
            )
        )
        raw_aliases = []
    aliases = []
    container = raw_aliases if isinstance(raw_aliases, Seq) else None
    for i, alias in enumerate(raw_aliases):  # type: ignore[union-attr]
        if not isinstance(alias, str) or not alias.strip():
            aline, acol = _position(container, i) if container is not None else (line, col)
            problems.append(
                Problem(
                    aline,
                    acol,
                    f"an alias of {_quote(canonical)} must be text, got {_quote(alias)}",
                    "quote it, or remove it",
                )
            )
            continue
        aliases.append(alias.strip())
    return AliasEntity(canonical.strip(), label, tuple(aliases), attributes, line or 0)


def validate(text: str, path: str) -> tuple[AliasTable, list[Problem]]:
    """Build the table from whatever is usable and collect every problem, in file order."""
    problems: list[Problem] = []
    table = AliasTable(path=path)
    data = _read(text, problems)
    if data is None:
        return table, problems
    if not isinstance(data, Map):
        line, col = _position(data)
        problems.append(
            Problem(
                line or 1,
                col or 1,
                "the file must map labels to entities, like 'PERSON:' on its own line",
                "start with a label line such as PERSON:",
            )
        )
        return table, problems
    for label, block in data.items():
        line, col = _position(data, label)
        if not isinstance(label, str) or label not in KNOWN_LABELS:
            valid = ", ".join(KNOWN_LABELS)
            problems.append(
                Problem(line, col, f"unknown label {_quote(label)}; use one of {valid}", _closest_label(label))
            )
            continue
        if block is None:
            continue
        if not isinstance(block, Map):
            problems.append(
                Problem(
                    line,
                    col,
                    f"under {label}: list entities as 'Canonical Name: [alias, alias]'",
                    "indent each entity under the label",
                )
            )
            continue
        for canonical, value in block.items():
            entity = _entity(label, canonical, value, block, problems)
            if entity is not None:
                _index(table, entity, block, problems)
    return table, problems


def _index(table: AliasTable, entity: AliasEntity, block: Map, problems: list[Problem]) -> None:
    index = len(table.entities)
    seen: set[str] = set()
    for name in entity.names:
        k = key(name)
        if not k:
            continue
        if k in seen:
            aline, acol = _alias_position(block, entity.canonical, name)
            problems.append(
                Problem(
                    aline,
                    acol,
                    f"{_quote(name)} is listed twice under {_quote(entity.canonical)}",
                    "remove one of them",
                    fatal=False,
                )
            )
            continue
        seen.add(k)
        owner = table.by_key.setdefault(k, index)
        if owner != index:
            aline, acol = _alias_position(block, entity.canonical, name)
            other = table.entities[owner]
            problems.append(
                Problem(
                    aline,
                    acol,
                    f"{_quote(name)} is listed under both {_quote(other.canonical)} (line {other.line}) and "
                    f"{_quote(entity.canonical)}; "
                    "a name can belong to one entity only",
                    "keep it under one of them; if they are one entity, merge the two entries",
                )
            )
    table.entities.append(
        AliasEntity(
            entity.canonical, entity.label, tuple(dict.fromkeys(entity.aliases)), entity.attributes, entity.line
        )
    )


def _closest_label(label: object) -> str:
    from rapidfuzz import process

    match = process.extractOne(str(label).upper(), KNOWN_LABELS, score_cutoff=60)
    return f"did you mean {match[0]}?" if match else ""


def _alias_position(block: Map, canonical: str, name: str) -> tuple[int | None, int | None]:
    value = block.get(canonical)
    seq = value.get("aliases") if isinstance(value, Map) else value
    if isinstance(seq, Seq):
        for i, alias in enumerate(seq):
            if isinstance(alias, str) and alias.strip() == name:
                return _position(seq, i)
    return _position(block, canonical)
