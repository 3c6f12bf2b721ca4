"""The change list as CSV (RFC 4180, UTF-8 with BOM, formula-safe) and as an Excel workbook."""

from __future__ import annotations

import csv
import io

import pytest

from export_helpers import AS_ENACTED, headline_view
from statdiff import pipeline
from statdiff.render.csv_out import COLUMNS, change_rows, safe_cell


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_one_row_per_change_with_every_column():
    redline = headline_view(AS_ENACTED)
    text = pipeline.render("redline", redline, "csv")
    assert isinstance(text, str)
    rows = read_csv(text)
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(redline.changes) == 11
    by_number = {row[0]: dict(zip(COLUMNS, row)) for row in rows[1:]}
    at_no_charge = by_number["3"]
    assert (at_no_charge["op"], at_no_charge["where"], at_no_charge["new_text"], at_no_charge["new_page_line"],
            at_no_charge["attributed_to"], at_no_charge["section"]) == (
        "insert", "815 ILCS 530/10(a)", "at no charge", "2:21", "P.A. 94-947", "815 ILCS 530/10")
    assert "attribution" in at_no_charge["annotations"]
    assert "HB0605's new 48-hour clock" in at_no_charge["notes"]  # the reader's note beside 10(a)
    deadline = next(row for row in by_number.values() if row["new_text"].startswith("within 48 hours"))
    assert deadline["annotations"] == "deadline" and deadline["new_page_line"] == "2:24-3:1"
    assert deadline["description"].startswith("inserted “within 48 hours")


def test_rfc_4180_line_ends_and_quoting():
    text = pipeline.render("redline", headline_view(), "csv")
    body = text[1:]
    assert body.count("\r\n") == 8 and "\n" not in body.replace("\r\n", "")
    assert '"815 ILCS 530/5 ""Breach of the security of the system data or written material"""' in body


def formula_comparison():
    old = "Sec. 1. Fees.\n(a) The fee is 5 dollars for each permit.\n"
    new = "Sec. 1. Fees.\n(a) The fee is =HYPERLINK(\"http://x\") 5 dollars for each -permit.\n"
    return pipeline.compare(pipeline.read_string(old, format="prose"), pipeline.read_string(new, format="prose"))


def test_a_cell_a_spreadsheet_would_execute_is_written_as_text():
    rows = read_csv(pipeline.render_comparison(formula_comparison(), "csv"))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert [safe_cell(value) for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "fine", 3)] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "fine", 3]


def test_the_excel_workbook_holds_the_same_rows_as_text_and_the_same_bytes_each_time():
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (statdiff[xlsx]) is not installed")
    comparison = formula_comparison()
    data = pipeline.render_comparison(comparison, "xlsx")
    assert isinstance(data, bytes) and data == pipeline.render_comparison(comparison, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(COLUMNS)
    expected = [[str(cell) for cell in row] for row in change_rows(pipeline.view(comparison))]
    assert [[("" if value is None else str(value)) for value in row] for row in rows[1:]] == expected
    formula_like = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert formula_like and all(cell.data_type == "s" and cell.quotePrefix for cell in formula_like)
