from entnorm.review.context import context_of


def test_a_short_text_is_kept_whole_on_one_line():
    text = "Sergei Lavrov met\nAsaad al-Shibani in Moscow."
    assert context_of(text, 18, 34) == ("Sergei Lavrov met ", "Asaad al-Shibani", " in Moscow.")


def test_a_long_text_is_cut_at_word_boundaries():
    text = "alpha beta gamma delta NAME epsilon zeta eta theta"
    start = text.index("NAME")
    assert context_of(text, start, start + 4, width=14) == ("gamma delta ", "NAME", " epsilon zeta")


def test_at_the_edges_of_the_text():
    assert context_of("NAME", 0, 4) == ("", "NAME", "")
