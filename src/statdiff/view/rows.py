"""The rows of a section in the redline view: `RowView` (a node, or an OLD node beside its
NEW node) and the runs of its text (`Run`, its one-copy label `OneCopyLabel`), with the notes
beside it (`MarginItem`). Made by `layout.Layout` when a section's rows are first read: the
outputs that print rows (terminal, HTML, Word, PDF) import this module, and those that print
only the sections' facts (JSON, `--stat`) never do."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from statdiff.model import Basis, NodeComparison, Op, Segment, Side, SourceSpan, Status, Token
from statdiff.view.words import between_sides

if TYPE_CHECKING:
    from statdiff.view.layout import Layout
    from statdiff.view.model import ChangeView


@dataclass(frozen=True, slots=True)
class OneCopyLabel:
    """The label of text only one copy holds: its wording, whether it is printed (the
    first run of one-copy text in a section shows it; the rest carry it as a tooltip), and
    whether text both copies hold comes before it in reading order (the other copy stops
    before it) or not (the other copy begins after it): every output words it so. A copy's
    last (first) word cut short is no text of its own but where it stops (begins): its
    label says so, and names the whole word."""

    text: str
    shown: bool
    after_shared: bool = True
    cut_word: bool = False  # a copy's edge word cut short (`labels.cut_word_label`): worded alike everywhere


@dataclass(slots=True, eq=False)
class Run:
    """A run of a node's text: one segment of the redline, tied to the change it shows."""

    segment: Segment
    change: ChangeView | None = None  # the change an insert / delete / replace run shows
    anchored: bool = True  # the change's anchor is on this run (False: another run of it came first)
    label: OneCopyLabel | None = None  # text only one copy holds
    # the copy whose words an inline redline prints just before an equal run ("new" after
    # inserted text, "old" after deleted text; None first in its row or after equal text)
    follows: Side | None = None

    @property
    def op(self) -> Op:
        return self.segment.op

    @property
    def old(self) -> tuple[Token, ...]:
        return self.segment.old

    @property
    def new(self) -> tuple[Token, ...]:
        return self.segment.new

    @property
    def old_text(self) -> str:
        return self.segment.side_text("old")

    @property
    def new_text(self) -> str:
        return self.segment.side_text("new")

    @property
    def between_sides(self) -> str:
        """What an inline redline prints between the struck and the inserted text of a
        replacement (`view/words.py`)."""
        return between_sides(self.old_text, self.new_text)

    @property
    def shown_side(self) -> Side:
        """The side an inline redline shows: NEW's for inserted text, else OLD's; an equal
        run shows whichever side holds it (a node not restated has one side only)."""
        segment = self.segment
        if segment.op in (Op.INSERT, Op.ONLY_NEW) or (segment.op == Op.EQUAL and segment.has_side("new")):
            return "new"
        return "old"

    @property
    def shown(self) -> tuple[Token, ...]:
        """The tokens an inline redline shows (`shown_side`)."""
        return self.side(self.shown_side)

    @property
    def text(self) -> str:
        return self.segment.side_text(self.shown_side)

    @property
    def spaced(self) -> bool:
        """Either side has a space before the run (where one copy starts inside a paragraph,
        its first word has none, but the other copy's has). Equal text just after one copy's
        own words is spaced as that copy prints it: an insertion glued to the word after it
        (`ComptrollerPersonnel-Comptroller.`, the bill's new words run into its struck ones)
        is never printed as two words because the other copy has a space there."""
        if self.follows is not None and self.segment.op == Op.EQUAL and self.segment.has_side(self.follows):
            return self.segment.side_spaced(self.follows)
        return self.segment.side_spaced("old") or self.segment.side_spaced("new")

    @property
    def equal(self) -> bool:
        """Text both copies hold alike."""
        return self.segment.op == Op.EQUAL

    @property
    def one_copy(self) -> str:
        """"old" or "new": the copy that alone holds the run's text (the other is truncated); "" otherwise."""
        return {Op.ONLY_OLD: "old", Op.ONLY_NEW: "new"}.get(self.segment.op, "")

    @property
    def recovered(self) -> bool:
        """A replacement whose struck words were recovered from a plain printing."""
        return self.segment.basis == Basis.PLAIN_PRINTING

    @property
    def marked(self) -> str:
        """How a changed run's text is marked: "ins" (inserted), "del" (deleted), "del ins"
        (replaced: the old words struck, then the new underlined); "" for any other run."""
        return {Op.INSERT: "ins", Op.DELETE: "del", Op.REPLACE: "del ins"}.get(self.segment.op, "")

    def side(self, side: str) -> tuple[Token, ...]:
        """One copy's tokens of the run."""
        return self.segment.old if side == "old" else self.segment.new

    def side_text(self, side: str) -> str:
        return self.segment.side_text(side)

    def has_side(self, side: str) -> bool:
        return self.segment.has_side(side)

    def side_spaced(self, side: str) -> bool:
        """That side of the run holds text with a space before it."""
        return self.segment.side_spaced(side)


@dataclass(slots=True)
class MarginItem:
    """A note in the margin: an annotation (its kind, its message, a link to its change) or
    one of the reader's notes (kind "note")."""

    kind: str
    text: str
    href: str = ""


@dataclass(slots=True, eq=False)
class RowView:
    """One node of a section (or an OLD node beside its NEW node) and its runs."""

    comparison: NodeComparison
    kind: str
    depth: int
    old_path: str
    new_path: str
    status: Status
    runs: list[Run]
    changes: list[ChangeView]  # the node's own changes
    whole: ChangeView | None = None  # the change covering the whole node (added, removed, a Source note)
    wrap: str = ""  # "ins" / "del": the whole node's text is marked so, no run of it being marked
    old_at: str = ""  # page:line of the node's first word in OLD
    new_at: str = ""
    span: SourceSpan | None = None  # from the node's first to its last word (NEW's, else OLD's)
    _layout: "weakref.ref[Layout] | None" = field(default=None, repr=False)
    _margin: list[MarginItem] = field(default_factory=list, repr=False)

    def __repr__(self) -> str:
        return f"<RowView {self.new_path or self.old_path} {self.status}: {len(self.runs)} runs, {len(self.changes)} changes>"

    @property
    def move_note(self) -> str:
        """Where a node moved between sections came from (`moved from 815 ILCS 530/10(c)`, on
        its new place) or went (`moved to 815 ILCS 530/12(a)`, on its old place); "" otherwise."""
        layout = self._layout() if self._layout is not None else None
        return layout.move_note_of(self) if layout is not None else ""

    @property
    def plain_cells(self) -> tuple[str, str, str] | None:
        """The row's three cells (inline, OLD's, NEW's) as text where it marks nothing (one run
        both copies hold alike, no change, no move): a page prints most rows so, without its
        macros for changes (`redline_macros.row_view`); None for any other row."""
        if len(self.runs) != 1 or self.whole is not None:
            return None
        run = self.runs[0]
        if not run.equal or run.change is not None or self.move_note:
            return None
        # each side's text read once (an empty side reads "", unspaced); the inline cell shows one of them
        old, new = (run.side_text(side) for side in ("old", "new"))
        return ((" " if run.spaced else "") + (new if run.shown_side == "new" else old),
                (" " if run.side_spaced("old") else "") + old,
                (" " if run.side_spaced("new") else "") + new)

    @property
    def margin(self) -> list[MarginItem]:
        """The notes beside the row: annotations of its node, the reader's notes on it."""
        layout = self._layout() if self._layout is not None else None
        if layout is not None:
            layout.attach_margins()
        return self._margin
