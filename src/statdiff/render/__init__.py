"""The render stage: every output format, one module each, behind one protocol.

A renderer reads one kind of subject and returns the text (or, for binary formats, the
bytes) of one output: a redline view (`statdiff.view.RedlineView`: `statdiff diff`,
`statdiff redline`), a document tree (`parse`), a change list (`changes`), or the records
of a batch run (`batch`: its index page). It never
changes what it reads and never reaches back to an earlier stage: no tokenizing, no
matching of text to changes (the view did that). Formats are registered below by name
and by file suffix, as markdown-it-py's `RendererProtocol` and mistune's `renderers/`
do: `renderer("redline", "html")` or `renderer_for_path("redline", "report.html")`
finds the writer, so `-o report.docx` or `--to csv` will find theirs once a module
for them is listed here. Renderers are imported only when asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Protocol

from statdiff.errors import StatdiffError
from statdiff.render.options import RenderOptions

Output = str | bytes


class Renderer(Protocol):
    """One output format of one subject."""

    name: str  # the format's name: "html", "json", "terminal"
    subject: str  # what it renders: "redline", "document", "changes"
    suffixes: tuple[str, ...]  # the file suffixes that select it: (".html", ".htm")

    def render(self, subject: Any, options: RenderOptions) -> Output: ...


@dataclass(frozen=True, slots=True)
class Format:
    """A registered format: where its renderer lives, and how a user selects it."""

    subject: str
    name: str
    suffixes: tuple[str, ...]
    renderer: str  # "module:Class"
    description: str

    def load(self) -> Renderer:
        module, _, name = self.renderer.partition(":")
        renderer: Renderer = getattr(importlib.import_module(module), name)()
        return renderer


FORMATS = (
    Format("redline", "terminal", (), "statdiff.render.terminal:TerminalRedline",
           "the changed sections with context, marked {+inserted+} / [-deleted-] without colour"),
    Format("redline", "stat", (), "statdiff.render.terminal:TerminalStat", "changes counted per section"),
    Format("redline", "json", (".json",), "statdiff.render.json_out:JsonRedline", "docs/json-contract.md"),
    Format("redline", "html", (".html", ".htm"), "statdiff.render.html:HtmlRedline",
           "an annotated, self-contained HTML redline"),
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
)


def formats(subject: str) -> list[Format]:
    """The formats a subject can be rendered to, in registration order."""
    return [entry for entry in FORMATS if entry.subject == subject]


def renderer(subject: str, name: str) -> Renderer:
    """The renderer of `subject` registered as `name`."""
    for entry in FORMATS:
        if entry.subject == subject and entry.name == name:
            return entry.load()
    known = ", ".join(entry.name for entry in formats(subject))
    raise StatdiffError(f"no {name!r} output for a {subject}: choose one of {known}")


def renderer_for_path(subject: str, path: str | PurePath, default: str) -> Renderer:
    """The renderer a file name asks for by its suffix (`report.html`), else `default`'s."""
    suffix = PurePath(str(path)).suffix.lower()
    for entry in FORMATS:
        if entry.subject == subject and suffix and suffix in entry.suffixes:
            return entry.load()
    return renderer(subject, default)


def render(subject_kind: str, subject: Any, name: str, options: RenderOptions | None = None) -> Output:
    """Render `subject` (a `subject_kind`) to the format `name`."""
    return renderer(subject_kind, name).render(subject, options or RenderOptions())


__all__ = ["FORMATS", "Format", "Output", "RenderOptions", "Renderer", "formats", "render", "renderer",
           "renderer_for_path"]
