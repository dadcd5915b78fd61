"""Output formats. Every format writes the same fields in the same order (`records.*_FIELDS`).

- table: a rich table for people, readable at 80 columns (the default on a terminal);
- jsonl: one JSON object per line, streamed (the default when piped: survives `| head`, suits `jq -c`);
- json: one JSON array, written element by element, `[]` when empty;
- csv: a header row, then one row per record; list and mapping fields are JSON text in their cell.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from typing import TextIO

FORMATS = ("auto", "table", "json", "jsonl", "csv")
#: With --format auto and --output FILE, the file's extension picks the format; any other: JSON lines.
EXTENSION_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
#: Extensions of an SQLite database (`review.database`), for the commands that can write one.
DATABASE_EXTENSIONS = (".db", ".sqlite", ".sqlite3")


def is_database(requested: str, output: str) -> bool:
    """Whether -f and -o ask for an SQLite database: -f sqlite, or -f auto with a database extension."""
    if requested == "sqlite":
        return True
    return requested == "auto" and os.path.splitext(output)[1].lower() in DATABASE_EXTENSIONS


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or unusual streams
        return False


def choose_format(requested: str, output: str, stream: TextIO) -> tuple[str, bool]:
    """The format to write (resolving "auto") and whether to use colour, from -f, -o and the stream.

    "auto" is a table on a terminal and JSON lines when piped; with -o FILE, the extension decides. Colour only
    on a terminal.
    """
    if output != "-":
        if requested == "auto":
            requested = EXTENSION_FORMATS.get(os.path.splitext(output)[1].lower(), "jsonl")
        return requested, False
    terminal = _is_terminal(stream)
    if requested == "auto":
        requested = "table" if terminal else "jsonl"
    return requested, terminal


#: One encoder for every record: `json.dumps` with options builds a new encoder on each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json(value: object) -> str:
    return _ENCODER.encode(value)


def write_jsonl(records: Iterable[dict], fields: Sequence[str], stream: TextIO) -> None:
    for record in records:
        stream.write(_json({f: record[f] for f in fields}) + "\n")


def write_json(records: Iterable[dict], fields: Sequence[str], stream: TextIO) -> None:
    first = True
    for record in records:
        stream.write("[\n  " if first else ",\n  ")
        stream.write(_json({f: record[f] for f in fields}))
        first = False
    stream.write("[]\n" if first else "\n]\n")


def write_csv(records: Iterable[dict], fields: Sequence[str], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow(_json(record[f]) if isinstance(record[f], (list, dict)) else record[f] for f in fields)


#: The table shows this many aliases per entity; the machine formats show all.
TABLE_ALIASES = 4
#: The canonical column grows to hold ids this long unfolded.
MAX_ID_WIDTH = 28
#: Attributes wrap at this width ("geonames:" above its id), leaving the width to the spellings.
ATTRIBUTES_WIDTH = 10
#: Table headers that say less than the field name, to save width.
HEADERS = {"mentions": "ment.", "documents": "docs", "candidate_label": "label", "candidate_entity": "entity"}


def _widest(field: str, records: list[dict]) -> int:
    """The longest line of a field's cells."""
    return max((len(line) for r in records for line in _cell(field, r[field]).split("\n")), default=0)


def _cell(field: str, value: object) -> str:
    if field == "add":
        return "; ".join(value)  # type: ignore[arg-type]
    if field == "aliases":  # one spelling a line, so a count never wraps away from its name
        shown = [f"{a['text']} ×{a['count']}" for a in value[:TABLE_ALIASES]]  # type: ignore[index]
        more = len(value) - TABLE_ALIASES  # type: ignore[arg-type]
        return "\n".join(shown) + (f"\n+{more} more" if more > 0 else "")
    if isinstance(value, dict):
        return "\n".join(f"{k}: {v}" for k, v in value.items())  # a space: the line may wrap there
    return str(value)


def write_table(
    records: Iterable[dict], fields: Sequence[str], stream: TextIO, *, title: str = "", color: bool = True
) -> None:
    """A rich table. The `id`/`entity` field is shown in dim text under the canonical name to save width; the
    column is as wide as the longest id (up to `MAX_ID_WIDTH`), so ids are not folded. Without colour (a
    file, a pipe) the table is 80 columns wide and its lines carry no trailing spaces."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    records = list(records)  # a table is laid out from all its rows
    out = stream if color else io.StringIO()
    console = Console(
        file=out, force_terminal=color if color else None, no_color=not color, width=None if color else 80
    )
    table = Table(
        show_lines=False,
        expand=False,
        pad_edge=False,
        box=box.SIMPLE_HEAD,
        show_edge=False,
    )
    merged = next((f for f in ("id", "entity") if f in fields), None) if "canonical" in fields else None
    shown = [f for f in fields if f != merged]
    # ids are not folded while they fit
    id_width = max(12, min(_widest(merged, records), MAX_ID_WIDTH)) if merged else 12
    for f in shown:
        numeric = f in ("mentions", "documents", "start", "end")
        header = HEADERS.get(f, f)
        table.add_column(
            header,
            justify="right" if numeric else "left",
            overflow="fold",
            no_wrap=numeric,
            min_width=id_width if f == "canonical" else None,
            max_width=ATTRIBUTES_WIDTH if f == "attributes" else None,
        )
    count = 0
    for record in records:
        row = []
        for f in shown:
            cell = Text(_cell(f, record[f]))
            if f == "canonical" and merged:
                cell.append("\n" + str(record[merged]), style="dim")
            row.append(cell)
        table.add_row(*row)
        count += 1
    if count:
        if title:  # above the table rather than its title, which would wrap to the table's width
            console.print(title, highlight=False, soft_wrap=True)
        console.print(table)
    else:
        console.print("no entities found", style="dim")
    if not color:
        stream.write("".join(line.rstrip() + "\n" for line in out.getvalue().splitlines()))


def write_records(
    records: Iterable[dict],
    fields: Sequence[str],
    fmt: str,
    stream: TextIO,
    *,
    title: str = "",
    color: bool = True,
    title_fields: Sequence[str] = (),
) -> None:
    """Write records in `fmt` (already resolved from "auto"). A table leaves out `title_fields`: the title says them."""
    if fmt == "table":
        shown = [f for f in fields if f not in title_fields]
        write_table(records, shown, stream, title=title, color=color)
    elif fmt == "json":
        write_json(records, fields, stream)
    elif fmt == "csv":
        write_csv(records, fields, stream)
    else:
        write_jsonl(records, fields, stream)
