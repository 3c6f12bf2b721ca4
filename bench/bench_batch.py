"""Benchmark `statdiff batch`: pairs per second in process, on 2 local processes and on a
2-worker Dask LocalCluster, in the same run over the same pairs.

The pairs are built from real text as the tests build them (`tests/batch_pairs.py`: runs
of consecutive Sections of ILCS chapter 620 with 0 to 3 seeded edits each); each run is
the whole command (`statdiff batch MANIFEST -o OUTDIR ...` in a fresh process: start-up,
the pool or the cluster's client, every redline, changes.jsonl and index.html), and the
three runs must write the same files byte for byte. The LocalCluster is started once,
before the timed runs (its start-up is printed apart): a batch is sent to a cluster that
already runs. Also printed: the floor, one process comparing the same pairs in a loop
(read + compare + view + JSON + HTML) without the command around it.

Run: python bench/bench_batch.py [--pairs 160] [--sections 6] [--repeat 3]
(the machine's load average is printed with the figures: parallel runs need idle cores)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_pairs import write_manifest, write_pairs  # noqa: E402

STATDIFF = [sys.executable, "-c", "import sys; from statdiff.cli import main; sys.argv[0] = 'statdiff'; main()"]


def timed_command(args: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run([*STATDIFF, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"statdiff batch {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return elapsed


def written(outdir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(outdir.iterdir())}


def floor(manifest: Path, repeat: int) -> float:
    """The same pairs compared in this process, one after another, nothing written (best of `repeat`)."""
    from statdiff import batch

    plan = batch.plan_manifest(manifest)
    batch.run_pair(plan.tasks[0])  # imports and warm caches, as a worker has after its first pair
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for task in plan.tasks:
            batch.run_pair(task)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=160)
    parser.add_argument("--sections", type=int, default=6, help="Sections a pair (the size of each text)")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    from distributed import LocalCluster

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        pairs = write_pairs(folder, count=options.pairs, sections=options.sections)
        manifest = folder / "manifest.csv"
        write_manifest(manifest, pairs)
        size = sum((folder / pair.old).stat().st_size + (folder / pair.new).stat().st_size for pair in pairs)
        print(f"{len(pairs)} pairs of {options.sections} Sections of ILCS chapter 620 "
              f"({size / len(pairs) / 1024:.1f} KB a pair, {sum(1 for pair in pairs if pair.edits)} with edits); "
              f"best and median of {options.repeat} runs of the whole command, the ways in turn\n")
        started = time.perf_counter()
        cluster = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None)
        cluster_start = time.perf_counter() - started
        ways = {
            "--jobs 1 (in process)": ["--jobs", "1"],
            "--jobs 2 (2 local processes)": ["--jobs", "2"],
            "--scheduler (2-worker LocalCluster)": ["--scheduler", cluster.scheduler_address],
        }
        times: dict[str, list[float]] = {label: [] for label in ways}
        outputs: dict[str, dict[str, bytes]] = {}
        try:
            for attempt in range(options.repeat):  # the ways in turn, so that they share the machine's noise
                for number, (label, extra) in enumerate(ways.items()):
                    outdir = folder / f"out-{number}-{attempt}"
                    times[label].append(timed_command(["batch", str(manifest), "-o", str(outdir), *extra]))
                    outputs[label] = written(outdir)
        finally:
            cluster.close()
        rows = [(label, min(found), statistics.median(found)) for label, found in times.items()]
        first = next(iter(outputs.values()))
        same = all(files == first for files in outputs.values())
        in_process = floor(manifest, options.repeat)
        print(f"| way | best s | median s | pairs/s (best) | × --jobs 1 |")
        print(f"|---|---:|---:|---:|---:|")
        base = rows[0][1]
        for label, best, median in rows:
            print(f"| `statdiff batch` {label} | {best:.2f} | {median:.2f} | {len(pairs) / best:.1f} | {base / best:.2f} |")
        print(f"| floor: the pairs compared in one warm process, nothing written (best) | {in_process:.2f} | | "
              f"{len(pairs) / in_process:.1f} | {base / in_process:.2f} |")
        print(f"\nload average before / after: {load[0]:.2f} / {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()}); "
              f"LocalCluster start (not in the runs): {cluster_start:.2f} s; "
              f"the three ways wrote the same {len(first)} files: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
