"""The README stays true: its commands are the ones CI runs, and it documents every option."""

import re

import click
import pytest

from entnorm.cli import cli

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_two_commands():
    install_and_run, install_and_test = quick_start_commands()
    assert install_and_run.endswith("entnorm extract corpus/")
    assert "'.[test]'" in install_and_test and install_and_test.endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == quick_start_commands()[1]


def all_commands(group=cli, prefix=""):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from all_commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


@pytest.mark.parametrize("name, command", list(all_commands()), ids=[n for n, _ in all_commands()])
def test_every_option_is_documented(name, command):
    section = README.split(f"### `entnorm {name}", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert any(opt in section for opt in param.opts), f"{name}: {param.opts} not in the README"
    assert command.help and "Example" in command.help


def test_corpus_holds_the_five_sample_articles():
    names = sorted(p.name for p in (REPO / "corpus").glob("*.txt"))
    assert len(names) == 5 and all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", n) for n in names)
