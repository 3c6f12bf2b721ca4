"""The paths of a clause tree (`statdiff.structure.clauses`): a section's path is its label
(`Clause 7.2`, `Schedule 2`, a heading in quotes) when no other section of the document has
that label, else it is put after the path of the section that holds it (`Schedule 2 Clause 1`)
unless its number extends that section's; other nodes: the parent's path, then `(a)`,
`"Term"`, `[n]` (the n-th paragraph or list item), `Table n`, `Table n row "First cell"`.
"""

from __future__ import annotations

from statdiff.model import Node
from statdiff.structure.lines import unwrap
from statdiff.structure.tree import ENUM_KINDS


def name_paths(root: Node) -> None:
    """Every node's path (see `statdiff.structure.clauses`): a section's label when no other
    section has it, else after the path of the section that holds it; `(a)`, `"Term"`, `[n]`,
    `Table n`, `Table n row "First cell"` after their parent's."""
    labels: dict[str, int] = {}
    for node in root.walk():
        if node.kind == "section":
            labels[node.label or ""] = labels.get(node.label or "", 0) + 1
    used: set[str] = set()
    _name_children(root, "", "", labels, used)


def _name_children(node: Node, path: str, qualifier: str, labels: dict[str, int], used: set[str]) -> None:
    counts: dict[str, int] = {}
    for child in node.children:
        child_qualifier = path
        if child.kind == "section":
            if _extends(child, node):
                child_qualifier = qualifier
            label = child.label or ""
            base = label if labels[label] == 1 else _join(child_qualifier, label)
        elif child.kind == "table":
            counts["table"] = counts.get("table", 0) + 1
            base = _join(path, f"Table {counts['table']}")
            child.label = f"Table {counts['table']}"
        elif child.kind == "row":
            cells = child.meta.cells
            key = unwrap(cells[0]) if cells else ""
            counts["row"] = counts.get("row", 0) + 1
            base = f'{path} row "{key}"' if key else f"{path} row [{counts['row']}]"
            child.label = f'"{key}"' if key else None
        elif child.kind == "definition":
            base = _join(path, child.label or "")
        elif child.kind in ENUM_KINDS.values():
            base = _join(path, _parenthesised(child.meta.enumerator or ""))
        else:
            counts["text"] = counts.get("text", 0) + 1
            base = _join(path, f"[{counts['text']}]")
        child.path = _unique(base, used)
        _name_children(child, child.path, child_qualifier if child.kind == "section" else qualifier, labels, used)


def _extends(child: Node, parent: Node) -> bool:
    """`Clause 7.2` under `Clause 7` (or `Section 3.1` under `Article 3`) needs no qualifier."""
    number, held_by = child.meta.number, parent.meta.number if parent.kind == "section" else None
    return bool(number and held_by and number.startswith(held_by + ".") and number[len(held_by) + 1:])


def _unique(path: str, used: set[str]) -> str:
    candidate, count = path, 1
    while candidate in used:
        count += 1
        candidate = f"{path} #{count}"
    used.add(candidate)
    return candidate


def _join(path: str, part: str) -> str:
    return f"{path} {part}" if path else part


def _parenthesised(enumerator: str) -> str:
    """`a)`, `a.` and `(a)` are all `(a)` in a path."""
    return enumerator if enumerator.startswith("(") else f"({enumerator[:-1]})"
