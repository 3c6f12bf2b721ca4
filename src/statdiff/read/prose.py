"""Anything that is not legislation: every non-empty line is a body line."""

from __future__ import annotations

from statdiff.model import BodyLine, Identity, ReadResult
from statdiff.read.common import normalize, split_lines


def read(text: str, name: str) -> ReadResult:
    lines = [BodyLine(clean) for clean in (normalize(raw) for raw in split_lines(text)) if clean]
    return ReadResult(lines, "prose", Identity(), None, name)
