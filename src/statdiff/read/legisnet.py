"""legisnet pages, 90th-92nd GA (and 93rd GA ftp pages in the same layout).

` 1        AN ACT...`: right-aligned line numbers, text at column 4, a paragraph
start 4 further in; `LRB9215491JSpcA` on the first page; later pages open with
`-2-   LRB9215491JSpcA`, or with no header at all (the numbers restart at 1).
Navigation chrome (`[ Search ]`, `92_SB2031`) sits above line 1. Copies whose
spacing collapsed (`1 AN ACT`, `SB331 Engrossed -2- LRB9100872MWgcC`) read the same,
without indentation.
"""

from __future__ import annotations

import re

from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import SITE_CHROME
from statdiff.read.numbering import DROPPED, Piece, number_lines
from statdiff.read.numbered import numbered_result, physical_pieces


def _indent_width(rest: str) -> int | None:
    if not rest.strip():
        return None
    return len(rest) - len(rest.lstrip(" "))


def paragraph_starts(lines: list[BodyLine], widths: list[int | None]) -> None:
    """Turn indent widths (one a line) into paragraph starts: a line is indented
    (opens a paragraph) when it sits deeper than the next line, or deeper than
    the previous one. A wrapped line of an indented item sits at the item's
    text column, shallower than the item's own first line. A page whose spacing
    collapsed (every line at one width) shows no indentation."""
    if len({width for width in widths if width is not None}) < 2:
        for line in lines:
            line.indented = None
        return
    for index, line in enumerate(lines):
        width = widths[index]
        if width is None:
            line.indented = None
            continue
        after = widths[index + 1] if index + 1 < len(widths) else None
        before = widths[index - 1] if index > 0 else None
        deeper_than_next = after is not None and width > after
        deeper_than_previous = before is None or width > before
        line.indented = bool(width > 4 and (deeper_than_next or deeper_than_previous))


# `[ Search ] [ Legislation ]`, `[ Top ]`: the site's navigation, alone on its line.
_NAVIGATION = re.compile(r"(?:\[ [^\]\[]{1,40} \] ?)+")


def read(text: str, name: str) -> ReadResult:
    pieces = [
        Piece(piece.text, DROPPED, rule=SITE_CHROME) if _NAVIGATION.fullmatch(" ".join(piece.text.split())) else piece
        for piece in physical_pieces(text)
    ]
    numbered = number_lines(pieces, width_of=_indent_width)
    paragraph_starts(numbered.lines, numbered.widths)
    return numbered_result(numbered, "legisnet", name)
