import pytest

from entnorm.extraction.cache import SpanCache
from entnorm.extraction.mentions import clean_spans, iter_mentions, mentions_from_clean
from entnorm.extraction.model import load_pipeline
from entnorm.extraction.recognisers import SpacyRecogniser
from entnorm.records import Document, Mention

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def mentions_from_spans(document, spans, labels):
    """Raw spans to mentions, as iter_mentions does without a cache."""
    return mentions_from_clean(document, clean_spans(document.text, spans), labels)


def test_spans_are_cleaned_and_filtered_by_label():
    doc = Document("d.txt", "the Kremlin's envoy met Steve Witkoff's team on 5 May.")
    spans = [(0, 13, "ORG"), (24, 39, "PERSON"), (48, 53, "DATE")]
    found = mentions_from_spans(doc, spans, LABELS)
    assert found.mentions == [
        Mention("d.txt", 4, 11, "Kremlin", "ORG"),
        Mention("d.txt", 24, 37, "Steve Witkoff", "PERSON"),
    ]
    assert found.acronyms == []


def test_acronym_defined_in_the_text_becomes_a_mention_and_a_link():
    text = "a coalition led by Hayat Tahrir al-Sham (HTS) late last year"
    start = text.index("Hayat")
    found = mentions_from_spans(Document("d", text), [(start, start + 20, "PERSON")], LABELS)
    assert [(m.text, m.label) for m in found.mentions] == [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG")]
    assert found.acronyms == [("Hayat Tahrir al-Sham", "HTS")]
    hts = found.mentions[1]
    assert text[hts.start : hts.end] == "HTS"


def test_several_acronyms_defined_at_once():
    text = "The Lugansk People's Republic (LPR, LNR, or LC) is"
    start = text.index("Lugansk")
    found = mentions_from_spans(Document("d", text), [(start, start + 25, "GPE")], LABELS)
    name = "Lugansk People's Republic"
    assert found.acronyms == [(name, "LPR"), (name, "LNR"), (name, "LC")]
    assert [(text[m.start : m.end], m.label) for m in found.mentions] == [
        (name, "GPE"),
        ("LPR", "GPE"),
        ("LNR", "GPE"),
        ("LC", "GPE"),
    ]


@pytest.mark.parametrize("after", [" (ap)", " (XYZ)", " [HTS]", "(HTS) "[1:], " (LPR, the LNR)", " (HTS, XYZ)"])
def test_not_an_acronym_definition(after):
    text = "Hayat Tahrir al-Sham" + after
    found = mentions_from_spans(Document("d", text), [(0, 20, "ORG")], LABELS)
    assert found.acronyms == []


def test_ruler_pipeline_streams_mentions(ruler_model):
    nlp = load_pipeline(ruler_model)
    docs = [Document("a", "Sergei Lavrov in Moscow."), Document("b", "Nothing here."), Document("c", "Kiev\n\nKremlin")]
    out = list(iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "GPE"]))
    assert [d.document.name for d in out] == ["a", "b", "c"]
    assert [[(m.text, m.label) for m in d.mentions] for d in out] == [
        [("Sergei Lavrov", "PERSON"), ("Moscow", "GPE")],
        [],
        [("Kiev", "GPE")],
    ]


def test_alias_names_are_found_with_their_label(ruler_model):
    nlp = load_pipeline(ruler_model)
    names = [
        ("Hayat Tahrir al-Sham", "ORG"),
        ("HTS", "ORG"),
        ("Sergei Lavrov", "PERSON"),
        ("Lavrov", "PERSON"),
        ("United States", "GPE"),
        ("US", "GPE"),
    ]
    docs = [Document("a", "HTS and hts met LAVROV, who spoke to us in the US. Kremlin sources said al Sham.")]
    (found,) = iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "ORG", "GPE"], alias_names=names)
    assert [(m.text, m.label) for m in found.mentions] == [
        ("HTS", "ORG"),
        ("LAVROV", "PERSON"),
        ("US", "GPE"),
        ("Kremlin", "ORG"),
    ]


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
    docs = [Document("a", "Sergei Lavrov in Moscow."), Document("b", "Kiev and Kyiv."), Document("c", "Nothing.")]
    with SpanCache(tmp_path / "c.sqlite") as cache:
        first = CountingPipeline(load_pipeline(ruler_model))
        cold = sorted(
            iter_mentions(SpacyRecogniser(first), docs, labels=["PERSON", "GPE"], cache=cache), key=lambda d: d.order
        )
        assert first.texts == 3
    with SpanCache(tmp_path / "c.sqlite") as cache:
        second = CountingPipeline(load_pipeline(ruler_model))
        warm = sorted(
            iter_mentions(
                SpacyRecogniser(second), [*docs, Document("d", "Moscow again.")], labels=["PERSON", "GPE"], cache=cache
            ),
            key=lambda d: d.order,
        )
        assert second.texts == 1  # only the new document went through the model
    assert [d.mentions for d in warm[:3]] == [d.mentions for d in cold]
    assert [d.order for d in warm] == [0, 1, 2, 3]


def test_chunks_cut_at_paragraphs_and_cover_the_text():
    from entnorm.extraction.mentions import chunks

    text = "One para.\n\nTwo para here.\n\nThree."
    pieces = chunks(text, size=20)
    assert "".join(p for _, p in pieces) == text
    assert [p for _, p in pieces] == ["One para.\n\n", "Two para here.\n\n", "Three."]
    assert [text[o : o + len(p)] for o, p in pieces] == [p for _, p in pieces]
    assert chunks("short", size=20) == [(0, "short")]
    assert [p for _, p in chunks("a" * 45, size=20)] == ["a" * 20, "a" * 20, "a" * 5]  # no break at all


def test_a_long_text_in_chunks_gives_the_mentions_of_the_whole(ruler_model, monkeypatch):
    import entnorm.extraction.mentions as mentions

    nlp = load_pipeline(ruler_model)
    paragraph = "Sergei Lavrov spoke in Moscow.\nKiev answered. " * 3 + "\n\n"
    doc = Document("long.txt", paragraph * 200)
    (whole,) = iter_mentions(SpacyRecogniser(nlp), [doc], labels=["PERSON", "GPE"])
    monkeypatch.setattr(mentions, "CHUNK_CHARS", 1000)
    counting = CountingPipeline(nlp)
    (pieces,) = iter_mentions(SpacyRecogniser(counting), [doc], labels=["PERSON", "GPE"])
    assert counting.texts > 20  # it went in pieces
    assert pieces.mentions == whole.mentions and len(whole.mentions) == 1800
    assert all(doc.text[m.start : m.end] == m.text for m in pieces.mentions)


def test_another_name_of_a_place_in_parentheses_is_a_mention_and_a_link():
    text = "units withdrew from Artemovsk (Bakhmut) on Saturday"
    start = text.index("Artemovsk")
    found = mentions_from_spans(Document("d", text), [(start, start + 9, "GPE")], LABELS)
    assert [(text[m.start : m.end], m.label) for m in found.mentions] == [("Artemovsk", "GPE"), ("Bakhmut", "GPE")]
    assert found.acronyms == [("Artemovsk", "Bakhmut")]


@pytest.mark.parametrize(
    "text, spans",
    [
        ("MOSCOW (Agencies): The ministry said", [(0, 6, "GPE")]),  # a dateline in capitals
        ("Kyiv (Reuters) - The ministry said", [(0, 4, "GPE")]),  # a dateline's dash
        ("Kyiv (Reuters) said", [(0, 4, "GPE"), (6, 13, "ORG")]),  # the recogniser read it as something else
        ("Sergei Lavrov (Moscow) said", [(0, 13, "PERSON")]),  # after a person, not a place
    ],
)
def test_not_another_name_of_a_place(text, spans):
    found = mentions_from_spans(Document("d", text), spans, LABELS)
    assert found.acronyms == [] and len(found.mentions) == len([s for s in spans if s[2] in LABELS])


@pytest.mark.parametrize("jobs, when", [(1, []), (2, [1])])
def test_with_workers_the_corpus_pass_is_prepared_after_the_first_document(
    ruler_model, tmp_path, monkeypatch, jobs, when
):
    from entnorm.extraction import mentions
    from entnorm.extraction.model import read_meta

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Sergei Lavrov in Moscow.\n", encoding="utf-8")
    read, prepared = [], []
    monkeypatch.setattr(mentions, "prepare_refine", lambda: prepared.append(len(read)))
    found = mentions.extract_mentions(
        [str(tmp_path / f"{name}.txt") for name in ("a", "b", "c")],
        model=ruler_model,
        meta=read_meta(ruler_model),
        labels=["PERSON", "GPE"],
        jobs=jobs,
        on_document=read.append,
    )
    assert prepared == when  # with workers: made while they read the other documents, not after the last
    assert [m.text for m in found.mentions] == ["Sergei Lavrov", "Moscow"] * 3
