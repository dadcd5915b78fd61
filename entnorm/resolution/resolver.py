"""Resolution: which mentions are one entity.

The steps, in order:

1. Spellings: mentions are grouped by match key into *surfaces*, each with its label (`surfaces`).
2. Alias file: a surface whose key is listed in aliases.yaml belongs to that entity, whatever the NER said, and
   the alias file's names that the spellings can reach take part in matching, so that unlisted variants can
   join them (`alias_index`). Then an organisation's spelling that writes a place (of the corpus or of the
   file) takes the place's label (`across_labels`).
3. Candidates: surfaces that share a blocking key are compared (`blocking`, `judge`); never all pairs.
4. Grouping: full names first, then short forms per document (`clusters`).
5. Entities: canonical name, label and attributes of each group (`entities`).

`analyse` runs steps 1-4 and returns an `Analysis`, which the diagnostics (`explain`, near misses) read
instead of resolving again; `resolve` is `analyse` followed by `build_entities`. Everything is ordered
explicitly, so the same input gives the same output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from entnorm.aliasfile.table import AliasTable
from entnorm.names.compare import NO_MATCH, Verdict, compare
from entnorm.names.gazetteer import Gazetteer, default_gazetteer
from entnorm.names.normalize import key
from entnorm.records import Mention, Resolution
from entnorm.resolution import clusters as phases
from entnorm.resolution.across_labels import as_places, places_labelled_as_organisations
from entnorm.resolution.alias_index import AliasIndex, alias_index
from entnorm.resolution.blocking import candidate_pairs
from entnorm.resolution.entities import build_entities
from entnorm.resolution.known_verdicts import KnownNames, KnownVerdicts
from entnorm.resolution.surfaces import Surface, build_surfaces, with_listed_names
from entnorm.resolution.verdicts import judged

Match = tuple[bool, float, int, int]  # (full, score, i, j): a pair of surfaces that may be one entity


@dataclass(slots=True)
class Analysis:
    """What the resolver found before building entities.

    `surface_of[m]` is the surface of mention m and `cluster_of[m]` its group (a surface index standing for the
    group). `representative[i]` is the surface compared in place of i (equal sounds). `comparisons` holds the
    verdict of every pair of representatives compared, only when asked for (it costs memory on long lists).
    """

    mentions: Sequence[Mention]
    surfaces: list[Surface]
    surface_of: list[int]
    cluster_of: list[int]
    representative: list[int]
    comparisons: dict[tuple[int, int], Verdict] | None = None


class Resolver:
    """Groups mentions into entities. Reusable: it holds only the alias table and the gazetteer.

    Args:
        aliases: the user's alias table (empty: infer everything).
        gazetteer: a zero-argument callable returning the place gazetteer, called only when needed.
        jobs: processes to compare names in, when there are many pairs (`verdicts`).
        keep_last_run: keep what each run works out about its names in the cache folder (the verdicts of its
            comparisons, its spellings read and keyed), and reuse the last run's on the same documents
            (`known_verdicts`): a re-run after an alias edit compares only the pairs it has not seen.
    """

    def __init__(
        self,
        aliases: AliasTable | None = None,
        *,
        gazetteer: Callable[[], Gazetteer] = default_gazetteer,
        jobs: int = 1,
        keep_last_run: bool = False,
    ) -> None:
        self.aliases = aliases or AliasTable()
        self._gazetteer = gazetteer
        self.jobs = jobs
        self.keep_last_run = keep_last_run
        self._index: AliasIndex | None = None

    def alias_index(self) -> AliasIndex:
        """The alias file's names prepared for matching (`alias_index`), made on first use."""
        if self._index is None:
            self._index = alias_index(self.aliases, self._gazetteer())
        return self._index

    def judge(self, a: Surface, b: Surface) -> Verdict:
        """Compare two surfaces, with alias-file and gazetteer knowledge on top of the name comparison."""
        settled = self.settled(a, b)
        return settled if settled is not None else compare(a.name, b.name)  # type: ignore[arg-type]

    def settled(self, a: Surface, b: Surface) -> Verdict | None:
        """The verdict the alias file or the gazetteer gives, or None when the names must be compared."""
        if a.alias_entity is not None and b.alias_entity is not None:
            if a.alias_entity == b.alias_entity:
                return Verdict(1.0, False, True, "same alias-file entity")
            return Verdict(0.0, True, False, "two alias-file entities")
        if a.name is None or b.name is None or a.name.kind != b.name.kind:
            return NO_MATCH
        if a.place is not None and b.place is not None:
            if a.place.geonameid == b.place.geonameid:
                return Verdict(1.0, False, True, f"same place in GeoNames ({a.place.name}, {a.place.geonameid})")
            return Verdict(0.0, True, False, f"different places in GeoNames ({a.place.name} / {b.place.name})")
        if (a.place is None) != (b.place is None):
            known, other = (a, b) if a.place is not None else (b, a)
            if len(other.name.tokens) > len(known.name.tokens):
                # "Russia Today", "Kyiv Post": a longer name holding a place's name is not that place
                return Verdict(0.0, True, False, f"a longer name than the place {known.place.name}")  # type: ignore[union-attr]
        return None

    def analyse(
        self,
        mentions: Sequence[Mention],
        *,
        acronyms: Iterable[tuple[str, str]] = (),
        keep_comparisons: bool = False,
    ) -> Analysis:
        """Group `mentions` (each with `text`, `label` and `doc`, None when there is no document context).

        Args:
            acronyms: (name, acronym) pairs the text itself defines as one entity ("Long Name (LN)").
            keep_comparisons: keep every verdict in `Analysis.comparisons`, for the diagnostics.
        """
        acronyms = list(acronyms)
        gazetteer = self._gazetteer()
        docs = {m.doc for m in mentions} if self.keep_last_run else set()
        names = KnownNames.of_documents(docs, gazetteer) if self.keep_last_run else None
        surfaces, surface_of = build_surfaces(
            mentions, self.aliases, gazetteer, prepared=names.prepared if names is not None else None
        )
        if names is not None:
            names.save()
            del names  # the names' records are read: free them before the blocking
        index = self.alias_index()
        listed = [index.surface(i) for i in index.in_reach(surfaces + as_places(surfaces))]
        surfaces, surface_of = with_listed_names(surfaces, surface_of, listed)
        places_labelled_as_organisations(surfaces, gazetteer)
        clusters = phases.Clusters(surfaces)
        phases.group_alias_entities(clusters, surfaces)
        representative = phases.merge_same_sounds(clusters, surfaces)
        comparisons: dict[tuple[int, int], Verdict] | None = {} if keep_comparisons else None
        known = KnownVerdicts.of_documents(docs) if self.keep_last_run else None
        matches = self._judge_candidates(surfaces, representative, clusters, comparisons, index.outside(listed), known)
        if known is not None:
            known.save()
        matches += _defined_acronyms(surfaces, acronyms)
        matches.sort(key=lambda m: (not m[0], -m[1], m[2], m[3]))
        phases.merge_full_names(clusters, surfaces, matches)
        attached, attachable = phases.attach_short_forms(clusters, surfaces, matches, representative)
        phases.group_lone_short_forms(clusters, surfaces, matches, attachable)
        phases.attach_given_names(clusters, surfaces, attached)
        del matches  # the comparisons are done: free them before the entities are built
        clusters.conflicts.clear()
        clusters.matches.clear()
        cluster_of = [attached.get((s, m.doc), clusters.find(s)) for s, m in zip(surface_of, mentions, strict=True)]
        return Analysis(mentions, surfaces, surface_of, cluster_of, representative, comparisons)

    def resolve(self, mentions: Sequence[Mention], *, acronyms: Iterable[tuple[str, str]] = ()) -> Resolution:
        """Group `mentions` into entities (see `analyse`)."""
        return build_entities(self.analyse(mentions, acronyms=acronyms), self.aliases)

    def _judge_candidates(
        self,
        surfaces: list[Surface],
        representative: list[int],
        clusters: phases.Clusters,
        comparisons: dict[tuple[int, int], Verdict] | None,
        outside: Callable[[str], int],
        known: KnownVerdicts | None = None,
    ) -> list[Match]:
        """Compare the candidate pairs of representatives; record conflicts and matches on `clusters`.
        `outside` counts the alias file's names out of reach in the blocks' sizes; `known` gives the verdicts
        of the last run and keeps this run's."""
        reps = [i for i, r in enumerate(representative) if r == i and surfaces[i].matchable]
        matches: list[Match] = []
        # two alias-file entities never merge and one is already one group (`Clusters.can_merge`), so their
        # names need not be compared, except to show the verdicts (explain)
        apart = None if comparisons is not None else [surfaces[i].alias_entity is not None for i in reps]
        pairs = candidate_pairs([surfaces[i] for i in reps], apart=apart, outside=outside)
        if known is None:

            def judge(a: int, b: int) -> Verdict:
                return self.judge(surfaces[reps[a]], surfaces[reps[b]])
        else:
            digests = [known.digest(surfaces[i].name) if surfaces[i].name else b"" for i in reps]

            def judge(a: int, b: int) -> Verdict:
                first, second = surfaces[reps[a]], surfaces[reps[b]]
                settled = self.settled(first, second)
                if settled is not None:
                    return settled
                found = known.get(digests[a] + digests[b])
                return found if found is not None else compare(first.name, second.name)  # type: ignore[arg-type]

        for a, b, verdict in judged(pairs, judge, jobs=self.jobs):
            i, j = reps[a], reps[b]
            if known is not None and self.settled(surfaces[i], surfaces[j]) is None:
                known.keep(digests[a] + digests[b], verdict)  # what the names alone decided
            if comparisons is not None:
                comparisons[(i, j)] = verdict
            if verdict.conflict:  # each pair is judged once, so these lists hold no repeats
                clusters.conflicts[i].append(j)
                clusters.conflicts[j].append(i)
            elif verdict.score > 0:
                matches.append((verdict.full, verdict.score, i, j))
                clusters.matches[i].append(j)
                clusters.matches[j].append(i)
        for s in surfaces:
            s.blocking = None  # the pairs are judged: the keys would only add to the memory of what follows
        return matches


def _defined_acronyms(surfaces: list[Surface], acronyms: list[tuple[str, str]]) -> list[Match]:
    """A name and the acronym the text defines for it are a full match."""
    if not acronyms:
        return []
    index = {s.key: i for i, s in enumerate(surfaces)}
    out = []
    for long_name, short_name in acronyms:
        i, j = index.get(key(long_name)), index.get(key(short_name))
        if i is not None and j is not None and i != j:
            out.append((True, 1.0, min(i, j), max(i, j)))
    return out
