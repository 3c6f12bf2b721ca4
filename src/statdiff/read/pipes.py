"""Pipe-table renderings of numbered bills (ftp/, beta, fulltext.asp inline pipes).

Variants: `1 | | AN ACT... |`, `| 1 | | AN ACT... |`, several numbered lines
on one physical line (`| 2 | | Be it enacted ... | 3 | | represented ...`),
the number alone on its row (`1 |` then `| AN ACT`), `| |||||||` filler
rows, header rows `| | 10200SB0731sam002 | - 2 - | LRB102 17247 KTG 24999 a |`,
and cell-internal line breaks that are not printed lines. Every cell is a
piece; a cell holding exactly the expected line number opens a printed line.
"""

from __future__ import annotations

import re

from statdiff.model import ReadResult
from statdiff.read.common import DOC_ID, LRB, PAGE_MARKER, VERSION_WORDS, Piece, normalize, number_lines
from statdiff.read.identity import read_identity, synopsis_from

# A header row is cut into cells: each holds one part of the header.
_HEADER_CELL = re.compile(
    rf"(?:{LRB.pattern})|{PAGE_MARKER.pattern}|(?:{DOC_ID.pattern})(?:\s*{VERSION_WORDS})?"
)


def cell_pieces(text: str) -> list[Piece]:
    pieces = []
    for cell in re.split(r"[|\n]", text.replace("\r", "")):
        stripped = normalize(cell)
        if not stripped:
            continue
        if _HEADER_CELL.fullmatch(stripped):
            marker = PAGE_MARKER.fullmatch(stripped)
            pieces.append(Piece(stripped, header=True, page=int(marker.group(1)) if marker else None))
        else:
            pieces.append(Piece(cell, whole=True))
    return pieces


def _cell_indent(raw: str) -> bool:
    """amgoa's tables keep the indent as a second space: `|  AN ACT` vs `| represented`."""
    return raw.startswith("  ")


def _only_if_both_seen(lines) -> None:
    """Most pipe renderings pad every cell alike: then indentation is not shown."""
    if len({line.indented for line in lines}) < 2:
        for line in lines:
            line.indented = None


def read(text: str, name: str) -> ReadResult:
    pieces = cell_pieces(text)
    lines, front, info = number_lines(pieces, indent_of_cell=_cell_indent)
    _only_if_both_seen(lines)
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "pipes", identity, synopsis_from(front), name)

