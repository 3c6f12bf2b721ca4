"""The timeline redline of `statdiff history` in a real browser (Debian's Chromium through
Playwright, offline): each version's changes in their own colour, a filter by version that
fades a version's changes and takes them out of the lists. Screenshots go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from browser_pages import BROWSER_MARKS, Watched, launch_browser, shot
from statdiff import cli

pytestmark = BROWSER_MARKS

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa"
VERSIONS = (PIPA / "815ILCS530_as_enacted_PA094-0036.txt", PIPA / "815ILCS530_through_PA094-0947.txt",
            PIPA / "09500HB0605_introduced_full.txt", ROOT / "tests/fixtures/amend/09500HB0605_constructed_page_and_line.txt")


@pytest.fixture(scope="module")
def browser():
    yield from launch_browser()


@pytest.fixture(scope="module")
def timeline(browser, tmp_path_factory):
    page = tmp_path_factory.mktemp("history") / "history.html"
    result = CliRunner().invoke(cli.main, ["history", *map(str, VERSIONS), "--as-given", "-o", str(page)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    watched = Watched(browser, page)
    yield watched
    watched.close()


def colour(watched: Watched, selector: str) -> str:
    return watched.page.eval_on_selector(selector, "element => getComputedStyle(element).color")


def test_each_version_has_its_colour(timeline):
    page = timeline.page
    shot(page, "history-timeline.png")
    shot(page, "history-timeline-full.png", full_page=True)
    timeline.assert_quiet()
    assert page.locator("ol.versions > li").count() == 4
    v2, v3, v4 = (colour(timeline, f".change.step-{number} ins") for number in (2, 3, 4))
    assert len({v2, v3, v4}) == 3  # three versions, three colours
    swatches = {page.eval_on_selector(f"#v{number} .swatch", "element => getComputedStyle(element).backgroundColor")
                for number in (2, 3, 4)}
    assert len(swatches) == 3


def test_unticking_a_version_fades_its_changes_and_takes_them_out_of_the_lists(timeline):
    page = timeline.page
    page.click(".jump > summary")
    items = page.locator(".change-item")
    shown = items.count()
    assert shown == page.locator(".change-item:visible").count()
    in_v3 = page.locator(".change-item.s-3").count()
    assert in_v3 > 0
    page.click("label[for=s-3]")
    shot(page, "history-filter.png")
    assert page.locator(".change-item:visible").count() == shown - in_v3
    assert page.locator("tr.change-row.s-3:visible").count() == 0
    opacity = page.eval_on_selector(".change.step-3", "element => getComputedStyle(element).opacity")
    assert float(opacity) < 1
    assert float(page.eval_on_selector(".change.step-4", "element => getComputedStyle(element).opacity")) == 1
    page.click("#next-change")
    page.wait_for_timeout(200)
    current = page.evaluate("() => location.hash.slice(1)")
    assert "step-3" not in page.eval_on_selector(f"#{current}", "element => element.className")
    page.click("label[for=s-3]")  # ticked again: all back
    assert page.locator(".change-item:visible").count() == shown
    page.click(".jump > summary")


def test_the_changes_that_did_not_last_are_listed(timeline):
    page = timeline.page
    rows = page.locator("table.undone-table tbody tr")
    assert rows.count() >= 3
    texts = [" ".join(rows.nth(index).inner_text().split()) for index in range(rows.count())]
    assert any("“at no charge”" in text and "undone by v4" in text for text in texts)
    assert any("takes back what v3 did" in text for text in texts)
