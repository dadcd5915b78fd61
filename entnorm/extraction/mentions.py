"""Mentions: the clean spans of each document as records, the acronyms the text defines, and the extraction
of a whole list of files (read, recognise or take from the cache, overlay alias names, clean).

This module never resolves: it returns mentions, and `entnorm.jobs` hands them to the resolver.
"""

from __future__ import annotations

import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial

from entnorm.extraction.alias_spans import AliasMatcher, overlay
from entnorm.extraction.cache import SpanCache, document_key
from entnorm.extraction.corpus import Progress, Warn, iter_documents
from entnorm.extraction.corpus_pass import prepare_refine, refine
from entnorm.extraction.kept_alias_spans import KeptAliasSpans
from entnorm.extraction.model import load_pipeline, model_id
from entnorm.extraction.recognisers import SpacyRecogniser, batch_size_for
from entnorm.extraction.repair import OffsetMap, repair
from entnorm.extraction.spans import clean_span, squash
from entnorm.records import Document, Mention

#: An acronym defined right after a name: "Islamic Revolutionary Guard Corps (IRGC)", or several of them:
#: "Lugansk People's Republic (LPR, LNR, or LC)".
_ACRONYM = r"[A-Z][A-Za-z&.\-]{1,11}"
_DEFINED_ACRONYM = re.compile(rf"\s*\(\s*({_ACRONYM}(?:\s*(?:[,;/]\s*(?:or\s+)?|\s+or\s+){_ACRONYM})*)\s*\)")
_ONE_ACRONYM = re.compile(_ACRONYM)


#: Another name of a place in parentheses right after it: "Artemovsk (Bakhmut)", "Kiev (Kyiv)".
_OTHER_NAME = re.compile(r"\s*\(\s*([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\s*\)(?!\s*[:\-–—])")
_PLACE_LABELS = ("GPE", "LOC")


def _other_names_of_places(
    text: str, doc: str, mentions: list[Mention], spans: list[tuple[int, int, str]], links: list[tuple[str, str]]
) -> list[Mention]:
    """A capitalised word in parentheses right after a place is another name of that place: a mention with
    its label, linked to it in `links` as a defined acronym is. Not in a dateline ("MOSCOW (Agencies):",
    "Kyiv (Reuters) -": a place in capitals, or a colon or dash after), nor when the recogniser read the word
    as anything at all."""
    out = []
    for mention in mentions:
        if mention.label not in _PLACE_LABELS or mention.text.isupper():
            continue
        if not (m := _OTHER_NAME.match(text, mention.end)):
            continue
        start, end = m.span(1)
        if any(s < end and start < e for s, e, _ in spans) or m.group(1) == mention.text:
            continue
        out.append(Mention(doc, start, end, m.group(1), mention.label))
        links.append((mention.text, m.group(1)))
    return out


@dataclass(slots=True)
class DocumentMentions:
    """The clean mentions of one document, and names it defines as one ("Long Name (ACR)")."""

    document: Document
    mentions: list[Mention]
    acronyms: list[tuple[str, str]] = field(default_factory=list)
    order: int = 0
    norp: Counter = field(default_factory=Counter)  # texts the recogniser labelled NORP: demonym evidence
    #: Set when the text was repaired (`repair`): offsets are then into the repaired `document.text`, and this
    #: maps them back to the file's.
    offsets: OffsetMap | None = None
    others: list[tuple[int, int]] = field(default_factory=list)  # spans of other labels ("the Law of Ukraine")


def clean_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Raw (start, end, label) entity spans to the clean ranges of names they hold (`spans.clean_span`)."""
    return [(s, e, label) for start, end, label in sorted(spans) for s, e in clean_span(text, start, end, label)]


def mentions_from_clean(
    document: Document, spans: list[tuple[int, int, str]], labels: frozenset[str]
) -> DocumentMentions:
    """Mentions from clean spans: the wanted labels, and acronyms the text defines ("Long Name (ACR)")."""
    text = document.text
    mentions: list[Mention] = []
    acronyms: list[tuple[str, str]] = []
    taken: set[tuple[int, int]] = set()
    for s, e, label in spans:
        if label in labels:
            mentions.append(Mention(document.name, s, e, squash(text[s:e]), label))
            taken.add((s, e))
    for index, mention in enumerate(list(mentions)):
        m = _DEFINED_ACRONYM.match(text, mention.end)
        if not m:
            continue
        defined = list(_ONE_ACRONYM.finditer(text, m.start(1), m.end(1)))
        if not all(a.group().replace(".", "").isupper() for a in defined):
            continue
        if not all(a.group()[0].casefold() == mention.text[:1].casefold() for a in defined):
            continue
        # people are not given acronyms in parentheses: a name that defines one is an organisation
        label = "ORG" if mention.label == "PERSON" and "ORG" in labels else mention.label
        mentions[index] = Mention(mention.doc, mention.start, mention.end, mention.text, label)
        for a in defined:
            span = (a.start(), a.end())
            if span not in taken:
                mentions.append(Mention(document.name, span[0], span[1], a.group(), label))
                taken.add(span)
            acronyms.append((mention.text, a.group()))
    mentions += _other_names_of_places(text, document.name, mentions, spans, acronyms)
    mentions.sort(key=lambda m: (m.start, m.end))
    norp = Counter(squash(text[s:e]) for s, e, label in spans if label == "NORP")
    others = [(s, e) for s, e, label in spans if label not in labels]
    return DocumentMentions(document, mentions, acronyms, norp=norp, others=others)


#: Texts longer than this go to the recogniser in pieces of at most this many characters.
CHUNK_CHARS = 100_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def chunks(text: str, *, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of a text cut where a reader would stop: at a paragraph break if there is one in the
    second half of the piece, else a line break, a sentence end, a space; only a text with none of these is cut
    mid-word. A text of at most `size` characters is one piece."""
    out = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for brk in _BREAKS:
            found = [m.end() for m in brk.finditer(text, start + size // 2, end)]
            if found:
                cut = found[-1]
                break
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def iter_mentions(
    recogniser,
    documents: Iterable[Document],
    *,
    labels: Iterable[str],
    alias_names: Iterable[tuple[str, str]] = (),
    cache: SpanCache | None = None,
    kept_alias_spans: KeptAliasSpans | None = None,
) -> Iterator[DocumentMentions]:
    """Run NER over documents as a stream and yield each document's clean mentions.

    Args:
        recogniser: a `SpacyRecogniser` or a `DaskRecogniser` (`entnorm.extraction.recognisers`).
        alias_names: (name, label) pairs to find in the text besides what the recogniser finds.
        kept_alias_spans: where they were found by the last run on the same files, reused where they stand.

    Documents whose spans are in `cache` skip the recogniser; the others go through it and are added to the
    cache. A text longer than `CHUNK_CHARS` goes to the recogniser in chunks (`chunks`), so memory does not
    grow with the length of a file. Results come as they are ready, not necessarily in input order: each
    carries its position in `order`.
    """
    wanted = frozenset(labels)
    alias_names = list(alias_names)
    matcher = AliasMatcher(alias_names) if alias_names else None
    model = recogniser.model_id if cache is not None else ""
    ready: deque = deque()

    def finish(order: int, document: Document, spans: list, offsets: OffsetMap | None) -> DocumentMentions:
        if matcher is not None:

            def find() -> list:
                return clean_spans(document.text, matcher.spans(document.text))

            listed = kept_alias_spans.spans(document.text, find) if kept_alias_spans is not None else find()
            spans = overlay(spans, listed)
        found = mentions_from_clean(document, spans, wanted)
        found.order, found.offsets = order, offsets
        return found

    def to_model():
        for order, original in enumerate(documents):
            key = document_key(original.text.encode("utf-8"), model=model) if cache is not None else ""
            entry = cache.get(key) if cache is not None else None  # keyed by the file's text, holds repaired spans
            if entry is not None and not entry.repaired:
                ready.append((order, original, entry.spans, None))  # clean text: not searched for mojibake again
                continue
            text, offsets = repair(original.text)
            document = Document(original.name, text) if offsets is not None else original
            if entry is not None:
                ready.append((order, document, entry.spans, offsets))
                continue
            pieces = chunks(document.text, size=CHUNK_CHARS)
            for number, (offset, piece) in enumerate(pieces, 1):
                yield piece, (order, document, key, offset, number == len(pieces), offsets)

    raw: list = []
    for piece_spans, (order, document, key, offset, last, offsets) in recogniser.spans(to_model()):
        while ready:
            yield finish(*ready.popleft())
        raw.extend((s + offset, e + offset, label) for s, e, label in piece_spans)
        if not last:
            continue
        spans, raw = clean_spans(document.text, raw), []  # cached clean, so a re-run skips the cleaning too
        if cache is not None:
            cache.put(key, spans, repaired=offsets is not None)
        yield finish(order, document, spans, offsets)
    while ready:
        yield finish(*ready.popleft())


def _in_the_file(mentions: list[Mention], offsets: OffsetMap | None) -> list[Mention]:
    """Mentions of a repaired text with their offsets moved back to the file's text (their text stays repaired)."""
    if offsets is None:
        return mentions
    return [Mention(m.doc, offsets.original(m.start), offsets.original(m.end), m.text, m.label) for m in mentions]


@dataclass(slots=True)
class Extraction:
    """Every mention found, in document order, and the (name, acronym) pairs the texts define; with
    `keep_documents`, the documents too, as read (the text the offsets index)."""

    mentions: list[Mention]
    acronyms: list[tuple[str, str]]
    documents: list[Document] = field(default_factory=list)


def extract_mentions(
    files: Sequence[str],
    *,
    model: str,
    meta: dict,
    labels: Iterable[str],
    alias_names: Iterable[tuple[str, str]] = (),
    encoding: str | None = None,
    jobs: int = 1,
    cache: SpanCache | None = None,
    kept_alias_spans: KeptAliasSpans | None = None,
    scheduler: str | None = None,
    on_warning: Warn = lambda message: None,
    on_document: Progress = lambda document: None,
    keep_documents: bool = False,
) -> Extraction:
    """Find the mentions in `files` (already expanded by `corpus.list_files`) with the spaCy pipeline `model`
    (a name or path; `meta` is its meta.json, see `model.read_meta`). The pipeline is loaded only if a file
    is not in `cache`.

    Texts stream through the model in batches of about 200,000 characters; the texts and their mentions are
    kept for the corpus pass (`corpus_pass.refine`: demonyms, headlines, names found once found everywhere),
    which needs the whole corpus in view, then only the mentions, in input order. With `scheduler` ("local", or
    the address of a Dask scheduler) the recogniser runs on a Dask cluster instead of `jobs` local processes;
    its workers load `model` themselves.

    Raises:
        CorpusError: when none of the files holds readable text.
    """
    total = sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))
    batch_size = batch_size_for(total, len(files), longest=CHUNK_CHARS)
    documents = iter_documents(files, encoding=encoding, on_warning=on_warning)
    kept: list[Document] = []
    if keep_documents:
        documents = _kept(documents, kept)
    found: list[DocumentMentions] = []
    if scheduler:
        from entnorm.extraction.recognisers import DaskRecogniser

        recogniser = DaskRecogniser(model, model_id=model_id(meta), scheduler=scheduler, batch_size=batch_size)
    else:
        recogniser = SpacyRecogniser(partial(load_pipeline, model), meta=meta, batch_size=batch_size, n_process=jobs)
    with recogniser if scheduler else nullcontext():
        stream = iter_mentions(
            recogniser,
            documents,
            labels=labels,
            alias_names=alias_names,
            cache=cache,
            kept_alias_spans=kept_alias_spans,
        )
        for result in stream:
            found.append(result)
            on_document(result.document)
            if len(found) == 1 and (jobs > 1 or scheduler):
                # the corpus pass's gazetteer, made (on first use, about two seconds) while the recogniser's
                # workers read the batches in flight, rather than after the last one; in one process that
                # would only add the building's memory to the recogniser's
                prepare_refine()
    found.sort(key=lambda item: item.order)
    norp: Counter = Counter()
    for r in found:
        norp.update(r.norp)  # in place: summing Counters would copy the running total once per document
    refined = refine([r.document for r in found], [r.mentions for r in found], norp, [r.others for r in found])
    mentions = [
        m for r, doc_mentions in zip(found, refined, strict=True) for m in _in_the_file(doc_mentions, r.offsets)
    ]
    acronyms = [pair for r in found for pair in r.acronyms]
    return Extraction(mentions, acronyms, kept)


def _kept(documents: Iterable[Document], kept: list[Document]) -> Iterator[Document]:
    """The documents, each also appended to `kept` as it is read."""
    for document in documents:
        kept.append(document)
        yield document
