import pytest

from entnorm.labels import ORG, PERSON, PLACE
from entnorm.names.parse import parse, roman_number, syllabic_words


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Asaad al-Shibani", ("asaad", "shibani")),
        ("Al Shabani", ("shabani",)),
        ("Bashar al-Assad", ("bashar", "assad")),
        ("'Abd Al-Rahim Ba'asyir", ("abdrahim", "baasyir")),
        ("Abdul Rahim Bashir", ("abdrahim", "bashir")),
        ("Abdullah", ("abdlah",)),
        ("Abdallah", ("abdlah",)),
        ("Yusif Abu-Talebi", ("yusif", "abutalebi")),
        ("Yousef Aboutalebi", ("yousef", "abutalebi")),
        ("Osama bin Muhammad bin Awad bin Ladin", ("osama", "muhammad", "awad", "ladin")),
        ("Raul Antonio De La Santisima Gorrin", ("raul", "antonio", "santisima", "gorrin")),
        ("Dr. Asef al-Shalish", ("asef", "shalish")),
        ("Sheikh Abdulkadir Mumin", ("abdkadir", "mumin")),
        ("Wail H.a. Jildan", ("wail", "h", "a", "jildan")),
        ("Kim Jong-un", ("kim", "jongun")),
        ("President", ("president",)),
    ],
)
def test_person_tokens(text, tokens):
    assert parse(text, PERSON).tokens == tokens


def test_person_readings_split_glued_article_and_hyphens():
    assert parse("Alshara", PERSON).readings == (("alshara",), ("shara",))
    assert parse("Garcia-Marquez", PERSON).readings == (("garciamarquez",), ("garcia", "marquez"))


def test_a_name_written_syllable_by_syllable_is_one_word_and_keeps_its_syllables():
    name = parse("Kim Jong-un", PERSON)
    assert name.readings == (("kim", "jongun"),)  # never "kim jong un", which would let "Kim Jong" in
    assert name.syllables == (("jong", "un"),)
    assert parse("Jean-Pierre Raffarin", PERSON).syllables == ()  # two capitalised names joined


def test_a_word_after_a_particle_is_also_read_written_together_with_it():
    assert parse("François Du Pont", PERSON).readings == (("francois", "pont"), ("francois", "dupont"))
    assert parse("Ursula von der Leyen", PERSON).readings[1] == ("ursula", "vonderleyen")
    assert parse("Mohammed bin Salman", PERSON).readings == (("mohammed", "salman"),)  # bin is no particle


def test_roman_number():
    assert [roman_number(w) for w in ("XIV", "III", "I", "XL")] == ["14", "3", "1", "40"]
    assert roman_number("IIX") is None and roman_number("LC") is None  # not as numerals are written
    assert parse("Louis XIV", PERSON).qualifiers == ("14",) and parse("Apex Fund III", ORG).tokens == ("apex", "fund")


def test_syllabic_words():
    assert syllabic_words("Park Geun-hye and Mao Tse-tung") == {"geunhye", "tsetung"}
    assert syllabic_words("Jean-Pierre al-Assad") == frozenset()


@pytest.mark.parametrize(
    "text, tokens, initials",
    [
        ("Public Joint Stock Company Sberbank of Russia", ("sberbank", "russia"), "sr"),
        ("the Russian Ministry of Defense", ("russian", "ministry", "defense"), "rmd"),
        ("Hayat Tahrir al-Sham", ("hayat", "tahrir", "sham"), "hts"),
        ("Cec Chemical Co., LTD.", ("cec", "chemical"), "cc"),
        ("Limited", ("limit",), "l"),
        ("Dandong Xianghe Trading Co., LTD.", ("dandong", "xianghe", "trad"), "dxt"),
    ],
)
def test_org_tokens(text, tokens, initials):
    name = parse(text, ORG)
    assert (name.tokens, name.initials) == (tokens, initials)


@pytest.mark.parametrize("text, acronym", [("HTS", True), ("U.S.", True), ("Hts", False), ("ABCDEFGH", False)])
def test_acronyms(text, acronym):
    assert parse(text, ORG).is_acronym is acronym


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Sweida province", ("sweida",)),
        ("Santa-Fe", ("santa", "fe")),
        ("the Syrian Arab Republic", ("syrian", "arab", "republic")),
        ("Province", ("province",)),
    ],
)
def test_place_tokens(text, tokens):
    assert parse(text, PLACE).tokens == tokens


@pytest.mark.parametrize(
    "text, tokens, initials",
    [
        ("Luganskaya Narodnaya Respublika", ("lugansk", "peoples", "republic"), "lnr"),  # initials as written
        ("Луганская Народная Республика", ("lugansk", "peoples", "republic"), "lnr"),
        ("Donetskaya oblast", ("donetskaya",), "d"),  # no polity word: left as it is
    ],
)
def test_a_state_name_in_russian_words_is_read_in_english(text, tokens, initials):
    name = parse(text, PLACE)
    assert (name.tokens, name.initials) == (tokens, initials)


def test_a_private_military_company_is_a_legal_form():
    assert parse("PMC Wagner", ORG).tokens == parse("Wagner PMC", ORG).tokens == ("wagner",)
