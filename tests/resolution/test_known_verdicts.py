import marshal
from dataclasses import replace

import pytest

from entnorm.aliasfile.read import parse_aliases
from entnorm.names import compare as compare_module
from entnorm.names.parse import parse
from entnorm.names.verdict import Verdict
from entnorm.resolution import known_verdicts, resolver
from entnorm.resolution.known_verdicts import KnownVerdicts, documents_digest
from entnorm.resolution.resolver import Resolver

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
    cold = Resolver(keep_verdicts=True).resolve(MENTIONS)
    compared = len(comparisons)
    assert compared > 0
    warm = Resolver(keep_verdicts=True).resolve(MENTIONS)
    assert len(comparisons) == compared  # every verdict came from the kept file
    assert entities(warm) == entities(cold) == entities(Resolver().resolve(MENTIONS))


def test_without_keep_verdicts_nothing_is_read_or_written(comparisons, tmp_path):
    Resolver().resolve(MENTIONS)
    Resolver().resolve(MENTIONS)
    assert not (tmp_path / "cache" / "verdicts").exists()
    assert len(comparisons) == 2 * len(set(comparisons))


def test_other_documents_have_their_own_file(comparisons, tmp_path):
    Resolver(keep_verdicts=True).resolve(MENTIONS)
    compared = len(comparisons)
    elsewhere = [M(m.text, doc=f"other-{m.doc}") for m in MENTIONS]
    Resolver(keep_verdicts=True).resolve(elsewhere)
    assert len(comparisons) == 2 * compared
    assert len(list((tmp_path / "cache" / "verdicts").glob("*.marshal"))) == 2


def test_what_the_alias_file_decides_is_not_kept(comparisons):
    aliases = parse_aliases("PERSON:\n  Bashar al-Assad: []\n  Hafez al-Assad: []\n")
    Resolver(aliases, keep_verdicts=True).resolve(MENTIONS)
    assert ("Bashar al-Assad", "Hafez al-Assad") not in comparisons  # two entities of the file: not compared
    Resolver(keep_verdicts=True).resolve(MENTIONS)  # without the file, the pair is compared by name
    assert ("Bashar al-Assad", "Hafez al-Assad") in comparisons


def test_a_file_of_other_matching_code_or_damaged_is_not_used(comparisons, tmp_path):
    Resolver(keep_verdicts=True).resolve(MENTIONS)
    compared = len(comparisons)
    (path,) = (tmp_path / "cache" / "verdicts").glob("*.marshal")
    _, verdicts = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(("1:another-fingerprint", verdicts)))
    Resolver(keep_verdicts=True).resolve(MENTIONS)
    assert len(comparisons) == 2 * compared
    path.write_bytes(b"\x00not marshal")
    assert entities(Resolver(keep_verdicts=True).resolve(MENTIONS)) == entities(Resolver().resolve(MENTIONS))


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


def test_documents_digest_ignores_order_repeats_and_names_without_a_document():
    assert documents_digest(["b", "a", "a", None]) == documents_digest(["a", "b"]) != documents_digest(["a"])
