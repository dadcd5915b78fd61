"""Whether two parsed names can be one entity, how sure that is, and whether they contradict each other.

Names are compared part by part, never as one string: the tokens are aligned one to one (a token may also meet
two adjacent tokens written together: "Mohammadreza" / "Mohammad Reza"), then the leftovers decide.

- Person names: a leftover on both sides is a contradiction ("Omar al-Hashimi" / "Khalid al-Hashimi",
  "Kim Jong-un" / "Kim Jong-il"). A leftover on one side only is a shorter form of the same name ("John Smith" /
  "John Robert Smith"), except that a one-word name must meet the other's family name (its last word), never a
  given name: "Hashimi" joins "Omar al-Hashimi", not "Hashimi al-Qasimi".
- Organisation names: order and connectors do not matter ("Defense Ministry" / "Ministry of Defense"); a shorter
  form must share a distinctive word ("Unicredit" / "Unicredit of Italy"), not only generic ones ("Defense
  Ministry" / "Russian Ministry of Defense"); an acronym meets the initials of the full name.
- Place names: as organisations, and also as one string ("Le Mans" / "Lemans").

Token agreement (`token_similarity`) is transliteration-aware (`phonetic.sound`) and typo-tolerant within a
budget that grows with length; tokens of three letters or fewer must agree exactly, up to sound. A name written
in Arabic script is compared with a Latin one word by word through `arabic.similarity` instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from entnorm import data
from entnorm.labels import ORG, PERSON
from entnorm.names import arabic, hangul, loanwords
from entnorm.names.distinguish import settled_before_words
from entnorm.names.parse import Name, is_generic, parse, stem
from entnorm.names.phonetic import BALTIC_ENDINGS, baltic_stem, skeleton, sound, x_as_kh
from entnorm.names.verdict import NO_MATCH, Verdict

#: Similarity given to an initial that agrees with a word ("J." / "John").
INITIAL_MATCH = 0.8
#: Similarity given to one-word organisation names that differ only in their vowels.
VOWELS_ONLY = 0.82
#: Similarity given to a loosely matching leftover word (see `loose_similarity`).
LOOSE_MATCH = 0.7
_VOWELS = re.compile(r"[aeiou]")


def edit_budget(length: int) -> int:
    """How many edits (insert, delete, substitute, swap) two tokens of this length may differ by."""
    if length <= 3:
        return 0
    if length <= 6:
        return 1
    if length <= 10:
        return 2
    return 3


_FIRST_VOWEL = str.maketrans("ue", "oi")


@lru_cache(maxsize=1 << 15)
def token_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two folded tokens; 0 when they are different words."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_MATCH if a[0] == b[0] else 0.0
    sa, sb = sound(a), sound(b)
    if sa == sb:
        return 0.96
    if min(len(a), len(b)) <= 3:
        return 0.0
    short, long_ = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if len(short) >= 4 and long_.startswith(short) and long_[len(short) :] in BALTIC_ENDINGS:
        return 0.9
    longest = max(len(sa), len(sb))
    distance = OSA.distance(sa, sb)
    budget = edit_budget(min(len(sa), len(sb)))
    if distance <= budget:
        return 0.95 - 0.6 * distance / longest
    # one edit more when the consonants agree, and so does the first letter, o / u and e / i being one (a
    # first vowel of any quality gives one skeleton: "Omar" / "Amir" must not pass here, "Umgy" / "Omqy" may)
    first_a, first_b = sa[0].translate(_FIRST_VOWEL), sb[0].translate(_FIRST_VOWEL)
    if distance <= budget + 1 and first_a == first_b and skeleton(a) == skeleton(b) and len(skeleton(a)) >= 3:
        return 0.9 - 0.6 * distance / longest
    if min(len(sa), len(sb)) >= 5 and "g" in sa + sb:
        # Ukrainian h for Russian g: Halyna / Galina, Hryhoriy / Grigoriy
        distance = OSA.distance(sa.replace("g", "h"), sb.replace("g", "h"))
        if distance <= budget:
            return 0.9 - 0.6 * distance / longest
    # Greek χ and Cyrillic х written x: "Mixail" / "Mikhail"; a little less sure
    x_word, other = (a, b) if "x" in a else (b, a)
    if "x" not in other and (kh := x_as_kh(x_word)) is not None and (sim := token_similarity(kh, other)):
        return 0.95 * sim
    if a[-1] != "s" and b[-1] != "s":  # every Baltic ending ends in s
        return 0.0
    return _without_baltic_ending(a, b) or _without_baltic_ending(b, a)


def _without_baltic_ending(a: str, b: str) -> float:
    """`a` with its Baltic nominative ending off, against `b` ("Jaceņuks" / "Jazenjuk"): a little less sure."""
    shorter = baltic_stem(a)
    return 0.95 * token_similarity(shorter, b) if shorter is not None else 0.0


#: How alike two words are, in [0, 1]: `token_similarity`, or a comparison across scripts.
Similarity = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[tuple[tuple[int, ...], tuple[int, ...], float], ...]
    left_a: tuple[int, ...]
    left_b: tuple[int, ...]


def align(ta: tuple[str, ...], tb: tuple[str, ...], similarity: Similarity = token_similarity) -> Alignment:
    """Greedy one-to-one alignment of two token sequences, best pairs first. A word may also meet two adjacent
    words of the other side written together ("Daedong" / "Dae Dong"): as a candidate beside the others when
    they agree strongly, and among the words left over otherwise ("Mohammadreza" / "Mohammad Reza")."""
    candidates = []
    for i, wa in enumerate(ta):
        for j, wb in enumerate(tb):
            sim = similarity(wa, wb)
            if sim > 0:
                candidates.append((-sim, abs(i - j), i, j))
    joined = _strong_joined_candidates(ta, tb, similarity) if len(ta) != len(tb) else []
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    if not joined:  # the common case, kept fast: single words only
        candidates.sort()
        for neg_sim, _, i, j in candidates:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append(((i,), (j,), -neg_sim))
    else:
        units = sorted([(neg, d, (i,), (j,)) for neg, d, i, j in candidates] + joined)
        for neg_sim, _, units_a, units_b in units:
            if used_a.isdisjoint(units_a) and used_b.isdisjoint(units_b):
                used_a.update(units_a)
                used_b.update(units_b)
                pairs.append((units_a, units_b, -neg_sim))
    left_a, left_b = len(ta) - len(used_a), len(tb) - len(used_b)
    if (left_a and left_b >= 2) or (left_b and left_a >= 2):  # one word against two written together
        _align_joined(ta, tb, used_a, used_b, pairs, similarity)
    left_a = tuple(i for i in range(len(ta)) if i not in used_a)
    left_b = tuple(j for j in range(len(tb)) if j not in used_b)
    return Alignment(tuple(pairs), left_a, left_b)


#: A word and two words written together compete with single words for the alignment from this similarity.
STRONG_JOINED = 0.9


def _strong_joined_candidates(
    ta: tuple[str, ...], tb: tuple[str, ...], similarity: Similarity
) -> list[tuple[float, int, tuple[int, ...], tuple[int, ...]]]:
    out = []
    for one, two, flip in ((ta, tb, False), (tb, ta, True)):
        pairs = [(k, len(two[k]) + len(two[k + 1])) for k in range(len(two) - 1)]
        for i, word in enumerate(one):
            if len(word) < 5:
                continue
            for k, joined_length in pairs:
                if abs(len(word) - joined_length) > 2:  # strong agreement allows two letters of difference
                    continue
                joined = two[k] + two[k + 1]
                sim = similarity(joined, word) if flip else similarity(word, joined)
                if sim >= STRONG_JOINED:
                    units = ((k, k + 1), (i,)) if flip else ((i,), (k, k + 1))
                    out.append((-sim, abs(i - k), *units))
    return out


def _align_joined(
    ta: tuple[str, ...], tb: tuple[str, ...], used_a: set[int], used_b: set[int], pairs: list, similarity: Similarity
) -> None:
    """Match a leftover word against two adjacent leftover words of the other side written together."""
    for one, two, used_one, used_two, flip in ((ta, tb, used_a, used_b, False), (tb, ta, used_b, used_a, True)):
        for i, word in enumerate(one):
            if i in used_one or len(word) < 5:
                continue
            for j in range(len(two) - 1):
                if j in used_two or j + 1 in used_two:
                    continue
                joined = two[j] + two[j + 1]
                sim = similarity(joined, word) if flip else similarity(word, joined)
                if sim > 0:
                    used_one.add(i)
                    used_two.update((j, j + 1))
                    pairs.append(((j, j + 1), (i,), sim) if flip else ((i,), (j, j + 1), sim))
                    break


def _words(tokens: tuple[str, ...], idx: Iterable[int]) -> str:
    return " ".join(tokens[i] for i in idx)


@lru_cache(maxsize=1 << 16)
def loose_similarity(a: str, b: str) -> float:
    """A weaker agreement for a word left over once the rest of two names agrees: the same consonants in the
    same order (Arabic vowels are not written: "Hamadah" / "Hmadeh"), or sounds at least 70% alike."""
    sa, sb = sound(a), sound(b)
    if sa[:1] != sb[:1]:
        return 0.0
    ca, cb = _VOWELS.sub("", sa), _VOWELS.sub("", sb)
    if ca == cb and len(ca) >= 2:
        return LOOSE_MATCH
    ratio = Levenshtein.normalized_similarity(sa, sb)
    return LOOSE_MATCH * ratio if ratio >= 0.7 else 0.0


def _compare_person(
    ta: tuple[str, ...],
    tb: tuple[str, ...],
    similarity: Similarity = token_similarity,
    loosely: Similarity = loose_similarity,
) -> Verdict:
    """Two readings of person names, word by word; `loosely` compares a leftover word once the rest agrees."""
    al = align(ta, tb, similarity)
    pairs = [p for p in al.pairs if not _is_initial_pair(ta, tb, p)]
    if not pairs:
        return NO_MATCH
    pairs += [p for p in al.pairs if _is_initial_pair(ta, tb, p)]
    left_a = [i for i in al.left_a if len(ta[i]) > 1]
    left_b = [j for j in al.left_b if len(tb[j]) > 1]
    # a word left on both sides may still be the same word spelled loosely: the family name (last word), or
    # any word once two others agree strictly. Given names are never matched loosely (siblings share the rest).
    if left_a and left_b:
        last_a, last_b = _last_strong(ta), _last_strong(tb)
        strict = len(pairs)
        loose = sorted(
            (-loosely(ta[i], tb[j]), i, j)
            for i in left_a
            for j in left_b
            if strict >= 2 or (i == last_a and j == last_b)
        )
        for neg, i, j in loose:
            if neg < 0 and i in left_a and j in left_b:
                pairs.append(((i,), (j,), -neg))
                left_a.remove(i)
                left_b.remove(j)
    if left_a and left_b:
        return Verdict(0.0, True, False, f"different name parts: {_words(ta, left_a)!r} / {_words(tb, left_b)!r}")
    initials_a = {ta[i] for i in al.left_a if len(ta[i]) == 1}
    initials_b = {tb[j] for j in al.left_b if len(tb[j]) == 1}
    if initials_a and initials_b and not initials_a & initials_b:
        return Verdict(0.0, True, False, f"different initials: {sorted(initials_a)} / {sorted(initials_b)}")
    # a one-word name must meet the family name (the last word) of a longer name
    n_strong_a = sum(len(t) > 1 for t in ta)
    n_strong_b = sum(len(t) > 1 for t in tb)
    if min(n_strong_a, n_strong_b) == 1 and max(n_strong_a, n_strong_b) > 1:
        side, last = (1, _last_strong(tb)) if n_strong_a == 1 else (0, _last_strong(ta))
        if not any(last in pair[side] for pair in pairs):
            return Verdict(0.0, False, False, "a one-word name meets only a given name")
    sims = [sim for _, _, sim in pairs]
    mean = sum(sims) / len(sims)
    full = not left_a and not left_b and not (al.left_a and al.left_b)
    longer, side = (tb, 1) if len(tb) >= len(ta) else (ta, 0)
    covered = sum(len(pair[side]) for pair in pairs) / len(longer)
    score = mean if not al.left_a and not al.left_b else mean * (0.75 + 0.2 * covered)
    return Verdict(score, False, full, "same name" if full else "shorter form of the name")


def _is_initial_pair(ta: tuple[str, ...], tb: tuple[str, ...], pair: tuple) -> bool:
    ua, ub, _ = pair  # a joined unit is never an initial
    return (len(ua) == 1 and len(ta[ua[0]]) == 1) or (len(ub) == 1 and len(tb[ub[0]]) == 1)


@lru_cache(maxsize=1 << 16)
def _last_strong(tokens: tuple[str, ...]) -> int:
    return max((i for i, t in enumerate(tokens) if len(t) > 1), default=len(tokens) - 1)


def _compare_set(a: Name, b: Name) -> Verdict:
    """Organisation and place names: order-free token agreement with a distinctive shared word."""
    if a.is_acronym != b.is_acronym:
        acronym, full_name = (a, b) if a.is_acronym else (b, a)
        letters = "".join(acronym.tokens)
        if len(full_name.tokens) >= 2 and letters == full_name.initials:
            return Verdict(0.9, False, True, f"acronym of {full_name.text!r}")
        if full_name.tokens == (letters,):  # "AT&T Inc" / "AT & T": the letters with a legal form
            return Verdict(1.0, False, True, "same acronym")
        if [t for t in full_name.tokens if not is_generic(t)] == [letters]:  # "VTB Bank" / "VTB"
            return Verdict(0.9, False, False, "the acronym with generic words")
        return NO_MATCH
    if a.is_acronym and b.is_acronym:
        same = "".join(a.tokens) == "".join(b.tokens)
        return Verdict(1.0, False, True, "same acronym") if same else Verdict(0.0, True, False, "different acronyms")
    if a.kind == ORG and (partnership := _partnership_of(a, b) or _partnership_of(b, a)):
        return Verdict(0.0, True, False, f"a partnership is not one of its partners: {partnership!r}")
    similarity = _similarity_for(a, b)
    verdicts = [_compare_tokens(a, ra, rb, similarity) for ra in a.readings for rb in b.readings]
    return max(verdicts, key=lambda v: (v.score, not v.conflict))


def _initials_of_the_rest(
    ta: tuple[str, ...], left_a: tuple[int, ...], tb: tuple[str, ...], left_b: tuple[int, ...]
) -> bool:
    """ "Zaporozhye NPP" / "Zaporozhye Nuclear Power Plant": the words left on one side are one word, the
    initials of the words left on the other, in order."""
    for one, rest in (
        ([ta[i] for i in left_a], [tb[j] for j in left_b]),
        ([tb[j] for j in left_b], [ta[i] for i in left_a]),
    ):
        if len(one) == 1 and len(rest) >= 2 and one[0] == "".join(w[0] for w in rest):
            return True
    return False


_PARTNERS = re.compile(r"(\w+)\s*(?:&|\band\b|\+)\s*(\w+)", re.I)


def _partnership_of(long: Name, short: Name) -> str | None:
    """`long`'s text when it joins two partners' names with "&" or "and" ("Smith & Jones"; not generic words,
    as in "Trading and Contracting") and `short` lacks one of them ("Smith"): a firm of one name is not the
    partnership that holds that name."""
    if len(short.tokens) >= len(long.tokens):
        return None
    for match in _PARTNERS.finditer(long.text):
        partners = [parse(word, ORG).tokens for word in match.groups()]
        named = all(len(p) == 1 and not is_generic(p[0]) for p in partners)
        if named and not all(p[0] in short.tokens for p in partners) and set(short.tokens) <= set(long.tokens):
            return long.text
    return None


def _compare_tokens(a: Name, ta: tuple[str, ...], tb: tuple[str, ...], similarity: Similarity) -> Verdict:
    al = align(ta, tb, similarity)
    if not al.pairs:
        if a.kind != ORG:
            sim = similarity("".join(ta), "".join(tb))
            if sim > 0:
                return Verdict(sim, False, True, "same name written together")
        return NO_MATCH
    if any(s <= INITIAL_MATCH for _, _, s in al.pairs):
        if a.kind == ORG and len(ta) == len(tb) == 1 and _same_consonants(ta[0], tb[0]):
            return Verdict(VOWELS_ONLY, False, True, "the same consonants: transliterations differ in their vowels")
        if _initials_stand_for_words(ta, tb, al):
            mean = sum(s for _, _, s in al.pairs) / len(al.pairs)
            return Verdict(mean, False, True, "an initial for a word, the other words the same")
        return NO_MATCH
    sims = [s for _, _, s in al.pairs]
    mean = sum(sims) / len(sims)
    if not al.left_a and not al.left_b:
        return Verdict(mean, False, True, "same words")
    if al.left_a and al.left_b:
        if a.kind == ORG and _initials_of_the_rest(ta, al.left_a, tb, al.left_b):
            return Verdict(mean * 0.95, False, True, "the same name with its last words as initials")
        return Verdict(0.0, True, False, f"different words: {_words(ta, al.left_a)!r} / {_words(tb, al.left_b)!r}")
    shared = [ta[i] for ua, _, _ in al.pairs for i in ua]
    if all(is_generic(t) for t in shared):
        return NO_MATCH
    longer, left = (ta, al.left_a) if al.left_a else (tb, al.left_b)
    if a.kind == ORG and len(longer) - 1 in left and longer[-1] in _SUBSIDIARY_HEADS:
        return Verdict(0.0, True, False, f"another organisation: the longer name is headed by {longer[-1]!r}")
    covered = len(shared) / max(len(ta), len(tb))
    return Verdict(mean * (0.75 + 0.2 * covered), False, False, "shorter form of the name")


#: Compared with the stemmed words of a parsed name ("Systems" is parsed "system").
_SUBSIDIARY_HEADS = frozenset(stem(word) for word in data.words("subsidiary_heads"))


def _initials_stand_for_words(ta: tuple[str, ...], tb: tuple[str, ...], al) -> bool:
    """ "N. Korea" / "North Korea": word for word, each initial against a word it begins, and at least one
    distinctive word the same on both sides."""
    if len(ta) != len(tb) or al.left_a or al.left_b:
        return False
    initial = [(ta[i], tb[j]) for (i,), (j,), s in al.pairs if s <= INITIAL_MATCH]
    if not all(min(len(x), len(y)) == 1 and x[0] == y[0] for x, y in initial):
        return False
    return any(s > INITIAL_MATCH and not is_generic(ta[i]) for (i,), _, s in al.pairs)


def _same_consonants(a: str, b: str) -> bool:
    """One word written with other vowels ("Hizballah" / "Hezbollah"): Arabic and Persian write few vowels, so
    romanisations differ in them. Needs three consonants and the same first letter."""
    ka, kb = skeleton(a), skeleton(b)
    return ka == kb and len(ka) >= 3 and a[:1] == b[:1]


def _compare_family_name(one_word: Name, full: Name) -> Verdict:
    """A one-word person name against a longer one: it can only be the family name (the last word), and a last
    word after bin / ibn is a father's name ("Salman" is not "Mohammed bin Salman")."""
    if full.patronymic:
        return Verdict(0.0, False, False, "the last word of the longer name is a father's name (bin, ibn ...)")
    if contradicted := _initials_against_given_names(one_word, full):
        return Verdict(0.0, True, False, f"the initial {contradicted.upper()}. is not a given name of {full.text!r}")
    best = NO_MATCH
    similarity = _similarity_for(one_word, full)
    for ra in one_word.readings:
        strong = [t for t in ra if len(t) > 1]
        if len(strong) != 1:  # "Smith-Jones" read as two words is not a one-word name
            continue
        word = strong[0]
        for rb in full.readings:
            last = rb[_last_strong(rb)]
            sim = similarity(word, last) or (loose_similarity(word, last) if similarity is token_similarity else 0.0)
            score = sim * (0.75 + 0.2 / len(rb))
            if score > best.score:
                best = Verdict(score, False, False, "the family name of the longer name")
    if best is NO_MATCH:
        return Verdict(0.0, False, False, "a one-word name must be the family name of the longer one")
    return best


def _initials_against_given_names(one_word: Name, full: Name) -> str:
    """An initial of the short name ("J. Smith") that begins no word of the longer name ("Peter Smith"), or "":
    the initial names another given name. (Every word counts, so family-name-first order does not matter.)"""
    starts = {t[0] for t in full.tokens}
    return next((t for t in one_word.tokens if len(t) == 1 and t not in starts), "")


def _arabic_then_latin(a: str, b: str) -> float:
    return arabic.similarity(a, b)


def _latin_then_arabic(a: str, b: str) -> float:
    return arabic.similarity(b, a)


def _similarity_for(a: Name, b: Name) -> Similarity:
    """How the words of `a` and `b` are compared: as Latin words; as an Arabic name's reading against Latin
    spellings when one of the two is written in Arabic script; or, for a name written in Hangul or katakana
    against a Latin one, through the spellings of its words (`_transcribed_against_latin`)."""
    if a.arabic != b.arabic:
        return _arabic_then_latin if a.arabic else _latin_then_arabic
    transcribed_a, transcribed_b = a.hangul or a.loanword, b.hangul or b.loanword
    if transcribed_a != transcribed_b and not (a.cjk if transcribed_b else b.cjk):
        return _transcribed_against_latin(a if transcribed_a else b, flip=transcribed_b)
    return token_similarity


@lru_cache(maxsize=1 << 10)
def _transcribed_against_latin(name: Name, *, flip: bool) -> Similarity:
    """Words of a Hangul or katakana name's reading against Latin words: a match when the Latin word spells
    the word in a usual romanisation of Korean ("이" / "Lee", "박" / "Park": `hangul.spellings`) or, for a
    foreign name, as a transcription of its consonants ("트럼프" / "Trump", "プーチン" / "Putin": `loanwords`);
    otherwise none (a Latin word one letter from the reading may be another syllable: "Geun-hee" is not 근혜).
    Words of the name that are not in the script are compared as Latin words."""
    spelled = hangul.spellings(name.text, person=name.kind == PERSON) if name.hangul else {}
    transcribed = loanwords.transcriptions(name)

    def similarity(read: str, latin: str) -> float:
        pattern, syllables = spelled.get(read), transcribed.get(read)
        if pattern is None and syllables is None:
            return token_similarity(read, latin)
        sim = hangul.HANGUL_MATCH if pattern is not None and pattern.fullmatch(latin) else 0.0
        if syllables is not None:
            sim = max(sim, loanwords.similarity(syllables, latin))
        return max(sim, token_similarity(read, latin)) if sim else 0.0

    return (lambda latin, read: similarity(read, latin)) if flip else similarity


def _syllable_by_syllable(a: Name, b: Name, similarity: Similarity) -> Similarity:
    """`similarity`, except that two words each written syllable by syllable, with as many syllables, agree
    only when every syllable agrees (`_same_syllable`: "Jong-un" / "Jong-in" do not, "Jong-un" / "Jeong-eun"
    do). Each syllable is short, so a letter more or less is another name, which the budget of the whole word
    would forgive."""
    parts_a = {"".join(parts): parts for parts in a.syllables}
    parts_b = {"".join(parts): parts for parts in b.syllables}

    def compared(x: str, y: str) -> float:
        px, py = parts_a.get(x), parts_b.get(y)
        if px and py and len(px) == len(py) and not all(map(_same_syllable, px, py)):
            return 0.0
        return similarity(x, y)

    return compared


def _same_syllable(a: str, b: str) -> bool:
    """Two syllables of a romanised name agree by sound, or as spellings of one Hangul syllable ("Seok" / "Suk",
    "Hui" / "Hee")."""
    return token_similarity(a, b) > 0 or hangul.same_syllable(a, b)


def compare(a: Name, b: Name) -> Verdict:
    """Compare two names of the same kind. Symmetric up to the wording of `reason`."""
    if a.kind != b.kind:
        return NO_MATCH
    if (settled := settled_before_words(a, b)) is not None:
        return settled
    if a.kind != PERSON:
        return _compare_set(a, b)
    short_a, short_b = len(a.strong) <= 1, len(b.strong) <= 1
    if short_a != short_b and a.strong and b.strong:
        return _compare_family_name(a, b) if short_a else _compare_family_name(b, a)
    similarity = _similarity_for(a, b)
    loosely = loose_similarity if similarity is token_similarity else similarity
    if a.syllables and b.syllables and a.hangul == b.hangul:  # a Hangul name is compared through its spellings
        similarity, loosely = _syllable_by_syllable(a, b, similarity), _syllable_by_syllable(a, b, loosely)
    best: Verdict | None = None
    for ra in a.readings:
        for rb in b.readings:
            verdict = _compare_person(ra, rb, similarity, loosely)
            if best is None or (verdict.score, not verdict.conflict) > (best.score, not best.conflict):
                best = verdict
    return best or NO_MATCH
