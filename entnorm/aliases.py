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

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from entnorm.errors import AliasFileError
from entnorm.normalize import key

#: The entity labels of spaCy's English pipelines (OntoNotes 5).
KNOWN_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)
_SCALAR = (str, int, float, bool)


@dataclass(frozen=True, slots=True)
class AliasEntity:
    """One entity declared in the alias file."""

    canonical: str
    label: str
    aliases: tuple[str, ...]
    attributes: dict[str, str] = field(default_factory=dict)
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.canonical, *self.aliases)


@dataclass(slots=True)
class AliasTable:
    """The entities of an alias file and an index from match key to entity."""

    path: str = ""
    entities: list[AliasEntity] = field(default_factory=list)
    by_key: dict[str, int] = field(default_factory=dict)

    def lookup(self, text: str) -> AliasEntity | None:
        """The entity that lists `text` (by match key), or None."""
        index = self.by_key.get(key(text))
        return None if index is None else self.entities[index]

    def __len__(self) -> int:
        return len(self.entities)


def _position(node: object, item: object = None) -> tuple[int | None, int | None]:
    """1-based (line, col) of a mapping key / sequence item, or of the node itself."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if item is not None and isinstance(node, CommentedMap):
            line, col = lc.key(item)
        elif item is not None and isinstance(node, CommentedSeq):
            line, col = lc.item(item)
        else:
            line, col = lc.line, lc.col
    except (KeyError, IndexError, TypeError):
        return None, None
    return line + 1, col + 1


def _read(path: str, text: str) -> object:
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if "duplicate key" in problem:
            problem += "; merge the two entries into one"
        return _raise(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None, problem)
    except YAMLError as exc:
        return _raise(path, None, None, str(exc))


def _raise(path: str, line: int | None, col: int | None, problem: str) -> object:
    raise AliasFileError(path, line, col, problem)


def _entity(path: str, label: str, canonical: object, value: object, block: CommentedMap) -> AliasEntity:
    line, col = _position(block, canonical)
    if not isinstance(canonical, str) or not canonical.strip():
        _raise(path, line, col, f"a canonical name must be text, got {canonical!r}")
    assert isinstance(canonical, str)
    attributes: dict[str, str] = {}
    if value is None:
        raw_aliases: object = []
    elif isinstance(value, str):
        raw_aliases = [value]
    elif isinstance(value, CommentedSeq):
        raw_aliases = value
    elif isinstance(value, CommentedMap):
        raw_aliases = value.get("aliases") or []
        for field_name, field_value in value.items():
            if field_name == "aliases":
                continue
            if not isinstance(field_value, _SCALAR):
                fline, fcol = _position(value, field_name)
                _raise(path, fline, fcol, f"field {field_name!r} of {canonical!r} must be a single value (text or number)")
            attributes[str(field_name)] = str(field_value)
    else:
        _raise(path, line, col, f"{canonical!r} must have a list of aliases or a mapping with 'aliases:'")
    if not isinstance(raw_aliases, list):
        where = value if isinstance(value, CommentedMap) else block
        aline, acol = _position(where, "aliases") if isinstance(value, CommentedMap) else (line, col)
        _raise(path, aline, acol, f"the aliases of {canonical!r} must be a list, like [Name One, Name Two]")
    aliases = []
    container = raw_aliases if isinstance(raw_aliases, CommentedSeq) else None
    for i, alias in enumerate(raw_aliases):  # type: ignore[union-attr]
        if not isinstance(alias, str) or not alias.strip():
            aline, acol = _position(container, i) if container is not None else (line, col)
            _raise(path, aline, acol, f"an alias of {canonical!r} must be text, got {alias!r}")
        aliases.append(alias.strip())
    return AliasEntity(canonical.strip(), label, tuple(dict.fromkeys(aliases)), attributes, line or 0)


def parse_aliases(text: str, *, path: str = "aliases.yaml") -> AliasTable:
    """Parse alias-file text into an AliasTable.

    Raises:
        AliasFileError: with file:line:col for YAML syntax, shape, unknown labels, and a key under two entities.
    """
    data = _read(path, text)
    table = AliasTable(path=path)
    if data is None:
        return table
    if not isinstance(data, CommentedMap):
        line, col = _position(data)
        _raise(path, line or 1, col or 1, "the file must map labels to entities, like 'PERSON:' on its own line")
    assert isinstance(data, CommentedMap)
    for label, block in data.items():
        line, col = _position(data, label)
        if not isinstance(label, str) or label not in KNOWN_LABELS:
            valid = ", ".join(KNOWN_LABELS)
            _raise(path, line, col, f"unknown label {label!r}; use one of {valid}")
        if block is None:
            continue
        if not isinstance(block, CommentedMap):
            _raise(path, line, col, f"under {label}: list entities as 'Canonical Name: [alias, alias]'")
        for canonical, value in block.items():
            entity = _entity(path, label, canonical, value, block)
            index = len(table.entities)
            table.entities.append(entity)
            for name in entity.names:
                k = key(name)
                if not k:
                    continue
                owner = table.by_key.setdefault(k, index)
                if owner != index:
                    other = table.entities[owner]
                    aline, acol = _alias_position(block, canonical, name)
                    _raise(
                        path, aline, acol,
                        f"{name!r} is listed under both {other.canonical!r} (line {other.line}) and "
                        f"{entity.canonical!r}; a name can belong to one entity only",
                    )
    return table


def _alias_position(block: CommentedMap, canonical: str, name: str) -> tuple[int | None, int | None]:
    value = block.get(canonical)
    seq = value.get("aliases") if isinstance(value, CommentedMap) else value
    if isinstance(seq, CommentedSeq):
        for i, alias in enumerate(seq):
            if isinstance(alias, str) and alias.strip() == name:
                return _position(seq, i)
    return _position(block, canonical)


def load_aliases(path: str | Path | None) -> AliasTable:
    """Read an alias file; None or a missing default file gives an empty table.

    Raises:
        AliasFileError: when the file cannot be read or parsed.
    """
    if path is None:
        return AliasTable()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return AliasTable(path=str(p))
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(str(p), None, None, f"cannot be read: {exc}") from None
    return parse_aliases(text, path=str(p))


def slug(text: str) -> str:
    """A lowercase ASCII id fragment: "Asaad al-Shaibani" → "asaad-al-shaibani"."""
    return re.sub(r"\s+", "-", key(text)) or "entity"
