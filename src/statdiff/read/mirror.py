"""Third-party mirrors and metadata pages around an ILGA rendering.

legiscan: chrome lines (`Bill Text: IL ...`, `Bill Title:`, `Spectrum:`,
`Status:`, `Download:`) and a `feedback` trailer around ILGA's plain numbered
text, where the NBSP indent collapsed into one space (`1 AN ACT` indented,
`3represented` flush). Bill-status pages are metadata: they hold no bill text,
so every word of them is dropped (and reading one is an error).
"""

from __future__ import annotations

import re

from statdiff.model import Identity, ReadResult
from statdiff.read.common import BILL_STATUS, DROPPED, SITE_CHROME, Body, Piece, normalize, number_lines
from statdiff.read.numbered import numbered_result, physical_pieces

_LEGISCAN_CHROME = re.compile(r"(?:Bill Text: IL |Bill Title:|Spectrum:|Status:|Download:|feedback$)")
BILL_STATUS_TITLE = re.compile(r"Bill Status (?:of|for) ([A-Z]{2,5}\d{1,4})")


def read(text: str, name: str) -> ReadResult:
    if BILL_STATUS_TITLE.search(text[:2000]):
        return _read_bill_status(text, name)
    pieces = [
        Piece(piece.text, DROPPED, rule=SITE_CHROME) if _LEGISCAN_CHROME.match(normalize(piece.text)) else piece
        for piece in physical_pieces(text)
    ]
    return numbered_result(number_lines(pieces, indent_of=_collapsed_indent), "mirror", name)


def _collapsed_indent(rest: str) -> bool | None:
    if not rest.strip():
        return None
    return rest[:1].isspace()


def _read_bill_status(text: str, name: str) -> ReadResult:
    body = Body()
    body.drop(BILL_STATUS, text)
    return ReadResult([], "mirror", Identity(version="bill status"), None, name, dropped=body.dropped)
