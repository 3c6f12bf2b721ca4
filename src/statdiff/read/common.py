"""Pieces shared by the readers: the printing's furniture (LRB numbers, page markers,
running headers), the named rules every dropped token is dropped by, the line-number
engine that every numbered rendering feeds, and the cutting of flattened text into lines.

A numbered rendering is read in two steps. Its own module cuts the raw text into `Piece`s
(a physical line, a table cell, a word of a flattened page) and marks the running headers
and the separators; `number_lines` then walks the pieces and starts a new printed line
wherever a piece begins with the line number the printing expects next. A printed line is
defined by its number, not by where the physical newlines fall.

Every reader records what it leaves out of the body (`Drop`: the text, the named rule,
where it was printed, how many body words come before it), so that an audit can check,
against the source and not against the reader, that nothing else went missing.
"""

from __future__ import annotations

import re
import itertools
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from statdiff.law import citations, definitions, enumerators, measures, units
from statdiff.law.compiling import when_used
from statdiff.model import BodyLine, Drop

NBSP = "\u00a0"

# ---------------------------------------------------------------- the rules that drop text
# Every token a reader leaves out of the body is left out by one of these, by name.
LINE_NUMBER = "line number"
RUNNING_HEADER = "running header"
CELL_SEPARATOR = "table cell separator"
FRONT_MATTER = "front matter"
SYNOPSIS = "synopsis"
LRB_NUMBER = "LRB number"
SITE_CHROME = "site chrome"
DISCLAIMER = "ILCS disclaimer"
ACT_HEADING = "Act heading"
CHAPTER_HEADING = "chapter heading"
NAVIGATION_CITATION = "navigation citation"
SITE_SCRIPT = "site script"
PUBLIC_ACT_HEADER = "Public Act header"
BILL_STATUS = "bill-status metadata"
# The rules by which the reader of documents that are not Illinois legislation (`prose.py`)
# drops a token of markdown or plain-text markup that is not a word of the document.
MARKUP_RULES = {
    "table pipe": "a `|` that opens, closes or separates the cells of a table row",
    "table delimiter row": "the `|---|:---:|` row under a table's header row",
    "heading marker": "the `#` to `######` that open a markdown heading, and the `#`s that may close it",
    "heading underline": "the `===` or `---` line under a one-line (setext) heading, or a reStructuredText title's underline (`~~~`, `^^^`, ...)",
    "rule line": "a line of nothing but three or more `-`, `*`, `_` or `=` (a horizontal rule)",
    "list bullet": "the `-`, `*`, `+`, `•` (or another bullet sign) opening a bulleted list item",
    "quote marker": "a `>` opening a block-quote line",
    "code fence": "a line of three or more backticks or tildes (and the language after them) around a code block",
    "front matter fence": "the `---` lines around the metadata block at the top of a markdown file",
    "page number": "a line that is only a page's number (`Page 2 of 4`, `- 2 -`), two or more numbered in sequence",
    "page header or footer": "a line that reads the same, numbers aside, beside most page numbers (a running header or footer)",
}
# A page's number alone on its line beside a running header (text extracted from a PDF that
# prints its page numbers in the footer): the same rule, by the same name, as the prose reader's.
PAGE_NUMBER = "page number"
RULES = (
    LINE_NUMBER, RUNNING_HEADER, CELL_SEPARATOR, FRONT_MATTER, SYNOPSIS, LRB_NUMBER, SITE_CHROME,
    DISCLAIMER, ACT_HEADING, CHAPTER_HEADING, NAVIGATION_CITATION, SITE_SCRIPT, PUBLIC_ACT_HEADER,
    BILL_STATUS, *MARKUP_RULES,
)

# ---------------------------------------------------------------- the printing's furniture
# The offices whose document number heads a document and each of its pages: the Legislative
# Reference Bureau (`LRB094 07564 RXD 37732 b`), the budget office (`OMB103 00152 NHB 45152 b`),
# and the caucus staffs that draft appropriation bills and their amendments in the same form:
# Senate Democratic Staff (`SDS100 00059 MRR 10059 b`), Senate Republican Staff (`SRS096 00031
# SAH 10031 a`), House Democratic Staff (`HDS093 00061 TWH 00061 a`) and, by the same scheme,
# House Republican Staff (`HRS`).
DRAFTING_OFFICES = ("LRB", "OMB", "SDS", "SRS", "HDS", "HRS")
# LRB094 07564 RXD 37732 b (any of the offices) / LRB9215491JSpcA / LRB9100872MWgcam01 (a
# legisnet amendment). Spaces are single (`\s?`, ` `): callers search normalised text or short
# physical lines.
LRB = when_used(
    rf"(?:{'|'.join(DRAFTING_OFFICES)})\s?\d{{3}}\s{{1,3}}\d{{5}}\s{{1,3}}[A-Z]{{2,4}}\s{{1,3}}\d{{5}}\s{{1,3}}[a-z]\b"
    r"|LRB\d{7}[A-Za-z]{2,8}\d{0,2}\b"
)


def names_drafting_office(text: str) -> bool:
    """Whether `text` holds a drafting office's letters, which every document number opens
    with (a substring test each: most lines hold none, and need no regex)."""
    return any(office in text for office in DRAFTING_OFFICES)


def _page_marker(space: str) -> str:
    return rf"-{space}(\d{{1,4}}){space}-"


# The printed page number, `- 2 -` (group 1: the number).
PAGE_MARKER = when_used(_page_marker(r"\s{0,3}"))
# The same as legisnet and the 93rd GA ftp pages print it, without spaces: `-2-`.
TIGHT_PAGE_MARKER = when_used(_page_marker(""))
# A document id as printed in headers: 10200SB0731sam002, HB1633, HC0044HAM001, 91_SB0331eng.
DOC_ID = when_used(
    rf"\b(?:\d{{5}}|\d{{2,3}}_)?(?:{measures.FILE_KINDS_TEXT})\d{{1,4}}(?:[hs]am\d{{3}}|HAM\d{{3}}|SAM\d{{3}}|ccr\d{{3}}|eng|enr|LV)?\b"
)
VERSION_WORDS = r"(?:Enrolled|Engrossed|Introduced|Re-Enrolled)"
# What a running header holds besides its LRB number.
_HEADER_WORDS = when_used(VERSION_WORDS + r"|General Assembly|\d+(?:st|nd|rd|th)|House|Senate|Amendment")


def normalize(text: str) -> str:
    """Single spaces, NBSP as whitespace, stripped (`str.split` and `\\s` agree
    on what whitespace is)."""
    return " ".join(text.split())


def csv_text_column(header: list[str]) -> int | None:
    """Which cell of a statutes CSV header row is the `text` column (spaces,
    quotes and case ignored: `Text`, ` text `, `"text"`), or None."""
    cells = [cell.strip().strip('"').strip().lower() for cell in header]
    return cells.index("text") if "text" in cells else None


# Every character `str.split()` takes for whitespace besides the space, the line end, the tab
# and NBSP (which readers test a line for one by one): a text holding none of these has
# no whitespace a line's cheap tests (`"  " in line`, `"\t" in line`) could miss.
RARE_SPACES = "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def has_rare_spaces(text: str) -> bool:
    """Whether `text` holds any of `RARE_SPACES` (one substring scan each)."""
    return any(space in text for space in RARE_SPACES)


# Two spaces or more. Written to open with both spaces, so that the search skips from one
# double space to the next (a pattern opening `  +` would stop at every single space).
_SPACE_RUN = when_used("   *")


def normalize_simply_spaced(text: str) -> str:
    """`normalize(text)` for a text whose only whitespace is spaces, tabs, NBSP and line ends
    (the caller knows: no `RARE_SPACES`): stripped, each tab, NBSP and line end inside made a
    space, and each run of spaces made one. Most lines hold none of them and are only
    stripped; a whole Act's paragraph holds dozens, and is made single-spaced twice as fast
    as by splitting it into words and joining them again."""
    text = text.strip()
    for space in ("\t", NBSP, "\n"):
        if space in text:
            text = text.replace(space, " ")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def normalize_long(text: str) -> str:
    """`normalize(text)` for a long text (a flattened Act): a few substring scans tell the
    usual single-spaced text, which is only stripped, from one to split into words."""
    return normalize(text) if has_rare_spaces(text) else normalize_simply_spaced(text)


def shows_indentation(lines: list[str]) -> bool:
    """Whether a page without line numbers shows its paragraph indents: some line of it opens
    with whitespace. ILGA indents with NBSPs, which a browser's copy or a crawler often turns
    into ordinary spaces (`    The facilities of those libraries`); either marks a paragraph."""
    return any(raw[:1] in (" ", NBSP, "\t") and raw.strip() for raw in lines)


def split_lines(text: str) -> list[str]:
    if "\r" in text:  # a decoded file never has one: no copies of a text that needs none
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def is_running_header(text: str) -> bool:
    """A page header line: an LRB number with little else around it
    (`HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b`, `-2-   LRB9215491JSpcA`), or the same
    header printed more than once on the line, as mirrors print it (`HR0020- 2 -LRB104 07296 JDS
    17335 r   HR0020 - 2 - LRB104 07296 JDS 17335 r`)."""
    if not names_drafting_office(text):
        return _is_marker_line(text)  # most lines: no regex needed
    text = normalize(text)
    rest, found = LRB.subn(" ", text)
    if not found:
        return _is_marker_line(text)
    rest = PAGE_MARKER.sub(" ", rest)
    rest = DOC_ID.sub(" ", rest)
    rest = _HEADER_WORDS.sub(" ", rest)
    return len(normalize(rest.replace("|", " "))) <= 3


# A legisnet page's header line when its document number is not the LRB's: the page marker and
# the number, one token (`-2-   BOB-01springsupp`, the budget office's; `-2-   HDS92HB0371JLa777cm`),
# or the marker alone. No printed line of a numbered page is that and nothing else.
_MARKER_LINE = when_used(rf"{_page_marker('')}(?: (?=\S*[A-Za-z])(?=\S*\d)\S{{4,40}})?")


def _is_marker_line(text: str) -> bool:
    stripped = text.lstrip()
    return stripped[:1] == "-" and _MARKER_LINE.fullmatch(normalize(stripped)) is not None


def header_page(text: str) -> int | None:
    match = PAGE_MARKER.search(LRB.sub(" ", normalize(text)))
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------- a body and its drops


class Body:
    """The body lines a reader emits, in order, and what it drops between them."""

    def __init__(self) -> None:
        self.lines: list[BodyLine] = []
        self.dropped: list[Drop] = []
        self._words = 0  # the words of the first `_counted` lines
        self._counted = 0

    @property
    def words(self) -> int:
        """How many words the body holds so far (a normalised line's spaces and one). Counted
        when asked, over the lines added since: only a drop asks, and most of a whole Act's
        lines come after its last drop."""
        if self._counted < len(self.lines):
            new = self.lines[self._counted:]
            self._words += sum(line.text.count(" ") + 1 for line in new if line.text)
            self._counted = len(self.lines)
        return self._words

    def add(self, line: BodyLine) -> None:
        self.lines.append(line)

    def extend(self, lines: list[BodyLine]) -> None:
        """Lines in order, as `add` adds them one by one."""
        self.lines.extend(lines)

    def extend_cut(self, text: str) -> None:
        """A normalised text cut into lines at the starts of its units (`split_normalized`).
        Its words are counted on the whole text, if the lines before are counted: each cut
        is a space taken out between two lines, so the lines hold its spaces and one."""
        parts = split_normalized(text)
        if self._counted == len(self.lines) and parts:
            self._words += text.count(" ") + 1
            self._counted += len(parts)
        self.lines.extend(map(BodyLine, parts))

    def drop(self, rule: str, text: str, page: int | None = None, line: int | None = None) -> None:
        """Record `text` (if it has any words) as dropped by `rule`, here in the body."""
        clean = normalize(text)
        if clean:
            self.dropped.append(Drop(rule, clean, page, line, self.words))

    def drop_at(self, rule: str, text: str, after: int, page: int | None = None, line: int | None = None) -> None:
        clean = normalize(text)
        if clean:
            self.dropped.append(Drop(rule, clean, page, line, after))


# ---------------------------------------------------------------- the line-number engine

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
        self.parts.append(text)
        self.words += len(text.split())


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

# How far the printing may skip ahead: a page that lost a line or two.
MAX_SKIP = 3
# A printed line number has at most this many digits (a page holds a few dozen lines).
_MAX_LINE_NUMBER_DIGITS = 3


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
        return _whole_number(text.strip(), _candidates(expected, started, page_turned))
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


# How far ahead a restart of the numbering is looked for its line 2.
_RESTART_REACH = 80


def restart_confirmed(following: Iterable[str | None], last_line: int) -> bool:
    """Whether a `1` that follows line `last_line` among the words of a page run together opens
    a new page: the next number in sequence after it (`following`: the numbers standing as
    words after the `1`, in order, None at a running header) is that page's 2, not the current
    page's next line (`... 10 Amendment No. 1 to House Bill 1134 ... 11 (1) that ...`)."""
    continuing = range(last_line + 1, last_line + MAX_SKIP + 2)
    for text in itertools.islice(following, _RESTART_REACH):
        if text is None or text == "2":
            return True
        if int(text) in continuing:
            return False
    return True


def _unconfirmed_restart(number: int, piece: Piece, pieces: list[Piece], index: int, last_line: int,
                         page_turned: bool) -> bool:
    """A `1` word with no running header before it, in a page run together, that
    `restart_confirmed` does not confirm."""
    if number != 1 or page_turned or not piece.whole or last_line == 0:
        return False
    following = (None if later.kind == HEADER else later.text.strip()
                 for later in pieces[index + 1:index + 1 + _RESTART_REACH]
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


# ---------------------------------------------------------------- cutting flattened text
# Where a flattened text (an Act on one CSV row, a Public Act or PDF text run together) is
# cut back into lines: at the space before each `ahead`, when the text before that space
# ends with `after` (None: whatever it ends with). The text is normalised first (single
# spaces), so every cut is one space followed by one of a few characters (`opens`).
_SECTION_NUMBER = units.SECTION_TEXT + " "
_CUTS: tuple[tuple[str | None, str, str], ...] = (
    # a citation line, a version note, a Source note, `Sec. N.`, `ARTICLE N.`, the enacting clause
    (None, citations.ANY_CITATION_TEXT, "("),
    (None, units.VERSION_OPENING_TEXT + r"\b", "("),
    (None, units.SOURCE_OPEN_TEXT, "("),
    (None, units.SEC_TEXT + "(?: |$)", "S"),
    (None, units.ARTICLE_TEXT + " ", "A"),
    (None, units.ENACTING_CLAUSE_TEXT, "B"),
    # `Section N.` opening a sentence or following a heading in capitals
    ("[.:]", _SECTION_NUMBER, "S"),
    ("[A-Z]{2}", _SECTION_NUMBER, "S"),
    # an enumerator opening a sentence: `(a) The`, `(2) "Term"`
    ("[.:]", enumerators.TEXT + r" [A-Z\"]", "("),
    # a defined term opening a sentence
    ("[.:]", definitions.CUE_TEXT, '"'),
)


def _break_in_normalized() -> re.Pattern:
    """Every cut is one space before one of a few characters, so one split pass with that
    literal prefix finds them and rejects every other space at once."""
    grouped: dict[str | None, list[str]] = {}
    for after, ahead, _ in _CUTS:
        grouped.setdefault(after, []).append(ahead)
    opens = "".join(sorted({re.escape(opens) for _, _, opens in _CUTS}))
    alternatives = (
        (f"(?<={after} )" if after else "") + f"(?={'|'.join(aheads)})" for after, aheads in grouped.items()
    )
    return re.compile(f" (?=[{opens}])(?:" + "|".join(alternatives) + ")")


_BREAK_IN_NORMALIZED = _break_in_normalized()


def split_normalized(text: str) -> list[str]:
    """A normalised text (single spaces, stripped) cut at the starts of its units."""
    return _BREAK_IN_NORMALIZED.split(text) if text else []


def split_flat(text: str) -> list[str]:
    """Any text cut at the starts of its units: normalised first, so that no pattern ever
    scans a run of whitespace (linear time on any input)."""
    return split_normalized(normalize(text))
