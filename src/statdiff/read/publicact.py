"""Public Act pages: the enrolled text as signed, no line numbers.

Header `Public Act 094-0036 | HB1633 Enrolled | LRB094 07564 RXD 37732 b`
(on ilga.gov as separate lines or cells), site chrome above it; the body
starts at `AN ACT`. Pipe variants separate printed lines with `|`; plain
variants indent paragraph starts with NBSPs. In pipe variants the pipe, not
the newline, separates printed lines (`... card number, or | an<newline>account number`). A copy flattened to one long
line is cut back at section starts (`common.split_flat`).
"""

from __future__ import annotations

import re

from statdiff.model import BodyLine, ReadResult
from statdiff.read.common import DOC_ID, LRB, NBSP, PUBLIC_ACT, VERSION_WORDS, normalize, split_flat, split_lines
from statdiff.read.identity import read_identity

_HEADER = re.compile(
    rf"^(?:{PUBLIC_ACT.pattern}(?: (?:{DOC_ID.pattern}) {VERSION_WORDS})?(?: (?:{LRB.pattern}))?"
    rf"|Public Act \d{{4}} \d{{2,3}}(?:ST|ND|RD|TH) GENERAL ASSEMBLY"
    rf"|(?:{DOC_ID.pattern}) ?{VERSION_WORDS} ?(?:{LRB.pattern})?|(?:{LRB.pattern}))$"
)
_BODY_START = re.compile(r"^AN ACT\b")
_LONG_LINE = 400


def raw_pieces(text: str) -> tuple[list[str], bool]:
    """Printed lines of the page (pipes separate them) and whether indentation shows."""
    if "|" in text:
        # The pipe ends a printed line; a newline inside a cell does not.
        return text.split("|"), False
    return split_lines(text), NBSP in text


def read(text: str, name: str) -> ReadResult:
    pieces, shows_indent = raw_pieces(text)
    front: list[str] = []
    headers: list[str] = []
    lines: list[BodyLine] = []
    for raw in pieces:
        clean = normalize(raw)
        if not clean:
            continue
        if _HEADER.match(clean):
            headers.append(clean)
            continue
        if not lines:
            start = _BODY_START.search(clean) or re.search(r"\bAN ACT\b", clean)
            if not start:
                front.append(clean)
                continue
            if start.start() > 0:
                front.append(clean[: start.start()])
                clean = clean[start.start():]
                headers.extend(_embedded_headers(front[-1]))
        indented = raw[:1] in (" ", NBSP, "\t") if shows_indent else None
        parts = split_flat(clean) if len(clean) > _LONG_LINE else [clean]
        lines.append(BodyLine(parts[0], None, None, indented))
        lines.extend(BodyLine(part) for part in parts[1:])
    identity = read_identity(headers + front, lines, version="public act")
    return ReadResult(lines, "public-act", identity, None, name)


def _embedded_headers(text: str) -> list[str]:
    return [text] if LRB.search(text) or "Public Act" in text else []
