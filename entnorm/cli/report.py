"""`entnorm report`: one HTML page to review a resolution in a browser."""

from __future__ import annotations

import click

from entnorm.cli.options import CONTEXT_SETTINGS, aliases_option, glob_option, model_option, progress_bar, warn


@click.command(context_settings=CONTEXT_SETTINGS, short_help="Write one HTML page to review the entities found.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="report.html",
    show_default=True,
    help="The page to write (replaced whole, never half).",
)
@model_option("spaCy pipeline, as for extract.")
@aliases_option
@glob_option
@click.option("--encoding", default=None, help="Decode files with this encoding, as for extract.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True, help="As for extract.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the caches: recogniser output, and the last run's name comparisons and spellings.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def report(paths, output, model, aliases_path, pattern, encoding, jobs, no_cache, quiet) -> None:
    """Resolve the texts in PATHS and write one self-contained HTML page to review the result: the entities
    (filter by label, search by any spelling), each entity's mentions in context grouped by spelling, every
    document with its mentions highlighted and linked, and the suggestions for the alias file with the YAML
    and the `entnorm aliases suggest --write --accept ID` command that files each.

    The page needs no network and no server: open it from disk in any browser. Keys: / searches; Tab and
    Enter follow the links.

    \b
    Examples:
      entnorm report corpus/                 # writes report.html
      entnorm report corpus/ -o review.html -a aliases.yaml
    """
    from entnorm.jobs import load_alias_table, review_files
    from entnorm.review.report import render_report, report_data
    from entnorm.storage import open_output

    table = load_alias_table(aliases_path)
    with open_output(output) as stream:
        with progress_bar(enabled=not quiet) as (on_files, on_document):
            found = review_files(
                paths,
                aliases=table,
                model=model,
                pattern=pattern,
                jobs=jobs,
                use_cache=not no_cache,
                encoding=encoding,
                on_warning=warn,
                on_files=on_files,
                on_document=on_document,
            )
        # the accept commands name the alias file only when -a did: $ENTNORM_ALIASES or ./aliases.yaml apply alike
        data = report_data(
            found.documents, found.mentions, found.resolution, found.suggestions, paths=paths, alias_file=aliases_path
        )
        stream.write(render_report(data))
    click.echo(
        f"{output}: {len(found.resolution.entities)} entities, {len(found.mentions)} mentions, "
        f"{len(found.documents)} documents, {len(found.suggestions)} suggestions",
        err=True,
    )
