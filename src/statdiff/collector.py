"""How statdiff runs Python's cyclic garbage collector.

A comparison makes hundreds of thousands of objects (words, nodes, tokens, segments) that
nearly all live until the output is written, and almost none of them are cyclic garbage:
the collector, left at its defaults, walks them again and again as they pile up (its full
passes grow with the heap) and frees next to nothing. So:

* `paused()`: while one stage runs (a text read, a tree built, two trees compared, an output
  rendered: `pipeline.py`), the collector does not run at all. What a stage makes lives as
  long as its result (the lines read, the tree, the comparison) or dies by reference
  counting (a renderer's strings and tokens). No stage leaves objects in reference cycles
  (`tests/test_collector.py`): a whole diff, trees and comparison included, is freed by
  reference counting once dropped; a redline's view, which refers to itself (about 55,000
  objects for the Election Code), is the one thing left to the collector, enabled again
  after the stage. Left running, the collector walked the growing heap again and again: in
  one process at Python's defaults, the Election Code pair spent about 116 ms collecting
  while read, built and compared, and an HTML redline of it 2.4 s.
* `tuned_for_one_run()`: one command of the command line is one run of one process. What
  is alive when it starts (the imported modules) is frozen out of every later pass, and the
  collector runs every 50,000 new objects instead of every 700; both are undone when the
  run ends, so a process that runs many commands (the tests, a notebook) is left as it was
  (what the run made is then old: a later full pass, not the next young one, looks at it).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

ONE_RUN_THRESHOLD = 50_000  # new objects between two young-generation passes during a run


# Inside a run whose stages' results all live until it ends (`tuned_for_one_run(results_kept=True)`)
_results_kept = False


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (the collector is left enabled or not, as it was:
    stages paused inside one another re-enable it once, at the outermost). In a run that
    keeps its stages' results, what the block made is then frozen with them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _results_kept:
            # The stage's result lives until the run ends: no pass walks it again (the first
            # young pass after the block would walk all of it, and each older pass again).
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def tuned_for_one_run(threshold: int = ONE_RUN_THRESHOLD, *, results_kept: bool = False) -> Iterator[None]:
    """The collector tuned for one run of a command: what is alive now is frozen (never
    walked again), the young generation is collected every `threshold` new objects.
    `results_kept`: what each stage makes lives until the run ends (a diff of two texts, not
    a batch of pairs each dropped when written): each stage's objects are frozen as it ends.
    What stays unfrozen is what the code between the stages makes, which is little."""
    global _results_kept
    before, kept_before = gc.get_threshold(), _results_kept
    gc.freeze()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    _results_kept = results_kept
    try:
        yield
    finally:
        _results_kept = kept_before
        # What the run made joins the oldest generation, as what was frozen does: restoring
        # the threshold with the run's objects still young would walk them all at the next
        # allocation (a few milliseconds of every command) to free next to nothing. There a
        # later full pass frees what the run left in cycles (frozen garbage included).
        gc.freeze()
        gc.set_threshold(*before)
        gc.unfreeze()
