"""The redline as a PDF: the HTML redline printed by headless Chromium.

The PDF is the HTML page (`render/html.py`) printed with its own print stylesheet
(`templates/redline-print.css`): US Letter, a running header with the two documents'
names, page numbers, the summary on page 1, page:line in the margin beside each
paragraph and each change, margin notes and the reader's notes beside their text,
the side-by-side view under Old / New labels. A browser's own Print gives the same
pages. Chromium is driven through Playwright for Python (the optional extra
`statdiff[pdf]`): Debian's `/usr/bin/chromium` (or the executable `STATDIFF_CHROMIUM`
names), never a browser Playwright would download, headless, with a fresh profile in a
temporary directory, JavaScript off and every network request refused (the page
loads nothing; this makes sure).

Why Chromium and not WeasyPrint: the print layout is the page's own stylesheet, so the
PDF is exactly what a user gets from the browser's Print (one layout, tested once, in
the browser the HTML is checked in); Chromium is already what the tests drive, and
WeasyPrint would add Pango and its system libraries for a second CSS engine whose
grid and `@page` support differ.

Chromium stamps the time in the PDF's Info dictionary; it is replaced by a fixed date
of the same length, so the same redline gives the same bytes.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from statdiff.errors import StatdiffError
from statdiff.render.html import HtmlRedline
from statdiff.render.options import RenderOptions
from statdiff.view import RedlineView

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_VARIABLE = "STATDIFF_CHROMIUM"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 120_000  # the 315-Section chapter-620 redline prints in a few seconds
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


class PdfRedline:
    """A redline view as a paginated PDF (bytes)."""

    name = "pdf"
    subject = "redline"
    suffixes = (".pdf",)

    def check_ready(self) -> None:
        """Refuse at once, in one line, when the PDF cannot be made here."""
        _playwright()
        chromium()

    def render(self, redline: RedlineView, options: RenderOptions) -> bytes:
        if len(redline.changes) > SLOW_TO_PRINT:
            warn_slow_print(len(redline.changes))
        return print_to_pdf(HtmlRedline().render(redline, options))


# Chromium prints a redline's pages in a time that grows faster than its length, with no sign
# of progress: 1,953 changes of the Election Code (781 pages) in half a minute, 9,865 (a
# 73 MB PDF) in seven. No way of printing one document in parts is at hand (joining PDFs
# would need a PDF library); the user is told before the wait, and of the quick formats.
SLOW_TO_PRINT = 2_000  # changes


def warn_slow_print(changes: int) -> None:
    import sys

    sys.stderr.write(f"statdiff: warning: a PDF of {changes:,} changes runs to hundreds of pages or more and Chromium may "
                     "take minutes to print it (HTML, Word and CSV are written in seconds)\n")
    sys.stderr.flush()


def chromium() -> Path:
    """The Chromium to print with: `STATDIFF_CHROMIUM`, else Debian's."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    path = Path(configured) if configured else CHROMIUM
    if not (path.is_file() and os.access(path, os.X_OK)):
        where = f"{CHROMIUM_VARIABLE}={configured}" if configured else str(CHROMIUM)
        raise StatdiffError(f"PDF output needs Chromium: none at {where} (apt-get install chromium,"
                            f" or set {CHROMIUM_VARIABLE} to a Chromium or Chrome executable)")
    return path


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise StatdiffError("PDF output needs Playwright for Python: pip install 'statdiff[pdf]'") from None
    return sync_playwright


def print_to_pdf(html: str) -> bytes:
    """`html` printed by headless Chromium as its print stylesheet lays it out."""
    sync_playwright = _playwright()
    executable = chromium()
    from playwright.sync_api import Error as PlaywrightError

    try:
        with tempfile.TemporaryDirectory(prefix="statdiff-chromium-") as profile, sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=str(executable), args=CHROMIUM_ARGS, headless=True,
                java_script_enabled=False, offline=True, accept_downloads=False)
            try:
                context.route("**/*", lambda route: route.abort())
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                page.set_content(html, wait_until="load")
                data = page.pdf(format="Letter", print_background=True, prefer_css_page_size=True,
                                outline=True, tagged=True)
            finally:
                context.close()
    except PlaywrightError as error:
        reason = " ".join(str(error.message).split())[:300]
        raise StatdiffError(f"Chromium could not print the PDF ({reason})") from None
    return _PDF_DATE.sub(lambda match: _fixed_date(match), data)


def _fixed_date(match: re.Match[bytes]) -> bytes:
    """The date of the same length (offsets in the file stay right): 1980-01-01, UTC."""
    original = match.group(0)
    fixed = b"/" + match.group(1) + b" (D:19800101000000Z)"
    return fixed + b" " * (len(original) - len(fixed)) if len(fixed) <= len(original) else original
