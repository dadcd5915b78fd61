"""A second look at the mentions with the whole corpus in view: what one document shows about another.

The recogniser reads one text at a time and misses, in one place, a name it found in another; it labels a
demonym a place in one sentence and NORP in the next; it reads a title-case headline as a name. Once every
document is read, three rules use that evidence (none holds a name of its own):

1. Demonyms: a text the recogniser labels NORP more often than it labels it a name is not a name; as often,
   when it is shaped like a demonym ("Congolese") and the gazetteer knows no such place; nor is a word the
   gazetteer shows to be a country's demonym ("Ukrainian", "Iraqi"), nor one word the corpus writes before
   a noun for a group of people ("the Druze community"), nor a plural listed with such groups ("Alawites,
   Christians, and Druze"). A place in capitals is one the gazetteer knows or the initials of a longer name
   of the corpus ("LPR"); "AI" read as a place is not.
2. Headlines: in a title-case line ("Shifting Heir Apparent Is Named", "New FM Visits Moscow, Discusses
   Future of Bases"), a span is kept only when the same text is a mention outside headlines in the corpus.
   A joined pair of names ("Putin-Witkoff") is its two names, when the corpus knows both.
3. What is there is found: a name found once is found at its other occurrences (whole words, as written, or
   in capitals as in a dateline "MOSCOW"), with the label it has most often, unless it is also a common word
   (seen in lower case in the corpus). A longer name found there wins over the shorter mentions it covers
   ("Russia Today" over "Russia").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import ahocorasick

from entnorm import data
from entnorm.extraction.screen import Screen
from entnorm.extraction.spans import in_a_title
from entnorm.records import Document, Mention

_WORD = re.compile(r"[^\W_]+")
#: How English demonyms and group names end ("Ukrainian", "Chinese", "Kurdish", "Iraqi", "Slavic").
_DEMONYM_ENDING = re.compile(r"(?:an|ese|ish|i|ic|s)$")
_LINE = re.compile(r"[^\n]+")
_QUOTED = re.compile(r"\"([^\"\n]{10,300})\"|“([^”\n]{10,300})”")
#: In title case these are capitalised too; in a name they almost never are ("Is", "To", "With").
_FUNCTION_WORDS = data.words("not_in_names") | data.words("connectors")
#: A line needs this many words, and this share of them capitalised, to be a title-case headline.
HEADLINE_WORDS = 4
HEADLINE_CAPITALISED = 0.75
#: A line of this many words, all capitalised but the small ones, is a headline even with no capitalised "Is".
LONG_HEADLINE = 6
#: A headline is shorter than this; a longer line in title case is a list of references or of names.
MAX_HEADLINE_WORDS = 20


def prepare_refine() -> None:
    """Load what `refine` needs whatever the corpus (the gazetteer), so that a caller can have it made at a
    time that suits it."""
    from entnorm.names.gazetteer import default_gazetteer

    default_gazetteer()


def refine(
    documents: Sequence[Document],
    mentions: Sequence[list[Mention]],
    norp: Counter,
    others: Sequence[list[tuple[int, int]]] = (),
) -> list[list[Mention]]:
    """The mentions of each document (in `documents` order) after the three rules of this module.

    Args:
        documents: every document read, in order.
        mentions: for each document, its mentions (clean spans of the labels kept).
        norp: how often each text was labelled NORP by the recogniser, over the corpus.
        others: for each document, the spans of the labels not kept: a name is not looked for inside them
            ("Ukraine" in "the Law of Ukraine"), nor inside headlines.
    """
    from entnorm.names.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    named = Counter(m.text for doc_mentions in mentions for m in doc_mentions)
    demonyms = {
        text
        for text in named
        if _demonym(text, norp[text], named[text], gazetteer) or gazetteer.country_of_demonym(text) is not None
    }
    demonyms |= _group_words(documents, named)
    demonyms |= _listed_with_groups(documents, named, demonyms | set(norp))
    mentions = [[m for m in doc_mentions if m.text not in demonyms] for doc_mentions in mentions]
    mentions = _without_unknown_place_acronyms(mentions, gazetteer)
    headlines = [headline_spans(d.text) for d in documents]
    mentions = _outside_headlines(mentions, headlines)
    mentions = _split_pairs(mentions)
    mentions = [_short_forms_in(d.text, doc_mentions) for d, doc_mentions in zip(documents, mentions, strict=True)]
    others = list(others) or [[] for _ in documents]
    blocked = [sorted(h + o) for h, o in zip(headlines, others, strict=True)]
    return _spread(documents, mentions, blocked)


_GROUP_NOUNS = "|".join(sorted(data.words("group_nouns")))


def _group_words(documents: Sequence[Document], named: Counter) -> set[str]:
    """One-word names the corpus writes before a noun for a group of people ("the Druze community")."""
    found: set[str] = set()
    nouns = re.compile(rf"\b(?:{_GROUP_NOUNS})\b")
    before = re.compile(r"\b([A-Z][^\W\d_]+) $")
    for document in documents:
        text = document.text
        for noun in nouns.finditer(text):  # the nouns are rare: look back from each
            word = before.search(text, max(0, noun.start() - 40), noun.start())
            if word and word.group(1) in named:
                found.add(word.group(1))
    return found


_LISTED = re.compile(r"\b[A-Z][^\W\d_]+(?:(?:,| and|, and) [A-Z][^\W\d_]+)+")
_LIST_SEPARATOR = re.compile(r",? and |, ")


def _listed_with_groups(documents: Sequence[Document], named: Counter, groups: set[str]) -> set[str]:
    """Plural one-word names listed together with groups of people ("Alawites, Christians, and Druze")."""
    found: set[str] = set()
    screen = Screen(groups)  # one pass over each text, however many groups
    if not screen:
        return found
    for document in documents:
        if not screen.holds_any(document.text):
            continue  # no group named here: no list to read
        for run in _LISTED.finditer(document.text):
            items = _LIST_SEPARATOR.split(run.group())
            if any(item in groups for item in items):
                found |= {item for item in items if item.endswith("s") and item in named and item not in groups}
    return found


def _without_unknown_place_acronyms(mentions: list[list[Mention]], gazetteer) -> list[list[Mention]]:
    """A place written as an acronym is one the gazetteer knows ("UK", "UAE") or the initials of a longer place
    name in the corpus ("LPR" for "Lugansk People's Republic"); other capitals read as a place ("AI", "OSINT")
    are not places, even where an organisation has those initials ("Air India")."""
    initials = {
        "".join(w[0] for w in m.text.split() if w[:1].isupper())
        for doc in mentions
        for m in doc
        if len(m.text.split()) > 1 and m.label in ("GPE", "LOC")
    }

    def place_acronym_unknown(m: Mention) -> bool:
        return (
            m.label in ("GPE", "LOC")
            and bool(_ACRONYM.fullmatch(m.text))
            and m.text not in initials
            and gazetteer.lookup(m.text) is None
        )

    return [[m for m in doc if not place_acronym_unknown(m)] for doc in mentions]


def _demonym(text: str, as_norp: int, as_name: int, gazetteer) -> bool:
    if as_norp > as_name:
        return True
    if not as_norp or as_norp < as_name or not _DEMONYM_ENDING.search(text):
        return False
    return gazetteer.lookup(text) is None


def headline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the title-case lines (and quoted titles) of a text: enough words, most capitalised, and
    either a capitalised function word past the first ("Is", "To": a name has none), or every word but the
    small ones capitalised in a long line with no full stop at its end (a sentence that long has lower-case
    words)."""
    out = []
    lines = [(*m.span(), False) for m in _LINE.finditer(text)]
    quoted = (m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTED.finditer(text))
    lines += [(start, end, True) for start, end in quoted]  # a quoted title may end with its full stop
    for start, end, is_quoted in lines:
        line = text[start:end]
        words = [w for w in _WORD.findall(line) if len(w) > 1 or w.isupper()]  # not the "s" of "'s"
        if not HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS:
            continue
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) < HEADLINE_CAPITALISED * len(words):
            continue
        if any(w[:1].isupper() and w.casefold() in _FUNCTION_WORDS and len(w) > 1 for w in words[1:]):
            out.append((start, end))
            continue
        content = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
        long_title = len(words) >= LONG_HEADLINE and all(w[:1].isupper() or w[:1].isdigit() for w in content)
        if long_title and (is_quoted or not line.rstrip().endswith((".", ":", ";"))):
            out.append((start, end))
    return out


#: An acronym is written in capitals whatever the case style of its line ("DHS" in a headline is a name).
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PAIR = re.compile(r"([A-Z][^\W\d_]+)-([A-Z][^\W\d_]+)")


def _short_forms_in(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation's name written with its first word and the initials of the rest is that name, where
    the document has the long form: "Zaporozhye NPP" beside "Zaporozhye Nuclear Power Plant". The form
    replaces the mentions it covers ("Zaporozhye" read as a place)."""
    forms = set()
    for m in mentions:
        words = m.text.split()
        rest = [w for w in words[1:] if w[:1].isupper()]  # "of" and "the" have no initial
        if m.label == "ORG" and len(rest) >= 2 and all(w[:1].isupper() or w.islower() for w in words[1:]):
            forms.add(f"{words[0]} {''.join(w[0] for w in rest)}")
    if not forms:
        return mentions
    added = []
    for form in sorted(forms):
        if form not in text:
            continue  # most forms are not written: no pattern is compiled for them
        for hit in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            added.append(Mention(mentions[0].doc, hit.start(), hit.end(), form, "ORG"))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _split_pairs(mentions: list[list[Mention]]) -> list[list[Mention]]:
    """A mention "Putin-Witkoff" becomes "Putin" and "Witkoff" when each is a name the corpus knows (a mention,
    or the last word of one)."""
    known = {m.text for doc in mentions for m in doc} | {m.text.split()[-1] for doc in mentions for m in doc}
    out = []
    for doc in mentions:
        split: list[Mention] = []
        in_longer = _multiword(doc)
        for m in doc:
            pair = _PAIR.fullmatch(m.text)
            if pair and pair.group(1) in known and pair.group(2) in known and m.text not in in_longer:
                first, second = pair.group(1), pair.group(2)
                split.append(Mention(m.doc, m.start, m.start + len(first), first, m.label))
                split.append(Mention(m.doc, m.end - len(second), m.end, second, m.label))
            else:
                split.append(m)
        out.append(split)
    return out


def _multiword(doc: list[Mention]) -> set[str]:
    """Hyphenated names used as one word elsewhere in a longer name ("Rostov-on-Don" is not a pair)."""
    return {w for m in doc if " " in m.text for w in m.text.split() if "-" in w}


def _outside_headlines(mentions: list[list[Mention]], lines: list[list[tuple[int, int]]]) -> list[list[Mention]]:
    def in_headline(m: Mention, spans: list[tuple[int, int]]) -> bool:
        return any(s <= m.start and m.end <= e for s, e in spans)

    body = {
        m.text
        for doc_mentions, spans in zip(mentions, lines, strict=True)
        for m in doc_mentions
        if not in_headline(m, spans)
    }
    return [
        [m for m in doc_mentions if m.text in body or _ACRONYM.fullmatch(m.text) or not in_headline(m, spans)]
        for doc_mentions, spans in zip(mentions, lines, strict=True)
    ]


def _common_words(documents: Iterable[Document]) -> set[str]:
    words: set[str] = set()
    for d in documents:
        words.update(_WORD.findall(d.text))  # each distinct word is then tested once
    return {w for w in words if w.islower()}


def _spread(
    documents: Sequence[Document], mentions: list[list[Mention]], blocked: list[list[tuple[int, int]]]
) -> list[list[Mention]]:
    labels: dict[str, Counter] = defaultdict(Counter)
    for doc_mentions in mentions:
        for m in doc_mentions:
            labels[m.text][m.label] += 1
    if not labels:
        return mentions
    common = _common_words(documents)
    # one automaton over every known name (Aho-Corasick, in C): each text is read once, whatever the number of names
    automaton = ahocorasick.Automaton()
    for text, counts in labels.items():
        words = _WORD.findall(text)
        if not words or (len(words) == 1 and (len(text) < 3 or text.lower() in common)):
            continue
        label = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for form in {text, text.upper()} if len(words[0]) > 1 else {text}:
            automaton.add_word(form, (form, label))
    if not len(automaton):
        return mentions
    automaton.make_automaton()
    return [
        _spread_in(d, doc_mentions, automaton, spans)
        for d, doc_mentions, spans in zip(documents, mentions, blocked, strict=True)
    ]


def _spread_in(document: Document, mentions: list[Mention], automaton, blocked: list[tuple[int, int]]) -> list[Mention]:
    text = document.text
    blocked_starts = [s for s, _ in blocked]
    candidates = []
    for last, (form, label) in automaton.iter(text):
        start = last - len(form) + 1
        if not _glued(text, start, last + 1):
            candidates.append((start, -len(form), form, label))
    found: list[Mention] = []
    resume = 0
    candidates.sort()  # longest first at each place
    for start, length, form, label in candidates:
        if start < resume:
            continue
        end = start - length
        at = bisect_left(blocked_starts, end)
        if _blocked(blocked, at, start):
            continue  # inside a headline, or a title or a law the recogniser found
        if label in ("GPE", "LOC") and in_a_title(text, start):
            continue  # "the Law of Ukraine": a place in a title
        found.append(Mention(document.name, start, end, form, label))
        resume = end
    if not found:
        return mentions
    kept = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in kept]
    removed: set[int] = set()
    added = []
    for new in found:
        # the mentions this one overlaps: they start before it ends, and end after it starts
        right = bisect_left(starts, new.end)
        overlapped = [i for i in range(max(0, right - 8), right) if kept[i].end > new.start and i not in removed]
        if not overlapped:
            added.append(new)
        elif all(new.start <= kept[i].start and kept[i].end <= new.end for i in overlapped) and not any(
            (kept[i].start, kept[i].end) == (new.start, new.end) for i in overlapped
        ):
            removed.update(overlapped)  # a longer name covers them
            added.append(new)
    out = [m for i, m in enumerate(kept) if i not in removed] + added
    return sorted(set(out), key=lambda m: (m.start, m.end, m.text))


def _blocked(blocked: list[tuple[int, int]], at: int, start: int) -> bool:
    """One of the (at most four) blocked spans starting before `at` ends after `start`."""
    for i in range(max(0, at - 4), at):  # noqa: SIM110 (a loop, not any(): no generator per name found)
        if blocked[i][1] > start:
            return True
    return False


def _glued(text: str, start: int, end: int) -> bool:
    """The occurrence is part of a longer word ("Kievan" for "Kiev"); a digit glued after a name is a footnote
    mark or page furniture ("Today7") and does not count."""
    before, after, then = text[start - 1 : start], text[end : end + 1], text[end + 1 : end + 3]
    if before.isalnum() or after.isalpha() or (before and before in "_-") or (after and after in "_-"):
        return True  # inside a word, or a hyphenated one ("Rostov-on-Don")
    # an apostrophe that goes on with letters, unless it is a possessive ("Don't", "O'Brien"; not "Kyiv's")
    return bool(after) and after in "'’" and then[:1].isalpha() and not (then[:1] == "s" and not then[1:2].isalpha())
