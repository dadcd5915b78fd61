import pytest

from entnorm.names.hangul import is_hangul, reading, same_syllable
from entnorm.names.parse import parse


def test_a_persons_name_is_family_name_then_hyphenated_given_name():
    assert reading("김정은", person=True) == "Kim Jeong-eun"  # a word's first ㄱ is k, as the news writes it
    assert reading("김 정은", person=True) == "Kim Jeong-eun"
    assert reading("박근혜", person=True) == "Bak Geun-hye"


def test_other_names_are_one_word():
    assert reading("평양", person=False) == "Pyeongyang"
    assert reading("서울", person=False) == "Seoul"


def test_is_hangul():
    assert is_hangul("김정은") and not is_hangul("習近平") and not is_hangul("Kim")


def test_parsed_hangul_keeps_its_characters_for_comparing_with_hangul():
    name = parse("김정은", "person")
    assert name.tokens == ("kim", "jeongeun") and name.cjk == "김정은"


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("seok", "suk", True),  # ㅓ is eo in the Revised Romanization, o or u elsewhere
        ("hui", "hee", True),  # ㅢ
        ("young", "yong", True),
        ("kim", "gim", True),  # ㄱ is g or k
        ("un", "in", False),
        ("yo", "yong", False),  # a final consonant more
        ("in", "an", False),
        ("jae-", "jae", False),  # not a syllable
    ],
)
def test_same_syllable(a, b, same):
    assert same_syllable(a, b) is same
