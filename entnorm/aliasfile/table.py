"""The alias table: the entities an alias file declares, indexed by match key (`normalize.key`, the same key
mentions are looked up with, so case, accents and punctuation need not be listed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from entnorm.names.normalize import key


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
