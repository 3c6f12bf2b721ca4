"""The change list as a spreadsheet: CSV (RFC 4180) and Excel (.xlsx).

One row a change, in reading order: what an analyst pastes into a memo or a
spreadsheet. The columns (`COLUMNS`) are the change's number, op, where it is (the
path of the node it changes), its section, its old and new text and their page:line,
the Public Act it is credited to, the kinds of margin note on it, the reader's notes
beside it and its plain phrase.

CSV: comma-separated, every field that needs it quoted, quotes doubled, CRLF line
ends (RFC 4180), UTF-8 with a byte-order mark so that Excel opens it as UTF-8 (not
the ANSI code page) when double-clicked. A spreadsheet executes a cell that starts
with `=`, `+`, `-` or `@` (and, in some, a tab or a carriage return) as a formula:
such a cell is written with a leading apostrophe (`'-2 days`), as OWASP advises, so
a change's text is shown and never run. The Excel workbook (openpyxl, the optional extra
`statdiff[xlsx]`) holds each text as it is, in a string cell (never a formula), one
that starts with a formula character flagged with Excel's own quote prefix so that
editing the cell does not turn it into one; its bytes are deterministic (no clock
inside or on the zip entries).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from typing import Any

from statdiff.errors import StatdiffError
from statdiff.render.options import RenderOptions
from statdiff.render.package import write_package
from statdiff.view import RedlineView
from statdiff.view.model import ChangeView

COLUMNS = ("number", "op", "where", "section", "old_text", "new_text", "old_page_line", "new_page_line",
           "attributed_to", "annotations", "notes", "description")
BOM = "\ufeff"
# What a spreadsheet may execute at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int


def change_rows(redline: RedlineView) -> list[list[Cell]]:
    """One row a change, in reading order, the cells in `COLUMNS` order (not yet made safe)."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for annotation in redline.annotations:
        if annotation.change_anchor:
            kinds[annotation.change_anchor].append(annotation.kind.replace("_", "-"))
    notes = _reader_notes_by_change(redline)
    return [
        [
            view.number,
            str(view.op),
            view.where,
            view.change.section,
            view.change.old_text,
            view.change.new_text,
            view.old_at,
            view.new_at,
            view.attributed_to,
            "; ".join(dict.fromkeys(kinds.get(view.anchor, []))),
            " | ".join(notes.get(view.anchor, [])),
            view.phrase,
        ]
        for view in redline.changes
    ]


def _reader_notes_by_change(redline: RedlineView) -> dict[str, list[str]]:
    """The reader's notes beside each change: those beside its row, and those on its section
    as a whole (the view places both)."""
    found: dict[str, list[str]] = defaultdict(list)
    if not redline.notes:
        return found
    for section in redline.sections:
        if not section.changes:
            continue
        on_section = [item.text for item in section.margin if item.kind == "note"]
        for view in section.changes:
            found[view.anchor].extend(on_section)
        for row in section.rows:
            beside = [item.text for item in row.margin if item.kind == "note"]
            shown: list[ChangeView] = row.changes + ([row.whole] if row.whole is not None else [])
            for view in dict.fromkeys(shown):
                found[view.anchor].extend(beside)
    return found


def safe_cell(value: Cell) -> Cell:
    """A cell a spreadsheet shows and never executes: a text starting with a formula
    character gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CsvChanges:
    """The change list as CSV (RFC 4180, UTF-8 with BOM, formula-safe)."""

    name = "csv"
    subject = "redline"
    suffixes = (".csv",)

    def render(self, redline: RedlineView, options: RenderOptions) -> str:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for row in change_rows(redline):
            writer.writerow([safe_cell(cell) for cell in row])
        return BOM + buffer.getvalue()


# Column widths of the workbook, in characters.
_WIDTHS = {"number": 8, "op": 10, "where": 36, "section": 22, "old_text": 48, "new_text": 48, "old_page_line": 12,
           "new_page_line": 12, "attributed_to": 14, "annotations": 20, "notes": 40, "description": 48}


class XlsxChanges:
    """The change list as an Excel workbook (openpyxl; `statdiff[xlsx]`)."""

    name = "xlsx"
    subject = "redline"
    suffixes = (".xlsx",)

    def check_ready(self) -> None:
        _openpyxl()

    def render(self, redline: RedlineView, options: RenderOptions) -> bytes:
        openpyxl = _openpyxl()
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Changes"
        sheet.append(list(COLUMNS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in change_rows(redline):
            sheet.append([None] * len(row))
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # a string, even one that starts with "=": never a formula
                    cell.quotePrefix = value.startswith(FORMULA_STARTS)  # editing it keeps it text
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column, name in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        workbook.properties.creator = "statdiff"
        workbook.properties.title = redline.title
        buffer = io.BytesIO()
        workbook.save(buffer)
        return _deterministic(buffer.getvalue())


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise StatdiffError("Excel output needs openpyxl: pip install 'statdiff[xlsx]'") from None
    return openpyxl


def _deterministic(workbook: bytes) -> bytes:
    """The workbook with no clock in it: openpyxl stamps the save time in docProps/core.xml
    and on every zip entry; the same change list must give the same bytes."""
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _without_dates(parts["docProps/core.xml"])
    return write_package(parts)


def _without_dates(core: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(core)
    for element in list(root):
        if etree.QName(element).localname in ("created", "modified"):
            root.remove(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
