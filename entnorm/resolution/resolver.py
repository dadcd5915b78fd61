"""Resolution: which mentions are one entity.

The steps, in order:

1. Spellings: mentions are grouped by match key (`normalize.key`); each distinct spelling is a *surface*.
2. Labels: a surface takes the label most of its mentions carry; a tie is broken by evidence (a gazetteer hit
   makes a place, a generic organisation word or an acronym makes an organisation, else a person). A one-word
   surface the NER called PERSON or ORG that the gazetteer knows as a major place is a place ("Bombay").
3. Alias file: a surface whose key is listed in aliases.yaml belongs to that entity, whatever the NER said, and
   the alias file's names take part in matching so that unlisted variants can join them.
4. Candidates: surfaces that share a blocking key (the consonant skeleton of a word, its letters sorted, an
   acronym, a GeoNames id) are compared with `compare.compare`; never all pairs.
5. Full names first: surfaces of two or more words are merged best match first, and a merge is refused when
   names of the two groups contradict each other (different given names, different places in the gazetteer),
   unless agreeing pairs outnumber contradicting ones four to one (one odd spelling must not split a person in
   two). So A~B and B~C never join A and C when A and C disagree.
6. Short forms: one-word names and acronyms attach to a full name of the same document when one matches there,
   otherwise to the best-supported full name in the whole input (best score, then most mentions). One-word names
   that match no full name group among themselves.
7. Entities: canonical name from the alias file, else the most complete, most frequent spelling; label by
   majority among the labels of the entity's kind; GeoNames id and alias-file fields as attributes.

Everything is ordered explicitly, so the same input gives the same output.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Protocol

from entnorm.aliasfile.read import AliasTable, slug
from entnorm.names.compare import NO_MATCH, Verdict, compare
from entnorm.names.gazetteer import Gazetteer, Place, default_gazetteer
from entnorm.names.parse import KIND_OF_LABEL, ORG, PERSON, PLACE, Name, is_generic, parse
from entnorm.names.normalize import key
from entnorm.names.phonetic import skeleton, sound
from entnorm.records import Entity

#: A blocking key shared by more names than this is too common to say anything ("muhammad"); it is not used.
MAX_BLOCK = 400
#: A name of several words is compared with the names filed under its this-many rarest keys.
RAREST_KEYS = 2
#: Organisation and place names are blocked by pairs and triples of their words; at most this many words.
MAX_PAIRED_WORDS = 6
#: A word of a person name shared by at most this many names is rare enough to compare all of them, whatever
#: their given names ("Omar Khan" / "Mohammed Omar Khan", "Zhenya" / "Jenya").
RARE_WORD_BLOCK = 30
#: Among candidate full names for a short form, those within this score of the best count as equally good,
#: and the one with most mentions wins.
SCORE_BAND = 0.1
DEFAULT_LABEL = {PERSON: "PERSON", ORG: "ORG", PLACE: "GPE"}
#: Two groups whose names contradict each other somewhere merge only if at least this many pairs across them
#: agree for every pair that contradicts.
AGREEMENT_RATIO = 4


WHOLE = "*"  # marks blocking keys made from a whole name rather than one word


def _word_key(token: str) -> str:
    """The main blocking key of a word (see `_word_keys`), without prefix."""
    skel = skeleton(token)
    return skel if len(skel) >= 3 else "=" + sound(token)


@lru_cache(maxsize=1 << 16)
def _word_keys(prefix: str, token: str) -> frozenset[str]:
    """A word's blocking keys: its consonant skeleton, and the skeleton's letters sorted (a typo that swaps
    letters keeps them). A short skeleton says too little ("mt"), so short words are keyed by their sound."""
    skel = skeleton(token)
    if len(skel) < 3:
        return frozenset({f"{prefix}=" + sound(token)})
    if len(skel) < 4:
        return frozenset({f"{prefix}:{skel}"})
    return frozenset({f"{prefix}:{skel}", f"{prefix}~{''.join(sorted(skel))}"})


def _sound_signature(s: Surface) -> tuple:
    """Kind, gazetteer place and the sound of every word of every reading: equal means the same name."""
    name = s.name
    assert name is not None
    readings = tuple(tuple(sound(t) for t in reading) for reading in name.readings)
    return (name.kind, name.is_acronym, s.place.geonameid if s.place else None, readings)


def _given_key(token: str) -> str:
    """The consonants of a given name after its first sound ("Dmitri" / "Dmitry" → "mtr")."""
    return skeleton(token)[1:] or sound(token)


class MentionLike(Protocol):
    text: str
    label: str
    doc: str | None


class Tally:
    """A counter that holds one value without a dict: most spellings are seen with one text, one label, in
    one document, and hundreds of thousands of dicts would dominate the resolver's memory."""

    __slots__ = ("_one", "_n", "_many")

    def __init__(self, value: object = None, count: int = 0) -> None:
        self._one, self._n, self._many = value, count, None

    def add(self, value: object, count: int = 1) -> None:
        if self._many is None and (self._n == 0 or value == self._one):
            self._one, self._n = value, self._n + count
            return
        if self._many is None:
            self._many = {self._one: self._n}
        self._many[value] = self._many.get(value, 0) + count

    def items(self) -> list[tuple]:
        if self._many is not None:
            return list(self._many.items())
        return [(self._one, self._n)] if self._n or self._one is not None else []

    def __iter__(self) -> Iterator:
        return iter(value for value, _ in self.items())

    def most_common(self) -> list[tuple]:
        return sorted(self.items(), key=lambda kv: -kv[1])

    def total(self) -> int:
        return sum(n for _, n in self.items())


@dataclass(slots=True)
class Surface:
    """One distinct spelling (by match key) and what is known of it."""

    key: str
    texts: Tally = field(default_factory=Tally)
    labels: Tally = field(default_factory=Tally)
    docs: Tally = field(default_factory=Tally)
    label: str = ""
    name: Name | None = None
    place: Place | None = None
    alias: int | None = None
    short: bool = False

    @property
    def text(self) -> str:
        """The most frequent way of writing this spelling (ties: alphabetical)."""
        return min(self.texts.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    @property
    def mentions(self) -> int:
        return self.texts.total()


@dataclass(slots=True)
class Resolution:
    """The entities found and, for every input mention in order, the index of its entity."""

    entities: list[Entity]
    entity_of: list[int]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One name compared with the explained name, and the outcome."""

    text: str
    label: str
    entity: str
    score: float
    outcome: str
    reason: str


@dataclass(slots=True)
class Explanation:
    """Where a name went, and every name it was compared with (best first)."""

    entity: Entity
    candidates: list[Candidate]


@dataclass(frozen=True, slots=True)
class _Probe:
    text: str
    label: str
    doc: str | None = None


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    alias: int | None


class _Clusters:
    """Union-find over surfaces that refuses merges across a contradiction or two alias-file entities."""

    def __init__(self, surfaces: list[Surface]) -> None:
        self.parent = list(range(len(surfaces)))
        self.aliases = [s.alias for s in surfaces]
        self.info: dict[int, _Cluster] = {}  # made on the first merge; a lone surface needs none
        self.conflicts: dict[int, list[int]] = defaultdict(list)
        self.matches: dict[int, list[int]] = defaultdict(list)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_merge(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self._info(ra), self._info(rb)
        if ca.alias is not None and cb.alias is not None:
            return False
        small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
        conflicts = sum(self.find(n) == other for m in small.members for n in self.conflicts.get(m, ()))
        if not conflicts:
            return True
        # Relatives and namesakes contradict on (nearly) every pair of their spellings; one odd spelling of a
        # large group (a typo in one list of aliases) contradicts a few. Merge only when agreement dominates.
        agreements = sum(self.find(n) == other for m in small.members for n in self.matches.get(m, ()))
        return agreements >= AGREEMENT_RATIO * conflicts

    def _info(self, root: int) -> _Cluster:
        return self.info.get(root) or _Cluster([root], self.aliases[root])

    def merge(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self._info(ra).members) < len(self._info(rb).members):
            ra, rb = rb, ra
        kept, absorbed = self._info(ra), self._info(rb)
        self.info.pop(rb, None)
        self.info[ra] = kept
        self.parent[rb] = ra
        kept.members.extend(absorbed.members)
        if kept.alias is None:
            kept.alias = absorbed.alias


def _has_org_evidence(text: str) -> bool:
    name = parse(text, ORG)
    return name.is_acronym or any(is_generic(t) for t in name.tokens)


class Resolver:
    """Groups mentions into entities. Reusable: it holds only the alias table and the gazetteer.

    Args:
        aliases: the user's alias table (empty: infer everything).
        gazetteer: a zero-argument callable returning the place gazetteer, called only when needed.
    """

    def __init__(
        self,
        aliases: AliasTable | None = None,
        *,
        gazetteer: Callable[[], Gazetteer] = default_gazetteer,
    ) -> None:
        self.aliases = aliases or AliasTable()
        self._gazetteer = gazetteer

    # -- steps 1-3 -------------------------------------------------------------------------------------------
    def _vote(self, surface: Surface, gazetteer: Gazetteer) -> str:
        counts = surface.labels.most_common()
        best = counts[0][1]
        tied = sorted(label for label, n in counts if n == best)
        text = surface.text
        if len(tied) == 1:
            label = tied[0]
        elif any(KIND_OF_LABEL.get(t) == PLACE for t in tied) and gazetteer.lookup(text):
            label = next(t for t in tied if KIND_OF_LABEL.get(t) == PLACE)
        elif "ORG" in tied and _has_org_evidence(text):
            label = "ORG"
        elif "PERSON" in tied:
            label = "PERSON"
        else:
            label = tied[0]
        # one word the gazetteer knows as a country, state or city of a million is a place, whatever the NER
        # said: spaCy calls capitals PERSON, and ORG where they stand for their government ("Bombay said")
        if label in ("PERSON", "ORG") and len(text.split()) == 1 and not _has_org_evidence(text) \
                and (place := gazetteer.lookup(text)) and place.major:
            label = "GPE"
        return label

    def _surfaces(self, mentions: Sequence[MentionLike]) -> tuple[list[Surface], list[int]]:
        by_key: dict[str, Surface] = {}
        keys = []
        for m in mentions:
            k = key(m.text) or m.text
            keys.append(k)
            surface = by_key.get(k)
            if surface is None:
                surface = by_key[k] = Surface(k)
            surface.texts.add(m.text)
            surface.labels.add(m.label)
            surface.docs.add(m.doc)
        # the alias file's own names take part in matching, with no mentions of their own
        for entity in self.aliases.entities:
            for alias_name in entity.names:
                k = key(alias_name)
                if k and k not in by_key:
                    by_key[k] = Surface(k, Tally(alias_name), Tally(entity.label))
        ordered = sorted(by_key.values(), key=lambda s: s.key)
        position = {s.key: i for i, s in enumerate(ordered)}
        surface_of = [position[k] for k in keys]
        del by_key, keys, position  # large for long name lists; only the order is needed from here
        gazetteer = self._gazetteer()
        for s in ordered:
            s.alias = self.aliases.by_key.get(s.key)
            s.label = self.aliases.entities[s.alias].label if s.alias is not None else self._vote(s, gazetteer)
            kind = KIND_OF_LABEL.get(s.label, ORG)
            s.name = parse(s.text, kind)
            if kind == PLACE:
                s.place = gazetteer.lookup(s.text)
            s.short = (len(s.name.strong) <= 1) if kind == PERSON else (len(s.name.tokens) <= 1 or s.name.is_acronym)
        return ordered, surface_of

    # -- step 4 ----------------------------------------------------------------------------------------------
    @staticmethod
    def _blocking_keys(s: Surface) -> tuple[set[str], set[str]]:
        """(keys the name is filed under, keys whose names it is compared with).

        Word keys are the consonant skeleton of a word and its letters sorted (typos swap letters). A person
        name of several words is filed under each later word together with the consonants of the first (both
        must agree for a match; namesakes with other given names need not be compared, since no full name can
        agree with both and short forms never merge groups), and the reverse (family-name-first order). A
        rare word also meets every name holding it (`RARE_WORD_BLOCK`: Zhenya / Jenya Petrova). A one-word
        person name is compared with every full name ending in its word. Organisations and places use their distinctive words, their
        initials or acronym, the name written as one word, and the GeoNames id.
        """
        name = s.name
        assert name is not None
        kind = name.kind
        filed: set[str] = set()
        probes: set[str] = set()
        if kind == PERSON:
            for reading in name.readings:
                strong = [t for t in reading if len(t) > 1]
                if len(strong) <= 1:
                    for token in strong:
                        keys = _word_keys("P1", token)
                        filed |= keys
                        probes |= keys | _word_keys("PL", token)
                    continue
                filed |= _word_keys("PL", strong[-1])  # a one-word name can only be the family name
                first, last = reading[0], reading[-1]
                given = [(first, token) for token in reading[1:] if len(token) > 1]
                if len(first) > 1:  # the family name may come first ("Petrov Oleg", "Xi Jinping")
                    given.append((last, first))
                for other, token in given:
                    by_given = {f"{k}|{_given_key(other)}" for k in _word_keys("PG", token)}
                    filed |= by_given | _word_keys("PW", token)
                    probes |= by_given
            return filed, probes
        words = [t for t in name.tokens if len(t) > 1]
        for token in words:
            filed |= _word_keys(kind, token)
        if len(words) == 1:
            probes |= _word_keys(kind, words[0])
        if words and all(is_generic(t) for t in words):
            # only generic words ("Institute for Policy Studies"): it can only match the same set of words
            filed.add(f"{WHOLE}{kind}=" + "&".join(sorted(_word_key(t) for t in words)))
        else:
            # every word of the shorter name must meet a word of the longer one, so the longer one is filed
            # under its word pairs and triples, and a name probes its largest such combinations
            distinct = sorted({_word_key(t) for t in words})[:MAX_PAIRED_WORDS]
            generic = {_word_key(t) for t in words if is_generic(t)}
            for size in (2, 3):
                for combo in combinations(distinct, size):
                    if set(combo) <= generic:
                        continue
                    k = f"{WHOLE}{kind}+" + "+".join(combo)
                    filed.add(k)
                    if size == min(len(distinct), 3):
                        probes.add(k)
        if name.is_acronym:
            filed.add(f"{WHOLE}{kind}#{''.join(name.tokens)}")
        elif len(name.tokens) >= 2:
            filed.add(f"{WHOLE}{kind}#{name.initials}")
            filed.add(f"{WHOLE}{kind}={skeleton(''.join(name.tokens))}")
        if s.place is not None:
            filed.add(f"{WHOLE}geo:{s.place.geonameid}")
        probes |= {k for k in filed if k.startswith(WHOLE) and "+" not in k}
        return filed, probes

    def judge(self, a: Surface, b: Surface) -> Verdict:
        """Compare two surfaces, with alias-file and gazetteer knowledge on top of the name comparison."""
        if a.alias is not None and b.alias is not None:
            same = a.alias == b.alias
            return Verdict(1.0, False, True, "same alias-file entity") if same else Verdict(0.0, True, False, "two alias-file entities")
        if a.name is None or b.name is None or a.name.kind != b.name.kind:
            return NO_MATCH
        if a.place is not None and b.place is not None:
            if a.place.geonameid == b.place.geonameid:
                return Verdict(1.0, False, True, f"same place in GeoNames ({a.place.name}, {a.place.geonameid})")
            return Verdict(0.0, True, False, f"different places in GeoNames ({a.place.name} / {b.place.name})")
        return compare(a.name, b.name)

    def _candidate_pairs(self, surfaces: list[Surface]) -> Iterator[tuple[int, int]]:
        """Pairs worth comparing, each once (i < j, in order): names filed under a key that another name probes
        (`_blocking_keys`). Keys shared by more than MAX_BLOCK names say nothing ("bank") and are skipped.
        Pairs are kept as plain lists of numbers until yielded, so memory stays small."""
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(surfaces):
            for k in self._blocking_keys(s)[0]:
                blocks[k].append(i)
        later: list[list[int]] = [[] for _ in surfaces]  # for each i, the j > i it meets (repeats allowed)
        for i, s in enumerate(surfaces):
            # computed again rather than kept from the loop above: holding every name's keys at once costs
            # more memory than recomputing them costs time (200,000 names must stay under 500 MB)
            filed, probes = self._blocking_keys(s)
            name = s.name
            assert name is not None
            if name.kind == PERSON and len(name.strong) <= 1:
                chosen = list(probes)  # a one-word name must meet every full name ending in it
            else:
                # every word of the shorter name is in the longer, so its rarest words' keys suffice
                whole = [k for k in probes if k.startswith(WHOLE) and "+" not in k]
                rest = sorted((k for k in probes if k not in whole), key=lambda k: (len(blocks[k]), k))
                chosen = whole + rest[:RAREST_KEYS]
            if name.kind == PERSON:  # a rare word meets every full name holding it, whatever the given name
                chosen += [k for k in filed if k.startswith("PW") and len(blocks[k]) <= RARE_WORD_BLOCK]
            for k in chosen:
                members = blocks.get(k, ())
                if len(members) > MAX_BLOCK:
                    continue
                for j in members:
                    if j > i:
                        later[i].append(j)
                    elif j < i:
                        later[j].append(i)
        blocks.clear()
        for i, js in enumerate(later):
            for j in sorted(set(js)):
                yield i, j
            later[i] = []

    # -- steps 5-7 -------------------------------------------------------------------------------------------
    def resolve(self, mentions: Sequence[MentionLike], *, links: Iterable[tuple[str, str]] = ()) -> Resolution:
        """Group `mentions` into entities.

        Args:
            mentions: objects with `text`, `label` and `doc` (None when there is no document context).
            links: pairs of names known to be one entity from the text itself ("Islamic Revolutionary Guard Corps (IRGC)").
        """
        links = list(links)
        surfaces, surface_of = self._surfaces(mentions)
        clusters = _Clusters(surfaces)
        first_of_alias: dict[int, int] = {}
        for i, s in enumerate(surfaces):  # alias-file spellings start as one group per entity
            if s.alias is not None:
                first = first_of_alias.setdefault(s.alias, i)
                if first != i:
                    clusters.merge(first, i)

        # spellings that sound alike word for word ("al-Hashimi" / "Al Hashimi", "Dmitri" / "Dmitry") are one
        # name: merge them now and compare only one of them with the rest
        representative = list(range(len(surfaces)))
        first_of_sound: dict[tuple, int] = {}
        for i, s in enumerate(surfaces):
            first = first_of_sound.setdefault(_sound_signature(s), i)
            if first != i and clusters.can_merge(first, i):
                clusters.merge(first, i)
                representative[i] = first
        reps = [i for i, r in enumerate(representative) if r == i]
        del first_of_sound

        matches: list[tuple[bool, float, int, int]] = []
        for a, b in self._candidate_pairs([surfaces[i] for i in reps]):
            i, j = reps[a], reps[b]
            verdict = self.judge(surfaces[i], surfaces[j])
            if verdict.conflict:  # each pair is judged once, so these lists hold no repeats
                clusters.conflicts[i].append(j)
                clusters.conflicts[j].append(i)
            elif verdict.score > 0:
                matches.append((verdict.full, verdict.score, i, j))
                clusters.matches[i].append(j)
                clusters.matches[j].append(i)
        index = {s.key: i for i, s in enumerate(surfaces)} if links else {}
        for long_name, short_name in links:
            i, j = index.get(key(long_name)), index.get(key(short_name))
            if i is not None and j is not None and i != j:
                matches.append((True, 1.0, min(i, j), max(i, j)))
        matches.sort(key=lambda m: (not m[0], -m[1], m[2], m[3]))

        def anchored(i: int) -> bool:  # full names and alias-file entities can take short forms
            return not surfaces[i].short or surfaces[i].alias is not None

        # step 5: full names
        for _, _, i, j in matches:
            if anchored(i) and anchored(j) and clusters.can_merge(i, j):
                clusters.merge(i, j)

        # step 6: short forms, per document
        options: dict[int, dict[int, float]] = defaultdict(dict)
        for _, score, i, j in matches:
            for short, other in ((i, j), (j, i)):
                if not anchored(short) and anchored(other):
                    root = clusters.find(other)
                    options[short][root] = max(score, options[short].get(root, 0.0))
        for i, r in enumerate(representative):
            if r != i and r in options:
                options[i] = options[r]
        docs_of: dict[int, set] = defaultdict(set)
        mentions_of: Counter = Counter()
        for i, s in enumerate(surfaces):
            if anchored(i):
                docs_of[clusters.find(i)].update(s.docs)
                mentions_of[clusters.find(i)] += s.mentions
        attached: dict[tuple[int, str | None], int] = {}
        for short, choices in options.items():
            for doc in surfaces[short].docs:
                local = {c: sc for c, sc in choices.items() if doc is not None and doc in docs_of[c]}
                pool = local or choices
                best = max(pool.values())
                near = [c for c, sc in pool.items() if sc >= best - SCORE_BAND]
                attached[(short, doc)] = min(near, key=lambda c: (-mentions_of[c], -pool[c], surfaces[c].key))
        # one-word names with no full name group among themselves
        for _, _, i, j in matches:
            if not anchored(i) and not anchored(j) and i not in options and j not in options:
                if clusters.can_merge(i, j):
                    clusters.merge(i, j)

        del matches, options  # the comparisons are done: free them before the entities are built
        clusters.conflicts.clear()
        clusters.matches.clear()
        cluster_of = [attached.get((s, m.doc), clusters.find(s)) for s, m in zip(surface_of, mentions, strict=True)]
        return self._entities(mentions, surfaces, surface_of, cluster_of)

    def explain(self, mentions: Sequence[MentionLike], text: str, label: str, *, links: Iterable[tuple[str, str]] = (), near_misses: int = 5) -> Explanation:
        """Resolve `text` among `mentions` and report why it went where it went.

        Every name of the same kind the resolver compared it with (`_candidate_pairs`) and that matches or
        contradicts it is listed with its score and the reason; so are the `near_misses` most similar-looking
        names that did neither, or were never compared.
        """
        from rapidfuzz import fuzz

        everything = [*mentions, _Probe(text, label)]
        resolution = self.resolve(everything, links=links)
        surfaces, surface_of = self._surfaces(everything)
        target = surfaces[surface_of[-1]]
        entity_of_surface: dict[int, str] = {}
        for m, s in enumerate(surface_of):
            entity_of_surface.setdefault(s, resolution.entities[resolution.entity_of[m]].canonical)
        kind = target.name.kind  # type: ignore[union-attr]
        t = surface_of[-1]
        compared = {j for pair in self._candidate_pairs(surfaces) if t in pair for j in pair if j != t}
        outcomes, misses = [], []
        for i, s in enumerate(surfaces):
            if s is target or s.name is None or s.name.kind != kind:
                continue
            verdict = self.judge(target, s)
            if i not in compared:
                verdict = Verdict(0.0, False, False, f"not compared (no blocking key in common); would be: {verdict.reason}")
            entity = entity_of_surface.get(i) or (self.aliases.entities[s.alias].canonical if s.alias is not None else "")
            outcome = "conflict" if verdict.conflict else "match" if verdict.score > 0 else "no match"
            row = Candidate(s.text, s.label, entity, round(verdict.score, 3), outcome, verdict.reason)
            if outcome == "no match":
                misses.append((-fuzz.token_sort_ratio(key(text), s.key), s.key, row))
            else:
                outcomes.append(row)
        outcomes.sort(key=lambda c: (c.outcome != "match", -c.score, c.text))
        misses.sort(key=lambda m: m[:2])
        return Explanation(resolution.entities[resolution.entity_of[-1]], outcomes + [m[2] for m in misses[:near_misses]])

    def near_misses(self, mentions: Sequence[MentionLike], resolution: Resolution) -> list[tuple[int, int, Verdict]]:
        """Pairs of entities (indices into `resolution.entities`) holding two names that match but were not
        merged (a contradiction elsewhere, or a short form that went to a better candidate); best pair first."""
        surfaces, surface_of = self._surfaces(mentions)
        entity_of: dict[int, int] = {}
        for m, s in enumerate(surface_of):
            entity_of.setdefault(s, resolution.entity_of[m])
        best: dict[tuple[int, int], Verdict] = {}
        for i, j in self._candidate_pairs(surfaces):
            a, b = entity_of.get(i), entity_of.get(j)
            if a is None or b is None or a == b:
                continue
            verdict = self.judge(surfaces[i], surfaces[j])
            pair = (min(a, b), max(a, b))
            if verdict.score > 0 and verdict.score > best.get(pair, NO_MATCH).score:
                best[pair] = verdict
        return sorted(((a, b, v) for (a, b), v in best.items()), key=lambda t: (-t[2].score, t[0], t[1]))

    # -- step 7 ----------------------------------------------------------------------------------------------
    def _entities(
        self,
        mentions: Sequence[MentionLike],
        surfaces: list[Surface],
        surface_of: list[int],
        cluster_of: list[int],
    ) -> Resolution:
        grouped: dict[int, list[int]] = defaultdict(list)
        for m, c in enumerate(cluster_of):
            grouped[c].append(m)
        entities: list[Entity] = []
        for c, members in grouped.items():
            entities.append(self._entity(c, members, mentions, surfaces, surface_of))
        order = sorted(range(len(entities)), key=lambda e: (-entities[e].mentions, entities[e].canonical.casefold(), entities[e].label, entities[e].canonical))
        entities = [entities[e] for e in order]
        rank = {old: new for new, old in enumerate(order)}
        taken: set[str] = set()
        for entity in entities:
            base = entity.id
            candidate = base if base not in taken else f"{base}-{entity.label.lower()}"
            n = 2
            while candidate in taken:
                candidate, n = f"{base}-{n}", n + 1
            taken.add(candidate)
            entity.id = candidate
        cluster_rank = {c: rank[i] for i, c in enumerate(grouped)}
        return Resolution(entities, [cluster_rank[c] for c in cluster_of])

    def _entity(
        self,
        cluster: int,
        members: list[int],
        mentions: Sequence[MentionLike],
        surfaces: list[Surface],
        surface_of: list[int],
    ) -> Entity:
        texts: Counter = Counter(mentions[m].text for m in members)
        labels: Counter = Counter(mentions[m].label for m in members)
        docs = {mentions[m].doc for m in members if mentions[m].doc is not None}
        member_surfaces = sorted({surface_of[m] for m in members})
        alias_ids = {surfaces[s].alias for s in member_surfaces if surfaces[s].alias is not None}
        root_alias = surfaces[cluster].alias if surfaces[cluster].alias is not None else None
        alias_id = root_alias if root_alias is not None else (min(alias_ids) if alias_ids else None)
        kind_label = surfaces[member_surfaces[0]].label
        kind = KIND_OF_LABEL.get(kind_label, ORG)
        attributes: dict[str, str] = {}
        if alias_id is not None:
            declared = self.aliases.entities[alias_id]
            canonical, label = declared.canonical, declared.label
            attributes.update(declared.attributes)
        else:
            canonical = min(texts, key=lambda t: self._completeness(t, texts[t], kind))
            own_kind = Counter({lab: n for lab, n in labels.items() if KIND_OF_LABEL.get(lab, ORG) == kind})
            label = min(own_kind.items(), key=lambda kv: (-kv[1], kv[0]))[0] if own_kind else DEFAULT_LABEL[kind]
        places = Counter(surfaces[s].place for s in member_surfaces if surfaces[s].place is not None)
        if places and "geonames" not in attributes:
            place = min(places.items(), key=lambda kv: (-kv[1], kv[0].geonameid))[0]
            attributes["geonames"] = str(place.geonameid)
        aliases = sorted(texts.items(), key=lambda kv: (-kv[1], kv[0]))
        return Entity(
            id=slug(canonical),
            canonical=canonical,
            label=label,
            mentions=len(members),
            documents=len(docs),
            aliases=aliases,
            attributes=attributes,
        )

    @staticmethod
    def _completeness(text: str, count: int, kind: str) -> tuple:
        """Sort key for the canonical name. A person: the fullest name (most parts), then the most used. An
        organisation or place: the most used spelled-out form ("Bolivia" over "Plurinational State of Bolivia",
        "Deutsche Welle" over "DW"). Ties: capitalised, then longest, then alphabetical."""
        name = parse(text, kind)
        parts = -len(name.strong) if kind == PERSON else 0
        return (parts, name.is_acronym, -count, not text[:1].isupper(), -len(text), text)
