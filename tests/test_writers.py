import io

import pytest

from entnorm.writers import choose_format, write_records


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    "requested, output, terminal, expected",
    [
        ("auto", "-", True, ("table", True)),
        ("auto", "-", False, ("jsonl", False)),
        ("json", "-", True, ("json", True)),
        ("auto", "out.json", True, ("json", False)),
        ("auto", "out.CSV", False, ("csv", False)),
        ("auto", "out.ndjson", False, ("jsonl", False)),
        ("auto", "out.txt", False, ("jsonl", False)),
        ("table", "out.json", False, ("table", False)),
    ],
)
def test_choose_format(requested, output, terminal, expected):
    stream = Terminal() if terminal else io.StringIO()
    assert choose_format(requested, output, stream) == expected


def test_closed_stream_is_not_a_terminal():
    stream = io.StringIO()
    stream.close()
    assert choose_format("auto", "-", stream) == ("jsonl", False)


def test_table_leaves_out_title_fields_the_other_formats_keep_them():
    rows = [{"name": "X", "resolved": "Y (y)", "candidate": "Z"}]
    fields = ("name", "resolved", "candidate")
    out = io.StringIO()
    write_records(rows, fields, "jsonl", out, title_fields=("name", "resolved"))
    assert out.getvalue() == '{"name": "X", "resolved": "Y (y)", "candidate": "Z"}\n'
    out = io.StringIO()
    write_records(rows, fields, "table", out, color=False, title="t", title_fields=("name", "resolved"))
    assert "candidate" in out.getvalue() and "resolved" not in out.getvalue()


def test_table_to_a_file_has_no_trailing_spaces_and_keeps_ids_and_counts_whole():
    rows = [
        {
            "id": "asaad-al-shibani-2",
            "canonical": "A",
            "label": "PERSON",
            "mentions": 2,
            "documents": 1,
            "aliases": [{"text": "Asaad al-Shibani", "count": 1}, {"text": "Al Shabani", "count": 1}],
            "attributes": {"geonames": "703448"},
        }
    ]
    out = io.StringIO()
    fields = ("id", "canonical", "label", "mentions", "documents", "aliases", "attributes")
    write_records(rows, fields, "table", out, color=False, title="1 entity")
    lines = out.getvalue().splitlines()
    assert all(line == line.rstrip() and len(line) <= 80 for line in lines)
    text = out.getvalue()
    assert (
        "asaad-al-shibani-2" in text
        and "Asaad al-Shibani ×1" in text
        and "geonames:" in text
        and "703448" in text
        and "attributes" in text
    )
