"""Text extracted from a PDF.

Two shapes: (1) the text run together with the page header repeated
mid-sentence (`Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b`,
or ` SB2522 \t-2- OMB103 ...`): each header occurrence starts a page, lines
have no numbers; (2) one printed line a line with its line number at the END:
those numbers give page:line as in the other numbered renderings.
"""

from __future__ import annotations

import re

from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import (
    DOC_ID,
    LRB,
    PAGE_MARKER,
    PUBLIC_ACT,
    VERSION_WORDS,
    Piece,
    normalize,
    number_lines,
    split_flat,
    split_lines,
)
from statdiff.read.identity import read_identity, synopsis_from

_RUNNING_HEADER = re.compile(
    rf"(?:{PUBLIC_ACT.pattern}\s+)?(?:(?:{DOC_ID.pattern})\s*(?:{VERSION_WORDS})?\s*)?"
    rf"(?:{PAGE_MARKER.pattern}\s*)?(?:{LRB.pattern})"
)
_CHROME = re.compile(rf"^(?:Total Page:\s*\d+|File Type:.*|{PUBLIC_ACT.pattern})$")
_TRAILING_NUMBER = re.compile(r"^(.*?\S)\s+(\d{1,2})\s*$")


def read(text: str, name: str) -> ReadResult:
    physical = [line for line in split_lines(text) if line.strip()]
    numbered_at_end = sum(1 for line in physical if _TRAILING_NUMBER.match(line))
    if physical and numbered_at_end >= max(5, len(physical) // 2):
        return _read_trailing_numbers(physical, name)
    return _read_run_together(physical, name)


def _read_run_together(physical: list[str], name: str) -> ReadResult:
    front = [line for line in physical if _CHROME.match(normalize(line))]
    body = " ".join(line for line in physical if not _CHROME.match(normalize(line)))
    headers = []
    lines: list[BodyLine] = []
    page = 0
    position = 0
    chunks = []
    for match in _RUNNING_HEADER.finditer(body):
        chunks.append((page, body[position:match.start()]))
        headers.append(match.group(0))
        page += 1
        position = match.end()
    chunks.append((page, body[position:]))
    for chunk_page, chunk in chunks:
        if not normalize(chunk):
            continue
        if chunk_page == 0 and not headers:
            chunk_page = None
        for part in split_flat(chunk):
            lines.append(BodyLine(part, chunk_page or None, None, None))
    identity = read_identity(headers + front, lines)
    return ReadResult(lines, "pdf-text", identity, None, name)


def _read_trailing_numbers(physical: list[str], name: str) -> ReadResult:
    pieces = []
    for line in physical:
        header = _RUNNING_HEADER.search(line)
        if header and len(normalize(_RUNNING_HEADER.sub(" ", line))) <= 3:
            marker = PAGE_MARKER.search(header.group(0))
            pieces.append(Piece(line, header=True, page=int(marker.group(1)) if marker else None))
            continue
        match = _TRAILING_NUMBER.match(line)
        if match:
            pieces.append(Piece(f"{match.group(2)} {match.group(1)}"))
        else:
            pieces.append(Piece(line))
    lines, front, info = number_lines(pieces)
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "pdf-text", identity, synopsis_from(front), name)
