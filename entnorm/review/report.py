"""`entnorm report`: one self-contained HTML page to review a resolution.

The page is a template (`page/report.html`) with its stylesheet and script put inline, and the data as one
JSON document in a `<script type="application/json">` block: the documents' texts, the entities with their
spellings, each document's mentions as (start, end, entity) triples, and the suggestions for the alias file
with the YAML and the command that accept each. The script draws only what is on screen (a page of entities,
one entity's contexts, one document), so a corpus of thousands of documents opens without freezing. Nothing
is fetched: no fonts, no scripts, no server.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Sequence
from importlib.resources import files

from entnorm.aliasfile.edit import scalar
from entnorm.records import Document, Mention, Resolution
from entnorm.resolution.suggest import Suggestion


def _asset(name: str) -> str:
    return files(__package__).joinpath("page", name).read_text(encoding="utf-8")


def suggestion_yaml(suggestion: Suggestion) -> str:
    """The alias-file entry that accepting the suggestion files (new names under the entity)."""
    names = ", ".join(scalar(name) for name in suggestion.add)
    return f"{suggestion.label}:\n  {scalar(suggestion.canonical)}: [{names}]\n"


def accept_command(paths: Sequence[str], suggestion: Suggestion, alias_file: str | None) -> str:
    words = ["entnorm", "aliases", "suggest", *paths]
    if alias_file:
        words += ["-a", alias_file]
    return shlex.join([*words, "--write", "--accept", suggestion.id])


def report_data(
    documents: Sequence[Document],
    mentions: Sequence[Mention],
    resolution: Resolution,
    suggestions: Sequence[Suggestion],
    *,
    paths: Sequence[str],
    alias_file: str | None = None,
) -> dict:
    """The page's data (see the module docstring); documents in the order read."""
    entities = resolution.entities
    index_of = {d.name: i for i, d in enumerate(documents)}
    per_document: list[list[list[int]]] = [[] for _ in documents]
    for mention, entity in zip(mentions, resolution.entity_of, strict=True):
        document = index_of.get(mention.doc or "")
        if document is not None:
            per_document[document].append([mention.start, mention.end, entity])
    return {
        "title": "entnorm report: " + " ".join(paths),
        "documents": [[d.name, d.text] for d in documents],
        "mentions": per_document,
        "entities": [
            {
                "id": e.id,
                "canonical": e.canonical,
                "label": e.label,
                "mentions": e.mentions,
                "documents": e.documents,
                "aliases": [[t, c] for t, c in e.aliases],
                "attributes": e.attributes,
            }
            for e in entities
        ],
        "suggestions": [
            {
                **s.as_record(),
                "yaml": suggestion_yaml(s),
                "command": accept_command(paths, s, alias_file),
            }
            for s in suggestions
        ],
    }


def render_report(data: dict) -> str:
    """The whole page, as text."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c")  # no "</script>" or "<!--" can end the data block early
    page = _asset("report.html")
    for marker, value in (
        ("/*STYLE*/", _asset("report.css")),
        ("/*SCRIPT*/", _asset("report.js")),
        ("/*DATA*/", payload),
        ("<!--TITLE-->", _escape(data["title"])),
    ):
        head, _, tail = page.partition(marker)
        page = head + value + tail
    return page


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
