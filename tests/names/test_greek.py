import pytest

from entnorm.names.greek import is_greek, reading


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Αντώνης Σαμαράς", "Andonis Samaras"),  # η is i; ντ between vowels is nd
        ("Ντόναλντ", "Donald"),  # ντ starting or ending a word, or after a consonant, is d
        ("Μαχμούντ", "Makhmoud"),  # χ is kh
        ("Μπαράκ Ομπάμα", "Barak Ombama"),  # μπ: b, mb
        ("Άνγκελα", "Angela"),  # γκ after a consonant: g
        ("Βλαντιμίρ Πούτιν", "Vlandimir Poutin"),  # β is v
    ],
)
def test_reading_is_modern_greek(text, expected):
    assert reading(text) == expected


def test_is_greek():
    assert is_greek("Αθήνα") and not is_greek("Athens") and not is_greek("Москва")
