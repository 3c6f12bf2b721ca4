"""Where a text has lines and no pages (a contract, a policy, markdown: the file's own lines),
the outputs a person reads cite `line 14` and `lines 3-7`, never the `?:14` that `str` keeps for
the redline's data attributes (read back by `SourceSpan.parse`). A printing with pages keeps
page:line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from statdiff.cli import main
from statdiff.model import Position, SourceSpan

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests/fixtures/documents/services_agreement_v1.txt"
NEW = ROOT / "tests/fixtures/documents/services_agreement_v2.txt"
LAW = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
BILL = ROOT / "statutes/pipa/09500HB0605_introduced_full.txt"


def run(*args: str) -> str:
    return CliRunner().invoke(main, [*args], catch_exceptions=False).output


@pytest.mark.parametrize("span, cited", [
    (SourceSpan(Position(None, 14), Position(None, 14)), "line 14"),
    (SourceSpan(Position(None, 3), Position(None, 7)), "lines 3-7"),
    (SourceSpan(Position(2, 21), Position(2, 21)), "2:21"),
    (SourceSpan(Position(3, 13), Position(3, 19)), "3:13-19"),
    (SourceSpan(Position(3, 14), Position(4, 2)), "3:14-4:2"),
    (SourceSpan(Position(), Position()), ""),
])
def test_a_span_is_cited_by_line_where_there_is_no_page_and_str_still_parses_back(span, cited):
    assert span.cited == cited
    assert SourceSpan.parse(span.full) == span
    if span.known:
        assert SourceSpan.parse(str(span)) == span


def test_a_position_is_cited_by_its_line_without_a_page():
    assert Position(None, 5).cited == "line 5"
    assert Position(4, 5).cited == "4:5"
    assert Position().cited == ""


def test_a_document_diff_cites_lines_on_the_terminal_and_the_tree():
    terminal = run("diff", str(OLD), str(NEW))
    tree = run("parse", str(OLD))
    for output in (terminal, tree):
        assert "?:" not in output
    assert " line " in terminal and "old line " in terminal
    assert "lines " in tree.splitlines()[1]  # the document runs over lines 1 to its last


def test_a_document_redline_cites_lines_in_the_change_list_and_the_page_keeps_the_machine_form(tmp_path):
    listing = tmp_path / "changes.csv"
    page = tmp_path / "page.html"
    run("redline", str(OLD), str(NEW), "-o", str(listing))
    run("redline", str(OLD), str(NEW), "-o", str(page))
    rows = list(csv.DictReader(io.StringIO(listing.read_text(encoding="utf-8-sig"))))
    assert rows and all(row["old_page_line"].startswith(("line ", "lines ")) or row["old_page_line"] == "" for row in rows)
    assert any(row["new_page_line"].startswith("line ") for row in rows)
    tree = lxml_html.fromstring(page.read_bytes())
    gutters = [element.text_content() for element in tree.find_class("pl-new")]
    assert gutters and all(text.startswith(("line ", "lines ")) for text in gutters)
    sources = [element.get("data-new-source") for element in tree.xpath("//*[@data-new-source]")]
    assert any(source.startswith("?:") for source in sources)  # what `statdiff changes` reads back


def test_a_printing_with_pages_keeps_page_and_line():
    terminal = run("diff", str(LAW), str(BILL))
    assert "line " not in terminal.replace("deadline", "")
    assert "new 1:6-2:16" in terminal  # Sec. 5 on HB0605's pages 1 and 2


@pytest.mark.parametrize("old, new, legend", [
    (OLD, NEW, "Citations are the line of the file (old / new)."),
    (LAW, BILL, "Citations are page:line of the printing (old / new)."),
    (ROOT / "statutes/fragments/ILCS_815-705-39_beta_ilga_section_COMPLETE.txt",
     ROOT / "statutes/fragments/ILCS_815-705-39_ilga_section_COMPLETE.txt",
     "Neither text prints page or line numbers: each change is found by its path."),
])
def test_the_legend_says_what_a_citation_is(old, new, legend, tmp_path):
    page = tmp_path / "page.html"
    run("redline", str(old), str(new), "-o", str(page))
    text = " ".join(lxml_html.fromstring(page.read_bytes()).find_class("legend")[0].text_content().split())
    assert legend in text
    assert sum(phrase in text for phrase in ("Citations are", "Neither text prints")) == 1
