import marshal
from dataclasses import replace

import pytest

from entnorm.aliasfile.read import parse_aliases
from entnorm.labels import ORG, PERSON, PLACE
from entnorm.names import compare as compare_module
from entnorm.names.gazetteer import default_gazetteer
from entnorm.names.parse import parse
from entnorm.names.verdict import Verdict
from entnorm.resolution import known_verdicts, resolver
from entnorm.resolution.known_verdicts import KnownNames, KnownVerdicts
from entnorm.resolution.resolver import Resolver
from entnorm.resolution.surfaces import read_name

from ..conftest import mention as M

MENTIONS = [
    M("Sergei Lavrov", doc="a"),
    M("Sergey Lavrov", doc="b"),
    M("Lavrov", doc="b"),
    M("Bashar al-Assad", doc="a"),
    M("Hafez al-Assad", doc="b"),
]


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def comparisons(monkeypatch):
    """Counts the names the resolver compares."""
    calls = []

    def counted(a, b):
        calls.append((a.text, b.text))
        return compare_module.compare(a, b)

    monkeypatch.setattr(resolver, "compare", counted)
    return calls


def entities(resolution):
    return [resolution.entities[e].canonical for e in resolution.entity_of]


def test_a_re_run_on_the_same_documents_compares_nothing_again_and_resolves_the_same(comparisons):
    cold = Resolver(keep_last_run=True).resolve(MENTIONS)
    compared = len(comparisons)
    assert compared > 0
    warm = Resolver(keep_last_run=True).resolve(MENTIONS)
    assert len(comparisons) == compared  # every verdict came from the kept file
    assert entities(warm) == entities(cold) == entities(Resolver().resolve(MENTIONS))


def test_without_keep_last_run_nothing_is_read_or_written(comparisons, tmp_path):
    Resolver().resolve(MENTIONS)
    Resolver().resolve(MENTIONS)
    assert not (tmp_path / "cache" / "verdicts").exists()
    assert len(comparisons) == 2 * len(set(comparisons))


def test_other_documents_have_their_own_file(comparisons, tmp_path):
    Resolver(keep_last_run=True).resolve(MENTIONS)
    compared = len(comparisons)
    elsewhere = [M(m.text, doc=f"other-{m.doc}") for m in MENTIONS]
    Resolver(keep_last_run=True).resolve(elsewhere)
    assert len(comparisons) == 2 * compared
    assert len(list((tmp_path / "cache" / "verdicts").glob("*.marshal"))) == 2


def test_what_the_alias_file_decides_is_not_kept(comparisons):
    aliases = parse_aliases("PERSON:\n  Bashar al-Assad: []\n  Hafez al-Assad: []\n")
    Resolver(aliases, keep_last_run=True).resolve(MENTIONS)
    assert ("Bashar al-Assad", "Hafez al-Assad") not in comparisons  # two entities of the file: not compared
    Resolver(keep_last_run=True).resolve(MENTIONS)  # without the file, the pair is compared by name
    assert ("Bashar al-Assad", "Hafez al-Assad") in comparisons


def test_a_file_of_other_matching_code_or_damaged_is_not_used(comparisons, tmp_path):
    Resolver(keep_last_run=True).resolve(MENTIONS)
    compared = len(comparisons)
    (path,) = (tmp_path / "cache" / "verdicts").glob("*.marshal")
    _, verdicts = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(("1:another-fingerprint", verdicts)))
    Resolver(keep_last_run=True).resolve(MENTIONS)
    assert len(comparisons) == 2 * compared
    path.write_bytes(b"\x00not marshal")
    assert entities(Resolver(keep_last_run=True).resolve(MENTIONS)) == entities(Resolver().resolve(MENTIONS))


def test_get_gives_back_what_keep_recorded_and_save_writes_only_news(tmp_path):
    a, b = parse("Sergei Lavrov", "PERSON"), parse("Sergey Lavrov", "PERSON")
    known = KnownVerdicts.of_documents(["x"])
    assert known.get(known.pair(a, b)) is None
    known.keep(known.pair(a, b), Verdict(0.9, False, True, "same name"))
    known.save()
    again = KnownVerdicts.of_documents(["x"])
    assert again.get(again.pair(a, b)) == Verdict(0.9, False, True, "same name")
    assert again.get(again.pair(b, a)) is None  # kept in the order compared: the reason's wording depends on it
    assert again.pair(a, b) == KnownVerdicts().pair(replace(a), b)  # by content, not object
    again.keep(again.pair(a, b), Verdict(0.9, False, True, "same name"))
    path = again.path
    path.unlink()
    again.save()  # nothing new: not written
    assert not path.exists()


def test_only_the_newest_files_are_kept(monkeypatch, tmp_path):
    monkeypatch.setattr(known_verdicts, "KEEP", 2)
    a, b = parse("Sergei Lavrov", "PERSON"), parse("Sergey Lavrov", "PERSON")
    for doc in ["one", "two", "three"]:
        known = KnownVerdicts.of_documents([doc])
        known.keep(known.pair(a, b), Verdict(0.9, False, True, "same name"))
        known.save()
    assert len(list((tmp_path / "cache" / "verdicts").glob("*.marshal"))) == 2


@pytest.fixture
def readings(monkeypatch):
    """Counts the spellings the resolver reads and keys (`alias_index.prepare`)."""
    calls = []
    real = known_verdicts.prepare

    def counted(text, kind, gazetteer):
        calls.append(text)
        return real(text, kind, gazetteer)

    monkeypatch.setattr(known_verdicts, "prepare", counted)
    return calls


def test_a_re_run_reads_no_spelling_again_and_resolves_the_same(readings, tmp_path):
    cold = Resolver(keep_last_run=True).resolve(MENTIONS)
    assert sorted(readings) == sorted({m.text for m in MENTIONS})
    warm = Resolver(keep_last_run=True).resolve(MENTIONS)
    assert len(readings) == len(MENTIONS)  # every spelling came from the kept file
    assert entities(warm) == entities(cold) == entities(Resolver().resolve(MENTIONS))
    assert len(list((tmp_path / "cache" / "names").glob("*.marshal"))) == 1


def test_a_kept_spelling_is_the_spelling_read_afresh():
    gazetteer = default_gazetteer()
    for text, kind in [("Sergei Lavrov", PERSON), ("Bank of Kyiv", ORG), ("Kyiv", PLACE)]:
        known = KnownNames.of_documents(["x"], gazetteer)
        fresh = known.prepared(text, kind)
        known.save()
        kept = KnownNames.of_documents(["x"], gazetteer).prepared(text, kind)
        assert kept[0] == fresh[0] == read_name(text, kind, gazetteer)[0]
        assert kept[1] == fresh[1] == read_name(text, kind, gazetteer)[1]
        assert [sorted(keys) for keys in kept[2]] == [sorted(keys) for keys in fresh[2]]
    assert fresh[1] is not None  # Kyiv is placed


def test_only_this_runs_spellings_are_written_and_only_when_they_changed(readings, tmp_path):
    gazetteer = default_gazetteer()
    known = KnownNames.of_documents(["x"], gazetteer)
    known.prepared("Sergei Lavrov", PERSON)
    known.prepared("Hafez al-Assad", PERSON)
    known.save()
    again = KnownNames.of_documents(["x"], gazetteer)
    again.prepared("Sergei Lavrov", PERSON)
    path = again.path
    again.save()  # one of the two spellings was not read: the file holds this run's only
    _, kept = marshal.loads(path.read_bytes())
    assert list(kept) == [f"{PERSON}\0Sergei Lavrov"]
    last = KnownNames.of_documents(["x"], gazetteer)
    last.prepared("Sergei Lavrov", PERSON)
    path.unlink()
    last.save()  # nothing new: not written
    assert not path.exists()
    assert readings == ["Sergei Lavrov", "Hafez al-Assad"]
