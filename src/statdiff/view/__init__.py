"""The view stage: what every output shows, built once from a comparison.

`build_view(comparison, annotations, notes, title)` turns a `Comparison` (compare
stage) and its margin notes (annotate stage) into a `RedlineView`: the sections in
reading order with their Act and Article, label, status and page:line spans; in each,
a row per node whose text is a list of runs (equal, inserted, deleted, replaced, or
held by one copy only) each tied to the change it shows, page:line labels and the
notes beside it (`model`, `layout`, and the words printed around the text in
`labels`). `ChangeListView` is the same for `statdiff changes` (`changes`). Every
renderer (HTML, terminal, JSON; Word, PDF and CSV next) reads a view and nothing
earlier: it never tokenizes, matches a run to its change, or words a label itself.
"""

from typing import TYPE_CHECKING, Any

from statdiff.view.build import build_view, default_title, is_cut
from statdiff.view.labels import one_copy_label
from statdiff.view.model import ChangeView, MarginItem, OneCopyLabel, RedlineView, RowView, Run, SectionView

if TYPE_CHECKING:
    from statdiff.view.changes import ChangeListView, disagreement_line

__all__ = [
    "ChangeListView", "ChangeView", "MarginItem", "OneCopyLabel", "RedlineView", "RowView", "Run", "SectionView",
    "build_view", "default_title", "disagreement_line", "is_cut", "one_copy_label",
]

# `statdiff changes`'s view, imported when first asked for (PEP 562): a redline never needs it.
_LAZY = {"ChangeListView": "statdiff.view.changes", "disagreement_line": "statdiff.view.changes"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found once: the next lookup is an ordinary attribute
        return value
    raise AttributeError(f"module 'statdiff.view' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
