import pytest

from entnorm.labels import PERSON
from entnorm.names.compare import compare
from entnorm.names.hebrew import as_arabic, is_hebrew
from entnorm.names.parse import parse


def test_hebrew_is_written_in_the_arabic_letters_of_its_sounds():
    assert as_arabic("ברק אובמה") == "برق اوڤمة"  # a later bet is v; a final he is a vowel
    assert as_arabic("פוטין") == "پوطين"  # a first pe is p
    assert as_arabic("גנץ") == "جنتز"  # tsadi is t and z
    assert as_arabic("ג׳ו") == as_arabic("ג'ו") == "جو"  # a geresh, or an apostrophe for it


def test_is_hebrew():
    assert is_hebrew("ברק") and not is_hebrew("باراك") and not is_hebrew("Barak")


@pytest.mark.parametrize(
    "a, b",
    [
        ("ברק אובמה", "Barack Obama"),
        ("יצחק רבין", "Yitzhak Rabin"),
        ("בנימין נתניהו", "Benjamin Netanyahu"),
        ("דונלד טראמפ", "Donald Trump"),  # alef for a foreign u
        ("בני גנץ", "Benny Gantz"),
    ],
)
def test_a_hebrew_name_meets_its_latin_spelling(a, b):
    verdict = compare(parse(a, PERSON), parse(b, PERSON))
    assert verdict.score > 0 and not verdict.conflict


@pytest.mark.parametrize("a, b", [("יצחק רבין", "Yitzhak Shamir"), ("בנימין נתניהו", "Benjamin Franklin")])
def test_a_hebrew_name_keeps_apart_from_another(a, b):
    assert compare(parse(a, PERSON), parse(b, PERSON)).score == 0
