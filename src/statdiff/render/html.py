"""The annotated HTML redline: one self-contained, deterministic page.

Inserted text is `<ins>` (underlined), deleted text `<del>` (struck through), the
Illinois convention, so meaning never depends on colour. Text only one copy holds,
because the other copy is truncated, is no change: it is shown plain and grey with
a label saying which copy holds it, never underlined or struck. The page opens from
disk, loads nothing from the network, and reads fully with JavaScript off. The
machine-readable attributes are documented at the top of `redline.html.j2`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import PurePath

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from statdiff.annotate import Annotation, annotate, describe
from statdiff.errors import StatdiffError
from statdiff.model import (
    ADD,
    DELETE,
    EQUAL,
    INSERT,
    MOVE,
    ONLY_NEW,
    ONLY_OLD,
    REMOVE,
    RENUMBER,
    REPLACE,
    SOURCE,
    Change,
    Comparison,
    Node,
    NodeComparison,
    SectionComparison,
    Segment,
    SourceSpan,
    count_ops,
)
from statdiff.notes import ReaderNote
from statdiff.render.common import ONLY_OPS, is_cut, one_copy_label, spaced
from statdiff.tokens import rebuild, tokenize

VIEWS = ("inline", "side-by-side")
COLLAPSED_STATUSES = ("unchanged", "not_restated", ONLY_OLD, ONLY_NEW)
ONLY_SECTION_LABELS = {
    ONLY_OLD: "present in the old copy only: the new copy is truncated",
    ONLY_NEW: "present in the new copy only: the old copy is truncated",
}
CUT_SECTION_LABEL = "shared in part: a copy is truncated inside it"
_DEPTH = {
    "document": 0, "article": 0, "bill_section": 0, "section": 0, "citation": 0,
    "source_note": 0, "version_note": 0, "subsection": 1, "definition": 1, "text": 1,
    "paragraph": 2, "subparagraph": 3, "item": 4,
}
_OP_NOUNS = {
    "insert": ("insertion", "insertions"), "delete": ("deletion", "deletions"),
    "replace": ("replacement", "replacements"), "add": ("added node", "added nodes"),
    "remove": ("removed node", "removed nodes"), "move": ("move", "moves"),
    "renumber": ("renumbering", "renumberings"), "source": ("Source note change", "Source note changes"),
}


# ---------------------------------------------------------------- view model


@dataclass
class MarginItem:
    kind: str  # an annotation kind, or "note" for a reader's note
    text: str
    href: str = ""


@dataclass
class Row:
    kind: str
    depth: int
    old_path: str
    new_path: str
    status: str
    inline: Markup
    old: Markup
    new: Markup
    old_at: str
    new_at: str
    margin: list[MarginItem] = field(default_factory=list)


@dataclass
class SectionView:
    anchor: str
    path: str
    label: str
    heading: str
    status: str
    status_label: str
    collapsed: bool
    old_span: str
    new_span: str
    rows: list[Row]
    margin: list[MarginItem]
    unplaced: list[Markup]
    attributed_to: list[str]
    change_count: int
    cut: bool = False  # a copy is truncated inside this section: some of its text is in one copy only


@dataclass
class SummaryRow:
    anchor: str
    op: str
    section: str
    section_anchor: str
    where: str
    phrase: str
    old_at: str
    new_at: str
    attributed_to: str


# ---------------------------------------------------------------- entry point


def render_redline(
    comparison: Comparison,
    view: str = "inline",
    notes: list[ReaderNote] | None = None,
    title: str | None = None,
) -> str:
    """The whole redline page as a string (deterministic: no date, no randomness)."""
    if view not in VIEWS:
        raise StatdiffError(f"unknown view {view!r}: choose inline or side-by-side")
    annotations = annotate(comparison)
    sections = _section_views(comparison, annotations, notes or [])
    section_anchors = {section.path: section.anchor for section in sections}
    changes = comparison.changes
    summary = [_summary_row(change, section_anchors) for change in changes]
    script = _asset("redline.js")
    return _environment().get_template("redline.html.j2").render(
        title=title or _default_title(comparison),
        view=view,
        old=comparison.old,
        new=comparison.new,
        mode=comparison.mode,
        summary=summary,
        op_counts=_op_counts(changes),
        annotation_counts=_annotation_counts(annotations),
        changed_sections=[s for s in sections if not s.collapsed],
        one_copy_lines=_one_copy_lines(sections),
        cut_label=CUT_SECTION_LABEL,
        sections=sections,
        css=Markup(_asset("redline.css")),
        script=Markup(script),
        script_hash=_csp_hash(script),
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("statdiff", "render/templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # File names without their directories: the page must not depend on where it was made.
    environment.filters["basename"] = lambda name: PurePath(str(name)).name or str(name)
    return environment


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = resources.files("statdiff").joinpath("render/templates", name).read_text(encoding="utf-8")
    # An inline asset must not close its own element early.
    return text.replace("</", "<\\/") if name.endswith(".js") else text.replace("</style", "")


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _default_title(comparison: Comparison) -> str:
    return f"Redline: {comparison.old.identity.describe()} → {comparison.new.identity.describe()}"


# ---------------------------------------------------------------- summary


def _summary_row(change: Change, section_anchors: dict[str, str]) -> SummaryRow:
    return SummaryRow(
        anchor=change.anchor,
        op=change.op,
        section=change.section,
        section_anchor=section_anchors.get(change.section, ""),
        where=change.new_path or change.old_path or change.section,
        phrase=describe(change),
        old_at=_source_text(change.old_source),
        new_at=_source_text(change.new_source),
        attributed_to=change.attributed_to or "",
    )


def _op_counts(changes: list[Change]) -> list[str]:
    phrases = []
    for op, count in count_ops(changes).items():
        singular, plural = _OP_NOUNS.get(op, (op, op))
        phrases.append(f"{count} {singular if count == 1 else plural}")
    return phrases


@dataclass
class OneCopyLine:
    """One line of the summary naming the sections a truncated copy leaves to the other."""

    text: str
    sections: list[SectionView]


def _one_copy_lines(sections: list[SectionView]) -> list[OneCopyLine]:
    lines = []
    for status in (ONLY_OLD, ONLY_NEW):
        held = [section for section in sections if section.status == status]
        if held:
            lines.append(OneCopyLine(_as_lead(ONLY_SECTION_LABELS[status]), held))
    cut = [section for section in sections if section.cut]
    if cut:
        lines.append(OneCopyLine(_as_lead(CUT_SECTION_LABEL), cut))
    return lines


def _as_lead(label: str) -> str:
    """`present in the old copy only: the new copy is truncated` becomes
    `Present in the old copy only (the new copy is truncated)`."""
    head, _, reason = label.partition(": ")
    return f"{head[:1].upper()}{head[1:]} ({reason})"


def _annotation_counts(annotations: list[Annotation]) -> list[str]:
    counts: dict[str, int] = {}
    for annotation in annotations:
        counts[annotation.kind] = counts.get(annotation.kind, 0) + 1
    return [f"{count} {kind.replace('_', '-')}" for kind, count in sorted(counts.items())]


# ---------------------------------------------------------------- sections


def _section_views(
    comparison: Comparison,
    annotations: list[Annotation],
    notes: list[ReaderNote],
) -> list[SectionView]:
    used: set[str] = set()
    runs = OneCopyRuns()
    views = []
    for section in comparison.sections:
        anchor = _unique(_slug("sec-" + section.path), used)
        section_annotations = [a for a in annotations if a.section == section.path]
        section_notes = [n for n in notes if n.section == section.path]
        views.append(
            _section_view(section, anchor, section_annotations, section_notes, comparison.mode, runs)
        )
    return views


class OneCopyRuns:
    """Which runs of one-copy text get a visible label, and how it is worded.

    A run is consecutive text that only one copy holds; its first segment in a
    section is labelled (a section that lies wholly in one copy says so in its own
    heading instead). Before any text both copies hold, the other copy *begins
    after* the run; after it, the other copy *stops before* it.
    """

    def __init__(self) -> None:
        self.shared_seen = False
        self.previous: str | None = None

    def start_section(self, status: str) -> None:
        self.previous = status if status in ONLY_OPS else None

    def labels(self, segments: list[Segment]) -> dict[int, OneCopyLabel]:
        """The label of each one-copy segment, by index, and whether it is shown."""
        labels: dict[int, OneCopyLabel] = {}
        for index, seg in enumerate(segments):
            if not (seg.old or seg.new):
                continue
            if seg.op in ONLY_OPS:
                labels[index] = OneCopyLabel(one_copy_label(seg.op, self.shared_seen), seg.op != self.previous)
            else:
                self.shared_seen = True
            self.previous = seg.op
        return labels


@dataclass(frozen=True)
class OneCopyLabel:
    text: str
    shown: bool


def _section_view(
    section: SectionComparison,
    anchor: str,
    annotations: list[Annotation],
    notes: list[ReaderNote],
    mode: str,
    runs: OneCopyRuns,
) -> SectionView:
    placed: set[int] = set()
    runs.start_section(section.status)
    node_comparisons = _node_comparisons(section)
    section_changes = section.changes
    rows = [_row(nc, section_changes, placed, runs) for nc in node_comparisons]
    margin_of_section = _attach_margin(rows, annotations, notes, section.path)
    unplaced = [_unplaced_change(change) for change in section_changes if id(change) not in placed]
    return SectionView(
        anchor=anchor,
        path=section.path,
        label=_section_label(section),
        heading=section.heading or "",
        status=section.status,
        status_label=_status_label(section.status, mode),
        collapsed=section.status in COLLAPSED_STATUSES and not section_changes,
        old_span=_span_text(section.old_source),
        new_span=_span_text(section.new_source),
        rows=rows,
        margin=margin_of_section,
        unplaced=unplaced,
        attributed_to=list(section.attributed_to),
        change_count=len(section_changes),
        cut=is_cut(section),
    )


def _node_comparisons(section: SectionComparison) -> list[NodeComparison]:
    """The section's aligned nodes; for a section the diff did not break down
    (unchanged, not restated), its own nodes as plain text."""
    if section.nodes:
        return section.nodes
    root = section.new or section.old
    if root is None:
        return []
    status = "unchanged" if section.old is not None and section.new is not None else section.status
    return [
        NodeComparison(
            old=node if section.old is not None else None,
            new=node if section.new is not None else None,
            status=status,
        )
        for node in root.walk()
        if node.words
    ]


def _attach_margin(
    rows: list[Row], annotations: list[Annotation], notes: list[ReaderNote], section_path: str
) -> list[MarginItem]:
    """Put each note beside its node's row; what matches no row goes beside the section."""
    by_path: dict[str, Row] = {}
    for row in rows:
        for path in (row.old_path, row.new_path):
            if path:
                by_path.setdefault(path, row)
    section_margin: list[MarginItem] = []
    for annotation in annotations:
        item = MarginItem(annotation.kind, annotation.message, f"#{annotation.change_anchor}" if annotation.change_anchor else "")
        target = by_path.get(annotation.path)
        (target.margin if target else section_margin).append(item)
    for note in notes:
        target = by_path.get(note.path) if note.path != section_path else None
        for text in note.texts:
            (target.margin if target else section_margin).append(MarginItem("note", text))
    return section_margin


def _section_label(section: SectionComparison) -> str:
    node = section.new or section.old
    number = node.meta.get("number") if node is not None else None
    if number:
        return f"Sec. {number}"
    match = re.search(r"/([\w.\-]+)$", section.path)
    if match:
        return f"Sec. {match.group(1)}"
    return section.path or "Front matter"


def _status_label(status: str, mode: str) -> str:
    return {
        "unchanged": "unchanged",
        "not_restated": "not amended by this bill" if mode == "amendment" else "not in the new text",
        ONLY_OLD: ONLY_SECTION_LABELS[ONLY_OLD],
        ONLY_NEW: ONLY_SECTION_LABELS[ONLY_NEW],
        "changed": "amended",
        "added": "added",
        "removed": "removed",
        "moved": "moved",
        "renumbered": "renumbered",
    }.get(status, status.replace("_", " "))


# ---------------------------------------------------------------- rows


def _row(
    nc: NodeComparison, section_changes: list[Change], placed: set[int], runs: OneCopyRuns
) -> Row:
    """`section_changes` are the enclosing section's changes (`SectionComparison.changes`)."""
    node = nc.new or nc.old
    segments = nc.segments or _plain_segments(nc)
    changes = _changes_for(nc, section_changes)
    whole = _whole_node_change(nc, changes)
    pairs = _pair_segments(segments, [c for c in changes + section_changes if c is not whole])
    labels = runs.labels(segments)
    inline = Markup("").join(
        _inline_piece(seg, pairs.get(i), labels.get(i), placed) for i, seg in enumerate(segments)
    )
    if whole is not None:
        placed.add(id(whole))
        inline = _change_element("span", whole, inline, extra_class="whole-node")
    return Row(
        kind=node.kind,
        depth=_DEPTH.get(node.kind, 1),
        old_path=nc.old.path if nc.old is not None else "",
        new_path=nc.new.path if nc.new is not None else "",
        status=nc.status,
        inline=inline,
        old=Markup("").join(_side_piece(seg, "old", labels.get(i)) for i, seg in enumerate(segments)),
        new=Markup("").join(_side_piece(seg, "new", labels.get(i)) for i, seg in enumerate(segments)),
        old_at=_first_position(nc.old),
        new_at=_first_position(nc.new),
    )


def _plain_segments(nc: NodeComparison) -> list[Segment]:
    old = tuple(tokenize(nc.old.words)) if nc.old is not None else ()
    new = tuple(tokenize(nc.new.words)) if nc.new is not None else ()
    if nc.old is not None and nc.new is not None and nc.old.text == nc.new.text:
        return [Segment(EQUAL, old, new)]
    if nc.status in ONLY_OPS:
        # Only one copy has it because the other is truncated: no change.
        return [Segment(nc.status, old, new)]
    if nc.status not in ("added", "removed", "changed"):
        # Only one text has it and that is no change (an amendatory bill does not restate it).
        return [Segment(EQUAL, old, new)]
    segments = []
    if old:
        segments.append(Segment(DELETE, old, ()))
    if new:
        segments.append(Segment(INSERT, (), new))
    return segments


def _changes_for(nc: NodeComparison, section_changes: list[Change]) -> list[Change]:
    if nc.changes:
        return list(nc.changes)
    paths = {node.path for node in (nc.old, nc.new) if node is not None}
    return [c for c in section_changes if (c.new_path in paths) or (c.new_path is None and c.old_path in paths)]


def _whole_node_change(nc: NodeComparison, changes: list[Change]) -> Change | None:
    """An added or removed node is one change covering the node's whole text."""
    for change in changes:
        if change.op in (ADD, REMOVE, SOURCE) or (change.op not in (INSERT, DELETE, REPLACE) and nc.status != "changed"):
            return change
    return None


def _pair_segments(segments: list, changes: list[Change]) -> dict[int, Change]:
    """Each non-equal segment's change: the one its anchor names."""
    by_anchor = {change.anchor: change for change in changes if change.anchor}
    return {
        index: by_anchor[seg.anchor]
        for index, seg in enumerate(segments)
        if seg.op in (INSERT, DELETE, REPLACE) and seg.anchor in by_anchor
    }


def _inline_piece(
    seg, change: Change | None, label: OneCopyLabel | None = None, placed: set[int] | None = None
) -> Markup:
    tokens = seg.new if seg.op in (INSERT, ONLY_NEW) or (seg.op == EQUAL and seg.new) else seg.old
    lead = " " if spaced(seg) else ""
    if seg.op == EQUAL:
        # One side may be empty (a node not restated, a paragraph split differently): show the other.
        return Markup("{}{}").format(lead, rebuild(seg.new or seg.old))
    if seg.op in ONLY_OPS:
        return Markup("{}{}").format(lead, _one_copy_text(seg.op, tokens, label))
    if seg.op == INSERT:
        body = Markup("<ins>{}</ins>").format(rebuild(seg.new))
    elif seg.op == DELETE:
        body = Markup("<del>{}</del>").format(rebuild(seg.old))
    elif seg.op == REPLACE:
        body = Markup("<del>{}</del> <ins>{}</ins>").format(rebuild(seg.old), rebuild(seg.new))
    else:
        raise StatdiffError(f"unknown segment op {seg.op!r}")
    if change is not None and placed is not None and id(change) in placed:
        # A change shown by several runs (a renumber: the citation's and the heading's number)
        # is anchored on the first; the others refer to it.
        body = Markup('<span class="change-part op-{}" data-change="{}">{}</span>').format(
            change.op, change.anchor, body)
    elif change is not None:
        if placed is not None:
            placed.add(id(change))
        body = _change_element("span", change, body)
    return Markup("{}{}").format(lead, body)


def _change_element(tag: str, change: Change, body: Markup, extra_class: str = "") -> Markup:
    attributes = {
        "id": change.anchor,
        "class": f"change op-{change.op} {extra_class}".strip(),
        "data-op": change.op,
        "data-old-path": change.old_path or "",
        "data-new-path": change.new_path or "",
        "data-old-source": _source_attr(change.old_source),
        "data-new-source": _source_attr(change.new_source),
        "data-section": change.section,
        "title": _title(change),
    }
    if change.attributed_to:
        attributes["data-attributed-to"] = change.attributed_to
    if change.op in (SOURCE, MOVE, RENUMBER) or "unplaced" in extra_class:
        # The body shows a description or a part of the text: carry both texts for tools reading the page back.
        attributes["data-old-text"] = change.old_text
        attributes["data-new-text"] = change.new_text
    rendered = Markup(" ").join(Markup('{}="{}"').format(Markup(name), value) for name, value in attributes.items())
    if change.op in (ADD,) and "<ins>" not in body:
        body = Markup("<ins>{}</ins>").format(body)
    elif change.op in (REMOVE,) and "<del>" not in body:
        body = Markup("<del>{}</del>").format(body)
    return Markup("<{} {}>{}</{}>").format(Markup(tag), rendered, body, Markup(tag))


def _title(change: Change) -> str:
    parts = [f"{change.op}"]
    if change.old_source is not None and change.old_source.known:
        parts.append(f"old {change.old_source}")
    if change.new_source is not None and change.new_source.known:
        parts.append(f"new {change.new_source}")
    return ", ".join(parts)


def _source_attr(span: SourceSpan | None) -> str:
    return f"{span.start}-{span.end}" if span is not None and span.known else ""


def _source_text(span: SourceSpan | None) -> str:
    return str(span) if span is not None and span.known else "—"


def _one_copy_text(op: str, tokens, label: OneCopyLabel | None) -> Markup:
    """Text only one copy holds: plain and grey, never `<ins>`/`<del>`, labelled at the start of a run."""
    side = "old" if op == ONLY_OLD else "new"
    label = label or OneCopyLabel(one_copy_label(op), False)
    shown = Markup('<span class="only-label">{}</span> ').format(label.text) if label.shown else Markup("")
    return Markup('<span class="one-copy only-{}" data-only="{}" title="{}">{}{}</span>').format(
        side, side, label.text, shown, rebuild(tokens)
    )


def _side_piece(seg, side: str, label: OneCopyLabel | None = None) -> Markup:
    tokens = seg.old if side == "old" else seg.new
    if not tokens:
        return Markup("")
    lead = " " if tokens[0].space_before else ""
    if seg.op == EQUAL:
        return Markup("{}{}").format(lead, rebuild(tokens))
    if seg.op in ONLY_OPS:
        return Markup("{}{}").format(lead, _one_copy_text(seg.op, tokens, label))
    css = "was-deleted" if side == "old" else "was-inserted"
    return Markup('{}<span class="{}">{}</span>').format(lead, css, rebuild(tokens))


def _unplaced_change(change: Change) -> Markup:
    """A change with no inline text of its own (a Source note, a move) still gets its anchor."""
    text = describe(change)
    return _change_element("span", change, Markup("{}").format(text), extra_class="unplaced")


def _first_position(node: Node | None) -> str:
    if node is None or not node.words:
        return ""
    position = node.words[0].position
    return str(position) if position.known else ""


def _span_text(source: SourceSpan | None) -> str:
    return str(source) if source is not None and source.known else ""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "section"


def _unique(anchor: str, used: set[str]) -> str:
    candidate, number = anchor, 2
    while candidate in used:
        candidate = f"{anchor}-{number}"
        number += 1
    used.add(candidate)
    return candidate
