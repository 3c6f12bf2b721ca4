"""Which files of `statutes/` hold bill or statute text.

Two kinds of real page hold none: a bill-status page (metadata and a synopsis) and an ILCS
page saying the document is not available. Their file names say so (`_billstatus_`,
`_notavailable_`, see `statutes/fragments/SOURCES.md`); reading one is an error, never an
empty document."""

from __future__ import annotations

from pathlib import Path

NO_TEXT_MARKS = ("_billstatus_", "_notavailable_")


def holds_text(path: Path | str) -> bool:
    return not any(mark in Path(path).name for mark in NO_TEXT_MARKS)
