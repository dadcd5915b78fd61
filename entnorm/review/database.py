"""`--format sqlite`: the resolution as one SQLite database, to browse with Datasette or query with sqlite3.

Written with the standard library's sqlite3: four tables with primary and foreign keys and the indexes the
links need, and an FTS5 index over the mentions' contexts. Datasette follows the foreign keys, so an entity
links to its mentions and a mention to its document.

    documents  path (key), characters, words, mentions
    entities   id (key), canonical, label, mentions, documents, aliases (JSON), attributes (JSON)
    aliases    entity -> entities, text, count (key: entity, text)
    mentions   id (key), doc -> documents, start, end, text, label, entity -> entities, context
    mentions_fts   full text of mentions.text and mentions.context

The file is built at a temporary path and replaces the target in one step (`storage.replaced_file`), so a
re-run replaces every table at once, and a failed run leaves the previous database whole.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence

from entnorm.records import Document, Mention, Resolution
from entnorm.review.context import context_of

SCHEMA = """
CREATE TABLE documents (
    path TEXT PRIMARY KEY,
    characters INTEGER NOT NULL,
    words INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    aliases TEXT NOT NULL,
    attributes TEXT NOT NULL
);
CREATE TABLE aliases (
    entity TEXT NOT NULL REFERENCES entities(id),
    text TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, text)
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc TEXT REFERENCES documents(path),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity TEXT NOT NULL REFERENCES entities(id),
    context TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX aliases_text ON aliases(text);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_label ON entities(label);
CREATE VIRTUAL TABLE mentions_fts USING fts5(text, context, content="mentions", content_rowid="id");
"""
_WORD = re.compile(r"\S+")


def write_database(
    path: str, documents: Sequence[Document], mentions: Sequence[Mention], resolution: Resolution
) -> None:
    """Write the tables above into a new database at `path` (which must not hold one yet: give it a fresh
    temporary path, see `storage.replaced_file`)."""
    texts = {d.name: d.text for d in documents}
    per_document = Counter(m.doc for m in mentions)
    entities = resolution.entities
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a fresh file that replaces the old one whole
        connection.execute("PRAGMA synchronous = OFF")  # the file is flushed before it is put in place
        connection.executescript(SCHEMA)
        connection.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?)",
            ((d.name, len(d.text), sum(1 for _ in _WORD.finditer(d.text)), per_document[d.name]) for d in documents),
        )
        connection.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    e.id,
                    e.canonical,
                    e.label,
                    e.mentions,
                    e.documents,
                    json.dumps([{"text": t, "count": c} for t, c in e.aliases], ensure_ascii=False),
                    json.dumps(e.attributes, ensure_ascii=False),
                )
                for e in entities
            ),
        )
        connection.executemany(
            "INSERT INTO aliases VALUES (?, ?, ?)", ((e.id, t, c) for e in entities for t, c in e.aliases)
        )
        connection.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    number,
                    m.doc,
                    m.start,
                    m.end,
                    m.text,
                    entities[e].label,
                    entities[e].id,
                    _context(texts.get(m.doc or ""), m),
                )
                for number, (m, e) in enumerate(zip(mentions, resolution.entity_of, strict=True), start=1)
            ),
        )
        connection.execute("INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild')")
        connection.commit()
    finally:
        connection.close()


def _context(text: str | None, mention: Mention) -> str:
    if text is None:
        return mention.text
    return "".join(context_of(text, mention.start, mention.end))
