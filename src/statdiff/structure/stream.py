"""The stream of words the builder walks: the body's words in order, the text they join
into (single spaces), where each printed line starts and how it is indented, and the
candidate words where a unit of the law may start."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, compress, repeat
from re import Pattern

from statdiff.law import citations, units
from statdiff.model import ReadResult
from statdiff.model.wordstore import WordStore

# A text with more words than this a printed line and no indentation was run together.
FLATTENED_WORDS_PER_LINE = 40

# Where a unit may start inside a line (`units.UNIT_START`): after a space, a word opening
# with one of these characters, or one of these words.
UNIT_START_CHARACTERS = "(\"“"
UNIT_START_WORDS = ("Sec.", "Section", "SECTION", "ARTICLE", "Article")


def _unit_start_searches(words: tuple[str, ...] = UNIT_START_WORDS) -> list[Pattern[str]]:
    """`units.UNIT_START` as one search for each character a unit start opens with, each
    matching from that character (the space before it checked behind): the search skips
    straight to the character, where `UNIT_START` stops at every space (three times as long
    on a whole Act). A match starts where `UNIT_START`'s ends. (`words`: those of
    `UNIT_START_WORDS` to find.)"""
    rests_by_initial: dict[str, list[str]] = {}
    for word in words:
        rests_by_initial.setdefault(word[0], []).append(re.escape(word[1:]))
    patterns = [f"{re.escape(character)}(?<= {re.escape(character)})" for character in UNIT_START_CHARACTERS]
    patterns += [f"{re.escape(initial)}(?<= {re.escape(initial)})(?:{'|'.join(rests)})(?= |$)"
                 for initial, rests in rests_by_initial.items()]
    return [re.compile(pattern) for pattern in patterns]


UNIT_START_SEARCHES = _unit_start_searches()
_SEARCHES_BY_WORDS: dict[tuple[str, ...], list[Pattern[str]]] = {UNIT_START_WORDS: UNIT_START_SEARCHES}


def unit_starts(text: str, words: tuple[str, ...] = UNIT_START_WORDS) -> list[int]:
    """Where each `units.UNIT_START` match of `text` ends (the word after its space), in order
    (`words`: only those of `UNIT_START_WORDS`, and the opening characters)."""
    searches = _SEARCHES_BY_WORDS.get(words)
    if searches is None:
        searches = _SEARCHES_BY_WORDS[words] = _unit_start_searches(words)
    starts: list[int] = []
    for search in searches:
        starts += [match.start() for match in search.finditer(text)]
    starts.sort()  # no two searches match at one place: each opens with its own character
    return starts


class Stream:
    """The body's words (a `WordStore`: one text and per-line arrays, no object per word),
    where each printed line starts and how it is indented, and the candidate words."""

    def __init__(self, result: ReadResult):
        if result.spaced:  # stripped: a line with text has words
            printed = [line for line in result.lines if line.text]
        else:
            printed = [line for line in result.lines if line.text and not line.text.isspace()]  # lines with words
        self.store = store = WordStore(printed, spaced=result.spaced)
        self.text = store.text
        self.count = count = len(store)
        line_starts = store.line_first[:-1]
        # where each word the builder looks at starts in `text`: the line starts it visits
        # (`know_line_starts`) and the unit starts inside lines (`words_starting_at`)
        self.known_offsets: dict[int, int] = {}
        self.lines_seen: dict[int, array] = {}  # the word offsets of the lines looked into
        # Per-word facts are kept in containers the garbage collector does not scan
        # (bytearray, array, a dict of plain values): it would walk them at every pass.
        self.line_start = line_start = bytearray(count)  # 1 where a printed line starts
        for start in line_starts:
            line_start[start] = 1
        self.indentation = indentation = [line.indented for line in printed]  # each printed line's
        self.has_indentation = any(indented is not None for indented in indentation)
        # index -> the line's; None elsewhere (and everywhere in a rendering that shows no indentation)
        self.indented = _AtLineStarts(store.line_first, indentation if self.has_indentation else None)
        self.flattened = bool(printed) and not self.has_indentation and (
            len(printed) == 1 or count / len(printed) > FLATTENED_WORDS_PER_LINE
        )
        self.legislation = _read_as_legislation(result) or looks_like_legislation(self.text)

    @property
    def candidates(self) -> list[int]:
        """Indices of the words where a unit may start: line starts, and in legislation the
        words that open with `(` or a quote or are `Sec.`, `Section`, `ARTICLE`, each once, in
        order. (The builder visits those of them `BoundaryFinder.visits` finds, without this list.)"""
        if not self.count:
            return []
        found = [0, *self.know_line_starts([True] * len(self.indentation))]
        if self.legislation:
            found += self.words_starting_at(unit_starts(self.text))
        # sorted runs merged in one pass; a word found twice (a line start is also after a
        # space) kept once. Every index found is a word's, below the count.
        found.sort()
        return list(dict.fromkeys(found))

    def know_line_starts(self, wanted: list[bool]) -> list[int]:
        """The first words of the printed lines `wanted` marks (a flag a line), their offsets
        and indentation looked up now, once: the builder visits them (a whole Act's flush
        lines, most of its lines, it never visits: nothing is looked up for them)."""
        store = self.store
        starts = list(compress(store.line_first, wanted))
        self.known_offsets.update(zip(starts, compress(store.line_offset, wanted)))
        self.indented.know(starts, compress(self.indentation, wanted))
        return starts

    def words_starting_at(self, starts: list[int]) -> list[int]:
        """The index of the word starting at each offset of `starts` (in increasing order):
        the spaces before it, counted from the previous offset on and summed. The offsets are
        kept: the builder reads the words it visits."""
        indices = list(accumulate(map(self.text.count, repeat(" "), [0, *starts], starts)))
        self.known_offsets.update(zip(indices, starts))
        return indices

    def __len__(self) -> int:
        return self.count

    def offset(self, index: int) -> int:
        """Where word `index` starts in `text` (looked up at once at a line start, where the
        builder mostly looks)."""
        found = self.known_offsets.get(index)
        if found is None:
            found = self.known_offsets[index] = self.store.offset(index, self.lines_seen)
        return found

    def word_after(self, offset: int, before: int | None = None, before_offset: int | None = None) -> int:
        """Index of the first word starting at or after `offset`. `before`: a word starting
        before `offset` (the word a match opened at): the spaces from it on are counted, no
        line looked up (`before_offset`: where it starts, when the caller knows)."""
        if before is None:
            return self.store.word_after(offset)
        if before_offset is None:
            before_offset = self.offset(before)
        return before + 1 + self.text.count(" ", before_offset, offset - 1)

    def word(self, index: int) -> str:
        """The text of word `index` ("" outside the text): `store.word_starting_at` of its
        offset, written out here (the builder asks at every visit)."""
        if not 0 <= index < self.count:
            return ""
        offset = self.known_offsets.get(index)
        if offset is None:
            offset = self.offset(index)
        end = self.text.find(" ", offset)
        return self.text[offset:] if end < 0 else self.text[offset:end]

    def previous(self, index: int) -> str:
        """The word before word `index` ("" for the first): `store.word_before` of its offset,
        written out here (the builder asks at most visits)."""
        if index <= 0:
            return ""
        offset = self.known_offsets.get(index)
        if offset is None:
            offset = self.offset(index)
        end = offset - 1
        return self.text[self.text.rfind(" ", 0, end) + 1:end]

    def before_previous(self, index: int, previous: str) -> str:
        """The word before word `index - 1` ("" for none), `previous(index - 1)`, where
        `previous` is `previous(index)`: word `index - 1` ends a space before word `index`,
        so it is found from word `index`'s offset, with no offset of its own looked up (an
        offset inside a line costs the offsets of the whole line)."""
        offset = self.known_offsets.get(index)
        if offset is None:
            offset = self.offset(index)
        end = offset - len(previous) - 2  # the space after the word wanted
        if index <= 1 or end <= 0:
            return ""
        return self.text[self.text.rfind(" ", 0, end) + 1:end]

    def word_from(self, offset: int) -> str:
        """The text of the first word starting at or after `offset` ("" when none does):
        `word(word_after(offset))`, read in the text without the word's index."""
        text = self.text
        if offset > 0 and text[offset - 1] != " ":  # inside a word, or at the space after one
            space = text.find(" ", offset)
            if space < 0:
                return ""
            offset = space + 1
        end = text.find(" ", offset)
        return text[offset:] if end < 0 else text[offset:end]

    def following(self, index: int) -> str:
        """The word after word `index` ("" for the last): `store.word_following` of its offset,
        written out here (the builder asks at every enumerator)."""
        text = self.text
        offset = self.known_offsets.get(index)
        space = text.find(" ", self.offset(index) if offset is None else offset)
        if space < 0:
            return ""
        end = text.find(" ", space + 1)
        return text[space + 1:] if end < 0 else text[space + 1:end]


class _AtLineStarts(dict[int, bool | None]):
    """The indentation of each line start (True, False, or None: not shown); None elsewhere.
    Those of the line starts the builder visits are put in beforehand (`know`); another line
    start's is read off its line when first asked for (`indentation`: each printed line's,
    None where no line shows any)."""

    __slots__ = ("line_first", "indentation")

    def __init__(self, line_first: array, indentation: list[bool | None] | None):
        super().__init__()
        self.line_first, self.indentation = line_first, indentation

    def know(self, starts: list[int], indentation: Iterable[bool | None]) -> None:
        if self.indentation is not None:
            self.update(zip(starts, indentation))

    def __missing__(self, index: int) -> bool | None:
        if self.indentation is None:
            return None
        line = bisect_right(self.line_first, index) - 1
        if not 0 <= line < len(self.indentation) or self.line_first[line] != index:
            return None  # not a line start
        found = self[index] = self.indentation[line]
        return found


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
