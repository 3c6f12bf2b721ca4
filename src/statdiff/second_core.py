"""NEW read and built in a second process while this one reads and builds OLD.

`statdiff diff OLD NEW` spends most of its time on large inputs reading the two texts and
building their trees, one after the other, though neither needs the other. Where a second
core is there and both inputs are large enough for it to pay (`worth_it`), the command
forks: the child reads NEW, builds its tree and sends the built `Document` back pickled,
while the parent reads and builds OLD (and then imports the next stages). The pickle costs
about a quarter of what the child saves (Election Code, 2.2 MB a side: reading and building
one side ~155 ms, its tree pickled in ~26 ms and read back in ~11: `Node.__reduce__`,
`Meta.__reduce__`).

The outcome is the sequential one, never another:

* the child only reads and builds; it prints nothing and ends with `os._exit` (no exit
  handler, no buffered output of the parent flushed twice);
* an error reading NEW (too large, not text, ...) comes back as the exception and is raised
  once OLD has been read, the order the sequential command reports errors in;
* NEW that is an amendment is not built there (`diff_files` reads it again and applies it, or
  compares it with its bill, itself: an amendment is small);
* any failure of the machinery itself (fork refused, a document that cannot be pickled, a
  child killed, a short pipe) leaves `result()` None, and the caller reads and builds NEW
  itself.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from statdiff.model import Document

# Each input at least this large (bytes on disk) before the work is split: below it the fork
# and the pickle cost about what the second core saves (chapter 620, 0.32 MB a side: ~30 ms
# to read and build a side, ~12 ms to pickle it there and back).
MIN_BYTES = 256 * 1024

_AMENDMENT = "amendment"  # the child's answer when NEW is an amendment (the parent reads it)


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
    """NEW being read and built in a forked child (`start`); `result()` collects it."""

    def __init__(self, pid: int, reader: int):
        self._pid, self._reader = pid, reader

    @classmethod
    def start(cls, build_new: "Callable[[], Document | None]") -> "BuiltInChild | None":
        """Fork a child that runs `build_new` (NEW's Document, or None when NEW is an
        amendment) and sends its outcome back; None when no child could be started."""
        import pickle  # noqa: F401  (before the fork: the child pickles NEW, this process reads it back)

        try:
            reader, writer = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:  # the child: never returns
            os.close(reader)
            _run_child(build_new, writer)
        os.close(writer)
        return cls(pid, reader)

    def result(self) -> "Document | None":
        """NEW's Document as the child built it; None when NEW is an amendment or the child
        could not deliver (the caller then reads and builds NEW itself). An error the child
        met reading NEW is raised here."""
        import pickle

        try:
            with os.fdopen(self._reader, "rb") as pipe:
                kind, value = pickle.loads(pipe.read())
        except Exception:  # a child that died or could not pickle: say nothing, do it here
            kind, value = "", None
        finally:
            delivered = _reap(self._pid) == 0
        if not delivered:
            return None
        if kind == "error":
            raise value
        return value if kind == "document" else None

    def cancel(self) -> None:
        """Stop the child (the parent met an error first): kill it, collect it."""
        import signal

        try:
            os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass
        os.close(self._reader)
        _reap(self._pid)


def _run_child(build_new: "Callable[[], Document | None]", writer: int) -> None:
    """In the child: build NEW, pickle the outcome, write it, exit without running anything
    of the parent's (exit handlers, buffered output). The pickle is made whole before it is
    written: a pipe holds 64 KB, so a pickle written as it is made would wait for the parent
    to read it, which reads once OLD is built. A status other than 0 says the outcome is not
    there whole (not picklable: a printing whose meaning is built lazily; a write that failed)."""
    import pickle

    status = 1
    try:
        try:
            document = build_new()
            outcome: tuple[str, object] = ("document", document) if document is not None else (_AMENDMENT, None)
        except Exception as error:  # an input error: the parent raises it in its turn
            outcome = ("error", error)
        payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
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
