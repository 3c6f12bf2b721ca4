"""Pipe-table renderings of numbered bills (ftp/, beta, fulltext.asp inline pipes).

Variants: `1 | | AN ACT... |`, `| 1 | | AN ACT... |`, several numbered lines
on one physical line (`| 2 | | Be it enacted ... | 3 | | represented ...`),
the number alone on its row (`1 |` then `| AN ACT`), `| |||||||` filler
rows, header rows `| | 10200SB0731sam002 | - 2 - | LRB102 17247 KTG 24999 a |`,
and cell-internal line breaks that are not printed lines. Every cell is a
piece; a cell holding exactly the expected line number opens a printed line.
The pipes themselves are separators, dropped by a rule of their own.
"""

from __future__ import annotations

import re
from collections import Counter

from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import CELL_SEPARATOR, DOC_ID, LRB, PAGE_MARKER, VERSION_WORDS, normalize
from statdiff.read.numbering import DROPPED, HEADER, Numbered, Piece, number_lines
from statdiff.read.numbered import numbered_result

# A header row is cut into cells: each holds one part of the header.
_HEADER_CELL = re.compile(
    rf"(?:{LRB.pattern})|{PAGE_MARKER.pattern}|(?:{DOC_ID.pattern})(?: ?{VERSION_WORDS})?"
)


def cell_pieces(text: str) -> list[Piece]:
    """Every cell's text a piece; the pipes between cells (with the empty cells between
    them, `| ||||||`) one dropped separator piece each."""
    pieces: list[Piece] = []
    separator: list[str] = []
    for index, cell in enumerate(text.replace("\r", "").split("|")):
        if index:
            separator.append("|")
        if not cell.strip():
            separator.append(cell)
            continue
        if separator:
            pieces.append(Piece("".join(separator), DROPPED, rule=CELL_SEPARATOR))
            separator = []
        pieces.extend(_row_pieces(cell))
    if separator:
        pieces.append(Piece("".join(separator), DROPPED, rule=CELL_SEPARATOR))
    return pieces


def _row_pieces(cell: str) -> list[Piece]:
    """A cell's text: each physical line of it one piece (a header cell marked as such)."""
    pieces = []
    for part in cell.split("\n"):
        stripped = normalize(part)
        if not stripped:
            continue
        if _HEADER_CELL.fullmatch(stripped):
            marker = PAGE_MARKER.fullmatch(stripped)
            pieces.append(Piece(stripped, HEADER, page=int(marker.group(1)) if marker else None))
        else:
            pieces.append(Piece(part, whole=True))
    return pieces


def _cell_indent(raw: str) -> int:
    """How far a line's text cell is indented (amgoa's tables keep the indent as spaces:
    `|  AN ACT` against `| represented`, or `|         (d) Information` against `|  records`)."""
    return len(raw) - len(raw.lstrip(" "))


def _indented_beyond_the_usual(lines: list[BodyLine], widths: list[int | None]) -> None:
    """A line is indented when its text sits deeper than most lines' text (`widths`, one
    a line). Most pipe renderings pad every cell alike: then indentation is not shown."""
    measured = [width for width in widths if width is not None]
    if len(set(measured)) < 2:
        for line in lines:
            line.indented = None
        return
    usual = Counter(measured).most_common(1)[0][0]
    for line, width in zip(lines, widths):
        line.indented = None if width is None else width > usual


def number_cells(pieces: list[Piece]) -> Numbered:
    """Printed lines from a table's cell pieces, each line's indentation read off its cell."""
    numbered = number_lines(pieces, width_of_cell=_cell_indent)
    _indented_beyond_the_usual(numbered.lines, numbered.widths)
    return numbered


def read(text: str, name: str) -> ReadResult:
    return numbered_result(number_cells(cell_pieces(text)), "pipes", name)
