"""The words around a mention, as a keyword-in-context line."""

from __future__ import annotations

import re

#: Characters of text kept on each side of a mention.
CONTEXT_CHARS = 80
_SPACE = re.compile(r"\s+")


def context_of(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, the mention, after): up to `width` characters each side, cut at a word boundary, with runs of
    whitespace (line breaks) as one space, so a context is one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    if start - width > 0 and " " in left.strip():
        left = left[left.find(" ") + 1 :]  # no half word at the edge
    if end + width < len(text) and " " in right.strip():
        right = right[: right.rfind(" ")]
    return _SPACE.sub(" ", left).lstrip(), _SPACE.sub(" ", text[start:end]), _SPACE.sub(" ", right).rstrip()
