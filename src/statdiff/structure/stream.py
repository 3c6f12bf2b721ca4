"""The stream of words the builder walks: the body's words in order, the text they join
into (single spaces), where each printed line starts and how it is indented, and the
candidate words where a unit of the law may start."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate, repeat
from re import Match, Pattern

from statdiff.law import citations, units
from statdiff.model import PLAIN, BodyLine, Position, ReadResult, Word

# A text with more words than this a printed line and no indentation was run together.
FLATTENED_WORDS_PER_LINE = 40


class Stream:
    """The body's words, the text they join into, and where each printed line starts."""

    def __init__(self, result: ReadResult):
        self.words: list[Word] = []
        texts: list[str] = []
        line_starts: list[int] = []
        printed: list[BodyLine] = []
        shared = _SharedWords()
        words = self.words
        for line in result.lines:
            line_texts = line.text.split()
            if not line_texts:
                continue
            line_starts.append(len(texts))
            printed.append(line)
            texts.extend(line_texts)
            if line.marks:
                words.extend(line.words())
            else:
                words.extend(shared.words(line_texts, line.page, line.line))
        # Per-word facts are kept in containers the garbage collector does not scan
        # (bytearray, array, a dict of plain values): it would walk them at every pass.
        count = len(self.words)
        self.line_start = bytearray(count)  # 1 where a printed line starts
        self.indented = _AtLineStarts()  # index -> the line's indentation; None elsewhere
        for start, line in zip(line_starts, printed):
            self.line_start[start] = 1
            self.indented[start] = line.indented
        # offsets[i] = characters of the words before i, plus one space after each
        self.offsets = array("q", accumulate([len(text) + 1 for text in texts], initial=0))
        self.offsets.pop()
        self.text = " ".join(texts)
        self.has_indentation = any(line.indented is not None for line in printed)
        self.flattened = bool(printed) and not self.has_indentation and (
            len(printed) == 1 or len(self.words) / len(printed) > FLATTENED_WORDS_PER_LINE
        )
        self.legislation = _read_as_legislation(result) or looks_like_legislation(self.text)
        self.candidates = self.find_candidates(line_starts)

    def find_candidates(self, line_starts: list[int]) -> list[int]:
        """Indices of the words where a unit may start: line starts, and in legislation the
        words that open with `(` or a quote or are `Sec.`, `Section`, `ARTICLE`. The builder
        looks for boundaries only there."""
        found = set(line_starts)
        found.add(0)
        if self.legislation:
            ends = [match.end() for match in units.UNIT_START.finditer(self.text)]
            found.update(map(bisect_left, repeat(self.offsets, len(ends)), ends))  # word_after, each
        return sorted(index for index in found if index < len(self.words))

    def __len__(self) -> int:
        return len(self.words)

    def match(self, pattern: Pattern[str], index: int) -> Match[str] | None:
        """`pattern` matched at the start of word `index` (anchored there, free to run on)."""
        return pattern.match(self.text, self.offsets[index])

    def word_after(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        return bisect_left(self.offsets, offset)

    def word(self, index: int) -> str:
        return self.words[index].text if 0 <= index < len(self.words) else ""


class _AtLineStarts(dict[int, bool | None]):
    """The indentation of each line start (True, False, or None: not shown); None elsewhere."""

    def __missing__(self, index: int) -> None:
        return None


class _SharedWords:
    """One `Word` object for each distinct (text, page, line) of a document.

    Words are values (equal by text, position and mark, and never modified), so equal
    words can be one object: a flattened text with no page:line (an ILCS CSV) then has a
    few thousand Word objects instead of tens of thousands, which is quicker to build and
    keeps the garbage collector's full passes short."""

    def __init__(self) -> None:
        self.by_position: dict[tuple[int | None, int | None], _WordsAt] = {}

    def words(self, texts: list[str], page: int | None, line: int | None) -> Iterator[Word]:
        known = self.by_position.get((page, line))
        if known is None:
            known = self.by_position[(page, line)] = _WordsAt(Position(page, line))
        return map(known.__getitem__, texts)


class _WordsAt(dict[str, Word]):
    """The words printed at one position, by text; a missing one is made on first use."""

    __slots__ = ("position",)

    def __init__(self, position: Position):
        super().__init__()
        self.position = position

    def __missing__(self, text: str) -> Word:
        word = self[text] = Word(text, self.position, PLAIN)
        return word


# Renderings only Illinois legislation is printed in: whatever a copy holds, it is legislation.
LEGISLATIVE_RENDERINGS = frozenset(
    {"numbered", "pipes", "legisnet", "flat-ftp", "public-act", "ilcs", "ilcs-csv", "pdf-text", "mirror"}
)


def _read_as_legislation(result: ReadResult) -> bool:
    rendering = result.rendering
    if rendering == "html" and result.detection is not None:
        rendering = result.detection.rendering  # the rendering of the text the page shows
    return rendering in LEGISLATIVE_RENDERINGS


def looks_like_legislation(text: str) -> bool:
    """Does the text print any unit only legislation prints (a citation, `Sec. 5.`,
    `Section 5.`, an Act heading, a Source note, the enacting clause)?"""
    return any(
        pattern.search(text)
        for pattern in (
            citations.SECTION_CITATION, citations.HEADING_CITATION, units.SEC, units.SECTION,
            citations.ACT_HEADING, units.SOURCE_OPEN,
        )
    ) or any(phrase in text for phrase in units.LEGISLATIVE_PHRASES)


def prints_statute_units(text: str) -> bool:
    """Does the text print what Illinois legislation prints and a contract or a policy does
    not: an ILCS citation line, `Sec. 5.`, a Source note, an Act heading, the enacting clause,
    a bill's title, an Act's short title? (`Section 5.` alone is not enough: contracts number
    their sections so too.) A text with no rendering's marks that prints these is a bill or an
    Act pasted as plain text, built as legislation."""
    return any(
        pattern.search(text)
        for pattern in (citations.SECTION_CITATION, citations.HEADING_CITATION, units.SEC, citations.ACT_HEADING,
                        units.SOURCE_OPEN)
    ) or any(phrase in text for phrase in units.LEGISLATIVE_PHRASES)
