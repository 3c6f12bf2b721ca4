"""The Python API: statdiff.parse and statdiff.diff on paths, texts and Documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import statdiff
from statdiff.model import Comparison, Document

ROOT = Path(__file__).resolve().parent.parent
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"


def test_parse_accepts_a_path_a_path_string_and_a_text():
    by_path = statdiff.parse(HB0605)
    by_string = statdiff.parse(str(HB0605))
    by_text = statdiff.parse(HB0605.read_text(encoding="utf-8"), name=str(HB0605))
    assert isinstance(by_path, Document)
    assert [w.text for w in by_path.root.all_words()] == [w.text for w in by_string.root.all_words()]
    assert [w.text for w in by_path.root.all_words()] == [w.text for w in by_text.root.all_words()]
    assert by_path.identity.bill == "HB0605"


@pytest.mark.parametrize("mistyped", ["bills/hb0605.txt", "hb0605.txt", "old/Act.HTML", "C:\\bills\\hb.txt"])
def test_a_mistyped_path_is_a_missing_file_not_a_text(mistyped):
    with pytest.raises(statdiff.StatdiffError, match="no such file"):
        statdiff.parse(mistyped)


def test_diff_of_two_mistyped_paths_fails_instead_of_comparing_the_names():
    with pytest.raises(statdiff.StatdiffError, match="no such file"):
        statdiff.diff("a/typo1.txt", "a/typo2.txt")


@pytest.mark.parametrize("text", ["Sec. 5. Definitions. In this Act:", "hello", "(a) The Department shall act."])
def test_a_short_text_is_parsed_as_text(text):
    document = statdiff.parse(text)
    assert [w.text for w in document.root.all_words()] == text.split()


def test_diff_is_callable_again_after_the_compare_stage_is_imported():
    import statdiff.compare  # noqa: F401  (no module of statdiff shares the function's name)

    first = statdiff.diff(THROUGH_947, HB0605)
    second = statdiff.diff(THROUGH_947, HB0605)
    assert isinstance(second, Comparison)
    assert [c.to_json() for c in first.changes] == [c.to_json() for c in second.changes]
    assert len(first.changes) == 7


def test_diff_accepts_parsed_documents():
    old, new = statdiff.parse(THROUGH_947), statdiff.parse(HB0605)
    assert len(statdiff.diff(old, new).changes) == 7
