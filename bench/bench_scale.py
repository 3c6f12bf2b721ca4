"""Benchmark how fast `statdiff diff` is against the floor, and how it scales.

In the same run, with the same interpreter and the same environment:

* the floor: a Python process that reads both files and splits them into words with one
  regex (what any Python tool pays at least);
* `statdiff diff OLD NEW --json`, the whole command (start-up, imports, read, structure,
  compare, view, JSON), best of `--repeat`, as a user runs it (both texts read and NEW built in
  a second process where both inputs are 64 KB or more and a core is free), and with `--jobs 1` (all in
  one process: the peak memory is this run's);
* statdiff in process (read + structure + compare, after a first run), best of 7 by CPU time,
  and the same with the JSON output; and each stage alone (read + structure of both texts,
  compare, view + JSON), best of 7, the collector tuned as a run of the command tunes it;
* `git diff --no-index --word-diff` (C, lines of words, no structure);
* on the first two pairs, `statdiff redline OLD NEW -o page.html`, the whole HTML page;
* and, first, start-up: a bare interpreter, `import click`, `statdiff --help`, `statdiff formats`;

on three kinds of input:

1. the 315 KB chapter-620 pair of `bench_diff.py` (ILCS chapter 620 and a copy with 28
   seeded edits);
2. the Election Code (10 ILCS 5, 2.2 MB, `../shared/corpus/ilcs-whole-acts/`) and a copy
   with 16 phrases inserted (skipped, saying why, when `../shared` is not beside the clone);
3. the chapter-620 pair at 0.5x, 1x, 2x, 4x and 8x its size (0.5x: its first Acts up to
   half its bytes; 2x and more: the chapter repeated under other chapter numbers, 621 ILCS,
   622 ILCS, ..., so that every citation stays unique): the time per doubling of the input
   and the peak memory per input byte (the whole command's `ru_maxrss`, and the peak of
   Python's allocations during read + structure + compare + JSON, by `tracemalloc`, in a
   fresh process after the imports).

Python caches compiled modules (`__pycache__`) as any installed package has them; this
machine's environment sets PYTHONDONTWRITEBYTECODE, so every process is run with the
cache in a temporary folder (PYTHONPYCACHEPREFIX), warmed by a first run.

Run: python bench/bench_scale.py [--repeat 5] [--sizes 0.5,1,2,4,8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_diff  # noqa: E402  (the chapter-620 pair: load_rows, seed_edits, write_csv)

ELECTION_CODE = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt"
ELECTION_PHRASES = ["promptly and in writing", "or its designee", "within 60 days after receipt",
                    "at no charge to the voter"]
ELECTION_INSERTS = 16
LOWER_WORD = re.compile(r"(?<= )[a-z]{4,}(?= )")
FLOOR = "import re, sys\nW = re.compile(r'\\S+')\nfor p in sys.argv[1:]:\n    W.findall(open(p, encoding='utf-8').read())\n"
# The `statdiff` script installed beside this interpreter (what a user runs), else the same through `-c`.
SCRIPT = Path(sys.executable).with_name("statdiff")
STATDIFF = [str(SCRIPT)] if SCRIPT.exists() else [
    sys.executable, "-c", "import sys; from statdiff.cli import main; sys.argv[0] = 'statdiff'; main()"]
IN_PROCESS_REPEAT = 7


# ---------------------------------------------------------------- the inputs


def chapter_pair(folder: Path, scale: float) -> tuple[Path, Path]:
    """The chapter-620 benchmark pair at `scale` times its size."""
    fields, rows = bench_diff.load_rows(None)
    old_rows = [dict(row) for row in rows]
    bench_diff.seed_edits(rows, random.Random(bench_diff.SEED))
    if scale < 1:
        total = sum(len(row["text"]) for row in old_rows)
        kept, size = 0, 0
        while kept < len(old_rows) and size < total * scale:
            size += len(old_rows[kept]["text"])
            kept += 1
        old_rows, rows = old_rows[:kept], rows[:kept]
    else:
        old_rows, rows = _repeated(old_rows, int(scale)), _repeated(rows, int(scale))
    old, new = folder / f"A-{scale}x.csv", folder / f"B-{scale}x.csv"
    bench_diff.write_csv(old, fields, old_rows)
    bench_diff.write_csv(new, fields, rows)
    return old, new


def _repeated(rows: list[dict], times: int) -> list[dict]:
    """The rows `times` over, copy k under chapter 620 + k (`621 ILCS 5/1`): no citation twice."""
    copies = []
    for copy in range(times):
        chapter = f"{620 + copy} ILCS"
        copies.extend({key: value.replace("620 ILCS", chapter) for key, value in row.items()} for row in rows)
    return copies


def election_pair(folder: Path) -> tuple[Path, Path]:
    """The Election Code as published and with `ELECTION_INSERTS` phrases inserted at words
    chosen by a fixed seed (line ends kept as they are)."""
    text = ELECTION_CODE.read_bytes().decode("utf-8")
    chooser = random.Random(5)
    starts = sorted(chooser.sample([match.start() for match in LOWER_WORD.finditer(text)], ELECTION_INSERTS),
                    reverse=True)
    new = text
    for number, start in enumerate(starts):
        new = new[:start] + ELECTION_PHRASES[number % len(ELECTION_PHRASES)] + " " + new[start:]
    old_path, new_path = folder / "ElectionCode-old.txt", folder / "ElectionCode-new.txt"
    old_path.write_bytes(text.encode("utf-8"))
    new_path.write_bytes(new.encode("utf-8"))
    return old_path, new_path


# ---------------------------------------------------------------- timing processes


def environment(cache: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident kilobytes (its own `ru_maxrss`) and standard output of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv[:4])} ... failed with status {process.returncode}")
    return elapsed, usage.ru_maxrss, output.decode("utf-8", "replace")


def best_process(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, int, str]:
    """Best wall time of `repeat` runs, the largest peak memory, the last output."""
    runs = [run_process(argv, env) for _ in range(repeat)]
    return min(run[0] for run in runs), max(run[1] for run in runs), runs[-1][2]


def in_process(old: Path, new: Path, env: dict[str, str]) -> dict:
    """This script's `--child` mode in a fresh process: in-process times and memory."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", str(old), str(new)]
    result = subprocess.run(argv, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"in-process run failed: {result.stderr}")
    return json.loads(result.stdout)


def child(old: Path, new: Path) -> None:
    """Time read + structure + compare (and the JSON output) in this process, after a first
    run; then the peak of Python's allocations of one more run (tracemalloc, imports done)."""
    import tracemalloc

    from statdiff import pipeline

    def compared():
        return pipeline.compare_files(old, new)

    def with_json():
        return pipeline.render_comparison(compared(), "json")

    with_json()
    core = min(_timed(compared) for _ in range(IN_PROCESS_REPEAT))
    whole = min(_timed(with_json) for _ in range(IN_PROCESS_REPEAT))
    stages = _stages(old, new)
    tracemalloc.start()
    with_json()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"core": core, "json": whole, "peak": peak, "stages": stages}))


def _stages(old: Path, new: Path) -> dict[str, float]:
    """CPU seconds of each stage alone, best of IN_PROCESS_REPEAT, with the collector tuned as
    a run of the command tunes it (`collector.tuned_for_one_run`: without it, when the
    collector's full passes fall says more than the stage does)."""
    from statdiff import collector, pipeline
    from statdiff.read import read_path

    with collector.tuned_for_one_run():
        built = pipeline.build_pair(read_path(old), read_path(new))
        comparison = [pipeline.compare(*built)]
        return {
            "build": min(_timed(lambda: pipeline.build_pair(read_path(old), read_path(new)))
                         for _ in range(IN_PROCESS_REPEAT)),
            "compare": min(_timed(lambda: comparison.__setitem__(0, pipeline.compare(*built)))
                           for _ in range(IN_PROCESS_REPEAT)),
            "view": min(_timed(lambda: pipeline.render_comparison(comparison[0], "json"))
                        for _ in range(IN_PROCESS_REPEAT)),
        }


def _timed(function) -> float:
    """The CPU seconds `function` takes: on a machine shared with other work, its wall time
    mostly measures the others (the commands, timed by the wall clock, have the floor beside them)."""
    started = time.process_time()
    function()
    return time.process_time() - started


# ---------------------------------------------------------------- the report


def compare_pair(name: str, old: Path, new: Path, env: dict[str, str], repeat: int) -> dict:
    """Every tool on one pair, in the same run."""
    size = old.stat().st_size + new.stat().st_size
    run_process([*STATDIFF, "diff", str(old), str(new), "--json"], env)  # writes the module cache
    floor, _, _ = best_process([sys.executable, "-c", FLOOR, str(old), str(new)], env, repeat)
    command, _, output = best_process([*STATDIFF, "diff", str(old), str(new), "--json"], env, repeat)
    # one process (`--jobs 1`): its time, and the peak memory of all the work in one process (a
    # forked child's own peak is not added to its parent's by `ru_maxrss`)
    one_process, rss, alone = best_process([*STATDIFF, "diff", str(old), str(new), "--json", "--jobs", "1"], env, repeat)
    if alone != output:
        sys.exit(f"{name}: `--jobs 1` printed another JSON than the default")
    git, _, _ = best_process(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], env, repeat)
    measured = in_process(old, new, env)
    changes = json.loads(output)["summary"]["changes"]
    return {"name": name, "bytes": size, "floor": floor, "command": command, "one_process": one_process, "git": git,
            "changes": changes, "rss": rss, **measured}


def redline_command(old: Path, new: Path, env: dict[str, str], repeat: int) -> float:
    """Best wall time of `statdiff redline OLD NEW -o PAGE.html` (the whole HTML page)."""
    page = old.with_name(old.stem + "-redline.html")
    argv = [*STATDIFF, "redline", str(old), str(new), "-o", str(page)]
    run_process(argv, env)  # writes the module cache and the templates' cache, as a user's first run does
    return best_process(argv, env, repeat)[0]


def startup(env: dict[str, str], repeat: int) -> list[tuple[str, float]]:
    """Best wall time of a bare interpreter, `import click`, statdiff's cheap commands and the
    imports of a diff alone (every module of statdiff a `diff --json` in one process loads,
    imported and nothing run: what a diff pays before it reads a word)."""
    imports = "import " + ", ".join(diff_modules(env))
    commands = [("python -c pass", [sys.executable, "-c", "pass"]),
                ("python -c 'import click'", [sys.executable, "-c", "import click"]),
                ("statdiff --help", [*STATDIFF, "--help"]),
                ("statdiff formats", [*STATDIFF, "formats"]),
                ("a diff's imports alone", [sys.executable, "-c", imports])]
    for _, argv in commands:
        run_process(argv, env)  # writes the module cache
    return [(name, best_process(argv, env, repeat)[0]) for name, argv in commands]


def diff_modules(env: dict[str, str]) -> list[str]:
    """The modules of statdiff that `statdiff diff OLD NEW --json --jobs 1` loads (two versions
    of the Personal Information Protection Act), as the program prints them at exit."""
    pipa = ROOT / "statutes" / "pipa"
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(*sorted(name for name in sys.modules if name.startswith('statdiff'))))\n"
            "from statdiff.cli import main\nsys.argv[0] = 'statdiff'\nmain()\n")
    argv = [sys.executable, "-c", code, "diff", str(pipa / "815ILCS530_as_enacted_PA094-0036.txt"),
            str(pipa / "815ILCS530_through_PA094-0947.txt"), "--json", "--jobs", "1"]
    printed = subprocess.run(argv, capture_output=True, text=True, env=env).stdout
    return printed.splitlines()[-1].split()


def print_pairs(rows: list[dict]) -> None:
    print("| pair | input | floor ms | `statdiff diff --json` ms | x floor | `--jobs 1` ms | x floor "
          "| in process CPU ms (read+structure+compare) | + view and JSON CPU ms | git --word-diff ms | changes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['name']} | {row['bytes'] / 1e6:.2f} MB | {row['floor'] * 1000:.0f} | {row['command'] * 1000:.0f} "
              f"| {row['command'] / row['floor']:.1f} | {row['one_process'] * 1000:.0f} "
              f"| {row['one_process'] / row['floor']:.1f} | {row['core'] * 1000:.0f} | {row['json'] * 1000:.0f} "
              f"| {row['git'] * 1000:.0f} | {row['changes']} |")
    print()
    print("`statdiff redline OLD NEW -o page.html` (the whole command, best wall time): " + "; ".join(
        f"{row['name']}: {row['redline'] * 1000:.0f} ms" for row in rows))
    print()
    print("stages (in process, CPU ms, best of 7 each, the collector tuned as for a command): " + "; ".join(
        f"{row['name']}: read + structure {row['stages']['build'] * 1000:.0f}, compare "
        f"{row['stages']['compare'] * 1000:.0f}, view and JSON {row['stages']['view'] * 1000:.0f}" for row in rows))


def print_scaling(rows: list[dict]) -> None:
    print("| size | input | `statdiff diff --json` ms | x floor | `--jobs 1` ms | in process CPU ms | x previous size "
          "| peak RSS MB (`--jobs 1`) | RSS bytes / input byte | Python peak MB (tracemalloc) | bytes / input byte |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous = None
    for row in rows:
        doubling = f"{row['core'] / previous['core']:.2f}" if previous else "-"
        print(f"| {row['name']} | {row['bytes'] / 1e6:.2f} MB | {row['command'] * 1000:.0f} "
              f"| {row['command'] / row['floor']:.1f} | {row['one_process'] * 1000:.0f} "
              f"| {row['core'] * 1000:.0f} | {doubling} "
              f"| {row['rss'] / 1024:.0f} | {row['rss'] * 1024 / row['bytes']:.1f} "
              f"| {row['peak'] / 1e6:.1f} | {row['peak'] / row['bytes']:.1f} |")
        previous = row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (best reported)")
    parser.add_argument("--sizes", default="0.5,1,2,4,8", help="sizes of the chapter-620 pair, comma-separated")
    parser.add_argument("--child", nargs=2, metavar=("OLD", "NEW"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(Path(options.child[0]), Path(options.child[1]))
        return
    sizes = [float(size) for size in options.sizes.split(",")]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = environment(work / "pycache")
        started = startup(env, max(11, options.repeat))
        chapter = chapter_pair(work, 1)
        pairs = [compare_pair("chapter 620, 28 edits", *chapter, env, options.repeat)]
        pairs[0]["redline"] = redline_command(*chapter, env, options.repeat)
        if ELECTION_CODE.exists():
            old, new = election_pair(work)
            pairs.append(compare_pair(f"Election Code, {ELECTION_INSERTS} insertions", old, new, env,
                                      max(1, options.repeat // 2)))
            pairs[1]["redline"] = redline_command(old, new, env, max(1, options.repeat // 2))
        else:
            print(f"Election Code pair skipped: {ELECTION_CODE} is not there (the shared corpus is not beside "
                  "this clone)\n")
        scaled = [compare_pair(f"{size:g}x", *chapter_pair(work, size), env,
                               options.repeat if size <= 2 else max(1, options.repeat // 2))
                  for size in sizes]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; "
          f"Python {sys.version.split()[0]}\n")
    print("start-up (best of " + str(max(11, options.repeat)) + "): "
          + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in started) + "\n")
    print_pairs(pairs)
    print()
    print_scaling(scaled)
    print()
    ratios = [later["core"] / earlier["core"] for earlier, later in zip(scaled, scaled[1:])]
    targets = [f"start-up: statdiff --help {started[2][1] * 1000:.0f} ms, formats {started[3][1] * 1000:.0f} ms (target < 60 ms)",
               f"chapter 620: whole command {pairs[0]['command'] / pairs[0]['floor']:.1f}x the floor (target 4x), "
               f"in process {pairs[0]['core'] * 1000:.0f} ms (target < 40 ms)"]
    if len(pairs) > 1:
        targets.append(f"Election Code: {pairs[1]['command'] / pairs[1]['floor']:.1f}x the floor (target 3x)")
    if ratios:
        targets.append(f"time per doubling {min(ratios):.2f}-{max(ratios):.2f}x (target <= 2.1x)")
    if scaled:
        last = scaled[-1]
        targets.append(f"peak memory at {last['name']}: {last['rss'] * 1024 / last['bytes']:.1f} bytes RSS, "
                       f"{last['peak'] / last['bytes']:.1f} bytes of Python objects a byte of input (target < 15)")
    print("targets: " + "; ".join(targets))


if __name__ == "__main__":
    main()
