"""The ways to run a batch's pairs: in this process, on local processes, on a Dask cluster.

Each is a generator of `(task, outcome)` in the order the pairs finish; the caller puts
the records back in manifest order. Closing the generator (or an exception in it: Ctrl-C)
stops its workers: local processes are terminated at once, a Dask cluster's tasks of this
batch are cancelled.
"""

from __future__ import annotations

import os
import signal
import threading
import uuid
from collections import deque
from typing import TYPE_CHECKING, Any, Generator

from statdiff.batch.pair import PairOutcome, PairTask, failed_record, run_pair
from statdiff.errors import StatdiffError, display_name, failure_message

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

CONNECT_TIMEOUT = 10.0  # seconds to wait for a Dask scheduler to answer

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


def in_process(tasks: list[PairTask]) -> Outcomes:
    for task in tasks:
        yield task, run_pair(task)


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to the batch, which stops every worker itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_context() -> "BaseContext":
    """forkserver where the system has it (workers forked from a clean server that has
    already imported statdiff: no threads inherited, a quick start), else spawn."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["statdiff.batch.pair"])
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
        manager: threading.Thread | None = getattr(self.executor, "_executor_manager_thread", None)  # shutdown forgets it
        if terminate is not None:
            terminate()
        else:  # before 3.14 a pool has no public way to stop a running task
            for process in processes:
                process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(5)
        # The manager thread closes the pool's wake-up pipe as it ends. Left running, it
        # races the interpreter's exit hook (concurrent.futures.process._python_exit), which
        # writes to that pipe without the pool's lock: closed in between, the write prints
        # an `OSError: Bad file descriptor` traceback after `interrupted` (CPython
        # gh-125451; later releases lock the pipe). So wait for it, a few seconds at most.
        if manager is not None and manager is not threading.current_thread():
            manager.join(5)


WORKER_DIED = "the worker process comparing this pair died (killed, or out of memory)"


def local_processes(tasks: list[PairTask], jobs: int) -> Outcomes:
    """The pairs on `jobs` local processes, at most two a worker in flight. A worker that
    dies (killed, out of memory) breaks the pool: the pairs in flight with it are then run
    again one at a time, each in a fresh process, so that only the pair that kills its
    worker fails; the rest of the batch goes on in a new pool."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    context = process_context()
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
                    except Exception as error:  # noqa: BLE001 - its result could not come back: a bug, this pair's error
                        outcome = PairOutcome(failed_record(task, failure_message(error)))
                    yield task, outcome
        for task in sorted(suspects, key=lambda task: task.index):
            yield task, alone(task, context)


def alone(task: PairTask, context: "BaseContext") -> PairOutcome:
    """A pair run in a fresh process of its own: if that process dies, the pair killed it."""
    from concurrent.futures.process import BrokenProcessPool

    with _Pool(1, context) as executor:
        try:
            return executor.submit(run_pair, task).result()
        except BrokenProcessPool:
            return PairOutcome(failed_record(task, WORKER_DIED))
        except Exception as error:  # noqa: BLE001 - as in local_processes
            return PairOutcome(failed_record(task, failure_message(error)))


def on_dask(tasks: list[PairTask], client: Any) -> Outcomes:
    """The pairs as tasks of a Dask cluster; a task the cluster cannot run (its workers kept
    dying, statdiff is not installed on them) is that pair's error."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:12]  # keys of this run only: never a result of another client's run
    keys = [f"statdiff-pair-{run}-{task.index}" for task in tasks]
    futures = client.map(run_pair, tasks, key=keys, pure=False)
    by_key = dict(zip(keys, tasks))
    try:
        # with_results: each result is fetched as its task finishes, concurrently, rather than
        # one round trip at a time; a task that erred gives (type, exception, traceback).
        for future, result in as_completed(futures, loop=client.loop, with_results=True, raise_errors=False):
            task = by_key[future.key]
            if isinstance(result, PairOutcome):
                outcome = result
            else:
                error = result[1] if isinstance(result, tuple) else result
                outcome = PairOutcome(failed_record(task, f"the Dask cluster could not run this pair ({_one_line(error)})"))
            future.release()
            yield task, outcome
    except BaseException:
        client.cancel(futures, force=True)
        raise


def dask_client(address: str) -> Any:
    """A client of the Dask scheduler at `address`. The address is tried first with a bare
    connection: a client that fails to start leaves an object whose clean-up prints
    tracebacks when the process exits, so one is only made for a scheduler that answers."""
    check_dask()
    from distributed import Client

    try:
        _reachable(address)
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as error:  # noqa: BLE001 - OSError (a timeout), ValueError (a malformed address)...
        reason = _one_line(error, with_type=False)
        raise StatdiffError(f"cannot connect to the Dask scheduler at {display_name(address)} ({reason})") from None


def _reachable(address: str) -> None:
    """Open and close one connection to `address`, or raise why not. In a daemon thread of
    its own: no event loop may be running there (one runs in Jupyter's main thread), and
    Ctrl-C need not wait for the connection's timeout."""
    import asyncio

    from distributed.comm import connect

    async def probe() -> None:
        comm = await connect(address, timeout=CONNECT_TIMEOUT)
        await comm.close()

    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(probe())
        except BaseException as error:  # handed to the calling thread
            failure.append(error)

    thread = threading.Thread(target=run, name="statdiff-dask-probe", daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def _one_line(error: BaseException, with_type: bool = True) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return display_name(f"{type(error).__name__}: {text}" if with_type and text != type(error).__name__ else text, limit=200)
