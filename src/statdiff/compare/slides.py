"""Where a section's inserted (deleted) words are placed when the diff may place them in
several places: at the start of a paragraph of the copy that holds them.

A word diff places an insertion between two runs of equal words wherever the words around it
repeat (the classic "slider"). An item inserted into a list that ends `(f) (Blank); and`:

    OLD  (f) (Blank); and (g) ...
    NEW  (f) (Blank); (f-5) "Board" means the Historic Preservation Board; and (g) ...

may be read as `;` inserted after `(Blank)` and `(f-5) ... Board` inserted before the old
`; and`: the insertion straddles the new item's first word, and the redline shows `(f)`
gaining a `;` it always had. Read from the start of NEW's paragraph, the same insertion is
`(f-5) "Board" means the Historic Preservation Board;` in `(f-5)` alone. `slid_to_paragraphs`
moves each insertion (deletion) that may slide to the nearest place where it begins a
paragraph of NEW (OLD), and leaves the others where the diff put them.
"""

from __future__ import annotations

from typing import Callable

from statdiff.compare.words import compared
from statdiff.model import Op, Segment, Token

StartsParagraph = Callable[[int], bool]  # whether a token index of one side's stream begins a node


def slid_to_paragraphs(segments: list[Segment], old_starts: StartsParagraph,
                       new_starts: StartsParagraph) -> list[Segment]:
    """The segments with each insertion (deletion) between two runs of equal words moved to
    where it begins a paragraph of its side, when it may slide there (the same words read)."""
    result = list(segments)
    at = {"old": 0, "new": 0}
    for index, segment in enumerate(result):
        if 0 < index < len(result) - 1 and _slidable(result, index):
            side = "new" if segment.op == Op.INSERT else "old"
            starts = new_starts if side == "new" else old_starts
            shift = _nearest_start(result, index, side, at[side], starts)
            if shift:  # (never past the equal words either side: each keeps one)
                result[index - 1:index + 2] = _slid(result[index - 1], segment, result[index + 1], side, shift)
                at["old"] += shift
                at["new"] += shift
        at["old"] += len(result[index].old)
        at["new"] += len(result[index].new)
    return result


def _slidable(segments: list[Segment], index: int) -> bool:
    segment, before, after = segments[index], segments[index - 1], segments[index + 1]
    one_sided = (segment.op == Op.INSERT and not segment.old) or (segment.op == Op.DELETE and not segment.new)
    return one_sided and segment.printed is None and segment.basis is None and all(
        other.op == Op.EQUAL and other.printed is None and len(other.old) == len(other.new) and other.old
        for other in (before, after))


def _nearest_start(segments: list[Segment], index: int, side: str, cursor: int, starts: StartsParagraph) -> int:
    """How far (tokens, + right, - left) the run at `index` may slide to begin a paragraph of
    its side; 0 when it begins one already, or may slide to none."""
    if starts(cursor):
        return 0
    moving = _side(segments[index], side)
    before, after = _side(segments[index - 1], side), _side(segments[index + 1], side)
    right = [compared(token.text) for token in moving + after]
    left = [compared(token.text) for token in before + moving]
    size = len(moving)
    shifts: list[int] = []
    step = 1
    while step < len(after) and right[step - 1] == right[step - 1 + size]:
        shifts.append(step)
        step += 1
    step = 1
    while step < len(before) and left[len(before) - step] == left[len(before) - step + size]:
        shifts.append(-step)
        step += 1
    found = sorted((shift for shift in shifts if starts(cursor + shift)), key=lambda shift: (abs(shift), shift))
    return found[0] if found else 0


def _slid(before: Segment, segment: Segment, after: Segment, side: str, shift: int) -> list[Segment]:
    """The three segments with the middle run moved `shift` tokens along its side's stream:
    the equal words it passes change sides of it, each side keeping its own tokens."""
    moving = _side(segment, side)
    if shift > 0:
        passed_old, passed_new = after.old[:shift], after.new[:shift]
        if side == "new":
            passed_new = (moving + after.new)[:shift]
            run = (moving + after.new)[shift:shift + len(moving)]
        else:
            passed_old = (moving + after.old)[:shift]
            run = (moving + after.old)[shift:shift + len(moving)]
        before = Segment(Op.EQUAL, before.old + passed_old, before.new + passed_new)
        after = Segment(Op.EQUAL, after.old[shift:], after.new[shift:])
    else:
        back = -shift
        kept_old, kept_new = before.old[:len(before.old) - back], before.new[:len(before.new) - back]
        passed_old, passed_new = before.old[len(before.old) - back:], before.new[len(before.new) - back:]
        if side == "new":
            joined = before.new[len(before.new) - back:] + moving
            run, passed_new = joined[:len(moving)], joined[len(moving):]
        else:
            joined = before.old[len(before.old) - back:] + moving
            run, passed_old = joined[:len(moving)], joined[len(moving):]
        before = Segment(Op.EQUAL, kept_old, kept_new)
        after = Segment(Op.EQUAL, passed_old + after.old, passed_new + after.new)
    middle = Segment(segment.op, () if side == "new" else run, run if side == "new" else ())
    return [before, middle, after]


def _side(segment: Segment, side: str) -> tuple[Token, ...]:
    return segment.new if side == "new" else segment.old
