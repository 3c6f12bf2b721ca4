"""Lines a stored copy of an amendment lost, as the likely cause of an instruction it cannot read.

A numbered printing numbers every line of a page, so line numbers that skip (`5` then `7`) are a
line the copy lost: its stored page dropped it (97th GA SB1673 House Amendment 16 lost page 2's
line 6, `following:`, from its sixth instruction, `by replacing page 5, line 20, through page 6,
line 2, with the "..."`). An instruction that cannot be read, and inside which the numbers skip,
says so: the words printed there are lost, which is more likely the cause than its wording.
"""

from __future__ import annotations

from collections.abc import Sequence

from statdiff.model import Position

# (page, the last line printed, the next line printed): the copy lacks the lines between; a
# page's first line printed after 1 is `(page, 0, first)`.
Skip = tuple[int | None, int, int]


def lost_lines(positions: Sequence[Position]) -> list[Skip]:
    """Where the line numbers of the printed words (in reading order) skip; none in a printing
    with no line numbers."""
    printed: list[tuple[int | None, int]] = []
    for position in positions:
        if position.line is None:
            return []
        if not printed or printed[-1] != (position.page, position.line):
            printed.append((position.page, position.line))
    skips: list[Skip] = []
    for (page, line), (next_page, next_line) in zip(printed, printed[1:]):
        if next_page == page and next_line > line + 1:
            skips.append((page, line, next_line))
        elif next_page != page and next_line > 1:
            skips.append((next_page, 0, next_line))
    return skips


def lost_lines_cause(skips: list[Skip]) -> str:
    """What an instruction's problem adds where the copy lost lines inside it; "" for none."""
    if not skips:
        return ""
    lost = []
    for page, line, next_line in skips:
        lines = f"line {line + 1}" if next_line == line + 2 else f"lines {line + 1} to {next_line - 1}"
        skipped = f"from {line} to {next_line}" if line else f"to {next_line} at the page's top"
        lost.append(f"{f'page {page}, ' if page is not None else ''}{lines} (its line numbers go {skipped})")
    return f"; likely because this copy lacks {' and '.join(lost)} inside the instruction: the words printed there are lost"
