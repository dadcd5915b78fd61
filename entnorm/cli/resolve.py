"""`entnorm resolve` (a list of names) and `entnorm explain` (why one name resolves where it does)."""

from __future__ import annotations

import click

from entnorm.cli.options import (
    CONTEXT_SETTINGS,
    aliases_option,
    emit,
    glob_option,
    label_option,
    model_option,
    output_options,
    warn,
)
from entnorm.records import EXPLAIN_FIELDS, EXPLAIN_TITLE_FIELDS, RESOLUTION_FIELDS, explain_rows, resolution_row


@click.command(context_settings=CONTEXT_SETTINGS, short_help="Resolve a list of names, one record per name.")
@click.argument("source", default="-", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@label_option('Label for names given without one (plain lines, or JSON lines with no "label").')
@aliases_option
@output_options
def resolve(source, label, aliases_path, fmt, output) -> None:
    """Resolve a list of names from SOURCE (a file, or - for standard input; the default) with the same engine
    as extract, and print one record per name, in input order.

    Each line is a name, or a JSON object {"text": ..., "label": ...}; blank lines are skipped.

    \b
    Examples:
      printf 'Sergei Lavrov\\nSergey Lavrov\\nLavrov\\n' | entnorm resolve
      entnorm resolve names.jsonl -f csv
    """
    from entnorm.jobs import load_alias_table, resolve_names
    from entnorm.storage import open_output

    table = load_alias_table(aliases_path)
    with open_output(output) as stream:
        names, resolution = resolve_names(source, label=label, aliases=table)
        entities = resolution.entities
        rows = (resolution_row(n, entities[e]) for n, e in zip(names, resolution.entity_of, strict=True))
        emit(rows, RESOLUTION_FIELDS, fmt, output, stream, title=f"{len(names)} names, {len(entities)} entities")


@click.command(context_settings=CONTEXT_SETTINGS, short_help="Show why a name resolves where it does.")
@click.argument("name")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@label_option("The label of NAME.")
@click.option(
    "-n",
    "--names",
    "names_file",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
    help="Compare with a list of names (as for resolve) instead of, or as well as, PATHS.",
)
@model_option("spaCy pipeline for PATHS, as for extract.")
@aliases_option
@output_options
@glob_option
def explain(name, paths, label, names_file, model, aliases_path, fmt, output, pattern) -> None:
    """Show why NAME resolves where it does: each name it was compared with (from the texts in PATHS, from
    --names, and from the alias file), the score, and whether they match, contradict, or neither.

    \b
    Examples:
      entnorm explain "Assad" corpus/
      entnorm explain "Kiev" --label GPE corpus/
      entnorm explain "Sergey Lavrov" --names names.txt -f json
    """
    from entnorm.jobs import explain_name, load_alias_table
    from entnorm.storage import open_output

    if not name.strip():
        raise click.BadParameter('give the name to explain, like "Sergey Lavrov"', param_hint="NAME")
    table = load_alias_table(aliases_path)
    with open_output(output) as stream:
        why = explain_name(
            name,
            label=label,
            aliases=table,
            paths=paths,
            names_file=names_file,
            model=model,
            pattern=pattern,
            on_warning=warn,
        )
        title = f"{name!r} ({label}) resolves to {why.entity.canonical} ({why.entity.id}), {why.entity.label}"
        emit(
            explain_rows(name, why), EXPLAIN_FIELDS, fmt, output, stream, title=title, title_fields=EXPLAIN_TITLE_FIELDS
        )
