"""What tells two names apart before their words are compared: the script they are written in, their
qualifiers (generational suffixes, regnal numerals, numbers) and their middle initials.

These settle a pair outright: "Louis XIV" / "Louis XVI" and "George W. Bush" / "George H. W. Bush" share every
other word, and "李强" / "李克强" share syllables once transliterated, yet each pair is two people.
"""

from __future__ import annotations

from functools import lru_cache

from entnorm.labels import PERSON
from entnorm.names.parse import Name
from entnorm.names.verdict import Verdict


def _short(name: Name) -> bool:
    return len(name.strong) <= 1 if name.kind == PERSON else len(name.tokens) <= 1


def _middle_initials(name: Name) -> tuple[str, ...]:
    return tuple(t for t in name.tokens[1:-1] if len(t) == 1)


#: Slavic family names have a female and a male form: (female ending, male ending).
_GENDERED_ENDINGS = (
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("skaya", "sky"),
    ("skaya", "skiy"),
    ("skaja", "skij"),
    ("ska", "ski"),
)


def _female_and_male(a: Name, b: Name) -> bool:
    """Ivanova / Ivanov: a sister, a mother, a wife, not the same person."""
    if not a.strong or not b.strong:
        return False
    return _gendered_pair(a.strong[-1], b.strong[-1])


@lru_cache(maxsize=1 << 16)
def _gendered_pair(last_a: str, last_b: str) -> bool:
    for x, y in ((last_a, last_b), (last_b, last_a)):
        for female, male in _GENDERED_ENDINGS:
            if (
                x.endswith(female)
                and y.endswith(male)
                and x[: -len(female)] == y[: -len(male)]
                and len(y) > len(male) + 2
            ):
                return True
    return False


def settled_before_words(a: Name, b: Name) -> Verdict | None:
    """What settles a pair before its words are compared: names in CJK characters are one name only when
    written alike; qualifiers ("Jr.", "II", "11") must agree, unless the name without them is a short form;
    two sets of middle initials must agree ("George W." / "George H. W.")."""
    if a.cjk and b.cjk:
        if a.cjk == b.cjk:
            return Verdict(1.0, False, True, "same name")
        return Verdict(0.0, True, False, "different names in CJK characters")
    if a.qualifiers != b.qualifiers and not ((not a.qualifiers and _short(a)) or (not b.qualifiers and _short(b))):
        shown = " / ".join(" ".join(n.qualifiers) or "none" for n in (a, b))
        return Verdict(0.0, True, False, f"different suffixes or numbers ({shown})")
    if a.kind == PERSON:
        if _female_and_male(a, b):
            return Verdict(0.0, True, False, "female and male forms of one family name (-ova / -ov)")
        ia, ib = _middle_initials(a), _middle_initials(b)
        if ia and ib and ia != ib:
            return Verdict(0.0, True, False, f"different middle initials ({'.'.join(ia)}. / {'.'.join(ib)}.)")
    return None
