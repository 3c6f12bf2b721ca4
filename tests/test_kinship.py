"""Two texts that are not versions of one text get one warning, in every output
(`compare/kinship.py`): two different Acts, a bill and an Act it does not amend, two texts
that share no section. Versions of one text, and a bill with the Act it amends, get none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from statdiff import pipeline

ROOT = Path(__file__).resolve().parent.parent
STATUTES = ROOT / "statutes"
PIPA = STATUTES / "pipa/815ILCS530_through_PA094-0947.txt"
PIPA_ENACTED = STATUTES / "pipa/815ILCS530_as_enacted_PA094-0036.txt"
HB0605 = STATUTES / "pipa/09500HB0605_introduced_full.txt"
HB2975 = STATUTES / "fragments/10100HB2975eng_fulltext_COMPLETE.txt"  # amends 820 ILCS 15
HB2239 = STATUTES / "fragments/09600HB2239eng_COMPLETE.txt"  # creates an Act of its own
WHOLE_ACTS = ROOT.parent / "shared/corpus/ilcs-whole-acts"


def kinship_warnings(old: Path, new: Path) -> list[str]:
    diffed = pipeline.diff_files(old, new)
    return [note for note in diffed.warnings
            if "different Acts" in note or "share no section" in note or "restates none" in note]


def without_sections(path: Path, tmp_path: Path, act: str) -> Path:
    """A copy of a whole-Act page written under another Act's citations (`5 ILCS 20/1` ->
    `9 ILCS 99/1`): the same text, another Act."""
    text = path.read_text(encoding="utf-8").replace(act, "9 ILCS 99")
    copy = tmp_path / "other-act.txt"
    copy.write_text(text, encoding="utf-8")
    return copy


def test_two_different_acts_are_named_in_one_warning():
    [warning] = kinship_warnings(PIPA, STATUTES / "fragments/ILCS_225-60-29_ilga_section_COMPLETE.txt")
    assert "prints 815 ILCS 530 and" in warning and "prints 225 ILCS 60" in warning
    assert "two different Acts" in warning


def test_the_same_act_under_another_citation_is_another_act(tmp_path):
    """The rule reads the citations, not the words: the same text cited as another Act is
    warned of, though every Section pairs."""
    other = without_sections(PIPA, tmp_path, "815 ILCS 530")
    [warning] = kinship_warnings(PIPA, other)
    assert "815 ILCS 530" in warning and "9 ILCS 99" in warning


def test_a_bill_with_an_act_it_does_not_amend_is_warned_of():
    diffed = pipeline.diff_files(PIPA, HB2975)
    assert diffed.comparison.mode == "amendment"
    [warning] = kinship_warnings(PIPA, HB2975)
    assert "amends 820 ILCS 15, not 815 ILCS 530" in warning and "restates none" in warning


def test_two_texts_that_share_no_section_are_warned_of():
    diffed = pipeline.diff_files(PIPA, HB2239)
    assert {section.status for section in diffed.comparison.sections} == {"added", "removed"}
    [warning] = kinship_warnings(PIPA, HB2239)
    assert "share no section" in warning


@pytest.mark.parametrize("old, new", [
    (PIPA_ENACTED, PIPA),  # two versions of one Act
    (PIPA, HB0605),  # the headline: a bill and the Act it amends
    (HB0605, HB0605),
    (STATUTES / "fragments/ILCS_815-530-10_witnessslips_section_PARTIAL.txt", PIPA),  # a Section of the Act
], ids=["versions", "bill-and-its-act", "same", "section-of-the-act"])
def test_versions_of_one_text_get_no_such_warning(old, new):
    assert kinship_warnings(old, new) == []


def test_the_warning_is_in_the_json_and_on_stderr(tmp_path):
    done = subprocess.run([sys.executable, "-c", "from statdiff.cli import main; main()", "diff", "--json",
                           str(PIPA), str(HB2975)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    warnings = json.loads(done.stdout)["warnings"]
    assert any("restates none" in warning for warning in warnings)
    assert "statdiff: warning:" in done.stderr and "restates none" in done.stderr


@pytest.mark.skipif(not WHOLE_ACTS.is_dir(), reason="../shared/corpus/ilcs-whole-acts is not beside the clone")
def test_two_whole_acts_that_read_alike_are_two_acts():
    """The National Popular Vote Act and the Illinois Constitutional Amendment Act: their
    Short title Sections pair by content as a renumber, so the warning is what tells a reader."""
    old = WHOLE_ACTS / "10ILCS20_NationalPopularVoteAct.txt"
    new = WHOLE_ACTS / "5ILCS20_IllinoisConstitutionalAmendmentAct.txt"
    [warning] = kinship_warnings(old, new)
    assert "prints 10 ILCS 20" in warning and "prints 5 ILCS 20" in warning
