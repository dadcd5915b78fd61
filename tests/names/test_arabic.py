import pytest

from entnorm.names.arabic import ARABIC_MATCH, consonant_keys, is_arabic, reading, similarity
from entnorm.names.phonetic import consonants


@pytest.mark.parametrize(
    "text, expected",
    [
        ("محمد بن سلمان", "mhmd bin slman"),  # short vowels unwritten, bin a link word
        ("بشار الأسد", "bshar al-asd"),  # the article, a hamza seat starting a word
        ("عبدالله", "abd al-lh"),  # abd + the article written together is two words
        ("محمود", "mhmud"),  # waw between consonants: the long vowel u
        ("وليد", "wlid"),  # waw starting a word: the consonant w
        ("مروان", "mrwan"),  # waw before a long a: a consonant
        ("فاطمة", "fatma"),  # ta marbuta
        ("الشرع", "al-shra"),  # a final ayn is written as a vowel
        ("مُحَمَّد", "mhmd"),  # vowel marks and shadda are dropped
    ],
)
def test_reading_keeps_consonants_and_long_vowels(text, expected):
    assert reading(text) == expected


def test_is_arabic():
    assert is_arabic("أحمد") and is_arabic("Ahmad أحمد")
    assert not is_arabic("Ahmad") and not is_arabic("Сергей")


@pytest.mark.parametrize(
    "read, latin",
    [
        ("mhmd", "mohammed"),
        ("mhmd", "muhammad"),
        ("mhmud", "mahmoud"),
        ("hsin", "hussein"),
        ("amr", "omar"),  # a seat starting a word is any vowel
        ("abrahim", "ebrahim"),
        ("yusf", "youssef"),  # doubled letters are not written in Arabic
        ("fatma", "fatimah"),
        ("khald", "khalid"),
        ("shra", "sharaa"),
        ("yasmin", "yasmine"),  # a silent e after a final consonant, as French writes it
        ("jmal", "gamal"),  # ج as Egypt writes it
    ],
)
def test_a_latin_spelling_of_the_reading_matches(read, latin):
    assert similarity(read, latin) == ARABIC_MATCH


@pytest.mark.parametrize(
    "read, latin",
    [
        ("mhmud", "mohammed"),  # the script writes a long u that the Latin word lacks
        ("hsin", "hassan"),  # and a long i
        ("asa", "issa"),  # one consonant says too little
        ("mhmd", "ahmad"),
    ],
)
def test_other_words_do_not(read, latin):
    assert similarity(read, latin) == 0.0


def test_the_same_letters_are_the_same_word():
    assert similarity("issa", "issa") == 1.0


def test_consonant_keys_are_the_reading_then_one_letter_at_a_time_spelled_otherwise():
    keys = consonant_keys(reading("جمال"))
    assert keys[0] == consonants("jamal") and consonants("gamal") in keys
    assert consonants("osman") in consonant_keys(reading("عثمان"))
    assert consonant_keys("mrm") == ("mrm",)  # no letter with another spelling
