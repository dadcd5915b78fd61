from entnorm.names.gazetteer import default_gazetteer
from entnorm.names.parse import parse
from entnorm.resolution.across_labels import places_labelled_as_organisations
from entnorm.resolution.blocking import blocking_keys
from entnorm.resolution.resolver import Resolver
from entnorm.resolution.surfaces import Surface, Tally

from ..conftest import mention as M


def surface(text, label, doc="a"):
    kind = "place" if label == "GPE" else "org"
    return Surface(text.lower(), Tally(text), Tally(label), Tally(doc), label=label, name=parse(text, kind))


def test_an_organisation_spelling_that_writes_a_place_takes_its_label():
    surfaces = [surface("North Korea", "GPE"), surface("NKorea", "ORG"), surface("Kremlin", "ORG")]
    as_organisation = surfaces[1].blocking = blocking_keys(surfaces[1])  # kept, as the alias index's reach keeps them
    assert places_labelled_as_organisations(surfaces, default_gazetteer()) == 1
    assert [s.label for s in surfaces] == ["GPE", "GPE", "ORG"]
    assert surfaces[1].name.kind == "place"
    assert blocking_keys(surfaces[1]) != as_organisation  # keyed again as the place it now is
    assert blocking_keys(surfaces[1]) == blocking_keys(
        Surface("nkorea", name=surfaces[1].name, place=surfaces[1].place)
    )


def test_what_does_not_move():
    surfaces = [
        surface("Hama", "GPE"),
        surface("Hamas", "ORG"),  # one word: only the gazetteer's major places move it
        surface("North Korea", "GPE"),
        surface("N. Korea Ministry", "ORG"),  # organisation evidence
        surface("NKorea", "ORG", doc=None),  # a list given to resolve keeps its labels
    ]
    assert places_labelled_as_organisations(surfaces, default_gazetteer()) == 0


def test_the_resolver_joins_them_as_one_place():
    mentions = [M("North Korea", "GPE", doc="a"), M("North Korea", "GPE", doc="b"), M("NKorea", "ORG", doc="b")]
    resolution = Resolver().resolve(mentions)
    assert len(set(resolution.entity_of)) == 1 and resolution.entities[0].label == "GPE"
