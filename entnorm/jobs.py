"""The two jobs behind the CLI, as plain functions: extract (read → NER → resolve) and resolve (names → resolve)."""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial

from entnorm.aliasfile.read import AliasTable
from entnorm.extraction.cache import SpanCache, model_id
from entnorm.extraction.corpus import iter_documents
from entnorm.errors import InputError
from entnorm.extraction.mentions import SpacyRecogniser, batch_size_for, iter_mentions, load_pipeline
from entnorm.records import Document, Mention
from entnorm.resolution.resolver import Resolution, Resolver

Warn = Callable[[str], None]
Progress = Callable[[Document], None]


@dataclass(slots=True)
class Extraction:
    """Every mention found, in document order, the names the texts define as one, and how they resolve."""

    mentions: list[Mention]
    links: list[tuple[str, str]]
    resolution: Resolution


def extract(
    files: Sequence[str],
    *,
    model: str,
    meta: dict,
    labels: Iterable[str],
    aliases: AliasTable,
    encoding: str | None = None,
    jobs: int = 1,
    cache: SpanCache | None = None,
    scheduler: str | None = None,
    on_warning: Warn = lambda message: None,
    on_document: Progress = lambda document: None,
) -> Extraction:
    """Find the entities in `files` (already expanded by `corpus.list_files`) with the spaCy pipeline `model`
    (a name or path; `meta` is its meta.json, see `extract.read_meta`). The pipeline is loaded only if a file
    is not in `cache`.

    Texts stream through the model in batches of about 200,000 characters and are dropped once their
    mentions are taken; only the mentions are kept, in input order. With `scheduler` ("local", or the address
    of a Dask scheduler) the recogniser runs on a Dask cluster instead of `jobs` local processes; its workers
    load `model` themselves.

    Raises:
        CorpusError: when none of the files holds readable text.
    """
    total = sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))
    batch_size = batch_size_for(total, len(files))
    documents = iter_documents(files, encoding=encoding, on_warning=on_warning)
    found: list[tuple[int, list[Mention], list[tuple[str, str]]]] = []
    if scheduler:
        from entnorm.extraction.dask import DaskRecogniser

        recogniser = DaskRecogniser(model, model_id=model_id(meta), scheduler=scheduler, batch_size=batch_size)
    else:
        recogniser = SpacyRecogniser(partial(load_pipeline, model), meta=meta, batch_size=batch_size, n_process=jobs)
    with recogniser if scheduler else nullcontext():
        for result in iter_mentions(recogniser, documents, labels=labels, aliases=aliases, cache=cache):
            found.append((result.order, result.mentions, result.links))
            on_document(result.document)
    found.sort(key=lambda item: item[0])
    mentions = [m for _, doc_mentions, _ in found for m in doc_mentions]
    links = [link for _, _, doc_links in found for link in doc_links]
    resolution = Resolver(aliases).resolve(mentions, links=links)
    return Extraction(mentions, links, resolution)


@dataclass(frozen=True, slots=True)
class NameInput:
    """One name given to `entnorm resolve`."""

    text: str
    label: str
    doc: None = None


def read_names(lines: Iterable[str], *, default_label: str, source: str = "-") -> list[NameInput]:
    """Parse `entnorm resolve` input: one name per line, or JSON lines {"text": ..., "label": ...}.

    Blank lines are skipped. Raises InputError with the line number for malformed JSON or a missing text.
    """
    names = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("{"):
            try:
                row = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise InputError(f"{source}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(f'{source}:{number}: a JSON line needs a "text" field with the name')
            label = row.get("label") or default_label
            if not isinstance(label, str):
                raise InputError(f'{source}:{number}: "label" must be text, like "PERSON"')
            names.append(NameInput(text.strip(), label))
        else:
            names.append(NameInput(stripped, default_label))
    return names


def resolve_names(names: Sequence[NameInput], *, aliases: AliasTable) -> Resolution:
    """Resolve a list of names with no document context; `entity_of` follows input order."""
    return Resolver(aliases).resolve(names)
