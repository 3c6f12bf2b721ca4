"""The one way in: read, build, compare, annotate, view, render.

The command line (`cli.py`), the Python API (`api.py`) and any batch run call these
functions and nothing below them:

    document = read_file(path)                        # read + structure: a Document
    comparison = compare_files(old_path, new_path)    # ... + compare: a Comparison
    redline = view(comparison, notes=..., title=...)  # + annotate + view: a RedlineView
    text = render("redline", redline, "html")         # + render: the output's text

`render_comparison` does the last two steps in one; `change_list` is `statdiff
changes` (a bill's own markup, checked against the old law when given). `diff_files`
is `statdiff diff` and `redline`: two files compared, a page-and-line amendment applied
to the bill it names first (`amend/`); `apply_files` is `statdiff apply`, `history` is
`statdiff history` (every version compared with the next, each change credited). A batch run
(`statdiff batch`, `batch.py`) adds `in_version_order` (which of two versions is the
older) and `read_small_text` (its manifest, read as inputs are). Each stage is
imported when first needed, so a command loads only what it uses.
"""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Any, NamedTuple, Sequence, cast

from statdiff import collector
from statdiff.errors import StatdiffError
from statdiff.render import Output, RenderOptions

__all__ = [
    "Diffed", "Output", "RenderOptions", "agreement", "amended_view", "amendment_in", "amendment_of", "amendment_view",
    "annotate", "apply_files", "audit_file", "build", "build_pair", "change_list", "compare", "compare_files", "comparison_json",
    "comparison_warnings", "diff_files", "history", "history_view", "in_version_order", "nothing_fits_warnings",
    "output_format", "read_bytes", "read_changes", "read_file", "read_small_text", "read_string", "reader_notes",
    "render", "render_comparison", "render_to_path", "version_files", "view", "write_comparison",
]

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path  # imported where a path is made: a comparison never makes one

    from statdiff.amend import AmendedBill, Amendment
    from statdiff.amend.timeline import History, VersionText
    from statdiff.annotate.margin import Annotation
    from statdiff.annotate.notes import ReaderNote
    from statdiff.compare.agreement import Disagreement
    from statdiff.read.audit import Audit
    from statdiff.model import Comparison, Document, ReadResult
    from statdiff.render import Format
    from statdiff.view import RedlineView
    from statdiff.view.changes import ChangeListView
    from statdiff.view.amended import AmendedView, AmendmentView
    from statdiff.view.history import HistoryView


# ---------------------------------------------------------------- read + structure


def read_file(path: str | Path, *, format: str | None = None, max_bytes: int | None = None) -> "Document":
    """A file read (the rendering detected unless `format` forces one) and built into a tree."""
    from statdiff.read import read_path

    return build(read_path(path, format=format, max_bytes=max_bytes))


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

    text, result = read_path_and_source(path, format, max_bytes)
    document = build(result)
    return document, audit(audit_source(text, result), document.root.all_words(), result.dropped)


def read_small_text(path: str | Path, *, name: str, limit: int, accepts: str) -> str:
    """A small UTF-8 text file of the user's own (a batch manifest), read as inputs are
    (`read_bounded`: looked up with `stat` first, a device refused, never more than `limit`
    bytes read); `name` starts every message, `accepts` says what the file should be."""
    from statdiff.read.decode import path_text, read_bounded

    data = read_bounded(path_text(path), limit, name, accepts=accepts, limit_hint="")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatdiffError(f"{name}: not UTF-8 text (save it as UTF-8)") from None


def build(result: "ReadResult") -> "Document":
    """The structure stage: a reader's body lines into a Document tree."""
    from statdiff.structure import build_document

    return build_document(result)  # (which runs with the collector paused, as every stage: `collector.paused`)


def build_pair(old: "ReadResult", new: "ReadResult") -> tuple["Document", "Document"]:
    """Two versions built for one comparison, each as `build` builds it: NEW's Sections that
    OLD prints alike are copied from OLD's tree rather than built again (`structure/reuse.py`)."""
    from statdiff.structure import build_pair as build_both

    return build_both(old, new)


# ---------------------------------------------------------------- compare


def compare(old: "Document", new: "Document") -> "Comparison":
    """The compare stage: what changed from OLD to NEW."""
    from statdiff.compare import compare as compare_documents

    with collector.paused():  # see `collector.paused`
        return compare_documents(old, new)


def compare_files(old: str | Path, new: str | Path, *, format: str | None = None,
                  max_bytes: int | None = None) -> "Comparison":
    """Two files read, built and compared (NEW's Sections that OLD prints alike copied from
    OLD's tree: `build_pair`)."""
    from statdiff.read import read_path
    from statdiff.structure import build_like, build_reusable

    old_document, reusable = build_reusable(read_path(old, format=format, max_bytes=max_bytes))
    return compare(old_document, build_like(read_path(new, format=format, max_bytes=max_bytes), reusable))


def in_version_order(first: "Document", second: "Document") -> tuple["Document", "Document"]:
    """Two versions of one text, the older first, by the order versions are made
    (amend/history.py: General Assembly, bill stage, amendments, Public Acts); one line
    why not when either cannot be placed or both read as the same version."""
    from statdiff.amend import order_versions

    older, newer = order_versions([first, second])
    if order_versions([second, first])[0] is not older:  # a stable sort kept each order: a tie
        raise StatdiffError(f"{first.name} and {second.name} read as the same version: neither is older")
    return older, newer


# ---------------------------------------------------------------- page-and-line amendments (amend/)


class Diffed(NamedTuple):
    """What `statdiff diff OLD NEW` compares: the comparison; the warnings to print (what
    could not be checked, a change no instruction explains); and, when NEW is a page-and-line
    amendment to OLD, the bill as amended (the comparison's NEW)."""

    comparison: "Comparison"
    warnings: list[str]
    amended: "AmendedBill | None" = None


def diff_files(old: str | Path, new: str | Path, *, format: str | None = None, max_bytes: int | None = None,
               check_printing: bool = True, second_core: bool = False,
               meanwhile: "Callable[[], object] | None" = None) -> Diffed:
    """Two files compared, as `compare_files` does; but when NEW is a page-and-line amendment
    and OLD a bill (`amend/credit.py`), the amendment is applied to OLD first (refused in one
    line when it is for another bill or, unless `check_printing` is False, another printing)
    and OLD is compared with the bill as amended, each change at the bill's page:line and
    credited to the instruction that made it. `second_core`: NEW may be read and built in a
    second process meanwhile (`second_core.py`: large inputs, a second core; the same outcome);
    then `meanwhile` (what the caller needs next, such as loading its renderer) is done while
    that process finishes, where it costs no time (in one process it is not called)."""
    from statdiff.read import read_path

    old_document = None
    if second_core and _worth_a_second_core(old, new):
        old_result, old_document, new_document = _read_on_two_cores(old, new, format, max_bytes, meanwhile)
        if new_document is not None:
            return _as_texts(compare(old_document, new_document), [])
    else:
        old_result = read_path(old, format=format, max_bytes=max_bytes)
    from statdiff.read.identity import is_amendment

    new_result = read_path(new, format=format, max_bytes=max_bytes)
    if not is_amendment(new_result):  # two texts: the amendment stage is not even imported
        if old_document is None:
            return _as_texts(compare(*build_pair(old_result, new_result)), [])
        return _as_texts(compare(old_document, build(new_result)), [])
    if old_document is None:
        old_document = build(old_result)
    from statdiff.amend import apply_amendments
    from statdiff.amend.credit import amends, page_and_line_amendment

    amendment = page_and_line_amendment(new_result)
    if amendment is None or not amends(old_result, amendment):
        as_texts = [] if amendment is None or is_amendment(old_result) else [
            f"{new_result.name}: a page-and-line amendment to {amendment.target.bill}, but {old_result.name} does not say "
            "it is a printing of a bill: the two texts are compared as they are (statdiff apply applies it)"]
        return _as_texts(compare(old_document, build(new_result)), as_texts)
    amended = apply_amendments(old_result, [amendment], check_printing=check_printing)
    found = _credited(old_document, amended.to_document("bill"), amended)
    return Diffed(found.comparison, list(amended.notes) + found.warnings, amended)


def _worth_a_second_core(old: str | Path, new: str | Path) -> bool:
    from statdiff.second_core import worth_it

    return worth_it(old, new)


def _read_on_two_cores(old: str | Path, new: str | Path, format: str | None, max_bytes: int | None,
                       meanwhile: "Callable[[], object] | None" = None) -> "tuple[ReadResult, Document, Document | None]":
    """OLD read and built, NEW read and built in a child (`second_core.py`): OLD's reading and
    Document, and NEW's Document; None for it when NEW is an amendment or the child could not
    deliver (the caller reads and builds NEW here). An error reading either is raised, OLD's
    first. Who reads OLD (`second_core.child_reads_old`): for an OLD of up to half a megabyte,
    the child, before NEW, while this process imports the stages only it runs (compare, view);
    this process then builds OLD from that reading, and reads nothing. A larger OLD is read here."""
    from statdiff.read import read_path
    from statdiff.second_core import BuiltInChild, child_reads_old

    # What both processes run is imported once, before the fork (the child does not import it
    # again): building a tree; and, where both read, reading a file (its decoding, the detection
    # of its rendering). Where the child alone reads, none of the reading is imported here.
    import statdiff.structure  # noqa: F401

    old_in_child = child_reads_old(old)
    if not old_in_child:
        import statdiff.read.decode  # noqa: F401
        import statdiff.read.detect  # noqa: F401

    def read_old() -> "ReadResult":
        return read_path(old, format=format, max_bytes=max_bytes)

    def build_new() -> "Document | None":
        from statdiff.read.identity import is_amendment

        new_result = read_path(new, format=format, max_bytes=max_bytes)
        if is_amendment(new_result):
            return None
        document = build(new_result)
        document.as_meant  # built now, as the comparison would: a lazy builder cannot be pickled
        return document

    child = BuiltInChild.start(read_old, build_new) if old_in_child else BuiltInChild.start(build_new)
    try:
        old_result = None
        if child is not None and old_in_child:
            _import_the_next_stages()  # while the child reads OLD
            old_result = cast("ReadResult | None", child.result())  # None: the child gave up, read it here
        if old_result is None:
            old_result = read_old()
        old_document = build(old_result)
        if child is not None:
            # while the child finishes (and pickles NEW), the caller's next step is made ready
            _import_the_next_stages()
            if meanwhile is not None:
                meanwhile()
    except BaseException:
        if child is not None:
            child.cancel()
        raise
    return old_result, old_document, cast("Document | None", child.result()) if child is not None else None


def _import_the_next_stages() -> None:
    """The compare and view stages, imported while a child reads (a second import is free)."""
    import statdiff.compare  # noqa: F401
    import statdiff.view  # noqa: F401


def _as_texts(comparison: "Comparison", warnings: list[str]) -> Diffed:
    """Two texts compared, with their warnings (`comparison_warnings`)."""
    return Diffed(comparison, warnings + comparison_warnings(comparison))


def nothing_fits_warnings(*documents: "Document | None") -> list[str]:
    """The warning for each document of Illinois text that no rendering fits well (read as
    prose, its detection not forced)."""
    from statdiff.errors import display_name

    warnings = []
    for document in documents:
        detection = document.detection if document is not None else None
        if document is not None and detection is not None and not detection.fits and not detection.forced:
            best = f"{detection.runner_up} {detection.runner_up_score:.2f}" if detection.runner_up_score else "none"
            warnings.append(f"{display_name(document.name)}: no rendering fits this text well (best: {best});"
                            " read as prose, see statdiff parse --audit")
    return warnings


def document_warnings(document: "Document") -> list[str]:
    """What `statdiff parse` warns of one document, one line each: no rendering fits it
    (`nothing_fits_warnings`); its page prints text outside any Section (`structure/outside.py`);
    it prints a Section more than once with nothing to tell the copies apart (`structure/repeated.py`)."""
    from statdiff.errors import display_name
    from statdiff.structure.outside import outside_note
    from statdiff.structure.repeated import repeated_note

    notes = [note for note in (outside_note(document), repeated_note(document)) if note]
    return nothing_fits_warnings(document) + [f"{display_name(document.name)}: {note}" for note in notes]


def comparison_warnings(comparison: "Comparison") -> list[str]:
    """What a comparison of two texts warns of, one line each:
    - a conference committee report's instructions are not applied (`compare/modes.py`);
    - the texts are not versions of one text: two different bills, two different Acts, a bill
      and an Act it does not amend, no section in common (`compare/kinship.py`);
    - what a compiled Act against an Act's own text set aside as printing (`compare/codification.py`);
    - one Section's page against the whole Act (`compare/excerpts.py`);
    - two words one printing runs together (`compare/runtogether.py`);
    - one text ends just where a node of the other ends and the nodes after it are reported
      removed (`compare/endings.py`);
    - their synopses differ (`compare/synopses.py`: a synopsis is not compared as text);
    - a change is in text a page prints outside any Section (`structure/outside.py`);
    - a change is to a later copy of a Section printed twice with nothing to tell the copies
      apart (`structure/repeated.py`);
    - a change is only a hyphen one text lacks, as a PDF extraction drops one (`compare/hyphens.py`);
    - the comparison stopped short of a search (`comparison.limits`)."""
    from statdiff.compare.codification import codification_note
    from statdiff.compare.endings import trailing_nodes_note
    from statdiff.compare.excerpts import excerpt_note
    from statdiff.compare.hyphens import lost_hyphen_note
    from statdiff.compare.runtogether import run_together_note
    from statdiff.compare.kinship import kinship_note
    from statdiff.compare.modes import conference_report_notes
    from statdiff.compare.synopses import synopsis_note
    from statdiff.structure.outside import changes_outside_note
    from statdiff.structure.repeated import changes_to_repeated_note

    notes = conference_report_notes(comparison)
    notes += [note for note in (kinship_note(comparison), codification_note(comparison), excerpt_note(comparison),
                                run_together_note(comparison), trailing_nodes_note(comparison),
                                synopsis_note(comparison), changes_outside_note(comparison),
                                changes_to_repeated_note(comparison), lost_hyphen_note(comparison)) if note]
    return notes + list(comparison.limits)


def _credited(before: "Document", after: "Document", amended: "AmendedBill | None",
              own: "Amendment | None" = None) -> Diffed:
    """`before` compared with `after`; when `after` is `amended`, each change credited to the
    instruction that made it (`own`'s only, when `amended` took in other amendments before it)."""
    from statdiff.amend.credit import credit_instructions

    comparison = compare(before, after)
    if amended is None:
        return Diffed(comparison, list(comparison.limits))
    return Diffed(comparison, credit_instructions(comparison, amended, own) + comparison.limits, amended)


def apply_files(bill: str | Path, amendments: "Sequence[str | Path]", *, format: str | None = None,
                max_bytes: int | None = None, check_printing: bool = True) -> "AmendedBill":
    """`statdiff apply`: the bill as amended by the page-and-line amendments, in order (each
    word keeping where it was printed); one line, and nothing built, for an instruction that
    does not fit the bill, an amendment for another bill or (unless `check_printing` is False)
    another printing."""
    from statdiff.amend import apply_amendments
    from statdiff.read import read_path

    bill_result = read_path(bill, format=format, max_bytes=max_bytes)
    parsed = [amendment_of(path, format=format, max_bytes=max_bytes) for path in amendments]
    return apply_amendments(bill_result, list(parsed), check_printing=check_printing)


def amendment_of(path: str | Path, *, format: str | None = None, max_bytes: int | None = None) -> "Amendment":
    """A file read as a page-and-line amendment: its target and instructions (`Amendment`);
    `StatdiffError` when it has no `Amend House Bill ...` preamble."""
    from statdiff.amend import parse_amendment
    from statdiff.read import read_path

    return parse_amendment(read_path(path, format=format, max_bytes=max_bytes))


def amendment_in(document: "Document") -> "Amendment | None":
    """`statdiff parse`: the instructions of a document that is an amendment (its identity says
    so and it prints an `Amend House Bill ...` preamble); None for any other text."""
    from statdiff.read.identity import is_amendment

    if not is_amendment(document):
        return None
    from statdiff.amend import parse_amendment

    try:
        return parse_amendment(document)
    except StatdiffError:  # no preamble: an amendment's page of another kind
        return None


def amendment_view(document: "Document", amendment: "Amendment") -> "AmendmentView":
    """What `statdiff parse` shows of an amendment: its tree and its instructions."""
    from statdiff.view.amended import amendment_view as view_of

    return view_of(document, amendment)


def amended_view(amended: "AmendedBill") -> "AmendedView":
    """What `statdiff apply` prints of the bill as amended."""
    from statdiff.view.amended import amended_view as view_of

    return view_of(amended)


def version_files(paths: "Sequence[str | Path]") -> list[Path]:
    """The files of `statdiff history V1 V2 ...`: the paths given, or the files of the one
    folder given (by name; hidden files left out)."""
    from pathlib import Path

    from statdiff.amend.timeline import version_paths

    return version_paths([Path(path) for path in paths])


def history(paths: "Sequence[str | Path]", *, as_given: bool = False, format: str | None = None,
            max_bytes: int | None = None, check_printing: bool = True) -> "History":
    """`statdiff history`: the versions read, put in the order they were made (unless
    `as_given`), each compared with the one before (a page-and-line amendment applied to the
    printing it names, with the amendments adopted before it), and the first compared with the
    last, each of its changes credited to the version that made it (`amend/timeline.py`)."""
    from statdiff.amend.timeline import Version, build_history, order_of, texts_of_versions
    from statdiff.read import read_path

    results = [read_path(path, format=format, max_bytes=max_bytes) for path in version_files(paths)]
    versions = order_of([Version(result, build(result)) for result in results], as_given)
    texts = texts_of_versions(versions, check_printing)
    steps = [_step(texts[index - 1], text) for index, text in enumerate(texts) if index]
    final = compare(texts[0].document, texts[-1].document)
    return build_history(versions, texts, steps, final, "as given" if as_given else "identity")


def _step(before: "VersionText", after: "VersionText") -> Diffed:
    """One step of a history: a version's text against the one before it; a version applied
    by its own instructions has each change credited to one of them."""
    if after.own is None:
        return _credited(before.document, after.document, None)
    return _credited(before.document, after.document, after.amended, after.own)


def history_view(history: "History", *, title: str | None = None) -> "HistoryView":
    """The view every output of a history reads: the first version against the last as a
    redline (each change credited to its version) and the timeline of versions."""
    from statdiff.view import build_view
    from statdiff.view.history import build_history_view, history_title

    def margin_notes() -> list["Annotation"]:  # the version a change is credited to is its label, not a note
        return [note for note in annotate(history.final) if note.kind != "attribution"]

    # its warnings (steps no version explains, printings not checked) atop its pages, as a redline's
    redline = build_view(history.final, margin_notes, None, title or history_title(history), history.warnings)
    return build_history_view(history, redline)


# ---------------------------------------------------------------- annotate + view


def reader_notes(path: str | Path, comparison: "Comparison") -> tuple[list["ReaderNote"], list[str]]:
    """The reader's notes file matched to the nodes of a comparison, and a warning for each
    note that matches no node."""
    from statdiff.annotate.notes import load_notes, match_notes

    return match_notes(load_notes(path), comparison)


def view(comparison: "Comparison", *, notes: list["ReaderNote"] | None = None,
         title: str | None = None, warnings: Sequence[str] | None = None) -> "RedlineView":
    """The annotate and view stages: the comparison with its margin notes, as every output shows it
    (the notes are found when an output first reads them); `warnings`, what the comparison
    warned of (`Diffed.warnings`), which the JSON, HTML, PDF and Word outputs print (None: the
    comparison's own, `nothing_fits_warnings` and `comparison_warnings`)."""
    from statdiff.view import build_view

    if warnings is None:
        warnings = nothing_fits_warnings(comparison.old, comparison.new) + comparison_warnings(comparison)
    with collector.paused():  # see `collector.paused`
        return build_view(comparison, lambda: annotate(comparison), notes, title, warnings)


def annotate(comparison: "Comparison") -> list["Annotation"]:
    """The annotate stage: the margin notes a comparison's changes call for."""
    from statdiff.annotate.margin import annotate as margin_notes

    return margin_notes(comparison)


# ---------------------------------------------------------------- render


def render(subject_kind: str, subject: Any, to: str, options: RenderOptions | None = None) -> Output:
    """The render stage: a redline view, a document or a change list in the format `to`."""
    from statdiff.render import renderer

    with collector.paused():  # see `collector.paused`
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

    with collector.paused():  # see `collector.paused`
        return find_format(subject_kind, path, to, default).load().render(subject, options or RenderOptions())


def render_comparison(comparison: "Comparison", to: str = "terminal", *, notes: list["ReaderNote"] | None = None,
                      title: str | None = None, options: RenderOptions | None = None,
                      warnings: Sequence[str] | None = None) -> Output:
    """Annotate, view and render a comparison in one step (`warnings` as `view` takes them)."""
    return render("redline", view(comparison, notes=notes, title=title, warnings=warnings), to, options)


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
    from pathlib import Path

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
    from statdiff.view.changes import ChangeListView

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
    from pathlib import Path

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
