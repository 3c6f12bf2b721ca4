"""Renderers behind one protocol, found by format name or output suffix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff.cli import main
from statdiff.errors import StatdiffError
from statdiff.render import FORMATS, formats, renderer, renderer_for_path

ROOT = Path(__file__).resolve().parent.parent
ACT = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"


@pytest.mark.parametrize("entry", FORMATS, ids=lambda entry: f"{entry.subject}-{entry.name}")
def test_every_registered_format_loads_a_renderer_that_says_what_it_is(entry):
    found = entry.load()
    assert (found.name, found.subject, tuple(found.suffixes)) == (entry.name, entry.subject, entry.suffixes)
    assert callable(found.render)


def test_a_format_is_found_by_name_and_by_suffix():
    assert renderer("redline", "html").name == "html"
    assert renderer_for_path("redline", "out/Report.HTM", default="html").name == "html"
    assert renderer_for_path("redline", "report.json", default="html").name == "json"
    assert renderer_for_path("redline", "report.txt", default="html").name == "html"  # no text redline file yet
    assert renderer_for_path("document", "body.txt", default="tree").name == "text"
    assert [entry.name for entry in formats("changes")] == ["terminal", "json"]


def test_an_unknown_format_is_one_clear_error():
    with pytest.raises(StatdiffError, match=r"no 'rtf' output for a redline: choose one of terminal, stat, html, docx, pdf, csv, xlsx, json"):
        renderer("redline", "rtf")


def test_redline_to_a_json_file_writes_the_json_contract(tmp_path):
    target = tmp_path / "report.json"
    written = CliRunner().invoke(main, ["redline", str(ACT), str(HB0605), "-o", str(target)])
    printed = CliRunner().invoke(main, ["diff", str(ACT), str(HB0605), "--json"])
    assert (written.exit_code, printed.exit_code) == (1, 1)
    assert target.read_text(encoding="utf-8") == printed.stdout
