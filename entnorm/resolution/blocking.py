"""Blocking: which pairs of surfaces are worth comparing, so that the resolver never compares all pairs.

Every surface is *filed* under some keys and *probes* others; two surfaces are compared when one probes a key
the other is filed under. Keys are short strings (hundreds of thousands of names each file several, so their
length is memory): a kind code, then a word's key or a whole name's key.

Word keys are the consonant skeleton of a word and its letters sorted (a typo that swaps letters keeps them);
a short skeleton says too little ("mt"), so short words are keyed by their sound.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from itertools import combinations, product

from entnorm.labels import ORG, PERSON, PLACE
from entnorm.names import loanwords
from entnorm.names.arabic import consonant_keys as arabic_consonant_keys
from entnorm.names.hangul import latin_spellings
from entnorm.names.loanwords import transcriptions
from entnorm.names.parse import Name, is_generic
from entnorm.names.phonetic import consonants, other_spellings, skeleton, sound
from entnorm.resolution.surfaces import Surface

# -- the kinds of key -----------------------------------------------------------------------------------------
#: A one-word person name, by its word.
PERSON_ALONE = "P1"
#: A person name of several words, by its last word: the only word a one-word name can meet.
PERSON_FAMILY = "PL"
#: A person name, by one of its words together with the consonants of its given name.
PERSON_WORD_WITH_GIVEN = "PG"
#: A person name, by one of its words alone (used only while the word is rare: `RARE_WORD_BLOCK`).
PERSON_WORD = "PW"
#: Organisation and place names are filed by each word under their kind ("org", "place").
#: Whole-name keys start with this mark, then the kind, then one of the marks below.
WHOLE = "*"
#: ... the name's words as a set (only generic words), or the name written as one word.
WHOLE_SPELLING = "="
#: ... a pair or triple of the name's words.
WORD_COMBINATION = "+"
#: ... its initials, or the acronym itself.
INITIALS = "#"
#: ... its first word and the initials of the rest ("Zaporozhye NPP").
FIRST_AND_INITIALS = "^"
#: A person name by the consonants of its family and given names (or of its one word): the key a name written
#: in Arabic script probes, since the script writes no short vowels ("رئيسي" / "Raisi").
PERSON_CONSONANTS = "PC"
#: A place in the gazetteer, by its GeoNames id.
GEONAMES = WHOLE + "geo:"
#: A name by the coarse consonant classes of its words (`loanwords.latin_key`): Latin names are filed under it
#: and names transcribed in katakana or Hangul probe it, since no other key of theirs meets a Latin spelling.
#: Persons are also filed by their family name alone, which a one-word transcription probes.
TRANSCRIBED = WHOLE + "%"
TRANSCRIBED_FAMILY = WHOLE + "%L"

#: A blocking key shared by more names than this is too common to say anything ("muhammad"); it is not used.
MAX_BLOCK = 400
#: A name of several words is compared with the names filed under its this-many rarest keys.
RAREST_KEYS = 2
#: Organisation and place names are blocked by pairs and triples of their words; at most this many words.
MAX_PAIRED_WORDS = 6
#: A word of a person name shared by at most this many names is rare enough to compare all of them, whatever
#: their given names ("Omar Khan" / "Mohammed Omar Khan", "Zhenya" / "Jenya").
RARE_WORD_BLOCK = 30


_VOWEL_RUNS = re.compile("[aeiou]+")


def word_key(token: str) -> str:
    """The main blocking key of a word (see `word_keys`), without its kind."""
    skel = skeleton(token)
    return skel if len(skel) >= 3 else "=" + sound(token)


@lru_cache(maxsize=1 << 16)
def word_keys(kind: str, token: str) -> frozenset[str]:
    """A word's blocking keys under `kind`: its consonant skeleton, and the skeleton's letters sorted; and the
    skeletons of its other spellings (`phonetic.other_spellings`)."""
    skel = skeleton(token)
    if len(skel) < 3:
        keys = {f"{kind}=" + sound(token)}
        if kind in (ORG, PLACE):  # and with its vowels as one, which transliterations of a name differ in most
            keys.add(f"{kind}=" + _VOWEL_RUNS.sub("a", sound(token)))
    elif len(skel) < 4:
        keys = {f"{kind}:{skel}"}
    else:
        keys = {f"{kind}:{skel}", f"{kind}~{''.join(sorted(skel))}"}
    for variant in other_spellings(token):  # a short skeleton, keyed by the sound as above ("Zhaleh" / "Jaleh")
        variant_skeleton = skeleton(variant)
        keys.add(f"{kind}:{variant_skeleton}" if len(variant_skeleton) >= 3 else f"{kind}=" + sound(variant))
    return frozenset(keys)


def given_key(token: str) -> str:
    """The consonants of a given name after its first sound ("Dmitri" / "Dmitry" → "mtr")."""
    return skeleton(token)[1:] or sound(token)


@lru_cache(maxsize=1 << 16)
def given_keys(token: str) -> frozenset[str]:
    """`given_key` of the given name and of its other spellings ("Marats" / "Marat")."""
    return frozenset(given_key(t) for t in (token, *other_spellings(token)))


def sound_signature(s: Surface) -> tuple:
    """Kind, gazetteer place, qualifiers and the sound of every word of every reading: equal means the same
    name. Names in CJK characters are equal only when written alike."""
    name = s.name
    assert name is not None
    readings = tuple(tuple(sound(t) for t in reading) for reading in name.readings)
    place = s.place.geonameid if s.place else None
    return (name.kind, name.is_acronym, place, name.qualifiers, name.cjk, readings)


def _person_keys(s: Surface, for_transcriptions: bool = True) -> tuple[set[str], set[str]]:
    """A person name of several words is filed under each later word together with the consonants of the first
    (both must agree for a match; namesakes with other given names need not be compared, since no full name can
    agree with both and short forms never merge groups), and the reverse (family-name-first order). A rare word
    also meets every name holding it. A one-word person name is compared with every full name ending in it.
    Every name is also filed by its consonants, which only names written in Arabic script probe."""
    filed: set[str] = set()
    probes: set[str] = set()
    arabic = s.name.arabic  # type: ignore[union-attr]
    _transcription_keys(s.name, filed, probes, for_transcriptions)  # type: ignore[arg-type]
    for reading in s.name.readings:  # type: ignore[union-attr]
        strong = [t for t in reading if len(t) > 1]
        if strong:
            ends = (strong[-1], strong[0])[: len(strong)]
            if arabic:  # each word also in its letters' other spellings
                probes |= {PERSON_CONSONANTS + "|".join(c) for c in product(*map(arabic_consonant_keys, ends))}
            else:
                filed.add(PERSON_CONSONANTS + "|".join(map(consonants, ends)))
        if len(strong) <= 1:
            spelled = latin_spellings(s.name.text, person=True) if s.name.hangul else {}  # type: ignore[union-attr]
            for token in strong:
                keys = word_keys(PERSON_ALONE, token)
                filed |= keys
                probes |= keys | word_keys(PERSON_FAMILY, token)
                for spelling in spelled.get(token, ()):  # a Hangul word, in its Latin spellings ("박" / "Park")
                    probes |= word_keys(PERSON_ALONE, spelling) | word_keys(PERSON_FAMILY, spelling)
            continue
        filed |= word_keys(PERSON_FAMILY, strong[-1])  # a one-word name can only be the family name
        first, last = reading[0], reading[-1]
        given = [(first, token) for token in reading[1:] if len(token) > 1]
        if len(first) > 1:  # the family name may come first ("Petrov Oleg", "Xi Jinping")
            given.append((last, first))
        for other, token in given:
            by_given = {f"{k}|{g}" for k in word_keys(PERSON_WORD_WITH_GIVEN, token) for g in given_keys(other)}
            filed |= by_given | word_keys(PERSON_WORD, token)
            probes |= by_given
    return filed, probes


def _org_or_place_keys(s: Surface, for_transcriptions: bool = True) -> tuple[set[str], set[str]]:
    """Organisations and places use their distinctive words, their initials or acronym, the name written as one
    word, and the GeoNames id."""
    name = s.name
    assert name is not None
    kind = name.kind
    filed: set[str] = set()
    probes: set[str] = set()
    words = [t for t in name.tokens if len(t) > 1]
    for reading in name.readings:  # a glued article off ("Alzarooni" / "Zarooni")
        for token in reading:
            if len(token) > 1:
                filed |= word_keys(kind, token)
    whole = WHOLE + kind
    if len(words) == 1:  # and the names of several words that are this one written apart ("Mc Donalds")
        probes |= word_keys(kind, words[0]) | {whole + WHOLE_SPELLING + skeleton(words[0])}
    elif name.arabic:  # the script writes the article apart where Latin spellings join it ("Hezbollah")
        probes |= word_keys(kind, "".join(words))
    if words and all(is_generic(t) for t in words):
        # only generic words ("Institute for Policy Studies"): it can only match the same set of words
        filed.add(whole + WHOLE_SPELLING + "&".join(sorted(word_key(t) for t in words)))
    else:
        # every word of the shorter name must meet a word of the longer one, so the longer one is filed
        # under its word pairs and triples, and a name probes its largest such combinations (also with its
        # other spellings, which the skeleton would otherwise keep apart)
        generic = {word_key(t) for t in words if is_generic(t)}
        for spelling in _spellings(name):
            distinct = sorted({word_key(t) for t in spelling})[:MAX_PAIRED_WORDS]
            for size in (2, 3):
                for combo in combinations(distinct, size):
                    if set(combo) <= generic:
                        continue
                    k = whole + WORD_COMBINATION + WORD_COMBINATION.join(combo)
                    filed.add(k)
                    if size == min(len(distinct), 3):
                        probes.add(k)
    if kind == ORG and len(name.tokens) >= 3:  # "Zaporozhye Nuclear Power Plant" is "Zaporozhye NPP"
        filed.add(whole + FIRST_AND_INITIALS + word_key(name.tokens[0]) + "".join(t[0] for t in name.tokens[1:]))
    elif kind == ORG and len(name.tokens) == 2 and 2 <= len(name.tokens[1]) <= 5:
        filed.add(whole + FIRST_AND_INITIALS + word_key(name.tokens[0]) + name.tokens[1])
    if name.is_acronym:
        filed.add(whole + INITIALS + "".join(name.tokens))
    elif len(name.tokens) >= 2:
        filed.add(whole + INITIALS + name.initials)
        filed.add(whole + WHOLE_SPELLING + skeleton("".join(name.tokens)))
    if s.place is not None:
        filed.add(f"{GEONAMES}{s.place.geonameid}")
    probes |= {k for k in filed if _is_whole_name_key(k)}
    _transcription_keys(name, filed, probes, for_transcriptions)
    return filed, probes


def _transcription_keys(name: Name, filed: set[str], probes: set[str], for_transcriptions: bool) -> None:
    """The keys a Latin name is filed under and a transcribed one probes (`TRANSCRIBED`), added to the sets;
    a Latin name's only `for_transcriptions` (a run with none has no use for them, and they cost a pass over
    every word). Keys of too few consonant classes ("Lavrov" is "rpr", "Lee" only "r") are left out: they
    say nothing."""
    words = [t for t in name.tokens if len(t) > 1]
    if not words or name.arabic or (name.cjk and not name.loanword):
        return
    kind = name.kind
    if name.loanword:
        transcribed = transcriptions(name)
        per_word = [loanwords.keys(transcribed[w]) if w in transcribed else (loanwords.latin_key(w),) for w in words]
        if kind == PERSON and len(words) == 1:
            probes.update(f"{TRANSCRIBED_FAMILY}{kind}:{k}" for k in per_word[0] if _says_enough(k))
        else:
            probes.update(f"{TRANSCRIBED}{kind}:" + "|".join(c) for c in product(*per_word) if _says_enough(*c))
        return
    if not for_transcriptions:
        return
    keys = [loanwords.latin_key(w) for w in words]
    if _says_enough(*keys):
        filed.add(f"{TRANSCRIBED}{kind}:" + "|".join(keys))
    if kind == PERSON and _says_enough(keys[-1]):
        filed.add(f"{TRANSCRIBED_FAMILY}{kind}:{keys[-1]}")


def _says_enough(*keys: str) -> bool:
    return sum(map(len, keys)) >= loanwords.MIN_KEY


def _spellings(name: Name) -> list[list[str]]:
    """The words of each reading of the name (a glued article off), and of each reading with every word in
    its k-th other spelling (`phonetic.other_spellings`, a place's adjective as the place) where it has one."""
    out = []
    for reading in name.readings:
        words = [t for t in reading if len(t) > 1]
        out.append(words)
        variants = [(*other_spellings(t), *_place_of_adjective(t)) for t in words]
        for k in range(max(map(len, variants), default=0)):
            out.append([v[k] if len(v) > k else t for t, v in zip(words, variants, strict=True)])
    return out


def _place_of_adjective(word: str) -> tuple[str, ...]:
    """A place's adjective in -an read as the place, for blocking ("Korean" / "Korea", "Syrian" / "Syria")."""
    return (word[:-1],) if word.endswith("an") and len(word) >= 5 else ()


def _is_whole_name_key(k: str) -> bool:
    return k.startswith(WHOLE) and WORD_COMBINATION not in k


def blocking_keys(s: Surface, for_transcriptions: bool = True) -> tuple[Collection[str], Collection[str]]:
    """(keys the name is filed under, keys whose names it is compared with): those kept on the surface
    (`Surface.blocking`), else worked out and not kept, since holding every name's keys at once costs more
    memory than working them out again costs time. A Latin name's keys for transcriptions only
    `for_transcriptions`."""
    if s.blocking is not None:
        return s.blocking
    assert s.name is not None
    keys_of = _person_keys if s.name.kind == PERSON else _org_or_place_keys
    return keys_of(s, for_transcriptions)


def candidate_pairs(
    surfaces: list[Surface],
    *,
    apart: list[bool] | None = None,
    outside: Callable[[str], int] = lambda k: 0,
) -> Iterator[tuple[int, int]]:
    """Pairs worth comparing, each once (i < j, in order): names filed under a key that another name probes.
    Keys shared by more than MAX_BLOCK names say nothing ("bank") and are skipped. Pairs are kept as plain
    lists of numbers until yielded, so memory stays small. Two surfaces both marked in `apart` are never
    paired (names of alias-file entities, whose grouping the file has decided). `outside` says how many
    names not in `surfaces` a key holds (an alias file's names out of reach): they count in its size."""
    blocks: dict[str, list[int]] = defaultdict(list)
    # the keys Latin names are filed under for transcriptions are left out when no name is a transcription
    # (also those an alias index kept on its surfaces)
    transcribed = any(s.name is not None and s.name.loanword for s in surfaces)
    for i, s in enumerate(surfaces):
        for k in blocking_keys(s, transcribed)[0]:
            if transcribed or not k.startswith(TRANSCRIBED):
                blocks[k].append(i)

    def size(k: str) -> int:
        return len(blocks.get(k, ())) + outside(k)

    later: list[list[int]] = [[] for _ in surfaces]  # for each i, the j > i it meets (repeats allowed)
    for i, s in enumerate(surfaces):
        # computed again rather than kept from the loop above: holding every name's keys at once costs
        # more memory than recomputing them costs time (200,000 names must stay under 500 MB)
        filed, probes = blocking_keys(s, transcribed)
        name = s.name
        assert name is not None
        if len(name.strong) <= 1:
            # a one-word name must meet every full name ending in it (a person) or holding it, by any of the
            # word's spellings
            chosen = list(probes)
        else:
            # every word of the shorter name is in the longer, so its rarest words' keys suffice; a key that
            # holds no other name is no rarest key (a name in Arabic script or Hebrew probes many keys that
            # no Latin spelling is filed under)
            whole = [k for k in probes if _is_whole_name_key(k)]
            rest = sorted((k for k in probes if k not in whole and size(k) > (k in filed)), key=lambda k: (size(k), k))
            chosen = whole + rest[:RAREST_KEYS]
        if name.kind == PERSON:  # a rare word meets every full name holding it, whatever the given name
            chosen += [k for k in filed if k.startswith(PERSON_WORD) and size(k) <= RARE_WORD_BLOCK]
        fixed = apart is not None and apart[i]
        for k in chosen:
            members = blocks.get(k, ())
            if size(k) > MAX_BLOCK:
                continue
            for j in members:
                if fixed and apart[j]:  # type: ignore[index]
                    continue
                if j > i:
                    later[i].append(j)
                elif j < i:
                    later[j].append(i)
    blocks.clear()
    for i, js in enumerate(later):
        for j in sorted(set(js)):
            yield i, j
        later[i] = []
