"""The readers: every Illinois rendering to clean body lines with page:line.

`read_text(text, format=None)` and `read_path(path, format=None)` detect the
rendering (`detect.py`: evidence sampled over the whole text) unless `format`
forces one, and hand back a `ReadResult` whose lines carry no line numbers,
headers, markers, pipes or chrome, with every token left out recorded by the
rule that dropped it (`ReadResult.dropped`, checked by `audit.py`) and the
detection kept (`ReadResult.detection`). A text that reads to no body words is
an error. `RENDERINGS` names what can be forced.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from statdiff import collector
from statdiff.errors import StatdiffError, display_name

if TYPE_CHECKING:  # imported when a text is read: `statdiff formats` loads no model
    from collections.abc import Callable
    from pathlib import Path

    from statdiff.model import ReadResult

RENDERINGS: dict[str, str] = {
    "legisnet": "90th-92nd GA legisnet pages: right-aligned (or collapsed) line numbers, LRB9215491JSpcA, -2- page markers",
    "flat-ftp": "a numbered page flattened to one line (93rd GA ftp, legisnet run together): line numbers inline",
    "numbered": "94th GA onward plain pages: `1 AN ACT` / `3represented`, LRB page headers",
    "pipes": "pipe-table renderings (ftp, beta, fulltext inline pipes, amgoa) of numbered pages",
    "public-act": "Public Act pages: no line numbers, `Public Act 094-0036 | HB1633 Enrolled` header",
    "ilcs": "ILCS Section and whole-Act pages and their mirrors (disclaimer, citation, Sec., Source note)",
    "ilcs-csv": "ILCS flattened one Act per row (statutes.csv `text` column) or per line",
    "pdf-text": "text extracted from a PDF: running headers mid-text, line numbers at line ends",
    "mirror": "third-party mirrors (legiscan) and bill-status pages around an ILGA rendering",
    "html": "an HTML document (ilga.gov page saved as HTML)",
    "prose": "not Illinois legislation (contracts, policies, markdown): headings, numbered clauses, lists, tables",
}


# Each rendering's reader: (module in statdiff.read, function), imported when first used.
_READERS = {
    "numbered": ("numbered", "read"),
    "pipes": ("pipes", "read"),
    "legisnet": ("legisnet", "read"),
    "flat-ftp": ("flat", "read"),
    "public-act": ("publicact", "read"),
    "ilcs": ("compiled", "read_page"),
    "ilcs-csv": ("compiled", "read_flat"),
    "pdf-text": ("pdftext", "read"),
    "mirror": ("mirror", "read"),
    "html": ("html", "read_html"),
    "prose": ("prose", "read"),
}


def _reader(rendering: str) -> Callable[[str, str], ReadResult]:
    """The reader of a rendering, `read(text, name)`, imported when first asked for."""
    module, function = _READERS[rendering]
    reader: Callable[[str, str], ReadResult] = getattr(importlib.import_module(f"statdiff.read.{module}"), function)
    return reader


def read_text(text: str, format: str | None = None, name: str = "<text>") -> ReadResult:
    """Read a text given as a string (line ends and invisible characters normalised as for a file)."""
    from statdiff.read.decode import normalise_text

    return _read_normalised(normalise_text(text), format, name)


def _read_normalised(text: str, format: str | None, name: str) -> ReadResult:
    if format is not None and format not in RENDERINGS:
        known = ", ".join(RENDERINGS)
        raise StatdiffError(f"unknown format {format!r}; known formats: {known}")
    if not text.strip():
        raise StatdiffError(f"{name}: the text is empty")
    with collector.paused():  # the lines, drops and arrays read all live as long as the result
        result = _read_detected(text, format, name)
    _require_body(result)
    return result


def _read_detected(text: str, format: str | None, name: str) -> ReadResult:
    from statdiff.read.detect import detection

    found = detection(text)
    if format is not None and format != found.rendering:
        found.rendering, found.forced = format, True
        found.score = found.scores.get(format, 0.0)
    result = _reader(found.rendering)(text, name)
    if result.detection is None:
        result.detection = found
    return result


def _require_body(result: ReadResult) -> None:
    """A text that reads to no body words is an error, never an empty document that would
    compare as "no changes": say what its words were taken for."""
    if any(line.text for line in result.lines):
        return
    rules: dict[str, int] = {}
    for drop in result.dropped:
        rules[drop.rule] = rules.get(drop.rule, 0) + len(drop.text.split())
    total = sum(rules.values())
    if not total:
        raise StatdiffError(f"{display_name(result.name)}: no bill or statute text found (read as {result.rendering})")
    taken = ", ".join(f"{rule} ({count})" for rule, count in sorted(rules.items(), key=lambda item: -item[1]))
    raise StatdiffError(
        f"{display_name(result.name)}: no bill or statute text found"
        f" (read as {result.rendering}: all {total} words dropped as {taken})"
    )


def read_path(path: Path | str, format: str | None = None, max_bytes: int | None = None) -> ReadResult:
    return read_path_and_source(path, format, max_bytes)[1]


def read_path_and_source(path: Path | str, format: str | None = None,
                         max_bytes: int | None = None) -> tuple[str, ReadResult]:
    """The file's decoded text (what the audit checks against) and its reading; the document
    is named by its path as pathlib writes it (`decode.path_text`: `./a.txt` is `a.txt`)."""
    from statdiff.read.decode import input_name, load_text, path_text

    path = path_text(path)
    text = load_text(path, max_bytes)
    # The document's name is shown (terminal, JSON, redline): one printable line, never raw bytes
    return text, _read_normalised(text, format, input_name(path, limit=None))
