"""OLD and NEW read, and NEW built, in a second process while this one builds OLD.

`statdiff diff OLD NEW` spends most of its time on large inputs reading the two texts and
building their trees, one after the other, though neither needs the other. Where a second
core is there and both inputs are large enough for it to pay (`worth_it`), the command
forks (`pipeline._read_on_two_cores`): the child reads OLD and sends its reading back
pickled, then reads NEW, builds its tree and sends the built `Document` back pickled; this
process meanwhile imports the compare, view and output stages (which the child never needs),
then builds OLD from the child's reading. The parent reads nothing: neither the decoding,
the detection nor the readers are imported here. A reading pickles and loads back in a
fraction of the time it takes (chapter 620, 0.32 MB: read in ~5 ms, pickled in ~1.4, loaded
in ~0.6); a tree costs about a quarter of what the child saves (Election Code, 2.2 MB a
side: reading and building one side ~155 ms, its tree pickled in ~26 ms and read back in
~11: `Node.__reduce__`, `Meta.__reduce__`).

The outcome is the sequential one, never another:

* the child only reads and builds; it prints nothing and ends with `os._exit` (no exit
  handler, no buffered output of the parent flushed twice);
* an error reading OLD comes back as the exception and is raised first; one reading NEW is
  raised once OLD has been built, the order the sequential command reports errors in;
* NEW that is an amendment is not built there (`diff_files` reads it again and applies it, or
  compares it with its bill, itself: an amendment is small);
* any failure of the machinery itself (fork refused, a reading or document that cannot be
  pickled, a child killed, a short pipe) leaves `result()` None, and the caller does that
  work itself.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING, BinaryIO, Callable

if TYPE_CHECKING:
    from pathlib import Path

# Each input at least this large (bytes on disk) before the work is split. The child reads
# both texts of this size (`OLD_IN_CHILD_BYTES`), and this process then imports none of the
# reading: the parent's CPU time, a command's critical path, fell by ~8 ms on a 0.11 MB pair,
# ~14 on a 0.18 MB one and ~13 on chapter 620 (0.32 MB); on pairs of a few KB, by 0-3 ms,
# about what waiting for the child costs.
MIN_BYTES = 64 * 1024

# OLD at most this large (bytes on disk) is read in the child too (`child_reads_old`): reading it
# and pickling the reading there (chapter 620, 0.32 MB: ~5 ms and ~1.4 ms; ~20 ms a MB) costs
# the child about what this process spends meanwhile importing the stages it alone runs
# (compare, view, output: ~20 ms), and this process then reads nothing. A larger OLD is read
# here, as the child reads NEW: a reading of megabytes costs about as much to pickle and load
# back as to make (the Election Code's: read in ~55 ms, pickled in ~46, loaded in ~17).
OLD_IN_CHILD_BYTES = 512 * 1024
PIPE_BYTES = 1024 * 1024  # what the pipe from the child may hold (Linux's default most)


def worth_it(old: str | Path, new: str | Path) -> bool:
    """Whether to build NEW in a child: a system that forks as Linux does, this process's
    only thread (a fork copies one thread: the child is then a faithful copy), a second core
    this process may run on and that other work does not keep busy, and two regular files
    of at least `MIN_BYTES` each."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork") or "-" in (str(old), str(new)):
        return False  # (standard input, `-`, is read where the command runs)
    try:
        files = [os.stat(path) for path in (old, new)]
    except (OSError, ValueError):
        return False
    large = all(stat.S_ISREG(file.st_mode) and file.st_size >= MIN_BYTES for file in files)
    return large and _only_thread() and _idle_cores() >= 1


def child_reads_old(old: str | Path) -> bool:
    """Whether the child reads OLD too (see `OLD_IN_CHILD_BYTES`); `worth_it` said yes."""
    try:
        return os.stat(old).st_size <= OLD_IN_CHILD_BYTES
    except (OSError, ValueError):
        return False


def _idle_cores() -> float:
    """Cores this process may run on beyond the work running now (this process included):
    forking on a busy machine only adds the pickle's cost."""
    cores = _cores()
    if cores < 2:
        return 0
    return cores - max(_running_now(), 1.0)


def _running_now() -> float:
    """The tasks running or ready to run at this moment, this process included (Linux's
    `/proc/loadavg`, its fourth field): not the load average of the last minute, which still
    counts the processes that ran before this one (a run of commands one after another, each
    alone on the machine, would keep each from the second core). Else that average."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return float(handle.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        try:
            return os.getloadavg()[0]
        except OSError:
            return 1.0


def _only_thread() -> bool:
    import threading

    return threading.active_count() == 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class BuiltInChild:
    """Work done in a forked child (`start`): each task's outcome, in order (`result()`)."""

    def __init__(self, pid: int, pipe: BinaryIO, tasks: int):
        self._pid, self._pipe, self._left = pid, pipe, tasks

    @classmethod
    def start(cls, *tasks: "Callable[[], object]") -> "BuiltInChild | None":
        """Fork a child that runs `tasks` in order and sends each outcome back as soon as it
        is done (what the task returned, or the error it raised: then it stops); None when no
        child could be started."""
        import pickle  # noqa: F401  (before the fork: the child pickles, this process reads back)

        try:
            reader, writer = os.pipe()
        except OSError:
            return None
        _widen(writer)
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:  # the child: never returns
            os.close(reader)
            _run_child(tasks, writer)
        os.close(writer)
        return cls(pid, os.fdopen(reader, "rb"), len(tasks))

    def result(self) -> object | None:
        """The next task's outcome as the child made it; None when the child could not
        deliver it (the caller then does that task, and any after it, itself), or when the
        task itself returned None. An error the child met running the task is raised here."""
        import pickle

        if self._left == 0:  # the child was given up on (`cancel`), or every outcome was collected
            return None
        self._left -= 1
        try:
            kind, value = pickle.load(self._pipe)  # one whole pickle a task (`_run_child`)
        except Exception:  # a child that died or could not pickle: say nothing, do it here
            kind, value = "", None
        delivered = kind != ""
        if not delivered:
            self.cancel()
        elif self._left == 0 or kind == "error":  # the child's last outcome: it has finished
            delivered = self._collect() == 0
        if not delivered:
            return None
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child (the parent met an error first, or gave up on it): kill it, collect
        it. Nothing to do once it was collected."""
        import signal

        if self._pipe.closed:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass
        self._collect()

    def _collect(self) -> int:
        self._pipe.close()
        self._left = 0
        return _reap(self._pid)


def _widen(writer: int) -> None:
    """Let the pipe hold a whole outcome (Linux: up to 1 MB unless the system says less), so
    that the child goes on to its next task without waiting for this process to read the
    last one; where it cannot be widened, the child waits, which changes nothing else."""
    try:
        import fcntl

        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _run_child(tasks: "tuple[Callable[[], object], ...]", writer: int) -> None:
    """In the child: run each task, pickle its outcome, write it, and exit without running
    anything of the parent's (exit handlers, buffered output). Each pickle is made whole
    before it is written, and is written as soon as it is made: the parent reads one outcome
    while the child runs the next task. A pickle cut short (a child killed while writing)
    fails to load; a status other than 0 says the last outcome is not there whole (not
    picklable: a printing whose meaning is built lazily; a write that failed)."""
    import pickle

    status = 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            for task in tasks:
                try:
                    outcome: tuple[str, object] = ("value", task())
                except Exception as error:  # an input error: the parent raises it in its turn
                    outcome = ("error", error)
                pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
                pipe.flush()
                if outcome[0] == "error":
                    break  # as the sequential command, which stops at its first error
        status = 0
    finally:
        os._exit(status)


def _reap(pid: int) -> int:
    """Wait for the child; its exit status (-1 when it cannot be had)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return os.waitstatus_to_exitcode(status)
