"""The view of `statdiff changes`: the changes a bill's markup (or a statdiff redline)
states, and where statdiff's own comparison with the old law disagrees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from statdiff.model import Change, Document

if TYPE_CHECKING:
    from statdiff.compare.agreement import Disagreement


@dataclass(slots=True, eq=False)
class ChangeListView:
    """`document`: the marked-up bill read (None for a statdiff redline read back);
    `disagreements`: None when no old law was given to check against."""

    document: Document | None
    changes: list[Change]
    disagreements: list[Disagreement] | None = None

    @property
    def source(self) -> str:
        """Where the changes come from: "markup" (a bill's underline and strike) or "redline"."""
        return "markup" if self.document is not None else "redline"

    @property
    def described(self) -> str:
        return self.document.identity.describe() if self.document is not None else "statdiff redline"


def disagreement_line(item: Disagreement) -> str:
    """`5 ILCS 1/2 at 2:4: statdiff finds this insertion: “Driver's license”`."""
    from statdiff.annotate.phrases import quote

    where = f" at {item.source.cited}" if item.source and item.source.known else ""
    return f"{item.path}{where}: {item.detail}: {quote(item.text, limit=None)}"
