"""A change that is only a hyphen one text lacks is said to be one: `pdftotext` in its default
mode joins a word the PDF breaks at a hyphen at a line's end and drops the hyphen, and the
extracted text shows nothing where it was (`compare/hyphens.py`). Real text: the Airport Zoning
Act (620 ILCS 25) as `statutes/ilcs-chapter-620` holds it, against its own PDF printing so
extracted (`tests/fixtures/pdftext/make_pdfs.py`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from statdiff import pipeline
from statdiff.compare.hyphens import hyphen_only, lost_hyphen_changes

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_620 = ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"
EXTRACTED = ROOT / "tests" / "fixtures" / "pdftext" / "620ILCS25_footer_pdftotext.txt"


def airport_zoning_csv() -> str:
    """The chapter's CSV with the Airport Zoning Act's row only (the plain printing)."""
    csv.field_size_limit(1 << 30)
    with CHAPTER_620.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        row = next(row for row in reader if row["act"].startswith("620 ILCS 25/"))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(reader.fieldnames or []))
        writer.writeheader()
        writer.writerow(row)
    return out.getvalue()


def test_the_hyphens_pdftotext_dropped_are_named_and_stay_changes():
    comparison = pipeline.compare(pipeline.read_string(airport_zoning_csv(), name="620ILCS25.csv"),
                                  pipeline.read_string(EXTRACTED.read_text(encoding="utf-8"), name=EXTRACTED.name))
    found = lost_hyphen_changes(comparison.changes)
    assert [pair for _, pair in found] == [("81-840", "81840"), ("publicly-owned", "publiclyowned"),
                                          ("non-conforming", "nonconforming")]
    assert all(change in comparison.changes for change, _ in found)  # shown, never taken away
    [note] = [warning for warning in pipeline.comparison_warnings(comparison) if "hyphen" in warning]
    assert note.startswith("3 changes are only a hyphen one text lacks (81-840 / 81840, publicly-owned /"
                           " publiclyowned, non-conforming / nonconforming): `pdftotext` without -raw or -layout")


def test_only_a_lost_hyphen_is_one():
    assert hyphen_only("(Source: P.A. 103-467, eff. 8-4-23.)", "(Source: P.A. 103467, eff. 8-4-23.)") == ("103-467", "103467")
    assert hyphen_only("dualpurpose", "dual-purpose") == ("dualpurpose", "dual-purpose")
    assert hyphen_only("1A-16.2", "1A16.3") is None  # another change besides
    assert hyphen_only("a-bc", "ab-c") is None  # a hyphen moved, none lost
    assert hyphen_only("non-public re-entry", "nonpublic re-entry-") is None  # lost on one side, gained on the other
    assert hyphen_only("any one", "anyone") is None  # a space, not a hyphen
