"""Atomic report writing: never over an input, never half-written, sensible permissions."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from statdiff import outputs
from statdiff.errors import StatdiffError
from statdiff.outputs import check_output_path, write_atomically

REPORT = "<!doctype html><title>815 ILCS 530</title><p>Sec. 10. Notice of breach.</p>\n"


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_report(tmp_path):
    target = tmp_path / "redline.html"
    write_atomically(target, REPORT, inputs=[])
    assert target.read_text(encoding="utf-8") == REPORT
    assert leftovers(tmp_path) == []


def test_replaces_an_old_report_whole(tmp_path):
    target = tmp_path / "redline.html"
    target.write_text("old report " * 1000)
    write_atomically(target, REPORT)
    assert target.read_text(encoding="utf-8") == REPORT


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_report_gets_0644_minus_the_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        write_atomically(tmp_path / "a.html", REPORT)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == mode


def test_an_existing_report_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.html"
    target.write_text("old")
    target.chmod(0o664)
    write_atomically(target, REPORT)
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


class Boom(Exception):
    pass


@pytest.mark.parametrize("interruption", [Boom("disk on fire"), KeyboardInterrupt()])
def test_failure_mid_write_leaves_the_old_report_and_no_temporary(tmp_path, monkeypatch, interruption):
    target = tmp_path / "redline.html"
    target.write_text("the previous report")
    real_fsync = os.fsync

    def fail_after_half_written(descriptor):
        real_fsync(descriptor)
        raise interruption

    monkeypatch.setattr(outputs.os, "fsync", fail_after_half_written)
    with pytest.raises(type(interruption)):
        write_atomically(target, REPORT * 10_000)
    assert target.read_text() == "the previous report"
    assert leftovers(tmp_path) == []


def test_failure_mid_write_leaves_no_report_when_there_was_none(tmp_path, monkeypatch):
    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", full_disk)
    with pytest.raises(StatdiffError, match=r"redline\.html: cannot write the output \(no space left on device\)"):
        write_atomically(tmp_path / "redline.html", REPORT)
    assert list(tmp_path.iterdir()) == []


def test_output_directory_missing(tmp_path):
    with pytest.raises(StatdiffError, match=r"out/redline\.html: the output directory .*/out does not exist"):
        write_atomically(tmp_path / "out" / "redline.html", REPORT)


def test_output_is_a_directory(tmp_path):
    with pytest.raises(StatdiffError, match="is a directory; give the name of the file to write"):
        write_atomically(tmp_path, REPORT)


def test_output_under_a_file_is_refused(tmp_path):
    (tmp_path / "bill.txt").write_text("Sec. 5.")
    with pytest.raises(StatdiffError, match="bill.txt is not a directory"):
        write_atomically(tmp_path / "bill.txt" / "redline.html", REPORT)


@pytest.fixture
def bill(tmp_path) -> Path:
    path = tmp_path / "bill.txt"
    path.write_text("Sec. 5. Definitions.\n")
    return path


def assert_refused_and_input_intact(output: Path, bill: Path) -> None:
    with pytest.raises(StatdiffError, match="the output would overwrite the input"):
        write_atomically(output, REPORT, inputs=[bill])
    assert bill.read_text() == "Sec. 5. Definitions.\n"
    assert leftovers(bill.parent) == []


def test_output_equal_to_an_input_is_refused(bill):
    assert_refused_and_input_intact(bill, bill)


def test_output_equal_to_an_input_spelled_differently_is_refused(bill, monkeypatch):
    (bill.parent / "sub").mkdir()
    monkeypatch.chdir(bill.parent / "sub")
    assert_refused_and_input_intact(Path("../sub/../bill.txt"), bill)


def test_output_through_a_symlink_to_an_input_is_refused(bill):
    link = bill.parent / "report.html"
    link.symlink_to(bill)
    assert_refused_and_input_intact(link, bill)


def test_input_given_through_a_symlink_is_protected(bill):
    link = bill.parent / "latest.txt"
    link.symlink_to(bill)
    with pytest.raises(StatdiffError, match="would overwrite the input .*latest.txt"):
        write_atomically(bill, REPORT, inputs=[link])


def test_output_hardlinked_to_an_input_is_refused(bill):
    hardlink = bill.parent / "report.html"
    os.link(bill, hardlink)
    assert_refused_and_input_intact(hardlink, bill)


def test_a_symlinked_report_is_written_through_the_link(tmp_path):
    real = tmp_path / "reports" / "redline.html"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    write_atomically(link, REPORT)
    assert link.is_symlink() and real.read_text() == REPORT


def test_output_to_a_device_is_written_straight_through():
    write_atomically(Path("/dev/null"), REPORT)


def test_check_output_path_accepts_a_new_file_beside_the_inputs(bill):
    assert check_output_path(bill.parent / "redline.html", [bill]) == bill.parent.resolve() / "redline.html"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in a read-only directory; the simulated case covers it")
def test_read_only_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    with pytest.raises(StatdiffError, match=r"cannot write in .*locked \(permission denied\)"):
        write_atomically(locked / "redline.html", REPORT)


def test_read_only_directory_simulated(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(outputs.tempfile, "mkstemp", denied)
    with pytest.raises(StatdiffError, match=r"redline\.html: cannot write in .* \(permission denied\)"):
        write_atomically(tmp_path / "redline.html", REPORT)


# --- SIGTERM and SIGHUP while a report is being written --------------------------------------

# The real command line in a child process, with a 25 MB report: the pipeline renders it,
# and os.fsync (the report fully written to its temporary file, not yet renamed) tells the
# parent "writing" and waits, so the signal lands inside the write, every time.
CHILD = """
import os, sys
from statdiff import cli, outputs, pipeline

pipeline.render_to_path = lambda *args, **kwargs: "<p>" + "x" * 25_000_000
real_fsync = os.fsync

def announce_and_wait(descriptor):
    real_fsync(descriptor)
    if os.fstat(descriptor).st_size >= 25_000_000:
        print("writing", flush=True)
        sys.stdin.read()

outputs.os.fsync = announce_and_wait
cli.main(sys.argv[1:])
"""
STATUTES = Path(__file__).resolve().parent.parent / "statutes" / "pipa"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("previous", [True, False], ids=["over-a-report", "new-report"])
def test_a_signal_mid_write_leaves_the_previous_report_and_no_temporary(tmp_path, signum, previous):
    target = tmp_path / "redline.html"
    if previous:
        target.write_text("the previous report")
    command = [sys.executable, "-c", CHILD, "redline", str(STATUTES / "815ILCS530_through_PA094-0947.txt"),
               str(STATUTES / "09500HB0605_introduced_full.txt"), "-o", str(target)]
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "writing\n", child.stderr.read()
        assert [p.stat().st_size for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == [25_000_003]
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    name = signal.Signals(signum).name
    assert child.returncode == 2
    assert stderr == f"statdiff: error: {target}: interrupted by {name}; the report was not written\n"
    assert leftovers(tmp_path) == []
    if previous:
        assert target.read_text() == "the previous report"
    else:
        assert not target.exists()


def test_a_signal_after_the_report_is_in_place_is_delivered_once_the_write_is_done(tmp_path, monkeypatch):
    received = []
    real_fsync = os.fsync

    def signal_while_the_directory_syncs(descriptor):
        # the report is in place: what is left is making its directory entry durable
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            os.kill(os.getpid(), signal.SIGTERM)
        real_fsync(descriptor)

    monkeypatch.setattr(outputs.os, "fsync", signal_while_the_directory_syncs)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        write_atomically(tmp_path / "redline.html", REPORT)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]
    assert (tmp_path / "redline.html").read_text() == REPORT and leftovers(tmp_path) == []


def test_the_handlers_in_place_before_the_write_are_back_after_it(tmp_path):
    before = {signum: signal.getsignal(signum) for signum in outputs.STOPPING_SIGNALS}
    write_atomically(tmp_path / "redline.html", REPORT)
    assert {signum: signal.getsignal(signum) for signum in outputs.STOPPING_SIGNALS} == before
