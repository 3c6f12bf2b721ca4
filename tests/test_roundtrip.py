"""statdiff's own HTML redline is valid input: reading it back gives the same
change list (op, paths, texts, page:line) that was rendered."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff.cli import main
from statdiff.compare import compare
from statdiff.errors import StatdiffError
from statdiff.compare.markup import changes_from_markup
from statdiff.read.redline import changes_from_redline
from statdiff.read import read_path, read_text
from statdiff.read.html import read_html
from statdiff.structure import build_document
from redline_fixtures import render_redline
from strategies import act_texts

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes/pipa"
HB0605 = PIPA / "09500HB0605_introduced_full.txt"
THROUGH_947 = PIPA / "815ILCS530_through_PA094-0947.txt"
AS_ENACTED = PIPA / "815ILCS530_as_enacted_PA094-0036.txt"
REAL_PAIRS = {
    "headline": (THROUGH_947, HB0605),
    "as-enacted": (AS_ENACTED, HB0605),
    "pa-94-947": (AS_ENACTED, THROUGH_947),
    "sb731-amendments": (ROOT / "statutes/fragments/10200SB0731sam002_PARTIAL.txt",
                         ROOT / "statutes/fragments/10200SB0731sam003_ftp_PARTIAL.txt"),
    # documents that are not Illinois law: clauses added and removed whole, headings and bodies
    **{name: (ROOT / f"tests/fixtures/documents/{name}_v1.{suffix}", ROOT / f"tests/fixtures/documents/{name}_v2.{suffix}")
       for name, suffix in (("services_agreement", "txt"), ("acceptable_use_policy", "txt"), ("privacy_policy", "md"))},
}


@lru_cache(maxsize=None)
def document(path: Path):
    return build_document(read_path(path))


def facts(change):
    return (change.op, change.old_path, change.new_path, change.old_text, change.new_text, printed(change.old_source),
            printed(change.new_source), change.section, change.attributed_to, change.anchor)


def printed(span):
    """A span with no page:line (an ILCS page prints none) is written as no span."""
    return None if span is None or str(span) == "-" else span


def assert_round_trip(comparison, view: str = "inline"):
    page = render_redline(comparison, view=view)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({anchor for anchor in ids if ids.count(anchor) > 1})  # one element a change
    back = changes_from_redline(page, "redline.html")
    assert len(back) == len(comparison.changes)
    for rendered, read in zip(comparison.changes, back):
        assert facts(read) == facts(rendered)


@pytest.mark.parametrize("view", ["inline", "side-by-side"])
@pytest.mark.parametrize("pair", sorted(REAL_PAIRS))
def test_real_redlines_read_back_to_the_same_changes(pair, view):
    old, new = REAL_PAIRS[pair]
    comparison = compare(document(old), document(new))
    assert comparison.changes
    assert_round_trip(comparison, view)


def test_the_headline_redline_reads_back_to_the_seven_insertions():
    comparison = compare(document(THROUGH_947), document(HB0605))
    back = changes_from_redline(render_redline(comparison))
    inserted = [change.new_text for change in back if change.op == "insert"]
    assert inserted == [
        "or written material", "or written material", "or written material",
        "within 48 hours of the discovery of the breach of the security of the system data or written material,",
        "or written material files", "material files or", "or written material",
    ]


def test_a_redline_of_the_markup_reads_back_too():
    page = (ROOT / "tests/fixtures/html/pa102-0016_table.html").read_text(encoding="utf-8")
    result = read_html(page, "pa102.html")
    markup = changes_from_markup(build_document(result), result)
    assert_round_trip(markup)


def _edit(text: str, draw) -> str:
    """NEW: the same Act with a few words inserted, deleted or replaced."""
    words = list(re.finditer(r"(?<=\s)[a-z]{3,}(?=\s)", text))
    if not words:
        return text
    for _ in range(draw(st.integers(1, 3))):
        words = list(re.finditer(r"(?<=\s)[a-z]{3,}(?=\s)", text))
        if not words:  # every word deleted by the edits before
            break
        match = draw(st.sampled_from(words))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        replacement = {"insert": match.group(0) + " promptly", "delete": "", "replace": "reasonable"}[action]
        text = text[:match.start()] + replacement + text[match.end():]
    return " ".join(text.split(" ")) if "  " in text else text


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_text=act_texts(), data=st.data())
def test_generated_redlines_read_back_to_the_same_changes(old_text, data):
    new_text = _edit(old_text, data.draw)
    comparison = compare(build_document(read_text(old_text, name="old")), build_document(read_text(new_text, name="new")))
    assert_round_trip(comparison)


def test_cli_changes_reads_a_statdiff_redline(tmp_path):
    output = tmp_path / "redline.html"
    result = CliRunner().invoke(main, ["redline", str(THROUGH_947), str(HB0605), "-o", str(output)])
    assert result.exit_code == 1, result.output
    listed = CliRunner().invoke(main, ["changes", str(output), "--no-color"])
    assert listed.exit_code == 1, listed.output
    assert "statdiff redline:" in listed.output
    assert "{+material files or+}" in listed.output


def test_cli_changes_refuses_old_with_a_redline(tmp_path):
    output = tmp_path / "redline.html"
    CliRunner().invoke(main, ["redline", str(THROUGH_947), str(HB0605), "-o", str(output)])
    listed = CliRunner().invoke(main, ["changes", str(output), "--old", str(THROUGH_947)])
    assert listed.exit_code == 2
    assert listed.output.startswith("statdiff: error:") and "--old needs a marked-up bill" in listed.output


def test_a_page_that_is_not_a_redline_is_refused_by_the_redline_reader():
    with pytest.raises(StatdiffError, match="not a statdiff redline"):
        changes_from_redline("<html><body><p>1 AN ACT</p></body></html>", "page.html")
