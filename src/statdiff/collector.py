"""How statdiff runs Python's cyclic garbage collector.

A comparison makes hundreds of thousands of objects (words, nodes, tokens, segments) that
nearly all live until the output is written, and almost none of them are cyclic garbage:
the collector, left at its defaults, walks them again and again as they pile up (its full
passes grow with the heap) and frees next to nothing. So:

* `paused()`: while one document is built, the collector does not run at all (everything
  the build makes lives as long as the tree).
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


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (the collector is left enabled or not, as it was)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def tuned_for_one_run(threshold: int = ONE_RUN_THRESHOLD) -> Iterator[None]:
    """The collector tuned for one run of a command: what is alive now is frozen (never
    walked again), the young generation is collected every `threshold` new objects."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        # What the run made joins the oldest generation, as what was frozen does: restoring
        # the threshold with the run's objects still young would walk them all at the next
        # allocation (a few milliseconds of every command) to free next to nothing.
        gc.freeze()
        gc.set_threshold(*before)
        gc.unfreeze()
