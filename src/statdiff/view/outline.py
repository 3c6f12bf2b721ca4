"""The outline of a redline: each section under its Act and Article, and each run of
sections (or of whole Articles, Acts) in which nothing changed folded into one line.

A whole Act of 959 Sections with a dozen edits reads as its changed Sections under their
Article headings, with one line such as `Secs. 1-4 to 1-12 unchanged (9 Sections)` or
`Articles 2B to 4 unchanged (3 Articles, 87 Sections)` between them: what the page shows
grows with the changes, not with the Act.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from statdiff.view.labels import article_heading, article_label, unique_anchor
from statdiff.view.model import GroupView, QuietRun, SectionView, is_quiet

if TYPE_CHECKING:
    from statdiff.view.layout import Item, Layout, Member

MIXED = "without changes"  # the status of a folded run of groups whose sections differ in status


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
