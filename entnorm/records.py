"""The records entnorm reads and writes, and the fixed field order every output format uses."""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_FIELDS = ("id", "canonical", "label", "mentions", "documents", "aliases", "attributes")
MENTION_FIELDS = ("doc", "start", "end", "text", "label", "entity", "canonical")
RESOLUTION_FIELDS = ("text", "label", "entity", "canonical")
SUGGESTION_FIELDS = ("id", "kind", "label", "canonical", "add", "score", "reason")
EXPLAIN_FIELDS = ("name", "resolved", "candidate", "label", "entity", "score", "outcome", "reason")

#: The entity labels entnorm keeps by default (spaCy's OntoNotes names for them).
DEFAULT_LABELS = ("PERSON", "GPE", "LOC", "ORG")


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. `name` is the path as the user would type it (or "-" for stdin)."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A cleaned NER span: `text[start:end]` of its document, whitespace squashed into `text`."""

    doc: str
    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class Entity:
    """A resolved entity: one canonical name and every surface form seen for it."""

    id: str
    canonical: str
    label: str
    mentions: int = 0
    documents: int = 0
    aliases: list[tuple[str, int]] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)

    def as_record(self) -> dict:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "label": self.label,
            "mentions": self.mentions,
            "documents": self.documents,
            "aliases": [{"text": t, "count": c} for t, c in self.aliases],
            "attributes": dict(self.attributes),
        }
