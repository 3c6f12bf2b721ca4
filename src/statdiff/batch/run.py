"""Running a planned batch and writing it: OUTDIR, the redlines, changes.jsonl, index.html.

Every file is written with `outputs.write_atomically`, never over an input; the redlines
as their pairs finish (in a thread of their own, so that waiting on the disk overlaps
comparing), `changes.jsonl` and `index.html` once every pair is done. Ctrl-C, SIGTERM and
SIGHUP stop the batch the same way: the workers stop, the redline being written is
finished or removed, no temporary file is left.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from statdiff import pipeline
from statdiff.batch.pair import failed_record, text_of
from statdiff.batch.plan import Plan
from statdiff.batch.runners import dask_client, default_jobs, in_process, local_processes, on_dask
from statdiff.errors import StatdiffError, display_name, os_reason
from statdiff.outputs import STOPPING_SIGNALS

CHANGES_FILE = "changes.jsonl"
INDEX_FILE = "index.html"


@dataclass
class BatchResult:
    """The records of a batch in manifest order, and the exit status they make."""

    outdir: Path
    records: list[dict[str, Any]]

    def count(self, status: str) -> int:
        return sum(1 for record in self.records if record["status"] == status)

    @property
    def warned(self) -> int:
        """How many pairs' comparisons carry a warning (`changes.jsonl`'s `warnings`)."""
        return sum(1 for record in self.records if record.get("warnings"))

    @property
    def exit_status(self) -> int:
        """2 if any pair failed, else 1 if any changed, else 0 (as diff)."""
        return 2 if self.count("failed") else 1 if self.count("changed") else 0

    @property
    def failures(self) -> list[tuple[str, str]]:
        return [(record["name"], record["error"]) for record in self.records if record["status"] == "failed"]


class _Outdir:
    """OUTDIR, and the inputs no file written in it may replace (by identity, so a hard link
    or a symbolic link to an input is seen too)."""

    def __init__(self, outdir: Path, inputs: list[Path]):
        self.path = outdir
        self.inputs: dict[tuple[int, int], Path] = {}
        for path in inputs:
            try:
                info = path.stat()
            except (OSError, ValueError):
                continue
            self.inputs.setdefault((info.st_dev, info.st_ino), path)

    def create(self) -> None:
        """OUTDIR, created if missing (its parent must exist)."""
        shown = display_name(self.path)
        if self.path.exists():
            if not self.path.is_dir():
                raise StatdiffError(f"{shown}: not a folder; -o names the folder the batch is written to")
            return
        parent = Path(os.path.abspath(self.path)).parent
        if not parent.is_dir():
            raise StatdiffError(f"{shown}: cannot create the folder: {display_name(parent)} does not exist")
        try:
            self.path.mkdir()
        except OSError as error:
            raise StatdiffError(f"{shown}: cannot create the folder ({os_reason(error)})") from None

    def input_at(self, name: str) -> list[Path]:
        """The input a file of OUTDIR is (none, or one)."""
        try:
            info = (self.path / name).stat()
        except OSError:
            return []
        found = self.inputs.get((info.st_dev, info.st_ino))
        return [found] if found is not None else []

    def check(self, names: Iterable[str]) -> None:
        """Refuse the batch, before any work, when a file it would write is an input."""
        from statdiff.outputs import check_output_path

        for name in names:
            check_output_path(self.path / name, self.input_at(name))

    def write(self, name: str, text: str) -> None:
        from statdiff.outputs import write_atomically

        write_atomically(self.path / name, text, inputs=self.input_at(name))


def run_batch(plan: Plan, outdir: str | Path, *, jobs: int | None = None, scheduler: str | None = None,
              progress: bool = False) -> BatchResult:
    """Run a planned batch and write it into `outdir`; the records in manifest order.

    `jobs=1` compares in this process; `jobs=N` in N local processes (default: the cores);
    `scheduler` on the Dask cluster at that address. Ctrl-C, SIGTERM and SIGHUP stop the
    workers (a Dask cluster's tasks of this batch are cancelled) and leave no temporary
    file: the redlines already written stay; `changes.jsonl` and `index.html` are only
    written once every pair is done.
    """
    target = _Outdir(Path(outdir), plan.inputs)
    runnable = [task for task in plan.tasks if task.files.problem is None]
    records: list[dict[str, Any] | None] = [None] * len(plan.tasks)
    for task in plan.tasks:
        if task.files.problem is not None:
            records[task.index] = failed_record(task, task.files.problem)
    with _signals_interrupt():
        client = dask_client(scheduler) if scheduler else None
        try:
            target.create()
            target.check([CHANGES_FILE, INDEX_FILE] + [task.redline for task in runnable])
            workers = min(jobs or default_jobs(), len(runnable))
            if client is not None:
                outcomes = on_dask(runnable, client)
            elif workers > 1:
                outcomes = local_processes(runnable, workers)
            else:
                outcomes = in_process(runnable)
            writer = _Writer(target)
            try:
                with _progress(len(plan.tasks), len(plan.tasks) - len(runnable), progress) as advance:
                    for task, outcome in outcomes:
                        if outcome.redline_html is not None:
                            writer.write(task.redline, outcome.redline_html)
                        records[task.index] = outcome.record
                        advance(outcome.record["status"] == "failed")
            except BaseException:
                outcomes.close()  # stopped while a redline was handed on: the workers stop too
                writer.abandon()
                raise
            writer.finish()
        finally:
            if client is not None:
                client.close()
        done = [record for record in records if record is not None]
        assert len(done) == len(records), "a pair was never compared"
        target.write(CHANGES_FILE, "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in done))
        target.write(INDEX_FILE, text_of(pipeline.render("batch", {"title": plan.title, "pairs": done}, "html")))
    return BatchResult(target.path, done)


class _Writer:
    """The redlines written by a thread of their own: each file is fsynced, and the wait on
    the disk overlaps comparing the next pairs. A write that fails stops the batch with its
    error when the next redline is handed on, or at the end."""

    BACKLOG = 8  # redlines waiting to be written, at most: the memory they hold is bounded

    def __init__(self, outdir: _Outdir):
        self.outdir = outdir
        self.queue: queue.Queue[tuple[str, str] | None] = queue.Queue(self.BACKLOG)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="statdiff-batch-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.outdir.write(*item)
                except BaseException as error:  # handed to the main thread, which stops the batch
                    self.error = error

    def write(self, name: str, text: str) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((name, text))

    def finish(self) -> None:
        """Every redline written (or the first error raised)."""
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def abandon(self) -> None:
        """Stopping: what waits is dropped; the redline being written is finished (atomically)."""
        try:
            while True:
                self.queue.get_nowait()
        except queue.Empty:
            pass
        self.queue.put(None)
        self.thread.join()


class _signals_interrupt:
    """While a batch runs, SIGTERM and SIGHUP (a `kill`, a closed terminal) stop it as
    Ctrl-C does, with `interrupted by SIGTERM`, instead of killing the process with its
    workers and a half-written file left behind. A second signal while the batch stops is
    ignored, so the stopping finishes. Handlers can only be set in the main thread."""

    def __init__(self) -> None:
        self.previous: dict[int, Any] = {}
        self.stopping = False

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = {signum: signal.signal(signum, self._stop) for signum in STOPPING_SIGNALS}

    def _stop(self, signum: int, frame: object) -> None:
        if not self.stopping:
            self.stopping = True
            raise StatdiffError(f"interrupted by {signal.Signals(signum).name}")

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


class _progress:
    """A progress bar on standard error (rich) when asked for, else nothing: a context
    manager giving `advance(failed)`."""

    def __init__(self, total: int, failed: int, shown: bool):
        self.total, self.failed, self.shown = total, failed, shown
        self.bar: Any = None

    def __enter__(self) -> Callable[[bool], None]:
        if not self.shown:
            return lambda failed: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("comparing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True))
        self.bar.start()
        task = self.bar.add_task("pairs", total=self.total, completed=self.failed, failed=self.failed)

        def advance(failed: bool) -> None:
            self.failed += failed
            self.bar.update(task, advance=1, failed=self.failed)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
