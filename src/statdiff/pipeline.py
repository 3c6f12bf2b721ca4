"""The one way in: read, build, compare, annotate, view, render.

The command line (`cli.py`), the Python API (`api.py`) and any batch run call these
functions and nothing below them:

    document = read_file(path)                        # read + structure: a Document
    comparison = compare_files(old_path, new_path)    # ... + compare: a Comparison
    redline = view(comparison, notes=..., title=...)  # + annotate + view: a RedlineView
    text = render("redline", redline, "html")         # + render: the output's text

`render_comparison` does the last two steps in one; `change_list` is `statdiff
changes` (a bill's own markup, checked against the old law when given). A batch run
(`statdiff batch`, `batch.py`) adds `in_version_order` (which of two versions is the
older) and `read_small_text` (its manifest, read as inputs are). Each stage is
imported when first needed, so a command loads only what it uses.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statdiff.errors import StatdiffError
from statdiff.render import Output, RenderOptions

__all__ = [
    "Output", "RenderOptions", "agreement", "annotate", "audit_file", "build", "change_list", "compare", "compare_files",
    "comparison_json", "in_version_order", "output_format", "read_bytes", "read_changes", "read_file",
    "read_small_text", "read_string", "reader_notes", "render", "render_comparison", "render_to_path", "view",
    "write_comparison",
]

if TYPE_CHECKING:
    from statdiff.annotate.margin import Annotation
    from statdiff.annotate.notes import ReaderNote
    from statdiff.compare.agreement import Disagreement
    from statdiff.read.audit import Audit
    from statdiff.model import Comparison, Document, ReadResult
    from statdiff.render import Format
    from statdiff.view import ChangeListView, RedlineView


# ---------------------------------------------------------------- read + structure


def read_file(path: str | Path, *, format: str | None = None, max_bytes: int | None = None) -> "Document":
    """A file read (the rendering detected unless `format` forces one) and built into a tree."""
    from statdiff.read import read_path

    return build(read_path(Path(path), format=format, max_bytes=max_bytes))


def read_string(text: str, *, format: str | None = None, name: str = "<text>") -> "Document":
    """A text given as a string, read and built into a tree."""
    from statdiff.read import read_text

    return build(read_text(text, format=format, name=name))


def read_bytes(data: bytes, *, format: str | None = None, name: str = "<bytes>") -> "Document":
    """A file's contents given as bytes, decoded exactly as a file is, read and built into a tree."""
    from statdiff.read.decode import decode_bytes

    return read_string(decode_bytes(data, name), format=format, name=name)


def audit_file(path: str | Path, *, format: str | None = None, max_bytes: int | None = None) -> tuple["Document", "Audit"]:
    """A file read and built, and its reading audited against the file's own text (an HTML
    page against the text a browser shows, a statutes CSV against its `text` cells)."""
    from statdiff.read import read_path_and_source
    from statdiff.read.audit import audit, audit_source

    text, result = read_path_and_source(Path(path), format, max_bytes)
    document = build(result)
    return document, audit(audit_source(text, result), document.root.all_words(), result.dropped)


def read_small_text(path: str | Path, *, name: str, limit: int, accepts: str) -> str:
    """A small UTF-8 text file of the user's own (a batch manifest), read as inputs are
    (`read_bounded`: looked up with `stat` first, a device refused, never more than `limit`
    bytes read); `name` starts every message, `accepts` says what the file should be."""
    from statdiff.read.decode import read_bounded

    data = read_bounded(Path(path), limit, name, accepts=accepts, limit_hint="")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatdiffError(f"{name}: not UTF-8 text (save it as UTF-8)") from None


def build(result: "ReadResult") -> "Document":
    """The structure stage: a reader's body lines into a Document tree."""
    from statdiff.structure import build_document

    return build_document(result)


# ---------------------------------------------------------------- compare


def compare(old: "Document", new: "Document") -> "Comparison":
    """The compare stage: what changed from OLD to NEW."""
    from statdiff.compare import compare as compare_documents

    return compare_documents(old, new)


def compare_files(old: str | Path, new: str | Path, *, format: str | None = None,
                  max_bytes: int | None = None) -> "Comparison":
    """Two files read, built and compared."""
    return compare(read_file(old, format=format, max_bytes=max_bytes), read_file(new, format=format, max_bytes=max_bytes))


def in_version_order(first: "Document", second: "Document") -> tuple["Document", "Document"]:
    """Two versions of one text, the older first, by the order versions are made
    (amend/history.py: General Assembly, bill stage, amendments, Public Acts); one line
    why not when either cannot be placed or both read as the same version."""
    from statdiff.amend import order_versions

    older, newer = order_versions([first, second])
    if order_versions([second, first])[0] is not older:  # a stable sort kept each order: a tie
        raise StatdiffError(f"{first.name} and {second.name} read as the same version: neither is older")
    return older, newer


# ---------------------------------------------------------------- annotate + view


def reader_notes(path: str | Path, comparison: "Comparison") -> tuple[list["ReaderNote"], list[str]]:
    """The reader's notes file matched to the nodes of a comparison, and a warning for each
    note that matches no node."""
    from statdiff.annotate.notes import load_notes, match_notes

    return match_notes(load_notes(Path(path)), comparison)


def view(comparison: "Comparison", *, notes: list["ReaderNote"] | None = None,
         title: str | None = None) -> "RedlineView":
    """The annotate and view stages: the comparison with its margin notes, as every output shows it
    (the notes are found when an output first reads them)."""
    from statdiff.view import build_view

    return build_view(comparison, lambda: annotate(comparison), notes, title)


def annotate(comparison: "Comparison") -> list["Annotation"]:
    """The annotate stage: the margin notes a comparison's changes call for."""
    from statdiff.annotate.margin import annotate as margin_notes

    return margin_notes(comparison)


# ---------------------------------------------------------------- render


def render(subject_kind: str, subject: Any, to: str, options: RenderOptions | None = None) -> Output:
    """The render stage: a redline view, a document or a change list in the format `to`."""
    from statdiff.render import renderer

    return renderer(subject_kind, to).render(subject, options or RenderOptions())


def output_format(subject_kind: str, path: str | Path, to: str | None = None, default: str = "html") -> "Format":
    """The format an output is written in (`to`, else the output file's suffix, `default` for
    standard output `-`), checked before any work: an unknown suffix is refused, and a format
    that needs an optional dependency (PDF: Playwright and Chromium) says so now."""
    from statdiff.render import output_format as find_format

    entry = find_format(subject_kind, path, to, default)
    check = getattr(entry.load(), "check_ready", None)
    if check is not None:
        check()
    return entry


def render_to_path(subject_kind: str, subject: Any, path: str | Path, *, to: str | None = None,
                   default: str = "html", options: RenderOptions | None = None) -> Output:
    """Render in the format of the output `path` (see `output_format`): text or, for a
    binary format (Word, PDF, Excel), bytes."""
    from statdiff.render import output_format as find_format

    return find_format(subject_kind, path, to, default).load().render(subject, options or RenderOptions())


def render_comparison(comparison: "Comparison", to: str = "terminal", *, notes: list["ReaderNote"] | None = None,
                      title: str | None = None, options: RenderOptions | None = None) -> Output:
    """Annotate, view and render a comparison in one step."""
    return render("redline", view(comparison, notes=notes, title=title), to, options)


def comparison_json(comparison: "Comparison") -> dict[str, Any]:
    """The JSON contract of a comparison (docs/json-contract.md) as a dict: what
    `statdiff diff --json` prints."""
    from statdiff.render.json_out import redline_to_json

    return redline_to_json(view(comparison))


def write_comparison(comparison: "Comparison", path: "str | os.PathLike[str]", *,
                     notes: "str | os.PathLike[str] | None" = None, title: str | None = None,
                     options: RenderOptions | None = None) -> Path:
    """Write a comparison's redline to `path` in the registered format its suffix names
    (`.html`, `.json`, ...), atomically and never over one of the compared files; the
    reader's `notes` file, if given, goes in the margin (a note that matches no node is a
    `UserWarning`). Returns the path written."""
    from statdiff.outputs import check_output_path, write_atomically
    from statdiff.render import formats

    target = Path(os.fspath(path))
    suffix = target.suffix.lower()
    chosen = next((entry for entry in formats("redline") if suffix and suffix in entry.suffixes), None)
    if chosen is None:
        known = ", ".join(suffix for entry in formats("redline") for suffix in entry.suffixes)
        raise StatdiffError(f"{target}: no output format for the suffix {suffix or '(none)'!r}: "
                            f"name the file with one of {known}")
    inputs = [Path(document.name) for document in (comparison.old, comparison.new) if Path(document.name).is_file()]
    if notes is not None:
        inputs.append(Path(os.fspath(notes)))
    check_output_path(target, inputs)
    matched: list[ReaderNote] = []
    if notes is not None:
        matched, unmatched = reader_notes(os.fspath(notes), comparison)
        for warning in unmatched:
            warnings.warn(warning, UserWarning, stacklevel=3)
    redline = view(comparison, notes=matched, title=title)
    write_atomically(target, chosen.load().render(redline, options or RenderOptions()), inputs=inputs)
    return target


# ---------------------------------------------------------------- statdiff changes


def change_list(bill: str | Path, *, old: str | Path | None = None, format: str | None = None,
                max_bytes: int | None = None) -> "ChangeListView":
    """The changes a bill's own underline/strike markup prints (or a statdiff redline
    lists), checked against the old law `old` when it is given."""
    from statdiff.view import ChangeListView

    document, markup, changes = read_changes(bill, max_bytes=max_bytes, format=format)
    disagreements = None
    if old is not None:
        disagreements = agreement(markup, read_file(old, format=format, max_bytes=max_bytes), str(bill))
    return ChangeListView(document, changes, disagreements)


def read_changes(path: str | Path, max_bytes: int | None = None,
                 format: str | None = None) -> tuple["Document | None", "Comparison | None", list]:
    """(document, comparison, changes) of a file: a statdiff redline gives its own change
    list (document and comparison are None); any other page is read with its markup
    (`format` forces the rendering) and its changes come from the markup."""
    from statdiff.compare.markup import changes_from_markup
    from statdiff.read import read_text
    from statdiff.read.decode import load_text
    from statdiff.read.detect import detect
    from statdiff.read.html import is_statdiff_redline, parse_html, read_parsed_html
    from statdiff.read.redline import redline_changes

    path = Path(path)
    text = load_text(path, max_bytes)
    if (format or detect(text)) == "html":
        root = parse_html(text, str(path))
        if is_statdiff_redline(root):
            return None, None, redline_changes(root, str(path))
        result = read_parsed_html(root, str(path))
    else:
        result = read_text(text, format=format, name=str(path))
    document = build(result)
    comparison = changes_from_markup(document, result)
    return document, comparison, comparison.changes


def agreement(markup: "Comparison | None", old_law: "Document", name: str = "the bill") -> list["Disagreement"]:
    """Compare OLD with the bill's new text (struck text dropped) and check the result
    against the markup."""
    from statdiff.compare.agreement import check_against

    if markup is None:
        raise StatdiffError(f"{name}: --old needs a marked-up bill, not a statdiff redline")
    return check_against(markup, compare(old_law, markup.new))
