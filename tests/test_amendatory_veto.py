"""A Governor's amendatory veto (Ill. Const. art. IV, sec. 9(e)): the message returns the
enrolled bill "with the following specific recommendations for change", each a page-and-line
instruction in an amendment's words, up to "With this change, ... will have my approval".
statdiff reads the message as the Governor's amendment of the enrolled bill: `parse` names it,
`apply` applies it, `diff` credits each change to it, `history` puts it after enrolment. A
veto of the whole bill is no amendment. Real messages from ilga.gov (`statutes/fragments/`);
the one applied is constructed against the real enrolled HB1633 (`tests/fixtures/amend/`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff import cli
from statdiff.amend import parse_amendment
from statdiff.errors import StatdiffError
from statdiff.read import read_path
from statdiff.read.identity import identity_of, is_amendment

ROOT = Path(__file__).resolve().parent.parent
FRAGMENTS = ROOT / "statutes" / "fragments"
HB4527_AV = FRAGMENTS / "09500HB4527gms_amendatory_veto_COMPLETE.txt"
SB0120_AV = FRAGMENTS / "09500SB0120gms_amendatory_veto_COMPLETE.txt"
HB1633_ENROLLED = FRAGMENTS / "09400HB1633enr_PARTIAL.txt"
HB1633_ENGROSSED = FRAGMENTS / "09400HB1633eng_ftp_PARTIAL.txt"
HB1633_AV = ROOT / "tests" / "fixtures" / "amend" / "09400HB1633_constructed_amendatory_veto.txt"
HB1633_MOTION = ROOT / "tests" / "fixtures" / "amend" / "09400HB1633_constructed_acceptance_motion.txt"
WHOLE_VETOES = [FRAGMENTS / "09300HB0497gms_veto_ftp_COMPLETE.txt", FRAGMENTS / "09400SB2116gms_veto_fulltext_COMPLETE.txt"]


def run(*arguments: str):
    return CliRunner().invoke(cli.main, [str(argument) for argument in arguments])


def test_a_real_message_names_its_bill_and_is_read_as_instructions_to_the_enrolled_bill():
    message = read_path(HB4527_AV)
    identity = identity_of(message)
    assert (identity.general_assembly, identity.bill, identity.version) == (95, "HB4527", "amendatory veto")
    assert is_amendment(message)
    amendment = parse_amendment(message)
    assert (amendment.target.bill, amendment.target.printing.version) == ("HB4527", "enrolled")
    assert amendment.problems == ()
    [edit] = amendment.edits
    assert (edit.op, edit.lines.describe(), edit.new_text) == (
        "replace_lines", "page 1, line 19",
        "Section, must be members of a library system and must remain open until 9:00 P.M. no less than 4 days each week.")
    assert run("parse", HB4527_AV).output.startswith("95th GA HB4527 amendatory veto")


def test_a_recommendation_whose_quotation_is_never_closed_is_a_problem_not_an_edit():
    """SB120's message opens the inserted sentence's quotation and never closes it: the copy is
    whole (the message's closing follows), so it is said so, and nothing is applied."""
    amendment = parse_amendment(read_path(SB0120_AV))
    assert amendment.edits == ()
    [problem] = amendment.problems
    assert problem.message == "its quoted text has no closing quote before the instructions end"
    assert problem.op == "insert_after"


@pytest.mark.parametrize("path", WHOLE_VETOES, ids=lambda path: path.name)
def test_a_veto_of_the_whole_bill_is_no_amendment(path):
    message = read_path(path)
    assert not is_amendment(message)
    with pytest.raises(StatdiffError, match="not an amendment"):
        parse_amendment(message)


# The Governor's recommendations, in his message and in a motion to accept them
# (`tests/test_acceptance_motion.py`): each applied alike, credited to what it is.
RECOMMENDATIONS = [(HB1633_AV, "amendatory veto"), (HB1633_MOTION, "motion to accept the Governor's recommendations")]


@pytest.mark.parametrize("path,credit", RECOMMENDATIONS, ids=["message", "motion"])
def test_the_governors_recommendations_applied_to_the_enrolled_bill_and_credited(path, credit):
    applied = run("apply", HB1633_ENROLLED, path)
    assert applied.exit_code == 0, applied.output
    assert '"Data Collector" includes, but is not limited to,' in applied.output
    assert "deals with personal information." in applied.output and "subject to unauthorized disclosure." in applied.output
    diffed = run("diff", HB1633_ENROLLED, path)
    assert diffed.exit_code == 1
    # the recommendations amend nothing until both chambers accept them: not "enrolled as amended"
    assert diffed.output.splitlines()[1].endswith("(94th GA HB1633 enrolled with the Governor's recommendations)")
    assert "mode: versions; 3 changes (2 delete, 1 replace)" in diffed.output
    for cited in ("page 1, line 7", "page 1, line 12", "page 1, line 22"):
        assert f"[HB1633 {credit}, {cited}]" in diffed.output


@pytest.mark.parametrize("path", [path for path, _ in RECOMMENDATIONS], ids=["message", "motion"])
def test_recommendations_for_the_enrolled_bill_are_refused_on_another_printing(path):
    result = run("diff", HB1633_ENGROSSED, path)
    assert result.exit_code == 2
    assert "the amendment is to HB1633 as enrolled; the text given is HB1633 engrossed" in result.output


def test_history_puts_the_message_after_enrolment():
    result = run("history", HB1633_AV, HB1633_ENROLLED)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[1].split()[:3] == ["v1", "HB1633", "enrolled"]
    assert lines[2].split()[:4] == ["v2", "HB1633", "amendatory", "veto"]
