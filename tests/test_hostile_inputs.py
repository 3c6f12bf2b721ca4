"""Real texts as real users' tools hand them over: copied from a browser or Word, saved by
another program, extracted from a PDF. Each transformation that leaves the words as they were
must compare as no change; each that loses something must say so."""

from __future__ import annotations

import html
from pathlib import Path

from click.testing import CliRunner

from statdiff import cli

ROOT = Path(__file__).resolve().parent.parent
LAW = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"


def diff(old: Path, new: Path):
    return CliRunner().invoke(cli.main, ["diff", str(old), str(new)])


def test_bidi_marks_copied_with_the_text_are_no_change(tmp_path):
    """Text copied from a browser, Word or Outlook carries left-to-right and right-to-left marks
    (U+200E, U+200F) that print nothing; as text, or as the `&lrm;` of an HTML page."""
    text = LAW.read_text(encoding="utf-8")
    marked = tmp_path / "marked.txt"
    marked.write_text(text.replace("Act.", "Act.\u200e").replace("breach", "\u200fbreach"), encoding="utf-8")
    result = diff(LAW, marked)
    assert (result.exit_code, result.output) == (0, "")

    def page(body: str) -> str:
        return "<html><body>" + "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip()) + "</body></html>"

    plain, with_marks = tmp_path / "plain.html", tmp_path / "marks.html"
    plain.write_text(page(html.escape(text)), encoding="utf-8")
    with_marks.write_text(page(html.escape(text).replace("Act.", "Act.&lrm;").replace("notice", "&rlm;notice")),
                          encoding="utf-8")
    result = diff(plain, with_marks)
    assert (result.exit_code, result.output) == (0, "")
