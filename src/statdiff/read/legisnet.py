"""legisnet pages, 90th-92nd GA (and 93rd GA ftp pages in the same layout).

` 1        AN ACT...`: right-aligned line numbers, text at column 4, a paragraph
start 4 further in; `LRB9215491JSpcA` on the first page; later pages open with
`-2-   LRB9215491JSpcA`, or with no header at all (the numbers restart at 1).
Navigation chrome (`[ Search ]`, `92_SB2031`) sits above line 1.
"""

from __future__ import annotations

import re

from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import number_lines
from statdiff.read.identity import read_identity, synopsis_from
from statdiff.read.numbered import physical_pieces


def _indent_width(rest: str) -> int | None:
    if not rest.strip():
        return None
    return len(rest) - len(rest.lstrip(" "))


def paragraph_starts(lines: list[BodyLine], widths: list[int | None]) -> None:
    """Turn indent widths (one a line) into paragraph starts: a line is indented
    (opens a paragraph) when it sits deeper than the next line, or deeper than
    the previous one. A wrapped line of an indented item sits at the item's
    text column, shallower than the item's own first line."""
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


_NAVIGATION = re.compile(r"^[\s\u00a0]*(?:\[ [^\]]+ \][\s\u00a0]*)+$")


def read(text: str, name: str) -> ReadResult:
    pieces = [piece for piece in physical_pieces(text) if not _NAVIGATION.match(piece.text)]
    lines, front, info = number_lines(pieces, width_of=_indent_width)
    paragraph_starts(lines, info["widths"])
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "legisnet", identity, synopsis_from(front), name)
