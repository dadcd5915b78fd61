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
