"""The redline in a real browser: Debian's Chromium driven by Playwright, offline.

Screenshots go to tests/artifacts/ (gitignored); `headline-inline.png` is the one
copied to reports/headline.png for the README.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from browser_pages import ARTIFACTS, BROWSER_MARKS, Watched, launch_browser, shot
from redline_fixtures import HB0605, ROOT, THROUGH_947, benchmark_pair, real_comparison, render_redline
from statdiff import api
from statdiff.annotate.notes import load_notes, match_notes

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def browser():
    yield from launch_browser()


@pytest.fixture(scope="module")
def headline_file(tmp_path_factory) -> Path:
    comparison = real_comparison(THROUGH_947, HB0605)
    notes, _ = match_notes(load_notes(ROOT / "reports/notes-headline.yaml"), comparison)
    path = tmp_path_factory.mktemp("redline") / "headline.html"
    path.write_text(render_redline(comparison, notes=notes, title="815 ILCS 530 through P.A. 94-947 vs HB0605"),
                    encoding="utf-8")
    return path


@pytest.fixture
def headline_page(browser, headline_file):
    watched = Watched(browser, headline_file)
    yield watched
    watched.assert_quiet()
    watched.close()


def test_opens_offline_with_the_summary_table(headline_page):
    page = headline_page.page
    print(f"\nheadline redline load time: {headline_page.load_ms():.1f} ms")
    assert page.locator("table.summary-table tbody tr").count() == 7
    assert page.locator("ins").count() == 7 and page.locator("del").count() == 0
    assert headline_page.visible("#summary") and headline_page.visible(".cell-inline ins")
    shot(page, "headline-inline.png")
    # The README picture (reports/headline.png): Sec. 10 with its insertions and margin notes.
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("section[data-path='815 ILCS 530/10']").bounding_box()
    page.screenshot(path=str(ARTIFACTS / "headline-sec10.png"), full_page=True,
                    clip={"x": box["x"] - 16, "y": box["y"] - 12, "width": box["width"] + 32, "height": box["height"] + 24})
    shot(page, "headline-full.png", full_page=True)


def test_summary_link_targets_the_change(headline_page):
    page = headline_page.page
    page.locator("table.summary-table tbody tr").nth(3).locator("td.phrase a").click()
    page.wait_for_function("() => location.hash === '#c4'")
    target = page.locator(".change:target")
    assert target.count() == 1 and "within 48 hours" in target.inner_text()
    page.wait_for_function(
        "() => { const r = document.querySelector('.change:target').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5000)
    assert page.evaluate("() => scrollY") > 0
    shot(page, "headline-target.png")


def test_view_switch_to_side_by_side_and_back(headline_page):
    page = headline_page.page
    assert headline_page.visible("section.sec .cell-inline") and not headline_page.visible("section.sec .cell-new")
    page.click("label[for=view-side-by-side]")
    assert headline_page.visible("section.sec .cell-old") and headline_page.visible("section.sec .cell-new")
    assert not headline_page.visible("section.sec .cell-inline")
    shot(page, "headline-side-by-side.png")
    page.click("label[for=view-inline]")
    assert headline_page.visible("section.sec .cell-inline") and not headline_page.visible("section.sec .cell-new")


def test_collapsed_section_expands(headline_page):
    page = headline_page.page
    sec1 = page.locator("details[data-path='815 ILCS 530/1']")
    assert "not amended by this bill" in sec1.locator("summary").inner_text()
    assert not sec1.locator(".cell-inline").get_by_text("may be cited as the Personal Information Protection Act").is_visible()
    sec1.locator("summary").click()
    assert sec1.evaluate("element => element.open") is True
    assert sec1.locator(".cell-inline").get_by_text("may be cited as the Personal Information Protection Act").is_visible()
    page.click("#collapse-all")
    assert sec1.evaluate("element => element.open") is False


def test_print_media_hides_controls_and_keeps_the_summary(headline_page):
    page = headline_page.page
    page.emulate_media(media="print")
    assert not headline_page.visible(".controls")
    assert headline_page.visible("table.summary-table")
    assert headline_page.visible(".gutter .pl-new")
    shot(page, "headline-print.png", full_page=True)


def test_reads_with_javascript_off(browser, headline_file):
    watched = Watched(browser, headline_file, java_script_enabled=False)
    page = watched.page
    assert not watched.visible("#expand-all")
    page.click("label[for=view-side-by-side]")
    assert watched.visible("section.sec .cell-new") and not watched.visible("section.sec .cell-inline")
    page.locator("details[data-path='815 ILCS 530/1'] summary").click()
    sec1_old = page.locator("details[data-path='815 ILCS 530/1'] .cell-old")
    assert sec1_old.get_by_text("may be cited as the Personal Information Protection Act").is_visible()
    assert watched.requests == [] and watched.errors == []
    watched.close()


def test_side_by_side_chosen_at_render_time(browser, tmp_path):
    path = tmp_path / "side.html"
    path.write_text(render_redline(real_comparison(THROUGH_947, HB0605), view="side-by-side"), encoding="utf-8")
    watched = Watched(browser, path)
    assert watched.visible("section.sec .cell-new") and not watched.visible("section.sec .cell-inline")
    watched.close()


def test_big_benchmark_page_loads(browser, tmp_path):
    old, new = benchmark_pair(tmp_path)
    comparison = api.diff(old, new)
    started = time.perf_counter()
    html = render_redline(comparison)
    render_ms = (time.perf_counter() - started) * 1000
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    watched = Watched(browser, path)
    print(f"\nchapter 620 pair: {len(comparison.sections)} sections, {len(comparison.changes)} changes, "
          f"{len(html) / 1e6:.2f} MB, render {render_ms:.0f} ms, browser load {watched.load_ms():.0f} ms")
    assert watched.page.locator("table.summary-table tbody tr").count() == len(comparison.changes)
    assert watched.errors == [] and watched.requests == []
    watched.close()
