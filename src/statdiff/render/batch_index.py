"""The index of a batch run (`statdiff batch`, `OUTDIR/index.html`): one self-contained page.

Its subject is what `changes.jsonl` holds, `{"title": ..., "pairs": [record, ...]}` (each
record as `batch.py` writes it: name, old, new, status, error, redline, summary,
changes, annotations), so the index can be made again from `changes.jsonl` alone. The
page is a table of the pairs in manifest order: each pair's status (changed, unchanged,
failed, with the error; the warnings its comparison carries, under its name), its changes
counted by kind (op) and its sections by status, and a link to its redline. It loads nothing from the network and reads fully with
JavaScript off; the script (allowed by its hash only) only makes the column headers
sort the table. Every text is escaped by Jinja2's autoescaping; a redline's file name
is percent-encoded whole, so a link can only name a file beside the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence
from urllib.parse import quote

from markupsafe import Markup

from statdiff.model import Op, Status
from statdiff.render.pages import asset, csp_hash, environment
from statdiff.render.options import RenderOptions

PAIR_STATUSES = ("changed", "unchanged", "failed")
CHANGE_OPS = tuple(op.value for op in Op if op not in (Op.EQUAL, Op.ONLY_OLD, Op.ONLY_NEW))
SECTION_STATUSES = tuple(status.value for status in Status)


@dataclass(frozen=True, slots=True)
class PairRow:
    """One pair of the table. Counts are None for a pair that failed (it has none)."""

    position: int  # 1-based, manifest order
    name: str
    href: str | None
    old: str | None
    new: str | None
    status: str
    changes: int | None
    by_op: tuple[int | None, ...]  # in the order of BatchIndex.ops
    by_section_status: tuple[int | None, ...]  # in the order of BatchIndex.section_statuses
    error: str | None
    warnings: tuple[str, ...] = ()  # what the comparison warned of (`pipeline.comparison_warnings`), one line each


@dataclass(frozen=True, slots=True)
class BatchIndex:
    """What the page shows: the columns that some pair needs, and a row a pair."""

    title: str
    ops: tuple[str, ...]
    section_statuses: tuple[str, ...]
    rows: tuple[PairRow, ...]
    by_status: tuple[tuple[str, int], ...]  # pairs by status, for the summary line
    op_totals: tuple[tuple[str, int], ...]  # changes by op over every pair

    @property
    def warned(self) -> int:
        """How many pairs carry a warning (a reader should read it before the counts)."""
        return sum(1 for row in self.rows if row.warnings)


class HtmlBatchIndex:
    """A batch's records as one HTML page."""

    name = "html"
    subject = "batch"
    suffixes = (".html", ".htm")

    def render(self, batch: Mapping[str, Any], options: RenderOptions) -> str:
        script = asset("batch_index.js")
        return environment().get_template("batch_index.html.j2").render(
            index=batch_index(batch), script=Markup(script), script_hash=csp_hash(script))


def batch_index(batch: Mapping[str, Any]) -> BatchIndex:
    pairs: Sequence[Mapping[str, Any]] = batch["pairs"]
    summaries = [pair.get("summary") or {} for pair in pairs]
    ops = tuple(op for op in CHANGE_OPS if any(summary.get("by_op", {}).get(op) for summary in summaries))
    statuses = tuple(status for status in SECTION_STATUSES
                     if any(summary.get("sections", {}).get(status) for summary in summaries))
    rows = tuple(_row(position, pair, ops, statuses) for position, pair in enumerate(pairs, start=1))
    by_status = tuple((status, sum(1 for row in rows if row.status == status)) for status in PAIR_STATUSES)
    op_totals = tuple((op, sum(row.by_op[column] or 0 for row in rows)) for column, op in enumerate(ops))
    return BatchIndex(str(batch["title"]), ops, statuses, rows, tuple(item for item in by_status if item[1]), op_totals)


def _row(position: int, pair: Mapping[str, Any], ops: tuple[str, ...], statuses: tuple[str, ...]) -> PairRow:
    summary = pair.get("summary")
    redline = pair.get("redline")
    changes: int | None
    by_op: tuple[int | None, ...]
    by_section_status: tuple[int | None, ...]
    if summary is None:
        changes, by_op, by_section_status = None, tuple(None for _ in ops), tuple(None for _ in statuses)
    else:
        changes = int(summary.get("changes", 0))
        by_op = tuple(int(summary.get("by_op", {}).get(op, 0)) for op in ops)
        by_section_status = tuple(int(summary.get("sections", {}).get(status, 0)) for status in statuses)
    return PairRow(
        position=position,
        name=str(pair.get("name")),
        href=quote(str(redline), safe="") if redline else None,
        old=pair.get("old"),
        new=pair.get("new"),
        status=str(pair.get("status")),
        changes=changes,
        by_op=by_op,
        by_section_status=by_section_status,
        error=pair.get("error"),
        warnings=tuple(str(warning) for warning in pair.get("warnings") or ()),
    )
