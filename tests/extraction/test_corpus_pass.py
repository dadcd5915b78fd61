from collections import Counter

from entnorm.extraction.corpus_pass import headline_spans, refine
from entnorm.records import Document, Mention


def mentions_of(doc: Document, *names: tuple[str, str]) -> list[Mention]:
    """Mentions at the first occurrence of each (text, label)."""
    out = []
    for text, label in names:
        start = doc.text.index(text)
        out.append(Mention(doc.name, start, start + len(text), text, label))
    return out


def texts(refined):
    return [[(m.text, m.label, m.start) for m in doc] for doc in refined]


def test_a_name_found_once_is_found_where_the_model_missed_it():
    a = Document("a", "Sergei Lavrov met Volodin in Moscow.")
    b = Document("b", "MOSCOW - Lavrov spoke. Sergei Lavrov's aide, Volodin-like, said Moscowians and Moscow's mayor.")
    out = refine([a, b], [mentions_of(a, ("Sergei Lavrov", "PERSON"), ("Moscow", "GPE")), []], Counter())
    assert texts(out) == [
        [("Sergei Lavrov", "PERSON", 0), ("Moscow", "GPE", 29)],
        [("MOSCOW", "GPE", 0), ("Sergei Lavrov", "PERSON", 23), ("Moscow", "GPE", b.text.index("Moscow's"))],
    ]


def test_a_common_word_is_not_spread():
    a = Document("a", "Turkey said so. We ate turkey.")
    b = Document("b", "Turkey again.")
    out = refine([a, b], [mentions_of(a, ("Turkey", "GPE")), []], Counter())
    assert texts(out) == [[("Turkey", "GPE", 0)], []]


def test_a_longer_name_wins_over_the_mentions_it_covers():
    a = Document("a", "Russia Today reported.")
    b = Document("b", "Russia Today7 days ago")
    out = refine([a, b], [mentions_of(a, ("Russia Today", "ORG")), mentions_of(b, ("Russia", "GPE"))], Counter())
    assert texts(out)[1] == [("Russia Today", "ORG", 0)]


def test_names_are_not_looked_for_inside_other_labels_spans_or_headlines():
    a = Document("a", "Ukraine votes.")
    b = Document("b", "the Law of Ukraine says\nWhy Ukraine Is Winning the War Now\n")
    law = (b.text.index("Law of Ukraine") - 4, b.text.index(" says"))
    out = refine([a, b], [mentions_of(a, ("Ukraine", "GPE")), []], Counter(), [[], [law]])
    assert texts(out) == [[("Ukraine", "GPE", 0)], []]


def test_demonyms_by_the_recognisers_votes():
    a = Document("a", "Ukrainian forces and Nikolaev region")
    found = mentions_of(a, ("Ukrainian", "GPE"), ("Nikolaev", "GPE"))
    out = refine([a], [found], Counter({"Ukrainian": 1, "Nikolaev": 1}))
    assert texts(out) == [[("Nikolaev", "GPE", 21)]]  # a place by the gazetteer, and not shaped as a demonym


def test_headlines():
    text = "Shifting Heir Apparent Is Named\nKim Jong Un Is Heir\nHe met Kim Jong Un.\nA list: Kim, Lee, Park\n"
    lines = [text[s:e] for s, e in headline_spans(text)]
    assert lines == ["Shifting Heir Apparent Is Named", "Kim Jong Un Is Heir"]
    doc = Document("a", text)
    found = mentions_of(doc, ("Shifting Heir Apparent", "ORG"), ("Kim Jong Un", "PERSON"))
    body = text.index("He met") + 7
    found.append(Mention("a", body, body + 11, "Kim Jong Un", "PERSON"))
    out = refine([doc], [found], Counter())
    assert [(m.text, m.start) for m in out[0]] == [("Kim Jong Un", 32), ("Kim Jong Un", body)]


def test_a_countrys_demonym_is_no_name():
    a = Document("a", "Ukrainian troops and Iraqi officials met Christian Lindner")
    found = mentions_of(a, ("Ukrainian", "GPE"), ("Iraqi", "ORG"), ("Christian Lindner", "PERSON"))
    assert [m.text for m in refine([a], [found], Counter())[0]] == ["Christian Lindner"]


def test_a_word_before_a_noun_for_a_group_of_people_is_no_name():
    a = Document("a", "Israel courted the Druze community. The Druze protested. The Wagner group left.")
    b = Document("b", "Protector of the Druze, said Wagner.")
    found_a = mentions_of(a, ("Israel", "GPE"), ("Druze", "ORG"), ("Druze", "PERSON"), ("Wagner", "ORG"))
    found_b = mentions_of(b, ("Druze", "ORG"), ("Wagner", "PERSON"))
    out = refine([a, b], [found_a, found_b], Counter())
    assert [[m.text for m in doc] for doc in out] == [["Israel", "Wagner"], ["Wagner"]]


def test_plurals_listed_with_groups_of_people_are_groups():
    a = Document("a", "It targeted Alawites, Christians, and Druze, and the Druze community. Syrians and Russia.")
    found = mentions_of(a, ("Alawites", "GPE"), ("Druze", "ORG"), ("Russia", "GPE"))
    out = refine([a], [found], Counter({"Christians": 1, "Syrians": 1}))
    assert [m.text for m in out[0]] == ["Russia"]  # not plural: a place listed with a people stays


def test_a_place_in_capitals_is_known_or_the_initials_of_a_longer_name():
    a = Document("a", "The Lugansk People's Republic (LPR). The UK and the OSINT analysts. LPR again.")
    found = mentions_of(a, ("Lugansk People's Republic", "GPE"), ("LPR", "GPE"), ("UK", "GPE"), ("OSINT", "GPE"))
    assert [m.text for m in refine([a], [found], Counter())[0]] == ["Lugansk People's Republic", "LPR", "UK", "LPR"]


def test_an_organisations_initials_do_not_make_a_place():
    a = Document("a", "Air India flew. Try our AI tools.")
    found = mentions_of(a, ("Air India", "ORG"), ("AI", "GPE"))
    assert [m.text for m in refine([a], [found], Counter())[0]] == ["Air India"]


def test_a_name_with_its_last_words_as_initials_is_that_name():
    a = Document("a", "The Zaporozhye Nuclear Power Plant (ZNPP) is safe. Inspectors at the Zaporozhye NPP left.")
    second = a.text.rindex("Zaporozhye")
    found = mentions_of(a, ("Zaporozhye Nuclear Power Plant", "ORG"))
    found.append(Mention("a", second, second + len("Zaporozhye"), "Zaporozhye", "GPE"))
    out = refine([a], [found], Counter())
    assert [(m.text, m.label) for m in out[0]] == [
        ("Zaporozhye Nuclear Power Plant", "ORG"),
        ("Zaporozhye NPP", "ORG"),
    ]


def test_a_joined_pair_of_known_names_is_two_names():
    a = Document("a", "Vladimir Putin met Steve Witkoff. The Putin-Witkoff talks. Rostov-on-Don and Rostov.")
    found = mentions_of(a, ("Vladimir Putin", "PERSON"), ("Steve Witkoff", "PERSON"), ("Putin-Witkoff", "PERSON"))
    assert [m.text for m in refine([a], [found], Counter())[0]] == [
        "Vladimir Putin",
        "Steve Witkoff",
        "Putin",
        "Witkoff",
    ]


def test_quoted_titles_are_headlines_and_acronyms_in_headlines_stay():
    text = 'See "Syrian Minister Visits Moscow, Discusses Future of Bases." and Moscow Times.\nNoem Taps New Chief at ICE, Moves to Identify Leakers Within DHS\n'
    doc = Document("a", text)
    found = mentions_of(doc, ("Visits Moscow", "PERSON"), ("Moscow Times", "ORG"), ("DHS", "ORG"))
    assert [m.text for m in refine([doc], [found], Counter())[0]] == ["Moscow Times", "DHS"]
