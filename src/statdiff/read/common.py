"""Pieces shared by the readers: whitespace, LRB numbers, page markers, and the
line-number engine that every numbered rendering feeds.

A numbered rendering is read in two steps. Its own module cuts the raw text
into `Piece`s (a physical line, a table cell, a word of a flattened page) and
marks the running headers; `number_lines` then walks the pieces and starts a
new printed line wherever a piece begins with the line number the printing
expects next. A printed line is defined by its number, not by where the
physical newlines fall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statdiff.model import BodyLine

NBSP = "\u00a0"

# The parts every rendering's running header is made of, each defined once here;
# the readers compose their header recognisers from these patterns' text.
# LRB094 07564 RXD 37732 b / LRB9215491JSpcA / OMB103 00152 NHB 45152 b
LRB = re.compile(
    r"(?:LRB|OMB)\s?\d{3}\s+\d{5}\s+[A-Z]{2,4}\s+\d{5}\s+[a-z]\b"
    r"|LRB\d{7}[A-Za-z]{2,6}\b"
)


def _page_marker(space: str) -> str:
    return rf"-{space}(\d{{1,4}}){space}-"


# The printed page number, `- 2 -` (group 1: the number).
PAGE_MARKER = re.compile(_page_marker(r"\s*"))
# The same as legisnet and the 93rd GA ftp pages print it, without spaces: `-2-`.
TIGHT_PAGE_MARKER = re.compile(_page_marker(""))
BILL_KINDS = r"HJRCA|SJRCA|HJR|SJR|HB|SB|HR|SR|HC|SC"
# A document id as printed in headers: 10200SB0731sam002, HB1633, HC0044HAM001.
DOC_ID = re.compile(rf"\b(?:\d{{5}}|\d{{3}}_)?(?:{BILL_KINDS})\d{{1,4}}(?:[hs]am\d{{3}}|HAM\d{{3}}|SAM\d{{3}})?\b")
VERSION_WORDS = r"(?:Enrolled|Engrossed|Introduced|Re-Enrolled)"
# Public Act 094-0036 (groups: General Assembly, number).
PUBLIC_ACT = re.compile(r"Public Act (\d{2,3})-(\d{4})")


def normalize(text: str) -> str:
    """Single spaces, NBSP as whitespace, stripped (`str.split` and `\\s` agree
    on what whitespace is)."""
    return " ".join(text.split())


def csv_text_column(header: list[str]) -> int | None:
    """Which cell of a statutes CSV header row is the `text` column (spaces,
    quotes and case ignored: `Text`, ` text `, `"text"`), or None."""
    cells = [cell.strip().strip('"').strip().lower() for cell in header]
    return cells.index("text") if "text" in cells else None


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def is_running_header(text: str) -> bool:
    """A page header line: an LRB number with little else around it
    (`HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b`, `-2-   LRB9215491JSpcA`)."""
    if "LRB" not in text and "OMB" not in text:
        return False  # most lines: no regex needed
    match = LRB.search(text)
    if not match:
        return False
    rest = (text[: match.start()] + " " + text[match.end():])
    rest = PAGE_MARKER.sub(" ", rest)
    rest = DOC_ID.sub(" ", rest)
    rest = re.sub(VERSION_WORDS + r"|General Assembly|\d+(?:st|nd|rd|th)|House|Senate|Amendment", " ", rest)
    return len(normalize(rest.replace("|", " "))) <= 3


def header_page(text: str) -> int | None:
    match = PAGE_MARKER.search(LRB.sub(" ", text))
    return int(match.group(1)) if match else None


@dataclass(slots=True)
class Piece:
    """A run of raw text: a physical line, a table cell, or a word.

    `header` pieces are running headers (their page number, if printed, in `page`).
    `whole` says the line number, if any, is the whole piece (a table cell or a
    word) rather than a prefix of it (a physical line, possibly glued: `3represented`).
    """

    text: str
    header: bool = False
    page: int | None = None
    whole: bool = False


@dataclass(slots=True)
class _Open:
    page: int
    line: int
    parts: list[str] = field(default_factory=list)
    indented: bool | None = None
    width: int | None = None


_ASCII_DIGITS = re.compile(r"[0-9]+")
_DIGITS = frozenset("0123456789")

# How far the printing may skip ahead: a page that lost a line or two.
MAX_SKIP = 3


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
    digits = _ASCII_DIGITS.match(text).group(0)
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


def _candidates(expected: int, started: bool, page_turned: bool) -> tuple[int, ...]:
    if not started:
        return (1, 2)
    ahead = tuple(range(expected, expected + MAX_SKIP + 1))
    return (1, *ahead) if page_turned else (*ahead, 1)


def _whole_number(text: str, candidates: tuple[int, ...]) -> tuple[int, str] | None:
    """A piece that is a number and nothing else (a table cell, a word)."""
    if not (text.isascii() and text.isdigit()):
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
    pieces: list[Piece], indent_of=None, start_page: int = 1, indent_of_cell=None, width_of=None
) -> tuple[list[BodyLine], list[str], dict]:
    """Assemble numbered body lines from pieces.

    Returns (lines, front_matter, info): `front_matter` are the text pieces
    before the first numbered line (chrome, synopsis); `info` holds what the
    headers said (`headers`: their raw texts) and, when `width_of(rest)` measures
    each line's indent, the widths (`widths`, one a line, None where unmeasured).
    A line number not above the previous one opens a new page; the first
    printed page number (`- 2 -`) fixes the count for a copy that starts mid-document.
    `indent_of(rest)` says whether a line's text (after its number) is indented;
    `indent_of_cell(raw)` says it from the raw first text piece of the line,
    where the number stands in a piece of its own (a table cell).
    """
    lines: list[BodyLine] = []
    widths: list[int | None] = []
    front: list[str] = []
    headers: list[str] = []
    current: _Open | None = None
    page = start_page
    last_line = 0
    page_fixups: list[tuple[int, int]] = []  # (index into lines, page the header said)

    def close():
        if current is None:
            return
        parts = current.parts
        text = " ".join((parts[0] if len(parts) == 1 else " ".join(parts)).split())
        if not text:
            return
        if indent_of_cell is not None and current.indented is None:
            current.indented = indent_of_cell(_first_with_text(parts))
        lines.append(BodyLine(text, current.page, current.line, current.indented))
        widths.append(current.width)

    page_turned = False
    for piece in pieces:
        if piece.header:
            headers.append(piece.text)
            page_turned = current is not None
            if piece.page is not None:
                page_fixups.append((len(lines) + (1 if current else 0), piece.page))
            continue
        started = current is not None
        found = leading_number(piece, last_line + 1, started, page_turned)
        if found is None:
            if current is None:
                if normalize(piece.text):
                    front.append(piece.text)
            else:
                current.parts.append(piece.text)
            continue
        number, rest = found
        page_turned = False
        close()
        if started and number <= last_line:
            page += 1
        last_line = number
        indented = indent_of(rest) if indent_of else None
        current = _Open(page, number, [rest], indented, width_of(rest) if width_of else None)
    close()
    _apply_header_pages(lines, page_fixups)
    return lines, front, {"headers": headers, "widths": widths}


def _first_with_text(parts: list[str]) -> str:
    for part in parts:
        if part.strip():
            return part
    return ""


def _apply_header_pages(lines: list[BodyLine], fixups: list[tuple[int, int]]) -> None:
    """If the first printed page number disagrees with the count (a copy that
    starts mid-document), shift every page by the difference."""
    for index, printed in fixups:
        if index < len(lines):
            counted = lines[index].page
            if lines[index].line == 1 and counted != printed:
                shift = printed - counted
                for line in lines:
                    line.page += shift
            return


# Where a flattened text (an Act on one CSV row, a Public Act or PDF text run
# together) is cut back into lines: at the whitespace before each `ahead`, when
# the text before that whitespace ends with `after` (None: whatever it ends
# with). In `ahead`, `{s}` stands for one whitespace character and `{gap}` for a
# run of them; `opens` is the character every match of `ahead` starts with.
# A literal space in a cue (`(Source: `, `"Term" means`) stays one space in both.
CITATION = r"\(\d{1,3} ILCS [\w.\-]+/[\w.\-]+(?: new| rep\.)?\)"
_SECTION_NUMBER = r"Section \d+(?:-\d+)?\.{s}"
_CUTS: tuple[tuple[str | None, str, str], ...] = (
    # a section citation, a version note, a Source note, `Sec. N.`, `ARTICLE N.`
    (None, CITATION, "("),
    (None, r"\((?:Text of Section|Section scheduled|This Section|Text of Article|Article scheduled)\b", "("),
    (None, r"\(Source: ", "("),
    (None, r"Sec\. \d[\w.\-]*\.(?:{s}|$)", "S"),
    (None, r"ARTICLE \d+\.{s}", "A"),
    (None, r"Be it enacted by the People", "B"),
    # `Section N.` opening a sentence or following a heading in capitals
    ("[.:]", _SECTION_NUMBER, "S"),
    ("[A-Z]{2}", _SECTION_NUMBER, "S"),
    # an enumerator opening a sentence: `(a) The`, `(2) "Term"`
    ("[.:]", r"\((?:[a-z]{1,2}(?:-\d+)?|\d{1,3}(?:\.\d+)?|[A-Z]{1,2}|[ivx]{1,5})\){gap}[A-Z\"]", "("),
    # a defined term opening a sentence
    ("[.:]", r"\"[^\"]{1,80}\" (?:means|includes|shall mean|does not include|has the meaning)\b", '"'),
)


def _cuts_by_context(space: str, gap: str) -> dict[str | None, str]:
    """The `ahead` alternatives for each `after`, whitespace spelled as given."""
    grouped: dict[str | None, list[str]] = {}
    for after, ahead, _ in _CUTS:
        grouped.setdefault(after, []).append(ahead.replace("{s}", space).replace("{gap}", gap))
    return {after: "|".join(aheads) for after, aheads in grouped.items()}


def _break_before() -> re.Pattern:
    """Any text: a cut is a whole run of whitespace."""
    return re.compile(
        "|".join(
            (f"(?<={after})" if after else "") + rf"\s+(?={aheads})"
            for after, aheads in _cuts_by_context(r"\s", r"\s+").items()
        )
    )


def _break_in_normalized() -> re.Pattern:
    """A normalised text (single spaces, stripped): every cut is one space before
    one of a few characters, so one split pass with that literal prefix finds
    them and rejects every other space at once."""
    opens = "".join(sorted({re.escape(opens) for _, _, opens in _CUTS}))
    alternatives = (
        (f"(?<={after} )" if after else "") + f"(?={aheads})"
        for after, aheads in _cuts_by_context(" ", " ").items()
    )
    return re.compile(f" (?=[{opens}])(?:" + "|".join(alternatives) + ")")


_BREAK_BEFORE = _break_before()
_BREAK_IN_NORMALIZED = _break_in_normalized()


def split_flat(text: str) -> list[str]:
    return [part for part in (normalize(p) for p in _BREAK_BEFORE.split(text)) if part]


def split_normalized(text: str) -> list[str]:
    """`split_flat` for a normalised text: the same lines, without re-normalising."""
    return _BREAK_IN_NORMALIZED.split(text) if text else []
