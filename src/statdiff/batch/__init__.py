"""`statdiff batch`: many pairs compared in one run, locally in processes or on a Dask cluster.

A batch is planned, run and written:

- **planned** (`plan.py`) from a manifest (`plan_manifest`: a CSV whose header row names
  the columns `old`, `new` and optionally `name`, paths relative to the manifest's folder)
  or from a folder of pair folders (`plan_folder`: one sub-folder a pair holding exactly
  its two versions, `old.*` and `new.*`, or two versions told apart by their identity);
- **run** (`pair.py`, `runners.py`) by `run_pair`, which never raises (a pair that fails
  returns its one-line error), in this process (`jobs=1`), in a pool of local processes
  (`--jobs N`) or on an existing Dask cluster (`--scheduler tcp://HOST:PORT`, the optional
  `statdiff[dask]`): every way runs the same tasks and gives the same records;
- **written** (`run.py`) into OUTDIR: a redline a pair as it finishes, then `changes.jsonl`
  (one record a pair, in manifest order) and `index.html` (`render/batch_index.py`).

Only `statdiff.pipeline` is called below this package, as the command line does.
"""

from __future__ import annotations

from statdiff.batch.pair import PairFiles, PairOptions, PairOutcome, PairTask, failed_record, run_pair
from statdiff.batch.plan import Plan, plan_folder, plan_manifest, redline_file_names, safe_stem
from statdiff.batch.run import CHANGES_FILE, INDEX_FILE, BatchResult, run_batch
from statdiff.batch.runners import WORKER_DIED, check_dask, default_jobs

__all__ = [
    "CHANGES_FILE", "INDEX_FILE", "WORKER_DIED", "BatchResult", "PairFiles", "PairOptions", "PairOutcome", "PairTask", "Plan",
    "check_dask", "default_jobs", "failed_record", "plan_folder", "plan_manifest", "redline_file_names", "run_batch",
    "run_pair", "safe_stem",
]
