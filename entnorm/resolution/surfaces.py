"""Surfaces: the distinct spellings (by match key) of a list of mentions, what is known of each, and its label.

The label of a surface is decided here (see `entnorm.labels` for every place a label is decided): the alias
file's label for a spelling it lists; else the label most of its mentions carry, a tie broken by evidence (a
gazetteer hit makes a place, a generic organisation word or an acronym makes an organisation, else a person);
and a one-word surface the recogniser called PERSON or ORG that the gazetteer knows as a major place is a place
("Bombay said ...").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from entnorm import data
from entnorm.aliasfile.table import AliasTable
from entnorm.labels import ORG, PERSON, PLACE, is_name_label, kind_of
from entnorm.names.gazetteer import Gazetteer, Place
from entnorm.names.normalize import fold, key
from entnorm.names.parse import PARTICLES, Name, is_generic, parse
from entnorm.records import Mention

#: A name's blocking keys: those it is filed under, and those whose names it is compared with (`blocking`).
BlockingKeys = tuple[Collection[str], Collection[str]]


class Tally:
    """A counter that holds one value without a dict: most spellings are seen with one text, one label, in
    one document, and hundreds of thousands of dicts would dominate the resolver's memory."""

    __slots__ = ("_many", "_n", "_one")

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
    """One distinct spelling (by match key) and what is known of it.

    `alias_entity` is the index of the alias-file entity that lists the spelling (into `AliasTable.entities`),
    or None. A surface that is not `matchable` holds a value (a date, an amount: `labels.NAME_LABELS`) and is
    never compared with another. A `short` surface is a one-word person name, or a one-word or acronym
    organisation or place: it can attach to a full name but not join two full names.
    """

    key: str
    texts: Tally = field(default_factory=Tally)
    labels: Tally = field(default_factory=Tally)
    docs: Tally = field(default_factory=Tally)
    label: str = ""
    name: Name | None = None
    place: Place | None = None
    alias_entity: int | None = None
    short: bool = False
    matchable: bool = True
    #: Its blocking keys (filed, probed), when already worked out: an alias file's names come with theirs, and
    #: the spellings the alias index's reach has keyed, or the last run had keyed (`known_verdicts`), keep
    #: theirs for the blocker; cleared when the name or the place changes, and once the pairs are judged.
    blocking: BlockingKeys | None = None

    @property
    def text(self) -> str:
        """The most frequent way of writing this spelling (ties: mixed case over capitals, then alphabetical)."""
        return min(self.texts.items(), key=lambda kv: (-kv[1], kv[0].isupper(), kv[0]))[0]

    @property
    def mentions(self) -> int:
        return self.texts.total()


def has_org_evidence(text: str) -> bool:
    """An acronym, or a word that says what an organisation is ("Ministry", "Bank")."""
    name = parse(text, ORG)
    return name.is_acronym or any(is_generic(t) for t in name.tokens)


_POLITY = data.words("polity_words") | data.words("place_features")


def in_documents(surface: Surface) -> bool:
    """Read in documents, not given in a list of names (whose mentions have no document)."""
    return any(doc is not None for doc in surface.docs)


def is_polity(text: str) -> bool:
    """A name headed by a state's or a division's word ("Lugansk People's Republic", "Luhansk Oblast")."""
    head = fold(text).split(" of ")[0].split()  # "Republic of Korea": the head is before "of"
    return bool(head) and head[-1].strip(".,") in _POLITY and len(parse(text, ORG).tokens) > 1


@dataclass(frozen=True, slots=True)
class PersonWords:
    """What the corpus shows of people's names: the last and the first words (by match key) of the person names
    of two or more words. A one-word organisation equal to a family name is that person ("Shoygu"), a one-word
    place equal to one is not a place unless the gazetteer knows it; a city that is nobody's family name is a
    city even where the recogniser read a person ("Mykolaiv"). Particles ("Al", "de") are no given names."""

    family: frozenset[str]
    given: frozenset[str]
    #: The initials of the states and divisions named in the corpus: their acronyms are places too ("LPR").
    polities: frozenset[str] = frozenset()

    @classmethod
    def of(cls, surfaces: Iterable[Surface]) -> PersonWords:
        family, given, polities = set(), set(), set()
        for s in surfaces:
            if not in_documents(s):
                continue  # a list of names shows nothing of a corpus
            if is_polity(s.text):
                polities.add(parse(s.text, ORG).initials)
            words = s.text.split()
            if len(words) > 1 and s.labels.most_common()[0][0] in ("PERSON", "PER"):
                family.add(key(words[-1]))
                if key(words[0]) not in PARTICLES:  # "Al" of "Al Assad" says nothing of "Al Jazeera"
                    given.add(key(words[0]))
        return cls(frozenset(family), frozenset(given), frozenset(polities))


_ORG_ENDINGS = tuple(sorted(data.words("org_word_endings"), key=len, reverse=True))


def _built_as_organisation(word: str) -> bool:
    """One word that ends in a word for a kind of organisation after a stem of three letters or more."""
    k = key(word)
    return " " not in k and any(k.endswith(e) and len(k) - len(e) >= 3 for e in _ORG_ENDINGS)


def _by_corpus_evidence(label: str, surface: Surface, gazetteer: Gazetteer, people: PersonWords) -> str:
    """The label corrected by what the rest of the corpus shows (see `PersonWords`), for spellings read in
    documents only: a list of names given to `resolve` keeps its labels."""
    text = surface.text
    if not in_documents(surface):
        return label
    if is_polity(text):
        return "GPE"
    org = parse(text, ORG)
    if org.is_acronym and "".join(org.tokens) in people.polities:
        return "GPE"  # the acronym of a state the corpus names ("LPR" for "Lugansk People's Republic")
    if has_org_evidence(text):
        return label
    words = text.split()
    if len(words) == 1:
        place = gazetteer.lookup(text)
        if place is None and label != "ORG" and _built_as_organisation(text):
            return "ORG"  # "Gazprom", "Rosatom", "Sberbank", "Kadyrovtsy": a generic word glued to a stem
        if label in ("ORG", "GPE", "LOC") and place is None and key(text) in people.family:
            return "PERSON"
        if label in ("ORG", "GPE", "LOC") and key(text) in people.given and not (place and place.major):
            return "PERSON"  # a given name of the corpus ("Ramón"), unless a major place is named so
        if label == "PERSON" and place is not None and key(text) not in people.family and key(text) not in people.given:
            return "GPE"  # a city nobody of the corpus is named after ("Ramón" of "Ramón Castro" is)
    elif label == "ORG" and key(words[0]) in people.given and not gazetteer.lookup(text):
        return "PERSON"
    return label


def vote_label(surface: Surface, gazetteer: Gazetteer) -> str:
    """The label of a spelling no alias-file entity lists: its mentions' majority, ties broken by evidence."""
    counts = surface.labels.most_common()
    best = counts[0][1]
    tied = sorted(label for label, n in counts if n == best)
    text = surface.text
    if len(tied) == 1:
        label = tied[0]
    elif any(kind_of(t) == PLACE for t in tied) and gazetteer.lookup(text):
        label = next(t for t in tied if kind_of(t) == PLACE)
    elif "ORG" in tied and has_org_evidence(text):
        label = "ORG"
    elif "PERSON" in tied:
        label = "PERSON"
    else:
        label = tied[0]
    # one word the gazetteer knows as a country, state or city of a million is a place, whatever the NER
    # said: spaCy calls capitals PERSON, and ORG where they stand for their government ("Bombay said"); a
    # word in capitals is a dateline ("KIEV") unless it is as short as an organisation's initials, and then
    # any place the gazetteer knows, however small, longer than initials can be
    if label not in ("PERSON", "ORG") or len(text.split()) != 1:
        return label
    org = parse(text, ORG)
    initials = org.is_acronym and len("".join(org.tokens)) < 4
    if (
        not initials
        and not any(is_generic(t) for t in org.tokens)
        and (place := gazetteer.lookup(text))
        and (place.major or (text.isupper() and not org.is_acronym))  # a dateline: "MELITOPOL, March 3"
    ):
        label = "GPE"
    return label


#: A place inside an organisation's name is read by its gazetteer name only when it is this large (or a country
#: or a state): smaller places' other names include too many ordinary words.
PLACE_IN_NAME_POPULATION = 100_000


def with_places_spelled_alike(name: Name, gazetteer: Gazetteer) -> Name:
    """`name` with one more reading in which each word the gazetteer knows as a country, a state or a large
    city is written as the gazetteer writes that place: the old and new, Russian and Ukrainian names of a place
    then meet inside organisations' names too ("Zaporozhye NPP" / "Zaporizhzhya NPP")."""
    words = list(name.tokens)
    changed = False
    for i, word in enumerate(words):
        if len(word) < 4 or is_generic(word):
            continue
        place = gazetteer.by_key(word)
        if place is None or not (place.feature in ("country", "state") or place.population >= PLACE_IN_NAME_POPULATION):
            continue
        spelled = key(place.name)
        if spelled != word and " " not in spelled:
            words[i], changed = spelled, True
    if not changed or tuple(words) in name.readings:
        return name
    return replace(name, readings=(*name.readings, tuple(words)))


def build_surfaces(
    mentions: Sequence[Mention],
    aliases: AliasTable,
    gazetteer: Gazetteer,
    *,
    prepared: Callable[[str, str], tuple[Name, Place | None, BlockingKeys]] | None = None,
) -> tuple[list[Surface], list[int]]:
    """The surfaces of `mentions`, sorted by key, and for each mention the index of its surface. A spelling
    the alias file lists is its entity's, with the file's label; the file's other names join later
    (`alias_index`), as far as these spellings can reach them. `prepared(text, kind)`, when given, reads a
    name's spelling instead of `read_name` and gives its blocking keys too (`known_verdicts.KnownNames`: the
    last run's)."""
    by_key: dict[str, Surface] = {}
    keys = []
    for m in mentions:
        k = key(m.text) or m.text
        if not is_name_label(m.label):  # a value meets only the same text of the same label
            k = f"\0{m.label}\0{k}"
        keys.append(k)
        surface = by_key.get(k)
        if surface is None:
            surface = by_key[k] = Surface(k)
        surface.texts.add(m.text)
        surface.labels.add(m.label)
        surface.docs.add(m.doc)
    ordered = sorted(by_key.values(), key=lambda s: s.key)
    position = {s.key: i for i, s in enumerate(ordered)}
    surface_of = [position[k] for k in keys]
    del by_key, keys, position  # large for long name lists; only the order is needed from here
    people = PersonWords.of(ordered)
    for s in ordered:
        s.alias_entity = aliases.by_key.get(s.key)
        if s.alias_entity is not None:
            s.label = aliases.entities[s.alias_entity].label
        else:
            s.label = vote_label(s, gazetteer)
            if is_name_label(s.label):
                s.label = _by_corpus_evidence(s.label, s, gazetteer, people)
        s.matchable = is_name_label(s.label)
        if prepared is not None and s.matchable:
            s.name, s.place, s.blocking = prepared(s.text, kind_of(s.label))
        else:
            s.name, s.place = read_name(s.text, kind_of(s.label), gazetteer)
        s.short = is_short(s.name)
    return ordered, surface_of


def read_name(text: str, kind: str, gazetteer: Gazetteer) -> tuple[Name, Place | None]:
    """A spelling as the resolver reads it: parsed, an organisation's words that spell a place read as that
    place too, and a place's entry in the gazetteer."""
    name = parse(text, kind)
    if kind == ORG:
        name = with_places_spelled_alike(name, gazetteer)
    return name, gazetteer.lookup(text) if kind == PLACE else None


def is_short(name: Name) -> bool:
    """A one-word person name, or a one-word or acronym organisation or place: it can attach to a full name
    but not join two."""
    return len(name.strong) <= 1 if name.kind == PERSON else (len(name.tokens) <= 1 or name.is_acronym)


def with_listed_names(
    surfaces: list[Surface], surface_of: list[int], listed: Iterable[Surface]
) -> tuple[list[Surface], list[int]]:
    """`surfaces` and the alias file's names in `listed` (those a mention's spelling has not already), sorted by
    key, and `surface_of` renumbered."""
    have = {s.key for s in surfaces}
    every = surfaces + [s for s in listed if s.key not in have]
    if len(every) == len(surfaces):
        return surfaces, surface_of
    order = sorted(range(len(every)), key=lambda i: every[i].key)
    position = [0] * len(every)
    for new, old in enumerate(order):
        position[old] = new
    return [every[i] for i in order], [position[i] for i in surface_of]
