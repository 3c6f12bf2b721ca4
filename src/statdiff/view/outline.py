"""The outline of a redline: each section under its Act and Article, and each run of
sections (or of whole Articles, Acts) in which nothing changed folded into one line.

A whole Act of 959 Sections with a dozen edits reads as its changed Sections under their
Article headings, with one line such as `Secs. 1-4 to 1-12 unchanged (9 Sections)` or
`Articles 2B to 4 unchanged (3 Articles, 87 Sections)` between them: what the page shows
grows with the changes, not with the Act. Its items are the sections (`SectionView`), the
Acts and Articles holding them (`GroupView`) and the folded runs (`QuietRun`): only a page
that shows an outline (the HTML redline, which the PDF prints) builds one and loads this module.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from statdiff.model import counted
from statdiff.view.labels import article_heading, article_label, label_range, unique_anchor
from statdiff.view.model import ChangeView, SectionView

if TYPE_CHECKING:
    from statdiff.view.layout import Item, Layout, Member

MIXED = "without changes"  # the status of a folded run of groups whose sections differ in status


@dataclass(slots=True, eq=False)
class GroupView:
    """An Act or an Article of the texts and what the redline shows of it: a heading
    (`10 ILCS 5 Election Code`, `Article 2A STATE BOARD OF ELECTIONS`), its sections and
    inner groups in reading order (`members`), and the same with each run of members in
    which nothing changed folded into one `QuietRun` (`items`)."""

    item_kind: ClassVar[str] = "group"
    kind: str  # "act" or "article"
    path: str  # `10 ILCS 5`, `10 ILCS 5/Art. 2A`
    label: str  # `10 ILCS 5`, `Article 2A`
    heading: str  # `Election Code`, `STATE BOARD OF ELECTIONS`; "" where unknown
    anchor: str
    members: "list[GroupView | SectionView]" = field(default_factory=list)
    items: "list[GroupView | SectionView | QuietRun]" = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<GroupView {self.kind} {self.path}: {len(self.members)} members, {len(self.changes)} changes>"

    @property
    def sections(self) -> list[SectionView]:
        """Every section of the group, inner groups' included, in reading order."""
        return sections_of(self.members)

    @property
    def changes(self) -> list[ChangeView]:
        return [change for section in self.sections for change in section.changes]

    @property
    def changed_sections(self) -> list[SectionView]:
        return [section for section in self.sections if not section.collapsed]

    @property
    def quiet(self) -> bool:
        """Nothing of it changed: it folds into a run."""
        return all(section.collapsed for section in self.sections)

    @property
    def shown(self) -> "list[GroupView | SectionView]":
        """The members a table of contents lists: inner groups and sections that changed."""
        return [member for member in self.members if not is_quiet(member)]


@dataclass(slots=True, eq=False)
class QuietRun:
    """Consecutive sections (or whole Articles, Acts) in which nothing changed, all with the
    same status: one folded line, `Secs. 1-4 to 1-12 unchanged (9 Sections)`, that opens
    onto its members."""

    item_kind: ClassVar[str] = "run"
    members: "list[GroupView | SectionView]"
    status_label: str  # `unchanged`, `not amended by this bill`; `without changes` for mixed groups
    anchor: str

    @property
    def sections(self) -> list[SectionView]:
        """Every section the run folds, those of its groups included, in reading order."""
        return sections_of(self.members)

    def __repr__(self) -> str:
        return f"<QuietRun {self.text}>"

    @property
    def text(self) -> str:
        """`Secs. 1-4 to 1-12 unchanged (9 Sections)`, `Articles 2B to 4 unchanged (3 Articles,
        87 Sections)`, `Article 3 GENERAL PROVISIONS unchanged (6 Sections)`."""
        first, last = self.members[0], self.members[-1]
        sections = _counted_units(self.sections)
        groups = [member for member in self.members if isinstance(member, GroupView)]
        if len(self.members) == 1 and isinstance(first, GroupView):
            named = f"{first.label} {first.heading}".strip()
            return f"{named} {self.status_label} ({sections})"
        counts = sections
        if len(groups) == len(self.members):
            noun = "Act" if groups[0].kind == "act" else "Article"
            counts = f"{counted(len(groups), noun)}, {sections}"
        return f"{label_range(first.label, last.label)} {self.status_label} ({counts})"


def _counted_units(sections: list[SectionView]) -> str:
    """`9 Sections`; where each is a document's numbered clause (a contract's `Clause 4.1`, whose
    headings and front matter are no Sections), `6 Clauses`, `front matter, 1 Clause`."""
    clauses = [section for section in sections if section.path]
    if clauses and all(section.label.startswith("Clause ") for section in clauses):
        count = counted(len(clauses), "Clause")
        return count if len(clauses) == len(sections) else f"front matter, {count}"
    return counted(len(sections), "Section")


def sections_of(members: "list[GroupView | SectionView]") -> list[SectionView]:
    """The sections among `members` and inside the groups among them, in reading order."""
    found: list[SectionView] = []
    for member in members:
        found.extend(member.sections if isinstance(member, GroupView) else [member])
    return found


def is_quiet(member: "GroupView | SectionView") -> bool:
    """A section or a group in which nothing changed."""
    return member.quiet if isinstance(member, GroupView) else member.collapsed


def build_outline(sections: list[SectionView], layout: Layout) -> tuple[list[Member], list[Item]]:
    """(members, items): the sections under their Act and Article groups in reading order;
    and the same with runs in which nothing changed folded."""
    used = {section.anchor for section in sections}
    top: list[Member] = []
    act: GroupView | None = None
    article: GroupView | None = None
    for section in sections:
        citation = section.act
        if (act.path if act is not None else None) != citation:
            act = _group("act", citation, citation, layout.act_name(citation), used) if citation else None
            article = None
            if act is not None:
                top.append(act)
        node = layout.article_node_of(section.section)
        if (article.path if article is not None else None) != (node.path if node is not None else None):
            article = None
            if node is not None:
                article = _group("article", node.path, article_label(node), article_heading(node), used)
                (act.members if act is not None else top).append(article)
        holder = article if article is not None else act
        (holder.members if holder is not None else top).append(section)
    return top, fold(top, used)


def fold(members: list[Member], used: set[str]) -> list[Item]:
    """The members with each run of quiet ones (same status) as one `QuietRun`; a lone quiet
    section stays itself (it already folds to one line). Groups are folded within too."""
    for member in members:
        if isinstance(member, GroupView):
            member.items = fold(member.members, used)
    items: list[Item] = []
    for status, run in itertools.groupby(members, key=quiet_status):
        run_members = list(run)
        if status is None or (len(run_members) == 1 and isinstance(run_members[0], SectionView)):
            items.extend(run_members)
        else:
            items.append(QuietRun(run_members, status, unique_anchor("run-" + run_members[0].anchor, used)))
    return items


def quiet_status(member: Member) -> str | None:
    """How a quiet member reads in its run's line (`unchanged`, `not amended by this bill`);
    None for a member in which something changed."""
    if not is_quiet(member):
        return None
    if isinstance(member, SectionView):
        return member.status_label
    labels = {section.status_label for section in member.sections}
    return labels.pop() if len(labels) == 1 else MIXED


def _group(kind: str, path: str, label: str, heading: str, used: set[str]) -> GroupView:
    prefix = "act-" if kind == "act" else "art-"
    return GroupView(kind, path, label, heading, unique_anchor(prefix + path, used))
