"""The redline view: what every output of a comparison shows, ready to print.

A `RedlineView` lists the sections of the two texts in reading order (`SectionView`:
label, heading, status, Act and Article, page:line spans, its changes and margin notes),
each with a row per node (`RowView`: depth, paths, page:line of each copy) holding the
runs of its text (`Run`: equal, inserted, deleted, replaced or one-copy text, each tied
to the change it shows, `ChangeView`): the rows and runs are in `rows.py`, made when an
output that prints rows first reads them. Renderers read these and nothing else: they
never tokenize, never match a run to its change, never decide what a label says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from statdiff.model import (
    ONE_COPY_STATUSES,
    Basis,
    Change,
    Comparison,
    Document,
    Mode,
    Op,
    SectionComparison,
    SourceSpan,
    Status,
)
from statdiff.annotate.margin import RECOVERED_NOTE
from statdiff.view.labels import CHANGE_KINDS, ONLY_SECTION_LABELS, citation_kind, kind_counts

if TYPE_CHECKING:
    from statdiff.annotate.margin import Annotation
    from statdiff.annotate.notes import ReaderNote
    from statdiff.view.layout import Layout
    from statdiff.view.rows import MarginItem, RowView
    from statdiff.view.outline import GroupView, QuietRun


def printed(span: SourceSpan | None) -> str:
    """A span as page:line (`2:21`, `3:13-19`; `line 21` where the text has no pages), ""
    where the printing shows none."""
    return span.cited if span is not None else ""


def printed_full(span: SourceSpan | None) -> str:
    """A span with both ends written out (`2:21-2:21`), "" where the printing shows none."""
    return span.full if span is not None and span.known else ""


@dataclass(slots=True, eq=False)
class ChangeView:
    """One change as the outputs show it: the change itself, its plain phrase, where it is,
    and the anchor of the section that lists it."""

    change: Change
    number: int  # 1, 2, ... in reading order
    where: str  # the path of the node it changes (else its section)
    section_anchor: str = ""  # the id of the last section view with the change's section path
    described: str = ""  # its phrase where the view words it (a Section's move: from where to where)
    steps: tuple[int, ...] = ()  # `statdiff history`: the versions that made it (view/history.py)

    def __repr__(self) -> str:
        return f"<ChangeView {self.number}: {self.change!r}>"

    @property
    def phrase(self) -> str:
        """The change in a few plain words: `inserted “at no charge”`, `Sec. 7-8.01 moved from
        after Sec. 7-8 in Article 7 to after Sec. 17-22 in Article 17`."""
        from statdiff.annotate.phrases import describe

        return self.described or describe(self.change)

    @property
    def anchor(self) -> str:
        return self.change.anchor

    @property
    def op(self) -> Op:
        return self.change.op

    @property
    def old_at(self) -> str:
        return printed(self.change.old_source)

    @property
    def new_at(self) -> str:
        return printed(self.change.new_source)

    @property
    def at(self) -> str:
        """The page:line printed beside the change: where its text is, NEW's (OLD's for
        deleted or removed text, or where NEW prints none)."""
        if self.change.op in (Op.DELETE, Op.REMOVE):
            return self.old_at or self.new_at
        return self.new_at or self.old_at

    @property
    def old_source_full(self) -> str:
        return printed_full(self.change.old_source)

    @property
    def new_source_full(self) -> str:
        return printed_full(self.change.new_source)

    @property
    def attributed_to(self) -> str:
        return self.change.attributed_to or ""

    @property
    def step(self) -> int | None:
        """`statdiff history`: the version that made it (the last, when several made parts of it)."""
        return self.steps[-1] if self.steps else None

    @property
    def mark(self) -> str:
        """How the change's text is marked when shown by a description: `ins` for an added
        node, `del` for a removed one, "" otherwise."""
        return {Op.ADD: "ins", Op.REMOVE: "del"}.get(self.change.op, "")

    @property
    def kind(self) -> str:
        """What kind of change it is, as the redline's filters name it: `insertion`, `deletion`,
        `replacement`, `move` (also a renumbering) or `source` (a Source note)."""
        return CHANGE_KINDS.get(self.change.op, str(self.change.op))

    @property
    def basis(self) -> str:
        """How the change was found where not read off the two texts (`plain-printing`: its
        struck words recovered from a plain printing, to check against the official markup);
        "" otherwise."""
        return str(self.change.basis or "")

    @property
    def basis_note(self) -> str:
        """The words every output prints beside a change found so; "" for any other."""
        return RECOVERED_NOTE if self.change.basis == Basis.PLAIN_PRINTING else ""

    @property
    def carries_texts(self) -> bool:
        """Shown by a description or by part of its text: its element also carries both texts."""
        return self.change.op in (Op.SOURCE, Op.MOVE, Op.RENUMBER)


@dataclass(slots=True, eq=False)
class SectionView:
    """A section of the two texts: what it is, how it compares, its changes and rows."""

    item_kind: ClassVar[str] = "section"  # what an outline item is, for templates: section, group, run
    section: SectionComparison
    anchor: str  # an id unique in the view, from the path (`sec-815-ilcs-530-10`)
    label: str  # `Sec. 10`
    status_label: str  # `amended`
    changes: list[ChangeView]
    cut: bool  # a copy is truncated inside it: some of its text only one copy holds
    _layout: "Layout" = field(repr=False)

    def __repr__(self) -> str:
        return f"<SectionView {self.label} {self.path or '(front matter)'} {self.status}: {len(self.changes)} changes>"

    @property
    def path(self) -> str:
        return self.section.path

    @property
    def heading(self) -> str:
        """`Notice of Breach.`; "" where the section prints none (the comparison then gives
        its label, which the view already shows)."""
        heading = self.section.heading or ""
        node = self.section.new or self.section.old
        return "" if heading in (self.label, node.label if node is not None else None) else heading

    @property
    def status(self) -> Status:
        return self.section.status

    @property
    def moved_out(self) -> int:
        """How many of its nodes moved to another section: the move is that section's change,
        yet this section lost them (it is `changed` with no change of its own)."""
        return sum(1 for node in self.section.nodes if node.status == Status.MOVED and not node.changes)

    @property
    def old_path(self) -> str | None:
        return self.section.old.path if self.section.old is not None else None

    @property
    def new_path(self) -> str | None:
        return self.section.new.path if self.section.new is not None else None

    @property
    def sources(self) -> tuple[SourceSpan | None, SourceSpan | None]:
        """The section's `(old_source, new_source)`; not kept (a large Act's thousands of
        spans would stay alive as long as the view: the JSON writer reads them once a section)."""
        return self.section.sources()

    @property
    def old_source(self) -> SourceSpan | None:
        return self.section.old_source

    @property
    def new_source(self) -> SourceSpan | None:
        return self.section.new_source

    @property
    def old_span(self) -> str:
        return printed(self.section.old_source)

    @property
    def new_span(self) -> str:
        return printed(self.section.new_source)

    @property
    def attributed_to(self) -> list[str]:
        return list(self.section.attributed_to)

    @property
    def collapsed(self) -> bool:
        """Shown folded: nothing changed in it (unchanged, not restated, in one copy only)."""
        return self.section.status in _QUIET and not self.changes

    @property
    def act(self) -> str | None:
        """The Act the section belongs to (`815 ILCS 530`), where the structure stage read one."""
        node = self.section.new or self.section.old
        return (node.meta.act or None) if node is not None else None

    @property
    def article(self) -> str | None:
        """The path of the Article holding the section (NEW's, else OLD's), if any."""
        return self._layout.article_of(self.section)

    @property
    def move_note(self) -> str:
        """Where a moved Section was and is: `moved from after Sec. 5-3 in Article 5 to after
        Sec. 7-9 in Article 7`; "" for a section that did not move."""
        return self._layout.section_move_note(self.section) if self.own_move is not None else ""

    @property
    def own_move(self) -> ChangeView | None:
        """The change that moves the Section itself, if it moved."""
        if self.status != Status.MOVED:
            return None
        return next((view for view in self.changes if view.op == Op.MOVE and view.change.old_path == self.old_path
                     and view.change.new_path == self.new_path), None)

    @property
    def move(self) -> ChangeView | None:
        """The Section's own move when no row shows it: the banner with its `move_note` does."""
        move = self.own_move
        return move if move is not None and move in self._layout.unplaced_of(self.section) else None

    @property
    def rows(self) -> list[RowView]:
        return self._layout.rows_of(self.section)

    @property
    def margin(self) -> list[MarginItem]:
        """Notes on the section as a whole, and those that match none of its rows."""
        return self._layout.margin_of(self.section)

    @property
    def unplaced(self) -> list[ChangeView]:
        """Changes no run or row shows (a renumbered Section): listed below the rows. The
        Section's own move is not among them: its banner shows it."""
        move = self.move
        return [view for view in self._layout.unplaced_of(self.section) if view is not move]


_QUIET = (Status.UNCHANGED, Status.NOT_RESTATED, *ONE_COPY_STATUSES)


@dataclass(slots=True)
class OneCopyLine:
    """A line of the summary naming the sections a truncated copy (or one Section's page) leaves to the other."""

    text: str
    sections: list[SectionView]


@dataclass(slots=True, eq=False)
class RedlineView:
    """A comparison as every output shows it. Its margin notes are found when first read
    (an output that shows none, the terminal's, never pays for them)."""

    comparison: Comparison
    title: str
    sections: list[SectionView]
    changes: list[ChangeView]  # every change in reading order
    notes: list[ReaderNote]
    one_copy_lines: list[OneCopyLine]
    op_counts: list[str]  # `7 insertions`
    _layout: "Layout" = field(repr=False)
    # what the comparison warned of (a copy that may be partial, synopses that differ, a search
    # not made), printed at the top of the HTML, PDF and Word redlines as on stderr
    warnings: list[str] = field(default_factory=list)
    # status -> how a section only one copy holds is labelled (`view.labels.one_copy_section_labels`)
    one_copy_labels: dict[Status, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<RedlineView of {self.comparison!r}>"

    def one_copy_reason(self, status: Status) -> str:
        """Why only one copy holds a section of this status: `the new copy is truncated`, `the
        new copy prints one Section`."""
        return (self.one_copy_labels.get(status) or ONLY_SECTION_LABELS[status]).partition(": ")[2]

    @property
    def annotations(self) -> list[Annotation]:
        """The automatic margin notes, in reading order."""
        return self._layout.annotations

    @property
    def annotation_counts(self) -> list[str]:
        """`2 deadline`, `1 cross-reference`: margin notes counted by kind."""
        return kind_counts([annotation.kind for annotation in self.annotations])

    @property
    def old(self) -> Document:
        return self.comparison.old

    @property
    def old_described(self) -> str:
        """What the outputs call OLD (`read.identity.described`: its file name fills what its text
        does not say)."""
        from statdiff.read.identity import described

        return described(self.comparison.old)

    @property
    def new_described(self) -> str:
        """What the outputs call NEW (`old_described`)."""
        from statdiff.read.identity import described

        return described(self.comparison.new)

    @property
    def new(self) -> Document:
        return self.comparison.new

    @property
    def mode(self) -> Mode:
        return self.comparison.mode

    @property
    def summary(self) -> dict[str, Any]:
        return self.comparison.summary

    @property
    def changed_sections(self) -> list[SectionView]:
        return [section for section in self.sections if not section.collapsed]

    @property
    def cites(self) -> str:
        """What the page:line beside a change is: `page:line of the printing` (a bill, an
        amendment, a Public Act), `the line of the file` (a contract, a policy: lines, no
        pages), or "" where neither text prints either (an ILCS web page: a change is found
        by its path)."""
        return citation_kind(self.comparison.old, self.comparison.new)

    @property
    def outline(self) -> "list[GroupView | SectionView | QuietRun]":
        """The sections as the page shows them: under their Act and Article headings, each run
        of sections (or whole Articles) in which nothing changed folded into one line."""
        return self._layout.outline(self.sections)[1]

    @property
    def contents(self) -> "list[GroupView | SectionView]":
        """The table of contents: the groups and sections that changed, groups holding theirs."""
        from statdiff.view.outline import is_quiet  # loaded with the outline, which the line above builds

        return [member for member in self._layout.outline(self.sections)[0] if not is_quiet(member)]

    @property
    def synopsis(self) -> str:
        """The bill's own synopsis when NEW is a bill ("" otherwise, or when it prints none)."""
        new = self.comparison.new
        return (new.synopsis or "").strip() if new.identity.bill else ""

    @property
    def credited_acts(self) -> list[str]:
        """What changes are credited to, in order of first credit: Public Acts (`P.A. 94-947`), or
        the instructions of an amendment applied (`HB0605 ham001, page 3, line 2`)."""
        return list(dict.fromkeys(view.attributed_to for view in self.changes if view.attributed_to))

    @property
    def credits_public_acts(self) -> bool:
        """Every credit names a Public Act (else the changes are credited to instructions or versions)."""
        return all(credit.startswith("P.A.") for credit in self.credited_acts)

    @property
    def note_kinds(self) -> dict[str, list[str]]:
        """The kinds of margin note (deadline, amount, duty...) explaining each change, by anchor."""
        return self._layout.note_kinds()

    @property
    def change_filters(self) -> list[tuple[str, str, int]]:
        """(kind, name, count) of each kind of change present: the redline's filters."""
        from statdiff.view.labels import CHANGE_KIND_NAMES

        counts: dict[str, int] = {}
        for view in self.changes:
            counts[view.kind] = counts.get(view.kind, 0) + 1
        return [(kind, name, counts[kind]) for kind, name in CHANGE_KIND_NAMES.items() if kind in counts]

    @property
    def note_filters(self) -> list[tuple[str, str, int]]:
        """(kind, name, count of changes) of each kind of margin note that explains a change."""
        from statdiff.view.labels import CREDITED_ELSEWHERE, NOTE_KIND_NAMES

        counts: dict[str, int] = {}
        for kinds in self.note_kinds.values():
            for kind in kinds:
                counts[kind] = counts.get(kind, 0) + 1
        names = dict(NOTE_KIND_NAMES)
        if not self.credits_public_acts:
            names["attribution"] = CREDITED_ELSEWHERE
        return [(kind, name, counts[kind]) for kind, name in names.items() if kind in counts]
