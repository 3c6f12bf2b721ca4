"""The 315 KB chapter-620 benchmark pair, built by `bench/bench_diff.py`'s own functions:
ILCS chapter 620 and a copy with 28 seeded edits (words inserted, deleted and replaced,
amounts and periods, a subsection, definitions, one Section moved, one renumbered)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_diff.py"


def _bench_diff():
    spec = importlib.util.spec_from_file_location("bench_diff", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def chapter_620_pair(directory: Path) -> tuple[Path, Path]:
    """A.csv (the chapter as stored) and B.csv (with the benchmark's seeded edits) in `directory`."""
    bench = _bench_diff()
    fields, rows = bench.load_rows(None)
    old_rows = [dict(row) for row in rows]
    bench.seed_edits(rows, random.Random(bench.SEED))
    old, new = directory / "A.csv", directory / "B.csv"
    bench.write_csv(old, fields, old_rows)
    bench.write_csv(new, fields, rows)
    return old, new
