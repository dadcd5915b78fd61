"""What the commands share: help settings, the common options as decorators, warnings, the progress bar, and
writing records to standard output or a file."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

import click

from entnorm.writers import FORMATS, choose_format, write_records

_WORD = re.compile(r"\S+")
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def output_options(command: Callable | None = None, *, database: bool = False) -> Callable:
    """--format and --output, shared by every command that writes records; `database` adds the sqlite format
    (extract)."""
    formats = FORMATS + (("sqlite",) if database else ())
    extensions = ".json, .jsonl, .csv" + (", .db, .sqlite" if database else "")

    def decorate(command: Callable) -> Callable:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True, allow_dash=True),
            default="-",
            help="Write here instead of standard output. With --format auto, the extension picks the format "
            f"({extensions}; otherwise JSON lines).",
        )(command)
        return click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(formats),
            default="auto",
            show_default=True,
            help="table: for reading; json: one array; jsonl: one object per line; csv: with a header"
            + (
                "; sqlite: a database of documents, entities, aliases and mentions in context (needs -o)"
                if database
                else ""
            )
            + ". auto: table on a terminal, jsonl when piped.",
        )(command)

    return decorate(command) if command is not None else decorate


def aliases_option(command: Callable) -> Callable:
    return click.option(
        "-a",
        "--aliases",
        "aliases_path",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        help="Alias file mapping spellings to entities. Default: $ENTNORM_ALIASES, else ./aliases.yaml if it "
        "exists; no file means everything is inferred.",
    )(command)


def written_aliases_option(command: Callable) -> Callable:
    """-a for the commands that write the alias file (which need not exist yet)."""
    return click.option(
        "-a",
        "--aliases",
        "aliases_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="The alias file to write. Default: $ENTNORM_ALIASES, else ./aliases.yaml (created if missing).",
    )(command)


def label_option(help_text: str) -> Callable[[Callable], Callable]:
    """-l/--label: one label, checked against the labels entnorm knows; PERSON by default."""
    return click.option("-l", "--label", default="PERSON", show_default=True, callback=known_label, help=help_text)


def glob_option(command: Callable) -> Callable:
    return click.option(
        "--glob", "pattern", default="*.txt", show_default=True, help="Which files to read inside folders."
    )(command)


def model_option(help_text: str) -> Callable[[Callable], Callable]:
    return click.option("-m", "--model", default=None, help=help_text)


def known_label(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A --label callback: one of the labels entnorm knows, upper-cased."""
    from entnorm.labels import KNOWN_LABELS

    label = value.strip().upper()
    if label not in KNOWN_LABELS:
        raise click.BadParameter(f"unknown label {value!r}; use one of {', '.join(KNOWN_LABELS)}")
    return label


def parse_labels(value: str) -> list[str]:
    labels = [part.strip().upper() for part in value.split(",") if part.strip()]
    if not labels:
        raise click.BadParameter("give at least one label, like PERSON,ORG", param_hint="--labels")
    return labels


def emit(
    records: Iterable[dict],
    fields: Sequence[str],
    fmt: str,
    output: str,
    stream: TextIO,
    *,
    title: str = "",
    title_fields: Sequence[str] = (),
) -> None:
    """Write records to `stream` (opened for OUTPUT by `storage.open_output` before the work began), in the
    format -f and -o choose."""
    fmt, color = choose_format(fmt, output, stream)
    write_records(records, fields, fmt, stream, title=title, color=color, title_fields=title_fields)


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[tuple[Callable, Callable]]:
    """A rich progress bar on stderr (files, words/s, time left), only when stderr is a terminal. Yields two
    callbacks: one told the number of files and their size once they are listed, one called with each
    document done. The bar and the time left follow characters, not files, so a few long files early or
    late do not throw the estimate off."""
    if not enabled or not sys.stderr.isatty():
        yield (lambda files, chars: None), (lambda document: None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    words = 0
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[files]}"),
        TextColumn("{task.fields[rate]} words/s"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("extracting", total=None, rate="-", files="")
        counts = {"done": 0, "files": 0}

        def on_files(files: int, chars: int) -> None:
            counts["files"] = files
            progress.update(task, total=max(chars, 1), files=f"0/{files} files")

        def on_document(document) -> None:
            nonlocal words
            words += sum(1 for _ in _WORD.finditer(document.text))  # no list of a long file's words
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{words / elapsed:,.0f}" if elapsed > 0 else "-"
            counts["done"] += 1
            done = f"{counts['done']}/{counts['files']} files"
            progress.update(task, advance=len(document.text.encode("utf-8", "replace")), rate=rate, files=done)

        yield on_files, on_document
