"""The view stage: what every output shows, built once from a comparison.

`build_view(comparison, annotations, notes, title)` turns a `Comparison` (compare
stage) and its margin notes (annotate stage) into a `RedlineView`: the sections in
reading order with their Act and Article, label, status and page:line spans; in each,
a row per node whose text is a list of runs (equal, inserted, deleted, replaced, or
held by one copy only) each tied to the change it shows, page:line labels and the
notes beside it (`model`, `rows`, `layout`, and the words printed around the text in
`labels`). `ChangeListView` is the same for `statdiff changes` (`changes`, imported from
there: a redline never loads it). Every renderer (HTML, terminal, JSON; Word, PDF and CSV
next) reads a view and nothing earlier: it never tokenizes, matches a run to its change,
or words a label itself.
"""

from typing import TYPE_CHECKING, Any

from statdiff.view.build import build_view, default_title, is_cut
from statdiff.view.labels import one_copy_label
from statdiff.view.model import ChangeView, RedlineView, SectionView

if TYPE_CHECKING:
    from statdiff.view.rows import MarginItem, OneCopyLabel, RowView, Run

__all__ = [
    "ChangeView", "MarginItem", "OneCopyLabel", "RedlineView", "RowView", "Run", "SectionView",
    "build_view", "default_title", "is_cut", "one_copy_label",
]


def __getattr__(name: str) -> Any:
    """A section's rows and runs (`rows.py`), imported when first asked for: the outputs that
    print rows ask, and the JSON, which prints none, does not."""
    if name in ("MarginItem", "OneCopyLabel", "RowView", "Run"):
        from statdiff.view import rows

        return getattr(rows, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
