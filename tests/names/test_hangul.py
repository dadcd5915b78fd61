import pytest

from entnorm.names.hangul import given_name_reading, is_hangul, latin_spellings, reading, same_syllable, spellings
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


def test_a_family_name_of_one_vowel_is_no_initial():
    assert reading("이재명", person=True) == "Yi Jae-myeong"
    assert reading("오", person=True) == "Oh"


def test_spellings_are_the_usual_romanisations_of_each_word():
    spelled = spellings("이재명", person=True)
    assert list(spelled) == ["yi", "jaemyeong"]
    assert all(spelled["yi"].fullmatch(w) for w in ("yi", "lee", "rhee", "i"))  # r, l: the initial-sound rule
    assert all(spelled["jaemyeong"].fullmatch(w) for w in ("jaemyung", "jaemyong", "chaemyong"))
    assert not spelled["jaemyeong"].fullmatch("jaeyong")
    assert spellings("박", person=True)["bak"].fullmatch("park")
    assert not spellings("박근혜", person=True)["geunhye"].fullmatch("geunhee")  # 혜 is not 희


def test_a_two_syllable_name_may_be_a_given_name_alone():
    assert given_name_reading("서연") == "Seo-yeon"
    assert given_name_reading("김정은") is None and given_name_reading("Kim") is None
    assert "seoyeon" in spellings("서연", person=True)


def test_latin_spellings_spell_out_one_syllable_words_only():
    spelled = latin_spellings("박근혜", person=True)
    assert list(spelled) == ["bak"] and {"park", "pak", "bak"} <= set(spelled["bak"])
