"""The jobs behind the commands, one plain function each: `extract_files`, `resolve_names`, `explain_name`,
`suggest_changes` (and `file_suggestions`), `review_files`, `check_alias_file`. The CLI parses options, calls
one of these and writes what it returns.

This is where the two wings meet: extraction (files -> mentions) and resolution (mentions -> entities) never
import each other; a job hands the one's mentions to the other. It is also where the settings are decided:
the alias file and the model in use (options, then environment, then defaults), the labels kept, the number
of processes, and the cache.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from entnorm.aliasfile.read import AliasTable, load_aliases
from entnorm.aliasfile.validate import Problem, validate
from entnorm.aliasfile.write import add_names
from entnorm.errors import BadOption, EntnormError
from entnorm.extraction.corpus import Progress, Warn, list_files, read_lines, read_names
from entnorm.labels import DEFAULT_LABELS
from entnorm.records import Document, Explanation, Mention, Resolution
from entnorm.resolution.alike import alike_entries
from entnorm.resolution.diagnostics import explain
from entnorm.resolution.entities import build_entities
from entnorm.resolution.resolver import Resolver
from entnorm.resolution.suggest import Suggestion, suggest

#: Below this many files, extra processes cost more to start than they save.
MIN_FILES_PER_JOBS = 50


def alias_path(path: str | None) -> str:
    """The alias file in use: --aliases, else $ENTNORM_ALIASES, else ./aliases.yaml."""
    return path if path is not None else os.environ.get("ENTNORM_ALIASES") or "aliases.yaml"


def check_alias_file(text: str, *, path: str = "aliases.yaml", jobs: int = 0) -> list[Problem]:
    """Every problem of an alias file, in file order: the fatal ones that stop a run (`aliasfile.validate`),
    a name listed twice, and entries that look like one entity (`resolution.alike`), compared in `jobs`
    processes (0: all cores)."""
    table, problems = validate(text, path)
    for earlier, later, reason in alike_entries(table, jobs=jobs or os.cpu_count() or 1):
        problems.append(
            Problem(
                later.line,
                3,
                f"{later.canonical!r} and {earlier.canonical!r} (line {earlier.line}) look like one entity ({reason})",
                "merge the two entries, or keep both if they really are different",
                fatal=False,
            )
        )
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def load_alias_table(path: str | None) -> AliasTable:
    """The alias table to resolve with. A file named by $ENTNORM_ALIASES must exist, as one given with -a must;
    only the default ./aliases.yaml may be absent (everything is then inferred).

    Raises:
        BadOption: $ENTNORM_ALIASES names a file that does not exist.
    """
    chosen = alias_path(path)
    if path is None and os.environ.get("ENTNORM_ALIASES") and not os.path.isfile(chosen):
        raise BadOption("--aliases", f"$ENTNORM_ALIASES names {chosen}, which does not exist")
    return load_aliases(chosen)


def choose_model(requested: str | None) -> tuple[str, dict, tuple[str, ...]]:
    """The pipeline to use (--model, $ENTNORM_MODEL, or the default), its meta.json and entity labels."""
    from entnorm.extraction.model import default_model, meta_labels, read_meta

    model = requested or os.environ.get("ENTNORM_MODEL") or default_model()
    meta = read_meta(model)
    labels = meta_labels(meta)
    if not labels:
        components = ", ".join(meta.get("pipeline") or []) or "none"
        raise EntnormError(f"spaCy pipeline {model!r} has no entity recogniser (components: {components})")
    return model, meta, labels


def labels_to_keep(requested: Sequence[str] | None, known: tuple[str, ...], *, labels_option: bool = True) -> list[str]:
    """The labels asked for, checked against the model's; by default those of DEFAULT_LABELS the model has.

    Args:
        labels_option: the command has --labels (extract); otherwise only another --model can help.
    """
    if requested is None:
        requested = [label for label in DEFAULT_LABELS if label in known]
        if not requested:
            raise BadOption(
                "--labels" if labels_option else "--model",
                f"the model has none of {', '.join(DEFAULT_LABELS)}; choose from: {', '.join(known)}",
            )
    unknown = [label for label in requested if label not in known]
    if unknown:
        raise BadOption("--labels", f"unknown label {', '.join(unknown)}; this model knows: {', '.join(known)}")
    return list(requested)


def check_encoding(encoding: str | None) -> None:
    """Raises BadOption for an encoding Python does not know."""
    if encoding is None:
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise BadOption("--encoding", f"unknown encoding {encoding!r}; try utf-8, cp1252, latin-1 or utf-16") from None


def jobs_for(requested: int, n_files: int) -> int:
    """--jobs 0: all cores, or 1 for fewer than MIN_FILES_PER_JOBS files."""
    if requested:
        return requested
    return (os.cpu_count() or 1) if n_files >= MIN_FILES_PER_JOBS else 1


@contextmanager
def open_cache(enabled: bool, on_warning: Warn) -> Iterator:
    """The span cache (see `extraction.cache`), or None; closed (and its last batch written) at the end."""
    if not enabled:
        yield None
        return
    from entnorm.extraction.cache import SpanCache

    cache = SpanCache.open_or_warn(on_warning)
    try:
        yield cache
    finally:
        if cache is not None:
            cache.close()


@dataclass(slots=True)
class Extracted:
    """What `extract_files` found: the files read, every mention in document order, the acronyms the texts
    define, the resolution (absent when the caller resolves itself), and the documents as read when they were
    asked for (`keep_documents`)."""

    files: list[str]
    mentions: list[Mention]
    acronyms: list[tuple[str, str]]
    resolution: Resolution | None
    documents: list[Document] = field(default_factory=list)


def extract_files(
    paths: Sequence[str],
    *,
    aliases: AliasTable,
    pattern: str = "*.txt",
    model: str | None = None,
    labels: Sequence[str] | None = None,
    labels_option: bool = True,
    jobs: int = 0,
    use_cache: bool = True,
    encoding: str | None = None,
    scheduler: str | None = None,
    resolve: bool = True,
    on_warning: Warn = lambda message: None,
    on_files: Callable[[int, int], None] = lambda files, chars: None,
    on_document: Progress = lambda document: None,
    keep_documents: bool = False,
) -> Extracted:
    """List the files under `paths`, pick the model and the labels, find the mentions and (with `resolve`)
    resolve them. See `extraction.mentions.extract_mentions` for how the texts are read."""
    from entnorm.extraction.kept_alias_spans import KeptAliasSpans
    from entnorm.extraction.mentions import extract_mentions

    check_encoding(encoding)
    files = list_files(paths, pattern=pattern, on_warning=on_warning)
    on_files(len(files), sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f)))
    model, meta, known = choose_model(model)
    wanted = labels_to_keep(labels, known, labels_option=labels_option)
    alias_names = [(name, e.label) for e in aliases.entities if e.label in wanted for name in e.names]
    kept_alias_spans = KeptAliasSpans.of_run(files, alias_names) if use_cache and alias_names else None
    with open_cache(use_cache, on_warning) as cache:
        found = extract_mentions(
            files,
            model=model,
            meta=meta,
            labels=wanted,
            alias_names=alias_names,
            encoding=encoding,
            jobs=jobs_for(jobs, len(files)),
            cache=cache,
            kept_alias_spans=kept_alias_spans,
            scheduler=scheduler,
            on_warning=on_warning,
            on_document=on_document,
            keep_documents=keep_documents,
        )
    if kept_alias_spans is not None:
        kept_alias_spans.save()
    if not resolve:
        return Extracted(files, found.mentions, found.acronyms, None, found.documents)
    resolver = Resolver(aliases, jobs=jobs_for(jobs, len(files)), keep_last_run=use_cache)
    resolution = resolver.resolve(found.mentions, acronyms=found.acronyms)
    mentions, resolution = keep_labels(found.mentions, resolution, set(wanted))
    return Extracted(files, mentions, found.acronyms, resolution, found.documents)


def keep_labels(mentions: list[Mention], resolution: Resolution, labels: set[str]) -> tuple[list[Mention], Resolution]:
    """Only the entities whose label was asked for, and their mentions: the vote after matching can give an
    entity another label than its mentions had ("Kiev" read as PERSON is a place), and --labels PERSON then
    must not show it."""
    kept = [i for i, e in enumerate(resolution.entities) if e.label in labels]
    if len(kept) == len(resolution.entities):
        return mentions, resolution
    new_index = {old: new for new, old in enumerate(kept)}
    pairs = [(m, new_index[e]) for m, e in zip(mentions, resolution.entity_of, strict=True) if e in new_index]
    entities = [resolution.entities[i] for i in kept]
    return [m for m, _ in pairs], Resolution(entities, [e for _, e in pairs])


def resolve_names(source: str, *, label: str, aliases: AliasTable) -> tuple[list[Mention], Resolution]:
    """Read a names file (or "-") and resolve its names with no document context; `entity_of` follows input order."""
    names = read_names(read_lines(source), default_label=label, source=source)
    return names, Resolver(aliases).resolve(names)


def explain_name(
    name: str,
    *,
    label: str,
    aliases: AliasTable,
    paths: Sequence[str] = (),
    names_file: str | None = None,
    model: str | None = None,
    pattern: str = "*.txt",
    on_warning: Warn = lambda message: None,
) -> Explanation:
    """Resolve NAME among the mentions of `paths` and the names of `names_file`, once, and say why it went where
    it went (`resolution.diagnostics.explain`)."""
    mentions: list[Mention] = []
    acronyms: list[tuple[str, str]] = []
    if paths:
        found = extract_files(
            paths,
            aliases=aliases,
            pattern=pattern,
            model=model,
            labels_option=False,
            jobs=1,
            resolve=False,
            on_warning=on_warning,
        )
        mentions += found.mentions
        acronyms += found.acronyms
    if names_file:
        mentions += read_names(read_lines(names_file), default_label=label, source=names_file)
    mentions.append(Mention.named(name, label))
    resolver = Resolver(aliases)
    analysis = resolver.analyse(mentions, acronyms=acronyms, keep_comparisons=True)
    resolution = build_entities(analysis, aliases)
    return explain(resolver, analysis, resolution, len(mentions) - 1)


@dataclass(slots=True)
class Reviewed:
    """What a review shows: the documents as read, every mention, the entities, and the suggestions for the
    alias file, all from one resolution."""

    files: list[str]
    documents: list[Document]
    mentions: list[Mention]
    resolution: Resolution
    suggestions: list[Suggestion]


def review_files(
    paths: Sequence[str],
    *,
    aliases: AliasTable,
    model: str | None = None,
    pattern: str = "*.txt",
    jobs: int = 0,
    use_cache: bool = True,
    encoding: str | None = None,
    keep_documents: bool = True,
    on_warning: Warn = lambda message: None,
    on_files: Callable[[int, int], None] = lambda files, chars: None,
    on_document: Progress = lambda document: None,
) -> Reviewed:
    """Resolve the texts in `paths` once, keeping the comparisons, and list what the alias file could pin down
    (`resolution.suggest`). The labels are the default ones, as `aliases suggest` has them, so the suggestion
    ids are those `aliases suggest --write --accept ID` takes."""
    found = extract_files(
        paths,
        aliases=aliases,
        pattern=pattern,
        model=model,
        labels_option=False,
        jobs=jobs,
        use_cache=use_cache,
        encoding=encoding,
        resolve=False,
        on_warning=on_warning,
        on_files=on_files,
        on_document=on_document,
        keep_documents=keep_documents,
    )
    resolver = Resolver(aliases, jobs=jobs_for(jobs, len(found.files)), keep_last_run=use_cache)
    analysis = resolver.analyse(found.mentions, acronyms=found.acronyms, keep_comparisons=True)
    resolution = build_entities(analysis, aliases)
    suggestions = suggest(analysis, resolution, aliases)
    mentions, resolution = keep_labels(found.mentions, resolution, set(DEFAULT_LABELS))
    return Reviewed(found.files, found.documents, mentions, resolution, suggestions)


def suggest_changes(
    paths: Sequence[str],
    *,
    aliases: AliasTable,
    model: str | None = None,
    pattern: str = "*.txt",
    use_cache: bool = True,
    on_warning: Warn = lambda message: None,
) -> list[Suggestion]:
    """Resolve the texts in `paths` once and list what the alias file could pin down (`resolution.suggest`).
    The list of a run with the same texts, table, pipeline and code is taken from the cache, with its warnings
    (`resolution.kept_suggestions`): `suggest --write --accept ID` right after `suggest` files what was read."""
    from entnorm.extraction.model import model_id
    from entnorm.resolution.kept_suggestions import keep_suggestions, kept_suggestions, run_key

    files = list_files(paths, pattern=pattern, on_warning=on_warning)
    model, meta, _ = choose_model(model)
    run = run_key(files, aliases, model_id(meta)) if use_cache else None
    if run is not None and (kept := kept_suggestions(run)) is not None:
        suggestions, warnings = kept
        for message in warnings:
            on_warning(message)
        return suggestions
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        on_warning(message)

    found = review_files(
        files, aliases=aliases, model=model, use_cache=use_cache, keep_documents=False, on_warning=warn
    )
    if run is not None:
        keep_suggestions(run, found.suggestions, warnings)
    return found.suggestions


def check_accepted(suggestions: list[Suggestion], accepted: Sequence[str]) -> None:
    """Raises BadOption when an id given with --accept is not among the suggestions."""
    unknown = set(accepted) - {s.id for s in suggestions}
    if unknown:
        raise BadOption("--accept", f"no suggestion {', '.join(sorted(unknown))}; the ids are listed without --write")


def file_suggestions(path: str, suggestions: list[Suggestion], accepted: Sequence[str]) -> tuple[int, int]:
    """File suggestions in the alias file at `path`: those whose ids are `accepted`, else every merge.

    Returns:
        (names filed, suggestions chosen).

    Raises:
        BadOption: an accepted id is not among the suggestions.
    """
    check_accepted(suggestions, accepted)
    chosen = [s for s in suggestions if s.id in accepted] if accepted else [s for s in suggestions if s.kind == "merge"]
    changed = add_names(path, [a for s in chosen for a in s.additions()])
    return len(changed), len(chosen)
