"""Text extracted from a PDF.

Two shapes: (1) the text run together with the page header repeated
mid-sentence (`Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b`,
or ` SB2522 \t-2- OMB103 ...`): each header occurrence starts a page, lines
have no numbers; (2) one printed line a line with its line number at the END:
those numbers give page:line as in the other numbered renderings, and the next
page's running header may be glued to the end of a page's last line
(`... the data collector. 25 SB2522 Enrolled - 2 - LRB103 ...`).

Text is normalised (single spaces) before any pattern runs on it.
"""

from __future__ import annotations

import re

from statdiff.law import public_acts
from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import (
    DOC_ID, LRB, PAGE_MARKER, PAGE_NUMBER, RUNNING_HEADER, SITE_CHROME, VERSION_WORDS, Body, normalize, split_lines,
    split_normalized,
)
from statdiff.read.numbering import HEADER, Piece, number_lines
from statdiff.read.page_numbers import page_numbers
from statdiff.read.identity import read_identity
from statdiff.read.numbered import numbered_result
from statdiff.read.splits import merged_lines

# On normalised text: `Public Act 102-0016 SB2017 Enrolled LRB102 ...`, `SB2522 -2- OMB103 ...`.
_RUNNING_HEADER = re.compile(
    rf"(?:{public_acts.HEADER.pattern} )?(?:(?:{DOC_ID.pattern}) ?(?:{VERSION_WORDS} ?)?)?"
    rf"(?:{PAGE_MARKER.pattern} ?)?(?:{LRB.pattern})"
)
_CHROME = re.compile(rf"Total Page: ?\d+|File Type:.*|{public_acts.HEADER.pattern}")
# A line number at a line's end has at most two digits.
_MAX_NUMBER_DIGITS = 2


def read(text: str, name: str) -> ReadResult:
    physical = [clean for clean in (normalize(line) for line in split_lines(text)) if clean]
    numbered_at_end = sum(1 for line in physical if _trailing_number(line) is not None)
    if physical and numbered_at_end >= max(5, len(physical) // 2):
        return _read_trailing_numbers(physical, name)
    return _read_run_together(physical, name)


def _trailing_number(line: str) -> tuple[str, str] | None:
    """(`text`, `number`) when a normalised line ends with a separate 1-2 digit number."""
    head, _, tail = line.rpartition(" ")
    if head and tail.isascii() and tail.isdigit() and len(tail) <= _MAX_NUMBER_DIGITS:
        return head, tail
    return None


def _read_run_together(physical: list[str], name: str) -> ReadResult:
    body = Body()
    front: list[str] = []
    headers: list[str] = []
    run: list[str] = []
    page = 0

    def flush() -> None:
        nonlocal page
        joined = " ".join(merged_lines(run))
        run.clear()
        position = 0
        for match in _RUNNING_HEADER.finditer(joined):
            _add_lines(body, joined[position:match.start()], page)
            headers.append(match.group(0))
            page += 1
            body.drop(RUNNING_HEADER, match.group(0), page)
            position = match.end()
        _add_lines(body, joined[position:], page)

    numbers = page_numbers(physical, {index for index, line in enumerate(physical) if _RUNNING_HEADER.search(line)})
    for index, line in enumerate(physical):
        if _CHROME.fullmatch(line):
            flush()
            front.append(line)
            body.drop(SITE_CHROME, line)
        elif index in numbers:  # the page's number in its footer, before the next page's header
            flush()
            body.drop(PAGE_NUMBER, line, page or None)
        else:
            run.append(line)
    flush()
    if not headers:
        for body_line in body.lines:
            body_line.page = None
    identity = read_identity(headers + front, body.lines)
    return ReadResult(body.lines, "pdf-text", identity, None, name, dropped=body.dropped)


def _add_lines(body: Body, text: str, page: int) -> None:
    for part in split_normalized(text.strip()):
        body.add(BodyLine(part, page or None, None, None))


def _read_trailing_numbers(physical: list[str], name: str) -> ReadResult:
    pieces = []
    for line in physical:
        position = 0
        for header in _RUNNING_HEADER.finditer(line):
            pieces.extend(_line_piece(line[position:header.start()]))
            marker = PAGE_MARKER.search(header.group(0))
            pieces.append(Piece(header.group(0), HEADER, page=int(marker.group(1)) if marker else None))
            position = header.end()
        pieces.extend(_line_piece(line[position:]))
    return numbered_result(number_lines(pieces), "pdf-text", name)


def _line_piece(text: str) -> list[Piece]:
    text = text.strip()
    if not text:
        return []
    found = _trailing_number(text)
    if found is None:
        return [Piece(text)]
    head, number = found
    return [Piece(f"{number} {head}", number_at_end=True)]
