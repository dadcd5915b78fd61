"""The records that cross from one part of entnorm to another or are written out, and for each record written,
its fixed field order (every output format uses it) and the function that makes its row."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_FIELDS = ("id", "canonical", "label", "mentions", "documents", "aliases", "attributes")
MENTION_FIELDS = ("doc", "start", "end", "text", "label", "entity", "canonical")
RESOLUTION_FIELDS = ("text", "label", "entity", "canonical")
SUGGESTION_FIELDS = ("id", "kind", "label", "canonical", "add", "score", "reason")
EXPLAIN_FIELDS = (
    "name",
    "entity",
    "canonical",
    "label",
    "candidate",
    "candidate_label",
    "candidate_entity",
    "score",
    "outcome",
    "reason",
)
#: The table says these in its title rather than on every row.
EXPLAIN_TITLE_FIELDS = ("name", "entity", "canonical", "label")


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. `name` is the path as the user would type it (or "-" for stdin)."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name to resolve. From a text: `text[start:end]` of document `doc`, whitespace squashed into `text`.
    From a list of names (`named`): no document (`doc` is None) and no offsets."""

    doc: str | None
    start: int
    end: int
    text: str
    label: str

    @classmethod
    def named(cls, text: str, label: str) -> Mention:
        """A name given without a document (a line of `entnorm resolve`, the name `explain` is asked about)."""
        return cls(None, 0, 0, text, label)


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


@dataclass(slots=True)
class Resolution:
    """The entities found and, for every input mention in order, the index of its entity."""

    entities: list[Entity]
    entity_of: list[int]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One name compared with the explained name, and the outcome. `entity` is the id of the candidate's
    entity ("" for an alias-file name whose entity has no mention in the input)."""

    text: str
    label: str
    entity: str
    score: float
    outcome: str
    reason: str


@dataclass(slots=True)
class Explanation:
    """Where a name went, and every name it was compared with (best first)."""

    entity: Entity
    candidates: list[Candidate]


def mention_row(mention: Mention, entity: Entity) -> dict:
    return {
        "doc": mention.doc,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": entity.label,
        "entity": entity.id,
        "canonical": entity.canonical,
    }


def resolution_row(mention: Mention, entity: Entity) -> dict:
    return {"text": mention.text, "label": entity.label, "entity": entity.id, "canonical": entity.canonical}


def explain_rows(name: str, explanation: Explanation) -> list[dict]:
    """One row per candidate; `entity`, `canonical` and `label` are those of the entity NAME resolves to, as
    in every other command, and the `candidate_` fields those of the name compared."""
    entity = explanation.entity
    return [
        {
            "name": name,
            "entity": entity.id,
            "canonical": entity.canonical,
            "label": entity.label,
            "candidate": c.text,
            "candidate_label": c.label,
            "candidate_entity": c.entity,
            "score": c.score,
            "outcome": c.outcome,
            "reason": c.reason,
        }
        for c in explanation.candidates
    ]
