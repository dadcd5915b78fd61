from entnorm.extraction.screen import Screen


def test_a_text_holds_any_of_the_strings_as_a_substring():
    screen = Screen(["sergei", "kyiv", ""])
    assert len(screen) == 2  # the empty string is left out: it would be in every text
    assert screen.holds_any("in kyiv today") and screen.holds_any("sergeis")
    assert not screen.holds_any("Sergei in Kiev")  # as written: the caller folds case if it wants to


def test_an_empty_screen_holds_nothing():
    screen = Screen([])
    assert not screen and not screen.holds_any("anything")
