"""Grouping: word-level segments folded into the phrases a reader expects.

A delete next to an insert is one replace; two changes separated only by one glue word
("the", "of", "and" ...) or one punctuation mark are one replace (docs/json-contract.md).
"""

from __future__ import annotations

from statdiff.model import Op, Segment, segment_op

# A change separated from the next by one of these (alone) is one phrase.
GLUE_WORDS = frozenset({"the", "of", "a", "an", "and", "or", "to", "in", "for", "by", "as", "at", "on", "its"})


def group_segments(segments: list[Segment]) -> list[Segment]:
    """Fold adjacent deletes and inserts into one replace, and join two changes separated by
    a single glue word or punctuation mark ("the", "of", ",") into one."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.old and not segment.new:
            continue
        if segment.op != Op.EQUAL and merged and merged[-1].op != Op.EQUAL:
            merged[-1] = _joined(merged[-1], segment)
            continue
        if (
            segment.op != Op.EQUAL
            and len(merged) >= 2
            and merged[-1].op == Op.EQUAL
            and merged[-2].op != Op.EQUAL
            and _is_glue(merged[-1])
        ):
            glue = merged.pop()
            merged[-1] = _joined(_joined(merged[-1], glue), segment)
            continue
        merged.append(Segment(segment.op, segment.old, segment.new))
    return merged


def _is_glue(segment: Segment) -> bool:
    if len(segment.old) != 1:
        return False
    text = segment.old[0].text
    return text.lower() in GLUE_WORDS or not any(char.isalnum() for char in text)


def _joined(first: Segment, second: Segment) -> Segment:
    old = first.old + second.old
    new = first.new + second.new
    return Segment(segment_op(old, new), old, new)
