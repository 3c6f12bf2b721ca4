"""A document's page:line index (`Document.printed_lines`): which words were printed on each
line. Its own module, imported when a page-and-line amendment first asks for it, so that a
comparison of two texts, which never does, does not create its classes."""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.model.text import Position, Word
from statdiff.model.tree import Node


@dataclass(frozen=True, slots=True)
class PrintedWord:
    """A word of the tree and where it sits: `node.words[index]`."""

    node: Node
    index: int

    @property
    def word(self) -> Word:
        return self.node.words[self.index]


class PrintedLines:
    """The page:line index of a document: the words printed at page P, line L, in reading
    order, and the text of each printed line (what a page-and-line amendment such as
    "on page 2, line 21, by inserting ..." points at). Only words whose line is known
    are indexed: a rendering without line numbers has no lines to point at."""

    __slots__ = ("_lines",)

    def __init__(self, root: Node):
        self._lines: dict[Position, list[PrintedWord]] = {}
        for node in root.walk():
            for index, word in enumerate(node.words):
                if word.position.line is not None:
                    self._lines.setdefault(word.position, []).append(PrintedWord(node, index))

    def words_at(self, page: int | None, line: int) -> list[PrintedWord]:
        """The words printed at page `page`, line `line` (none when nothing was)."""
        return list(self._lines.get(Position(page, line), ()))

    def text_at(self, page: int | None, line: int) -> str:
        """The words of one printed line joined by single spaces ("" when nothing was printed there)."""
        return " ".join(printed.word.text for printed in self._lines.get(Position(page, line), ()))

    def positions(self) -> list[Position]:
        """Every printed line that holds words, in page:line order."""
        return sorted(self._lines)

    def __len__(self) -> int:
        return len(self._lines)
