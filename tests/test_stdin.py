"""An input named `-` is standard input, as diff takes it: read once (at most --max-size), named
`standard input`, and refused in one line when nothing is piped in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff.cli import main
from statdiff.read import decode

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests/fixtures/documents/services_agreement_v1.txt"
NEW = ROOT / "tests/fixtures/documents/services_agreement_v2.txt"


def run(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


@pytest.mark.parametrize("piped", ["old", "new"])
def test_either_input_piped_prints_what_the_two_files_print(piped):
    files = run(["diff", "--json", str(OLD), str(NEW)])
    path = OLD if piped == "old" else NEW
    args = ["diff", "--json", "-" if piped == "old" else str(OLD), "-" if piped == "new" else str(NEW)]
    piped_in = run(args, path.read_bytes())
    assert piped_in.exit_code == files.exit_code == 1
    assert piped_in.output == files.output.replace(f'"name": "{path}"', '"name": "standard input"', 1)


def test_a_real_pipe_into_the_installed_command():
    """A process whose standard input is a pipe (not the test runner's stand-in)."""
    done = subprocess.run([sys.executable, "-c", "from statdiff.cli import main; main()", "parse", "-"],
                          input=OLD.read_bytes(), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert b"standard input" in done.stdout.splitlines()[0]


def test_the_same_piped_text_on_both_sides_is_no_change():
    """Read once: the second `-` gets the same text, not an empty stream."""
    result = run(["diff", "-", "-"], OLD.read_bytes())
    assert (result.exit_code, result.output) == (0, "")


def test_nothing_piped_in_is_one_line_and_exit_2():
    result = run(["diff", "-", str(NEW)], b"")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "statdiff: error: standard input: the input is empty; "
        "statdiff reads bill and statute text saved as plain text or HTML"]


def test_a_terminal_is_refused_rather_than_waited_on(monkeypatch):
    class Terminal:
        closed = False

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(Exception) as refused:
        decode.load_text("-")
    assert str(refused.value) == "standard input: it is a terminal; pipe a text into it or name a file"


def test_a_piped_input_over_the_limit_is_refused():
    result = run(["diff", "--max-size", "0.001", "-", str(NEW)], b"x " * 1000)
    assert result.exit_code == 2
    assert "standard input: the input is over the 1048 bytes limit (raise it with --max-size MB)" in result.output


def test_a_redline_of_a_piped_text(tmp_path):
    out = tmp_path / "r.html"
    result = run(["redline", "-", str(NEW), "-o", str(out)], OLD.read_bytes())
    assert result.exit_code == 1 and out.exists()
    assert "standard input" in out.read_text(encoding="utf-8")
