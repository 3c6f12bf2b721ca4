"""Third-party mirrors and metadata pages around an ILGA rendering.

legiscan: chrome lines (`Bill Text: IL ...`, `Bill Title:`, `Spectrum:`,
`Status:`, `Download:`) and a `feedback` trailer around ILGA's plain numbered
text, where the NBSP indent collapsed into one space (`1 AN ACT` indented,
`3represented` flush), or around ILGA's pipe table (`1 | HOUSE RESOLUTION | ||||||`), read
cell by cell as the pipe renderings are. Bill-status pages are metadata: they hold no bill text,
so every word of them is dropped (and reading one is an error).
"""

from __future__ import annotations

import re
from itertools import groupby

from statdiff.model import Identity, ReadResult
from statdiff.read.common import BILL_STATUS, SITE_CHROME, Body, normalize, split_lines
from statdiff.read.numbering import DROPPED, Piece, number_lines
from statdiff.read.numbered import numbered_result, physical_pieces
from statdiff.read.pipes import cell_pieces, number_cells

_LEGISCAN_CHROME = re.compile(r"(?:Bill Text: IL |Bill Title:|Spectrum:|Status:|Download:|feedback$)")
_LEGISCAN_TITLE = re.compile(r"Bill Text: IL ")
BILL_STATUS_TITLE = re.compile(r"Bill Status (?:of|for) ([A-Z]{2,5}\d{1,4})")


def read(text: str, name: str) -> ReadResult:
    if BILL_STATUS_TITLE.search(text[:2000]):
        return _read_bill_status(text, name)
    raws = split_lines(text)
    chrome = [bool(_LEGISCAN_CHROME.match(normalize(raw))) for raw in raws]
    # `Bill Text: IL HR0020 | 2025-2026 | 104th General Assembly | Introduced`: the page's own
    # title names the bill, its General Assembly and version where no header of the text does
    titles = [raw for raw in raws if _LEGISCAN_TITLE.match(raw)]
    if _tabled(raws, chrome):
        return numbered_result(number_cells(_table_pieces(raws, chrome)), "mirror", name, titles)
    pieces = [
        Piece(piece.text, DROPPED, rule=SITE_CHROME) if is_chrome else piece
        for piece, is_chrome in zip(physical_pieces(text), chrome)
    ]
    return numbered_result(number_lines(pieces, indent_of=_collapsed_indent), "mirror", name, titles)


def _tabled(raws: list[str], chrome: list[bool]) -> bool:
    """The text inside the chrome is a pipe table (`1 | HOUSE RESOLUTION | ||||||`): most of
    its lines hold a cell's pipe (legiscan's own chrome line `Bill Text: IL ... | 2025-2026 |`
    does too, and is chrome)."""
    rows = [raw for raw, is_chrome in zip(raws, chrome) if not is_chrome and raw.strip()]
    return bool(rows) and sum("|" in raw for raw in rows) * 2 > len(rows)


def _table_pieces(raws: list[str], chrome: list[bool]) -> list[Piece]:
    """A table inside the chrome: each run of chrome lines dropped, each run of table lines cut
    into cells as the pipe renderings are (a newline inside a cell is not a printed line)."""
    pieces: list[Piece] = []
    for is_chrome, run in groupby(zip(raws, chrome), key=lambda pair: pair[1]):
        lines = [raw for raw, _ in run]
        if is_chrome:
            pieces.extend(Piece(raw, DROPPED, rule=SITE_CHROME) for raw in lines)
        else:
            pieces.extend(cell_pieces("\n".join(lines)))
    return pieces


def _collapsed_indent(rest: str) -> bool | None:
    if not rest.strip():
        return None
    return rest[:1].isspace()


def _read_bill_status(text: str, name: str) -> ReadResult:
    body = Body()
    body.drop(BILL_STATUS, text)
    return ReadResult([], "mirror", Identity(version="bill status"), None, name, dropped=body.dropped)
