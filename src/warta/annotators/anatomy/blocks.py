"""Split a text into blocks: the paragraphs as printed, before anyone decides what they are.

Three layouts occur in the wild: one paragraph a line (most scraped news), paragraphs separated by
blank lines, and hard-wrapped wire copy whose paragraphs start with an indented line (Reuters SGML).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from warta.document import Line
from warta.record.spans import trim


@dataclass(frozen=True)
class Block:
    index: int
    start: int
    end: int
    text: str
    lines: tuple[Line, ...]

    @property
    def words(self) -> int:
        return len(self.text.split())


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" \t\u00a0"))


def is_wrapped_layout(lines: list[Line]) -> bool:
    """Paragraphs start with an indented line and continue on unindented ones."""
    content = [ln for ln in lines if not ln.blank]
    indented = sum(1 for ln in content if _indent(ln) >= 2)
    continuation = sum(
        1 for prev, ln in pairwise(content) if _indent(prev) >= 2 and _indent(ln) == 0
    )
    return indented >= 2 and continuation >= 2 and indented < len(content)


def _make(text: str, index: int, group: list[Line]) -> Block:
    start, end = trim(text, group[0].start, group[-1].end)
    return Block(index, start, end, text[start:end], tuple(group))


def split_blocks(text: str, lines: list[Line]) -> list[Block]:
    wrapped = is_wrapped_layout(lines)
    groups: list[list[Line]] = []
    for line in lines:
        if line.blank:
            if wrapped and groups and groups[-1]:
                groups.append([])
            continue
        if not wrapped or not groups or not groups[-1] or _indent(line) >= 1:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_make(text, i, g) for i, g in enumerate(g for g in groups if g)]
