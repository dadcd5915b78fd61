"""`entnorm aliases check|add|import|suggest`: the alias-file loop."""

from __future__ import annotations

import sys

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
    written_aliases_option,
)
from entnorm.records import SUGGESTION_FIELDS


@click.group(context_settings=CONTEXT_SETTINGS, short_help="Check, add to, or get suggestions for aliases.yaml.")
def aliases() -> None:
    """Check aliases.yaml, add a mapping, or review what the resolver suggests and write it back.

    \b
    The loop:
      entnorm extract corpus/                 # see a wrong split
      entnorm aliases suggest corpus/         # review merges (m1, m2 ...) and near misses (n1 ...)
      entnorm aliases suggest corpus/ --write --accept n1   # file it in aliases.yaml
      entnorm aliases import watchlist.csv                  # bring in a spreadsheet of names
      entnorm extract corpus/                 # fixed
    """


@aliases.command("check", context_settings=CONTEXT_SETTINGS, short_help="Validate an alias file.")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
def aliases_check(path) -> None:
    """Validate an alias file (default: $ENTNORM_ALIASES, else ./aliases.yaml): YAML syntax, layout, labels,
    a name listed twice or under two entities, and entries that look like one entity. Each problem is printed
    as FILE:LINE:COL: what is wrong; fix: how. Exit 0 when clean, 1 when there are problems.

    \b
    Example:
      entnorm aliases check aliases.yaml
    """
    from entnorm.aliasfile.read import read_alias_file
    from entnorm.jobs import alias_path, check_alias_file

    path = path or alias_path(None)
    text = read_alias_file(path)
    if text is None:
        raise click.BadParameter(f"{path} does not exist", param_hint="PATH")
    problems = check_alias_file(text, path=path)
    for problem in problems:
        click.echo(problem.describe(path))
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {path}", err=True)
        sys.exit(1)
    click.echo(f"{path}: no problems", err=True)


@aliases.command("add", context_settings=CONTEXT_SETTINGS, short_help="File a spelling under an entity.")
@click.argument("alias")
@click.option("--to", "canonical", required=True, help="The canonical name of the entity (created if new).")
@label_option("Label of the entity, when it is new.")
@written_aliases_option
def aliases_add(alias, canonical, label, aliases_path) -> None:
    """File ALIAS under the entity CANONICAL in the alias file, keeping its comments and layout. Refuses a name
    that already belongs to another entity.

    \b
    Examples:
      entnorm aliases add "Assad al-Sabani" --to "Asaad al-Shaibani"
      entnorm aliases add Kiew --to Kyiv --label GPE
    """
    from entnorm.aliasfile.write import Addition, add_names
    from entnorm.jobs import alias_path

    path = alias_path(aliases_path)
    changed = add_names(path, [Addition(alias, canonical, label)])
    click.echo(f"{path}: {alias!r} {'filed under' if changed else 'was already listed for'} {canonical!r}", err=True)


@aliases.command("import", context_settings=CONTEXT_SETTINGS, short_help="Merge a list (CSV, TSV, JSON lines) into it.")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["auto", "csv", "tsv", "jsonl"]),
    default="auto",
    show_default=True,
    help="The list's format. auto: from its extension (.csv, .tsv/.tab, .jsonl/.ndjson).",
)
@label_option("The label of rows whose label column is empty or missing.")
@click.option("--name-column", default="name", show_default=True, help="The column of canonical names.")
@click.option(
    "--aliases-column", default="aliases", show_default=True, help="The column of other names, several in a cell."
)
@click.option("--label-column", default="label", show_default=True, help="The column of labels (optional).")
@click.option("--split", default=";", show_default=True, help="What separates the names in an aliases cell.")
@written_aliases_option
def aliases_import(source, fmt, label, name_column, aliases_column, label_column, split, aliases_path) -> None:
    """Merge the entities listed in SOURCE (a spreadsheet saved as CSV or TSV, or JSON lines) into the alias
    file: one row per entity, with its canonical name, other names in one cell (split on --split), a label,
    and any other columns kept as the entity's fields. Names already in the file go to their entity; new
    entities go at the end of their label's block. A row without a name or with an unknown label, or a name that
    would belong to two entities, stops the import: every problem is printed as FILE:LINE: what is wrong;
    fix: how, and nothing is written. Exit 0 when imported, 1 when refused.

    \b
    Examples:
      entnorm aliases import watchlist.csv
      entnorm aliases import people.tsv --name-column "Full name" --aliases-column AKA --split "|"
      entnorm aliases import sanctions.jsonl --label ORG -a lists/aliases.yaml
    """
    from entnorm.aliasfile.importing import Columns, import_entries, list_format, read_entries
    from entnorm.jobs import alias_path

    path = alias_path(aliases_path)
    columns = Columns(name_column, aliases_column, label_column, split, label)
    entries, problems = read_entries(source, list_format(source, fmt), columns)
    result = import_entries(path, entries, source, refuse=bool(problems))
    for problem in sorted(problems + result.problems, key=lambda p: p.line or 0):
        click.echo(problem.describe(source))
    if problems or any(p.fatal for p in result.problems):
        click.echo(f"{path}: nothing written; fix the names above and import again", err=True)
        sys.exit(1)
    click.echo(f"{path}: {result.new_entities} new entities, {result.names_added} names filed from {source}", err=True)


@aliases.command(
    "suggest", context_settings=CONTEXT_SETTINGS, short_help="Review merges and near misses, and file them."
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@model_option("spaCy pipeline, as for extract.")
@aliases_option
@output_options
@glob_option
@click.option(
    "-w",
    "--write",
    is_flag=True,
    help="File suggestions in the alias file: those given with --accept, or else every merge (near misses are "
    "filed only when accepted).",
)
@click.option(
    "--accept",
    "accepted",
    multiple=True,
    metavar="ID",
    help="With --write: file only these suggestions (repeatable), e.g. --write --accept m1 --accept n2.",
)
def aliases_suggest(paths, model, aliases_path, fmt, output, pattern, write, accepted) -> None:
    """Resolve the texts in PATHS and list what the alias file could pin down: merges the resolver made by
    inference (id m1, m2 ...) and near misses it kept apart (n1, n2 ..., with their score and reason).
    With --write they are filed in the alias file, comments and layout kept. The list is kept in the cache
    folder, so --write right after a run on the same texts and alias file files it without reading them again.

    \b
    Examples:
      entnorm aliases suggest corpus/
      entnorm aliases suggest corpus/ --write                 # pin every merge
      entnorm aliases suggest corpus/ --write --accept n1     # fix one wrong split
    """
    from entnorm.aliasfile.read import load_aliases
    from entnorm.jobs import alias_path, check_accepted, file_suggestions, suggest_changes

    if accepted and not write:
        raise click.UsageError(
            "--accept chooses what --write files: add --write (the ids come from a run without both)"
        )
    from entnorm.storage import open_output

    path = alias_path(aliases_path)
    table = load_aliases(path)
    with open_output(output) as stream:
        found = suggest_changes(paths, aliases=table, model=model, pattern=pattern, on_warning=warn)
        check_accepted(found, accepted)
        title = f"{len(found)} suggestions for {path}"
        emit((s.as_record() for s in found), SUGGESTION_FIELDS, fmt, output, stream, title=title)
    if write:
        filed, chosen = file_suggestions(path, found, accepted)
        click.echo(f"{path}: filed {filed} name(s) from {chosen} suggestion(s)", err=True)
