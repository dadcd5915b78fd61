"""After an edit by hand, only the entities on the lines that changed are parsed again.

A watchlist of 100,000 entities takes about ten seconds to parse, and every command after an edit in the
editor would pay it. The cache of parsed files (`aliasfile.cache`) keeps the text each table was read from, so
the new text is compared with the last one line by line: the lines before the first difference and after the
last are the same, and so are the entities written on them. The entities around the changed lines, from the
key line of the one before the first change (or the line below the label, for a change at the top of a block)
to the next key line (or label line) after the last, are parsed on their own under their label, with their own
line numbers, and put in place of the old ones; the entities below move by the number of lines added.

A block entry's meaning depends only on its own lines and its indentation, and the lines around the changed
ones are key lines at the label block's indentation, so the snippet parses as it does in the file. Whatever
this cannot show to give what a full parse gives returns None, and the caller parses the whole file: a change
to a label line, a label block not written in block style, a new top of a block indented otherwise than the
entities below it, anchors, aliases and tags (`&`, `*`, `!`), line breaks other than "\\n" and "\\r\\n", any
problem in the changed entities, and a name that another entity lists (the full parse names both places).
Checked against the full parse on random edits (tests/aliasfile/test_reread.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from entnorm.aliasfile.local import has_content, indent_of
from entnorm.aliasfile.table import AliasEntity, AliasTable
from entnorm.aliasfile.validate import validate
from entnorm.names.normalize import key

#: Characters that may tie a snippet to text outside it (anchors, aliases, tags): their lines are not reread.
_LINKING = re.compile(r"[&*!]")


def reread(text: str, earlier_text: str, earlier: AliasTable, path: str) -> AliasTable | None:
    """The table of `text`, made from `earlier` (the table of `earlier_text`) by parsing again only the
    entities whose lines changed; None when that cannot be shown to equal a parse of the whole text."""
    if not _plain_breaks(text) or not _plain_breaks(earlier_text) or not earlier.entities:
        return None
    old, new = earlier_text.split("\n"), text.split("\n")
    first, last_old = _changed(old, new)
    starts = [entity.line - 1 for entity in earlier.entities]
    if any(a >= b for a, b in pairwise(starts)):
        return None  # entities sharing a line: a flow-style block
    label_line = _label_line_above(old, first)
    label = _label_alone(old[label_line]) if label_line >= 0 else None
    if label is None:
        return None  # a change above the first label, or a label block not in block style
    lo = bisect_right(starts, first - 1) - 1  # the entity whose lines hold the line before the first change
    above_in_block = lo >= 0 and starts[lo] > label_line
    if not above_in_block:  # the change is at the top of its block: read from the line below the label
        lo = bisect_right(starts, label_line)
    start = starts[lo] if above_in_block else label_line + 1
    end = _region_end(old, starts, last_old, start)
    hi = bisect_left(starts, end)  # old entities [lo, hi) are the changed ones
    shift = len(new) - len(old)
    changed_old, changed_new = old[start:end], new[start : end + shift]
    if any(e.label != label for e in earlier.entities[lo:hi]):
        return None
    if not _inside_block(changed_old) or not _inside_block(changed_new):
        return None
    if not above_in_block and hi < len(starts) and starts[hi] == end and not _same_indent(changed_new, old[end]):
        return None  # the block's new first line sets its indentation, and the entity below the change has another
    snippet = "\n" * (start - 1) + f"{label}:\n" + "\n".join(changed_new) + "\n"
    parsed, problems = validate(snippet, path)
    if problems or any(not key(name) for entity in parsed.entities for name in entity.names):
        return None
    if above_in_block and (
        not parsed.entities
        or (parsed.entities[0].line, parsed.entities[0].canonical) != (start + 1, earlier.entities[lo].canonical)
    ):
        return None  # the line of the entity above the change holds it no more: the table's lines are not the text's
    return _merged(earlier, lo, hi, parsed, shift, path)


def _plain_breaks(text: str) -> bool:
    """Lines end in "\\n" or "\\r\\n" only: YAML also breaks lines at a lone "\\r", U+0085, U+2028 and U+2029."""
    return (
        text.count("\r") == text.count("\r\n") and "\x85" not in text and "\u2028" not in text and "\u2029" not in text
    )


def _changed(old: list[str], new: list[str]) -> tuple[int, int]:
    """The first line that differs, and the end of the differing lines in the old text (in the new text, it is
    as far from the end)."""
    first = 0
    limit = min(len(old), len(new))
    while first < limit and old[first] == new[first]:
        first += 1
    same_tail = 0
    while same_tail < limit - first and old[-1 - same_tail] == new[-1 - same_tail]:
        same_tail += 1
    return first, len(old) - same_tail


def _region_end(old: list[str], starts: list[int], last_old: int, start: int) -> int:
    """The first line at or after `last_old`, and after `start`, that starts an entity or a label; else the end."""
    after = bisect_left(starts, max(last_old, start + 1))
    end = starts[after] if after < len(starts) else len(old)
    for number in range(max(last_old, start + 1), end):
        if _at_margin(old[number]):
            return number
    return end


def _at_margin(line: str) -> bool:
    """A line with content at the left margin: a label, in a file that parses."""
    return has_content(line) and indent_of(line) == 0


def _inside_block(lines: list[str]) -> bool:
    """Lines that can only be entities of one label block: none at the left margin, none that links."""
    return all(not has_content(line) or (indent_of(line) > 0 and not _LINKING.search(line)) for line in lines)


def _same_indent(lines: list[str], below: str) -> bool:
    """The first line of `lines` with content (if any) is indented as `below` is."""
    top = next((line for line in lines if has_content(line)), None)
    return top is None or indent_of(top) == indent_of(below)


def _label_line_above(lines: list[str], first: int) -> int:
    """The nearest line above line `first` at the left margin (`_at_margin`), or -1."""
    for number in range(first - 1, -1, -1):
        if _at_margin(lines[number]):
            return number
    return -1


_LABEL_ALONE = re.compile(r"([^\s:#'\"{}\[\],&*!|>%@`]+):[ \t]*(?:#.*)?\r?")


def _label_alone(line: str) -> str | None:
    """The label of a line that reads `LABEL:` alone, so that its block is in block style; else None."""
    m = _LABEL_ALONE.fullmatch(line)
    return m.group(1) if m else None


def _merged(earlier: AliasTable, lo: int, hi: int, parsed: AliasTable, shift: int, path: str) -> AliasTable | None:
    """`earlier` with its entities [lo, hi) replaced by the snippet's (`parsed`) and the ones below moved
    `shift` lines; None when a new entity lists a name that an entity outside [lo, hi) lists."""
    moved = len(parsed.entities) - (hi - lo)
    by_key = {k: (i if i < lo else i + moved) for k, i in earlier.by_key.items() if not lo <= i < hi}
    for k, i in parsed.by_key.items():
        if by_key.setdefault(k, lo + i) != lo + i:
            return None
    below = [AliasEntity(e.canonical, e.label, e.aliases, e.attributes, e.line + shift) for e in earlier.entities[hi:]]
    return AliasTable(path=path, entities=[*earlier.entities[:lo], *parsed.entities, *below], by_key=by_key)
