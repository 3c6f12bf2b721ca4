"""The command line as a user runs it: exit statuses 0/1/2 and option bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
THROUGH_947 = str(ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt")
HB0605 = str(ROOT / "statutes/pipa/09500HB0605_introduced_full.txt")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_diff_exits_0_for_no_changes_1_for_changes_2_for_trouble(tmp_path):
    assert run("diff", HB0605, HB0605).exit_code == 0
    assert run("diff", THROUGH_947, HB0605).exit_code == 1
    missing = run("diff", THROUGH_947, str(tmp_path / "absent.txt"))
    assert missing.exit_code == 2
    assert "no such file" in missing.output and "Traceback" not in missing.output


@pytest.mark.parametrize("value", ["-1", "-2", "x"])
def test_context_must_be_a_whole_number_of_words(value):
    result = run("diff", "--context", value, THROUGH_947, HB0605)
    assert result.exit_code == 2
    assert "--context" in result.output


def test_context_zero_still_shows_every_change():
    result = run("diff", "--no-color", "--context", "0", THROUGH_947, HB0605)
    assert result.exit_code == 1
    assert result.output.count("{+") == 7


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan"])
def test_max_size_must_be_a_positive_number(value):
    result = run("parse", "--max-size", value, HB0605)
    assert result.exit_code == 2
    assert "--max-size" in result.output


def test_formats_lists_every_rendering():
    result = run("formats")
    assert result.exit_code == 0
    for name in ("legisnet", "flat-ftp", "numbered", "pipes", "public-act", "ilcs", "ilcs-csv", "pdf-text", "html", "prose"):
        assert name in result.output
