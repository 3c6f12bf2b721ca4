"""A motion to accept the Governor's specific recommendations (Ill. Const. art. IV, sec. 9(e);
ILGA's `...avm001` page): `MOTION I move to accept the specific recommendations of the Governor
as to Senate Bill 1523 in manner and form as follows: AMENDMENT TO SENATE BILL 1523 IN ACCEPTANCE
OF GOVERNOR'S RECOMMENDATIONS Amend Senate Bill 1523 on page 3, ...`, up to its `Date:` line. It
prints the recommendations as an amendment of the enrolled bill: `parse` names it (General
Assembly, bill, what it is), `diff` applies it to the enrolled bill (and refuses, in one line, any
other text), `history` puts it after the Governor's message. The real motion is 93rd GA SB1523's
(`statutes/fragments/`); the one applied is constructed against the real enrolled HB1633
(`tests/fixtures/amend/`), accepting the constructed amendatory veto there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from statdiff import cli
from statdiff.amend import parse_amendment
from statdiff.read import read_path
from statdiff.read.identity import identity_of, is_amendment

ROOT = Path(__file__).resolve().parent.parent
FRAGMENTS = ROOT / "statutes" / "fragments"
AMEND = ROOT / "tests" / "fixtures" / "amend"
SB1523_MOTION = FRAGMENTS / "09300SB1523avm001_ftp_flat_COMPLETE.txt"
HB1633_ENROLLED = FRAGMENTS / "09400HB1633enr_PARTIAL.txt"
HB1633_AV = AMEND / "09400HB1633_constructed_amendatory_veto.txt"
HB1633_MOTION = AMEND / "09400HB1633_constructed_acceptance_motion.txt"
MOTION = "motion to accept the Governor's recommendations"


def run(*arguments: object):
    return CliRunner().invoke(cli.main, [str(argument) for argument in arguments])


def test_the_real_motion_names_its_general_assembly_bill_and_what_it_is():
    motion = read_path(SB1523_MOTION)
    identity = motion.identity  # from the text itself, not the file's name
    assert (identity.general_assembly, identity.bill, identity.version, identity.lrb) == (
        93, "SB1523", MOTION, "LRB093 11000 BDD 18280 v")
    assert is_amendment(motion)
    result = run("parse", SB1523_MOTION)
    assert result.exit_code == 0
    assert result.output.startswith(f"93rd GA SB1523 {MOTION}  ")


def test_its_file_name_alone_says_it_is_a_motion():
    """ILGA's document name `09300SB1523avm001`: a text that does not say so itself is still named."""
    motion = read_path(SB1523_MOTION)
    motion.identity.version = None
    assert identity_of(motion).version == MOTION


def test_the_real_motion_reads_as_four_instructions_to_the_enrolled_bill():
    """`on page 3, deleting line 33` (its verb without `by`) is an instruction; the last
    recommendation's quotation closes before the motion's `Date: , 2003`, which is not read."""
    amendment = parse_amendment(read_path(SB1523_MOTION))
    assert (amendment.target.bill, amendment.target.printing.version) == ("SB1523", "enrolled")
    assert amendment.problems == ()
    assert [(edit.op, edit.lines.describe()) for edit in amendment.edits] == [
        ("delete_lines", "page 3, line 33"),
        ("delete_text", "page 3, line 34"),
        ("replace_lines", "page 4, lines 7 through 14"),
        ("replace_lines", "page 4, lines 25 through 33"),
    ]
    assert [line.text for line in amendment.edits[-1].new] == [
        "(7) Promote cooperation among State and local agencies providing educational programs for deaf and hard of"
        " hearing individuals."]


def test_the_real_motion_against_another_bill_is_refused_in_one_line():
    result = run("diff", HB1633_ENROLLED, SB1523_MOTION)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "statdiff: error: amendment line 1: the amendment is to SB1523 (Amend Senate Bill 1523), not HB1633"]


def test_a_motion_applied_to_the_enrolled_bill_makes_the_text_the_governors_message_makes():
    """(Its changes credited, and refused on another printing: `tests/test_amendatory_veto.py`.)"""
    by_motion, by_message = run("apply", HB1633_ENROLLED, HB1633_MOTION), run("apply", HB1633_ENROLLED, HB1633_AV)
    assert by_motion.exit_code == 0, by_motion.output
    assert by_motion.output == by_message.output


def test_history_puts_the_motion_after_the_governors_message():
    result = run("history", HB1633_MOTION, HB1633_AV, HB1633_ENROLLED)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[1].split()[:3] == ["v1", "HB1633", "enrolled"]
    assert lines[2].split()[:4] == ["v2", "HB1633", "amendatory", "veto"]
    assert lines[3].split()[:3] == ["v3", "HB1633", "motion"]
    assert "applied to v1 HB1633 enrolled" in lines[3]
