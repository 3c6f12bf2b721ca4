"""What the terminal and HTML renderers share: text only one copy holds (one
copy truncated), and where a segment needs a space before it."""

from __future__ import annotations

from statdiff.model import ONLY_NEW, ONLY_OLD, Segment, SectionComparison

ONLY_OPS = (ONLY_OLD, ONLY_NEW)

# How each renderer words the label, by whether shared text came before.
_ONE_COPY_WORDING = {
    "terminal": {True: "the {other} copy stops here", False: "the {other} copy starts here"},
    "html": {True: "(the {other} copy stops before this)", False: "(the {other} copy begins after this)"},
}


def one_copy_label(op: str, after_shared: bool = True, form: str = "html") -> str:
    """`only in the old copy (the new copy stops before this)` in a redline,
    `only in the old copy, the new copy stops here` on a terminal, and siblings."""
    holder, other = ("old", "new") if op == ONLY_OLD else ("new", "old")
    separator = ", " if form == "terminal" else " "
    return f"only in the {holder} copy{separator}" + _ONE_COPY_WORDING[form][after_shared].format(other=other)


def is_cut(section: SectionComparison) -> bool:
    """A section both copies hold that a truncated copy cuts into: some of its
    nodes or words only one copy holds."""
    return section.status not in ONLY_OPS and any(
        node.status in ONLY_OPS or any(segment.op in ONLY_OPS for segment in node.segments)
        for node in section.nodes
    )


def spaced(segment: Segment) -> bool:
    """Either side has a space before the segment (where one copy starts inside
    a paragraph, its first word has none, but the other copy's has)."""
    return any(side[0].space_before for side in (segment.old, segment.new) if side)
