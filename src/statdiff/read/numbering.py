"""The line-number engine that every numbered rendering feeds (numbered, pipe-table,
legisnet, flattened ftp, mirror and PDF-text pages).

A numbered rendering is read in two steps. Its own module cuts the raw text into `Piece`s
(a physical line, a table cell, a word of a flattened page) and marks the running headers
and the separators; `number_lines` then walks the pieces and starts a new printed line
wherever a piece begins with the line number the printing expects next. A printed line is
defined by its number, not by where the physical newlines fall. What it leaves out (line
numbers, running headers, separators, front matter) it records as `Drop`s, by rule
(`common.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from statdiff.model import BodyLine, Drop
from statdiff.read.common import (
    FRONT_MATTER, LINE_NUMBER, LRB_NUMBER, MAX_SKIP, NBSP, RESTART_REACH, RUNNING_HEADER, SYNOPSIS, is_running_header,
    normalize, restart_confirmed,
)
from statdiff.read.splits import joins_across_lines

TEXT, HEADER, DROPPED = "text", "header", "dropped"


@dataclass(slots=True)
class Piece:
    """A run of raw text: a physical line, a table cell, a word, or a separator.

    `kind`: TEXT (body text, maybe opening with a line number), HEADER (a running header:
    its page number, if printed, in `page`) or DROPPED (left out by `rule`: a table's
    cell separators). `whole` says the line number, if any, is the whole piece (a table
    cell or a word) rather than a prefix of it (a physical line, possibly glued:
    `3represented`). `number_at_end`: the line number was printed at the end of this
    physical line (PDF text) and moved to its front for the engine. `in_column`: the line
    number was printed in a column of numbers before the page's text lines (PDF text) and
    joined to its line by `paired_columns`.
    """

    text: str
    kind: str = TEXT
    page: int | None = None
    whole: bool = False
    rule: str | None = None
    number_at_end: bool = False
    in_column: bool = False

    @property
    def header(self) -> bool:
        return self.kind == HEADER


@dataclass(slots=True)
class _Open:
    page: int
    line: int
    parts: list[str] = field(default_factory=list)
    words: int = 0
    indented: bool | None = None
    width: int | None = None

    def append(self, text: str) -> None:
        words = len(text.split())
        if self.parts and words and joins_across_lines(self.parts[-1], text):
            # one printed line in two physical lines, split inside a token (`P` / `.A.`): one word
            self.parts[-1] = self.parts[-1].rstrip() + text.lstrip()
            words -= 1
        else:
            self.parts.append(text)
        self.words += words


@dataclass(slots=True)
class Numbered:
    """What `number_lines` found: the body lines, the drops (line numbers, headers,
    separators; front matter as `FRONT_MATTER` for the reader to name), the front matter's
    texts, the headers' texts, and each line's indent width where measured."""

    lines: list[BodyLine]
    dropped: list[Drop]
    front: list[str]
    headers: list[str]
    widths: list[int | None]


_DIGITS = frozenset("0123456789")

# A printed line number has at most this many digits (a page holds a few dozen lines).
_MAX_LINE_NUMBER_DIGITS = 3


# A word of a page run together that starts with the line number expected next and then a quotation
# mark is that line's first word glued to its number (the markup of struck or underlined text lost
# the space): no word of the text is a number run into a quote.
_OPENING_QUOTES = frozenset('"“')


def leading_number(piece: Piece, expected: int, started: bool, page_turned: bool = False) -> tuple[int, str] | None:
    """The line number `piece` starts with, given the number expected next.

    Tried in order: the expected number, a small skip ahead, then 1 (a new
    page); 1 first when a page header has just been passed. A number glued to
    more digits (`645 and 50`, `11-1-06`) is ambiguous: it is taken only when
    no candidate reads cleanly. Before the body has started only 1 or 2 open
    it (line 1 may be missing), and the number must stand apart from the text.
    """
    text = piece.text.lstrip(" \t")
    if not text or text[0] not in _DIGITS:
        return None
    if piece.whole:
        found = _whole_number(text.strip(), _candidates(expected, started, page_turned))
        label = str(expected)
        if found is None and started and text.startswith(label) and text[len(label):len(label) + 1] in _OPENING_QUOTES:
            return expected, text[len(label):]  # `19"Board".` in a page run together: line 19's first word
        return found
    label = str(expected)
    if started and text.startswith(label) and text[len(label) : len(label) + 1] not in _DIGITS:
        return expected, text[len(label):]  # the usual case: the number expected next
    digits = text[: len(text) - len(text.lstrip("0123456789"))]
    ambiguous = None
    for number in _candidates(expected, started, page_turned):
        label = str(number)
        if not text.startswith(label):
            continue
        rest = text[len(label):]
        if not started and not _can_open_body(rest):
            continue
        if digits != label:
            ambiguous = ambiguous or (number, rest)
            continue
        return number, rest
    return ambiguous


# A page restarts its numbers at 1 with no running header (legisnet pages print none below the
# first) only once it holds this many printed lines: a `1` sooner is a word of the text (`"ARTICLE
# 1`, `Section 1` in a page run together), not a page of a few lines.
MIN_LINES_BEFORE_RESTART = 10


def _candidates(expected: int, started: bool, page_turned: bool) -> tuple[int, ...]:
    if not started:
        return (1, 2)
    ahead = tuple(range(expected, expected + MAX_SKIP + 1))
    if page_turned:  # a new page: line 1, or line 2 where the copy lost the page's first line
        return (1, 2, *ahead)
    return (*ahead, 1) if expected > MIN_LINES_BEFORE_RESTART else ahead


def _whole_number(text: str, candidates: tuple[int, ...]) -> tuple[int, str] | None:
    """A piece that is a number and nothing else (a table cell, a word)."""
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_LINE_NUMBER_DIGITS:
        return None
    number = int(text)
    return (number, "") if str(number) == text and number in candidates else None


def _can_open_body(rest: str) -> bool:
    """Before line 1, a number must stand apart (`1 AN ACT`, `1<NBSP>AN ACT`) or
    be glued to something that cannot continue a word or a number (`1(a)`,
    `1"Section`, `1AMENDMENT`): front matter has `2005 and 2006`, `2nd`."""
    first = rest[:1]
    return first in ("", " ", NBSP, "\t") or not (first in _DIGITS or first.islower())


def number_lines(
    pieces: list[Piece],
    indent_of: Callable[[str], bool | None] | None = None,
    start_page: int = 1,
    width_of_cell: Callable[[str], int] | None = None,
    width_of: Callable[[str], int | None] | None = None,
) -> Numbered:
    """Assemble numbered body lines from pieces.

    The front matter is the text before the first numbered line (chrome, synopsis); the
    headers say what the running headers printed; when `width_of(rest)` measures each
    line's indent, the widths come back one a line (None where unmeasured). A line number
    not above the previous one opens a new page; the first printed page number (`- 2 -`)
    fixes the count for a copy that starts mid-document. `indent_of(rest)` says whether a
    line's text (after its number) is indented; `width_of_cell(raw)` measures the indent of
    the raw first text piece of the line instead, where the number stands in a piece of its
    own (a table cell).
    """
    lines: list[BodyLine] = []
    dropped: list[Drop] = []
    widths: list[int | None] = []
    front: list[str] = []
    headers: list[str] = []
    current: _Open | None = None
    page = start_page
    last_line = 0
    closed_words = 0
    page_fixups: list[tuple[int, int]] = []  # (index into lines, page the header said)

    def close() -> None:
        nonlocal closed_words
        if current is None:
            return
        parts = current.parts
        # single-spaced and stripped (the structure stage trusts it: `ReadResult.spaced`)
        text = " ".join((parts[0] if len(parts) == 1 else " ".join(parts)).split())
        if not text:
            return
        if width_of_cell is not None and current.width is None:
            current.width = width_of_cell(_first_with_text(parts))
        lines.append(BodyLine(text, current.page, current.line, current.indented))
        widths.append(current.width)
        closed_words += current.words

    def here() -> int:
        return closed_words + (current.words if current is not None else 0)

    page_turned = False
    column_after: int | None = None  # where a column of line numbers stood: the words before its page's text
    pieces = paired_columns(pieces)
    for index, piece in enumerate(pieces):
        if not piece.in_column:
            column_after = None
        if piece.kind == HEADER:
            headers.append(piece.text)
            _drop(dropped, RUNNING_HEADER, piece.text, piece.page, None, here())
            page_turned = current is not None
            if piece.page is not None:
                page_fixups.append((len(lines) + (1 if current else 0), piece.page))
            continue
        if piece.kind == DROPPED:
            _drop(dropped, piece.rule or FRONT_MATTER, piece.text, current.page if current else None,
                  current.line if current else None, here())
            continue
        started = current is not None
        found = leading_number(piece, last_line + 1, started, page_turned)
        if found is not None and _unconfirmed_restart(found[0], piece, pieces, index, last_line, page_turned):
            found = None  # `Amendment No. 1` in a page run together: a word, not a new page
        if found is None:
            if current is None:
                if normalize(piece.text):
                    front.append(piece.text)
                    _drop(dropped, FRONT_MATTER, piece.text, None, None, 0)
            else:
                current.append(piece.text)
            continue
        number, rest = found
        page_turned = False
        close()
        if started and number <= last_line:
            page += 1
        last_line = number
        indented = indent_of(rest) if indent_of else None
        current = _Open(page, number, [], 0, indented, width_of(rest) if width_of else None)
        current.append(rest)
        after = closed_words + (current.words if piece.number_at_end else 0)
        if piece.in_column:  # the source printed every number of the column before the column's text
            column_after = after if column_after is None else column_after
            after = column_after
        label = piece.text.lstrip(" \t")[: len(piece.text.lstrip(" \t")) - len(rest)]
        _drop(dropped, LINE_NUMBER, label, page, number, after)
    close()
    shift = _header_page_shift(lines, page_fixups)
    if shift:
        for line in lines:
            line.page = None if line.page is None else line.page + shift
        for drop in dropped:
            if drop.page is not None and drop.rule != RUNNING_HEADER:  # a header's page is as printed
                drop.page += shift
    return Numbered(lines, dropped, front, headers, widths)


# ---------------------------------------------------------------- a column of line numbers
# Text extracted from a PDF whose line numbers are a column of their own (`pdftotext` in its
# default reading order; the numbers stand apart from the text in the page's layout) prints
# each page as the column of numbers, one a line, then the page's text lines, unnumbered:
#     1
#     2
#     AN ACT concerning consumer fraud.
#     Be it enacted by the People of the State of Illinois,
# Read as they come, every line of the page would be its last number's (1:23 for a change on
# line 5). A run of numbers in sequence followed by exactly as many unnumbered lines is one
# page's column and its lines: the n-th number is the n-th line's. Where the counts differ
# (the extraction merged or split a line) nothing is paired: no line gets a number it may
# not have.

MIN_COLUMN = 2  # a number alone above its one line is the usual number-on-its-own-row


def _bare_number(piece: Piece) -> int | None:
    """The number a physical line holds and nothing else (`12`), else None."""
    text = piece.text.strip()
    if piece.kind != TEXT or piece.whole or not text.isdigit() or not text.isascii() or len(text) > _MAX_LINE_NUMBER_DIGITS:
        return None
    return int(text)


def paired_columns(pieces: list[Piece]) -> list[Piece]:
    """The pieces, each column of line numbers joined to the text lines after it, a number a
    line (`in_column`), where the counts agree; every other piece as it was."""
    if not any(_bare_number(piece) is not None for piece in pieces):
        return pieces
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        numbers, lines, end = _column_at(pieces, index)
        end = max(end, index + 1)
        if len(numbers) >= MIN_COLUMN and len(lines) == len(numbers):
            out.extend(Piece(f"{number} {line.text.strip()}", in_column=True) for number, line in zip(numbers, lines))
        else:  # as it was, the whole run: a part of it is no column of its own
            out.extend(pieces[index:end])
        index = end
    return out


def _column_at(pieces: list[Piece], start: int) -> tuple[list[int], list[Piece], int]:
    """The numbers in sequence from `start` (blank lines between them allowed), the unnumbered
    text lines after them up to the next number, header or separator, and where those end."""
    numbers: list[int] = []
    index = start
    while index < len(pieces):
        number = _bare_number(pieces[index])
        if number is not None and (not numbers or number == numbers[-1] + 1):
            numbers.append(number)
        elif number is not None or not _blank(pieces[index]):
            break
        index += 1
    if len(numbers) < MIN_COLUMN:
        return numbers, [], index
    lines: list[Piece] = []
    while index < len(pieces) and len(lines) <= len(numbers):
        piece = pieces[index]
        if piece.kind != TEXT or piece.whole or _bare_number(piece) is not None:
            break
        if not _blank(piece):
            if _opens_with(piece.text, numbers[-1] + 1 + len(lines)):
                break  # the line carries the number it would be given: the page numbers its own lines
            lines.append(piece)
        index += 1
    return numbers, lines, index


def _opens_with(text: str, number: int) -> bool:
    """Whether `text` opens with the number `number` (`7 text`, `7text`; not `75 days`)."""
    text = text.lstrip(" \t" + NBSP)
    label = str(number)
    return text.startswith(label) and text[len(label):len(label) + 1] not in _DIGITS


def _blank(piece: Piece) -> bool:
    return piece.kind == TEXT and not piece.text.strip()


def _unconfirmed_restart(number: int, piece: Piece, pieces: list[Piece], index: int, last_line: int,
                         page_turned: bool) -> bool:
    """A `1` word with no running header before it, in a page run together, that
    `restart_confirmed` does not confirm."""
    if number != 1 or page_turned or not piece.whole or last_line == 0:
        return False
    following = (None if later.kind == HEADER else later.text.strip()
                 for later in pieces[index + 1:index + 1 + RESTART_REACH]
                 if later.kind == HEADER or (later.whole and later.text.strip().isdigit()))
    return not restart_confirmed(following, last_line)


def _drop(dropped: list[Drop], rule: str, text: str, page: int | None, line: int | None, after: int) -> None:
    clean = normalize(text)
    if clean:
        dropped.append(Drop(rule, clean, page, line, after))


def _first_with_text(parts: list[str]) -> str:
    for part in parts:
        if part.strip():
            return part
    return ""


def _header_page_shift(lines: list[BodyLine], fixups: list[tuple[int, int]]) -> int:
    """If the first printed page number disagrees with the count (a copy that
    starts mid-document), how far every page must shift."""
    for index, printed in fixups:
        if index < len(lines):
            counted = lines[index].page
            if lines[index].line == 1 and counted is not None and counted != printed:
                return printed - counted
            return 0
    return 0


def name_front_matter(numbered: Numbered, synopsis_texts: Collection[int] = ()) -> None:
    """Give each front-matter drop its own rule: the synopsis paragraphs (their indices in
    `numbered.front`), an LRB number standing alone, or the title page and chrome."""
    front_drops = [drop for drop in numbered.dropped if drop.rule == FRONT_MATTER]
    texts = [normalize(text) for text in numbered.front if normalize(text)]
    for index, (drop, text) in enumerate(zip(front_drops, texts)):
        if index in synopsis_texts:
            drop.rule = SYNOPSIS
        elif is_running_header(text):
            drop.rule = LRB_NUMBER
