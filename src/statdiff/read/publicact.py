"""Public Act pages: the enrolled text as signed, no line numbers.

Header `Public Act 094-0036 | HB1633 Enrolled | LRB094 07564 RXD 37732 b`
(on ilga.gov as separate lines or cells; the new site prints `Public Act 0661 101ST
GENERAL ASSEMBLY`), site chrome above it; the body starts at `AN ACT`. Pipe variants
separate printed lines with `|`; plain variants indent paragraph starts with NBSPs. In
pipe variants the pipe, not the newline, separates printed lines (`... card number, or |
an<newline>account number`). A copy flattened to one long line is cut back at section
starts (`common.split_flat`).
"""

from __future__ import annotations

import re

from statdiff.law import public_acts
from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import (
    CELL_SEPARATOR, DOC_ID, FRONT_MATTER, LRB, NBSP, PAGE_NUMBER, PUBLIC_ACT_HEADER, VERSION_WORDS, Body, normalize,
    shows_indentation, split_flat, split_lines,
)
from statdiff.read.page_numbers import page_numbers
from statdiff.read.identity import read_identity
from statdiff.read.splits import may_split, merged_lines

_HEADER = re.compile(
    rf"^(?:{public_acts.HEADER.pattern}(?: (?:{DOC_ID.pattern}) ?{VERSION_WORDS})?(?: ?(?:{LRB.pattern}))?"
    rf"|{public_acts.HEADER_BY_ASSEMBLY.pattern}"
    rf"|(?:{DOC_ID.pattern}) ?{VERSION_WORDS} ?(?:{LRB.pattern})?|(?:{LRB.pattern}))$"
)
_BODY_START = re.compile(r"^AN ACT\b")
_LONG_LINE = 400


def raw_pieces(text: str) -> tuple[list[str], bool]:
    """Printed lines of the page (pipes separate them) and whether indentation shows (as NBSPs,
    or as the spaces a copy made of them)."""
    if "|" in text:
        # The pipe ends a printed line; a newline inside a cell does not.
        return text.split("|"), False
    lines = split_lines(text)
    return lines, shows_indentation(lines)


def read(text: str, name: str) -> ReadResult:
    pieces, shows_indent = raw_pieces(text)
    piped = "|" in text
    if not piped and may_split(text):  # a PDF's text may split a token across lines (`P` / `.A.`): one line again
        pieces = merged_lines(pieces)
    front: list[str] = []
    headers: list[str] = []
    body = Body()
    cleans = [normalize(raw) for raw in pieces]
    numbers = page_numbers(cleans, {index for index, clean in enumerate(cleans) if _HEADER.match(clean)})
    for index, raw in enumerate(pieces):
        if piped and index:
            body.drop(CELL_SEPARATOR, "|")
        clean = cleans[index]
        if not clean:
            continue
        if index in numbers:  # a PDF's page number in the footer, beside the next page's header
            body.drop(PAGE_NUMBER, clean)
            continue
        if _HEADER.match(clean):
            headers.append(clean)
            body.drop(PUBLIC_ACT_HEADER, clean)
            continue
        if not body.lines:
            start = _BODY_START.search(clean) or re.search(r"\bAN ACT\b", clean)
            if not start:
                front.append(clean)
                body.drop(FRONT_MATTER, clean)
                continue
            if start.start() > 0:
                lead = clean[: start.start()]
                front.append(lead)
                embedded = _embedded_headers(lead)
                headers.extend(embedded)
                body.drop(PUBLIC_ACT_HEADER if embedded else FRONT_MATTER, lead)
                clean = clean[start.start():]
        indented = raw[:1] in (" ", NBSP, "\t") if shows_indent else None
        parts = split_flat(clean) if len(clean) > _LONG_LINE else [clean]
        body.add(BodyLine(parts[0], None, None, indented))
        for part in parts[1:]:
            body.add(BodyLine(part))
    identity = read_identity(headers + front, body.lines, version="public act")
    return ReadResult(body.lines, "public-act", identity, None, name, dropped=body.dropped)


def _embedded_headers(text: str) -> list[str]:
    return [text] if LRB.search(text) or "Public Act" in text else []
