"""The PDF: the HTML redline printed by headless Chromium, read back with poppler."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bench_pair import chapter_620_pair
from export_helpers import HEADLINE_NOTES, headline_view, needs_poppler, pdftotext
from statdiff import pipeline
from statdiff.render import RenderOptions
from statdiff.render.pdf import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
    needs_poppler,
]
pytest.importorskip("playwright.sync_api", reason="playwright for Python (statdiff[pdf]) is not installed")


@pytest.fixture(scope="module")
def headline(tmp_path_factory) -> tuple[object, Path]:
    redline = headline_view()
    path = tmp_path_factory.mktemp("pdf") / "headline.pdf"
    path.write_bytes(pipeline.render("redline", redline, "pdf"))
    return redline, path


def pdfinfo(path: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def pages(path: Path) -> list[str]:
    return pdftotext(path).split("\f")


HEADLINE_PAGES = 4  # the summary and the Act's first Section; Sec. 5; Sec. 10; its end


def test_letter_pages_with_a_running_header_and_page_numbers(headline):
    _, path = headline
    info = pdfinfo(path)
    assert info["Page size"].startswith("612 x 792") and info["Pages"] == str(HEADLINE_PAGES)
    assert info["Title"] == "815 ILCS 530 through P.A. 94-947 vs HB0605 (95th GA, introduced)"
    for number, page in enumerate(pages(path)[:HEADLINE_PAGES], start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[0].split() == ("Old: compiled 815 ILCS 530 (815ILCS530_through_PA094-0947.txt) "
                                    "New: 95th GA HB0605 introduced (002_524df963b8163e99.txt)").split()
        assert lines[-1].strip() == f"Page {number} of {HEADLINE_PAGES}"


def test_the_summary_is_on_page_one_and_the_text_follows_it(headline):
    _, path = headline
    first = pages(path)[0]
    assert "Summary: 7 changes" in first and "Changed sections" in first
    # page 1 is not left half empty: the Act's heading and its first Section (with its note) follow the summary
    assert "815 ILCS 530 Personal Information Protection Act" in first and "Sec. 1 Short title." in first
    assert "unchanged: the short" in first


def test_every_change_has_its_page_line_beside_the_line_it_starts_on(headline):
    redline, path = headline
    lines = [line for page in pages(path) for line in page.splitlines()]
    for change in redline.changes:
        first_words = " ".join(change.change.new_text.split()[:2])
        beside = [index for index, line in enumerate(lines) if re.search(rf"(^|\s){re.escape(change.at)}(\s|$)", line)
                  and first_words.split()[0] in line.split()]
        assert beside, (change.anchor, change.at, first_words)
        joined = " | ".join(" ".join(" ".join(lines[index:index + 2]).split()) for index in beside)
        assert first_words in joined, (change.anchor, change.at, first_words)


def test_every_paragraph_has_its_page_line_in_the_margin_beside_it(headline):
    _, path = headline
    text = pdftotext(path)
    assert re.search(r"^\s*new 2:19\s+\(a\) Any data collector that owns", text, re.M)
    assert re.search(r"^\s*new 4:11\s+\(iii\) notification to major statewide media\.", text, re.M)


def test_the_readers_notes_and_margin_notes_are_printed_beside_their_text(headline):
    _, path = headline
    text = " ".join(pdftotext(path, layout=False).split())
    notes = HEADLINE_NOTES.read_text(encoding="utf-8")
    for note in re.findall(r'^\s*(?:- |"[^"]+": )"(.+)"$', notes, re.M):
        assert note.replace('\\"', '"') in text  # also the note on Sec. 1, a folded section
    assert "new deadline: within 48 hours" in text
    layout = pdftotext(path)
    assert re.search(r"\(a\) Any data collector that owns or licenses personal information\s+DEADLINE", layout)


def test_side_by_side_prints_in_two_columns_under_old_and_new(tmp_path):
    path = tmp_path / "side.pdf"
    path.write_bytes(pipeline.render("redline", headline_view(), "pdf", RenderOptions(view="side-by-side")))
    text = pdftotext(path)
    assert re.search(r"Old: compiled 815 ILCS 530\s+New: 95th GA HB0605 introduced", text)
    assert re.search(r"\(815 ILCS 530/10\)\s+2:17 \(815 ILCS 530/10\)", text)


def test_the_same_redline_gives_the_same_pdf(headline):
    redline, path = headline
    assert pipeline.render("redline", redline, "pdf") == path.read_bytes()


def test_the_page_images_show_text_on_every_page(headline, tmp_path):
    _, path = headline
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == HEADLINE_PAGES and all(image.stat().st_size > 5_000 for image in images)


def test_the_big_benchmark_pair_prints(tmp_path):
    old, new = chapter_620_pair(tmp_path)
    comparison = pipeline.compare_files(old, new)
    path = tmp_path / "big.pdf"
    path.write_bytes(pipeline.render_comparison(comparison, "pdf"))
    count = int(pdfinfo(path)["Pages"])
    text = pdftotext(path)
    assert count > 20 and f"Page {count} of {count}" in text
    assert f"Summary: {len(comparison.changes)} changes" in text and "Sec. 944" in text


def test_the_browsers_own_print_lays_rows_out_as_the_pdf_does(tmp_path):
    """Print media in Chromium (what Ctrl+P uses): page:line beside its paragraph, the note beside the text."""
    from playwright.sync_api import sync_playwright

    from statdiff.render.pdf import CHROMIUM_ARGS

    page_file = tmp_path / "headline.html"
    page_file.write_text(pipeline.render("redline", headline_view(), "html"), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 720, "height": 900})  # about a Letter page's width
        page.goto(page_file.as_uri())
        page.emulate_media(media="print")
        row = page.locator("section[data-path='815 ILCS 530/10'] .row.kind-subsection").first
        gutter, cell, note = (row.locator(selector).first.bounding_box() for selector in (".gutter", ".cell-inline", ".note"))
        assert gutter["x"] + gutter["width"] <= cell["x"] and abs(gutter["y"] - cell["y"]) < 8
        assert note["x"] >= cell["x"] + cell["width"] and abs(note["y"] - cell["y"]) < 8
        assert page.locator("details[data-path='815 ILCS 530/1'] .note").first.is_visible()
        browser.close()
