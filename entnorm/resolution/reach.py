"""Which alias-file entities a run's mentions can reach, so that a watchlist of 100,000 entities costs what the
mentions touch, not what the file holds.

The alias file's names take part in matching (an unlisted spelling meets a listed one), but a listed name can
only meet a mention it shares a blocking key with (`resolution.blocking`): two words that agree, a one-word
name and a word of the other, the initials, the name written as one word, or for places the GeoNames id.
Words agree here by their consonant skeleton or its letters sorted, as in the blocker. An entity none of whose
names can meet any mention so is left out; every name of an entity in reach is kept, so its spellings still
group together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from entnorm.aliasfile.table import AliasTable
from entnorm.labels import PERSON, PLACE, kind_of
from entnorm.names.gazetteer import Place
from entnorm.names.parse import CONNECTORS, PARTICLES
from entnorm.names.phonetic import other_spellings, skeleton, sound


@lru_cache(maxsize=1 << 17)
def _word_reach(word: str) -> tuple[str, str, str, tuple[str, ...]]:
    """A word's skeleton (its sound when the skeleton is too short to say much), its letters sorted, the skeleton
    alone, which names written as one word are keyed by, and the skeletons of its other spellings (a Ukrainian
    h as g, ch as kh): the keys `blocking.word_keys` files it under."""
    skel = skeleton(word)
    main = "=" + sound(word) if len(skel) < 3 else skel
    return main, "~" + "".join(sorted(skel)), skel, tuple(skeleton(v) for v in other_spellings(word))


def _words(name_key: str) -> list[str]:
    """The words that say something: not initials, not particles ("al", "bin", "van")."""
    return [w for w in name_key.split() if len(w) > 1 and w not in PARTICLES]


def _whole_keys(words: list[str]) -> set[str]:
    """The name's initials (with and without its short words: "Hayat Tahrir al-Sham" / "HTS"; a one-word name
    stands for initials itself) and the name written as one word (its words' skeletons run together:
    "Alshara" / "al-Sharaa")."""
    if len(words) == 1:
        out = {"#" + words[0]}
    else:
        out = {"#" + "".join(w[0] for w in words), "#" + "".join(w[0] for w in words if len(w) > 2)}
    out.add("=" + "".join(_word_reach(w)[2] for w in words))
    content = [w for w in words if w not in CONNECTORS]
    if len(content) >= 3:  # "Zaporozhye Nuclear Power Plant" / "Zaporozhye NPP" (`blocking.FIRST_AND_INITIALS`)
        out.add("^" + _word_reach(content[0])[0] + "".join(w[0] for w in content[1:]))
    elif len(content) == 2:
        out.add("^" + _word_reach(content[0])[0] + content[1])
    return out


def _word_keys(words: Iterable[str]) -> set[str]:
    return {k for w in words for k in (_word_reach(w)[0], _word_reach(w)[1], *_word_reach(w)[3])}


def _pair_keys(words: list[str]) -> set[str]:
    """Two words of a name agree: how the blocker pairs names of several words (a given name with another
    word, or any two words of an organisation). A word with other spellings pairs by each of them."""
    per_word = [{_word_reach(w)[0], *_word_reach(w)[3]} for w in words]
    out = set()
    for i, first in enumerate(per_word):
        for second in per_word[i + 1 :]:
            out |= {"|".join(sorted((a, b))) for a in first for b in second if a != b}
    return out


class _Wanted:
    """The keys the run's mentions probe, by what they may meet."""

    def __init__(self, mention_keys: Iterable[str], place_of: Callable[[str], Place | None]) -> None:
        self.any_word: set[str] = set()  # a one-word mention meets a word of a longer name
        self.one_word: set[str] = set()  # a word of a longer mention meets a one-word name
        self.pairs: set[str] = set()
        self.whole: set[str] = set()
        self.places: set[int] = set()  # a place's other names in the gazetteer ("Fort-Lamy" / "N'Djamena")
        for k in mention_keys:
            if (place := place_of(k)) is not None:
                self.places.add(place.geonameid)
            words = _words(k)
            if not words:
                continue
            if len(words) == 1:
                self.any_word |= _word_keys(words)
            else:
                self.one_word |= _word_keys(words)
                self.pairs |= _pair_keys(words)
            self.whole |= _whole_keys(words)

    def reaches(self, name_key: str, person: bool) -> bool:
        """Whether a listed name (by match key) can be compared with one of the mentions. A one-word mention
        meets a person's family name (the last word) only, as the blocker has it, and any word of another
        name."""
        words = _words(name_key)
        if not words:
            return False
        if len(words) == 1:
            if not self.one_word.isdisjoint(_word_keys(words)) or not self.any_word.isdisjoint(_word_keys(words)):
                return True
        else:
            heads = words[-1:] if person else words
            if not self.any_word.isdisjoint(_word_keys(heads)) or not self.pairs.isdisjoint(_pair_keys(words)):
                return True
        return not self.whole.isdisjoint(_whole_keys(words))


def entities_in_reach(
    aliases: AliasTable, mention_keys: Iterable[str], place_of: Callable[[str], Place | None] = lambda k: None
) -> list[int]:
    """Indexes (into `aliases.entities`) of the entities one of whose names the mentions can reach, in file
    order. `place_of` finds the gazetteer's place of a match key: a place's names meet by its GeoNames id."""
    if not aliases.by_key:
        return []
    wanted = _Wanted(mention_keys, place_of)
    found = set()
    for k, index in aliases.by_key.items():
        if index in found:
            continue
        kind = kind_of(aliases.entities[index].label)
        if wanted.reaches(k, kind == PERSON) or (
            kind == PLACE and wanted.places and (place := place_of(k)) is not None and place.geonameid in wanted.places
        ):
            found.add(index)
    return sorted(found)
