"""Two printings of a bill that differ in their synopsis alone: not a change of the compared
text, but never passed over in silence (`compare/synopses.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from statdiff import pipeline
from statdiff.compare.synopses import first_difference, synopsis_note

ROOT = Path(__file__).resolve().parent.parent
BILL = ROOT / "statutes/fragments/09600HB6878_introduced_ftp_PARTIAL.txt"  # prints SYNOPSIS AS INTRODUCED


def edited(tmp_path: Path, old: str, new: str) -> Path:
    text = BILL.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "edited.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_synopsis_edited_alone_is_no_change_and_one_warning_with_the_first_difference(tmp_path):
    other = edited(tmp_path, "prepare quarterly budget", "prepare monthly budget")
    diffed = pipeline.diff_files(BILL, other)
    assert diffed.comparison.changes == []
    [warning] = [note for note in diffed.warnings if "synopses" in note]
    assert "in 1 place" in warning and "[-quarterly-] {+monthly+}" in warning


def test_the_command_says_it_on_stderr(tmp_path):
    other = edited(tmp_path, "prepare quarterly budget", "prepare monthly budget")
    done = subprocess.run([sys.executable, "-c", "from statdiff.cli import main; main()", "diff", str(BILL), str(other)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr.startswith("statdiff: warning: the synopses differ in 1 place")


def test_the_same_synopsis_or_only_its_spacing_changed_says_nothing(tmp_path):
    assert synopsis_note(pipeline.compare_files(BILL, BILL)) is None
    spaced = edited(tmp_path, "prepare quarterly budget", "prepare  quarterly\nbudget")
    assert synopsis_note(pipeline.diff_files(BILL, spaced).comparison) is None


def test_a_synopsis_only_one_printing_holds_is_not_compared():
    comparison = pipeline.compare_files(BILL, BILL)
    comparison.new.synopsis = None
    assert synopsis_note(comparison) is None


@pytest.mark.parametrize("old, new, shown", [
    ("a b c d e f g h i j".split(), "a b c d X f g h i j".split(), "a b c d [-e-] {+X+} f g h i …"),
    ("a b c".split(), "a b c d".split(), "a b c {+d+}"),
    ("a b c d e f g".split(), "a b c d e f".split(), "… c d e f [-g-]"),
])
def test_the_first_difference_is_shown_in_its_words(old, new, shown):
    from difflib import SequenceMatcher

    opcode = next(code for code in SequenceMatcher(None, old, new).get_opcodes() if code[0] != "equal")
    assert first_difference(old, new, opcode) == shown


def test_the_redline_file_says_what_stderr_said(tmp_path):
    """A redline is read by people who never saw stderr: the HTML page (and so its PDF) and
    the Word file print the comparison's warnings at the top; a redline without any has no box."""
    import zipfile

    from click.testing import CliRunner
    from lxml import html as lxml_html

    from statdiff.cli import main

    other = edited(tmp_path, "prepare quarterly budget", "prepare monthly budget")
    page, word, quiet = tmp_path / "page.html", tmp_path / "page.docx", tmp_path / "quiet.html"
    for path, new in ((page, other), (word, other), (quiet, BILL)):
        CliRunner().invoke(main, ["redline", str(BILL), str(new), "-o", str(path)], catch_exceptions=False)
    boxes = lxml_html.fromstring(page.read_bytes()).find_class("warnings")
    assert len(boxes) == 1 and "the synopses differ in 1 place" in boxes[0].text_content()
    with zipfile.ZipFile(word) as package:
        assert "Warning: the synopses differ in 1 place" in package.read("word/document.xml").decode("utf-8")
    assert not lxml_html.fromstring(quiet.read_bytes()).find_class("warnings")


def test_a_batch_record_and_its_redline_carry_the_warnings(tmp_path):
    from statdiff.batch.pair import PairFiles, PairTask, run_pair

    other = edited(tmp_path, "prepare quarterly budget", "prepare monthly budget")
    files = PairFiles("old.txt", "new.txt", str(BILL), str(other))
    outcome = run_pair(PairTask(0, "hb6878", "hb6878.html", files))
    [warning] = outcome.record["warnings"]
    assert warning.startswith("the synopses differ in 1 place") and "\n" not in warning
    assert 'class="warnings"' in outcome.redline_html
    same = run_pair(PairTask(1, "same", "same.html", PairFiles("a.txt", "b.txt", str(BILL), str(BILL))))
    assert same.record["warnings"] == [] and 'class="warnings"' not in same.redline_html
