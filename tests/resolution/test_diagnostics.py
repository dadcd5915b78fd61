import pytest

from entnorm.aliasfile.read import AliasTable
from entnorm.resolution.diagnostics import explain, near_misses
from entnorm.resolution.entities import build_entities
from entnorm.resolution.resolver import Resolver

from ..conftest import mention as M


def analysed(mentions, keep=True):
    resolver = Resolver(AliasTable())
    analysis = resolver.analyse(mentions, keep_comparisons=keep)
    return resolver, analysis, build_entities(analysis, AliasTable())


def test_explain_lists_matches_then_conflicts_then_near_misses():
    mentions = [M("Bashar al-Assad"), M("Hafez al-Assad"), M("Asaad al-Shaibani"), M("Assad")]
    resolver, analysis, resolution = analysed(mentions)
    why = explain(resolver, analysis, resolution, 3)
    assert why.entity.canonical == "Bashar al-Assad"
    assert [(c.text, c.outcome) for c in why.candidates] == [
        ("Bashar al-Assad", "match"),
        ("Hafez al-Assad", "match"),
        ("Asaad al-Shaibani", "no match"),
    ]


def test_near_misses_are_matching_names_kept_apart():
    mentions = [M("Khawa Panga Mandro", doc="a"), M("Kawa Panga", doc="b"), M("Kawa Mandro", doc="c")]
    _, analysis, resolution = analysed(mentions)
    pairs = [
        (resolution.entities[a].canonical, resolution.entities[b].canonical)
        for a, b, _ in near_misses(analysis, resolution)
    ]
    assert pairs == [("Khawa Panga Mandro", "Kawa Panga")]


def test_diagnostics_need_the_comparisons():
    resolver, analysis, resolution = analysed([M("A B")], keep=False)
    with pytest.raises(ValueError, match="keep_comparisons"):
        near_misses(analysis, resolution)
    with pytest.raises(ValueError, match="keep_comparisons"):
        explain(resolver, analysis, resolution, 0)
