"""One pair of a batch: the task a worker is given, and what it sends back.

`run_pair` runs in a worker (this process, a local process or a Dask worker): it reads
and compares the pair through `statdiff.pipeline`, renders its redline, and returns the
pair's record (a line of `changes.jsonl`) and the redline's HTML; it never raises, so a
pair that fails returns its one-line error instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from statdiff import pipeline
from statdiff.errors import StatdiffError, display_name, failure_message
from statdiff.pipeline import RenderOptions

if TYPE_CHECKING:
    from statdiff.model import Comparison


@dataclass(frozen=True, slots=True)
class PairOptions:
    """What every pair of a batch is compared with (the command's options)."""

    format: str | None = None
    max_bytes: int | None = None
    view: str = "inline"


@dataclass(frozen=True, slots=True)
class PairFiles:
    """The two files of a pair. `first` and `second` are the paths as the manifest (or the
    folder) gives them, relative to its folder; `first_path` and `second_path` what a worker
    opens (absolute, so that a worker finds them whatever its current directory). With
    `by_version`, the worker decides which of the two is the old version; otherwise `first`
    is OLD and `second` NEW. A `problem` is why the row cannot be a pair at all: the pair
    fails with it, no file is read."""

    first: str | None
    second: str | None
    first_path: str = ""
    second_path: str = ""
    by_version: bool = False
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class PairTask:
    """One pair, everything a worker needs (picklable: it travels to processes and Dask workers)."""

    index: int  # its place in the manifest, from 0
    name: str
    redline: str  # the redline's file name in OUTDIR
    files: PairFiles
    options: PairOptions = PairOptions()


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What a worker sends back: the pair's record (a line of changes.jsonl) and its redline."""

    record: dict[str, Any]
    redline_html: str | None = None


def run_pair(task: PairTask) -> PairOutcome:
    """Compare one pair: its record and its redline, or its one-line error. Never raises, so
    that a bad pair never stops a batch (a resource limit or a bug included)."""
    if task.files.problem is not None:
        return PairOutcome(failed_record(task, task.files.problem))
    try:
        return _compare(task)
    except Exception as error:  # noqa: BLE001 - the pair's one line, as the command line would print it
        return PairOutcome(failed_record(task, failure_message(error)))


def _compare(task: PairTask) -> PairOutcome:
    options, files = task.options, task.files
    first = pipeline.read_file(files.first_path, format=options.format, max_bytes=options.max_bytes)
    second = pipeline.read_file(files.second_path, format=options.format, max_bytes=options.max_bytes)
    old, new = files.first, files.second
    if files.by_version:
        try:
            older, _ = pipeline.in_version_order(first, second)
        except StatdiffError as error:
            raise StatdiffError(
                f"{display_name(task.name)}: cannot tell which file is the old version ({error});"
                " name them old.* and new.*") from None
        if older is second:
            first, second, old, new = second, first, new, old
    comparison = pipeline.compare(first, second)
    redline = pipeline.view(comparison)  # with the comparison's warnings, as `statdiff diff` prints them on stderr
    contract = json.loads(pipeline.render("redline", redline, "json"))
    html = pipeline.render("redline", redline, "html", RenderOptions(view=options.view))
    return PairOutcome(_record(task, old, new, comparison, contract), text_of(html))


def _record(task: PairTask, old: str | None, new: str | None, comparison: "Comparison",
            contract: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": task.name,
        "old": old,
        "new": new,
        "status": "changed" if comparison.changes else "unchanged",
        "error": None,
        "redline": task.redline,
        "summary": contract["summary"],
        "changes": contract["changes"],
        "annotations": contract["annotations"],
        "warnings": [" ".join(warning.split()) for warning in contract["warnings"]],  # each one line
    }


def failed_record(task: PairTask, error: str) -> dict[str, Any]:
    """The record of a pair that could not be compared: its error, nothing else."""
    return {
        "name": task.name,
        "old": None if task.files.by_version else task.files.first,
        "new": None if task.files.by_version else task.files.second,
        "status": "failed",
        "error": " ".join(error.split()),  # one line
        "redline": None,
        "summary": None,
        "changes": None,
        "annotations": None,
        "warnings": None,
    }


def text_of(output: str | bytes) -> str:
    """A renderer's output as text (the HTML renderers give text)."""
    return output if isinstance(output, str) else output.decode("utf-8")
