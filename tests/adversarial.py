"""Adversarial inputs for reading: runs of what the readers' patterns look at (blank lines,
spaces, CRLF, NBSPs, digits, pipes, bill ids, parentheses, quotes, unclosed notes and
citations), each made at any size. `tests/test_read_linear.py` checks that reading them takes
linear time; `bench/bench_pathological.py` that each, just under 1 MB, parses in a second."""

from __future__ import annotations


def fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


ADVERSARIAL = {
    "blank lines after a section": lambda n: fill("\n", n, "Section 1. Short title.\n", "x\n"),
    "CRLF blank lines": lambda n: fill("\r\n", n, "Sec. 1. Short title.\r\n", "x"),
    "spaces inside a line": lambda n: fill(" ", n, "1 AN ACT concerning ", "x\n2 more\n"),
    "spaces inside a PDF text line": lambda n: fill(
        " ", n, "File Type:pdf\nPublic Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b AN ACT concerning ",
        " x SB2017 Enrolled - 2 - LRB102 16155 CPF 22006 b y\n",
    ),
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
