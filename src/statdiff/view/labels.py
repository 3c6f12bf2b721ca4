"""The words a redline prints around the text: section labels, status labels, one-copy
labels, counts. Every document output (HTML today; Word and PDF next) shows these; the
terminal keeps its own shorter, git-like wording."""

from __future__ import annotations

import re

from statdiff.model import Mode, Op, SectionComparison, Status, count_ops, Change

ONLY_SECTION_LABELS = {
    Status.ONLY_OLD: "present in the old copy only: the new copy is truncated",
    Status.ONLY_NEW: "present in the new copy only: the old copy is truncated",
}
CUT_SECTION_LABEL = "shared in part: a copy is truncated inside it"
FRONT_MATTER = "Front matter"

# How deep each kind of node is indented.
DEPTH = {
    "document": 0, "article": 0, "bill_section": 0, "section": 0, "citation": 0,
    "source_note": 0, "version_note": 0, "subsection": 1, "definition": 1, "text": 1,
    "paragraph": 2, "subparagraph": 3, "item": 4,
}
_OP_NOUNS = {
    Op.INSERT: ("insertion", "insertions"), Op.DELETE: ("deletion", "deletions"),
    Op.REPLACE: ("replacement", "replacements"), Op.ADD: ("added node", "added nodes"),
    Op.REMOVE: ("removed node", "removed nodes"), Op.MOVE: ("move", "moves"),
    Op.RENUMBER: ("renumbering", "renumberings"), Op.SOURCE: ("Source note change", "Source note changes"),
}
# How each output words the label of text only one copy holds, by whether shared text came before.
_ONE_COPY_WORDING = {
    "terminal": {True: "the {other} copy stops here", False: "the {other} copy starts here"},
    "html": {True: "(the {other} copy stops before this)", False: "(the {other} copy begins after this)"},
}


def one_copy_label(op: str, after_shared: bool = True, form: str = "html") -> str:
    """`only in the old copy (the new copy stops before this)` in a redline,
    `only in the old copy, the new copy stops here` on a terminal, and siblings."""
    holder, other = ("old", "new") if op == Op.ONLY_OLD else ("new", "old")
    separator = ", " if form == "terminal" else " "
    return f"only in the {holder} copy{separator}" + _ONE_COPY_WORDING[form][after_shared].format(other=other)


def status_label(status: str, mode: str) -> str:
    """How a section's status reads beside its heading (`amended`, `not amended by this bill`)."""
    labels: dict[str, str] = {
        Status.UNCHANGED: "unchanged",
        Status.NOT_RESTATED: "not amended by this bill" if mode == Mode.AMENDMENT else "not in the new text",
        Status.ONLY_OLD: ONLY_SECTION_LABELS[Status.ONLY_OLD],
        Status.ONLY_NEW: ONLY_SECTION_LABELS[Status.ONLY_NEW],
        Status.CHANGED: "amended",
        Status.ADDED: "added",
        Status.REMOVED: "removed",
        Status.MOVED: "moved",
        Status.RENUMBERED: "renumbered",
    }
    return labels.get(status, status.replace("_", " "))


def section_label(section: SectionComparison) -> str:
    """`Sec. 10` (from the section's number, else its path), else the path, else "Front matter"."""
    node = section.new or section.old
    number = node.meta.number if node is not None else None
    if number:
        return f"Sec. {number}"
    match = re.search(r"/([\w.\-]+)$", section.path)
    if match:
        return f"Sec. {match.group(1)}"
    return section.path or FRONT_MATTER


def op_counts(changes: list[Change]) -> list[str]:
    """`7 insertions`, `1 added node`: how many changes of each op, ops in alphabetical order."""
    phrases = []
    for op, count in count_ops(changes).items():
        singular, plural = _OP_NOUNS.get(op, (op, op))
        phrases.append(f"{count} {singular if count == 1 else plural}")
    return phrases


def kind_counts(kinds: list[str]) -> list[str]:
    """`2 deadline`, `1 cross-reference`: how many margin notes of each kind, kinds sorted."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    return [f"{count} {kind.replace('_', '-')}" for kind, count in sorted(counts.items())]


def as_lead(label: str) -> str:
    """`present in the old copy only: the new copy is truncated` becomes
    `Present in the old copy only (the new copy is truncated)`."""
    head, _, reason = label.partition(": ")
    return f"{head[:1].upper()}{head[1:]} ({reason})"
