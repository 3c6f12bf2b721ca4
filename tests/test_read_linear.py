"""Reading takes time linear in the input, whatever the input.

Each adversarial input (long runs of blank lines, spaces, CRLF, NBSPs, digits, pipes, bill
ids, parentheses, quotes, unclosed notes and citations...) is built at two sizes, four
times apart, and fed to detection and to every rendering's reader followed by the tree
builder. Linear work grows about 4 times; quadratic work 16 times. The test compares the two
sizes' CPU times in the same run (the best of a few tries, no absolute timing; CPU time of
this process, so that other processes on a busy machine do not count): a ratio over
`BOUND` in each of `ROUNDS` measurements fails.
"""

from __future__ import annotations

import gc
import time

import pytest

from statdiff.errors import StatdiffError
from statdiff.read import RENDERINGS, read_text
from statdiff.read.detect import detection
from statdiff.structure import build_document
from tests.adversarial import ADVERSARIAL

SMALL = 20_000
GROWTH = 4
BOUND = 8.0  # linear: about 4; quadratic: about 16
TRIES = 3
ROUNDS = 3  # quadratic work exceeds the bound every round; noise rarely does three times


STAGES = ["detection"] + [name for name in RENDERINGS if name != "html"]


def _work(text: str, stage: str) -> None:
    try:
        if stage == "detection":
            detection(text)
        else:
            build_document(read_text(text, format=stage))
    except StatdiffError:
        pass  # a text that reads to nothing: the time to say so counts all the same


def _best(text: str, stage: str) -> float:
    """The least CPU time of a few runs, the garbage collector held off: a full collection
    walks every object the test session holds, which has nothing to do with this input."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(TRIES):
            start = time.process_time()
            _work(text, stage)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return max(best, 1e-4)


def _growth(small: str, large: str, stage: str) -> float:
    return _best(large, stage) / _best(small, stage)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_every_reader_detection_and_the_tree_builder_take_linear_time(name):
    make = ADVERSARIAL[name]
    small, large = make(SMALL), make(SMALL * GROWTH)
    too_slow = {}
    for stage in STAGES:
        growth = _growth(small, large, stage)
        for _ in range(ROUNDS - 1):  # again: a busy machine's caches may have disturbed a round
            if growth <= BOUND:
                break
            growth = min(growth, _growth(small, large, stage))
        if growth > BOUND:
            too_slow[stage] = round(growth, 1)
    assert too_slow == {}, f"{name}: time grows {too_slow} times for {GROWTH} times the input"
