"""Reading takes time linear in the input, whatever the input.

Each adversarial input (long runs of blank lines, spaces, CRLF, NBSPs, digits, pipes, bill
ids, parentheses, quotes, unclosed notes and citations...) is built at two sizes, four
times apart, and fed to detection and to every rendering's reader followed by the tree
builder. Linear work grows about 4 times; quadratic work 16 times. The test compares the two
sizes' times in the same run (the best of a few tries, no absolute timing): a ratio over
`BOUND` fails, after one more measurement to rule out a busy machine.
"""

from __future__ import annotations

import time

import pytest

from statdiff.errors import StatdiffError
from statdiff.read import RENDERINGS, read_text
from statdiff.read.detect import detection
from statdiff.structure import build_document

SMALL = 10_000
GROWTH = 4
BOUND = 8.0  # linear: about 4; quadratic: about 16
TRIES = 2


def fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


ADVERSARIAL = {
    "blank lines after a section": lambda n: fill("\n", n, "Section 1. Short title.\n", "x\n"),
    "CRLF blank lines": lambda n: fill("\r\n", n, "Sec. 1. Short title.\r\n", "x"),
    "spaces inside a line": lambda n: fill(" ", n, "1 AN ACT concerning ", "x\n2 more\n"),
    "a bill id and 8,000 spaces, repeated": lambda n: fill("HB1633" + " " * 8000, n, "", "LRB094 07564 RXD 37732 b"),
    "a header's words and spaces, repeated": lambda n: fill("SB2522 Enrolled - 2 - " + " " * 200, n),
    "LRB and spaces": lambda n: fill("LRB094 " + " " * 500, n),
    "NBSP runs": lambda n: fill("\u00a0 ", n, "Sec. 1. x.", " y"),
    "tabs": lambda n: fill("\t", n, "1\t", "x"),
    "digits": lambda n: fill("1234567890", n),
    "numbers alone on lines": lambda n: "".join(f"{index % 30 + 1}\n" for index in range(n // 3)),
    "pipes": lambda n: fill("|", n),
    "numbered cells": lambda n: fill("| 1 | ", n),
    "parentheses": lambda n: fill("(", n),
    "enumerators": lambda n: fill("(a)", n),
    "citations with unclosed from-notes": lambda n: fill("(815 ILCS 530/10) (from Ch. 15 1/2, par. 22. ", n),
    "unclosed citations": lambda n: fill("(815 ILCS 530/", n),
    "unclosed Source notes": lambda n: fill("(Source: P.A. 94-36 ", n),
    "unclosed version notes": lambda n: fill("(Text of Section ", n),
    "quotes": lambda n: fill('"', n),
    "quoted terms": lambda n: fill('"Term" ', n),
    "the same section again and again": lambda n: fill("Section 1. Short title. ", n),
    "dashes": lambda n: fill("- ", n),
}
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
    best = float("inf")
    for _ in range(TRIES):
        start = time.perf_counter()
        _work(text, stage)
        best = min(best, time.perf_counter() - start)
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
        if growth > BOUND:
            growth = min(growth, _growth(small, large, stage))  # once more: the machine may be busy
        if growth > BOUND:
            too_slow[stage] = round(growth, 1)
    assert too_slow == {}, f"{name}: time grows {too_slow} times for {GROWTH} times the input"
