import pytest

from entnorm.names.gazetteer import default_gazetteer


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Kiev", 703448),
        ("Kyiv", 703448),
        ("Türkiye", 298795),
        ("Turkey", 298795),
        ("Syria", 163843),
        ("the Syrian Arab Republic", 163843),
        ("US", 6252001),
        ("USA", 6252001),
        ("UK", 2635167),
        ("Khur Ramabad", 127349),
        ("Sweida province", 172408),
    ],
)
def test_lookup(name, geonameid):
    assert default_gazetteer().lookup(name).geonameid == geonameid


@pytest.mark.parametrize("name", ["Golan Heights", "Twitter Email Copy", "AI", "OSINT", ""])
def test_unknown_names(name):
    assert default_gazetteer().lookup(name) is None


def test_a_name_in_arabic_script_of_three_letters_must_spell_the_place():
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("دمشق").name == "Damascus"  # found by its letters
    assert gazetteer.lookup("حمص").name == "Homs"  # three letters that spell Homs
    assert gazetteer.lookup("سعيد") is None  # Saeed: three letters that Sydney's alternate names hold


def test_countries_win_over_cities_of_the_same_name():
    assert default_gazetteer().lookup("Georgia").feature == "country"


def test_the_built_index_is_cached_and_reused(tmp_path, monkeypatch):
    from entnorm.names.gazetteer import Gazetteer

    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "c"))
    built = Gazetteer()
    (cached,) = (tmp_path / "c").glob("gazetteer-*.pickle")
    assert Gazetteer().lookup("Kiev") == built.lookup("Kiev")
    cached.write_bytes(b"garbage")
    assert Gazetteer().lookup("Kyiv").geonameid == 703448  # a broken cache is rebuilt


def test_an_index_pickled_by_another_layout_is_rebuilt(tmp_path, monkeypatch):
    import pickle

    from entnorm.names.gazetteer import Gazetteer

    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "c"))
    Gazetteer()
    (cached,) = (tmp_path / "c").glob("gazetteer-*.pickle")
    # a pickle naming a module that no longer exists (as after a module moves)
    cached.write_bytes(pickle.dumps(1).replace(b"K\x01", b"cno_such_module\nPlace\n"))
    assert Gazetteer().lookup("Kyiv").geonameid == 703448
