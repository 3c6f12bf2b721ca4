"""Behaviour cases: one small file a behaviour, every invariant applied to every case.

A case file (`tests/cases/diff/*.case`) holds comment lines (`#`, what the case shows),
then sections, each opened by a line `--- <name>`:

  --- old       the old text, as a file would hold it (read and built like any input)
  --- new       the new text
  --- changes   the changes expected, one a line, in reading order:
                    <op> <path>: <old text> -> <new text>
                with the texts as JSON strings; <path> is the node's path when both texts
                name it alike, else `<old path> => <new path>` (empty on a side without it);
                ` (from <Public Act>)` follows a change attributed to one
  --- sections  (optional) the status of every section, one a line: `<status> <path>`
                (`(front matter)` for the text before the first section)
  --- mode      (optional) `amendment` or `versions`
  --- one copy  (optional) the text of each run only one copy holds, one a line:
                    only_old <text as a JSON string>
  --- where     (optional) where each change is printed, one a line:
                    <anchor> old <page:line span> new <page:line span>
                (`none` where a side has no span, `-` where the printing shows no page:line)

Besides what a case states, every case keeps every invariant of `conftest.py`: both
texts read losslessly, each against itself has no change, the comparison rebuilds
both texts, shows each node once, numbers its anchors in reading order, is
deterministic, and its HTML redline reads back as the same change list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import (
    assert_comparison_invariants,
    assert_deterministic,
    assert_lossless,
    assert_redline_reads_back,
    assert_unchanged_against_itself,
)
from statdiff import pipeline
from statdiff.model import ONE_COPY_OPS, Change, Comparison, SourceSpan, rebuild
from statdiff.read import read_text

CASES = Path(__file__).resolve().parent / "cases" / "diff"
SECTIONS = ("old", "new", "changes", "sections", "mode", "one copy", "where")


@dataclass
class Case:
    name: str
    parts: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> "Case":
        case = cls(path.stem)
        current: list[str] | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("--- "):
                name = line[4:].strip()
                assert name in SECTIONS and name not in case.parts, f"{path.name}: section {name!r}"
                current = case.parts[name] = []
            elif current is not None:
                current.append(line)
            else:
                assert not line.strip() or line.startswith("#"), f"{path.name}: text before the first section"
        assert {"old", "new", "changes"} <= set(case.parts), f"{path.name}: needs old, new and changes"
        return case

    def text(self, name: str) -> str:
        return "\n".join(self.parts[name]).strip("\n") + "\n"

    def lines(self, name: str) -> list[str] | None:
        if name not in self.parts:
            return None
        return [line.rstrip() for line in self.parts[name] if line.strip() and not line.startswith("#")]


def change_line(change: Change) -> str:
    """A change as a case file writes it."""
    if change.old_path == change.new_path:
        where = change.old_path or ""
    else:
        where = f"{change.old_path or ''} => {change.new_path or ''}".strip()
    line = f"{change.op} {where}: {json.dumps(change.old_text, ensure_ascii=False)} -> " \
           f"{json.dumps(change.new_text, ensure_ascii=False)}"
    return line + (f" (from {change.attributed_to})" if change.attributed_to else "")


def section_lines(comparison: Comparison) -> list[str]:
    return [f"{section.status} {section.path or '(front matter)'}" for section in comparison.sections]


def one_copy_lines(comparison: Comparison) -> list[str]:
    runs = [segment for section in comparison.sections for node in section.nodes for segment in node.segments
            if segment.op in ONE_COPY_OPS]
    return [f"{run.op} {json.dumps(rebuild(run.old or run.new), ensure_ascii=False)}" for run in runs]


def where_lines(comparison: Comparison) -> list[str]:
    def printed(span: SourceSpan | None) -> str:
        return "none" if span is None else str(span)

    return [f"{change.anchor} old {printed(change.old_source)} new {printed(change.new_source)}"
            for change in comparison.changes]


@pytest.fixture(scope="module", params=sorted(CASES.glob("*.case")), ids=lambda path: path.stem)
def case(request) -> tuple[Case, Comparison]:
    case = Case.read(request.param)
    results = {side: read_text(case.text(side), name=f"{case.name}.{side}") for side in ("old", "new")}
    documents = {side: pipeline.build(result) for side, result in results.items()}
    for side in ("old", "new"):
        assert_lossless(documents[side], results[side])
    return case, pipeline.compare(documents["old"], documents["new"])


def test_the_changes_are_the_ones_the_case_states(case):
    case, comparison = case
    assert [change_line(change) for change in comparison.changes] == case.lines("changes")


def test_the_sections_mode_one_copy_text_and_page_lines_are_the_ones_the_case_states(case):
    case, comparison = case
    if case.lines("sections") is not None:
        assert section_lines(comparison) == case.lines("sections")
    if case.lines("mode") is not None:
        assert [comparison.mode] == case.lines("mode")
    if case.lines("one copy") is not None:
        assert one_copy_lines(comparison) == case.lines("one copy")
    if case.lines("where") is not None:
        assert where_lines(comparison) == case.lines("where")


def test_every_invariant_holds(case):
    case, comparison = case
    assert_comparison_invariants(comparison)
    assert_unchanged_against_itself(comparison.old)
    assert_unchanged_against_itself(comparison.new)
    assert_deterministic(comparison.old, comparison.new)
    assert_redline_reads_back(comparison)


def test_there_are_cases():
    assert len(list(CASES.glob("*.case"))) >= 15
