from entnorm.extraction.alias_spans import AliasMatcher, overlay


def test_alias_matcher_words_gaps_and_case():
    names = [
        ("Asaad al-Shaibani", "PERSON"),
        ("al-Shibani", "PERSON"),
        ("United States", "GPE"),
        ("US", "GPE"),
        ("U.S.", "GPE"),
    ]
    matcher = AliasMatcher(names)
    text = "Al Shibani and ASAAD AL SHAIBANI met us in the US and the U.S. (al-Shibanis)"
    assert [(text[s:e], label) for s, e, label in matcher.spans(text)] == [
        ("Al Shibani", "PERSON"),
        ("ASAAD AL SHAIBANI", "PERSON"),
        ("US", "GPE"),
        ("U.S", "GPE"),
    ]
    assert overlay([(0, 3, "ORG"), (20, 25, "GPE")], [(0, 10, "PERSON")]) == [(0, 10, "PERSON"), (20, 25, "GPE")]
