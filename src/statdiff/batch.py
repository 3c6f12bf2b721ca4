"""`statdiff batch`: many pairs compared in one run, locally in processes or on a Dask cluster.

A batch is planned, run and written:

- **planned** from a manifest (`plan_manifest`: a CSV with a header row naming the columns
  `old`, `new` and optionally `name`, paths relative to the manifest's folder) or from a
  folder of pair folders (`plan_folder`: one sub-folder a pair holding exactly its two
  versions, `old.*` and `new.*`, or two versions whose order statdiff reads from their
  identity). Every pair becomes a `PairTask`, numbered in manifest order, with a unique name
  and a unique, file-system-safe redline file name. A row that cannot be a pair (a path
  outside the manifest's folder, a missing cell) is a failed pair, never a stopped batch;
  only what makes the whole list unreadable (no `new` column, no pairs) stops it.
- **run** by `run_pair` (which never raises: a pair that fails returns its one-line error)
  in this process (`jobs=1`), in a pool of local processes (`--jobs N`), or on an existing
  Dask cluster (`--scheduler tcp://HOST:PORT`, the optional `statdiff[dask]`). Every way
  runs the same tasks and gives the same records, written in manifest order whatever
  order they finish in.
- **written** into OUTDIR (created if missing; other files in it left alone), each file
  with `outputs.write_atomically`, never over an input: `<redline>.html` per pair as it
  finishes, then `changes.jsonl` (one record a pair) and `index.html` (rendered by
  `render/batch_index.py` from the records alone).

Only `statdiff.pipeline` is called below this module, as the command line does.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import unicodedata
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable, Generator, Iterable

from statdiff import pipeline
from statdiff.errors import StatdiffError, display_name, failure_message, os_reason
from statdiff.render import RenderOptions

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from statdiff.model import Comparison

__all__ = ["BatchResult", "PairTask", "Plan", "check_dask", "plan_folder", "plan_manifest", "run_batch", "run_pair"]

COLUMNS = ("old", "new", "name")
MANIFEST_IS = "a manifest is a CSV file with the header row old,new[,name] and one row a pair"
MANIFEST_LIMIT = 20 * 1024 * 1024  # about 100,000 pairs of long paths
CHANGES_FILE = "changes.jsonl"
INDEX_FILE = "index.html"
# Names a redline never takes: the batch's own files, and the device names Windows reserves.
RESERVED_STEMS = frozenset(
    ["index", "changes", "con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
MAX_STEM = 80
CONNECT_TIMEOUT = 10.0  # seconds to wait for a Dask scheduler to answer


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True, slots=True)
class PairOptions:
    """What every pair of a batch is compared with (the command's options)."""

    format: str | None = None
    max_bytes: int | None = None
    view: str = "inline"


@dataclass(frozen=True, slots=True)
class PairTask:
    """One pair, everything a worker needs (picklable: it travels to processes and Dask workers).

    `first` and `second` are the paths as the manifest (or the folder) gives them, relative
    to its folder; `first_path` and `second_path` what a worker opens (absolute, so a worker
    whatever its current directory finds them). With `by_version`, the worker decides which
    of the two is the old version; otherwise `first` is OLD and `second` NEW. A `problem`
    is why the row cannot be a pair at all: the task fails with it, no file is read.
    """

    index: int
    name: str
    redline: str  # the redline's file name in OUTDIR
    first: str | None
    second: str | None
    first_path: str = ""
    second_path: str = ""
    by_version: bool = False
    problem: str | None = None
    options: PairOptions = PairOptions()


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What a worker sends back: the pair's record (a line of changes.jsonl) and its redline."""

    record: dict[str, Any]
    redline_html: str | None = None


@dataclass
class Plan:
    """The pairs of a batch, in manifest order, and what to say before it runs."""

    title: str
    tasks: list[PairTask]
    inputs: list[Path]  # every file the batch reads: no output may replace one
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Row:
    """A pair as listed, before it has its unique names."""

    name: str
    first: str | None
    second: str | None
    first_path: str = ""
    second_path: str = ""
    by_version: bool = False
    problem: str | None = None
    where: str = ""  # `line 7` of a manifest, for a warning about its name


def plan_manifest(manifest: str | Path, options: PairOptions = PairOptions()) -> Plan:
    """The pairs a manifest lists (see the module docstring and the README's `statdiff batch`)."""
    path = Path(manifest)
    shown = f"manifest {display_name(path)}"
    text = pipeline.read_small_text(path, name=shown, limit=MANIFEST_LIMIT, accepts=MANIFEST_IS)
    folder = Path(os.path.abspath(path)).parent
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[_Row] = []
    try:
        columns = _header(reader, shown)
        for cells in reader:
            if any(cell.strip() for cell in cells):  # a blank line (or a row of empty cells) is skipped
                rows.append(_manifest_row(cells, columns, folder, f"line {reader.line_num}"))
    except csv.Error as error:
        raise StatdiffError(f"{shown}: not a readable CSV (line {reader.line_num}: {error})") from None
    if not rows:
        raise StatdiffError(f"{shown}: no pairs (a header row and no rows)")
    return _plan(f"statdiff batch: {path.name}", rows, [path], options, shown)


def _header(reader: Any, shown: str) -> dict[str, int]:
    """Column name -> cell index, from the first row that is not blank."""
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            column = cell.strip().lower()
            if column not in COLUMNS:
                raise StatdiffError(f"{shown}: unknown column {display_name(column)!r} in the header row (expected old,new[,name])")
            if column in columns:
                raise StatdiffError(f"{shown}: the column {column!r} appears twice in the header row")
            columns[column] = position
        for needed in ("old", "new"):
            if needed not in columns:
                raise StatdiffError(f"{shown}: the header row has no {needed!r} column (expected old,new[,name])")
        return columns
    raise StatdiffError(f"{shown}: no header row (expected old,new[,name])")


def _manifest_row(cells: list[str], columns: dict[str, int], folder: Path, where: str) -> _Row:
    def cell(column: str) -> str | None:
        position = columns.get(column)
        value = cells[position].strip() if position is not None and position < len(cells) else ""
        return value or None

    first, second, name = cell("old"), cell("new"), cell("name")
    shown_name = name or (_without_suffix(second) if second else where)
    problem = None
    if len(cells) > len(columns):
        problem = f"{where}: {len(cells)} cells, but the header row names {len(columns)} columns (a path holding a comma must be quoted)"
    else:
        for column, value in (("old", first), ("new", second)):
            if value is None:
                problem = f"{where}: no {column} file"
                break
            problem = _outside(value, where)
            if problem:
                break
    if problem:
        return _Row(shown_name, first, second, problem=problem, where=where)
    assert first is not None and second is not None
    return _Row(shown_name, first, second, _inside(folder, first), _inside(folder, second), where=where)


def _outside(relative: str, where: str) -> str | None:
    """Why a manifest path cannot be used: absolute, or leading out of the manifest's folder.
    (A symbolic link inside the folder is followed: it is the user's own choice.)"""
    if os.path.isabs(relative) or PurePosixPath(relative).is_absolute():
        return f"{where}: {display_name(relative)} is an absolute path; paths in a manifest are relative to its folder"
    normal = os.path.normpath(relative)
    if normal == os.pardir or normal.startswith(os.pardir + os.sep):
        return f"{where}: {display_name(relative)} is outside the manifest's folder; paths in a manifest stay inside it"
    return None


def _inside(folder: Path, relative: str) -> str:
    return os.path.join(folder, os.path.normpath(relative))


def _without_suffix(path: str) -> str:
    pure = PurePosixPath(path)
    return str(pure.with_suffix("")) if pure.suffix else path


def plan_folder(folder: str | Path, outdir: str | Path, options: PairOptions = PairOptions()) -> Plan:
    """The pairs of a folder of pair folders, in the order of the folders' names (code point
    order). Hidden entries (a name starting with `.`) are ignored, and so is OUTDIR when it
    lies inside the folder; files beside the pair folders are ignored."""
    root = Path(os.path.abspath(folder))
    shown = display_name(folder)
    if not root.exists():
        raise StatdiffError(f"{shown}: no such folder")
    if not root.is_dir():
        raise StatdiffError(f"{shown}: not a folder; --pairs-from takes a folder holding one sub-folder a pair")
    skip = os.path.realpath(outdir)
    pair_folders = [
        entry for entry in _entries(root, shown)
        if entry.is_dir() and os.path.realpath(entry) != skip
    ]
    if not pair_folders:
        raise StatdiffError(f"{shown}: no sub-folders; --pairs-from takes a folder holding one sub-folder a pair, each with its two versions")
    rows = [_folder_row(root, pair_folder) for pair_folder in pair_folders]
    return _plan(f"statdiff batch: {root.name}", rows, [], options, shown)


def _entries(folder: Path, shown: str) -> list[Path]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if not entry.name.startswith("."))
    except OSError as error:
        raise StatdiffError(f"{shown}: cannot list the folder ({os_reason(error)})") from None
    return [folder / name for name in names]


def _folder_row(root: Path, pair_folder: Path) -> _Row:
    """A pair folder: exactly two files, told apart by their names (`old.*`, `new.*`) or,
    when neither is so named, by the versions' identity (decided by the worker)."""
    name = pair_folder.name
    shown = display_name(PurePosixPath(name))
    try:
        files = _entries(pair_folder, shown)
    except StatdiffError as error:
        return _Row(name, None, None, problem=str(error))
    if len(files) != 2 or not all(path.is_file() for path in files):
        listed = ", ".join(display_name(path.name) for path in files[:5]) + (", ..." if len(files) > 5 else "")
        return _Row(name, None, None, problem=(
            f"{shown}: holds {listed or 'nothing'}; a pair's folder holds exactly two files, its two versions"))
    heads = [path.name.split(".", 1)[0].lower() for path in files]
    relative = [f"{name}/{path.name}" for path in files]
    if sorted(heads) == ["new", "old"]:
        old, new = (0, 1) if heads[0] == "old" else (1, 0)
        return _Row(name, relative[old], relative[new], str(files[old]), str(files[new]))
    if "old" in heads or "new" in heads:
        return _Row(name, None, None, problem=(
            f"{shown}: name its two files old.* and new.* (found {display_name(files[0].name)}, {display_name(files[1].name)})"))
    return _Row(name, relative[0], relative[1], str(files[0]), str(files[1]), by_version=True)


def _plan(title: str, rows: list[_Row], inputs: list[Path], options: PairOptions, shown: str) -> Plan:
    """Number the pairs, make their names unique (a repeated name gets ` #2`, said in a
    warning) and give each a unique redline file name."""
    warnings: list[str] = []
    seen: dict[str, str] = {}
    names = []
    for row in rows:
        name = row.name
        count = 2
        while name in seen:
            name = f"{row.name} #{count}"
            count += 1
        if name != row.name:
            first = seen[row.name]
            warnings.append(f"{shown}: {row.where or display_name(row.name)}: the name {display_name(row.name)!r}"
                            f" is also {first}'s; this pair is named {display_name(name)!r}")
        seen[name] = row.where or name
        names.append(name)
    files = redline_file_names(names)
    tasks = [
        PairTask(index, name, file, row.first, row.second, row.first_path, row.second_path, row.by_version,
                 row.problem, options)
        for index, (row, name, file) in enumerate(zip(rows, names, files))
    ]
    for task in tasks:
        if task.problem is None:
            inputs += [Path(task.first_path), Path(task.second_path)]
    return Plan(title, tasks, inputs, warnings)


def redline_file_names(names: Iterable[str]) -> list[str]:
    """A file name for each pair's redline: ASCII letters, digits, `.`, `_` and `-` only
    (accents dropped, anything else a `-`), at most 80 characters before `.html`, never a
    name Windows reserves or the batch's own `index`, and unique even on a file system that
    ignores case (`-2`, `-3`... added)."""
    taken = set(RESERVED_STEMS)
    files = []
    for name in names:
        stem = safe_stem(name)
        candidate, count = stem, 2
        while candidate.lower() in taken:
            candidate = f"{stem}-{count}"
            count += 1
        taken.add(candidate.lower())
        files.append(f"{candidate}.html")
    return files


def safe_stem(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name)
    stem = re.sub(r"([._-])[._-]+", r"\1", stem).strip("._-")[:MAX_STEM].rstrip("._-")
    return stem or "pair"


# ---------------------------------------------------------------- one pair (runs in a worker)


def run_pair(task: PairTask) -> PairOutcome:
    """Compare one pair: its record and its redline, or its one-line error. Never raises, so
    that a bad pair never stops a batch (a resource limit or a bug included)."""
    if task.problem is not None:
        return PairOutcome(failed_record(task, task.problem))
    try:
        return _compare(task)
    except Exception as error:  # noqa: BLE001 - the pair's one line, as the command line would print it
        return PairOutcome(failed_record(task, failure_message(error)))


def _compare(task: PairTask) -> PairOutcome:
    options = task.options
    first = pipeline.read_file(task.first_path, format=options.format, max_bytes=options.max_bytes)
    second = pipeline.read_file(task.second_path, format=options.format, max_bytes=options.max_bytes)
    old, new = task.first, task.second
    if task.by_version:
        try:
            older, _ = pipeline.in_version_order(first, second)
        except StatdiffError as error:
            raise StatdiffError(
                f"{display_name(task.name)}: cannot tell which file is the old version ({error});"
                " name them old.* and new.*") from None
        if older is second:
            first, second, old, new = second, first, new, old
    comparison = pipeline.compare(first, second)
    redline = pipeline.view(comparison)
    contract = json.loads(pipeline.render("redline", redline, "json"))
    html = pipeline.render("redline", redline, "html", RenderOptions(view=options.view))
    return PairOutcome(_record(task, old, new, comparison, contract), _text(html))


def _record(task: PairTask, old: str | None, new: str | None, comparison: "Comparison",
            contract: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": task.name,
        "old": old,
        "new": new,
        "status": "changed" if comparison.changes else "unchanged",
        "error": None,
        "redline": task.redline,
        "summary": contract["summary"],
        "changes": contract["changes"],
        "annotations": contract["annotations"],
    }


def failed_record(task: PairTask, error: str) -> dict[str, Any]:
    """The record of a pair that could not be compared: its error, nothing else."""
    return {
        "name": task.name,
        "old": task.first if not task.by_version else None,
        "new": task.second if not task.by_version else None,
        "status": "failed",
        "error": " ".join(error.split()),  # one line
        "redline": None,
        "summary": None,
        "changes": None,
        "annotations": None,
    }


def _text(output: str | bytes) -> str:
    return output if isinstance(output, str) else output.decode("utf-8")


# ---------------------------------------------------------------- the ways to run the pairs

Outcomes = Generator[tuple[PairTask, PairOutcome], None, None]


def check_dask() -> None:
    """Refuse `--scheduler` at once when Dask's distributed scheduler is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise StatdiffError("--scheduler needs Dask's distributed scheduler: pip install 'statdiff[dask]'") from None


def default_jobs() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _in_process(tasks: list[PairTask]) -> Outcomes:
    for task in tasks:
        yield task, run_pair(task)


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to the batch, which stops every worker itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process_context() -> "BaseContext":
    """forkserver where the system has it (workers forked from a clean server that has
    already imported statdiff: no threads inherited, a quick start), else spawn."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["statdiff.batch"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """A process pool that, left by an exception (Ctrl-C, a closed generator), terminates
    its workers at once instead of waiting for the pairs they are comparing."""

    def __init__(self, workers: int, context: "BaseContext"):
        from concurrent.futures import ProcessPoolExecutor

        self.executor: ProcessPoolExecutor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_ignore_interrupts)

    def __enter__(self) -> "ProcessPoolExecutor":
        return self.executor

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if kind is None:
            self.executor.shutdown(wait=True)
            return
        terminate = getattr(self.executor, "terminate_workers", None)  # Python 3.14
        processes = list(self.executor._processes.values()) if self.executor._processes else []
        if terminate is not None:
            terminate()
        else:  # before 3.14 a pool has no public way to stop a running task
            for process in processes:
                process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(5)


WORKER_DIED = "the worker process comparing this pair died (killed, or out of memory)"


def _local_processes(tasks: list[PairTask], jobs: int) -> Outcomes:
    """The pairs on `jobs` local processes, at most two a worker in flight. A worker that
    dies (killed, out of memory) breaks the pool: the pairs in flight with it are then run
    again one at a time, each in a fresh process, so that only the pair that kills its
    worker fails; the rest of the batch goes on in a new pool."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    context = _process_context()
    queue = deque(tasks)
    while queue:
        suspects: list[PairTask] = []
        with _Pool(min(jobs, len(queue)), context) as executor:
            in_flight: dict[Future[PairOutcome], PairTask] = {}
            while queue or in_flight:
                while queue and not suspects and len(in_flight) < 2 * jobs:
                    task = queue.popleft()
                    in_flight[executor.submit(run_pair, task)] = task
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda future: in_flight[future].index):
                    task = in_flight.pop(future)
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        suspects.append(task)
                        continue
                    yield task, outcome
        for task in sorted(suspects, key=lambda task: task.index):
            yield task, _alone(task, context)


def _alone(task: PairTask, context: "BaseContext") -> PairOutcome:
    from concurrent.futures.process import BrokenProcessPool

    with _Pool(1, context) as executor:
        try:
            return executor.submit(run_pair, task).result()
        except BrokenProcessPool:
            return PairOutcome(failed_record(task, WORKER_DIED))


def _on_dask(tasks: list[PairTask], client: Any) -> Outcomes:
    """The pairs as tasks of a Dask cluster; a task the cluster cannot run (its workers kept
    dying, statdiff is not installed on them) is that pair's error."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:12]  # keys of this run only: never a result of another client's run
    keys = [f"statdiff-pair-{run}-{task.index}" for task in tasks]
    futures = client.map(run_pair, tasks, key=keys, pure=False)
    by_key = dict(zip(keys, tasks))
    try:
        for future in as_completed(futures, loop=client.loop):
            task = by_key[future.key]
            try:
                outcome = future.result()
            except Exception as error:  # noqa: BLE001 - the cluster's failure, as this pair's error
                outcome = PairOutcome(failed_record(task, f"the Dask cluster could not run this pair ({_one_line(error)})"))
            future.release()
            yield task, outcome
    except BaseException:
        client.cancel(futures, force=True)
        raise


def _connect(address: str) -> Any:
    """A client of the Dask scheduler at `address`. The address is tried first with a bare
    connection: a client that fails to start leaves an object whose clean-up prints
    tracebacks when the process exits, so one is only made for a scheduler that answers."""
    check_dask()
    import asyncio

    from distributed import Client
    from distributed.comm import connect

    async def reachable() -> None:
        comm = await connect(address, timeout=CONNECT_TIMEOUT)
        await comm.close()

    try:
        asyncio.run(reachable())
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as error:  # noqa: BLE001 - OSError (a timeout), ValueError (a malformed address)...
        reason = _one_line(error, with_type=False)
        raise StatdiffError(f"cannot connect to the Dask scheduler at {display_name(address)} ({reason})") from None


def _one_line(error: BaseException, with_type: bool = True) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return display_name(f"{type(error).__name__}: {text}" if with_type and text != type(error).__name__ else text, limit=200)


# ---------------------------------------------------------------- writing


@dataclass
class BatchResult:
    """The records of a batch in manifest order, and the exit status they make."""

    outdir: Path
    records: list[dict[str, Any]]

    def count(self, status: str) -> int:
        return sum(1 for record in self.records if record["status"] == status)

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
    `scheduler` on the Dask cluster at that address. Ctrl-C stops the workers (a Dask
    cluster's tasks are cancelled) and leaves no temporary file: the redlines already
    written stay, `changes.jsonl` and `index.html` are only written once every pair is done.
    """
    target = _Outdir(Path(outdir), plan.inputs)
    runnable = [task for task in plan.tasks if task.problem is None]
    records: list[dict[str, Any] | None] = [None] * len(plan.tasks)
    for task in plan.tasks:
        if task.problem is not None:
            records[task.index] = failed_record(task, task.problem)
    client = _connect(scheduler) if scheduler else None
    try:
        target.create()
        target.check([CHANGES_FILE, INDEX_FILE] + [task.redline for task in runnable])
        workers = min(jobs or default_jobs(), len(runnable))
        if client is not None:
            outcomes = _on_dask(runnable, client)
        elif workers > 1:
            outcomes = _local_processes(runnable, workers)
        else:
            outcomes = _in_process(runnable)
        with _progress(len(plan.tasks), len(plan.tasks) - len(runnable), progress) as advance:
            try:
                for task, outcome in outcomes:
                    if outcome.redline_html is not None:
                        target.write(task.redline, outcome.redline_html)
                    records[task.index] = outcome.record
                    advance(outcome.record["status"] == "failed")
            finally:
                outcomes.close()  # Ctrl-C while a redline is written: the workers stop too
    finally:
        if client is not None:
            client.close()
    done = [record for record in records if record is not None]
    assert len(done) == len(records), "a pair was never compared"
    target.write(CHANGES_FILE, "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in done))
    target.write(INDEX_FILE, _text(pipeline.render("batch", {"title": plan.title, "pairs": done}, "html")))
    return BatchResult(target.path, done)


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
