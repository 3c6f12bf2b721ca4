"""`build_view`: a `Comparison`, its annotations and the reader's notes, as every output shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from statdiff.model import ONE_COPY_OPS, ONE_COPY_STATUSES, Change, Comparison, Op, SectionComparison, Status
from statdiff.view.labels import (
    CUT_SECTION_LABEL,
    document_text_phrase,
    as_lead,
    op_counts,
    document_text_label,
    one_copy_section_labels,
    section_label,
    status_label,
    unique_anchor,
)
from statdiff.view.layout import Annotations, Layout
from statdiff.view.model import ChangeView, OneCopyLine, RedlineView, SectionView

if TYPE_CHECKING:
    from statdiff.annotate.notes import ReaderNote


def build_view(comparison: Comparison, annotations: Annotations = None,
               notes: list[ReaderNote] | None = None, title: str | None = None,
               warnings: Sequence[str] = ()) -> RedlineView:
    """The redline view of a comparison. `annotations` are its margin notes, or the function
    that finds them (called when an output first reads them); rows are laid out when first read;
    `warnings`, what the comparison warned of, printed at the top of the outputs a person reads."""
    notes = list(notes or [])
    changes = {section: section.changes for section in comparison.sections}  # built on each access: once
    every_change = [change for listed in changes.values() for change in listed]
    change_views: dict[Change, ChangeView] = {}
    views: list[ChangeView] = []
    for number, change in enumerate(every_change, start=1):
        view = ChangeView(change, number, change.place)
        change_views[change] = view
        views.append(view)
    section_changes = {section: [change_views[change] for change in changes[section]] for section in comparison.sections}
    layout = Layout(comparison, section_changes, annotations, notes)
    one_copy_labels = one_copy_section_labels(comparison)
    used: set[str] = set()
    sections = [
        SectionView(
            section=section,
            anchor=unique_anchor("sec-" + section.path, used),
            label=section_label(section) if section.path else document_text_label(comparison, section),
            status_label=one_copy_labels.get(section.status) or status_label(section.status, comparison.mode),
            changes=section_changes[section],
            cut=is_cut(section),
            _layout=layout,
        )
        for section in comparison.sections
    ]
    section_anchors = {section.path: section.anchor for section in sections}  # the last section of a path
    for view in views:
        view.section_anchor = section_anchors.get(view.change.section, "")
    for section_view in sections:
        move = section_view.own_move
        if move is not None:
            move.described = f"{section_view.label} {section_view.move_note}"
        if not section_view.path:
            _name_document_text(section_view)
    return RedlineView(
        comparison=comparison,
        title=title or default_title(comparison),
        sections=sections,
        changes=views,
        notes=notes,
        one_copy_lines=_one_copy_lines(sections, one_copy_labels),
        one_copy_labels=one_copy_labels,
        op_counts=op_counts(every_change),
        _layout=layout,
        warnings=list(warnings),
    )


def _name_document_text(section: SectionView) -> None:
    """A change that adds or removes the documents' own text whole has no path of its own
    (""): it is placed and worded by the unit's label (`Outside any Section`: `added text
    printed outside any Section`), not left blank and `added a node`; a change to one of its
    nodes named by its place or its own label alone (`[1]`, `(B)`) is placed under the unit's
    label (`Front matter [1]`, `Front matter (B)`)."""
    for view in section.changes:
        if view.where[:1] in ("[", "("):  # a node of the documents' own text named by its place alone: `[1]`
            view.where = f"{section.label} {view.where}"
        if view.where:
            continue
        view.where = section.label
        if view.op in (Op.ADD, Op.REMOVE):
            view.described = f"{'added' if view.op == Op.ADD else 'removed'} {document_text_phrase(section.label)}"


def default_title(comparison: Comparison) -> str:
    from statdiff.read.identity import described

    return f"Redline: {described(comparison.old)} → {described(comparison.new)}"


def is_cut(section: SectionComparison) -> bool:
    """A section both copies hold that a truncated copy cuts into: some of its
    nodes or words only one copy holds."""
    if section.status in ONE_COPY_STATUSES:
        return False
    for node in section.nodes:
        if node.status in ONE_COPY_STATUSES:
            return True
        for segment in node.made_segments():  # one not made yet is an unchanged pair's `equal`
            if segment.op in ONE_COPY_OPS:
                return True
    return False


def _one_copy_lines(sections: list[SectionView], labels: dict[Status, str]) -> list[OneCopyLine]:
    lines = []
    for status in (Status.ONLY_OLD, Status.ONLY_NEW):
        held = [section for section in sections if section.status == status]
        if held:
            lines.append(OneCopyLine(as_lead(labels[status]), held))
    cut = [section for section in sections if section.cut]
    if cut:
        lines.append(OneCopyLine(as_lead(CUT_SECTION_LABEL), cut))
    return lines
