import pytest

from entnorm.names.wade_giles import is_syllable, pinyin_reading, to_pinyin


@pytest.mark.parametrize(
    "wade_giles, pinyin",
    [
        ("hsi", "xi"),
        ("tse", "ze"),
        ("tung", "dong"),
        ("chih", "zhi"),
        ("chin", "jin"),
        ("chou", "zhou"),
        ("hsieh", "xie"),
        ("lien", "lian"),
        ("kuei", "gui"),
        ("jih", "ri"),
        ("tzu", "zi"),
        ("ssu", "si"),
        ("ko", "ge"),
        ("yung", "yong"),
    ],
)
def test_syllables(wade_giles, pinyin):
    assert to_pinyin(wade_giles) == pinyin


def test_a_name_is_rewritten_word_by_word():
    assert pinyin_reading([("mao",), ("tse", "tung")]) == ("mao", "zedong")
    assert pinyin_reading([("teng",), ("hsiao", "ping")]) == ("deng", "xiaobing")  # aspiration is not written


def test_a_name_without_a_spelling_only_wade_giles_has_is_left_alone():
    assert pinyin_reading([("li",), ("peng",)]) is None  # may well be pinyin
    assert pinyin_reading([("kim",), ("jong", "un")]) is None  # "kim" is no Mandarin syllable
    assert pinyin_reading([("chiang",), ("kai", "shek")]) is None  # "shek" is Cantonese
    assert pinyin_reading([]) is None


def test_is_syllable():
    assert is_syllable("hsiao") and is_syllable("chuang") and not is_syllable("smith")
