"""The rows of a CSV text, as `csv.reader` (its default, excel dialect) reads them, found
with string searches.

A statutes CSV holds a few rows, each with one long quoted cell (a whole Act); `csv.reader`
walks every character of it one by one, which is most of the time a CSV takes to read.
`simple_rows` jumps from quote to quote and from comma to comma instead (`str.find`), and
reads what `csv.reader` reads for every text it accepts. It declines (None) a text it would
have to read character by character to agree: one holding a carriage return or a NUL (line
ends and string ends `csv.reader` treats apart), a quoted cell never closed, or text after a
closing quote other than a comma or a line end (which `csv.reader` runs on into the cell).
The caller then reads it with `csv.reader`.
"""

from __future__ import annotations

QUOTE = '"'


def simple_rows(text: str) -> list[list[str]] | None:
    """`list(csv.reader(io.StringIO(text)))`, or None where this reading could differ."""
    if "\r" in text or "\0" in text:
        return None
    rows: list[list[str]] = []
    row: list[str] = []
    at, size = 0, len(text)
    line_end = -1  # the first line end at or after `at` (size if none), once found
    while at < size:
        # `at` opens a cell of `row`: a quoted cell, or one that runs to a comma or the line end
        if line_end < at:
            found = text.find("\n", at)
            line_end = size if found < 0 else found
        if text.startswith(QUOTE, at):
            cell, at = _quoted_cell(text, at + 1)
            if at < 0:
                return None
            row.append(cell)
            if at < size and text[at] not in ",\n":
                return None
        elif not row and at == line_end:
            rows.append([])  # an empty line: a row of no cells
            at += 1
            continue
        else:
            comma = text.find(",", at, line_end)
            end = line_end if comma < 0 else comma
            row.append(text[at:end])
            at = end
        # `at` is at the comma or line end after the cell, or at the end of the text
        if at < size and text[at] == ",":
            at += 1
            if at == size:  # a comma that ends the text: an empty last cell
                row.append("")
            continue
        rows.append(row)
        row = []
        at += 1
    if row:
        rows.append(row)
    return rows


def _quoted_cell(text: str, start: int) -> tuple[str, int]:
    """The quoted cell whose text begins at `start` (each doubled quote inside it read as one,
    as the pieces between them joined: no second pass over the cell to replace them), and
    where its closing quote ends; ("", -1) if it never closes."""
    pieces = []
    while True:
        close = text.find(QUOTE, start)
        if close < 0:
            return "", -1
        if not text.startswith(QUOTE, close + 1):
            break
        pieces.append(text[start : close + 1])  # the text before a doubled quote, and one quote
        start = close + 2
    if not pieces:
        return text[start:close], close + 1
    pieces.append(text[start:close])
    return "".join(pieces), close + 1
