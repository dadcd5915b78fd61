import random

import pytest

from entnorm.extraction import kept_alias_spans as module
from entnorm.extraction.alias_spans import AliasMatcher
from entnorm.extraction.kept_alias_spans import KeptAliasSpans
from entnorm.extraction.mentions import clean_spans

FILES = ["a.txt", "b.txt"]
TEXTS = ["Sergei Lavrov met Omar Kassem in Kyiv.", "The Kremlin said nothing about Mumbai."]
PAIRS = [("Sergei Lavrov", "PERSON"), ("Kyiv", "GPE"), ("Kremlin", "ORG")]


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTNORM_CACHE_DIR", str(tmp_path / "cache"))


def run(pairs, texts=TEXTS, files=FILES):
    """Each text's spans through a kept store, and the texts the matcher had to read."""
    kept = KeptAliasSpans.of_run(files, pairs)
    matcher = AliasMatcher(pairs)
    read = []

    def finder(text):
        def find():
            read.append(text)
            return clean_spans(text, matcher.spans(text))

        return find

    spans = [kept.spans(text, finder(text)) for text in texts]
    kept.save()
    return spans, read


def test_a_re_run_with_the_same_names_reads_no_text_again():
    first, read = run(PAIRS)
    assert read == TEXTS and first == [[(0, 13, "PERSON"), (33, 37, "GPE")], [(4, 11, "ORG")]]
    again, read = run(PAIRS)
    assert again == first and read == []


@pytest.mark.parametrize(
    "pairs, read",
    [
        ([*PAIRS, ("Omar Kassem", "PERSON")], [TEXTS[0]]),  # added: only the text holding "omar" is read
        (PAIRS[:2], [TEXTS[1]]),  # removed
        ([PAIRS[0], PAIRS[1], ("Kremlin", "GPE")], [TEXTS[1]]),  # relabelled
        ([*PAIRS, ("Nobody Here", "PERSON")], []),  # a name no text can start
        ([*PAIRS, ("Mum Said", "PERSON")], []),  # "mum" is in "Mumbai", but as no word of its own
    ],
)
def test_after_an_edit_only_the_texts_holding_a_changed_first_word_are_read(pairs, read):
    run(PAIRS)
    spans, was_read = run(pairs)
    assert was_read == read
    assert spans == [clean_spans(t, AliasMatcher(pairs).spans(t)) for t in TEXTS]


def test_other_files_and_a_damaged_store_read_every_text():
    run(PAIRS)
    assert run(PAIRS, files=["c.txt"])[1] == TEXTS
    for path in (module.cache_dir() / "alias-spans").glob("*.marshal"):
        path.write_bytes(b"\x00damaged")
    assert run(PAIRS)[1] == TEXTS


def test_a_text_that_changed_is_read_again():
    run(PAIRS)
    texts = [TEXTS[0], TEXTS[1].replace("Kremlin", "Kremlin and Kyiv")]
    spans, read = run(PAIRS, texts=texts)
    assert read == [texts[1]] and spans[1] == [(4, 11, "ORG"), (16, 20, "GPE")]


WORDS = ["Omar", "omar", "Kassem", "Lavrov", "Sergei", "al-Hashimi", "Hashimi", "al", "Kyiv", "KYIV", "Bank", "of"]


def test_random_edits_give_what_the_matcher_finds():
    rng = random.Random(20261204)
    texts = [" ".join(rng.choice([*WORDS, "and", "the", ",", "\n"]) for _ in range(40)) for _ in range(12)]
    pairs = []
    reused = 0
    for _ in range(40):
        for _ in range(rng.randint(1, 3)):
            if pairs and rng.random() < 0.4:
                pairs.pop(rng.randrange(len(pairs)))
            else:
                name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
                pairs.append((name, rng.choice(["PERSON", "GPE", "ORG"])))
        spans, read = run(list(pairs), texts=texts)
        reused += len(texts) - len(read)
        matcher = AliasMatcher(pairs)
        assert spans == [clean_spans(t, matcher.spans(t)) for t in texts]
    assert reused > 0  # the kept spans were used, not only found again
