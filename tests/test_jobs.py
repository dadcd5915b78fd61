"""The jobs behind the commands, called as plain functions."""

import pytest

from entnorm.aliasfile.read import AliasTable, parse_aliases
from entnorm.errors import BadOption
from entnorm.jobs import explain_name, extract_files, jobs_for, labels_to_keep, suggest_changes
from entnorm.resolution.resolver import Resolver


@pytest.fixture
def analyses(monkeypatch):
    """Counts the resolver runs."""
    calls = []
    original = Resolver.analyse

    def counted(self, mentions, **kwargs):
        calls.append(len(mentions))
        return original(self, mentions, **kwargs)

    monkeypatch.setattr(Resolver, "analyse", counted)
    return calls


@pytest.fixture
def own_cache(monkeypatch, tmp_path):
    """A cache folder for this test alone: other tests' runs of the same texts leave nothing in it."""
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))


def test_extract_files_resolves_once(corpus, ruler_model, analyses):
    found = extract_files([corpus], aliases=AliasTable(), model=ruler_model, use_cache=False)
    assert len(found.files) == 2 and len(found.mentions) == 9 and analyses == [9]
    assert [e.canonical for e in found.resolution.entities][:2] == ["Sergei Lavrov", "Asaad al-Shibani"]


def test_a_re_run_reads_with_the_alias_names_only_the_texts_an_edit_touches(
    corpus, ruler_model, own_cache, monkeypatch
):
    from entnorm.extraction.alias_spans import AliasMatcher

    read = []
    original = AliasMatcher.spans
    monkeypatch.setattr(AliasMatcher, "spans", lambda self, text: read.append(text[:20]) or original(self, text))
    aliases = parse_aliases("PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n")
    first = extract_files([corpus], aliases=aliases, model=ruler_model)
    assert len(read) == 2
    read.clear()
    again = extract_files([corpus], aliases=aliases, model=ruler_model)
    assert read == [] and again.mentions == first.mentions
    edited = parse_aliases("PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\nGPE:\n  Kyiv: [Kiev]\n")
    after = extract_files([corpus], aliases=edited, model=ruler_model)
    assert read == ["Sergey Lavrov spoke "]  # b.txt alone holds "Kiev", the first word of a name the edit added
    monkeypatch.setattr(AliasMatcher, "spans", original)
    fresh = extract_files([corpus], aliases=edited, model=ruler_model, use_cache=False)
    assert after.mentions == fresh.mentions


def test_explain_runs_the_resolver_once(corpus, ruler_model, analyses):
    why = explain_name("Lavrov", label="PERSON", aliases=AliasTable(), paths=[corpus], model=ruler_model)
    assert analyses == [10]  # the 9 mentions of the corpus and the name asked about
    assert why.entity.canonical == "Sergei Lavrov"
    assert [(c.text, c.outcome) for c in why.candidates if c.outcome == "match"] == [
        ("Sergei Lavrov", "match"),
        ("Sergey Lavrov", "match"),
    ]


def test_explain_without_paths_compares_with_the_names_and_the_alias_file(write, analyses):
    write("names.txt", "Sergey Lavrov\nBashar al-Assad\n")
    table = parse_aliases("PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n")
    why = explain_name("Lavrov", label="PERSON", aliases=table, names_file="names.txt")
    assert analyses == [3]
    assert why.entity.canonical == "Sergei Lavrov"
    assert why.candidates[0].entity == "sergei-lavrov"


def test_suggest_runs_the_resolver_once(corpus, ruler_model, analyses, own_cache):
    found = suggest_changes([corpus], aliases=AliasTable(), model=ruler_model)
    assert analyses == [9]
    assert [(s.id, s.canonical, s.add) for s in found if s.kind == "merge"][:2] == [
        ("m1", "Sergei Lavrov", ("Lavrov", "Sergey Lavrov")),
        ("m2", "Asaad al-Shibani", ("Assad al-Sabani",)),
    ]


def test_suggest_again_takes_the_kept_list_and_its_warnings(corpus, write, ruler_model, analyses, own_cache):
    write("corpus/c.txt", "Sergei Lavrov met Lavrov.".encode("cp1252") + b" Caf\xe9.")
    first_said, again_said = [], []
    first = suggest_changes([corpus], aliases=AliasTable(), model=ruler_model, on_warning=first_said.append)
    again = suggest_changes([corpus], aliases=AliasTable(), model=ruler_model, on_warning=again_said.append)
    assert len(analyses) == 1  # the second run read the kept list
    assert again == first and again_said == first_said and "not valid UTF-8" in first_said[0]


def test_suggest_reads_the_texts_again_when_an_input_changed(corpus, write, ruler_model, analyses, own_cache):
    suggest_changes([corpus], aliases=AliasTable(), model=ruler_model)
    write("corpus/b.txt", "Assad al-Sabani spoke in Kiev.")
    changed = suggest_changes([corpus], aliases=AliasTable(), model=ruler_model)
    table = parse_aliases("PERSON:\n  Sergei Lavrov: [Sergey Lavrov, Lavrov]\n")
    listed = suggest_changes([corpus], aliases=table, model=ruler_model)
    assert len(analyses) == 3
    assert ("Sergei Lavrov", ("Lavrov",)) in [(s.canonical, s.add) for s in changed]  # no "Sergey" now
    assert "Sergei Lavrov" not in [s.canonical for s in listed]


def test_suggest_without_the_cache_keeps_nothing(corpus, ruler_model, analyses, own_cache):
    for _ in range(2):
        suggest_changes([corpus], aliases=AliasTable(), model=ruler_model, use_cache=False)
    assert len(analyses) == 2


def test_labels_to_keep():
    known = ("GPE", "ORG", "PERSON", "PRODUCT")
    assert labels_to_keep(None, known) == ["PERSON", "GPE", "ORG"]
    assert labels_to_keep(["PRODUCT"], known) == ["PRODUCT"]
    with pytest.raises(BadOption, match="unknown label PLANET; this model knows: GPE, ORG, PERSON, PRODUCT"):
        labels_to_keep(["PLANET"], known)
    with pytest.raises(BadOption) as info:
        labels_to_keep(None, ("PRODUCT",), labels_option=False)
    assert info.value.option == "--model" and info.value.exit_code == 2


def test_jobs_for():
    assert jobs_for(3, 1) == 3
    assert jobs_for(0, 49) == 1
    assert jobs_for(0, 50) >= 1
