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


def found(names, text):
    return [text[s:e] for s, e, _ in AliasMatcher(names).spans(text)]


def test_a_capitalised_name_is_not_matched_in_lower_case():
    names = [("Turkey", "GPE"), ("Donald Trump", "PERSON"), ("Trump", "PERSON")]
    assert found(names, "roast turkey, and trump cards") == []
    assert found(names, "TURKEY: Turkey said Trump would trump them") == ["TURKEY", "Turkey", "Trump"]


def test_a_lower_case_particle_of_the_name_matches_any_case():
    assert found([("al-Shibani", "PERSON")], "Al Shibani and al shibani") == ["Al Shibani"]


def test_a_name_followed_by_a_suffix_or_regnal_numeral_is_another_name():
    names = [("Donald Trump", "PERSON"), ("Louis", "PERSON")]
    text = "Donald Trump Jr. and Donald Trump, Jr. met Donald Trump. Louis XIV and Louis met in 1700."
    assert found(names, text) == ["Donald Trump", "Louis"]


def test_a_first_word_branch_is_built_when_a_text_first_holds_it():
    names = [("Kyiv", "GPE"), ("Kyiv Post", "ORG"), ("Sergei Lavrov", "PERSON")]
    matcher = AliasMatcher(names)
    assert sorted(matcher._waiting) == ["kyiv", "sergei"]
    assert [label for _, _, label in matcher.spans("The Kyiv Post wrote from Kyiv.")] == ["ORG", "GPE"]
    assert sorted(matcher._waiting) == ["sergei"]  # never in a text yet: still waiting
    assert found(names, "Sergei Lavrov and SERGEI LAVROV") == ["Sergei Lavrov", "SERGEI LAVROV"]


def test_the_screen_finds_what_the_word_pass_finds(monkeypatch):
    from entnorm.extraction import alias_spans

    names = [("Straße", "LOC"), ("Sergei Lavrov", "PERSON"), ("US", "GPE")]
    texts = ["In der STRASSE und Straße", "no listed name here", "SERGEI LAVROV in the US", "us and Sergeis"]
    screened = [found(names, t) for t in texts]
    assert AliasMatcher(names)._screen is not None
    monkeypatch.setattr(alias_spans, "SCREEN_MAX_WORDS", 1)  # too many first words: every text is split
    assert AliasMatcher(names)._screen is None
    assert [found(names, t) for t in texts] == screened == [["STRASSE", "Straße"], [], ["SERGEI LAVROV", "US"], []]
