"""A document's words kept compactly: the text they join into and, for each printed line, where
its first word is and where it was printed. A `Word` object is made only when a node's words
are read (`Node.words`); until then a node holds a range of word indices into the store."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate, count
from operator import add
from typing import Sequence

from statdiff.model.text import PLAIN, BodyLine, Position, Word

# The characters `str.split()` splits at besides the space (`str.isspace`; a test holds it to that).
WHITESPACE_BUT_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
ASCII_WHITESPACE_BUT_SPACE = "".join(character for character in WHITESPACE_BUT_SPACE if character.isascii())


class WordStore:
    """The words of printed lines, in order: `text` is their texts joined by single spaces,
    `line_first[k]` the index of line k's first word (one entry more: the number of words),
    `line_offset[k]` where that word starts in `text` (one entry more: `len(text) + 1`).
    Where words were printed is kept by run: consecutive lines printed at one position (a
    whole Act without page:line is one run) with no marks, or one line with marks (underlined,
    struck). Equal words share one `Word` object, made on first use."""

    __slots__ = ("text", "line_first", "line_offset", "run_first", "printed_at_known_places", "_run_positions",
                 "_marked", "_shared")

    def __init__(self, lines: Sequence[BodyLine], spaced: bool = False):
        """`lines`: printed lines that hold at least one word; `spaced`: each is single-spaced
        and stripped, as the reader that normalised them says (`ReadResult.spaced`): their text
        is not scanned for other spacing."""
        texts = [line.text for line in lines]
        text = " ".join(texts)
        if not spaced and not _single_spaced(text):
            texts = [" ".join(line_text.split()) for line_text in texts]  # as `str.split` reads words
            text = " ".join(texts)
        self.text = text
        # one word more than spaces a line, summed (a list comprehension: faster here than maps)
        self.line_first = array("q", accumulate([line_text.count(" ") + 1 for line_text in texts], initial=0))
        # each line's text and the space after it, summed
        self.line_offset = array("q", accumulate([len(line_text) + 1 for line_text in texts], initial=0))
        self._shared: dict[Position, _WordsAt] = {}
        self._find_runs(lines)

    def _find_runs(self, lines: Sequence[BodyLine]) -> None:
        """`run_first[r]`: the first word of run r (one entry more: the number of words);
        each run's position, and the line of each run printed with marks."""
        run_lines: list[int] = []
        positions: list[Position] = []
        self._marked: dict[int, BodyLine] = {}
        if _printed_at_one_place(lines):  # a whole Act without page:line: one run, found without a loop
            run_lines, positions = [0], [lines[0].position]
        else:
            previous: tuple[int | None, int | None, bool] | None = None
            for index, line in enumerate(lines):
                printed_at = (line.page, line.line, bool(line.marks))
                if printed_at != previous or line.marks:
                    if line.marks:
                        self._marked[len(run_lines)] = line
                    run_lines.append(index)
                    positions.append(line.position)
                    previous = printed_at
        run_lines.append(len(lines))
        self.run_first = array("q", map(self.line_first.__getitem__, run_lines))
        self._run_positions = positions
        # a rendering with no page:line (an ILCS page, a CSV) prints every word at no known place
        self.printed_at_known_places = any(position.known for position in positions)

    def line_of(self, index: int) -> int:
        """The printed line holding word `index` (the line count for the end of the text)."""
        return bisect_right(self.line_first, index) - 1

    def offset(self, index: int, lines_seen: dict[int, array] | None = None) -> int:
        """Where word `index` starts in `text` (`len(text) + 1` for the end of the text).
        `lines_seen` keeps the word offsets of each line looked into, for the next look."""
        line = self.line_of(index)
        first = self.line_first[line]
        if index == first:
            return self.line_offset[line]
        offsets = None if lines_seen is None else lines_seen.get(line)
        if offsets is None:
            offsets = self.offsets_in_line(line)
            if lines_seen is not None:
                lines_seen[line] = offsets
        return offsets[index - first]

    def word_after(self, offset: int) -> int:
        """Index of the first word starting at or after `offset` (the words starting before it)."""
        line = bisect_right(self.line_offset, offset) - 1
        start = self.line_offset[line]
        if offset <= start:
            return self.line_first[line]
        return self.line_first[line] + 1 + self.text.count(" ", start, offset - 1)

    def word(self, index: int) -> str:
        """The text of word `index` ("" outside the text)."""
        return self.word_starting_at(self.offset(index)) if 0 <= index < len(self) else ""

    def word_starting_at(self, offset: int) -> str:
        """The text of the word starting at `offset`."""
        end = self.text.find(" ", offset)
        return self.text[offset:] if end < 0 else self.text[offset:end]

    def word_before(self, offset: int) -> str:
        """The text of the word before the one starting at `offset` ("" for the first)."""
        if offset <= 0:
            return ""
        end = offset - 1
        return self.text[self.text.rfind(" ", 0, end) + 1:end]

    def word_following(self, offset: int) -> str:
        """The text of the word after the one starting at `offset` ("" for the last)."""
        space = self.text.find(" ", offset)
        return "" if space < 0 else self.word_starting_at(space + 1)

    def text_of(self, start: int, end: int) -> str:
        """Words `start` to `end` (not included) joined by single spaces."""
        if start >= end:
            return ""
        return self.text[self.offset(start):self.offset(end) - 1]

    def __len__(self) -> int:
        return self.line_first[-1]

    def words(self, start: int, end: int, text: str | None = None) -> list[Word]:
        """`Word`s `start` to `end` (not included), each at its line's position and mark
        (`text`: their text, `text_of(start, end)`, where the caller has it)."""
        if start >= end:
            return []
        texts = (self.text_of(start, end) if text is None else text).split(" ")
        words: list[Word] = []
        run = bisect_right(self.run_first, start) - 1
        at = start
        while at < end:
            first = self.run_first[run]
            stop = min(end, self.run_first[run + 1])
            marked = self._marked.get(run)
            if marked is not None:
                words.extend(marked.words()[at - first:stop - first])
            else:
                words.extend(map(self._shared_at(self._run_positions[run]).__getitem__, texts[at - start:stop - start]))
            at = stop
            run += 1
        return words

    def position_of(self, index: int) -> Position:
        """Where word `index` was printed (every word of a line is printed at the line's position)."""
        return self._run_positions[bisect_right(self.run_first, index) - 1]

    def word_object(self, index: int, offset: int) -> Word:
        """The `Word` of word `index`, which starts at `offset` in `text` (one word made, not its line's)."""
        run = bisect_right(self.run_first, index) - 1
        if run in self._marked:
            return self.words(index, index + 1)[0]
        return self._shared_at(self._run_positions[run])[self.word_starting_at(offset)]

    def _shared_at(self, position: Position) -> "_WordsAt":
        found = self._shared.get(position)
        if found is None:
            found = self._shared[position] = _WordsAt(position)
        return found

    def offsets_in_line(self, line: int) -> array:
        """Where each word of one printed line starts in `text` (one entry more: the next line's)."""
        start, end = self.line_offset[line], self.line_offset[line + 1] - 1
        lengths = map(len, self.text[start:end].split(" "))
        # each word's start: the line's start, the words before it and a space after each
        return array("q", map(add, accumulate(lengths, initial=start), count()))


def _printed_at_one_place(lines: Sequence[BodyLine]) -> bool:
    """Are all `lines` (at least one) printed at one page and line, none with marks? (Most
    renderings print a page and line on every line or on none: the line numbers are read
    first, where they differ at once.)"""
    return (bool(lines) and len({line.line for line in lines}) == 1 and len({line.page for line in lines}) == 1
            and not any([line.marks for line in lines]))


def _single_spaced(text: str) -> bool:
    """Is `text` words joined by single spaces, as `" ".join(text.split())` would print it?
    (A scan a character: a regular expression takes eight times as long on a whole Act.)"""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return False
    others = ASCII_WHITESPACE_BUT_SPACE if text.isascii() else WHITESPACE_BUT_SPACE
    return not any(character in text for character in others)


class _WordsAt(dict[str, Word]):
    """The words printed at one position, by text; a missing one is made on first use.

    Words are values (equal by text, position and mark, and never modified), so equal
    words can be one object: a flattened text with no page:line (an ILCS CSV) then has a
    few thousand Word objects instead of tens of thousands."""

    __slots__ = ("position",)

    def __init__(self, position: Position):
        super().__init__()
        self.position = position

    def __missing__(self, text: str) -> Word:
        word = self[text] = Word(text, self.position, PLAIN)
        return word
