"""A redline statdiff wrote, read back: its change list from its attributes.

Every change of a statdiff redline is one element with class `change` carrying
`data-op`, `data-old-path` / `data-new-path`, `data-old-source` / `data-new-source`
(`page:line-page:line`), `data-section`, `data-attributed-to`, `data-basis` (a change not
read off the two texts), `data-old-after` / `data-new-after` (a move) and its anchor as `id`;
its words are inside `<ins>` / `<del>` or, for a change shown by a description, in
`data-old-text` / `data-new-text` (the attributes are documented in `redline.html.j2`).
"""

from __future__ import annotations

from typing import Any

from statdiff.errors import StatdiffError
from statdiff.model import Basis, Change, Op, SourceSpan
from statdiff.read.html import is_statdiff_redline, parse_html


def changes_from_redline(text: str, name: str = "<redline>") -> list[Change]:
    """The change list of a redline statdiff wrote, read from its attributes."""
    root = parse_html(text, name)
    if not is_statdiff_redline(root):
        raise StatdiffError(f"{name}: not a statdiff redline (no generator meta)")
    return redline_changes(root, name)


def redline_changes(root: Any, name: str = "<redline>") -> list[Change]:
    """The changes of a redline `parse_html` has already parsed."""
    changes = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("data-op") is None:
            continue
        if "change" not in (element.get("class") or "").split():
            continue
        changes.append(Change(
            op=_op(element.get("data-op"), name),
            old_path=element.get("data-old-path") or None,
            new_path=element.get("data-new-path") or None,
            old_text=_change_text(element, "old", "del"),
            new_text=_change_text(element, "new", "ins"),
            old_source=_span(element.get("data-old-source")),
            new_source=_span(element.get("data-new-source")),
            section=element.get("data-section") or "",
            attributed_to=element.get("data-attributed-to") or None,
            anchor=element.get("id") or "",
            basis=_basis(element.get("data-basis"), name),
            old_after=element.get("data-old-after") or None,
            new_after=element.get("data-new-after") or None,
        ))
    return changes


def _op(value: str, name: str) -> Op:
    try:
        return Op(value)
    except ValueError:
        raise StatdiffError(f"{name}: a change with the unknown op {value!r}; not a statdiff redline") from None


def _basis(value: str | None, name: str) -> Basis | None:
    if not value:
        return None
    try:
        return Basis(value)
    except ValueError:
        raise StatdiffError(f"{name}: a change with the unknown basis {value!r}; not a statdiff redline") from None


def _change_text(element: Any, side: str, tag: str) -> str:
    """The change's text on one side: `data-old-text` / `data-new-text` where the
    redline gives them (a Source note or a move shows a description, not the
    text), else the words inside its `<del>` / `<ins>`."""
    given = element.get(f"data-{side}-text")
    if given is not None:
        return given
    text = _marked_text(element, tag)
    if "whole-node" in (element.get("class") or "").split():
        inner = [_marked_text(cell, tag) for cell in _inner_rows(element, tag)]
        text = " ".join(part for part in [text, *inner] if part)
    return text


def _inner_rows(element: Any, tag: str) -> list[Any]:
    """The inline cells of the rows that print the nodes inside a whole node added (`ins`)
    or removed (`del`) by `element`: the rows after its own, deeper than it (`d1` under
    `d0`) and added (removed) too, up to the first that is not; a row holding a change of
    its own is that change's."""
    row = next((ancestor for ancestor in element.iterancestors() if "row" in (ancestor.get("class") or "").split()),
               None)
    depth = _depth(row) if row is not None else None
    if row is None or depth is None:
        return []
    marked = "node-added" if tag == "ins" else "node-removed"
    cells: list[Any] = []
    for following in row.itersiblings():
        classes = (following.get("class") or "").split()
        inner = _depth(following)
        if marked not in classes or inner is None or inner <= depth:
            break
        if any(found.get("data-op") is not None for found in following.iter() if isinstance(found.tag, str)):
            continue  # a node with a change of its own (the markup's, one a node)
        cells.extend(cell for cell in following.iter() if "cell-inline" in (cell.get("class") or "").split())
    return cells


def _depth(row: Any) -> int | None:
    """A row's depth from its `d0`, `d1`... class; None for a row that has none."""
    for name in (row.get("class") or "").split():
        if name[:1] == "d" and name[1:].isdigit():
            return int(name[1:])
    return None


def _marked_text(element: Any, tag: str) -> str:
    parts = [" ".join(found.text_content().split()) for found in element.iter(tag) if not _inside(found, tag, element)]
    return " ".join(part for part in parts if part)


def _inside(found: Any, tag: str, outer: Any) -> bool:
    """True when `found` sits inside another `tag` element below `outer`."""
    for ancestor in found.iterancestors():
        if ancestor is outer:
            return False
        if ancestor.tag == tag:
            return True
    return False


def _span(value: str | None) -> SourceSpan | None:
    """A `data-*-source` attribute (`page:line-page:line`); None where it is empty or unreadable."""
    if not value:
        return None
    try:
        return SourceSpan.parse(value)
    except ValueError:
        return None
