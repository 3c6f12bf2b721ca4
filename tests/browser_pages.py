"""Pages in a real browser for the browser tests: Debian's Chromium driven by Playwright,
offline, every console message, page error and request that is not the page itself recorded.
Screenshots go to tests/artifacts/ (gitignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline_fixtures import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests/artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]


def launch_browser():
    """A headless Chromium for a module's tests (a generator for a fixture: yields it, then closes it)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with every console message, page error and non-file request recorded."""

    def __init__(self, browser, path: Path, **context_options):
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.console, self.errors, self.requests = [], [], []
        self.page.on("console", lambda message: self.console.append((message.type, message.text)))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", self._request)
        self.url = path.as_uri()
        self.page.goto(self.url, wait_until="load")

    def _request(self, request):
        if request.url.split("#")[0] != self.url:
            self.requests.append(request.url)

    def load_ms(self) -> float:
        return self.page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return n.loadEventEnd - n.startTime; }")

    def visible(self, selector: str) -> bool:
        return self.page.locator(selector).first.is_visible()

    def assert_quiet(self):
        """No error or warning on the console, no page error, no request but the page's own."""
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.errors == [] and self.requests == []

    def close(self):
        self.context.close()


def shot(page, name: str, full_page: bool = False) -> Path:
    """A screenshot in tests/artifacts/, taken once a smooth scroll has come to rest."""
    last = None
    for _ in range(40):  # polled from here: a page without scripts runs no timer
        where = page.evaluate("() => scrollY")
        if where == last:
            break
        last = where
        page.wait_for_timeout(120)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path
