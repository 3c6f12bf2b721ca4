"""Moves: a node removed from one section and added, (nearly) the same, to another.

Its remove and add become one `move` change (text differences show in its texts)."""

from __future__ import annotations

from statdiff.compare.pairing import best_pairs
from statdiff.model import Change, NodeComparison, Op, SectionComparison, Status

MOVED_NODE_CUTOFF = 90.0  # rapidfuzz ratio: a removed node and an added node this alike are one move
MAX_MOVE_CANDIDATES = 250_000  # removed x added nodes beyond which moves are not looked for

Placed = tuple[SectionComparison, NodeComparison]


def pair_moved_nodes(sections: list[SectionComparison]) -> None:
    """Turn each removed node that another section adds (nearly) the same into one move."""
    removed = [(s, n) for s in sections for n in s.nodes if n.status == Status.REMOVED and n.changes]
    added = [(s, n) for s in sections for n in s.nodes if n.status == Status.ADDED and n.changes]
    if not removed or not added or len(removed) * len(added) > MAX_MOVE_CANDIDATES:
        return
    pairs = best_pairs([n.node.text for _, n in removed], [n.node.text for _, n in added], MOVED_NODE_CUTOFF,
                       allowed=lambda i, j: removed[i][0] is not added[j][0])
    for i, j, _ in pairs:
        _mark_moved(removed[i], added[j])


def _mark_moved(removed: Placed, added: Placed) -> None:
    old_section, old_node = removed
    new_section, new_node = added
    old_change, new_change = old_node.changes[0], new_node.changes[0]
    move = Change(Op.MOVE, old_node.node.path, new_node.node.path, old_change.old_text, new_change.new_text,
                  old_change.old_source, new_change.new_source, new_section.path, new_change.attributed_to)
    old_node.changes, new_node.changes = [], [move]
    old_node.status = new_node.status = Status.MOVED
    for section in (old_section, new_section):
        if section.status == Status.CHANGED and not section.changes:
            section.status = Status.UNCHANGED
