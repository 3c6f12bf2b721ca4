"""Moves: a node removed from one section and added, (nearly) the same, to another.

Its remove and add become one `move` change; where the two texts differ, the words that
differ are word changes of the node at its new place, as a node moved within its section
shows them (a deadline changed in a paragraph moved to another clause is a change). Every
move then says where it was and is (`place_moves`): `old_after` / `new_after`, the path of
the node just before it in each text (the Section before a moved Section, the node before
a moved node), None at the start.
"""

from __future__ import annotations

from typing import Callable, Iterable

from statdiff.compare.pairing import best_pairs
from statdiff.compare.units import Unit
from statdiff.model import Change, Comparison, Document, NodeComparison, Op, SectionComparison, Status

MOVED_NODE_CUTOFF = 90.0  # rapidfuzz ratio: a removed node and an added node this alike are one move
MAX_MOVE_CANDIDATES = 4_000_000  # removed x added nodes beyond which moves are not looked for (and said)

Placed = tuple[SectionComparison, NodeComparison]
Differ = Callable[[NodeComparison, NodeComparison, str], NodeComparison]  # (removed, added, section) -> their diff
_ONE_SIDED = (Status.REMOVED, Status.ADDED)


def pair_moved_nodes(sections: list[SectionComparison], differ: Differ | None = None) -> tuple[int, int] | None:
    """Turn each removed node that another section adds (nearly) the same into one move;
    `differ` gives the redline of the two when their texts differ. Returns (removed, added)
    where there are too many to look among (`MAX_MOVE_CANDIDATES`)."""
    removed: list[Placed] = []
    added: list[Placed] = []
    for section in sections:
        for node in section.nodes:
            if node.status in _ONE_SIDED and node.changes:
                (removed if node.status == Status.REMOVED else added).append((section, node))
    if not removed or not added:
        return None
    if len(removed) * len(added) > MAX_MOVE_CANDIDATES:
        return len(removed), len(added)
    pairs = best_pairs([n.node.text for _, n in removed], [n.node.text for _, n in added], MOVED_NODE_CUTOFF,
                       allowed=lambda i, j: removed[i][0] is not added[j][0])
    for i, j, _ in pairs:
        _mark_moved(removed[i], added[j], differ)
    return None


def _mark_moved(removed: Placed, added: Placed, differ: Differ | None = None) -> None:
    old_section, old_node = removed
    new_section, new_node = added
    old_change, new_change = old_node.changes[0], new_node.changes[0]
    move = Change(Op.MOVE, old_node.node.path, new_node.node.path, old_change.old_text, new_change.new_text,
                  old_change.old_source, new_change.new_source, new_section.path, new_change.attributed_to)
    old_node.changes, new_node.changes = [], [move]
    if differ is not None and old_change.old_text != new_change.new_text:
        diffed = differ(old_node, new_node, new_section.path)
        new_node.segments = diffed.segments
        new_node.changes.extend(diffed.changes)
    old_node.status = new_node.status = Status.MOVED
    # The section the node left stays `changed` though the move is the new section's change:
    # it lost a node, and a reader skimming the sections must not read it as unchanged.


def place_moves(comparison: Comparison, old_units: list[Unit], new_units: list[Unit]) -> None:
    """Set `old_after` / `new_after` on every move: for a Section (a section's own change),
    the Section before it among each text's sections (`*_units`, in reading order); for a
    node, the node with words before it in each text's reading order. None at the start."""
    moves = [(change, section) for section in comparison.sections for change in section.changes
             if change.op == Op.MOVE]
    if not moves:
        return
    section_moves = [(change, section) for change, section in moves if change in section.section_changes]
    node_moves = [(change, section) for change, section in moves if change not in section.section_changes]
    # each text's order is read only for the kind of move there is: a Section's among the
    # sections, a node's among every node of the document (a walk of both trees)
    if section_moves:
        _place(section_moves, _before(unit.path for unit in old_units if unit.node is not comparison.old.root),
               _before(unit.path for unit in new_units if unit.node is not comparison.new.root))
    if node_moves:
        _place(node_moves, _nodes_before(comparison.old), _nodes_before(comparison.new))


def _place(moves: list[tuple[Change, SectionComparison]], old_before: dict[str, str | None],
           new_before: dict[str, str | None]) -> None:
    for change, _ in moves:
        change.old_after = old_before.get(change.old_path or "")
        change.new_after = new_before.get(change.new_path or "")


def _before(paths: Iterable[str]) -> dict[str, str | None]:
    """Each path -> the path just before it (None for the first); a repeated path keeps its first place."""
    found: dict[str, str | None] = {}
    previous: str | None = None
    for path in paths:
        found.setdefault(path, previous)
        previous = path
    return found


def _nodes_before(document: Document) -> dict[str, str | None]:
    return _before(node.path for node in document.walk() if node.has_words())
