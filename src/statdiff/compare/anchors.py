"""Anchors: every change is named, and the segments that show it carry its name.

While comparing, a change gets a provisional anchor (`~17`), unique while the comparison
is built, that `linked` puts on the change and on the segments showing it; once the
comparison is complete, `number_anchors` renames them in reading order (`c1`, `c2` ...;
`m1` ... for the changes a bill's markup states).
"""

from __future__ import annotations

import itertools

from statdiff.model import Change, Comparison, Segment

_PROVISIONAL = itertools.count(1)


def linked(change: Change, *segments: Segment) -> Change:
    """Name the change on the segments that show it: a provisional anchor now, which
    `number_anchors` replaces by the final one on both (changes are numbered last)."""
    if not change.anchor:
        change.anchor = f"~{next(_PROVISIONAL)}"
    for segment in segments:
        segment.anchor = change.anchor
    return change


def number_anchors(comparison: Comparison, prefix: str = "c") -> None:
    """Number the changes in reading order (`c1`, `c2`, ...), and rename each segment's
    provisional anchor (unique while the segment lives) to its change's number."""
    final: dict[str, str] = {}
    for number, change in enumerate(comparison.changes, start=1):
        final[change.anchor] = change.anchor = f"{prefix}{number}"
    for section in comparison.sections:
        for node in section.nodes:
            for segment in node.made_segments():  # one not made yet names no change
                if segment.anchor:
                    segment.anchor = final.get(segment.anchor, "")
