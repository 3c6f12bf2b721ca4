"""The view of a history (`statdiff history`): what every output of one shows.

A `HistoryView` is the redline of the first version against the last (`redline`, a
`RedlineView` any redline renderer prints: each change's `attributed_to` names the version
that made it, and its `ChangeView.steps` the versions' numbers, the last of which colours
it in the timeline) and, around it, the timeline: each version (`VersionView`: number,
label, file, how it was compared, its step's counts) and each change of a step that did not
last (`UndoneView`: what it did, where, and what became of it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from statdiff.model import Change, Identity, count_ops, counted
from statdiff.view.labels import op_counts
from statdiff.view.model import RedlineView, printed

if TYPE_CHECKING:
    from statdiff.amend.timeline import History, StepChange, Version, VersionText

# The colour of each version's changes, by number (1 is the first text: it makes none), cycled
# after the last: Okabe and Ito's palette, told apart by readers who do not tell red from green.
STEP_COLOURS = ("#555555", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8F7A00", "#000000")


def step_colour(number: int) -> str:
    return STEP_COLOURS[(number - 1) % len(STEP_COLOURS)]


@dataclass(slots=True, eq=False)
class VersionView:
    """One version on the timeline, and (from the second on) what its step did."""

    version: Version
    text: VersionText
    changes: int = 0  # changes its step made
    kept: int = 0  # ... of which a change of the whole history comes from
    later_undone: int = 0  # ... taken back by a later version
    undoes: int = 0  # ... taking back an earlier version's
    left_out: int = 0  # ... in text the comparisons leave out
    credited: int = 0  # changes of the whole history it is credited with
    counts: list[str] = field(default_factory=list)  # `2 insertions, 1 added node`
    by_op: dict[str, int] = field(default_factory=dict)  # {"add": 1, "insert": 2}
    warnings: list[str] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.version.number

    @property
    def label(self) -> str:
        return self.version.label

    @property
    def credit(self) -> str:
        return self.version.credit

    @property
    def file(self) -> str:
        return PurePath(self.version.name).name or self.version.name

    @property
    def name(self) -> str:
        return self.version.name

    @property
    def identity(self) -> Identity:
        return self.version.identity

    @property
    def how(self) -> str:
        return self.text.how

    @property
    def colour(self) -> str:
        return step_colour(self.number)

    @property
    def summary(self) -> str:
        """`the first text`; `3 changes (insertions ...): 2 kept, 1 undone later`."""
        if self.number == 1:
            return "the first text"
        if not self.changes:
            return "no changes"
        parts = [f"{self.kept} kept"]
        for count, words in ((self.later_undone, "undone later"), (self.undoes, "undoing earlier ones"),
                             (self.left_out, "in text not compared")):
            if count:
                parts.append(f"{count} {words}")
        return f"{counted(self.changes, 'change')} ({', '.join(self.counts)}): {', '.join(parts)}"


@dataclass(slots=True, eq=False)
class UndoneView:
    """A change of one step that did not last (or takes back an earlier one), as shown."""

    item: StepChange
    number: int  # 1, 2 ... in the list
    phrase: str
    where: str
    at: str  # page:line in the text of its version (or the one before, for text taken out)
    fate: str  # `undone by v3`, `undoes v2`, `left out of the texts compared from v4`

    @property
    def step(self) -> int:
        return self.item.step

    @property
    def anchor(self) -> str:
        return f"u{self.number}"

    @property
    def change(self) -> Change:
        return self.item.change

    @property
    def kind(self) -> str:
        """`undone`, `undoes` or `left_out` (`StepChange.fate`)."""
        return self.item.fate

    @property
    def undone_in(self) -> tuple[int, ...]:
        return self.item.undone_in

    @property
    def undoes(self) -> tuple[int, ...]:
        return self.item.undoes

    @property
    def left_out_in(self) -> tuple[int, ...]:
        return self.item.left_out_in


@dataclass(slots=True, eq=False)
class HistoryView:
    """A history as every output shows it: the redline of the first version against the last,
    every change credited to its versions, and the timeline of versions."""

    history: History
    redline: RedlineView
    versions: list[VersionView]
    undone: list[UndoneView]

    def __repr__(self) -> str:
        return f"<HistoryView of {self.history!r}>"

    @property
    def title(self) -> str:
        return self.redline.title

    @property
    def order(self) -> str:
        return self.history.order

    @property
    def warnings(self) -> list[str]:
        return self.history.warnings + [warning for version in self.versions for warning in version.warnings]

    @property
    def step_filters(self) -> list[tuple[int, str, int]]:
        """(version, label, changes credited to it) of each version a change is credited to."""
        return [(version.number, version.credit, version.credited) for version in self.versions if version.credited]

    @property
    def colours(self) -> list[tuple[int, str]]:
        """(version, colour) of every version from the second on."""
        return [(version.number, version.colour) for version in self.versions[1:]]


def history_title(history: History) -> str:
    """`History of 815 ILCS 530: v1 815 ILCS 530 through P.A. 94-36 → v3 HB0605 introduced`."""
    subject = history.last.identity.bill or history.last.identity.act or history.first.label
    return f"History of {subject}: {history.first.credit} → {history.last.credit}"


def build_history_view(history: History, redline: RedlineView) -> HistoryView:
    """The view of a history around the redline of its first version against its last."""
    credited: dict[int, int] = {}
    for view in redline.changes:
        credit = history.credit_of(view.change)
        view.steps = credit.versions
        if credit.to_version is not None:
            credited[credit.to_version] = credited.get(credit.to_version, 0) + 1
    versions = [VersionView(version, text, credited=credited.get(version.number, 0))
                for version, text in zip(history.versions, history.texts)]
    for step in history.steps:
        shown = versions[step.number - 1]
        changes = [item.change for item in step.changes]
        fates = [item.fate for item in step.changes]
        shown.changes, shown.counts, shown.warnings = len(changes), op_counts(changes), list(step.warnings)
        shown.by_op = {str(op): count for op, count in count_ops(changes).items()}
        shown.kept, shown.later_undone = fates.count("kept"), fates.count("undone")
        shown.undoes, shown.left_out = fates.count("undoes"), fates.count("left_out")
    return HistoryView(history, redline, versions, _undone(history))


def _undone(history: History) -> list[UndoneView]:
    from statdiff.annotate.phrases import describe

    shown: list[UndoneView] = []
    for item in history.undone:
        change = item.change
        where = change.place
        at = printed(change.old_source if change.op in ("delete", "remove") else change.new_source)
        shown.append(UndoneView(item, len(shown) + 1, describe(change), where, at, _fate(item)))
    return shown


def _fate(item: StepChange) -> str:
    """What became of a step change that did not last, in a few words."""
    if item.fate == "undone":
        return f"undone by {_versions(item.undone_in)}" if item.undone_in else "undone later"
    if item.fate == "undoes":
        return f"takes back what {_versions(item.undoes)} did"
    if item.left_out_in:
        return f"left to one copy from {_versions(item.left_out_in)} on (a truncated copy)"
    return "in text the comparison of the first and last versions does not compare"


def _versions(numbers: tuple[int, ...]) -> str:
    return ", ".join(f"v{number}" for number in numbers)
