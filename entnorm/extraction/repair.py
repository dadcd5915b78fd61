"""Text repaired before it is read: mojibake and mixed encodings ("Zelenskyâ€™s", "Â\xa0") fixed with ftfy, the
well-kept library for it, with a map from the repaired text's offsets back to the file's decoded text.

Only lines ftfy's own test finds broken are touched, and only the fixes that undo wrong decoding are applied
(no quote uncurling, no width or ligature changes), so clean text passes through unchanged and costs one scan.
Mentions are found in the repaired text; their offsets are mapped back, so `text[start:end]` of the file is
still the mention as it stands there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import ftfy
from ftfy.badness import is_bad

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
#: Part of the cache key: another ftfy may repair otherwise.
REPAIR_RULES = f"ftfy-{ftfy.__version__}"


@dataclass(slots=True)
class OffsetMap:
    """Offsets of a repaired text back to the original. Only the repaired lines carry a character map; between
    them an offset moves by the difference in length so far."""

    starts: list[int] = field(default_factory=list)  # repaired lines: start in the repaired text
    ends: list[int] = field(default_factory=list)
    originals: list[int] = field(default_factory=list)  # their start in the original text
    chars: list[list[int]] = field(default_factory=list)  # repaired offset in the line -> original offset
    shifts: list[int] = field(default_factory=list)  # original minus repaired, after the line

    def original(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        if offset <= self.ends[i]:
            return self.originals[i] + self.chars[i][offset - self.starts[i]]
        return offset + self.shifts[i]


def repair(text: str) -> tuple[str, OffsetMap | None]:
    """The text with its mojibake fixed, and the map back (None when nothing needed fixing). Text all in ASCII
    holds no mojibake, and most text is: it is not searched."""
    if text.isascii() or not is_bad(text):
        return text, None
    pieces: list[str] = []
    offsets = OffsetMap()
    original = repaired = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_text(line, _CONFIG) if is_bad(line) else line
        if fixed != line:
            offsets.starts.append(repaired)
            offsets.ends.append(repaired + len(fixed))
            offsets.originals.append(original)
            offsets.chars.append(_char_map(line, fixed))
            offsets.shifts.append(original + len(line) - repaired - len(fixed))
        pieces.append(fixed)
        original += len(line)
        repaired += len(fixed)
    if not offsets.starts:
        return text, None
    return "".join(pieces), offsets


def _char_map(line: str, fixed: str) -> list[int]:
    """For each offset of `fixed` (and its end), the offset of `line` it came from: a repaired character maps to
    the start of the broken run it replaced ("é" to "Ã©"), so a mention's start and end fall on run edges."""
    out = [len(line)] * (len(fixed) + 1)
    for op, a1, a2, b1, b2 in SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
        for k in range(b1, b2):
            out[k] = a1 + (k - b1 if op == "equal" else min(k - b1, max(0, a2 - a1 - 1)))
    return out
