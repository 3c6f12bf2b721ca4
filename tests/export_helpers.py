"""What the export tests share: the headline comparison, LibreOffice and poppler runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from statdiff import pipeline

ROOT = Path(__file__).resolve().parent.parent
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
AS_ENACTED = ROOT / "statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt"
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"
HEADLINE_NOTES = ROOT / "reports/notes-headline.yaml"
HEADLINE_TITLE = "815 ILCS 530 through P.A. 94-947 vs HB0605 (95th GA, introduced)"

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice, Debian's libreoffice-writer-nogui) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed")


def headline_view(old: Path = THROUGH_947, notes: bool = True):
    comparison = pipeline.compare_files(old, HB0605)
    reader_notes = pipeline.reader_notes(HEADLINE_NOTES, comparison)[0] if notes else []
    return pipeline.view(comparison, notes=reader_notes, title=HEADLINE_TITLE)


def pdftotext(pdf: Path, layout: bool = True) -> str:
    arguments = ["pdftotext"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def soffice_to_pdf(document: Path, directory: Path) -> Path:
    """LibreOffice converts `document` to PDF, headless, with a fresh profile of its own
    (so runs in parallel do not share one); it must say nothing went wrong."""
    profile = directory / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(directory), str(document)],
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    converted = directory / (document.stem + ".pdf")
    assert converted.exists() and converted.stat().st_size > 0, result.stdout + result.stderr
    return converted
