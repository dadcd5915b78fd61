import pytest

from entnorm.labels import PERSON, PLACE
from entnorm.names.compare import compare
from entnorm.names.hangul import is_foreign_name, transcriptions
from entnorm.names.loanwords import (
    LOANWORD_MATCH,
    is_katakana,
    katakana_reading,
    katakana_syllables,
    keys,
    latin_key,
    similarity,
)
from entnorm.names.parse import parse


def test_katakana_is_read_in_hepburn_word_by_word():
    assert katakana_reading("ウラジーミル・プーチン") == "Urajimiru Puchin"  # the long-vowel mark adds nothing
    assert katakana_reading("ジョー・バイデン") == "Jo Baiden"  # a small kana is read with the one before it
    assert [s.onset for s in katakana_syllables("マッチ")] == ["m", "ch"]  # a small ッ doubles, adds nothing


def test_is_katakana():
    assert is_katakana("ウラジーミル・プーチン") and not is_katakana("東京") and not is_katakana("Putin")


@pytest.mark.parametrize(
    "kana, latin",
    [
        ("プーチン", "putin"),
        ("トランプ", "trump"),
        ("メルケル", "merkel"),
        ("ウラジーミル", "vladimir"),
        ("キーウ", "kyiv"),
    ],
)
def test_a_transcription_spells_the_latin_consonants(kana, latin):
    assert similarity(tuple(katakana_syllables(kana)), latin) == LOANWORD_MATCH


@pytest.mark.parametrize("kana, latin", [("プーチン", "pushkin"), ("トランプ", "tusk"), ("メルケル", "macron")])
def test_other_consonants_are_another_name(kana, latin):
    assert similarity(tuple(katakana_syllables(kana)), latin) == 0.0


def test_one_consonant_says_too_little():
    assert similarity(tuple(katakana_syllables("キー")), "key") == 0.0


def test_a_hangul_transcription_drops_the_vowels_korean_adds():
    transcribed = transcriptions("블라디미르 푸틴", person=True)
    assert [similarity(s, w) for s, w in zip(transcribed.values(), ["vladimir", "putin"], strict=True)] == [
        LOANWORD_MATCH,
        LOANWORD_MATCH,
    ]


def test_blocking_keys_agree_on_both_sides():
    assert latin_key("vladimir") in keys(tuple(katakana_syllables("ウラジーミル")))
    assert keys(tuple(katakana_syllables("トランプ"))) == (latin_key("trump"),)
    assert latin_key("zelenskyy") == latin_key("zelensky") == "trntk"


def test_a_hangul_name_is_foreign_by_its_syllables():
    assert is_foreign_name("도널드 트럼프") and is_foreign_name("블라디미르 푸틴") and is_foreign_name("버락 오바마")
    assert not is_foreign_name("김정은") and not is_foreign_name("김 정은") and not is_foreign_name("남궁 민수")


@pytest.mark.parametrize(
    "a, b, kind",
    [
        ("ウラジーミル・プーチン", "Vladimir Putin", PERSON),
        ("ドナルド・トランプ", "Donald Trump", PERSON),
        ("도널드 트럼프", "Donald Trump", PERSON),
        ("ゼレンスキー", "Volodymyr Zelensky", PERSON),  # a family name alone
        ("런던", "London", PLACE),  # a Hangul place is tried as a transcription too
    ],
)
def test_transcribed_names_meet_their_latin_spelling(a, b, kind):
    verdict = compare(parse(a, kind), parse(b, kind))
    assert verdict.score > 0 and not verdict.conflict


@pytest.mark.parametrize(
    "a, b", [("ドナルド・トランプ", "Donald Tusk"), ("도널드 트럼프", "Donald Tusk"), ("김정은", "Kim Jong-nam")]
)
def test_transcribed_names_keep_apart_from_other_names(a, b):
    assert compare(parse(a, PERSON), parse(b, PERSON)).score == 0
