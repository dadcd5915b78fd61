"""Fault injection, end to end: Ctrl-C and kill -9 with worker processes, output paths that cannot be written and
a disk that fills up, a long file, a damaged cache. Each runs in seconds on the ruler model."""

import errno
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from entnorm.cli import cli

TEXT = "Sergei Lavrov met Kiev officials in Moscow. " * 500 + "\n\n"


@pytest.fixture
def many(tmp_path):
    """Enough text that two workers take several seconds over it."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03}.txt").write_text(TEXT, encoding="utf-8")
    return folder


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_two_workers(folder, ruler_model, tmp_path):
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "entnorm", "extract", str(folder), "-m", ruler_model, "-a", "/dev/null"]
    proc = subprocess.Popen(
        [*command, "-j", "2", "-o", str(tmp_path / "out.jsonl")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell may have left it ignored
    )
    deadline = time.monotonic() + 60
    while len(children_of(proc.pid)) < 2:
        assert time.monotonic() < deadline and proc.poll() is None, "the workers never started"
        time.sleep(0.05)
    time.sleep(0.5)  # well into the work
    return proc, children_of(proc.pid)


@pytest.mark.slow
def test_ctrl_c_stops_every_process_at_once_with_one_line(many, ruler_model, tmp_path):
    proc, workers = start_two_workers(many, ruler_model, tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    start = time.monotonic()
    code = proc.wait(timeout=15)
    assert time.monotonic() - start < 2
    assert code == 130
    assert proc.stderr.read().decode() == "Interrupted.\n"
    time.sleep(0.2)
    assert [w for w in workers if alive(w)] == []
    assert not (tmp_path / "out.jsonl").exists()  # no half-written output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")] == []


@pytest.mark.slow
def test_workers_die_with_a_killed_parent(many, ruler_model, tmp_path):
    proc, workers = start_two_workers(many, ruler_model, tmp_path)
    proc.kill()
    proc.wait(timeout=5)
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [w for w in workers if alive(w)] == []


@pytest.fixture
def small(write):
    write("corpus/a.txt", "Sergei Lavrov met officials in Moscow.\n")
    return "corpus"


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


@pytest.mark.parametrize(
    "output, message",
    [
        ("", "Error: -o needs a file name (or - for standard output)\n"),
        ("missing/out.json", "Error: cannot write missing/out.json: there is no folder missing\n"),
        ("corpus/a.txt/out.json", "Error: cannot write corpus/a.txt/out.json: Not a directory\n"),
        ("/dev/full", "Error: cannot write /dev/full: No space left on device\n"),
    ],
)
def test_an_output_that_cannot_be_written_is_a_clear_error(small, ruler_model, output, message):
    result = run("extract", small, "-m", ruler_model, "-a", "/dev/null", "-o", output)
    assert (result.exit_code, result.stderr) == (1, message)


def test_the_output_path_is_checked_before_any_work(small, monkeypatch):
    import entnorm.jobs

    def never(*args, **kwargs):
        raise AssertionError("extraction ran")

    monkeypatch.setattr(entnorm.jobs, "extract_files", never)
    result = run("extract", small, "-o", "missing/out.json")
    assert result.exit_code == 1 and "there is no folder missing" in result.stderr


def test_a_full_disk_keeps_the_previous_output_whole(small, ruler_model, tmp_path, monkeypatch):
    previous = tmp_path / "out.json"
    previous.write_text('["the previous, good file"]\n')

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("extract", small, "-m", ruler_model, "-a", "/dev/null", "-o", str(previous))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: cannot write {previous}: No space left on device; the previous file, if any, is unchanged\n"
    )
    assert previous.read_text() == '["the previous, good file"]\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.json"]


def test_a_long_file_goes_in_chunks_with_exact_offsets(write, ruler_model, monkeypatch):
    import entnorm.extraction.mentions as mentions

    monkeypatch.setattr(mentions, "CHUNK_CHARS", 5_000)
    path = write("long.txt", TEXT * 20)  # 440,000 characters
    result = run("extract", str(path), "-m", ruler_model, "-a", "/dev/null", "--level", "mentions", "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text()
    assert len(rows) == 20 * 500 * 3
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_a_damaged_cache_warns_once_and_the_next_run_rebuilds_it(small, ruler_model, monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))
    args = ["extract", small, "-m", ruler_model, "-a", "/dev/null", "-f", "jsonl"]
    first = run(*args)
    cache = tmp_path / "cache" / "extract.sqlite"
    cache.write_bytes(b"garbage, not a database" * 200)
    damaged = run(*args)
    assert damaged.exit_code == 0 and damaged.stdout == first.stdout
    assert damaged.stderr.count("warning:") == 1 and "is damaged" in damaged.stderr
    again = run(*args)
    assert again.exit_code == 0 and again.stdout == first.stdout and again.stderr == ""
    assert cache.exists()
