"""Plain line-numbered bill pages from ilga.gov, 94th GA onward.

94th-96th GA: `1 <NBSP x4>AN ACT...`, header `HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b`.
97th GA onward the space after the number is gone: `3represented in...`,
`645 and 50 as follows` is line 6 "45 and 50 as follows"; the engine in
`numbering.number_lines` resolves that with the line number it expects next.
A line with an NBSP (or several spaces) after its number is indented.
"""

from __future__ import annotations

from collections.abc import Sequence

from statdiff.model import ReadResult
from statdiff.read.common import NBSP, header_page, is_running_header, split_lines
from statdiff.read.numbering import HEADER, Numbered, Piece, name_front_matter, number_lines
from statdiff.read.identity import read_identity, synopsis_from, synopsis_indices


def physical_pieces(text: str) -> list[Piece]:
    pieces = []
    for raw in split_lines(text):
        if is_running_header(raw):
            pieces.append(Piece(raw, HEADER, page=header_page(raw)))
        else:
            pieces.append(Piece(raw))
    return pieces


def plain_indent(rest: str) -> bool | None:
    """After the number: one ordinary space (94th-96th) then NBSPs if indented."""
    if not rest.strip(" \t" + NBSP):
        return None
    if rest.startswith(" ") and not rest.startswith("  "):
        rest = rest[1:]
    return rest.startswith(NBSP) or rest.startswith("  ") or rest.startswith("\t")


def numbered_result(numbered: Numbered, rendering: str, name: str, named_by: Sequence[str] = ()) -> ReadResult:
    """A numbered rendering's result: identity from its headers and front matter (and, after
    them, `named_by`: a mirror's title line), the synopsis kept apart, every front-matter drop
    named."""
    name_front_matter(numbered, synopsis_indices(numbered.front))
    identity = read_identity(numbered.headers + numbered.front + list(named_by), numbered.lines)
    # every line is made single-spaced where it closes (`number_lines`): `spaced`
    return ReadResult(
        numbered.lines, rendering, identity, synopsis_from(numbered.front), name, dropped=numbered.dropped,
        spaced=True,
    )


def read(text: str, name: str) -> ReadResult:
    return numbered_result(number_lines(physical_pieces(text), indent_of=plain_indent), "numbered", name)
