"""Page numbers a PDF prints in its footer, in the text `pdftotext` extracts from it.

Real texts printed to PDF through Chromium (`tests/fixtures/pdftext/make_pdfs.py`) with their
page numbers in the footer (`3`, `Page 3`, `- 3 -`, `3 of 12`) and no running header, extracted
in every `pdftotext` mode, compare with their plain printing as no change: a page number alone
on its line read as a word was law no one wrote (`(Source: {+1+} Laws 1945, p. 317.)`, `political
{+3+} subdivisions`). The audit names each page number dropped, and accepts one only where the
source prints it alone on a line, counting the pages. Numbers alone on lines that are text (a
list, a tally, a table's column) stay words."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff import cli, pipeline
from statdiff.compare.hyphens import lost_hyphen_changes
from statdiff.model import Drop
from statdiff.read import read_path, read_text
from statdiff.read.audit import page_number_problems
from tests.test_lost_hyphens import airport_zoning_csv

ROOT = Path(__file__).resolve().parent.parent
PDFTEXT = ROOT / "tests" / "fixtures" / "pdftext"
LAW = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
PRINTING = ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt"
MODES = ("", "_layout", "_raw")


def _make_pdfs():
    spec = importlib.util.spec_from_file_location("make_pdfs", PDFTEXT / "make_pdfs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _audit_output(path: Path) -> str:
    result = CliRunner().invoke(cli.main, ["parse", "--audit", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def _phantom_changes(old: str, old_name: str, new: Path) -> list[str]:
    """The changes between a plain printing and its PDF's extracted text, but those that are
    only a hyphen `pdftotext`'s default mode drops (said in their own warning)."""
    comparison = pipeline.compare(pipeline.read_string(old, name=old_name),
                                  pipeline.read_string(new.read_text(encoding="utf-8"), name=new.name))
    hyphens = [change for change, _ in lost_hyphen_changes(comparison.changes)]
    return [f"{change.op}: {change.old_text!r} -> {change.new_text!r}" for change in comparison.changes
            if change not in hyphens]


@pytest.mark.parametrize("mode", MODES)
def test_an_act_printed_as_running_text_reads_without_its_page_numbers(mode):
    """The Airport Zoning Act (one paragraph, as the ILCS CSV holds it) printed with its page
    numbers alone in the footer: each of its 13 pages' numbers was a word of the Act, one inside
    a Source note; the disclaimer and the site's script, wrapped over lines, read as the Act's."""
    extracted = PDFTEXT / f"620ILCS25_footer_pdftotext{mode}.txt"
    assert _phantom_changes(airport_zoning_csv(), "620ILCS25.csv", extracted) == []
    output = _audit_output(extracted)
    assert "every word accounted for" in output and "page number: 13 dropped (13 words)" in output
    # each page number listed at its line, where the source prints it alone
    listed = re.findall(r"^  \?:(\d+) +(\d+)$", output, re.M)
    lines = extracted.read_text(encoding="utf-8").replace("\f", "\n").split("\n")
    assert [number for _, number in listed] == [str(number) for number in range(1, 14)]
    assert all(lines[int(line) - 1].strip() == number for line, number in listed)
    assert "ILCS disclaimer: 1 dropped" in output


@pytest.mark.parametrize("mode", MODES)
def test_a_bills_text_printed_without_a_header_reads_without_its_page_numbers(mode):
    """HB0605's text printed with only its page numbers in the footer (no running header the
    reader could find them beside): `personal {+2+} information` before. (Read as a document,
    with the warning that no Illinois rendering fits it well: it has no bill's marks left.)"""
    extracted = PDFTEXT / f"HB0605_bare_footer_pdftotext{mode}.txt"
    result = CliRunner().invoke(cli.main, ["diff", str(PRINTING), str(extracted)])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if not line.startswith("statdiff: warning:")] == []
    output = _audit_output(extracted)
    assert "every word accounted for" in output and "page number: 4 dropped (4 words)" in output


@pytest.mark.parametrize("mode", MODES)
def test_a_numbered_bill_pdf_still_reads_by_its_line_numbers(mode):
    """The line-number engine reads HB0605's numbered printing, extracted in each mode, as the
    plain printing: no line number is taken for a page's."""
    extracted = PDFTEXT / f"HB0605_pdftotext{mode}.txt"
    result = CliRunner().invoke(cli.main, ["diff", str(PRINTING), str(extracted)])
    assert (result.exit_code, result.output) == (0, "")
    assert "page number" not in _audit_output(extracted)


_PRINTED = {"act": (LAW.read_text(encoding="utf-8"), LAW.name), "airport": (airport_zoning_csv(), "620ILCS25.csv"),
            "bill": (PRINTING.read_text(encoding="utf-8"), PRINTING.name)}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every text printed with every footer and extracted in every mode (where Chromium,
    Playwright and pdftotext are installed): {(text, footer, mode): the extracted text's path}."""
    make_pdfs = _make_pdfs()
    if not Path("/usr/bin/chromium").exists() or shutil.which("pdftotext") is None:
        pytest.skip("Debian's chromium (/usr/bin/chromium) and poppler's pdftotext are needed to print and extract")
    pytest.importorskip("playwright.sync_api", reason="playwright for Python prints the PDFs")
    directory = tmp_path_factory.mktemp("footers")
    return {(text, footer, mode): make_pdfs.extracted(text, footer, mode, directory)
            for text in make_pdfs.TEXTS for footer in make_pdfs.FOOTERS for mode in make_pdfs.MODES}


def test_every_footer_in_every_mode_is_no_change(printed):
    """An ILCS whole-Act page, an Act as running text and a bill's text, each printed with each
    footer (`3`, `Page 3`, `- 3 -`, `3 of 12`), each extracted three ways: no change against its
    plain printing (a hyphen the default mode drops aside), and the audit drops one page number
    a page, every word accounted for."""
    found = {}
    for (text, footer, mode), path in printed.items():
        phantom = _phantom_changes(*_PRINTED[text], path)
        pages = path.read_text(encoding="utf-8").count("\f")  # pdftotext ends each page with a form feed
        dropped = [drop for drop in read_path(path).dropped if drop.rule == "page number"]
        found[text, footer, mode] = (phantom, len(dropped) == pages, "every word accounted for" in _audit_output(path))
    assert {key: value for key, value in found.items() if value != ([], True, True)} == {}


# ---------------------------------------------------------------- numbers that are text


def test_numbers_alone_on_lines_that_are_text_stay_words():
    """A number alone on a line is a page's only where the numbers count the pages a page's
    worth of lines apart: a list's items, a tally's column, a count, stay words."""
    page = ["the text of the document runs on over this line"] * 20
    items = ["Sec. 1. The ballot shall list, in order:", "1", "2", "3", "the candidates of each party."]
    tally = page + ["100"] + page + ["70"] + page + ["150"]
    for lines in (items + page, tally, page + ["1"] + page + ["3"] + page + ["2"]):
        for format in ("prose", "ilcs-csv", "ilcs"):
            result = read_text("\n".join(lines), format=format)
            assert not [drop for drop in result.dropped if drop.rule == "page number"], (format, lines[-1])
    # the pages counted, each number ending its page (an empty line after it, where pdftotext's
    # form feed was): page numbers; in a document's text with no page break after them: words
    counted = read_text("\n".join(page + ["1", ""] + page + ["2", ""] + page[:3]), format="prose")
    assert [drop.text for drop in counted.dropped if drop.rule == "page number"] == ["1", "2"]
    unbroken = read_text("\n".join(page + ["1"] + page + ["2"] + page[:3]), format="prose")
    assert not [drop for drop in unbroken.dropped if drop.rule == "page number"]


def test_the_audit_accepts_a_page_number_only_where_the_source_prints_it_counting_the_pages():
    source = "The Act.\n1\nits text, 7 words\n2\nmore\n- 3 -\n"
    assert page_number_problems(source, [Drop("page number", "1", None, None, 2), Drop("page number", "2", None, None, 6),
                                         Drop("page number", "- 3 -", None, None, 7)]) == []
    inside = page_number_problems(source, [Drop("page number", "1", None, None, 2), Drop("page number", "7", None, None, 4)])
    assert len(inside) == 2 and "no line of its own" in inside[0] and "does not follow" in inside[1]
    skipped = page_number_problems("a\n1\nb\n3\n", [Drop("page number", "1", None, None, 1),
                                                    Drop("page number", "3", None, None, 2)])
    assert skipped == ["the page number '3' dropped at - does not follow the one before (1)"]


def test_marked_page_numbers_beside_a_public_acts_header_are_dropped():
    """A Public Act's PDF whose footer prints `Page 2` (not a bare `2`) beside its running
    header: `Page 2` read as two words of the Act before."""
    lines = ["Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b", "AN ACT concerning State government.",
             "Be it enacted by the People of the State of Illinois,", "represented in the General Assembly:"]
    for page in range(1, 4):
        lines += [f"Section {page}. This Section's text runs on", "to its page's end.", "", f"Page {page} of 3", "",
                  "Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b"]
    for format in ("public-act", "pdf-text"):
        result = read_text("\n".join(lines[:-1]), format=format)
        assert [drop.text for drop in result.dropped if drop.rule == "page number"] == [f"Page {n} of 3" for n in (1, 2, 3)]
        assert "Page" not in " ".join(line.text for line in result.lines), format


def test_an_ilcs_page_holding_a_pipe_drops_its_page_numbers():
    """An ILCS page's text holding a `|` (the site's script: `'localhost' || ...`) is read cell
    by cell; its printed page numbers are dropped there too."""
    act = (PDFTEXT / "815ILCS530_footer_pdftotext.txt").read_text(encoding="utf-8")
    result = read_text("const isDev = host === 'localhost' || host === 'dev';\n" + act, format="ilcs")
    assert [drop.text for drop in result.dropped if drop.rule == "page number"] == ["1", "2", "3"]
