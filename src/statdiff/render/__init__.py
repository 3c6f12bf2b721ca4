"""The render stage: every output format, one module each, behind one protocol.

A renderer reads one kind of subject and returns the text (or, for binary formats, the
bytes) of one output: a redline view (`statdiff.view.RedlineView`: `statdiff diff`,
`statdiff redline`), a document tree (`parse`), a change list (`changes`), the records
of a batch run (`batch`: its index page), an amendment's instructions (`amendment`: `parse`),
a bill as amended (`amended`: `apply`) or a history (`statdiff.view.history.HistoryView`:
`history`). It never
changes what it reads and never reaches back to an earlier stage: no tokenizing, no
matching of text to changes (the view did that). Formats are registered below by name
and by file suffix, as markdown-it-py's `RendererProtocol` and mistune's `renderers/`
do: `renderer("redline", "html")` or `renderer_for_path("redline", "report.html")`
finds the writer, and `output_format` the format of an output file (`-o report.docx`,
`--to csv`, `-o -`), refusing a suffix no format claims. Binary formats (Word, PDF,
Excel) return bytes and say so (`Format.binary`). Renderers are imported only when
asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from statdiff.errors import StatdiffError, display_name

if TYPE_CHECKING:
    from pathlib import PurePath

    from statdiff.render.options import RenderOptions


def __getattr__(name: str) -> Any:
    """`RenderOptions`, imported when first asked for: `statdiff --help` reads the registry
    below (the formats `--to` offers) and nothing else of this stage."""
    if name == "RenderOptions":
        from statdiff.render.options import RenderOptions

        return RenderOptions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

Output = str | bytes


class Renderer(Protocol):
    """One output format of one subject."""

    name: str  # the format's name: "html", "json", "terminal"
    subject: str  # what it renders: "redline", "document", "changes"
    suffixes: tuple[str, ...]  # the file suffixes that select it: (".html", ".htm")

    def render(self, subject: Any, options: RenderOptions) -> Output: ...


class Format(NamedTuple):
    """A registered format: where its renderer lives, and how a user selects it."""

    subject: str
    name: str
    suffixes: tuple[str, ...]
    renderer: str  # "module:Class"
    description: str
    binary: bool = False  # bytes, not text: never written to a terminal

    def load(self) -> Renderer:
        module, _, name = self.renderer.partition(":")
        renderer: Renderer = getattr(importlib.import_module(module), name)()
        return renderer


FORMATS = (
    Format("redline", "terminal", (), "statdiff.render.terminal:TerminalRedline",
           "the changed sections with context, marked {+inserted+} / [-deleted-] without colour"),
    Format("redline", "stat", (), "statdiff.render.terminal:TerminalStat", "changes counted per section"),
    Format("redline", "html", (".html", ".htm"), "statdiff.render.html:HtmlRedline",
           "an annotated, self-contained HTML redline"),
    Format("redline", "docx", (".docx",), "statdiff.render.docx:DocxRedline",
           "Word with tracked changes: accept all for the new text, reject all for the old", binary=True),
    Format("redline", "pdf", (".pdf",), "statdiff.render.pdf:PdfRedline",
           "the HTML redline printed to US Letter by headless Chromium (statdiff[pdf])", binary=True),
    Format("redline", "csv", (".csv",), "statdiff.render.csv_out:CsvChanges",
           "the change list, one row a change (UTF-8 with BOM, RFC 4180)"),
    Format("redline", "xlsx", (".xlsx",), "statdiff.render.csv_out:XlsxChanges",
           "the change list as an Excel workbook (statdiff[xlsx])", binary=True),
    Format("redline", "json", (".json",), "statdiff.render.json_out:JsonRedline", "docs/json-contract.md"),
    Format("redline", "html-fragment", (), "statdiff.render.html:HtmlFragment",
           "a compact redline of the changed paragraphs to embed in a page (a notebook cell)"),
    Format("document", "tree", (), "statdiff.render.tree_view:TreeView", "the section tree"),
    Format("document", "text", (".txt",), "statdiff.render.plain:PlainText",
           "the clean body text, one printed line a line"),
    Format("document", "json", (".json",), "statdiff.render.json_out:JsonDocument", "the tree as JSON"),
    Format("audit", "text", (".txt",), "statdiff.render.audit:AuditText", "every dropped token by rule, with page:line"),
    Format("audit", "json", (".json",), "statdiff.render.audit:AuditJson", "the audit as JSON"),
    Format("changes", "terminal", (), "statdiff.render.terminal:TerminalChanges", "one change a line"),
    Format("changes", "json", (".json",), "statdiff.render.json_out:JsonChanges", "the change list as JSON"),
    Format("batch", "html", (".html", ".htm"), "statdiff.render.batch_index:HtmlBatchIndex",
           "the index of a batch run: a sortable table of its pairs, linking each redline"),
    Format("amendment", "tree", (), "statdiff.render.amended:AmendmentTree",
           "an amendment's tree, then its instructions as edits"),
    Format("amendment", "json", (".json",), "statdiff.render.amended:AmendmentJson",
           "the tree as JSON, with the amendment's target and edits"),
    Format("amended", "text", (".txt",), "statdiff.render.amended:AmendedText", "the bill as amended, one line a line"),
    Format("amended", "provenance", (), "statdiff.render.amended:AmendedProvenance",
           "the bill as amended, each line with where it was printed, new text marked {+...+}"),
    Format("amended", "json", (".json",), "statdiff.render.amended:AmendedJson",
           "the bill as amended, every run of text with where it was printed"),
    Format("history", "terminal", (), "statdiff.render.history:HistoryTerminal",
           "the versions, the redline of the first against the last, the changes that did not last"),
    Format("history", "stat", (), "statdiff.render.history:HistoryStat", "changes counted per section"),
    Format("history", "html", (".html", ".htm"), "statdiff.render.history:HistoryHtml",
           "the timeline redline: a colour and a filter a version"),
    Format("history", "docx", (".docx",), "statdiff.render.history:HistoryDocx",
           "Word with tracked changes, each version their author", binary=True),
    Format("history", "pdf", (".pdf",), "statdiff.render.history:HistoryPdf",
           "the timeline redline printed by headless Chromium (statdiff[pdf])", binary=True),
    Format("history", "csv", (".csv",), "statdiff.render.history:HistoryCsv", "the change list, each with its version"),
    Format("history", "xlsx", (".xlsx",), "statdiff.render.history:HistoryXlsx",
           "the change list as an Excel workbook (statdiff[xlsx])", binary=True),
    Format("history", "json", (".json",), "statdiff.render.history:HistoryJson", "docs/json-contract.md"),
)


def formats(subject: str) -> list[Format]:
    """The formats a subject can be rendered to, in registration order."""
    return [entry for entry in FORMATS if entry.subject == subject]


def format_named(subject: str, name: str) -> Format:
    """The format of `subject` registered as `name`."""
    for entry in formats(subject):
        if entry.name == name:
            return entry
    known = ", ".join(entry.name for entry in formats(subject))
    raise StatdiffError(f"no {name!r} output for a {subject}: choose one of {known}")


def renderer(subject: str, name: str) -> Renderer:
    """The renderer of `subject` registered as `name`."""
    return format_named(subject, name).load()


def _by_suffix(subject: str, path: str | PurePath) -> Format | None:
    from pathlib import PurePath  # here, not at the top: `statdiff --help` reads this registry

    suffix = PurePath(str(path)).suffix.lower()
    return next((entry for entry in formats(subject) if suffix and suffix in entry.suffixes), None)


def renderer_for_path(subject: str, path: str | PurePath, default: str) -> Renderer:
    """The renderer a file name asks for by its suffix (`report.html`), else `default`'s."""
    entry = _by_suffix(subject, path)
    return entry.load() if entry is not None else renderer(subject, default)


STDOUT = "-"  # `-o -`: standard output


def output_format(subject: str, path: str | PurePath, to: str | None = None, default: str = "html") -> Format:
    """The format an output is written in: `to` when given; else, for standard output (`-`),
    `default`; else the one the file's suffix names (`report.docx`). A suffix no format
    of `subject` claims is refused rather than guessed."""
    if to is not None:
        return format_named(subject, to)
    if str(path) == STDOUT:
        return format_named(subject, default)
    entry = _by_suffix(subject, path)
    if entry is None:
        choices = [entry.suffixes[0] for entry in formats(subject) if entry.suffixes]
        listed = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else "".join(choices)
        raise StatdiffError(f"{display_name(path)}: unknown output format; choose {listed}")
    return entry


def render(subject_kind: str, subject: Any, name: str, options: RenderOptions | None = None) -> Output:
    """Render `subject` (a `subject_kind`) to the format `name`."""
    from statdiff.render.options import RenderOptions

    return renderer(subject_kind, name).render(subject, options or RenderOptions())


__all__ = ["FORMATS", "STDOUT", "Format", "Output", "RenderOptions", "Renderer", "format_named", "formats",
           "output_format", "render", "renderer", "renderer_for_path"]
