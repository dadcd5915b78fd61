import pytest

from entnorm.extraction.repair import repair

BROKEN = "Talks:\nZelenskyâ€™s team met CafÃ© Nero owners.\nAll clean here, Kyiv.\n"


def test_clean_text_passes_through_unchanged():
    text = "Zelensky’s team met Café Nero owners in Kyiv.\n"
    assert repair(text) == (text, None)


def test_mojibake_is_repaired_and_offsets_map_back_to_the_file():
    repaired, offsets = repair(BROKEN)
    assert repaired == "Talks:\nZelensky’s team met Café Nero owners.\nAll clean here, Kyiv.\n"
    for word, written in [("Zelensky", "Zelensky"), ("Café Nero", "CafÃ© Nero"), ("Kyiv", "Kyiv"), ("Talks", "Talks")]:
        start = repaired.index(word)
        end = start + len(word)
        assert BROKEN[offsets.original(start) : offsets.original(end)] == written


@pytest.mark.parametrize("text", ["", "Â", "\n\n"])
def test_edge_texts(text):
    repaired, offsets = repair(text)
    assert offsets is None or offsets.original(len(repaired)) == len(text)
