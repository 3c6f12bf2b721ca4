"""NEW read and built in a forked child while OLD is built here (`second_core.py`), OLD read
there too when it is small, here when it is large: the same comparison, warnings and errors
as the sequential command, on real texts of every kind; a child that cannot deliver leaves
the work to the parent.

The size threshold is lowered to 0 and the one-thread check answered yes (the test process
may hold other tests' threads; the child only reads, builds and pickles), so that every
pair here goes through the child; a record of what came back from it proves it did."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from statdiff import pipeline, second_core
from statdiff.errors import StatdiffError
from statdiff.model import ReadResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PIPA = ROOT / "statutes" / "pipa"
HTML = ROOT / "tests" / "fixtures" / "html"
AMEND = ROOT / "tests" / "fixtures" / "amend"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "fork"),
                                reason="the second process is forked, on Linux only")

PAIRS = [
    (PIPA / "815ILCS530_as_enacted_PA094-0036.txt", PIPA / "815ILCS530_through_PA094-0947.txt"),
    (PIPA / "815ILCS530_through_PA094-0947.txt", PIPA / "09500HB0605_introduced_full.txt"),  # the headline
    (HTML / "hb0605_pre.html", HTML / "hb0605_table.html"),  # struck and underlined text: `as_meant`
    (HTML / "pa102-0016_br.html", HTML / "pa102-0016_table.html"),
    (DOCUMENTS / "privacy_policy_v1.md", DOCUMENTS / "privacy_policy_v2.md"),  # not Illinois law
    (DOCUMENTS / "services_agreement_v1.txt", DOCUMENTS / "services_agreement_v2.txt"),
]
# An amendment as NEW (a page-and-line one, applied to OLD; whole-replacement ones, compared
# with their bill): the child says so and the parent reads it itself.
AMENDMENT_PAIRS = [
    (PIPA / "09500HB0605_introduced_full.txt", AMEND / "09500HB0605_constructed_page_and_line.txt"),
    (PIPA / "09500HB0605_introduced_full.txt", AMEND / "09500HB0605_constructed_delete_everything.txt"),
    (HTML / "sb731sam002_br.html", HTML / "sb731sam002_p.html"),
]
WHOLE_ACTS = sorted((SHARED / "ilcs-whole-acts").glob("*.txt"))


@pytest.fixture
def every_pair_forks(monkeypatch):
    """Every pair goes to a child; whether a Document came back from one is recorded (a
    reading of OLD the child sent first, where it read OLD, in `readings`)."""
    monkeypatch.setattr(second_core, "MIN_BYTES", 0)
    monkeypatch.setattr(second_core, "_only_thread", lambda: True)
    monkeypatch.setattr(second_core, "_idle_cores", lambda: 1)
    delivered = Delivered()
    result = second_core.BuiltInChild.result

    def recorded(self):
        outcome = result(self)
        if isinstance(outcome, ReadResult):
            delivered.readings.append(outcome.name)
        else:
            delivered.append(outcome is not None)
        return outcome

    monkeypatch.setattr(second_core.BuiltInChild, "result", recorded)
    return delivered


class Delivered(list):
    """Whether each child delivered NEW's Document; `readings`: the OLD it read and sent."""

    def __init__(self):
        super().__init__()
        self.readings = []


@pytest.fixture
def old_read_here(monkeypatch):
    """OLD is read in this process, whatever its size (as a large OLD is)."""
    monkeypatch.setattr(second_core, "OLD_IN_CHILD_BYTES", -1)


def outputs(old: Path, new: Path, **options) -> tuple[str, str, list[str]]:
    diffed = pipeline.diff_files(old, new, **options)
    return (pipeline.render_comparison(diffed.comparison, "json"),
            pipeline.render_comparison(diffed.comparison, "terminal"), diffed.warnings)


@pytest.mark.parametrize("old,new", PAIRS, ids=lambda path: path.name)
def test_the_child_builds_what_the_parent_would(old, new, every_pair_forks):
    alone = outputs(old, new)
    assert every_pair_forks == [] and every_pair_forks.readings == []
    assert outputs(old, new, second_core=True) == alone
    assert every_pair_forks == [True] and every_pair_forks.readings == [str(old)]  # OLD is small: read there


@pytest.mark.parametrize("old,new", PAIRS[:3], ids=lambda path: path.name)
def test_a_large_old_is_read_here_and_gives_the_same(old, new, every_pair_forks, old_read_here):
    alone = outputs(old, new)
    assert outputs(old, new, second_core=True) == alone
    assert every_pair_forks == [True] and every_pair_forks.readings == []


@pytest.mark.parametrize("path", [PIPA / "09500HB0605_introduced_full.txt", HTML / "hb0605_table.html",
                                  DOCUMENTS / "privacy_policy_v2.md", ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"],
                         ids=lambda path: path.name)
def test_a_reading_pickled_and_read_back_builds_the_same_tree(path):
    """OLD's reading, sent from the child, builds the tree its own reading builds: the same
    `parse --json` and the same audit of dropped tokens."""
    import pickle

    from statdiff.read import read_path

    result = read_path(path)
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    built, rebuilt = pipeline.build(result), pipeline.build(again)
    assert pipeline.render("document", rebuilt, "json") == pipeline.render("document", built, "json")
    assert (again.dropped, again.detection, again.identity) == (result.dropped, result.detection, result.identity)


@pytest.mark.parametrize("old,new", AMENDMENT_PAIRS, ids=lambda path: path.name)
def test_an_amendment_is_read_here_as_before(old, new, every_pair_forks):
    alone = outputs(old, new)
    assert outputs(old, new, second_core=True) == alone
    assert every_pair_forks == [False]  # the child built nothing: NEW is an amendment
    assert every_pair_forks.readings == [str(old)]  # (the bill it amends was read there, and applied to here)


@pytest.mark.skipif(not WHOLE_ACTS, reason="../shared/corpus/ilcs-whole-acts is not beside the clone")
def test_whole_acts_through_the_child(every_pair_forks):
    """The smallest two whole Acts against each other (different Acts: most of both is
    added and removed) and one against itself."""
    smallest = sorted(WHOLE_ACTS, key=lambda path: path.stat().st_size)[:2]
    for old, new in (smallest, (smallest[0], smallest[0])):
        assert outputs(old, new, second_core=True) == outputs(old, new)
    assert every_pair_forks == [True, True]


def test_errors_come_in_the_sequential_order(tmp_path, every_pair_forks, monkeypatch):
    good = PIPA / "815ILCS530_as_enacted_PA094-0036.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"

    def message(old, new, **options):
        with pytest.raises(StatdiffError) as raised:
            pipeline.diff_files(old, new, **options)
        return str(raised.value)

    for old, new in ((good, binary), (binary, good), (binary, binary)):
        assert message(old, new, second_core=True) == message(old, new)
        with monkeypatch.context() as large:  # OLD read here, NEW there
            large.setattr(second_core, "OLD_IN_CHILD_BYTES", -1)
            assert message(old, new, second_core=True) == message(old, new)
    # a file that is not there is no file to fork for: the sequential path, the same error
    assert message(good, missing, second_core=True) == message(good, missing)
    too_small = good.stat().st_size - 1
    assert message(good, good, max_bytes=too_small, second_core=True) == message(good, good, max_bytes=too_small)


def test_a_child_that_cannot_deliver_leaves_the_work_here():
    dies = second_core.BuiltInChild.start(lambda: os._exit(3))
    assert dies is not None and dies.result() is None

    def unpicklable():
        raise _Unpicklable(lambda: None)

    fails = second_core.BuiltInChild.start(unpicklable)
    assert fails is not None and fails.result() is None
    # the first task delivered, the second not: nothing after it either, and the child collected
    first_only = second_core.BuiltInChild.start(lambda: "read", lambda: os._exit(3), lambda: "never run")
    assert first_only is not None
    assert (first_only.result(), first_only.result(), first_only.result()) == ("read", None, None)
    with pytest.raises(ChildProcessError):
        os.waitpid(first_only._pid, os.WNOHANG)


def test_each_outcome_comes_back_in_order_and_an_error_ends_the_child():
    both = second_core.BuiltInChild.start(lambda: "OLD read", lambda: ["NEW", "built"])
    assert both is not None and (both.result(), both.result()) == ("OLD read", ["NEW", "built"])
    stopped = second_core.BuiltInChild.start(lambda: 1 / 0, lambda: "never run")
    assert stopped is not None
    with pytest.raises(ZeroDivisionError):
        stopped.result()
    assert stopped.result() is None  # the child stopped at its error, and was collected
    with pytest.raises(ChildProcessError):
        os.waitpid(stopped._pid, os.WNOHANG)


def test_a_child_sends_its_outcome_without_waiting_for_this_process_to_read_it():
    """The pipe holds a reading of the size the child reads OLD up to (Linux widens it):
    the child writes it whole and goes on, while this process is still importing."""
    import fcntl

    reader, writer = os.pipe()
    second_core._widen(writer)
    widened = fcntl.fcntl(writer, fcntl.F_GETPIPE_SZ)
    os.close(reader)
    os.close(writer)
    if widened < second_core.PIPE_BYTES:
        pytest.skip(f"this system keeps a pipe to {widened} bytes (/proc/sys/fs/pipe-max-size): the child waits")
    child = second_core.BuiltInChild.start(lambda: "x" * second_core.OLD_IN_CHILD_BYTES, lambda: "done")
    assert child is not None
    import time

    deadline = time.monotonic() + 10
    # the child ends having written both outcomes, none read yet (looked at, left to collect)
    while time.monotonic() < deadline and os.waitid(os.P_PID, child._pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        time.sleep(0.01)
    assert time.monotonic() < deadline
    assert (child.result(), child.result()) == ("x" * second_core.OLD_IN_CHILD_BYTES, "done")


def test_a_cancelled_child_is_collected():
    child = second_core.BuiltInChild.start(lambda: __import__("time").sleep(30))
    assert child is not None
    child.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(child._pid, os.WNOHANG)


class _Unpicklable(Exception):
    def __init__(self, holding):
        super().__init__("holds a function")
        self.holding = holding


def test_when_it_is_worth_it(tmp_path, monkeypatch):
    small = tmp_path / "small.txt"
    small.write_text("Section 1. Short title.\n")
    large = tmp_path / "large.txt"
    large.write_text("x " * second_core.MIN_BYTES)
    monkeypatch.setattr(second_core, "_only_thread", lambda: True)
    monkeypatch.setattr(second_core, "_cores", lambda: 2)
    monkeypatch.setattr(second_core, "_running_now", lambda: 1)  # this process alone
    assert second_core.worth_it(large, large)
    assert not second_core.worth_it(small, large) and not second_core.worth_it(large, small)
    assert not second_core.worth_it(large, tmp_path)  # a folder
    assert not second_core.worth_it(large, tmp_path / "absent.txt")
    monkeypatch.setattr(second_core, "_running_now", lambda: 2)  # the second core is busy
    assert not second_core.worth_it(large, large)
    monkeypatch.setattr(second_core, "_cores", lambda: 4)
    assert second_core.worth_it(large, large)
    monkeypatch.setattr(second_core, "_cores", lambda: 1)
    assert not second_core.worth_it(large, large)
    monkeypatch.setattr(second_core, "_cores", lambda: 2)
    monkeypatch.setattr(second_core, "_running_now", lambda: 1)
    monkeypatch.setattr(second_core, "_only_thread", lambda: False)
    assert not second_core.worth_it(large, large)


def test_the_work_running_now_is_read_from_the_kernel_else_the_last_minute(monkeypatch):
    assert second_core._running_now() >= 1  # this process, running
    real_open = open

    def no_proc(path, *args, **kwargs):
        if str(path) == "/proc/loadavg":
            raise FileNotFoundError(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_proc)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 1.0, 1.0))
    assert second_core._running_now() == 0.4


def test_the_command_gives_what_the_pipeline_gives_on_large_inputs(tmp_path):
    """`statdiff diff` on two large files (the chapter-620 pair), in a process of its own (where
    a core is free, NEW is built in its child; the tests above prove that path in process):
    the same JSON as the comparison made in process."""
    import subprocess

    from bench_pair import chapter_620_pair

    old, new = chapter_620_pair(tmp_path)
    assert min(old.stat().st_size, new.stat().st_size) >= second_core.MIN_BYTES
    script = "import sys; from statdiff.cli import main; sys.argv[0] = 'statdiff'; main()"
    command = subprocess.run([sys.executable, "-c", script, "diff", str(old), str(new), "--json"],
                             capture_output=True, text=True)
    assert command.returncode == 1, command.stderr
    assert command.stdout == pipeline.render_comparison(pipeline.compare_files(old, new), "json")


@pytest.mark.parametrize("path", [PIPA / "09500HB0605_introduced_full.txt", HTML / "hb0605_table.html",
                                  DOCUMENTS / "privacy_policy_v2.md"], ids=lambda path: path.name)
def test_a_tree_pickled_and_read_back_is_the_same_tree(path):
    """Nodes and their `Meta` pickle as their slots and fields (`__reduce__`): the tree read
    back prints the same `parse --json`, words made or not."""
    import pickle

    document = pipeline.read_file(path)
    for index, node in enumerate(document.walk()):
        if index % 3 == 0:
            node.words  # some nodes hold their word lists, the others a range of the store
    before = pipeline.render("document", document, "json")
    again = pickle.loads(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    assert pipeline.render("document", again, "json") == before
    assert [node.meta for node in again.walk()] == [node.meta for node in document.walk()]
    assert any(node.meta != type(node.meta)() for node in again.walk())  # fields set, and kept


def test_jobs_1_keeps_the_command_in_one_process(every_pair_forks):
    """`statdiff diff` and `redline` read NEW in a second process by default (where it pays),
    never with `--jobs 1`; the output is the same either way."""
    from click.testing import CliRunner

    from statdiff.cli import main

    old, new = (str(path) for path in PAIRS[1])
    runner = CliRunner()
    forked = runner.invoke(main, ["diff", old, new, "--json"])
    assert every_pair_forks == [True]
    alone = runner.invoke(main, ["diff", old, new, "--json", "--jobs", "1"])
    assert every_pair_forks == [True]  # no second child
    assert (forked.exit_code, forked.output) == (alone.exit_code, alone.output) and alone.exit_code == 1
    redline = runner.invoke(main, ["redline", old, new, "-o", "-", "--to", "json", "--jobs", "1"])
    assert redline.exit_code == 1 and every_pair_forks == [True]
    refused = runner.invoke(main, ["diff", old, new, "--jobs", "0"])
    assert refused.exit_code == 2 and "--jobs" in refused.output


def test_what_the_caller_needs_next_is_done_while_the_child_finishes(every_pair_forks):
    """`meanwhile` (the command line loads its renderer) runs once in the parent, after OLD is
    built and before NEW is collected; in one process it is not called."""
    old, new = PAIRS[0]
    calls = []
    diffed = pipeline.diff_files(old, new, second_core=True, meanwhile=lambda: calls.append(every_pair_forks[:]))
    assert calls == [[]]  # called once, before the child's Document was collected
    assert every_pair_forks == [True] and every_pair_forks.readings == [str(old)]
    alone = pipeline.diff_files(old, new, meanwhile=lambda: calls.append("alone"))
    assert calls == [[]]
    assert pipeline.render_comparison(diffed.comparison, "json") == pipeline.render_comparison(alone.comparison, "json")


def test_an_error_of_the_callers_next_step_stops_the_child(every_pair_forks, monkeypatch):
    """What `meanwhile` raises is raised, after the child is stopped and collected."""
    cancelled = []
    cancel = second_core.BuiltInChild.cancel

    def counted(self):
        cancelled.append(self._pid)
        cancel(self)

    monkeypatch.setattr(second_core.BuiltInChild, "cancel", counted)

    def refuses():
        raise StatdiffError("no renderer")

    with pytest.raises(StatdiffError, match="no renderer"):
        pipeline.diff_files(*PAIRS[0], second_core=True, meanwhile=refuses)
    assert len(cancelled) == 1 and every_pair_forks == []
    with pytest.raises(ChildProcessError):
        os.waitpid(cancelled[0], os.WNOHANG)
