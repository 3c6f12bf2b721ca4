"""What was printed: positions (page:line), spans, words, body lines, a reader's result.

The readers speak in these types (`BodyLine`, `ReadResult`); every later stage keeps a
word's `Position` so that any change can be cited by the page and line it was printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import total_ordering
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from statdiff.model.comparison import Token

PLAIN = "plain"
INSERTED = "inserted"
DELETED = "deleted"


@total_ordering
@dataclass(frozen=True, slots=True)
class Position:
    """Where a word was printed: page and line, None where the rendering has none.

    Ordered in reading order: by page, then line; an unknown page or line sorts before
    every known one. Printed as `page:line` (`?` for an unknown part, `-` when both are
    unknown) and read back from that form by `Position.parse`.
    """

    page: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.page is None and self.line is None:
            return "-"
        page = "?" if self.page is None else str(self.page)
        line = "?" if self.line is None else str(self.line)
        return f"{page}:{line}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Position):
            return NotImplemented
        return self.sort_key < other.sort_key

    @property
    def cited(self) -> str:
        """How the outputs a person reads cite it: `3:14`; `line 14` where the text has lines
        and no pages (a contract, a policy, markdown: the file's own lines), which `?:14`
        would leave a reader to decode; "" where it has neither."""
        if self.page is None:
            return "" if self.line is None else f"line {self.line}"
        return str(self)

    @property
    def sort_key(self) -> tuple[int, int]:
        """(page, line) with -1 for an unknown part: printed pages and lines count from 1."""
        return (-1 if self.page is None else self.page, -1 if self.line is None else self.line)

    @property
    def known(self) -> bool:
        """The rendering printed at least a page or a line number here."""
        return self.page is not None or self.line is not None

    def to_json(self) -> dict:
        return {"page": self.page, "line": self.line}

    @staticmethod
    def parse(text: str) -> "Position":
        """`3:14`, `?:14`, `3:?` or `-` (as `str` prints them) back into a Position."""
        text = text.strip()
        if re.fullmatch(_POSITION_FORM, text) is None:
            raise ValueError(f"not a page:line position: {text!r}")
        if text == "-":
            return NOWHERE
        page, line = text.split(":")
        return Position(None if page == "?" else int(page), None if line == "?" else int(line))


# `page:line` with `?` for an unknown part, or `-` for an unknown position. Only a redline read
# back (`read.redline`) parses these: `re` compiles each at its first use (and keeps it).
_POSITION_FORM = r"(?:\?|\d+):(?:\?|\d+)|-"
_SPAN_FORMS = (  # (pattern, how the end is read): both ends, a line of the same page, one point
    (rf"({_POSITION_FORM})-({_POSITION_FORM})", "position"),
    (rf"({_POSITION_FORM})-(\d+|\?)", "line"),
    (rf"({_POSITION_FORM})", "point"),
)


NOWHERE = Position()


@total_ordering
@dataclass(frozen=True, slots=True)
class SourceSpan:
    """First and last printed position of a node or change; ordered by start, then end.

    `str` prints it compactly (`3:14`, `3:14-16`, `3:14-4:2`); `full` prints both ends
    (`3:14-3:16`), as the redline's `data-*-source` attributes carry it. `SourceSpan.parse`
    reads either form back.
    """

    start: Position
    end: Position

    def __str__(self) -> str:
        if self.start == self.end:
            return str(self.start)
        if self.start.page == self.end.page and self.start.page is not None:
            return f"{self.start}-{'?' if self.end.line is None else self.end.line}"
        return f"{self.start}-{self.end}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SourceSpan):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    @property
    def cited(self) -> str:
        """How the outputs a person reads cite it (`Position.cited`): `3:14`, `3:14-16`,
        `3:14-4:2`; `line 14`, `lines 14-16` where the text has lines and no pages; "" where
        it has neither. `str` keeps the `?:14` form that `parse` reads back."""
        start, end = self.start, self.end
        if start.page is None and end.page is None and start.line is not None and end.line is not None:
            return start.cited if start.line == end.line else f"lines {start.line}-{end.line}"
        return str(self) if self.known else ""

    @property
    def full(self) -> str:
        """Both ends written out, `3:14-3:16` (`-` for an unknown end)."""
        return f"{self.start}-{self.end}"

    @property
    def known(self) -> bool:
        """Either end has a page or a line number (the span prints as more than `-`)."""
        return self.start.known or self.end.known

    def contains(self, position: Position) -> bool:
        """The position lies between the span's ends (both included)."""
        return self.start <= position <= self.end

    def to_json(self) -> dict:
        return {"start": self.start.to_json(), "end": self.end.to_json()}

    @staticmethod
    def parse(text: str) -> "SourceSpan":
        """A span in the form `str` or `full` prints it, back into a SourceSpan."""
        text = text.strip()
        for pattern, end in _SPAN_FORMS:
            match = re.fullmatch(pattern, text)
            if match is None:
                continue
            start = Position.parse(match.group(1))
            if end == "position":
                return SourceSpan(start, Position.parse(match.group(2)))
            if end == "line":
                line = match.group(2)
                return SourceSpan(start, Position(start.page, None if line == "?" else int(line)))
            return SourceSpan(start, start)
        raise ValueError(f"not a page:line span: {text!r}")

    @staticmethod
    def covering(words: "Sequence[Word] | Sequence[Token]") -> "SourceSpan | None":
        """From the first to the last word's (or token's) position; None for none."""
        if not words:
            return None
        return SourceSpan(words[0].position, words[-1].position)

    @staticmethod
    def at(position: "Position | None") -> "SourceSpan | None":
        """The span of one point (where an insertion falls in the other text); None for None."""
        return None if position is None else SourceSpan(position, position)


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One whitespace-delimited word of body text, with where and how it was printed.

    `mark` is PLAIN, or INSERTED / DELETED where the printing itself marked the
    word as underlined (new) or struck through (deleted), as ilga.gov HTML does.
    Treat it as immutable: it is hashable by value. It is not frozen only because
    a frozen dataclass costs three times as much to build, and a document has
    tens of thousands of words.
    """

    text: str
    position: Position = NOWHERE
    mark: str = PLAIN


@dataclass(slots=True)
class BodyLine:
    """One printed line of body text after the reader stripped line numbers,
    page headers, markers and site chrome.

    `text` has no leading or trailing whitespace and single spaces inside.
    `indented` is True where the printing indents the line (a paragraph start),
    False where it is flush, None where the rendering does not tell.
    `marks` are (start, end, INSERTED|DELETED) character ranges of `text`.
    """

    text: str
    page: int | None = None
    line: int | None = None
    indented: bool | None = None
    marks: tuple[tuple[int, int, str], ...] = ()

    @property
    def position(self) -> Position:
        return Position(self.page, self.line)

    def char_marks(self) -> list[str]:
        """The mark of each character of `text` (PLAIN where none is printed)."""
        marks = [PLAIN] * len(self.text)
        for start, end, mark in self.marks:
            for index in range(max(start, 0), min(end, len(marks))):
                marks[index] = mark
        return marks

    def without(self, dropped: str) -> "BodyLine | None":
        """The line with its characters marked `dropped` taken out (struck text: the line as
        the bill means it), spaces made single again, the other marks kept on their
        characters; None when nothing is left."""
        kept: list[tuple[str, str]] = []
        for char, mark in zip(self.text, self.char_marks()):
            char = " " if mark == dropped else char
            if char == " " and (not kept or kept[-1][0] == " "):
                continue
            kept.append((char, PLAIN if char == " " else mark))
        while kept and kept[-1][0] == " ":
            kept.pop()
        if not kept:
            return None
        marks: list[tuple[int, int, str]] = []
        for index, (_, mark) in enumerate(kept):
            if mark == PLAIN:
                continue
            if marks and marks[-1][2] == mark and marks[-1][1] >= index - 1:
                marks[-1] = (marks[-1][0], index + 1, mark)
            else:
                marks.append((index, index + 1, mark))
        return BodyLine("".join(char for char, _ in kept), self.page, self.line, self.indented, tuple(marks))

    def words(self) -> list[Word]:
        position = self.position
        if not self.marks:
            return [Word(text, position, PLAIN) for text in self.text.split()]
        words = []
        offset = 0
        for text in self.text.split():
            start = self.text.index(text, offset)
            offset = start + len(text)
            words.append(Word(text, position, _mark_at(self.marks, start, offset)))
        return words


def _mark_at(marks: tuple[tuple[int, int, str], ...], start: int, end: int) -> str:
    for mark_start, mark_end, mark in marks:
        if mark_start < end and start < mark_end:
            return mark
    return PLAIN


@dataclass(slots=True)
class Identity:
    """What a document says about itself, where it can be read."""

    general_assembly: int | None = None
    bill: str | None = None  # "HB0605", "SB0731", "HJRCA0044"
    version: str | None = None  # introduced, engrossed, enrolled, amendment, public act, compiled
    amendment: str | None = None  # "sam002", "ham001"
    lrb: str | None = None  # "LRB095 04519 ..." or "LRB9215491JSpcA"
    public_act: str | None = None  # "94-36"
    title: str | None = None  # "AN ACT concerning consumer fraud."
    act: str | None = None  # "815 ILCS 530" for an ILCS page

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    def describe(self) -> str:
        parts = []
        if self.general_assembly:
            parts.append(f"{ordinal(self.general_assembly)} GA")
        if self.bill:
            parts.append(self.bill)
        if self.amendment:
            parts.append(self.amendment)
        elif self.version:
            parts.append(self.version)
        if self.public_act:
            parts.append(f"P.A. {self.public_act}")
        if self.act and not self.bill:
            parts.append(self.act)
        return " ".join(parts) or self.title or "untitled document"


def ordinal(number: int) -> str:
    """92nd, 93rd, 101st, 111th: as the General Assembly names itself."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


@dataclass(slots=True)
class Drop:
    """Source text a reader left out of the body, and the named rule that left it out
    (`line number`, `running header`, `site chrome`, ...). `after` is how many body words
    come before it, so that the body and the drops interleave back into the source;
    `page`/`line` say where it was printed (None where the rendering prints none)."""

    rule: str
    text: str
    page: int | None = None
    line: int | None = None
    after: int = 0
    column: int | None = None  # where it starts in its physical source line, where the reader knows

    @property
    def where(self) -> str:
        """`page:line` as the audit prints it: `-` where the rendering prints neither."""
        if self.page is None and self.line is None:
            return "-"
        return f"{'?' if self.page is None else self.page}:{'-' if self.line is None else self.line}"

    def to_json(self) -> dict:
        found = {"rule": self.rule, "text": self.text, "page": self.page, "line": self.line, "after": self.after}
        if self.column is not None:
            found["column"] = self.column
        return found


@dataclass(slots=True)
class Detection:
    """Which rendering a text was read as and why: every rendering's score (0 to 1) from
    the evidence sampled over the whole text, the runner-up, and whether the best fits well
    (`fits`) or the text was read as prose for want of a fit. `forced`: `--format` chose."""

    rendering: str
    score: float
    runner_up: str | None = None
    runner_up_score: float | None = None
    fits: bool = True
    forced: bool = False
    scores: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "rendering": self.rendering,
            "score": self.score,
            "runner_up": None if self.runner_up is None else {"rendering": self.runner_up, "score": self.runner_up_score},
            "fits": self.fits,
            "forced": self.forced,
            "scores": dict(sorted(self.scores.items())),
            "evidence": dict(sorted(self.evidence.items())),
        }


PROSE = "prose"


def reads_as_prose(rendering: str, detection: Detection | None) -> bool:
    """A text that is not legislation (a contract, a policy, markdown): read as prose, or an
    HTML page whose shown text read so (a policy published as a web page)."""
    return rendering == PROSE or (rendering == "html" and detection is not None and detection.rendering == PROSE)


@dataclass(slots=True)
class ReadResult:
    """What a reader hands to the structure stage. `dropped`: everything the reader left
    out of the body, each by a named rule (the audit); `detection`: how the rendering was chosen."""

    lines: list[BodyLine]
    rendering: str
    identity: Identity = field(default_factory=Identity)
    synopsis: str | None = None
    name: str = "<text>"
    dropped: list[Drop] = field(default_factory=list)
    detection: Detection | None = None
    # every line's text is single-spaced and stripped (as `" ".join(text.split())` prints it): set
    # by a reader that normalised each line, so that the structure stage does not scan the text again
    spaced: bool = False

    @property
    def prose(self) -> bool:
        """Not legislation (`reads_as_prose`)."""
        return reads_as_prose(self.rendering, self.detection)

    def marked(self, mark: str) -> bool:
        """Some text of the body is printed with `mark` (struck through: DELETED)."""
        return any(line_mark == mark for line in self.lines for _, _, line_mark in line.marks)

    def without(self, dropped: str) -> "ReadResult":
        """The body with the text marked `dropped` taken out, each line where it was printed:
        without its struck text, a marked-up bill's text as the bill means it."""
        lines = [kept for line in self.lines if (kept := line.without(dropped)) is not None]
        return ReadResult(lines, self.rendering, self.identity, self.synopsis, self.name, self.dropped, self.detection)
